"""The main job: compare an event into an output folder."""

import re

import pandas as pd
import pytest

from analysis.cli import main
from analysis.errors import CorpusError
from analysis.report import MAX_ROWS, compare_event, shorten, table_rows
from conftest import SEED_EVENT


def test_compare_writes_charts_tables_and_report(tmp_path):
    written = compare_event(SEED_EVENT, tmp_path / "out")
    names = {p.name for p in written}
    assert {"report.html", "article_length.png", "furniture.png", "top_words.png",
            "tone_arc.png", "tone_sentences.png", "frames.png", "markers.png",
            "distinctive_words.png", "coverage.png", "actors.png", "voices.png",
            "verb_groups.png", "quotes.csv", "actor_labels.csv", "text_stats.csv",
            "furniture.csv",
            "tone_sentences.csv", "frame_evidence.csv", "coverage_gaps.csv"} <= names
    assert written[-1].name == "report.html"
    html = (tmp_path / "out" / "report.html").read_text()
    assert "Austin–Belousov phone call, 12 July 2024" in html
    assert "US Defense Secretary Austin holds talks" in html
    pngs = [p for p in written if p.suffix == ".png"]
    assert html.count("data:image/png;base64,") == len(pngs)
    for heading in ("Who is mentioned, and how they are named",
                    "Who gets to speak, and with which verbs", "Tone",
                    "Frames and language markers", "Words that set each outlet apart",
                    "What one outlet reports and another leaves out"):
        assert re.search(f'<h2 id="[^"]+">{re.escape(heading)}</h2>', html)
        assert f">{heading}</a></li>" in html  # in the table of contents
    for path in written:
        assert path.stat().st_size > 0
    # a second run replaces its own files
    compare_event(SEED_EVENT, tmp_path / "out")


def test_report_escapes_article_text(tmp_path):
    event = tmp_path / "ev"
    event.mkdir()
    (event / "event.yml").write_text("title: <script>alert(1)</script>\n")
    (event / "a.md").write_text("---\noutlet: <b>Evil</b>\ntitle: <img src=x onerror=alert(2)>\n"
                                "---\n<script>alert(3)</script> Some words here.\n")
    (event / "b.md").write_text("---\noutlet: Good\ntitle: Fine\n---\nOther words here.\n")
    compare_event(event, tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text()
    assert "<script>" not in html and "<img src=x" not in html and "<b>Evil" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _two_outlet_event(tmp_path, event_yml="title: Tax bill\n"):
    event = tmp_path / "ev"
    event.mkdir(parents=True)
    (event / "event.yml").write_text(event_yml)
    (event / "a.md").write_text("---\noutlet: A\n---\nThe tax bill will cost jobs. "
                                "Voters are angry.\n")
    (event / "b.md").write_text("---\noutlet: B\n---\nThe court said the law is "
                                "unconstitutional.\n")
    return event


@pytest.mark.parametrize("how", ["option", "event.yml"])
def test_compare_counts_the_frame_sets_chosen(tmp_path, how):
    if how == "option":
        event = _two_outlet_event(tmp_path)
        compare_event(event, tmp_path / "out", frames="policy")
    else:
        event = _two_outlet_event(tmp_path, "title: Tax bill\nframes: [policy]\n")
        compare_event(event, tmp_path / "out")
    frames = pd.read_csv(tmp_path / "out" / "frames.csv")
    # the 14 issue frames of the Policy Frames Codebook, none of the security set
    assert frames["frame"].nunique() == 14
    assert "legality_constitutionality" in set(frames["frame"])
    assert "escalation_threat" not in set(frames["frame"])
    html = (tmp_path / "out" / "report.html").read_text()
    assert "the 14 issue frames of the Policy Frames Codebook" in html


def test_compare_default_frames_say_how_to_choose_policy(tmp_path):
    compare_event(_two_outlet_event(tmp_path), tmp_path / "out")
    assert set(pd.read_csv(tmp_path / "out" / "frames.csv")["frame"]) >= {
        "conflict", "escalation_threat"}
    assert "--frames policy" in (tmp_path / "out" / "report.html").read_text()


def test_compare_bad_frames_name_the_problem(tmp_path, capsys):
    event = _two_outlet_event(tmp_path)
    assert main(["compare", str(event), "--out", str(tmp_path / "out"),
                 "--frames", "nonsense"]) == 2
    assert "nonsense: is neither a built-in frame set" in capsys.readouterr().err
    bad = _two_outlet_event(tmp_path / "x", "title: T\nframes: 5\n")
    with pytest.raises(CorpusError, match="field 'frames'"):
        compare_event(bad, tmp_path / "out2")
    assert not (tmp_path / "out2").exists()  # nothing written


def test_one_outlet_says_comparison_needs_two(tmp_path):
    event = tmp_path / "ev"
    event.mkdir()
    (event / "event.yml").write_text("title: Alone\n")
    (event / "a.md").write_text("---\noutlet: Solo\n---\nThe talks went well. War is bad.\n")
    compare_event(event, tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text()
    assert html.count("needs articles from at least two outlets") == 2


def test_compare_refuses_to_write_into_the_event(capsys):
    assert main(["compare", str(SEED_EVENT), "--out", str(SEED_EVENT / "out")]) == 2
    assert "refusing to write inside" in capsys.readouterr().err
    assert not (SEED_EVENT / "out").exists()


@pytest.mark.parametrize("clean", [True, False])
def test_compare_cli(tmp_path, capsys, clean):
    args = ["compare", str(SEED_EVENT), "--out", str(tmp_path)] + ([] if clean else ["--no-clean"])
    assert main(args) == 0
    assert "report.html" in capsys.readouterr().out


@pytest.mark.parametrize(
    "view", ["length", "actors", "verbs", "tone", "frames", "distinctive", "coverage"])
def test_chart_writes_one_view(tmp_path, capsys, view):
    target = tmp_path / f"{view}.png"
    assert main(["chart", view, str(SEED_EVENT), "--out", str(target)]) == 0
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_chart_formats_and_errors(tmp_path, capsys):
    assert main(["chart", "frames", str(SEED_EVENT), "--out", str(tmp_path / "f.svg")]) == 0
    assert (tmp_path / "f.svg").read_text().lstrip().startswith("<?xml")
    assert main(["chart", "frames", str(SEED_EVENT), "--out", str(tmp_path / "f.gif")]) == 2
    assert "save charts as .png, .svg or .pdf" in capsys.readouterr().err


def test_every_table_is_whole_or_says_where_the_rest_is(tmp_path):
    written = compare_event(SEED_EVENT, tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text()
    csvs = {p.name for p in written if p.suffix == ".csv"}
    folds = re.findall(r"<details><summary>Table: .*?</details>", html, flags=re.S)
    assert len(folds) == len(csvs)
    for fold in folds:
        name = re.search(r'href="([^"]+\.csv)"', fold).group(1)
        assert name in csvs
        table = pd.read_csv(tmp_path / "out" / name)
        shown = fold.split("<tbody>")[1].count("<tr")
        if shown < len(table):
            assert f"of {len(table)} rows" in fold and f"every row is in <a href=\"{name}" in fold
        else:
            assert "every row is in" not in fold
    # the long evidence tables show rows of both outlets
    labels = next(f for f in folds if 'href="actor_labels.csv"' in f)
    assert "Shafaq News" in labels and "n-tv" in labels


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("modern combat aircraft", 30, "modern combat aircraft"),
        ("Germany wants modern combat aircraft now", 30, "Germany wants modern combat…"),
        ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
    ],
)
def test_shorten_cuts_at_word_boundaries(text, width, expected):
    assert shorten(text, width) == expected
    assert len(shorten(text, width)) <= width


def test_table_rows_keeps_every_outlet():
    table = pd.DataFrame({"outlet": ["A"] * 50 + ["B"] * 5, "n": range(55)})
    shown, note = table_rows(table)
    assert set(shown["outlet"]) == {"A", "B"} and len(shown) <= MAX_ROWS
    assert note.startswith(f"first {len(shown)} of 55 rows")
    assert table_rows(table.head(3))[1] == ""


def test_top_words_leave_out_titles_before_names():
    # worked by hand: "Mr." x3, "Aug." x3 and "Sen." x2 would top the counts (before:
    # "mr." 3, "sen." 2); the content words remain, "plan" 2 first
    from analysis import from_texts
    from analysis.plotting import outlet_colors
    from analysis.report import Context, section_top_words

    corpus = from_texts({"A": "Mr. Lee met Mr. Fox and Mr. Roe. Sen. Ray and Sen. Day "
                              "backed the plan. The plan held. Aug. 2: Aug. 3: Aug. 4:"})
    ctx = Context(raw=corpus, corpus=corpus, event={"title": "t"},
                  palette=outlet_colors(corpus["outlet"]))
    table = section_top_words(ctx).tables["top_words"]
    assert not {"mr.", "sen.", "mr", "sen", "aug."} & set(table["term"])
    assert table.iloc[0][["term", "count"]].tolist() == ["plan", 2]
