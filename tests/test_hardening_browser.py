"""A hostile article in a real browser: nothing from it runs or becomes an element.

The article (tests/test_hardening_injection.py's payload: script, an img with onerror, an
svg with onload, an iframe with a javascript: address, a custom element, style) is in the
text, title, outlet name and event of an event folder. Chromium opens the compare report
and a highlighted page as files, and the Voila app serving the blind round, the dashboard
and the highlighted articles; each page must have no element from the article, no
``window.__pwned``, no dialog, and must show the payload as text.

Reuses tests/test_browser.py's server and browser helpers (and skips like it).
"""

from __future__ import annotations

import json

import pytest
from test_browser import BIN, _free_port, _server, browser  # noqa: F401 - fixture
from test_hardening_injection import PAYLOAD, make_event

pytestmark = [pytest.mark.browser,
              pytest.mark.filterwarnings("ignore:.*do not look like English"),
              pytest.mark.filterwarnings("ignore:constrained_layout not applied")]

CHECK = """() => ({
    pwned: window.__pwned ?? null,
    custom: document.querySelectorAll('x-pwned').length,
    badImages: document.querySelectorAll('img[src="x"], img[onerror]').length,
    frames: document.querySelectorAll('iframe').length,
    svgOnload: document.querySelectorAll('svg[onload]').length,
    text: document.body.innerText,
})"""


def assert_clean(page, dialogs: list[str]) -> None:
    found = page.evaluate(CHECK)
    assert found["pwned"] is None, found["pwned"]
    assert (found["custom"], found["badImages"], found["frames"], found["svgOnload"]) == \
        (0, 0, 0, 0), found
    assert dialogs == []
    assert "<x-pwned data-pwned=1>" in found["text"]  # shown as text


@pytest.fixture(scope="module")
def hostile_event(tmp_path_factory):
    return make_event(tmp_path_factory.mktemp("hostile") / "event", PAYLOAD)


def _page(browser, dialogs: list[str]):  # noqa: F811 - the fixture's value
    page = browser.new_page(viewport={"width": 1300, "height": 2000})
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return page


def test_report_and_highlight_files(browser, hostile_event, tmp_path):  # noqa: F811
    from analysis import load_corpus, report
    from analysis.highlight import highlight

    written = report.compare_event(hostile_event, tmp_path / "out")
    page_path = tmp_path / "out" / "highlight.html"
    highlight(load_corpus(hostile_event), layers=["actors", "quotes", "frames", "tone"]).save(
        page_path)
    for path in (written[-1], page_path):
        dialogs: list[str] = []
        page = _page(browser, dialogs)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        assert_clean(page, dialogs)
        page.close()


def test_voila_app_with_a_hostile_article(browser, hostile_event, tmp_path):  # noqa: F811
    cells = [
        "import analysis\nfrom analysis import widgets\n"
        f"corpus = analysis.load_corpus({str(hostile_event)!r})",
        "widgets.guess_the_outlet(corpus, seed=1)",
        "app = widgets.explore(corpus)\napp.layers.value = tuple(widgets.LAYERS)\n"
        "app.search.value = 'said'\napp",
        "from analysis.highlight import highlight\nhighlight(corpus, layers=['actors', 'quotes'])",
    ]
    notebook = {
        "cells": [{"cell_type": "code", "execution_count": None, "id": f"c{i}",
                   "metadata": {}, "outputs": [], "source": src} for i, src in enumerate(cells)],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                    "name": "python3"}},
        "nbformat": 4, "nbformat_minor": 5,
    }
    folder = tmp_path / "nb"
    folder.mkdir()
    (folder / "hostile.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    port = _free_port()
    args = [str(BIN / "voila"), str(folder / "hostile.ipynb"), "--no-browser",
            f"--port={port}", "--Voila.ip=127.0.0.1"]
    with _server(args, f"http://127.0.0.1:{port}/", tmp_path):
        dialogs: list[str] = []
        page = _page(browser, dialogs)
        page.goto(f"http://127.0.0.1:{port}/", timeout=120_000)
        page.get_by_text("Reveal the outlets").wait_for(timeout=120_000)
        page.locator(".ol-grid").nth(2).wait_for(timeout=60_000)  # blind, dashboard, page
        assert_clean(page, dialogs)
        page.get_by_text("Reveal the outlets").click()
        page.get_by_text("of 2 right").wait_for(timeout=30_000)
        measure = page.locator(".widget-dropdown", has_text="Measure").locator("select")
        measure.select_option("Who gets to speak")
        page.wait_for_timeout(2000)
        assert_clean(page, dialogs)
        page.close()


def test_the_check_catches_unescaped_markup(browser, tmp_path):  # noqa: F811
    """The same checks on a page that does paste the article in raw: they fail."""
    raw = tmp_path / "raw.html"
    raw.write_text(f"<!doctype html><body><p>{PAYLOAD}</p></body>", encoding="utf-8")
    dialogs: list[str] = []
    page = _page(browser, dialogs)
    page.goto(raw.as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    with pytest.raises(AssertionError):
        assert_clean(page, dialogs)
    assert page.evaluate("() => window.__pwned") in (1, 2)
    page.close()
