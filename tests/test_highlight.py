"""Side-by-side HTML: marks sit on the right text, overlaps stay well-formed, nothing injected."""

import html
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from analysis import from_texts
from analysis.highlight import highlight
from analysis.outputs import OutputError
from conftest import SEED_EVENT


class _Spans(HTMLParser):
    """Collect (classes, title, text) of every <span> and check tags balance."""

    def __init__(self):
        super().__init__()
        self.stack, self.spans, self.tags = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("span", "div"):
            self.stack.append([tag, dict(attrs), ""])

    def handle_endtag(self, tag):
        opened = self.stack.pop()
        assert opened[0] == tag, f"</{tag}> closes <{opened[0]}>"
        if tag == "span":
            self.spans.append((opened[1].get("class", ""), opened[1].get("title", ""), opened[2]))

    def handle_data(self, data):
        for item in self.stack:
            item[2] += data


def parse(fragment: str) -> _Spans:
    parser = _Spans()
    parser.feed(re.sub(r"<style>.*?</style>", "", fragment, flags=re.S))
    assert parser.stack == []
    return parser


def test_layers_mark_the_given_spans():
    corpus = from_texts({"A": "Peskov warned of war. All is calm."})
    mentions = pd.DataFrame({"article_id": ["a-1"], "actor": ["Dmitry Peskov"], "start": [0],
                             "end": [6]})
    # "Peskov warned of war." : war is characters 17-20, the sentence 0-21
    frames = pd.DataFrame({"article_id": ["a-1"], "frame": ["conflict"], "term": ["war"],
                           "start": [17], "end": [20]})
    tone = pd.DataFrame({"article_id": ["a-1", "a-1"], "start": [0, 22], "end": [21, 34],
                         "compound": [-0.6, 0.0]})
    page = highlight(corpus, layers=["actors", "frames", "tone"], mentions=mentions,
                     frame_matches=frames, tone=tone)
    spans = [(c, t, x) for c, t, x in parse(page.html).spans if t]
    # the neutral second sentence (|compound| < 0.05) gets no tint
    assert spans == [
        ("ol-m", "tone -0.60 (VADER); actor: Dmitry Peskov", "Peskov"),
        ("", "tone -0.60 (VADER)", " warned of "),
        ("ol-f", "tone -0.60 (VADER); frame conflict: war", "war"),
        ("", "tone -0.60 (VADER)", "."),
    ]


def test_quote_layer_says_what_is_speech_and_what_is_thought():
    corpus = from_texts({"A": 'Peskov fears the talks will fail. "We wait," Lavrov said. '
                              'The talks seem to stall.'})
    page = highlight(corpus, layers=["quotes"])
    assert [(c, t, x) for c, t, x in parse(page.html).spans if t] == [
        ("ol-q", "thought attributed to Peskov (fears; not counted as a voice)",
         "the talks will fail."),
        ("ol-q", "direct quote: Lavrov (said, neutral)", "We wait,"),
        ("ol-q", "impression, no holder named (seem; not counted as a voice)", "to stall."),
    ]


def test_focus_actor_and_frame_filter():
    corpus = from_texts({"A": "Austin met Belousov."})
    mentions = pd.DataFrame({"article_id": ["a-1"] * 2, "actor": ["Lloyd Austin", "Belousov"],
                             "start": [0, 11], "end": [6, 19]})
    page = highlight(corpus, layers=["actors"], mentions=mentions, actor="Belousov")
    classes = {x: c for c, t, x in parse(page.html).spans if t}
    assert classes == {"Austin": "ol-m", "Belousov": "ol-m ol-focus"}
    frames = pd.DataFrame({"article_id": ["a-1"] * 2, "frame": ["conflict", "diplomacy"],
                           "term": ["met", "met"], "start": [7, 7], "end": [10, 10]})
    page = highlight(corpus, layers=["frames"], frame_matches=frames, frames=["diplomacy"])
    assert [t for _, t, _ in parse(page.html).spans if t] == ["frame diplomacy: met"]


def test_hostile_text_becomes_no_markup():
    corpus = from_texts([{"outlet": "<script>x()</script>", "title": '"><img src=x>',
                          "text": "<b onclick='x()'>bold</b> & <!-- c --> done."}])
    page = highlight(corpus, layers=["tone"])
    parser = parse(page.html)
    assert set(parser.tags) <= {"div", "span", "br"}
    assert "&lt;b onclick=&#x27;x()&#x27;&gt;bold&lt;/b&gt; &amp;" in page.html


def test_seed_event_all_layers_render_and_save(tmp_path):
    import analysis

    corpus = analysis.clean_corpus(analysis.load_corpus(SEED_EVENT))
    page = highlight(corpus, actor="Dmitry Peskov")
    parse(page.html)
    # a mention may be cut into adjacent segments where another layer's mark begins or ends
    runs = re.findall(r'(?:<span class="[^"]*ol-focus[^"]*"[^>]*>[^<]*</span>)+', page.html)
    focus = [html.unescape(re.sub(r"<[^>]+>", "", run)) for run in runs]
    # Peskov is named three ways in six places across the two texts; every one is marked
    assert sorted(focus) == sorted(["Putin's spokesman", "Kremlin spokesman Dmitry Peskov",
                                    "Peskov", "Kremlin spokesman Dmitry Peskov", "Peskov",
                                    "Peskov"])
    path = page.save(tmp_path / "side.html")
    assert path.read_text().startswith("<!doctype html>")
    with pytest.raises(OutputError):
        page.save(SEED_EVENT / "side.html")


def test_unknown_layer():
    with pytest.raises(ValueError, match="unknown layer"):
        highlight(from_texts({"A": "x"}), layers=["sparkles"])


def test_tone_tint_is_no_outlet_colour_and_actor_marks_stay_on_top():
    from analysis.highlight import _CSS, _tone_style
    from analysis.plotting import OKABE_ITO, outlet_palette

    for compound in (-0.9, 0.9):
        rgb = _tone_style(compound).split("(")[1].split(")")[0].split(",")[:3]
        tint = "#" + "".join(f"{int(c):02x}" for c in rgb)
        assert tint not in {c.lower() for c in OKABE_ITO}
    # the focused actor's yellow wins over a tone tint (an inline style)
    assert "background:#ffe08a !important" in _CSS
    corpus = from_texts({"A": "Peskov warned of a terrible, awful war.", "B": "Calm."})
    palette = outlet_palette(from_texts({"0": "x", "A": "y", "B": "z"}))
    page = highlight(corpus[corpus["outlet"] == "B"], layers=["tone"], palette=palette)
    assert f"border-top:6px solid {palette['B']}" in page.html
