"""Benchmark ``python -m analysis score`` against a plain NLTK baseline, side by side.

Run from the project folder::

    .venv/bin/python bench/bench_score.py                 # the whole allsides-abp corpus
    .venv/bin/python bench/bench_score.py --limit 1000    # a quicker look
    .venv/bin/python bench/bench_score.py --scale 1,2,4 --scale-base 2000   # memory vs size

It prints, for the kit and for the baseline: articles, words, seconds, words per second and
peak memory. "CPU s" is the user + system time of the process tree (the run, its pool's
workers and this script's memory sampler), steadier than wall-clock time on a busy machine;
"peak MB" is the resident memory of the whole process tree (the run and its pool's
workers) summed and sampled with psutil every 50 ms; "main MB" is ru_maxrss of the
main process (RUSAGE_SELF) and "worker MB" that of its largest finished child
(RUSAGE_CHILDREN). Then the ratio of throughputs. Each measurement runs in a
fresh Python process, so imports and pool start-up are counted and memory is not shared.
"Words" are the kit's word count for the same articles for both, so the rates compare.

The baseline is what a user would write by hand with NLTK and nothing else (no Punkt model
can be downloaded here, so NLTK's *untrained* Punkt is used):

* sentences: ``nltk.tokenize.PunktSentenceTokenizer().tokenize(text)``;
* words: ``nltk.tokenize.TreebankWordTokenizer().tokenize(sentence)`` per sentence;
* tone: NLTK's ``SentimentIntensityAnalyzer().polarity_scores(sentence)`` per sentence
  (mean compound and label shares per article);
* frames, markers and actors: a dict from each lower-cased single-word term of the kit's
  lexicons (``escalat*``-style prefixes expanded to a prefix test) and each single-word actor
  name to its category, counted over the tokens;
* reading: ``json.loads`` line by line from the gzip file; the rows are kept in a list and
  written to CSV with pandas at the end.

It runs in one process: a user writing this by hand would not add a process pool.

To compare the kit of two checkouts on a busy machine, run them in turn, several times::

    .venv/bin/python bench/bench_score.py --tone --no-baseline --against ../other --repeat 5

``--against`` runs this script's kit measurement with ``PYTHONPATH`` set to the other
checkout (its ``analysis`` package), alternating with this one, and prints each run and
the medians of seconds, words/s and CPU seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"


# --- the baseline -----------------------------------------------------------------------------


def baseline(path: Path, out: Path, limit: int | None) -> dict:
    import pandas as pd
    from nltk.sentiment.vader import SentimentIntensityAnalyzer
    from nltk.tokenize import PunktSentenceTokenizer, TreebankWordTokenizer

    from analysis.actors import load_actors
    from analysis.framing import load_frames, load_markers
    from analysis.resources import provide_nltk_data

    provide_nltk_data()
    vader = SentimentIntensityAnalyzer()
    punkt = PunktSentenceTokenizer()
    treebank = TreebankWordTokenizer()
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for lexicon in (load_frames(), load_markers()):
        for name, category in lexicon.items():
            for term in category.terms:
                if " " in term or term.startswith("re:"):
                    continue
                if term.endswith("*"):
                    prefixes.append((term[:-1], name))
                else:
                    exact[term] = name
    for actor in load_actors():
        for alias in (actor.name, *actor.aliases):
            if " " not in alias:
                exact[alias.lower()] = actor.name
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in itertools.islice(fh, limit):
            article = json.loads(line)
            text = article["text"]
            counts: dict[str, int] = {}
            compounds = []
            n_tokens = 0
            for sentence in punkt.tokenize(text):
                compounds.append(vader.polarity_scores(sentence)["compound"])
                for token in treebank.tokenize(sentence):
                    n_tokens += 1
                    low = token.lower()
                    hit = exact.get(low)
                    if hit is None:
                        hit = next((n for p, n in prefixes if low.startswith(p)), None)
                    if hit is not None:
                        counts[hit] = counts.get(hit, 0) + 1
            n = len(compounds) or 1
            rows.append({"article_id": article.get("article_id"), "outlet": article["outlet"],
                         "n_tokens": n_tokens, "n_sentences": len(compounds),
                         "mean_compound": sum(compounds) / n,
                         "share_negative": sum(c <= -0.05 for c in compounds) / n,
                         "share_positive": sum(c >= 0.05 for c in compounds) / n, **counts})
    pd.DataFrame(rows).to_csv(out, index=False)
    return {"articles": len(rows)}


def kit(path: Path, out: Path, limit: int | None, jobs: int, *, tone: bool = False) -> dict:
    from analysis.scoring import score_file

    head = _head(path, limit) if limit is not None else None
    # older checkouts (--against) know no mention_tone: pass it only when asked for
    options = {"mention_tone": True} if tone else {}
    try:
        run = score_file(head or path, out, jobs=jobs, cache=False, progress=False, force=True,
                         **options)
    finally:
        if head is not None:
            head.unlink()
    return {"articles": run.n_articles, "words": run.n_words, "skipped": len(run.skipped)}


def _head(path: Path, limit: int) -> Path:
    """The first ``limit`` lines as a temporary .jsonl (so the kit streams the same rows)."""
    fd, name = tempfile.mkstemp(suffix=".jsonl", prefix="bench-head-")
    with os.fdopen(fd, "w", encoding="utf-8") as out, \
            gzip.open(path, "rt", encoding="utf-8") as fh:
        out.writelines(itertools.islice(fh, limit))
    return Path(name)


def _scaled(path: Path, base: int, factor: int) -> Path:
    """``factor`` copies of the first ``base`` articles, each copy with its own ids."""
    fd, name = tempfile.mkstemp(suffix=".jsonl.gz", prefix=f"bench-x{factor}-")
    os.close(fd)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = list(itertools.islice(fh, base))
    with gzip.open(name, "wt", encoding="utf-8", compresslevel=1) as out:
        for copy in range(factor):
            for line in lines:
                record = json.loads(line)
                record["article_id"] = f"{record.get('article_id')}-copy{copy}"
                out.write(json.dumps(record) + "\n")
    return Path(name)


# --- measuring in a child process --------------------------------------------------------------


class _PeakTree:
    """Peak resident memory of this process and all its descendants, summed, sampled."""

    def __init__(self, interval: float = 0.05) -> None:
        import psutil

        self.me = psutil.Process()
        self.peak = 0
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = 0
            for p in [self.me, *self.me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> _PeakTree:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _measure(args: argparse.Namespace) -> None:
    """Child mode: run one side, print one JSON line of figures."""
    path, out = Path(args.corpus), Path(args.out)
    with _PeakTree() as tree:
        started = time.perf_counter()
        if args.run == "kit":
            figures = kit(path, out, args.limit, args.jobs, tone=args.tone)
        else:
            figures = baseline(path, out, args.limit)
        seconds = time.perf_counter() - started
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime
    print(json.dumps({**figures, "seconds": seconds, "cpu_seconds": cpu,
                      "tree_peak_mb": tree.peak / 2**20,
                      "self_maxrss_mb": me.ru_maxrss / 1024,
                      "child_maxrss_mb": children.ru_maxrss / 1024}))


def _child(run: str, corpus: Path, limit: int | None, jobs: int, out: Path,
           *, tone: bool = False, root: Path = ROOT) -> dict:
    """One measurement in a fresh process, with the ``analysis`` package of ``root``."""
    cmd = [sys.executable, __file__, "--child", run, "--corpus", str(corpus), "--out", str(out),
           "--jobs", str(jobs), *(["--tone"] if tone else [])]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=root, check=False, env=env)
    if done.returncode != 0:
        sys.exit(f"{run} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _row(name: str, f: dict, words: int) -> str:
    return (f"{name:<28} {f['articles']:>8,} {words:>11,} {f['seconds']:>8.1f} "
            f"{words / f['seconds']:>11,.0f} {f['cpu_seconds']:>8.1f} "
            f"{f['tree_peak_mb']:>9,.0f} {f['self_maxrss_mb']:>9,.0f} "
            f"{f['child_maxrss_mb']:>9,.0f}")


HEADER = (f"{'':<28} {'articles':>8} {'words':>11} {'seconds':>8} {'words/s':>11} "
          f"{'CPU s':>8} {'peak MB':>9} {'main MB':>9} {'worker MB':>9}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the kit (default 2)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--tone", action="store_true",
                        help="score with the mention-level tone columns (score --tone)")
    parser.add_argument("--scale", help="also run the kit on these multiples, e.g. 1,2,4")
    parser.add_argument("--scale-base", type=int, default=2000,
                        help="articles in the 1x corpus of --scale (default 2000)")
    parser.add_argument("--against", help="another checkout: alternate runs of its kit with "
                        "this one's (needs --no-baseline)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="with --against: runs of each side (default 1)")
    parser.add_argument("--child", choices=["kit", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        args.run = args.child
        return _measure(args)
    corpus = Path(args.corpus)
    if not corpus.exists():
        sys.exit(f"{corpus} is missing: this benchmark needs ../shared/corpora/allsides-abp/")
    with tempfile.TemporaryDirectory(prefix="bench-score-") as tmp:
        tmp = Path(tmp)
        print(f"corpus {corpus}  limit {args.limit or 'none'}  jobs {args.jobs}  "
              f"cores {os.cpu_count()}  load {os.getloadavg()[0]:.1f}")
        print(HEADER)
        if args.against:
            return _compare(args, corpus, tmp)
        ours = _child("kit", corpus, args.limit, args.jobs, tmp / "kit.parquet",
                      tone=args.tone)
        words = ours["words"]
        name = f"kit score --jobs {args.jobs}" + (" --tone" if args.tone else "")
        print(_row(name, ours, words), flush=True)
        if not args.no_baseline:
            base = _child("baseline", corpus, args.limit, 1, tmp / "baseline.csv")
            print(_row("NLTK baseline (1 process)", base, words), flush=True)
            print(f"\nthroughput ratio kit / baseline: {base['seconds'] / ours['seconds']:.2f}x"
                  f"   (goals: >= 400,000 words/s, >= 4x, peak < 1.5 GB)")
        if args.scale:
            print("\nmemory as the corpus grows (kit, copies of the first "
                  f"{args.scale_base:,} articles)")
            print(HEADER)
            for factor in (int(x) for x in args.scale.split(",")):
                scaled = _scaled(corpus, args.scale_base, factor)
                try:
                    f = _child("kit", scaled, None, args.jobs, tmp / f"x{factor}.parquet",
                               tone=args.tone)
                finally:
                    scaled.unlink()
                print(_row(f"kit x{factor}", f, f["words"]), flush=True)


def _compare(args: argparse.Namespace, corpus: Path, tmp: Path) -> None:
    """``--against``: this checkout and another in turn, ``--repeat`` times; medians."""
    import statistics

    if not args.no_baseline:
        sys.exit("--against compares two kits: add --no-baseline")
    sides = {"this": ROOT, "against": Path(args.against).resolve()}
    runs: dict[str, list[dict]] = {name: [] for name in sides}
    for i in range(args.repeat):
        for name, root in sides.items():
            f = _child("kit", corpus, args.limit, args.jobs, tmp / f"{name}.parquet",
                       tone=args.tone, root=root)
            runs[name].append(f)
            print(_row(f"{name} run {i + 1}", f, f["words"]), flush=True)
    print(f"\nmedians over {args.repeat} run(s)" + (" (score --tone)" if args.tone else ""))
    for name, found in runs.items():
        seconds = statistics.median(f["seconds"] for f in found)
        rate = statistics.median(f["words"] / f["seconds"] for f in found)
        cpu = statistics.median(f["cpu_seconds"] for f in found)
        print(f"{name:<8} {sides[name]}: {seconds:.1f} s, {rate:,.0f} words/s, "
              f"{cpu:.1f} CPU s")


if __name__ == "__main__":
    main()
