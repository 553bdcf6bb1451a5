"""Actor discovery on events the kit has never seen, against hand labels (issue 14).

Run: ``.venv/bin/python bench/bench_discover.py [--corpus PATH] [--split tune|held]
[--errors]``

The labels (``tests/fixtures/discover_gold.csv``; see ``discover_gold.md``) list every actor
named in the bodies of 10 allsides-abp events (three articles each: left, center, right),
with its kind, its surface forms, how often it is named and whether it speaks. They were
made before the kit's actor code was run on these events. The first 5 events are ``tune``
(errors may be read, with ``--errors``), the last 5 ``held`` (figures only).

For each event, the three articles (``tests/fixtures/discover_draw.csv``: the draw below,
frozen, so a later cleaner cannot change which articles are read) are cleaned
(``clean_corpus``) and given, without any actor list of their own, to

* ``discover_actors`` (the candidate table, every kind), and
* ``event_actors`` (the list the kit makes for such an event: the discovered people and
  organisations with the general lists), then ``mention_table`` with that list: the actors
  that "Who is mentioned" shows.

A kit actor matches a gold actor when its name, one of its aliases or one of the surfaces
it was found under is one of the gold actor's forms (case, a possessive "'s" and a leading
"the" aside). Printed per split:

* **candidates**: precision (candidates matching some gold actor) and recall of the *main*
  gold actors (people, organisations and groups named twice or more, or quoted);
* **mentioned**: the same for the actors with mentions under the event list, and its
  recall of all gold people and organisations; **split** counts gold actors matched by two
  kit actors or more ("BLS" and "Bureau of Labor Statistics" apart).

The draw (``draw_events``, run once; its result is the frozen file):

1. ``load_corpus`` the corpus, ``clean_corpus`` it (default rules);
2. keep the articles of 250-1,200 words (``count_words`` of the cleaned text);
3. keep the events (``event``, the allsides group) with at least one left, one center and
   one right such article, less those labelled for coverage (``coverage_gold.csv``,
   ``coverage_gold_fresh.csv``) and ``2013-06-07_economy_and_jobs``;
4. sort the event names, shuffle them with ``random.Random(1414)``, take the first 10;
5. in each, the first left, center and right article by ``article_id``.

Needs ../shared/corpora/allsides-abp/ (or ``--corpus``); exits with a message naming the
path when it is absent.

Figures (2026-11-30). "Before" is the kit at c2d63eb, before any rule was written from
these events or from the trial event ``2013-06-07_economy_and_jobs``; "after" is ea2b30e,
its rules written from that trial event and the tune half's errors. The held half was run
once, for these figures (its errors not printed):

=====  =========  =====================  ============================  =================
split  kit        mentioned: precision   mentioned: recall main / all  candidates: P / R
=====  =========  =====================  ============================  =================
tune   before     0.761 (71 actors)      0.587 / 0.362                 0.448 / 0.920
tune   after      0.795 (88)             0.800 / 0.478                 0.515 / 0.920
held   before     0.814 (97)             0.543 / 0.388                 0.535 / 0.899
held   after      0.851 (114)            0.659 / 0.485                 0.626 / 0.906
=====  =========  =====================  ============================  =================

What is still missed: organisations and people named once or twice by one word only
("Publix", "Scriberr"), whose kind the kit cannot tell from a place's, lower-case actors
("the Obama administration"), and names outside the census's first names ("Rand Paul").
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import warnings
from pathlib import Path

import pandas as pd

from analysis import clean_corpus, load_corpus
from analysis.actors import discover_actors, event_actors, mention_table
from analysis.tokens import count_words

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "discover_gold.csv"
DRAW = ROOT / "tests" / "fixtures" / "discover_draw.csv"
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"
EXCLUDED_LABELS = (
    ROOT / "tests" / "fixtures" / "coverage_gold.csv",
    ROOT / "tests" / "fixtures" / "coverage_gold_fresh.csv",
)
EXCLUDED_EVENTS = ("2013-06-07_economy_and_jobs",)
LEANINGS = ("left", "center", "right")
SEED = 1414
N_EVENTS = 10
N_TUNE = 5
MIN_WORDS, MAX_WORDS = 250, 1200


def excluded_events() -> set[str]:
    """The events left out of the draw: those of the coverage labels, and the fixed ones."""
    events = set(EXCLUDED_EVENTS)
    for path in EXCLUDED_LABELS:
        events |= set(pd.read_csv(path, usecols=["event"])["event"])
    return events


def draw_events(corpus: pd.DataFrame, *, n_events: int = N_EVENTS, seed: int = SEED,
                n_tune: int = N_TUNE) -> pd.DataFrame:
    """The drawn articles: one left, one center and one right article per drawn event.

    ``corpus`` is the cleaned corpus (``clean_corpus``). Returns one row per article with
    ``split, draw_index, event, leaning, article_id, outlet, n_words``, in draw order.
    """
    n_words = corpus["text"].map(count_words)
    fits = corpus.assign(n_words=n_words)
    fits = fits[fits["n_words"].between(MIN_WORDS, MAX_WORDS) & fits["leaning"].isin(LEANINGS)]
    has = fits.groupby("event")["leaning"].agg(set)
    eligible = sorted(e for e, found in has.items()
                      if set(LEANINGS) <= found and e not in excluded_events())
    random.Random(seed).shuffle(eligible)
    rows = []
    for index, event in enumerate(eligible[:n_events]):
        mine = fits[fits["event"] == event].sort_values("article_id")
        for leaning in LEANINGS:
            first = mine[mine["leaning"] == leaning].iloc[0]
            rows.append({
                "split": "tune" if index < n_tune else "held", "draw_index": index,
                "event": event, "leaning": leaning, "article_id": first["article_id"],
                "outlet": first["outlet"], "n_words": int(first["n_words"]),
            })
    return pd.DataFrame(rows)


def load_gold(path: Path = GOLD) -> pd.DataFrame:
    """The hand labels, with ``forms`` and ``article_ids`` as lists and ``quoted`` as bool."""
    gold = pd.read_csv(path, dtype={"quoted": str}, keep_default_na=False)
    return gold.assign(
        forms=gold["forms"].str.split(" | ", regex=False),
        article_ids=gold["article_ids"].str.split(" | ", regex=False),
        quoted=gold["quoted"].map({"True": True, "False": False}),
    )


def _key(form: str) -> str:
    """A form as compared: case, white space, a possessive and a leading "the" aside."""
    text = " ".join(str(form).split()).casefold()
    text = re.sub(r"(?:'s|\u2019s|')$", "", text)
    return text[4:] if text.startswith("the ") else text


MAIN_KINDS = ("person", "org", "group")


def _is_main(gold: pd.DataFrame) -> pd.Series:
    return gold["kind"].isin(MAIN_KINDS) & ((gold["n_mentions"] >= 2) | gold["quoted"])


def match(kit_forms: dict[str, set[str]], gold: pd.DataFrame) -> dict[str, set[int]]:
    """For each kit actor (its name -> its forms), the gold rows (index) it matches."""
    owners: dict[str, set[int]] = {}
    for i, row in gold.iterrows():
        for form in [*row["forms"], row["actor"]]:
            owners.setdefault(_key(form), set()).add(i)
    return {name: set().union(*(owners.get(_key(f), set()) for f in forms | {name}))
            for name, forms in kit_forms.items()}


def evaluate_event(articles: pd.DataFrame, gold: pd.DataFrame) -> dict[str, object]:
    """Candidates and mentioned actors of one event against its gold rows."""
    table = discover_actors(articles)
    candidates = {row.candidate: set(row.forms.split(" | "))
                  for row in table.itertuples(index=False)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        listed = event_actors(articles)
    mentions = mention_table(articles, actors=listed)
    mentioned: dict[str, set[str]] = {}
    for name, part in mentions.groupby("actor"):
        actor = listed[name]
        mentioned[str(name)] = {*actor.aliases, *part["surface"]}
    return {"candidates": match(candidates, gold), "mentioned": match(mentioned, gold)}


def summarise(results: list[tuple[pd.DataFrame, dict]]) -> dict[str, float | int]:
    out: dict[str, float | int] = {}
    for what in ("candidates", "mentioned"):
        n_kit = sum(len(r[what]) for _g, r in results)
        n_right = sum(sum(bool(m) for m in r[what].values()) for _g, r in results)
        main_total = main_found = all_total = all_found = split = 0
        for gold, r in results:
            found: dict[int, int] = {}
            for m in r[what].values():
                for i in m:
                    found[i] = found.get(i, 0) + 1
            main = gold.index[_is_main(gold)]
            main_total += len(main)
            main_found += sum(i in found for i in main)
            people = gold.index[gold["kind"].isin(("person", "org"))]
            all_total += len(people)
            all_found += sum(i in found for i in people)
            split += sum(n > 1 for n in found.values())
        out |= {f"{what}_n": n_kit, f"{what}_precision": n_right / n_kit if n_kit else 0.0,
                f"{what}_recall_main": main_found / main_total if main_total else 0.0,
                f"{what}_recall_all": all_found / all_total if all_total else 0.0,
                f"{what}_split": split, "n_main": main_total, "n_people_orgs": all_total}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--split", choices=("tune", "held"), default="tune")
    parser.add_argument("--errors", action="store_true",
                        help="list the wrong candidates and missed main actors (tune only)")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: corpus not found at {args.corpus}")
        return 0
    draw = pd.read_csv(DRAW)
    draw = draw[draw["split"] == args.split]
    corpus = load_corpus(args.corpus)
    corpus = clean_corpus(corpus[corpus["article_id"].isin(draw["article_id"])])
    gold = load_gold()
    results = []
    for event, ids in draw.groupby("event", sort=False)["article_id"]:
        articles = corpus[corpus["article_id"].isin(ids)]
        mine = gold[gold["event"] == event]
        results.append((mine, evaluate_event(articles, mine)))
        if args.errors and args.split == "tune":
            r = results[-1][1]
            wrong = sorted(k for k, m in r["mentioned"].items() if not m)
            found = set().union(*r["mentioned"].values()) if r["mentioned"] else set()
            missed = [mine.loc[i, "actor"] for i in mine.index[_is_main(mine)]
                      if i not in found]
            cand_wrong = sorted(k for k, m in r["candidates"].items() if not m)
            print(f"\n{event}\n  mentioned, not actors: {wrong}\n  main actors missed: "
                  f"{missed}\n  candidates, not actors: {cand_wrong}")
    s = summarise(results)
    print(f"\n{args.split}: {len(results)} events, {s['n_main']} main actors (people, "
          f"organisations, groups named twice or quoted), {s['n_people_orgs']} people and "
          f"organisations")
    for what in ("candidates", "mentioned"):
        print(f"  {what:<10} n={s[what + '_n']:<4} precision {s[what + '_precision']:.3f}  "
              f"recall of main {s[what + '_recall_main']:.3f}  recall of people and "
              f"organisations {s[what + '_recall_all']:.3f}  split {s[what + '_split']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
