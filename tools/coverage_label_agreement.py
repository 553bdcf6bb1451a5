"""How far two hand labellings of the same coverage event agree (row and sentence level).

Run from the project folder::

    .venv/bin/python tools/coverage_label_agreement.py \
        [--gold tests/fixtures/coverage_gold.csv] \
        [--relabel tests/fixtures/coverage_relabel_nsa.csv]

Both files have the columns of ``coverage_gold.csv``. The events compared are those of the
relabel file; the gold rows of other events are ignored. Rows are matched by
``sentence_sha1`` and ``other_outlet`` (offsets move with the cleaner; the text key does not),
and only rows both labellings contain are compared; sentences one labelling skipped and the
other labelled are counted separately. Sentence level: a sentence is ``shared`` when at least
one of its rows is (``coverage``'s ``status``). Printed: counts, the share of equal labels,
Cohen's kappa and the 2 x 2 table, and, for rows both call shared, how often the two chose
the same matching sentence (by ``match_sha1``). Reads only the label files, never a text.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
KEY = ["event", "sentence_sha1", "other_outlet"]


def cohen_kappa(a: pd.Series, b: pd.Series) -> float:
    """Cohen's kappa of two equally long label series (agreement beyond chance).

    >>> cohen_kappa(pd.Series(["s", "s", "u", "u"]), pd.Series(["s", "u", "u", "u"]))
    0.5
    """
    a, b = a.reset_index(drop=True), b.reset_index(drop=True)
    observed = float((a == b).mean())
    labels = sorted(set(a) | set(b))
    expected = sum(float((a == x).mean()) * float((b == x).mean()) for x in labels)
    return 1.0 if expected == 1.0 else (observed - expected) / (1.0 - expected)


def _report(name: str, first: pd.Series, second: pd.Series) -> None:
    table = pd.crosstab(first.rename("first labelling"), second.rename("re-labelling"))
    print(f"{name}: {len(first)} compared, equal {float((first == second).mean()):.3f}, "
          f"Cohen's kappa {cohen_kappa(first, second):.3f}")
    print(table.to_string())
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests/fixtures/coverage_gold.csv")
    parser.add_argument("--relabel", type=Path,
                        default=ROOT / "tests/fixtures/coverage_relabel_nsa.csv")
    args = parser.parse_args(argv)
    relabel = pd.read_csv(args.relabel, dtype=str)
    gold = pd.read_csv(args.gold, dtype=str)
    gold = gold[gold["event"].isin(set(relabel["event"]))]
    for name, frame in (("first labelling", gold), ("re-labelling", relabel)):
        print(f"{name}: {frame['sentence_sha1'].nunique()} sentences, {len(frame)} rows, "
              f"{int((frame['label'] == 'shared').sum())} shared rows")
    only_gold = set(gold["sentence_sha1"]) - set(relabel["sentence_sha1"])
    only_relabel = set(relabel["sentence_sha1"]) - set(gold["sentence_sha1"])
    print(f"sentences labelled only in the first labelling: {len(only_gold)}; "
          f"only in the re-labelling: {len(only_relabel)} (skipped by the other, or text changed)")
    print()
    rows = gold.merge(relabel, on=KEY, suffixes=("_first", "_re"))
    _report("rows", rows["label_first"], rows["label_re"])
    status = rows.groupby(["event", "sentence_sha1"])[["label_first", "label_re"]].agg(
        lambda labels: "shared" if (labels == "shared").any() else "unique")
    _report("sentences", status["label_first"], status["label_re"])
    both = rows[(rows["label_first"] == "shared") & (rows["label_re"] == "shared")]
    same = int((both["match_sha1_first"] == both["match_sha1_re"]).sum())
    print(f"rows both call shared: {len(both)}; same matching sentence: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
