"""Real-browser tests: Debian's Chromium, driven by Playwright, against servers on loopback.

* The Voila workshop app: the page renders with its widgets, the blind round reveals, and
  changing the dashboard's Measure dropdown changes the chart.
* JupyterLab with the walkthrough notebook: running all cells renders the charts.

Screenshots go to ``out/test-artifacts/``. The tests skip, saying why, when Chromium or
Playwright is missing (``.ci/run`` installs Chromium; a user can ``apt-get install chromium``).
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

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


def test_voila_workshop_app(browser, tmp_path):
    port = _free_port()
    # as `make workshop` starts it: the kit's offline template
    args = [str(BIN / "voila"), "notebooks/04-workshop.ipynb", "--no-browser", f"--port={port}",
            "--Voila.ip=127.0.0.1", "--template=outlet-lens"]
    with _server(args, f"http://127.0.0.1:{port}/", tmp_path,
                 env={"JUPYTER_PATH": str(ROOT / "analysis" / "data" / "jupyter")}):
        page = browser.new_page(viewport={"width": 1300, "height": 2200})
        outside = _record_requests(page, port)
        page.goto(f"http://127.0.0.1:{port}/", timeout=120_000)
        page.get_by_text("Reveal the outlets").wait_for(timeout=120_000)
        body = page.inner_text("body")
        # the blind round hides the outlets until revealed; the code cells are not shown
        blind = page.locator(".ol-grid").first.inner_text()
        assert "Shafaq" not in blind and "n-tv" not in blind
        assert "import analysis" not in body
        page.get_by_text("Reveal the outlets").click()
        page.get_by_text("of 2 right").wait_for(timeout=30_000)

        measure = page.locator(".widget-dropdown", has_text="Measure").locator("select")
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
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "voila-workshop.png"), full_page=True)
        page.close()
        assert outside == [], f"the app reached outside the machine: {outside}"


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
