"""Line-level precision and recall of analysis.cleaning against hand-labelled page furniture.

Run: ``PYTHONPATH=. .venv/bin/python bench/bench_cleaning.py [--corpus PATH]
[--split tune|held|both] [--errors] [--time N]``

``--time N`` instead times ``clean_corpus`` on N unlabelled articles (seeded sample; the
labelled articles and the held draw are left out): the best of five runs in CPU
time, in microseconds per article.

The answer keys label every non-empty line ``content``, ``furniture`` or ``mixed`` (with the
furniture's character spans). Eleven draws of allsides-abp articles, each labelled before
the cleaner was run on it; the column ``draw`` says which draw (and file) a line came from:

* ``tests/fixtures/furniture_gold.jsonl``: 200 articles drawn with seed 16 and labelled
  first (``furniture_gold.md``), split 100 / 100 when drawn (``draw`` ``first/tune``,
  ``first/held``); its held half was measured once and read since.
* ``tests/fixtures/furniture_gold_held.jsonl``: 100 articles drawn with seed 1616, the 200
  excluded (``furniture_gold_held.md``; ``draw`` ``second``); measured once as the held
  set (2026-11-30) and read since.
* ``tests/fixtures/furniture_gold_fresh.jsonl``: 100 articles drawn with seed 1617, the
  300 excluded (``furniture_gold_fresh.md``; ``draw`` ``fresh``), labelled by someone who had
  not read the rules; measured once as the held set (2026-11-30) and read since.
* ``tests/fixtures/furniture_gold_fresh2.jsonl``: 100 articles drawn with seed 1618, the
  400 excluded (``furniture_gold_fresh2.md``; ``draw`` ``fresh2``), labelled the same way;
  measured once as the held set (2026-11-30) and read since.
* ``tests/fixtures/furniture_gold_fresh3.jsonl``: 100 articles drawn with seed 1619, the
  500 excluded (``furniture_gold_fresh3.md``; ``draw`` ``fresh3``), labelled the same way;
  measured once as the held set (2026-11-30: P 0.995, R 0.683 before the fifth round of
  rules, 0.712 after) and read since.
* ``tests/fixtures/furniture_gold_fresh4.jsonl``: 100 articles drawn with seed 1620, the
  600 excluded (``furniture_gold_fresh4.md``; ``draw`` ``fresh4``), labelled the same way;
  measured once as the held set (2026-11-30: P 0.989, R 0.758 at the round's start, 0.775
  after the fifth and sixth rounds) and read since.
* ``tests/fixtures/furniture_gold_fresh5.jsonl``: 100 articles drawn with seed 1621, the
  700 excluded (``furniture_gold_fresh5.md``; ``draw`` ``fresh5``), labelled the same way;
  measured once as the held set (2026-11-30): P 1.000, R 0.861 (230 of 267
  furniture-bearing lines, no content line lost) both at the round's start (f3b2f20) and
  after the seventh and eighth rounds, which found nothing more in it; read since.
* ``tests/fixtures/furniture_gold_fresh6.jsonl``: 100 articles drawn with seed 1622, the
  800 excluded (``furniture_gold_fresh6.md``; ``draw`` ``fresh6``), labelled the same way;
  measured once as the held set (2026-11-30): P 0.972, R 0.809 (242 of 299) at the round's
  start (f3b2f20), R 0.819 (245 of 299) after the seventh and eighth rounds; read since.
* ``tests/fixtures/furniture_gold_fresh7.jsonl``: 100 articles drawn with seed 1623, the
  900 excluded (``furniture_gold_fresh7.md``; ``draw`` ``fresh7``), labelled the same way,
  before the ninth round of rules; measured once as the held set (2026-11-30): P 0.991,
  R 0.785 (227 of 289) at the round's start (2b3a6d1), P 0.991, R 0.789 (228 of 289)
  after the ninth round, whose rules were written on the 900 tuning articles (tune R
  0.898 -> 0.918); read since (tuning data from the tenth round on).
* ``tests/fixtures/furniture_gold_fresh8.jsonl``: 100 articles drawn with seed 1624, the
  1,000 excluded (``furniture_gold_fresh8.md``; ``draw`` ``fresh8``), labelled the same way,
  before the tenth round of rules; measured twice, summary lines only: at the round's
  start (98d59ac) P 0.991, R 0.833 (215 of 258 furniture-bearing lines, 2 content lines
  removed), and after the tenth round (d4b4dea), whose rules were written on the 1,000
  tuning articles (tune R 0.904 -> 0.917): P 0.991, R 0.837 (216 of 258). Spent; read
  since (tuning data from the eleventh round on).
* ``tests/fixtures/furniture_gold_fresh9.jsonl``: 100 articles drawn with seed 1625, the
  1,100 excluded (``furniture_gold_fresh9.md``; ``draw`` ``fresh9``), labelled the same way
  while the eleventh round of rules was written on the 1,100 tuning articles (tune R 0.910
  -> 0.926); measured twice, summary lines only, both after the rules were done: with the
  cleaner of the round's start (5adf0de) and of its end (d045344), the same figure, P 0.986,
  R 0.865 (212 of 245 furniture-bearing lines, 2 content lines and 1 mixed line removed
  whole): the round's rules found nothing more in it. It is spent: the next held figure
  needs a twelfth draw (seed 1626) at the end of ``LATER_DRAWS``.

The draws are listed in ``LATER_DRAWS``; a new one goes at its end. Split in use: **the
1,100 articles of the first ten files are the tuning set** (``tune``); the eleventh file is
the ``held`` set, for the figure. While it is absent, ``--split held`` says so and measures
nothing.

The bench redraws the samples to check them (the held draw only when it is measured),
checks each line's SHA-1 against the corpus, runs ``analysis.cleaning.furniture_table``
(all rules, the shipped ``cleaning.yml``) and a plain baseline on the articles of the
split(s) asked for (``--split``, default ``tune``: the held articles are not even cleaned
unless asked), and prints per split, and per draw within the tuning set:

* **precision**: of the lines the cleaner touched, the share where it removed furniture
  only. A content line removed is a false positive, and so is a *mixed* line removed
  whole: its content is lost with its furniture.
* **recall**: of the lines holding furniture (``furniture`` and ``mixed``), the share whose
  furniture was removed (at least 90% of its characters), whether by dropping the line or,
  for a cleaner that edits inside lines, by cutting the furniture out.

Characters are compared on letters and digits only (so spaces and punctuation at the edge
of a span do not count), or on all non-space characters for a line with no letters or
digits (``___``). For ``tune`` only: a per-outlet count of the furniture-bearing lines
missed (with the draw), the false positives by cleaning rule, and with ``--errors`` each
miss and false positive. For ``held`` only the figures are printed: its errors are never
shown, so rules are not tuned on them.

Skips, with a message naming the path, when the corpus is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import load_corpus
from analysis.cleaning import clean_corpus, furniture_table

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "furniture_gold.jsonl"
FIXTURES = ROOT / "tests" / "fixtures"
#: The later draws, in the order they were drawn: ``(draw, answer key, seed)``; each drew
#: 100 articles with :func:`sample_fresh_held`, every article of the draws before it
#: excluded. The last one is the ``held`` set; the others, with the first, are ``tune``.
LATER_DRAWS: list[tuple[str, Path, int]] = [
    ("second", FIXTURES / "furniture_gold_held.jsonl", 1616),
    ("fresh", FIXTURES / "furniture_gold_fresh.jsonl", 1617),
    ("fresh2", FIXTURES / "furniture_gold_fresh2.jsonl", 1618),
    ("fresh3", FIXTURES / "furniture_gold_fresh3.jsonl", 1619),
    ("fresh4", FIXTURES / "furniture_gold_fresh4.jsonl", 1620),
    ("fresh5", FIXTURES / "furniture_gold_fresh5.jsonl", 1621),
    ("fresh6", FIXTURES / "furniture_gold_fresh6.jsonl", 1622),
    ("fresh7", FIXTURES / "furniture_gold_fresh7.jsonl", 1623),
    ("fresh8", FIXTURES / "furniture_gold_fresh8.jsonl", 1624),
    ("fresh9", FIXTURES / "furniture_gold_fresh9.jsonl", 1625),
]
ALLSIDES = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"

SEED = 16
SAMPLE_SIZE = 200
MIN_OUTLET = 20
POOLED = "(outlets with fewer than 20 articles)"
FOUND_SHARE = 0.9
FRESH_SIZE = 100
SECOND_SEED = LATER_DRAWS[0][2]

Spans = Sequence[tuple[int, int]]


def sample_articles(corpus: pd.DataFrame, *, n: int = SAMPLE_SIZE, seed: int = SEED,
                    min_outlet: int = MIN_OUTLET) -> pd.DataFrame:
    """The labelled sample: ``article_id, outlet, split``, drawn as furniture_gold.md says.

    Outlets with ``min_outlet`` articles or more are strata of their own, the rest one pooled
    stratum; ``n`` articles are allocated proportionally (at least 1 per stratum, largest
    remainders), drawn in stratum-name order, then split in half per stratum into ``tune``
    and ``held`` (odd ones pooled and split at the end), all with one seeded generator.
    """
    stratum = _strata(corpus, min_outlet=min_outlet)
    alloc = _allocate(stratum.value_counts().sort_index(), n)
    rng = np.random.default_rng(seed)
    frame = corpus.assign(stratum=stratum).sort_values("article_id")
    drawn = [(name, list(rng.choice(frame.loc[frame["stratum"] == name, "article_id"]
                                    .to_numpy(), size=alloc[name], replace=False)))
             for name in sorted(alloc.index)]
    split: dict[str, str] = {}
    odd: list[str] = []
    for _, ids in drawn:
        ids = list(rng.permutation(ids))
        half = len(ids) // 2
        split.update(dict.fromkeys(ids[:half], "tune"))
        split.update(dict.fromkeys(ids[half:2 * half], "held"))
        odd += ids[2 * half:]
    odd = list(rng.permutation(odd))
    split.update(dict.fromkeys(odd[:len(odd) // 2], "tune"))
    split.update(dict.fromkeys(odd[len(odd) // 2:], "held"))
    outlets = frame.set_index("article_id")["outlet"]
    return pd.DataFrame({"article_id": list(split), "outlet": outlets[list(split)].tolist(),
                         "split": list(split.values())})


def _strata(corpus: pd.DataFrame, *, min_outlet: int) -> pd.Series:
    """Each article's stratum: its outlet, or ``POOLED`` for outlets under ``min_outlet``."""
    sizes_by_outlet = corpus["outlet"].value_counts()
    return corpus["outlet"].where(corpus["outlet"].map(sizes_by_outlet) >= min_outlet, POOLED)


def _allocate(sizes: pd.Series, n: int) -> pd.Series:
    """``n`` draws proportional to ``sizes``, at least 1 each, largest remainders (among the
    strata not lifted to 1; ties in name order)."""
    quota = n * sizes / sizes.sum()
    alloc = np.maximum(1, np.floor(quota)).astype(int)
    remainders = (quota - np.floor(quota)).where(alloc == np.floor(quota), -1)
    for name in remainders.sort_values(ascending=False, kind="stable").index[:n - alloc.sum()]:
        alloc[name] += 1
    return alloc


def sample_fresh_held(corpus: pd.DataFrame, *, exclude: Iterable[str], n: int = FRESH_SIZE,
                      seed: int = SECOND_SEED, min_outlet: int = MIN_OUTLET) -> pd.DataFrame:
    """A later draw (``furniture_gold_held.md``): ``article_id, outlet, split``.

    The same strata as :func:`sample_articles` (outlets with ``min_outlet`` articles or more
    in the whole corpus, the rest pooled) and the same allocation (``n`` proportional to the
    strata's sizes in the whole corpus, at least 1 each, largest remainders); each stratum,
    in name order, draws its quota from its articles not in ``exclude`` (sorted by
    ``article_id``) with ``rng.choice(ids, size, replace=False)`` of one generator seeded
    ``seed``. Every article drawn is ``held``.
    """
    stratum = _strata(corpus, min_outlet=min_outlet)
    alloc = _allocate(stratum.value_counts().sort_index(), n)
    rng = np.random.default_rng(seed)
    excluded = set(exclude)
    frame = corpus.assign(stratum=stratum).sort_values("article_id")
    frame = frame[~frame["article_id"].isin(excluded)]
    ids = [i for name in sorted(alloc.index)
           for i in rng.choice(frame.loc[frame["stratum"] == name, "article_id"].to_numpy(),
                               size=alloc[name], replace=False)]
    outlets = frame.set_index("article_id")["outlet"]
    return pd.DataFrame({"article_id": ids, "outlet": outlets[ids].tolist(),
                         "split": "held"})


def load_gold(path: Path = GOLD) -> pd.DataFrame:
    """One answer key as stored (its ``split`` column as written when it was drawn)."""
    with open(path, encoding="utf-8") as fh:
        return pd.DataFrame([json.loads(line) for line in fh if line.strip()])


def load_splits(first: Path = GOLD,
                later: Sequence[tuple[str, Path, int]] = tuple(LATER_DRAWS)) -> pd.DataFrame:
    """The answer keys with the splits in use now: every article of ``first`` and of the
    ``later`` draws but the last is ``tune``, every article of the last (when its file
    exists) ``held``; ``draw`` says where each came from (``first/tune``, ``first/held``:
    the halves of the first draw; then the names in ``later``)."""
    old = load_gold(first)
    parts = [old.assign(draw="first/" + old["split"], split="tune")]
    parts += [load_gold(path).assign(draw=draw, split="tune") for draw, path, _ in later[:-1]]
    draw, path, _ = later[-1]
    if path.exists():
        parts.append(load_gold(path).assign(draw=draw, split="held"))
    return pd.concat(parts, ignore_index=True)


def fresh_ids(corpus: pd.DataFrame, labelled: Iterable[str],
              held: tuple[str, Path, int] = LATER_DRAWS[-1]) -> set[str]:
    """The ids of the held draw, only to keep away from them: read from its file when it
    exists, else redrawn (``sample_fresh_held`` with its seed, the ``labelled`` articles
    excluded). Never printed."""
    _, path, seed = held
    if path.exists():
        return set(load_gold(path)["article_id"])
    return set(sample_fresh_held(corpus, exclude=labelled, seed=seed)["article_id"])


def significant(line: str) -> list[int]:
    """Positions compared: letters and digits, or every non-space character if none."""
    positions = [i for i, ch in enumerate(line) if ch.isalnum()]
    return positions or [i for i, ch in enumerate(line) if not ch.isspace()]


def judge_line(line: str, label: str, spans: Spans | None,
               removed: Spans) -> tuple[bool, bool, bool]:
    """``(touched, found, lost)`` for one line: the cleaner removed something, removed
    (most of) the furniture, removed some content."""
    sig = significant(line)
    if label == "furniture":
        furniture = set(sig)
    elif label == "mixed":
        inside = spans if isinstance(spans, list) else ()
        furniture = {i for i in sig if any(s <= i < e for s, e in inside)}
    else:
        furniture = set()
    cut = {i for i in sig if any(s <= i < e for s, e in removed)}
    found = bool(furniture) and len(cut & furniture) >= FOUND_SHARE * len(furniture)
    return bool(cut), found, bool(cut - furniture)


def evaluate(gold: pd.DataFrame, lines: Mapping[tuple[str, int], str],
             removals: Mapping[tuple[str, int], Spans]) -> pd.DataFrame:
    """One row per gold line with ``touched, found, lost`` (see :func:`judge_line`)."""
    judged = [judge_line(lines[(a, n)], label, spans, removals.get((a, n), ()))
              for a, n, label, spans in zip(gold["article_id"], gold["line_no"], gold["label"],
                                            gold["furniture_spans"], strict=True)]
    return gold.assign(touched=[j[0] for j in judged], found=[j[1] for j in judged],
                       lost=[j[2] for j in judged])


def summary(judged: pd.DataFrame) -> dict[str, float | int]:
    has = judged["label"] != "content"
    touched = judged["touched"]
    false_pos = touched & judged["lost"]
    out: dict[str, float | int] = {
        "lines": len(judged),
        "furniture": int((judged["label"] == "furniture").sum()),
        "mixed": int((judged["label"] == "mixed").sum()),
        "touched": int(touched.sum()),
        "true_pos": int((touched & ~judged["lost"]).sum()),
        "false_pos": int(false_pos.sum()),
        "fp_content": int((false_pos & (judged["label"] == "content")).sum()),
        "fp_mixed_whole": int((false_pos & (judged["label"] == "mixed")).sum()),
        "found": int((has & judged["found"]).sum()),
        "found_furniture": int(((judged["label"] == "furniture") & judged["found"]).sum()),
        "found_mixed": int(((judged["label"] == "mixed") & judged["found"]).sum()),
    }
    out["precision"] = out["true_pos"] / out["touched"] if out["touched"] else float("nan")
    out["recall"] = out["found"] / int(has.sum()) if has.any() else float("nan")
    return out


def show(name: str, s: Mapping[str, float | int]) -> None:
    print(f"  {name:<34} P={s['precision']:.3f}  R={s['recall']:.3f}   "
          f"removed {s['touched']:>4} lines: {s['true_pos']} furniture only, "
          f"{s['fp_content']} content, {s['fp_mixed_whole']} mixed whole; "
          f"found {s['found']}/{s['furniture'] + s['mixed']} "
          f"(furniture {s['found_furniture']}/{s['furniture']}, "
          f"mixed {s['found_mixed']}/{s['mixed']})")


def kit_removals(corpus: pd.DataFrame, lines: Mapping[tuple[str, int], str]
                 ) -> tuple[dict[tuple[str, int], Spans], dict[tuple[str, int], str]]:
    """What the kit removes per line, as spans within the line, and the rule that did: a
    removed line is one span over the whole line; a ``within_line`` cut is its own span
    (a line can have several)."""
    table = furniture_table(corpus)
    line_start = {(a, n): s for a, text in zip(corpus["article_id"], corpus["text"],
                                                strict=True)
                  for n, s in enumerate(_line_starts(text), 1)}
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    rules: dict[tuple[str, int], str] = {}
    for article_id, line_no, rule, start, end in zip(
            table["article_id"], table["line"], table["rule"], table["start"], table["end"],
            strict=True):
        key = (article_id, int(line_no))
        if rule == "within_line":
            offset = line_start[key]
            spans.setdefault(key, []).append((int(start) - offset, int(end) - offset))
        else:
            spans[key] = [(0, len(lines.get(key, "")))]
        rules[key] = rule
    return spans, rules


def _line_starts(text: str) -> list[int]:
    starts, pos = [], 0
    for line in text.split("\n"):
        starts.append(pos)
        pos += len(line) + 1
    return starts


_SENTENCE_END = re.compile(r"""[.!?:;"'”’)\]]\s*$""")


def baseline_removals(lines: Mapping[tuple[str, int], str]) -> dict[tuple[str, int], Spans]:
    """Plain baseline: drop every line of fewer than 8 words that does not end like a
    sentence (. ! ? : ; a closing quote or bracket)."""
    return {key: [(0, len(line))] for key, line in lines.items()
            if len(line.split()) < 8 and not _SENTENCE_END.search(line)}


def article_lines(corpus: pd.DataFrame) -> dict[tuple[str, int], str]:
    return {(article_id, n): line
            for article_id, text in zip(corpus["article_id"], corpus["text"], strict=True)
            for n, line in enumerate(text.split("\n"), 1)}


def list_errors(judged: pd.DataFrame, lines: Mapping[tuple[str, int], str],
                rules: Mapping[tuple[str, int], str]) -> None:
    misses = judged[(judged["label"] != "content") & ~judged["found"]]
    false_pos = judged[judged["touched"] & judged["lost"]]
    for title, rows in (("Misses", misses), ("False positives", false_pos)):
        print(f"\n  {title} ({len(rows)}):")
        for a, n, outlet, label, draw in zip(rows["article_id"], rows["line_no"],
                                             rows["outlet"], rows["label"], rows["draw"],
                                             strict=True):
            text = lines[(a, n)].strip()
            rule = rules.get((a, n), "")
            print(f"    {outlet[:22]:<22} {draw:<10} {a} {n:>3} {label:<9} {rule:<17} "
                  f"{text[:110]!r}{'...' if len(text) > 110 else ''}")


def check_sample(corpus: pd.DataFrame, gold: pd.DataFrame, *, held: bool) -> None:
    """Redraw the samples (the held one only when ``held``: it is measured) and say
    whether they are the labelled articles of ``gold``."""
    first = gold[gold["draw"].str.startswith("first/")].drop_duplicates("article_id")
    redrawn = sample_articles(corpus)
    same = set(map(tuple, redrawn[["article_id", "split"]].to_numpy())) == set(
        zip(first["article_id"], first["draw"].str.removeprefix("first/"), strict=True))
    verdict = "the same 200 articles and halves as the labels" if same else "DIFFERS"
    print(f"First draw: redrawn with seed {SEED}: {verdict}")
    excluded = list(first["article_id"])
    later = [(draw, seed) for draw, _, seed in LATER_DRAWS[:None if held else -1]]
    for draw, seed in later:
        ids = list(gold.loc[gold["draw"] == draw, "article_id"].drop_duplicates())
        redrawn = sample_fresh_held(corpus, exclude=excluded, seed=seed)
        same = list(redrawn["article_id"]) == ids
        verdict = f"the same {len(ids)} articles as the labels" if same else "DIFFERS"
        print(f"{draw.capitalize()} draw: redrawn with seed {seed}, the {len(excluded)} "
              f"earlier ones excluded: {verdict}")
        excluded += ids


def check_alignment(gold: pd.DataFrame, lines: Mapping[tuple[str, int], str]) -> pd.DataFrame:
    ok = [hashlib.sha1(lines.get((a, n), "").encode("utf-8")).hexdigest() == sha
          for a, n, sha in zip(gold["article_id"], gold["line_no"], gold["line_sha1"],
                               strict=True)]
    bad = len(ok) - sum(ok)
    if bad:
        print(f"Alignment: {bad} labelled lines no longer match the corpus text; left out")
    return gold[ok]


def report(split: str, gold: pd.DataFrame, lines: Mapping[tuple[str, int], str],
           kit: Mapping[tuple[str, int], Spans], rules: Mapping[tuple[str, int], str],
           baseline: Mapping[tuple[str, int], Spans], *, errors: bool) -> None:
    part = gold[gold["split"] == split]
    print(f"\n{split}: {part['article_id'].nunique()} articles, {part['outlet'].nunique()} "
          f"outlets, {len(part):,} non-empty lines, {(part['label'] == 'furniture').sum()} "
          f"furniture, {(part['label'] == 'mixed').sum()} mixed")
    judged = evaluate(part, lines, kit)
    show("analysis.cleaning (all rules)", summary(judged))
    show("baseline: short non-sentence lines", summary(evaluate(part, lines, baseline)))
    if split != "tune":
        return  # the held set's errors are not shown, not even counted by outlet or rule
    false_pos = judged[judged["touched"] & judged["lost"]]
    by_rule = Counter(rules[(a, n)] for a, n in zip(false_pos["article_id"],
                                                    false_pos["line_no"], strict=True))
    for file, rows in judged.groupby(judged["draw"].str.split("/").str[0]):
        show(f"  of which draw {file}", summary(rows))
        if rows["draw"].nunique() > 1:
            for draw, half in rows.groupby("draw"):
                show(f"    of which {draw}", summary(half))
    print("  false positives by rule: "
          + (", ".join(f"{r} {c}" for r, c in by_rule.most_common()) or "none"))
    touched = judged[judged["touched"]]
    by_rule_all = Counter(rules.get((a, n), "") for a, n in zip(
        touched["article_id"], touched["line_no"], strict=True))
    print("  lines touched by rule (false positives): " + ", ".join(
        f"{r} {c} ({by_rule.get(r, 0)})" for r, c in by_rule_all.most_common()))
    has = judged[judged["label"] != "content"]
    per_outlet = has.groupby("outlet").agg(
        lines=("found", "size"), missed=("found", lambda s: int((~s).sum())),
        draws=("draw", lambda d: ", ".join(sorted(set(d[~has.loc[d.index, "found"]])))))
    per_outlet = per_outlet[per_outlet["missed"] > 0].sort_values(
        ["missed", "lines"], ascending=False)
    print("  furniture-bearing lines missed, by outlet (missed/labelled):")
    for outlet, row in per_outlet.iterrows():
        print(f"    {outlet:<38} {row['missed']:>3}/{row['lines']:<4} ({row['draws']})")
    if errors:
        list_errors(judged, lines, rules)


def time_cleaning(corpus: pd.DataFrame, exclude: Iterable[str], *, n: int,
                  repeats: int = 5) -> float:
    """CPU microseconds per article of ``clean_corpus`` on ``n`` articles not in
    ``exclude`` (``random_state=5``), the best of ``repeats`` runs."""
    sample = corpus[~corpus["article_id"].isin(set(exclude))].sample(
        n=min(n, len(corpus)), random_state=5).reset_index(drop=True)
    clean_corpus(sample.head(20))  # patterns read and compiled outside the timing
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        clean_corpus(sample)
        best = min(best, time.process_time() - start)
    return best / len(sample) * 1e6


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ALLSIDES,
                        help="allsides-abp articles.jsonl.gz (default: ../shared/...)")
    parser.add_argument("--split", choices=["tune", "held", "both"], default="tune",
                        help="which labelled articles to clean and measure (default: tune)")
    parser.add_argument("--gold", type=Path, default=GOLD, help=argparse.SUPPRESS)
    parser.add_argument("--errors", action="store_true",
                        help="list each miss and false positive of the tune set")
    parser.add_argument("--time", type=int, metavar="N",
                        help="time clean_corpus on N unlabelled articles instead")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not args.corpus.exists():
        print(f"bench_cleaning: skipped, the corpus {args.corpus} is absent")
        return 0
    gold = load_splits(args.gold)
    held_file = LATER_DRAWS[-1][1]
    corpus = load_corpus(args.corpus)
    if args.time:
        labelled = set(gold["article_id"])
        away = labelled | fresh_ids(corpus, labelled)
        us = time_cleaning(corpus, away, n=args.time)
        print(f"clean_corpus: {us:,.0f} us of CPU per article ({args.time} unlabelled "
              f"articles, best of 5)")
        return 0
    splits = ["tune", "held"] if args.split == "both" else [args.split]
    if "held" in splits and not held_file.exists():
        print(f"held: skipped, {held_file} is absent (the held set is being "
              f"labelled); nothing measured")
        splits.remove("held")
        if not splits:
            return 0
    check_sample(corpus, gold, held="held" in splits)
    gold = gold[gold["split"].isin(splits)]
    corpus = corpus[corpus["article_id"].isin(set(gold["article_id"]))].reset_index(drop=True)
    lines = article_lines(corpus)
    gold = check_alignment(gold, lines)
    kit, rules = kit_removals(corpus, lines)
    baseline = baseline_removals({k: v for k, v in lines.items() if v.strip()})
    for split in splits:
        report(split, gold, lines, kit, rules, baseline, errors=args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
