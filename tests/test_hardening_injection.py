"""Nothing injected, nothing fetched, nothing constructed.

* A hostile article (markup and script in its text, title, outlet name, URL, leaning and the
  event's title and description) is rendered by every HTML output: highlighted text, the
  compare report, the dashboard's HTML and SVG, the blind round. No element or attribute
  from the article exists in the parsed page.
* The main paths run with the network cut off (``socket.socket.connect``, ``create_connection``
  and ``getaddrinfo`` fail and are recorded): no connection attempt, except when a URL is
  given to :mod:`analysis.ingest`.
* YAML tags that construct Python objects are refused; no module reads pickles.
"""

from __future__ import annotations

import ast
import socket
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

import analysis
from analysis import highlight as highlight_mod
from analysis import report, scoring
from analysis.loading import CorpusError, load_corpus

#: Everything here is a marker: if any of it becomes markup, the parsed page shows it.
PAYLOAD = (
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'
    "<x-pwned data-pwned=1>bold?</x-pwned><svg onload=alert(3)></svg>"
    "\"'><iframe src=javascript:alert(4)></iframe></textarea></title><!--"
    "<style>body{display:none}</style>"
)
BAD_TAGS = {"x-pwned", "iframe", "svg", "img", "style", "script"}
BAD_ATTRS = {"onerror", "onload", "data-pwned"}

# The payload makes the articles look less English; the kit says so. Not what is tested here.
# A payload-long outlet name squeezes the report's charts (matplotlib warns), and at 244
# characters it is cut to 200 with a warning (the cut-off tail, <style>, is still in the
# title, leaning, event and body).
pytestmark = [pytest.mark.filterwarnings("ignore:.*do not look like English"),
              pytest.mark.filterwarnings("ignore:constrained_layout not applied"),
              pytest.mark.filterwarnings("ignore:.*outlet name.* longer than 200")]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser.tags


def assert_no_injection(page: str, baseline: str) -> None:
    """No element or attribute of the payload in ``page``; tags the kit itself uses (as in
    ``baseline``, the same output for a harmless article) are allowed, in the same number."""
    found, own = elements(page), elements(baseline)
    for tag, attrs in found:
        assert not set(attrs) & BAD_ATTRS, (tag, attrs)
        assert tag != "x-pwned"
        assert not any("pwned" in (v or "") or "alert(" in (v or "") for v in attrs.values())
    for tag in BAD_TAGS:
        n, n_own = sum(t == tag for t, _ in found), sum(t == tag for t, _ in own)
        assert n == n_own, f"{n} <{tag}> in the page, {n_own} in the harmless one"


def _article(outlet: str, title: str, body: str, **extra: str) -> str:
    front = {"outlet": outlet, "title": title, "date": "2024-07-12",
             "url": "https://example.org/a?x=<script>", **extra}
    return "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body + "\n"


def _body(payload: str) -> str:
    return (
        f"Lloyd Austin said {payload} the talks were \u201cgood {payload} news\u201d. "
        f"The Kremlin warned of escalation {payload}. Belousov told reporters that "
        f"\u201cthe war {payload} must end\u201d.\n\nDefense Secretary Austin {payload}called "
        "Belousov. Russia said the call was very useful."
    )


def make_event(folder: Path, payload: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "event.yml").write_text(
        yaml.safe_dump({"title": f"Event {payload}", "date": "2024-07-12",
                        "description": f"About {payload}"}), encoding="utf-8")
    (folder / "a.md").write_text(
        _article(f"Outlet {payload}", f"Austin {payload} talks", _body(payload),
                 leaning=f"left {payload}"), encoding="utf-8")
    (folder / "b.md").write_text(
        _article("Calm Times", f"Title {payload}", _body(payload)), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    root = tmp_path_factory.mktemp("events")
    return make_event(root / "hostile", PAYLOAD), make_event(root / "harmless", "plain")


def test_payload_is_caught_when_not_escaped():
    """The check itself: the raw payload fails it."""
    with pytest.raises(AssertionError):
        assert_no_injection(f"<p>{PAYLOAD}</p>", "<p>plain</p>")


def test_highlight_escapes_every_layer(events):
    hostile, harmless = (load_corpus(e) for e in events)
    for layers in ([], list(highlight_mod.LAYERS)):
        page = highlight_mod.highlight(hostile, layers=layers, actor="Lloyd Austin")
        base = highlight_mod.highlight(harmless, layers=layers, actor="Lloyd Austin")
        assert_no_injection(page.html, base.html)
        assert_no_injection(page.page(title=PAYLOAD), base.page(title="plain"))
    assert "Lloyd Austin" in page.html


def test_compare_report_escapes_everything(events, tmp_path):
    written = {}
    for name, event in zip(("hostile", "harmless"), events, strict=True):
        paths = report.compare_event(event, tmp_path / name)
        written[name] = paths[-1].read_text(encoding="utf-8")
    assert_no_injection(written["hostile"], written["harmless"])
    assert "&lt;x-pwned" in written["hostile"]


def test_dashboard_and_blind_round_escape_everything(events):
    from analysis import widgets

    hostile, harmless = (load_corpus(e) for e in events)
    pages = {}
    for name, corpus in (("hostile", hostile), ("harmless", harmless)):
        app = widgets.explore(corpus)
        app.layers.value = tuple(highlight_mod.LAYERS)
        app.search.value = "said"
        html_parts = [app.text.value, app.results.value]
        for measure in widgets.MEASURES:
            app.measure.value = measure
            svg = bytes(app.chart.value).decode("utf-8")
            tree = ElementTree.fromstring(svg)  # well-formed XML: nothing broke out
            tags = {el.tag.rsplit("}", 1)[-1] for el in tree.iter()}
            assert not tags & {"x-pwned", "script", "iframe", "img"}, measure
        app.search.value = PAYLOAD  # a hostile search term is shown back escaped
        html_parts.append(app.results.value)
        blind = widgets.guess_the_outlet(corpus, seed=1)
        html_parts.append(blind.children[0].value)
        blind.show_answer()
        html_parts.append(blind.answer.value)
        pages[name] = "\n".join(html_parts)
    assert_no_injection(pages["hostile"], pages["harmless"])


# --- the network ------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(what):
        def fail(*args, **kwargs):
            attempts.append(f"{what}{args[1:2] if what == 'connect' else args[:1]}")
            raise OSError(f"network is off in this test ({what})")
        return fail

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


@pytest.mark.filterwarnings("ignore")
def test_main_paths_never_reach_the_network(no_network, tmp_path):
    from analysis import (
        actors,
        blind,
        cleaning,
        comparison,
        framing,
        plotting,
        quotes,
        sentiment,
        tokens,
        widgets,
    )
    from analysis.resources import builtin_dir as data_dir

    event = data_dir() / "events" / "2024-07-12-austin-belousov-call"
    corpus = load_corpus(event)
    clean = cleaning.clean_corpus(corpus)
    cleaning.furniture_table(corpus)
    tokens.sentence_table(clean)
    tokens.token_table(clean)
    tokens.text_stats(clean)
    actors.mention_table(clean)
    actors.count_actors(clean)
    actors.actors_by_outlet(clean)
    actors.label_table(clean)
    actors.naming_table(clean)
    actors.discover_actors(clean)
    quotes.quote_table(clean)
    quotes.voice_table(clean)
    quotes.verb_table(clean)
    scored = sentiment.sentence_sentiment(clean)
    sentiment.article_sentiment(scored)
    sentiment.outlet_sentiment(scored)
    sentiment.sentiment_arc(scored)
    sentiment.sentiment_evidence(clean)
    scores = framing.frame_scores(clean)
    framing.outlet_frame_scores(scores)
    framing.outlet_marker_scores(framing.marker_scores(clean))
    framing.frame_evidence(clean)
    framing.marker_evidence(clean)
    comparison.comparison_tables(clean)
    comparison.distinctive_words(clean)
    comparison.kwic(clean, "Austin")
    comparison.headlines(clean)
    blind.anonymise(clean, seed=1)
    plotting.outlet_colors(clean["outlet"])
    highlight_mod.highlight(clean, layers=list(highlight_mod.LAYERS))
    widgets.explore(corpus)
    scoring.score_articles(clean)
    report.compare_event(event, tmp_path / "out")
    from analysis.ingest import add_articles

    pages = Path(__file__).parent / "fixtures" / "pages"
    add_articles([pages / "ledger-austin-belousov.html"], tmp_path / "new-event")
    assert no_network == []


def test_only_a_url_given_to_ingest_reaches_the_network(no_network, tmp_path):
    from analysis.ingest import IngestError, add_articles, fetch_url

    with pytest.raises(IngestError):
        fetch_url("https://example.invalid/story")
    assert no_network, "the guard saw no attempt: the test would not notice one"
    no_network.clear()
    result = add_articles(["https://example.invalid/story"], tmp_path / "ev", fetch=False)
    assert result["status"].tolist() == ["failed"]
    assert "fetching is off" in result["message"].iloc[0]
    assert no_network == []


# --- YAML and pickle --------------------------------------------------------------------

UNSAFE_YAML = [
    "x: !!python/object/apply:os.system ['echo pwned']\n",
    "x: !!python/object/new:subprocess.Popen [['echo', 'pwned']]\n",
    "x: !!python/name:os.system\n",
    "actors: !!python/object:analysis.actors.Actor {name: X}\n",
]


@pytest.mark.parametrize("text", UNSAFE_YAML)
def test_yaml_tags_that_build_objects_are_refused(tmp_path, text):
    from analysis import actors, framing
    from analysis.yamlio import read_yaml

    path = tmp_path / "list.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"list\.yml"):
        read_yaml(path)
    with pytest.raises(CorpusError, match=r"list\.yml"):
        actors.load_actors(path)
    with pytest.raises(CorpusError, match=r"list\.yml"):
        framing.load_frames(path)
    event = tmp_path / "ev"
    event.mkdir()
    (event / "event.yml").write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"event\.yml"):
        load_corpus(event)
    (event / "event.yml").write_text("title: t\n", encoding="utf-8")
    (event / "a.md").write_text(f"---\noutlet: A\n{text}---\nBody.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"a\.md"):
        load_corpus(event)


def _calls(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            parts = []
            while isinstance(func, ast.Attribute):
                parts.append(func.attr)
                func = func.value
            if isinstance(func, ast.Name):
                parts.append(func.id)
            names.add(".".join(reversed(parts)))
        if isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                names.add(f"import {getattr(node, 'module', None) or alias.name}")
    return names


def test_no_module_loads_pickles_or_unsafe_yaml():
    """Read the kit's source: no pickle/marshal/shelve/dill/joblib imports, no
    ``pd.read_pickle``, no ``yaml.load`` with anything but the kit's safe loader."""
    package = Path(analysis.__file__).parent
    for path in sorted(package.rglob("*.py")):
        calls = _calls(ast.parse(path.read_text(encoding="utf-8")))
        for bad in ("import pickle", "import marshal", "import shelve", "import dill",
                    "import joblib", "import cloudpickle"):
            assert bad not in calls, f"{path.name}: {bad}"
        assert not {c for c in calls if c.endswith(("read_pickle", "unsafe_load", "full_load",
                                                    "yaml.load_all"))}, path.name
        if "yaml.load" in calls:
            assert path.name == "yamlio.py", path.name
    source = (package / "yamlio.py").read_text(encoding="utf-8")
    assert "yaml.load(text, Loader=_Loader)" in source
    from analysis.yamlio import _Loader

    assert issubclass(_Loader, yaml.SafeLoader)


# --- matplotlib mathtext ----------------------------------------------------------------

DOLLARS = ["Money $\\frac{ News", "Cash_$^$ Times", "$5 and $x^{2$ costs"]


def test_dollar_signs_in_names_and_words_are_text_in_charts(tmp_path):
    """ "$...$" in an outlet's name, a headline or a word was parsed as a formula; an
    unparsable one stopped every chart, and the report with it."""
    from analysis import widgets

    event = tmp_path / "ev"
    event.mkdir()
    (event / "event.yml").write_text("title: Dollars\n", encoding="utf-8")
    for i, outlet in enumerate(DOLLARS[:2]):
        (event / f"{i}.md").write_text(_article(
            outlet, f"Price {DOLLARS[2]} rises",
            f"Lloyd Austin said \u201cthe war costs {DOLLARS[2]}\u201d. The Kremlin agreed. "
            f"Belousov warned of escalation in {DOLLARS[i]}."), encoding="utf-8")
    written = report.compare_event(event, tmp_path / "out")
    assert any(p.suffix == ".png" for p in written)
    app = widgets.explore(load_corpus(event))
    for measure in widgets.MEASURES:
        app.measure.value = measure
        svg = bytes(app.chart.value).decode("utf-8")
        ElementTree.fromstring(svg)
