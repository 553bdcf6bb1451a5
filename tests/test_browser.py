"""Real-browser tests: Debian's Chromium, driven by Playwright, against servers on loopback.

* The Voila blind round (its own page): nothing in the document names an outlet before the
  reveal; the reveal marks a typed guess.
* The Voila workshop app: the page renders with its widgets and hints, changing the
  dashboard's Measure dropdown changes the chart, and an exercise works from its text box.
* report.html at 1280 px: no sideways scrolling, a third of its old height at most, and no
  table cut without saying where the rest is.
* The printed blind round (page.pdf): a page per article, no outlet named before the answer
  sheet.
* JupyterLab with the walkthrough notebook: running all cells renders the charts.

Screenshots go to ``out/test-artifacts/``. The tests skip, saying why, when Chromium or
Playwright is missing (``.ci/run`` installs Chromium; a user can ``apt-get install chromium``).
"""

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, SEED_EVENT

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "out" / "test-artifacts"
BIN = Path(sys.executable).parent
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage"]

if CHROMIUM is None:
    pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _server(args: list[str], url: str, tmp_path: Path, timeout: float = 120,
            env: dict[str, str] | None = None):
    extra = env or {}
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # inline charts
    env |= extra
    env |= {"OUTLET_LENS_OUT": str(tmp_path / "out"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "jupyter-runtime")}
    log = open(tmp_path / "server.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail(f"server did not start: {(tmp_path / 'server.log').read_text()}")
                time.sleep(0.5)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _record_requests(page, port: int) -> list[str]:
    """Every URL the page asks for that is not on the local server (nor data:/blob:)."""
    outside: list[str] = []
    local = (f"http://127.0.0.1:{port}/", f"ws://127.0.0.1:{port}/", "data:", "blob:",
             "about:")

    def seen(request) -> None:
        if not request.url.startswith(local):
            outside.append(request.url)

    page.on("request", seen)
    page.on("websocket", lambda ws: None if ws.url.startswith(local) else outside.append(ws.url))
    return outside


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


def _voila(notebook: str, port: int) -> list[str]:
    # as `make workshop` / `make workshop-blind` start it: the kit's offline template
    return [str(BIN / "voila"), f"notebooks/{notebook}", "--no-browser", f"--port={port}",
            "--Voila.ip=127.0.0.1", "--template=outlet-lens"]


VOILA_ENV = {"JUPYTER_PATH": str(ROOT / "analysis" / "data" / "jupyter")}
OUTLET_NAMES = ("Shafaq", "n-tv", "ntv", "shafaq.com", "n-tv.de")


def test_voila_blind_round_names_no_outlet_before_the_reveal(browser, tmp_path):
    port = _free_port()
    with _server(_voila("04-workshop-blind.ipynb", port), f"http://127.0.0.1:{port}/",
                 tmp_path, env=VOILA_ENV):
        page = browser.new_page(viewport={"width": 1300, "height": 1600})
        outside = _record_requests(page, port)
        page.goto(f"http://127.0.0.1:{port}/", timeout=120_000)
        page.get_by_role("button", name="Reveal the outlets").wait_for(timeout=120_000)
        page.locator(".ol-grid").first.wait_for(timeout=60_000)
        # the whole document, hidden parts and form options included, not only what shows
        document = page.content()
        for name in OUTLET_NAMES:
            assert name.lower() not in document.lower(), f"{name} is on the blind page"
        assert "import analysis" not in page.inner_text("body")
        assert "Teacher note" not in document
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "voila-blind-round.png"), full_page=True)
        page.locator("input[placeholder='which outlet?']").first.fill("shafaq")
        page.get_by_role("button", name="Reveal the outlets").click()
        page.get_by_text("of 2 right").wait_for(timeout=30_000)
        answer = page.locator("table", has_text="your guess")
        assert answer.locator("th").count() == answer.locator("tr").nth(1).locator("td").count()
        assert "Shafaq News" in answer.inner_text()
        page.screenshot(path=str(ARTIFACTS / "voila-blind-reveal.png"), full_page=True)
        page.close()
        assert outside == [], f"the app reached outside the machine: {outside}"


def test_voila_workshop_app(browser, tmp_path):
    port = _free_port()
    with _server(_voila("04-workshop.ipynb", port), f"http://127.0.0.1:{port}/", tmp_path,
                 env=VOILA_ENV):
        page = browser.new_page(viewport={"width": 1300, "height": 2200})
        outside = _record_requests(page, port)
        page.goto(f"http://127.0.0.1:{port}/", timeout=120_000)
        measure = page.locator(".widget-dropdown", has_text="Measure").locator("select")
        measure.wait_for(timeout=120_000)
        body = page.inner_text("body")
        assert "import analysis" not in body and "Teacher note" not in page.content()
        assert "Reveal the outlets" not in body  # the blind round has a page of its own
        assert "Ctrl-click" in body and "⌘-click" in body
        event = page.locator(".widget-dropdown", has_text="Event").locator("select").first
        assert "(sample)" in event.input_value() or event.locator("option").count() >= 1
        frame = page.get_by_label("Frame", exact=True)
        assert frame.input_value() != ""
        page.get_by_text("Searched for missile / missiles").wait_for(timeout=30_000)

        assert measure.input_value() == "Who is mentioned"
        chart = page.locator(".widget-image").first
        before = chart.get_attribute("src")
        measure.select_option("Who gets to speak")
        page.wait_for_function(
            "([el, old]) => el.getAttribute('src') !== old",
            arg=[chart.element_handle(), before], timeout=30_000,
        )
        width = chart.evaluate("img => img.naturalWidth")
        assert width > 300  # a real image arrived
        # an exercise done with a text box, as in Voila: no code to edit
        word = page.get_by_role("textbox", name="Word", exact=True)
        word.fill("escalat*")
        word.press("Enter")
        page.get_by_text("Searched for escalat*").wait_for(timeout=30_000)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "voila-workshop.png"), full_page=True)
        page.close()
        assert outside == [], f"the app reached outside the machine: {outside}"


#: document.scrollHeight of the sample's report.html at 1280 px before issue 17 (measured
#: 2026-11-30 with Chromium: 33,833 px, about 37 screens, scrolling sideways to 1,534 px).
REPORT_HEIGHT_BEFORE = 33_833


def test_report_fits_the_screen_and_says_where_tables_continue(browser, tmp_path):
    import pandas as pd

    from analysis.report import compare_event

    out = tmp_path / "report"
    compare_event(SEED_EVENT, out)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((out / "report.html").as_uri())
    size = page.evaluate("({h: document.documentElement.scrollHeight,"
                         " w: document.documentElement.scrollWidth,"
                         " cw: document.documentElement.clientWidth})")
    assert size["w"] <= size["cw"], f"the report scrolls sideways: {size}"
    assert size["h"] < REPORT_HEIGHT_BEFORE / 3, f"the report is {size['h']} px tall"
    assert page.locator("nav.toc a").count() == page.locator("h2").count()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-top.png"))
    # every table opened: still no sideways scrolling, and no table cut without saying so
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    size = page.evaluate("({w: document.documentElement.scrollWidth,"
                         " cw: document.documentElement.clientWidth})")
    assert size["w"] <= size["cw"], f"an open table scrolls the page sideways: {size}"
    folds = page.locator("details")
    assert folds.count() >= 15  # one per CSV
    for i in range(folds.count()):
        fold = folds.nth(i)
        name = re.search(r"(\w+)\.csv", fold.locator("summary").inner_text()).group(1)
        rows = len(pd.read_csv(out / f"{name}.csv"))
        shown = fold.locator("tbody tr").count()
        text = fold.inner_text()
        if shown < rows:
            assert f"of {rows} rows" in text and f"{name}.csv" in text, name
        else:
            assert shown == rows, name
    page.close()


def test_printables_print_without_naming_outlets_before_the_answers(browser, tmp_path):
    from analysis import load_corpus
    from analysis.blind import printables

    corpus = load_corpus(SEED_EVENT)
    student, teacher = printables(corpus, tmp_path, seed=2024)
    page = browser.new_page()
    page.goto(student.as_uri())
    pdf = page.pdf(format="A4")
    (tmp_path / "blind-round.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    # a page or more per article (cover with the first), and the page to compare
    assert pages >= len(corpus) + 1
    printed = page.inner_text("body").lower()
    for name in OUTLET_NAMES:
        assert name.lower() not in printed
    assert printed.count("which outlet do you think wrote this") == len(corpus)
    page.goto(teacher.as_uri())
    answers = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", answers)) >= 1
    assert "Shafaq News" in page.inner_text("body") and "n-tv" in page.inner_text("body")
    page.emulate_media(media="print")
    page.goto(student.as_uri())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "printables.png"))
    page.close()


def test_jupyterlab_runs_the_walkthrough(browser, tmp_path):
    # Serve a copy: JupyterLab autosaves, and a test must never edit the project's notebooks.
    root = tmp_path / "lab"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy(ROOT / "notebooks" / "01-walkthrough.ipynb", root / "notebooks")
    port = _free_port()
    args = [str(BIN / "jupyter"), "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
            "--IdentityProvider.token=", "--ServerApp.password=",
            "--ServerApp.disable_check_xsrf=True", f"--ServerApp.root_dir={root}",
            "--LabApp.news_url=None", "--LabApp.extension_manager=readonly",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--expose-app-in-browser"]
    if os.geteuid() == 0:  # CI runs as root
        args.append("--allow-root")
    with _server(args, f"http://127.0.0.1:{port}/api", tmp_path):
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        outside = _record_requests(page, port)
        page.goto(f"http://127.0.0.1:{port}/lab/tree/notebooks/01-walkthrough.ipynb",
                  timeout=120_000)
        page.locator(".jp-Notebook").wait_for(timeout=120_000)
        page.wait_for_function(
            "window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status"
            " === 'idle'", timeout=120_000)
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        code_cells = ("window.jupyterapp.shell.currentWidget.content.widgets"
                      ".filter(c => c.model.type === 'code')")
        page.wait_for_function(f"{code_cells}.every(c => c.model.executionCount !== null)",
                               timeout=180_000)
        outputs = page.evaluate(f"""() => {{
            let images = 0, errors = [];
            for (const cell of {code_cells}) {{
                for (let i = 0; i < cell.model.outputs.length; i++) {{
                    const out = cell.model.outputs.get(i).toJSON();
                    if (out.output_type === 'error') errors.push(out.ename);
                    if (out.data && out.data['image/png']) images++;
                }}
            }}
            return {{images, errors}};
        }}""")
        assert outputs["errors"] == []
        assert outputs["images"] == 7  # the walkthrough draws seven figures
        # the first chart is on screen as a real image
        page.locator(".jp-RenderedImage img").first.scroll_into_view_if_needed()
        assert page.locator(".jp-RenderedImage img").first.evaluate("i => i.naturalWidth") > 300
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "jupyterlab-walkthrough.png"))
        page.close()
        assert outside == [], f"JupyterLab reached outside the machine: {outside}"
