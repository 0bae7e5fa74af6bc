"""A notebook in a real JupyterLab, offline: opened, run top to bottom, a selector changed (the
map above follows), the map clicked (the city is highlighted), and not one request leaves
127.0.0.1; the stylesheets Panel links after
the first draw come from the Jupyter server (``make test`` installs the ``lab`` extra)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.harness import (
    ARTIFACTS,
    REPO,
    column_by_code,
    free_port,
    record,
    screen_point,
    select_by_option,
    source_data,
    wait_until,
)
from ycsp_panel import data
from ycsp_panel.notebook import LOCAL_DIST

SUZHOU = "320500"
GDP = "Gross domestic product (100 million CNY)"  # the notebook's state is in English

# The notebook shown, its kernel idle; then: every code cell has run.
KERNEL_IDLE_JS = """
() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = w && w.sessionContext && w.sessionContext.session
    && w.sessionContext.session.kernel;
  return !!kernel && kernel.status === 'idle';
}
"""
ALL_RAN_JS = """
() => {
  const w = window.jupyterapp.shell.currentWidget;
  const kernel = w.sessionContext.session.kernel;
  return kernel.status === 'idle' && w.content.widgets.every(
    (cell) => cell.model.type !== 'code' || cell.model.executionCount !== null);
}
"""


def map_widths(page) -> dict[str, float]:
    """The map's outline widths by city (the comparison chart's bars have some too)."""
    columns = source_data(page, ["ycsp_fill", "ycsp_line_width", "code"])
    return dict(zip(columns["code"], columns["ycsp_line_width"], strict=True))


def city_point(page, code: str) -> tuple[float, float]:
    city = data.geometry("city").to_crs("EPSG:3857").set_index("code").loc[code]
    point = city.geometry.representative_point()
    return screen_point(page, "ycsp_fill", point.x, point.y)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab on loopback over a copy of notebooks/, with its own configuration (nothing
    of the user's); yields ``(base_url, token)``."""
    work = tmp_path_factory.mktemp("lab")
    shutil.copytree(REPO / "notebooks", work / "notebooks")
    port, token = free_port(), os.urandom(12).hex()
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(work / "config"),
        "JUPYTER_DATA_DIR": str(work / "data"),  # the lab extensions: in the environment
        "JUPYTER_RUNTIME_DIR": str(work / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(work / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(work / "workspaces"),
        "IPYTHONDIR": str(work / "ipython"),
    }
    command = [
        str(Path(sys.executable).parent / "jupyter"),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: run the cells by command
        f"--ServerApp.root_dir={work / 'notebooks'}",
    ]
    if os.getuid() == 0:
        command.append("--allow-root")
    log = (work / "lab.log").open("w")
    process = subprocess.Popen(command, env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not start; see {log.name}") from None
                time.sleep(0.5)
        yield base, token
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_a_notebook_runs_offline_in_jupyterlab_and_its_selectors_and_map_answer(browser, lab):
    base, token = lab
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    rec = record(page)
    failed = []
    page.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    try:
        page.goto(f"{base}/lab/tree/01_cities_map.ipynb?token={token}")
        page.wait_for_function(KERNEL_IDLE_JS, timeout=120_000)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function(ALL_RAN_JS, timeout=180_000, polling=500)
        before = wait_until(lambda: column_by_code(page, "ycsp_fill"), timeout=60)
        # A selector of the Controls cell: the map above recolours, as on the page.
        select = select_by_option(page, GDP)
        select.scroll_into_view_if_needed()
        select.select_option(label=GDP)
        after = wait_until(lambda: (f := column_by_code(page, "ycsp_fill")) != before and f)
        assert after != before
        # A click on the map highlights the city: its outline thickens.
        page.locator(".bk-Canvas").first.evaluate("(el) => el.scrollIntoView({block: 'center'})")
        page.mouse.click(*city_point(page, SUZHOU))
        wait_until(lambda: map_widths(page)[SUZHOU] == 3)
        page.screenshot(path=ARTIFACTS / "jupyterlab-01.png")
        assert rec.external_requests() == []
        # What Panel sent after the first draw linked its stylesheets from the Jupyter server,
        # and the server had every one.
        assert any(LOCAL_DIST in url for url in rec.requests)
        assert failed == []
        assert rec.console_errors() == []
    finally:
        context.close()
