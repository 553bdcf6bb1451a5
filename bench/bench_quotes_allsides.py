"""Quote detection and attribution against 30 hand-labelled allsides-abp articles.

Run: ``.venv/bin/python bench/bench_quotes_allsides.py [--corpus PATH] [--errors FILE]``

The gold set is ``tests/fixtures/quotes_allsides_gold30.csv`` (how it was made:
``quotes_allsides_gold30.md`` beside it): 30 articles from 10 outlets, drawn with a fixed
seed and labelled before the kit was run on them, so these figures are out of sample.
The texts are read from the corpus (default ``../shared/corpora/allsides-abp/``); the
benchmark is skipped, with a message, when it is absent.

``analysis.quotes.find_quotes`` runs twice, without an actor list and with
``load_actors()``; its ``scare`` rows (terms, titles, nicknames: no voices) and
``thought`` rows ("X believes ...": no voices) are left out, as the labels hold speech only.
Scoring:

- detection: a found quote matches a gold ``direct`` or ``reported`` row when their
  content spans overlap by at least half the shorter span (one to one, largest overlap
  first; the kind need not agree). Precision counts found quotes, recall gold rows; "by
  kind" splits the found quotes by the kit's kind and the gold rows by the gold kind.
- attribution: a match whose speaker is right: the found speaker span overlaps the gold
  speaker span, or the found speaker or actor shares a content word with the gold speaker
  (titles such as "President" or "Sen." do not count). Gold rows with no speaker named are
  left out of both counts.
- scare: gold ``scare`` rows (titles, names, scare quotes) that a found quote overlaps by
  half the shorter span and that no gold quote explains: the kit reported them as voiced.

A plain baseline is printed beside: every span in double quotation marks is a direct
quote, its speaker the nearest capitalised name in the same paragraph, after the quote if
there is one, else before it.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from analysis.actors import load_actors
from analysis.quotes import find_quotes

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "quotes_allsides_gold30.csv"
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"
KINDS = ("direct", "reported")

# Words that say nothing about who the speaker is: function words and the titles
# written before a name.
NOT_CONTENT = frozenset((
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "from", "by", "with",
    "as", "his", "her", "their", "its", "our", "your", "my", "he", "she", "they", "it", "we",
    "you", "i", "who", "that", "this", "these", "those", "former", "then", "late", "senior",
    "top", "chief", "new", "president", "vice", "sen", "senator", "rep", "representative",
    "gov", "governor", "mr", "mrs", "ms", "dr", "secretary", "speaker", "ceo", "director",
    "chairman",
))


@dataclass(frozen=True)
class Span:
    """One labelled or found quote, reduced to what the scoring needs."""

    article_id: str
    kind: str
    start: int
    end: int
    speaker: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    actor: str = ""


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def halves(a: Span, b: Span) -> bool:
    """The spans overlap by at least half the shorter one."""
    shorter = min(a.end - a.start, b.end - b.start)
    return shorter > 0 and 2 * overlap(a.start, a.end, b.start, b.end) >= shorter


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9][a-z0-9'’-]*", text.lower())
            if w not in NOT_CONTENT and len(w) > 1}


def speaker_right(found: Span, gold: Span) -> bool:
    if found.speaker_start >= 0 and gold.speaker_start >= 0 and overlap(
            found.speaker_start, found.speaker_end, gold.speaker_start, gold.speaker_end):
        return True
    named = content_words(gold.speaker)
    return bool(named & (content_words(found.speaker) | content_words(found.actor)))


def read_gold(path: Path) -> list[Span]:
    with path.open(encoding="utf-8", newline="") as f:
        return [Span(r["article_id"], r["kind"], int(r["start"]), int(r["end"]),
                     r["speaker"], int(r["speaker_start"]), int(r["speaker_end"]))
                for r in csv.DictReader(f)]


def read_texts(path: Path, ids: set[str]) -> dict[str, tuple[str, str]]:
    """``article_id -> (outlet, text)`` for the wanted ids, streamed from the corpus."""
    texts = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["article_id"] in ids:
                texts[row["article_id"]] = (row["outlet"], row["text"])
    return texts


def check_labels(gold_path: Path, texts: dict[str, tuple[str, str]]) -> list[str]:
    """Labels whose ``quote_prefix`` no longer fits the stored text."""
    bad = []
    with gold_path.open(encoding="utf-8", newline="") as f:
        for line, r in enumerate(csv.DictReader(f), start=2):
            _outlet, text = texts[r["article_id"]]
            words = text[int(r["start"]):int(r["end"])].split()[:6]
            if " ".join(words) != r["quote_prefix"]:
                bad.append(f"{gold_path.name}, line {line}: expected {r['quote_prefix']!r}, "
                           f"found {' '.join(words)!r}")
    return bad


def kit_spans(article_id: str, text: str, actors) -> list[Span]:
    """The kit's voiced quotes: its ``scare`` rows (terms, titles, nicknames), findings
    ("a poll shows", verb group ``evidence``) and statements whose subject is a bare
    "that"/"this" are not counted as quotes, as voice_table leaves them out."""
    return [Span(article_id, q.kind, q.start, q.end, q.speaker or "", q.speaker_start,
                 q.speaker_end, q.actor or "")
            for q in find_quotes(text, actors)
            if q.kind in KINDS and q.verb_group != "evidence"
            and (q.speaker or "").strip().lower() not in ("that", "this", "these", "those")]


_MARKED = re.compile(r'"([^"\n]+)"|“([^”\n]+)”')
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")


def baseline_spans(article_id: str, text: str) -> list[Span]:
    """Every double-quoted span; speaker: the nearest capitalised name in its paragraph."""
    out = []
    for m in _MARKED.finditer(text):
        g = 1 if m.group(1) is not None else 2
        s, e = m.start(g), m.end(g)
        para0 = text.rfind("\n", 0, s) + 1
        para1 = text.find("\n", e)
        para1 = len(text) if para1 < 0 else para1
        after = [n for n in _NAME.finditer(text, e + 1, para1)]
        before = [n for n in _NAME.finditer(text, para0, max(para0, s - 1))]
        name = after[0] if after else (before[-1] if before else None)
        out.append(Span(article_id, "direct", s, e, name.group() if name else "",
                        name.start() if name else -1, name.end() if name else -1))
    return out


@dataclass
class Score:
    found: list[Span]
    gold: list[Span]
    pairs: list[tuple[Span, Span]]  # (found, gold)
    scare_voiced: list[tuple[Span, Span]]  # (found, gold scare row)

    def detection(self, kind: str | None = None) -> tuple[int, int, int, int]:
        """(found matched, found, gold matched, gold) for one kind or all."""
        found = [f for f in self.found if kind is None or f.kind == kind]
        gold = [g for g in self.gold if kind is None or g.kind == kind]
        matched_f = {id(f) for f, _g in self.pairs}
        matched_g = {id(g) for _f, g in self.pairs}
        return (sum(id(f) in matched_f for f in found), len(found),
                sum(id(g) in matched_g for g in gold), len(gold))

    def attribution(self, kind: str | None = None) -> tuple[int, int, int, int]:
        """(found with the right speaker, found, gold with the right speaker, gold).

        Found quotes matched to a gold row that names no speaker are left out, and so are
        such gold rows.
        """
        gold_of = {id(f): g for f, g in self.pairs}
        found = [f for f in self.found if (kind is None or f.kind == kind)
                 and (id(f) not in gold_of or gold_of[id(f)].speaker)]
        right_f = sum(1 for f in found if id(f) in gold_of and speaker_right(f, gold_of[id(f)]))
        right_g = sum(1 for f, g in self.pairs
                      if g.speaker and (kind is None or g.kind == kind) and speaker_right(f, g))
        named = sum(1 for g in self.gold if g.speaker and (kind is None or g.kind == kind))
        return right_f, len(found), right_g, named


def score(found: list[Span], gold_all: list[Span]) -> Score:
    gold = [g for g in gold_all if g.kind in KINDS]
    scares = [g for g in gold_all if g.kind == "scare"]
    by_article: dict[str, list[Span]] = {}
    for g in gold:
        by_article.setdefault(g.article_id, []).append(g)
    candidates = []
    for f in found:
        for g in by_article.get(f.article_id, []):
            if halves(f, g):
                ov = overlap(f.start, f.end, g.start, g.end)
                union = max(f.end, g.end) - min(f.start, g.start)
                candidates.append((ov / union, f, g))
    candidates.sort(key=lambda c: -c[0])
    used_f: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _ratio, f, g in candidates:
        if id(f) not in used_f and id(g) not in used_g:
            used_f.add(id(f))
            used_g.add(id(g))
            pairs.append((f, g))
    scare_voiced = []
    explained = {id(f) for f, _g in pairs}
    for s in scares:
        hit = next((f for f in found if f.article_id == s.article_id and halves(f, s)
                    and id(f) not in explained), None)
        if hit is not None:
            scare_voiced.append((hit, s))
    return Score(found, gold, pairs, scare_voiced)


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(label: str, sc: Score, n_scare: int) -> None:
    print(f"\n{label}")
    for kind in (None, *KINDS):
        mf, nf, mg, ng = sc.detection(kind)
        right, counted, r_right, r_named = sc.attribution(kind)
        name = kind or "all"
        print(f"  {name:<9} detection P={ratio(mf, nf)} ({mf}/{nf})  R={ratio(mg, ng)} "
              f"({mg}/{ng})   attribution P={ratio(right, counted)} ({right}/{counted})  "
              f"R={ratio(r_right, r_named)} ({r_right}/{r_named})")
    kind_agrees = sum(f.kind == g.kind for f, g in sc.pairs)
    print(f"  matched quotes whose kind agrees: {kind_agrees}/{len(sc.pairs)}; gold scare "
          f"rows reported as voiced quotes: {len(sc.scare_voiced)}/{n_scare}")


def context(text: str, start: int, end: int, width: int = 70) -> str:
    s = (text[max(0, start - width):start] + "[[" + text[start:end] + "]]"
         + text[end:end + width])
    return " ".join(s.split())


def error_rows(run: str, sc: Score, texts: dict[str, tuple[str, str]]) -> Iterable[list]:
    matched_g = {id(g) for _f, g in sc.pairs}
    matched_f = {id(f) for f, _g in sc.pairs}
    scare_f = {id(f): g for f, g in sc.scare_voiced}
    for g in sc.gold:
        if id(g) not in matched_g:
            outlet, text = texts[g.article_id]
            yield [run, "missed", g.article_id, outlet, g.kind, "", g.start, g.end, g.speaker,
                   "", context(text, g.start, g.end)]
    for f in sc.found:
        if id(f) not in matched_f:
            outlet, text = texts[f.article_id]
            what = "scare as quote" if id(f) in scare_f else "spurious"
            yield [run, what, f.article_id, outlet, "", f.kind, f.start, f.end, "",
                   f.actor or f.speaker, context(text, f.start, f.end)]
    for f, g in sc.pairs:
        if g.speaker and not speaker_right(f, g):
            outlet, text = texts[g.article_id]
            where = (context(text, f.speaker_start, f.speaker_end, 40)
                     if f.speaker_start >= 0 else "(no speaker)")
            yield [run, "wrong speaker", g.article_id, outlet, g.kind, f.kind, g.start, g.end,
                   g.speaker, f.actor or f.speaker,
                   context(text, g.start, g.end) + "  || kit speaker: " + where]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="allsides-abp articles.jsonl.gz (default: %(default)s)")
    parser.add_argument("--errors", type=Path,
                        help="write misses, spurious quotes and wrong speakers here (TSV)")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"bench_quotes_allsides: skipped, the corpus {args.corpus} is absent")
        return 0
    gold = read_gold(GOLD)
    ids = {g.article_id for g in gold}
    texts = read_texts(args.corpus, ids)
    missing = ids - set(texts)
    if missing:
        print(f"{args.corpus}: {len(missing)} of the {len(ids)} gold articles are not in it, "
              f"e.g. {sorted(missing)[0]}", file=sys.stderr)
        return 1
    bad = check_labels(GOLD, texts)
    if bad:
        print(f"{len(bad)} labels do not fit the stored texts; first: {bad[0]}", file=sys.stderr)
        return 1
    n_scare = sum(g.kind == "scare" for g in gold)
    counts = {k: sum(g.kind == k for g in gold) for k in (*KINDS, "scare")}
    print(f"Gold: {len(ids)} articles, {len({o for o, _t in texts.values()})} outlets, "
          f"{counts['direct']} direct, {counts['reported']} reported, {counts['scare']} "
          f"scare rows ({GOLD.name})")
    actors = load_actors()
    runs = {
        "baseline (double-quoted spans, nearest capitalised name)":
            [s for i in sorted(ids) for s in baseline_spans(i, texts[i][1])],
        "find_quotes(text)": [s for i in sorted(ids) for s in kit_spans(i, texts[i][1], None)],
        f"find_quotes(text, load_actors())  [{len(actors)} actors]":
            [s for i in sorted(ids) for s in kit_spans(i, texts[i][1], actors)],
    }
    scores = {label: score(found, gold) for label, found in runs.items()}
    for label, sc in scores.items():
        report(label, sc, n_scare)
    if args.errors:
        with args.errors.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n")
            w.writerow(["run", "error", "article_id", "outlet", "gold_kind", "kit_kind", "start",
                        "end", "gold_speaker", "kit_speaker", "context"])
            for label, sc in scores.items():
                if not label.startswith("baseline"):
                    w.writerows(error_rows(label.split("  ")[0], sc, texts))
        print(f"\nErrors written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
