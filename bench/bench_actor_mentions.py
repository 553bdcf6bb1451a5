"""Mention precision/recall on held-out allsides-abp articles, and mention-finding speed.

Run: ``.venv/bin/python bench/bench_actor_mentions.py [--pick] [--speed N]``

Held-out labels: ``tests/fixtures/actors_heldout_mentions.csv`` labels by hand every mention
of the main people of 10 allsides-abp articles (5 outlets, 2 articles each), with the actor
list ``tests/fixtures/actors_heldout.yml``. The articles were picked by :func:`pick` (a
seeded random choice among US-politics articles of 1,500-5,000 characters, leaving out the
articles of the other fixtures) and labelled *before* the surname-after-title rules of
``analysis.actors`` were written or run on them; no rule was written while reading them.
See ``tests/fixtures/actors_heldout.md`` for the labelling conventions.

Prints precision/recall of :func:`analysis.actors.mention_table` (the held-out list plus
``world.yml``; only the labelled people are scored) next to a plain baseline: every exact
occurrence of a listed name or alias, plus a bare surname anywhere.

``--speed N`` times :func:`analysis.actors.find_mentions` over the first N articles
(default 1000) of the corpus with a fixed list (world.yml, the held-out list and the
allsides quote list), the best CPU time of seven runs. Run it with ``PYTHONPATH``
pointing at another checkout of the kit to compare versions.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
ALLSIDES = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"
GOLD = FIXTURES / "actors_heldout_mentions.csv"
LIST = FIXTURES / "actors_heldout.yml"
SEED = 20261130
US_POLITICS = ("elections", "politics", "white_house", "impeachment", "us_house", "us_senate",
               "us_congress", "supreme_court", "justice_department", "fbi",
               "republican_party", "democratic_party")


def pick(corpus: pd.DataFrame, *, n_outlets: int = 5, per_outlet: int = 2) -> pd.DataFrame:
    """The held-out articles: seeded random outlets, then seeded random articles of each."""
    used: set[str] = set()
    for csv in FIXTURES.glob("*.csv"):
        if csv == GOLD:  # the held-out labels themselves
            continue
        if "article_id" not in pd.read_csv(csv, nrows=0).columns:
            continue  # (answer keys keyed otherwise, added after the pick)
        ids = pd.read_csv(csv, usecols=["article_id"])["article_id"]
        used.update(ids.astype(str))
    pool = corpus[corpus["topic"].isin(US_POLITICS)
                  & corpus["text"].str.len().between(1500, 5000)
                  & ~corpus["article_id"].isin(used)]
    outlets = sorted(o for o, n in pool["outlet"].value_counts().items() if n >= 20)
    rng = random.Random(SEED)
    chosen = rng.sample(outlets, n_outlets)
    ids = []
    for outlet in chosen:
        ids += rng.sample(sorted(pool.loc[pool["outlet"] == outlet, "article_id"]), per_outlet)
    return pool[pool["article_id"].isin(ids)].set_index("article_id").loc[ids].reset_index()


def held_out_list(*more: Path):
    """The held-out list with ``world.yml`` (a copy without ``gender:`` for older kits)."""
    from analysis.actors import load_actors
    from analysis.errors import CorpusError
    from analysis.resources import builtin_dir

    world = builtin_dir() / "actors" / "world.yml"
    try:
        return load_actors([LIST, world, *more])
    except CorpusError:  # a kit without the gender field
        import tempfile

        text = re.sub(r",\s*gender:\s*\w+", "", LIST.read_text(encoding="utf-8"))
        tmp = Path(tempfile.mkdtemp()) / LIST.name
        tmp.write_text(text, encoding="utf-8")
        return load_actors([tmp, world, *more])


def baseline(corpus: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """Every whole-word occurrence of a listed full name, or of its surname anywhere."""
    rows = []
    for article_id, text in zip(corpus["article_id"], corpus["text"], strict=True):
        for name in names:
            pattern = re.compile(rf"\b(?:{re.escape(name)}|{re.escape(name.split()[-1])})\b")
            rows += [(article_id, name, m.start(), m.end()) for m in pattern.finditer(text)]
    return pd.DataFrame(rows, columns=["article_id", "actor", "start", "end"])


def accuracy(corpus: pd.DataFrame) -> None:
    from analysis.actors import mention_table, precision_recall

    gold = pd.read_csv(GOLD)
    # the labelled articles themselves (pick() drew them; later answer keys among the
    # fixtures would change what it draws now)
    texts = corpus[corpus["article_id"].isin(set(gold["article_id"].astype(str)))]
    actors = held_out_list()
    people = set(pd.read_csv(GOLD)["actor"]) | {
        a.name for a in actors if a.kind == "person" and "heldout" in str(a.source)}
    try:
        found = mention_table(texts, actors=actors)
    except TypeError:  # a kit before keyword-only options
        found = mention_table(texts, actors)
    found = found[found["actor"].isin(people)]
    print(f"Held-out mentions: {len(texts)} articles, {len(gold)} labelled mentions of "
          f"{gold['actor'].nunique()} people")
    for label, table in [("baseline (name or surname)", baseline(texts, sorted(people))),
                         ("analysis.actors", found)]:
        s = precision_recall(table, gold)
        print(f"  {label:<28} P={s['precision']:.3f}  R={s['recall']:.3f}  F1={s['f1']:.3f}"
              f"  ({s['true_positives']} of {s['found']} found, {s['gold']} labelled)")
    return found


def speed(corpus: pd.DataFrame, n: int, repeat: int = 7) -> None:
    from analysis.actors import find_mentions

    actors = held_out_list(FIXTURES / "quotes_allsides_actors.yml")
    texts = list(corpus["text"].head(n))
    find_mentions("warm up the compiled patterns", actors)
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()  # CPU time: less disturbed by other work on shared cores
        total = sum(len(find_mentions(text, actors)) for text in texts)
        best = min(best, time.process_time() - t)
    print(f"find_mentions on {len(texts)} articles, {len(actors)} actors: best of {repeat} "
          f"{best:.3f} s CPU ({len(texts) / best:,.0f} articles/s, {total:,} mentions)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pick", action="store_true", help="print the held-out article ids")
    parser.add_argument("--speed", type=int, default=0, metavar="N")
    parser.add_argument("--show", action="store_true", help="print found and gold rows")
    args = parser.parse_args()
    corpus = pd.read_json(ALLSIDES, lines=True)
    if args.pick:
        print(pick(corpus)[["article_id", "outlet", "topic"]].to_string())
        return
    if args.speed:
        speed(corpus, args.speed)
        return
    found = accuracy(corpus)
    if args.show:
        gold = pd.read_csv(GOLD)
        print(found[["article_id", "actor", "surface", "start", "end"]].to_string())
        print(gold.to_string())


if __name__ == "__main__":
    main()
