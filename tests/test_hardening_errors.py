"""Every bad input tried, the message a user sees, and docs/errors.md, which lists them.

Each case writes a few files, calls what a user would call (``load_corpus``, an actor or
lexicon loader, a command), and checks that the result is bad input (CorpusError or a
ValueError; for the command line, exit status 2 and one ``error:`` line) whose message
names the file and, where there is one, the line and the field. docs/errors.md is this
table; regenerate it with ``.venv/bin/python tests/test_hardening_errors.py > docs/errors.md``.
"""

from __future__ import annotations

import gzip
import io
import re
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest

from analysis.loading import CorpusError

DOC = Path(__file__).resolve().parent.parent / "docs" / "errors.md"
GOOD_ARTICLE = "---\noutlet: Outlet A\ntitle: Talks\ndate: 2024-07-12\n---\nThe talks began.\n"


@dataclass
class Case:
    group: str
    what: str
    files: dict[str, str | bytes]
    call: str  # "load:<path>", "actors:<path>", "frames:<path>", "markers:<path>",
    #           "verbs:<path>", "cleaning:<path>", "cli:<args>", "texts:<name>"
    expect: list[str] = field(default_factory=list)  # regexes the message must contain
    warning: bool = False  # the input loads, with a warning


def _event(article: str | bytes = GOOD_ARTICLE, event: str | bytes = "title: Talks\n",
           **more: str | bytes) -> dict[str, str | bytes]:
    return {"ev/event.yml": event, "ev/a.md": article, **{f"ev/{k}": v for k, v in more.items()}}


def _pq(df: pd.DataFrame, damage: tuple[bytes, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf)
    data = buf.getvalue()
    return data.replace(*damage, 1) if damage else data


CASES = [
    # --- event folders ---------------------------------------------------------------------
    Case("event folder", "a folder without event.yml (and no event sub-folders)",
         {"ev/a.md": GOOD_ARTICLE}, "load:ev", [r"ev: is not an event folder"]),
    Case("event folder", "event.yml without a title", _event(event="date: 2024-07-12\n"),
         "load:ev", [r"event\.yml", r"field 'title'"]),
    Case("event folder", "event.yml that is not YAML", _event(event="title: [Talks\n"),
         "load:ev", [r"event\.yml, line \d", "not valid YAML"]),
    Case("event folder", "event.yml holding a list", _event(event="- title\n"),
         "load:ev", [r"event\.yml, line 1", "key: value"]),
    Case("event folder", "event.yml with a date that is not one",
         _event(event="title: T\ndate: next week\n"), "load:ev",
         [r"event\.yml, line 2, field 'date'", "2024-07-12"]),
    Case("event folder", "a folder with event.yml but no articles", {"ev/event.yml": "title: T\n"},
         "load:ev", [r"ev: has no articles"]),
    Case("article file", "no front matter", _event("Just text.\n"), "load:ev",
         [r"a\.md, line 1", "expected front matter"]),
    Case("article file", "front matter never closed", _event("---\noutlet: A\nText.\n"),
         "load:ev", [r"a\.md, line 1", "never closed"]),
    Case("article file", "front matter that is not YAML",
         _event("---\noutlet: A\ntitle: \"unclosed\n---\nText.\n"), "load:ev",
         [r"a\.md, line \d", "not valid YAML"]),
    Case("article file", "no outlet", _event("---\ntitle: T\n---\nText.\n"), "load:ev",
         [r"a\.md, line 2, field 'outlet'"]),
    Case("article file", "an outlet that is a list",
         _event("---\ntitle: T\noutlet: [A, B]\n---\nText.\n"), "load:ev",
         [r"a\.md, line 3, field 'outlet'"]),
    Case("article file", "a date that is not one",
         _event("---\noutlet: A\ndate: 2024-13-45\n---\nText.\n"), "load:ev",
         [r"a\.md, line 3, field 'date'"]),
    Case("article file", "no text below the front matter", _event("---\noutlet: A\n---\n\n"),
         "load:ev", [r"a\.md, line 3", "no text"]),
    Case("article file", "not UTF-8 (Latin-1 bytes)",
         _event(b"---\noutlet: A\n---\nCaf\xe9 talks.\n"), "load:ev",
         [r"a\.md, line 4", "not UTF-8"]),
    Case("article file", "a YAML tag that would build a Python object",
         _event("---\noutlet: !!python/object/apply:os.system ['echo hi']\n---\nText.\n"),
         "load:ev", [r"a\.md, line 2", "not valid YAML"]),
    Case("article file", "front matter nested thousands deep",
         _event("---\noutlet: A\nx: " + "[" * 3000 + "]" * 3000 + "\n---\nText.\n"),
         "load:ev", [r"a\.md", "nest too deeply"]),
    Case("article file", "a control character (ESC) in the front matter",
         _event("---\noutlet: A\ntitle: x\x1by\n---\nText.\n"),
         "load:ev", [r"a\.md, line 3", "control character 0x1b"]),
    Case("article file", "two articles with the same id",
         _event("---\noutlet: A\nid: same\n---\nOne.\n",
                **{"b.md": "---\noutlet: B\nid: same\n---\nTwo.\n"}),
         "load:ev", [r"article id 'same' is used more than once: .*a\.md:5; .*b\.md:5"]),
    Case("article file", "a lone surrogate escape in the title (\\ud800)",
         _event('---\noutlet: A\ntitle: "T \\ud800"\n---\nText.\n'), "load:ev",
         [r"a\.md, line 2: replaced 1 lone surrogate"], warning=True),
    # --- tables ----------------------------------------------------------------------------
    Case("CSV", "no text column", {"c.csv": "outlet,body\nA,x\n"}, "load:c.csv",
         [r"c\.csv, field 'text'", "has no 'text' column"]),
    Case("CSV", "an empty file", {"c.csv": ""}, "load:c.csv", [r"c\.csv, line 1", "is empty"]),
    Case("CSV", "a row with too many cells", {"c.csv": "outlet,text\nA,x\nB,y,z\n"},
         "load:c.csv", [r"c\.csv, line 3", "3 cells"]),
    Case("CSV", "a row without an outlet", {"c.csv": "outlet,text\nA,x\n,y\n"}, "load:c.csv",
         [r"c\.csv, line 3, field 'outlet'"]),
    Case("CSV", "a date that is not one", {"c.csv": "outlet,text,date\nA,x,2024-01-01\nB,y,soon\n"},
         "load:c.csv", [r"c\.csv, line 3, field 'date'"]),
    Case("CSV", "not UTF-8", {"c.csv": b"outlet,text\nA,caf\xe9\n"}, "load:c.csv",
         [r"c\.csv", "not UTF-8"]),
    Case("CSV", "gzip magic bytes, then not gzip", {"c.csv": b"\x1f\x8b\x08rubbish"},
         "load:c.csv", [r"c\.csv", "cannot be unpacked"]),
    Case("JSON Lines", "a line that is not JSON",
         {"c.jsonl": '{"outlet": "A", "text": "x"}\n{oops\n'}, "load:c.jsonl",
         [r"c\.jsonl, line 2", "not valid JSON"]),
    Case("JSON Lines", "a line holding a list", {"c.jsonl": '["A", "x"]\n'}, "load:c.jsonl",
         [r"c\.jsonl, line 1", "found list"]),
    Case("JSON Lines", "an outlet that is an object",
         {"c.jsonl": '{"outlet": {"name": "A"}, "text": "x"}\n'}, "load:c.jsonl",
         [r"c\.jsonl, line 1, field 'outlet'", "found an object"]),
    Case("JSON Lines", "text that is a number", {"c.jsonl": '{"outlet": "A", "text": 5}\n'},
         "load:c.jsonl", [r"c\.jsonl, line 1, field 'text'"]),
    Case("JSON Lines", "not UTF-8", {"c.jsonl": b'{"outlet": "A", "text": "caf\xe9"}\n'},
         "load:c.jsonl", [r"c\.jsonl", "not UTF-8"]),
    Case("JSON Lines", "nested thousands deep",
         {"c.jsonl": '{"outlet": "A", "text": "x", "n": ' + "[" * 5000 + "]" * 5000 + "}\n"},
         "load:c.jsonl", [r"c\.jsonl, line 1", "nest too deeply"]),
    Case("JSON Lines", "a lone surrogate escape in the text (\\udc00)",
         {"c.jsonl": '{"outlet": "A", "text": "x \\udc00"}\n'}, "load:c.jsonl",
         [r"c\.jsonl, line 1: replaced 1 lone surrogate"], warning=True),
    Case("JSON Lines", ".jsonl.gz cut short",
         {"c.jsonl.gz": gzip.compress(b'{"outlet": "A", "text": "x"}\n' * 40, mtime=0)[:30]},
         "load:c.jsonl.gz", [r"c\.jsonl\.gz", "cannot be unpacked"]),
    Case("JSON", "an array cut short", {"c.json": '[{"outlet": "A", "text": "x"}'}, "load:c.json",
         [r"c\.json, line 1", "not valid JSON"]),
    Case("JSON", "an array of strings", {"c.json": '["a", "b"]'}, "load:c.json",
         [r"c\.json", "list of objects"]),
    Case("Parquet", "not a Parquet file", {"c.parquet": b"PAR1 not really"}, "load:c.parquet",
         [r"c\.parquet", "could not be read as Parquet"]),
    Case("Parquet", "strings that are not UTF-8",
         {"c.parquet": _pq(pd.DataFrame({"outlet": ["A"], "text": ["Talks."]}),
                           (b"Talks.", b"Talk\xed."))},
         "load:c.parquet", [r"c\.parquet", "Invalid UTF8"]),
    Case("Parquet", "an outlet column holding lists",
         {"c.parquet": _pq(pd.DataFrame({"outlet": [["A", "B"]], "text": ["Talks."]}))},
         "load:c.parquet", [r"c\.parquet \(row 1\), field 'outlet'", "found a list"]),
    Case("any file", "a file type the kit does not read (.pkl)", {"c.pkl": b"\x80\x04."},
         "load:c.pkl", [r"c\.pkl", r"not a file type the kit reads \(\.pkl\)"]),
    Case("any file", "a path that does not exist", {}, "load:missing.csv",
         [r"missing\.csv: does not exist"]),
    # --- actor lists, lexicons, word lists --------------------------------------------------
    Case("actor list", "no 'actors:' list", {"a.yml": "people: []\n"}, "actors:a.yml",
         [r"a\.yml, line 1, field 'actors'"]),
    Case("actor list", "an actor without a name", {"a.yml": "actors:\n  - kind: person\n"},
         "actors:a.yml", [r"a\.yml, line 2, field 'name'"]),
    Case("actor list", "an unknown kind", {"a.yml": "actors:\n  - name: X\n    kind: robot\n"},
         "actors:a.yml", [r"a\.yml, line 2, field 'kind'", "robot"]),
    Case("actor list", "an unknown field",
         {"a.yml": "actors:\n  - name: X\n    kind: person\n    alias: Y\n"}, "actors:a.yml",
         [r"a\.yml, line 2, field 'alias'"]),
    Case("actor list", "'events' that is a number", {"a.yml": "events: 5\nactors: []\n"},
         "actors:a.yml", [r"a\.yml, field 'events'"]),
    Case("actor list", "a list nested thousands deep",
         {"a.yml": "actors: " + "[" * 3000 + "]" * 3000 + "\n"}, "actors:a.yml",
         [r"a\.yml", "nest too deeply"]),
    Case("frame lexicon", "a frame with no terms", {"f.yml": "frames:\n  peace:\n    terms: []\n"},
         "frames:f.yml", [r"f\.yml, line 3, field 'frames\.peace\.terms'", "empty term list"]),
    Case("frame lexicon", "a term that is a bad regular expression",
         {"f.yml": "frames:\n  peace:\n    terms: ['re:(unclosed']\n"}, "frames:f.yml",
         [r"f\.yml, line \d, field 'frames\.peace\.terms\[0\]'", "bad regular expression"]),
    Case("frame lexicon", "no 'frames:' section", {"f.yml": "markers: {}\n"}, "frames:f.yml",
         [r"f\.yml, field 'frames'"]),
    Case("marker lexicon", "a frame lexicon loaded as markers",
         {"f.yml": "kind: frames\nframes:\n  peace: [talks]\n"}, "markers:f.yml",
         [r"f\.yml, field 'kind'", "load_frames"]),
    Case("attribution verbs", "no 'groups:'", {"v.yml": "forms: {}\n"}, "verbs:v.yml",
         [r"v\.yml, field 'groups'"]),
    Case("cleaning patterns", "a pattern that is not a regular expression",
         {"c.yml": "navigation:\n  - '(unclosed'\n"}, "cleaning:c.yml",
         [r"c\.yml, field 'navigation'", "entry 1"]),
    # --- pasted text and tables in Python -----------------------------------------------
    Case("Python", "from_texts with no articles", {}, "texts:empty",
         ["from_texts got no articles"]),
    Case("Python", "from_texts with an empty text", {}, "texts:blank",
         [r"article 1 needs 'text' as non-empty text"]),
    Case("Python", "a table without the text column", {}, "texts:columns",
         [r"mention_table needs the column\(s\) 'text'"]),
    # --- the command line ---------------------------------------------------------------
    Case("command line", "--out inside data/", {"c.csv": "outlet,text\nA,x\n"},
         "cli:info c.csv --out DATA/x.csv", [r"refusing to write inside a data folder"]),
    Case("command line", "--out inside an event folder", _event(),
         "cli:info ev --out ev/x.csv", [r"ev/x\.csv: refusing to write inside the event folder"]),
    Case("command line", "--out over a file the kit did not write",
         {"c.csv": "outlet,text\nA,x\n", "mine.csv": "notes\n"},
         "cli:info c.csv --out mine.csv",
         [r"mine\.csv: already exists and was not written by Outlet Lens", "--force"]),
    Case("command line", "--out with an extension the kit cannot write",
         {"c.csv": "outlet,text\nA,x\n"}, "cli:info c.csv --out x.xlsx",
         [r"x\.xlsx: cannot tell the format"]),
    Case("command line", "compare --out naming a file, not a folder",
         {**_event(), "report": "mine"}, "cli:compare ev --out report",
         [r"report: is a file; give the name of a folder"]),
    Case("command line", "compare with more than 30 outlets",
         {"c.csv": "outlet,text\n" + "".join(f"O{i},Talks.\n" for i in range(31))},
         "cli:compare c.csv --out out/", [r"has 31 outlets", "score PATH"]),
    Case("command line", "sentiment --by arc --bins 1000000000 (more than the input holds)",
         {"c.csv": "outlet,text\nA,x\n"}, "cli:sentiment c.csv --by arc --bins 1000000000",
         [r"bins must be at most 100"]),
    Case("command line", "a broken input file", {"c.csv": "outlet,text\nA,x\nB,y,z\n"},
         "cli:actors c.csv", [r"c\.csv, line 3"]),
]


def run_case(case: Case, tmp: Path) -> tuple[str, str]:
    """Write the files, make the call; return ``(kind, message)`` with ``tmp`` shown as
    ``<dir>``. ``kind`` is the exception's name, ``warning`` or ``exit 2``."""
    from analysis import actors, cleaning, cli, framing, loading, quotes
    from analysis.resources import builtin_dir as data_dir

    for name, content in case.files.items():
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    action, _, arg = case.call.partition(":")
    target = tmp / arg
    kind, message = "", ""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if action == "load":
                loading.load_corpus(target)
            elif action == "actors":
                actors.read_actor_file(target)
            elif action == "frames":
                framing.load_frames(target)
            elif action == "markers":
                framing.load_markers(target)
            elif action == "verbs":
                quotes.load_verbs(target)
            elif action == "cleaning":
                cleaning.load_patterns(str(target))
            elif action == "texts":
                if arg == "empty":
                    loading.from_texts({})
                elif arg == "blank":
                    loading.from_texts({"A": "  "})
                else:
                    actors.mention_table(pd.DataFrame({"article_id": ["a"], "outlet": ["A"]}))
            elif action == "cli":
                command, *rest = arg.split()
                argv = [command] + [  # paths are in tmp (or data/); options stay as they are
                    a.replace("DATA", str(data_dir())) if a.startswith("DATA")
                    else str(tmp / a) if "." in a or "/" in a or (tmp / a).exists() else a
                    for a in rest]
                err = io.StringIO()
                real, sys.stderr = sys.stderr, err
                try:
                    code = cli.main(argv)
                finally:
                    sys.stderr = real
                kind, message = f"exit {code}", err.getvalue().strip()
        except (CorpusError, ValueError) as exc:
            kind, message = type(exc).__name__, str(exc)
    if not kind and case.warning:
        found = [str(w.message) for w in caught if "surrogate" in str(w.message)]
        kind, message = "warning", found[0] if found else ""
    return kind, message.replace(str(tmp), "<dir>").replace(str(data_dir()), "<data>")


@pytest.mark.parametrize("case", CASES, ids=[f"{c.group}: {c.what}" for c in CASES])
def test_bad_input_gets_a_message_naming_the_place(case, tmp_path):
    kind, message = run_case(case, tmp_path)
    if case.warning:
        assert kind == "warning"
    elif case.call.startswith("cli:"):
        assert kind == "exit 2" and message.startswith("error: ") and "\n" not in message
    else:
        assert kind in ("CorpusError", "ValueError", "IngestError", "OutputError"), kind
    for pattern in case.expect:
        assert re.search(pattern, message), (pattern, message)
    if case.files and not case.call.startswith(("texts:", "cli:info c.csv --out DATA")):
        assert "<dir>/" in message or "error: " in message, message  # names the file
    assert _row(case, kind, message) in DOC.read_text(encoding="utf-8"), \
        "docs/errors.md is out of date: regenerate it (see the module docstring)"


def _row(case: Case, kind: str, message: str) -> str:
    cell = message.replace("|", "\\|").replace("\n", " ")
    return f"| {case.group} | {case.what} | {kind} | `{cell}` |"


def render() -> str:
    import tempfile

    lines = [
        "# Bad input and what you see",
        "",
        "Every bad input the hardening tests try (tests/test_hardening_errors.py, which",
        "checks this table against the kit) and the message it gives. Bad input is a",
        "`CorpusError` (a `ValueError` naming the file, line and field) or a `ValueError`",
        "saying what to change; the command line prints it after `error:` and exits with",
        "status 2. `<dir>` is the folder the files were in. Two inputs load with a",
        "warning instead: a lone surrogate (half of a UTF-16 pair, as the escapes `\\ud800`",
        "in JSON or YAML make) cannot be written as UTF-8 and becomes U+FFFD.",
        "",
        "Regenerate: `.venv/bin/python tests/test_hardening_errors.py > docs/errors.md`.",
        "",
        "| input | what is wrong | result | message |",
        "|---|---|---|---|",
    ]
    for case in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            lines.append(_row(case, *run_case(case, Path(tmp).resolve())))
    return "\n".join([*lines, "", *NOTES]) + "\n"


#: What the table cannot show: inputs that are refused or handled in other ways (their
#: regression tests are in tests/test_hardening_round3.py).
NOTES = """\
## Patterns a user writes (frame and marker terms)

Terms are matched by Python's backtracking regular-expression engine, so some patterns
would take time exponential in the length of a word. `analysis.safe_patterns` refuses or
rewrites them; nothing is matched under a timeout:

* a wildcard term (`escalat*`): a run of `*` is one wildcard (`x**********y` is `x*y`), and
  every wildcard but the last takes the first place where the rest of the term continues
  (an atomic group), so one term on one word takes time linear in the word's length
  (`a***b` on a 20,000-letter word: instant; it ran for over a minute);
* a regular expression (`re:...`) is refused, as a bad regular expression naming the file
  and field, when it repeats a group that holds a repeat (`re:(?:a+)+b`, `(a*)*`,
  `(?:\\w+\\s?)+`), repeats a choice whose options can match the same text (`(a|a)*`,
  `(a|ab)+`), or has two unbounded repeats in a row that can match the same characters
  (`\\w*\\w*`, `\\w*a\\w*`, `.*x.*`): "it repeats a group that itself holds a repeat
  (like '(a+)+' or '(a*)*'); such patterns can take hours on one long word. Write it without
  a repeat inside a repeat, e.g. 'a+b' for '(a+)+b'".

## Web pages and downloads (`add`)

`add` reports each source on its own line (`error: SOURCE: <message>` for one it could not
add), goes on with the rest of the batch and exits with status 2 if any source failed. A
download has a timeout for each step and an overall deadline of three timeouts (60 s by
default), a size limit, and is refused when the HTTP is broken (a chunked body cut short,
more than 100 headers, a header line over 64 KB, a bad status line, HTTP/0.9: "the server's
answer is not valid HTTP (LineTooLong)"), when fewer bytes arrive than `Content-Length`
announced ("the server announced 100,000 bytes but sent 500 bytes; nothing was stored"), and
when a public address redirects to this machine or the local network (loopback, private and
link-local addresses such as 169.254.169.254). A declared charset that is no text encoding
(`hex`, `zlib`, `rot-13`, `uu`) or UTF-7 is ignored with a note. A FIFO, `/dev/zero` or
another device is "not a regular file"; an `.mhtml` whose parts nest thousands deep, and a
page nested deeper than the HTML parser reads (255 elements), each say so. `--max-mb` and
`--timeout` take finite numbers in a range (`inf` and `nan` are refused by the command line,
status 2).

## Sizes and outputs

* Number options are bounded: `--bins` by the sentences of the longest article (or 100),
  `--ngram` 1 to 10, `--threshold` 0 to 1, `--jobs` capped at twice the CPU cores (with a
  message), `compare` at 30 outlets (use `score` for more), outlet names cut at 200
  characters (with a warning).
* `compare` writes its files into a temporary folder beside `--out` and swaps it in, so a
  full disk or `kill -9` leaves the previous report whole; a temporary folder or file left
  by a killed run is removed by the next run. A full disk during `score` is an `error:`
  line. The score cache never follows a linked folder.
""".splitlines()


if __name__ == "__main__":
    sys.stdout.write(render())
