"""``info``, ``clean`` and ``doctor``: what is in a corpus, what cleaning removes, what is
installed."""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata

from ..cleaning import furniture_table
from ..loading import load_corpus
from ..tokens import corpus_summary
from .common import (
    add_output_options,
    add_path_argument,
    add_subcommand,
    corpus_from_args,
    emit_table,
)

__all__ = ["doctor", "register"]


def _cmd_info(args: argparse.Namespace) -> int:
    corpus = corpus_from_args(args)
    summary = corpus_summary(corpus)
    if args.format or args.out:
        return emit_table(summary, args)
    print(
        f"{corpus['event'].nunique()} event(s), {corpus['outlet'].nunique()} outlet(s), "
        f"{len(corpus)} article(s), {int(summary['words'].sum()):,} words"
    )
    print()
    return emit_table(summary, args)


def _cmd_clean(args: argparse.Namespace) -> int:
    return emit_table(furniture_table(load_corpus(args.path)), args)


#: (distribution, module) of each package the kit needs at run time.
PACKAGES = (("pandas", "pandas"), ("matplotlib", "matplotlib"), ("nltk", "nltk"),
            ("ipywidgets", "ipywidgets"), ("jupyterlab", "jupyterlab"), ("pyyaml", "yaml"),
            ("vaderSentiment", "vaderSentiment"), ("pyarrow", "pyarrow"),
            ("trafilatura", "trafilatura"), ("voila", "voila"), ("numpy", "numpy"))

#: The data files ``doctor`` checks, by their name relative to a data folder.
RESOURCES = ("wordlists/abbreviations.yml", "wordlists/stopwords-en.yml",
             "wordlists/cleaning.yml", "lexicons/attribution_verbs.yml",
             "lexicons/frames_generic.yml", "lexicons/frames_security.yml",
             "lexicons/markers.yml", "lexicons/vader_news.yml", "actors/world.yml")


def doctor() -> list[tuple[str, bool, str]]:
    """Check what the kit needs, offline. Returns ``(item, ok, detail)`` rows.

    A package counts as in place only if it imports; each data file is shown with the
    folder it comes from (yours or the built-in copy).
    """
    import warnings

    from ..resources import (
        VADER_RESOURCE,
        data_dirs,
        find_resource,
        provide_nltk_data,
        sample_event,
    )

    rows: list[tuple[str, bool, str]] = []
    for dist, module in PACKAGES:
        try:
            version = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            rows.append((f"package {dist}", False, "not installed"))
            continue
        try:
            importlib.import_module(module)
        except Exception as err:  # report, don't crash: this is a diagnosis
            rows.append((f"package {dist}", False, f"{version} installed but does not import: "
                                                    f"{err}"))
            continue
        rows.append((f"package {dist}", True, version))
    for label, folder in data_dirs():
        rows.append((f"data folder ({label})", folder.is_dir(), str(folder)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the rows say which copy is used
        for name in RESOURCES:
            try:
                path = find_resource(name)
                rows.append((name, True, str(path)))
            except Exception as err:  # report, don't crash: this is a diagnosis
                rows.append((name, False, str(err)))
    event = sample_event()
    rows.append(("sample event", (event / "event.yml").is_file(), str(event)))
    checks = (
        ("cleaning patterns", _check_cleaning),
        ("sentence splitter (NLTK Punkt, no download)", _check_splitter),
    )
    for item, check in checks:
        try:
            ok, detail = check()
            rows.append((item, ok, detail))
        except Exception as err:  # report, don't crash
            rows.append((item, False, str(err)))
    try:
        root = provide_nltk_data()
        import nltk

        nltk.data.find(VADER_RESOURCE)
        rows.append(("NLTK data: VADER lexicon (from vaderSentiment)", True, str(root)))
    except Exception as err:
        rows.append(("NLTK data: VADER lexicon (from vaderSentiment)", False, str(err)))
    return rows


def _check_cleaning() -> tuple[bool, str]:
    from ..cleaning import load_patterns

    n = len(load_patterns().navigation)
    return True, f"{n} navigation patterns"


def _check_splitter() -> tuple[bool, str]:
    from ..tokens import SentenceSplitter

    spans = SentenceSplitter().span_tokenize("Gen. Lloyd J. Austin spoke. Then he left.")
    return len(spans) == 2, f"{len(spans)} sentences in a two-sentence check"


def _cmd_doctor(args: argparse.Namespace) -> int:
    rows = doctor()
    width = max(len(item) for item, _, _ in rows)
    for item, ok, detail in rows:
        print(f"{'ok ' if ok else 'NO '} {item:<{width}}  {detail}")
    failed = [item for item, ok, _ in rows if not ok]
    if failed:
        print(f"\n{len(failed)} problem(s). Reinstall the kit (`pip install outlet-lens`, or "
              "`make setup` in a checkout) to bring back what is missing.")
        return 1
    print("\nEverything the kit needs is in place; nothing will be downloaded.")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``info``, ``clean`` and ``doctor``."""
    p = add_subcommand(
        subparsers, "info",
        help="summarise a corpus: events, outlets, articles, words, sentences",
        examples=["data/events/my-event", "articles.jsonl.gz --format csv --out summary.csv"],
    )
    add_path_argument(p, clean=True)
    add_output_options(p)
    p.set_defaults(func=_cmd_info)

    p = add_subcommand(
        subparsers, "clean",
        help="list the page furniture cleaning removes, line by line, and why",
        examples=["data/events/my-event", "data/events/my-event --format csv --out removed.csv"],
    )
    add_path_argument(p)
    add_output_options(p)
    p.set_defaults(func=_cmd_clean)

    p = add_subcommand(
        subparsers, "doctor",
        help="check that everything the kit needs is installed, offline",
        description="Check the packages, the data files (and which copy of each is used: "
                    "yours or the built-in one), the sentence splitter and VADER's lexicon. "
                    "Nothing is downloaded. Exit code 1 if something is missing.",
        examples=[""],
    )
    p.set_defaults(func=_cmd_doctor)
