"""The main job: compare an event into an output folder."""

import pytest

from analysis.cli import main
from analysis.report import compare_event
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
        assert f"<h2>{heading}</h2>" in html
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
