"""Serve the app on a free loopback port and drive it in Debian's headless Chromium.

Nothing here downloads a browser: Playwright's Python package drives the system's ``chromium``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from ycsp_panel.i18n import t

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"

# Flags from FINDINGS.md: without the networking ones Chromium calls out to Google at start.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable() -> str:
    """Debian's Chromium binary, or ``YCSP_CHROMIUM``; a clear error when there is none."""
    candidates = [
        os.environ.get("YCSP_CHROMIUM"),
        "/usr/lib/chromium/chromium",
        shutil.which("chromium"),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise RuntimeError(
        "No Chromium found. `make test` installs Debian's `chromium`; "
        "or set YCSP_CHROMIUM to a Chromium binary."
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served_app(app: Path = REPO / "app.py", timeout: float = 90) -> Iterator[str]:
    """Run ``panel serve`` on a free port; yield the app's URL; stop it afterwards."""
    port = free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log = (ARTIFACTS / f"panel-serve-{port}.log").open("w")
    command = [
        sys.executable,
        "-m",
        "panel",
        "serve",
        str(app),
        "--address",
        "127.0.0.1",
        "--port",
        str(port),
        "--allow-websocket-origin",
        f"127.0.0.1:{port}",
    ]
    process = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/{app.stem}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"panel serve exited with {process.returncode}; see {log.name}")
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"panel serve did not answer within {timeout} s; see {log.name}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@dataclass
class PageRecord:
    """Everything a page asked for and said, for assertions after the fact."""

    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def external_requests(self) -> list[str]:
        """Requests that leave the loopback interface (``data:``/``blob:`` URLs stay local)."""
        external = []
        for url in self.requests:
            parsed = urlparse(url)
            if parsed.scheme in ("data", "blob", "about"):
                continue
            if parsed.hostname not in ("127.0.0.1", "localhost"):
                external.append(url)
        return external

    def console_errors(self) -> list[str]:
        return [text for kind, text in self.console if kind == "error"] + self.page_errors


MAP_CANVAS = ".bk-Canvas"  # Bokeh's canvas view; Playwright's CSS engine pierces shadow DOM.


def open_app(
    browser,
    url: str,
    width: int = 1366,
    height: int = 768,
    ready: str = MAP_CANVAS,
    **context_options,
):
    """A new context and page at ``url``, recorded, once ``ready`` (by default the map's
    canvas) is visible.

    ``context_options`` go to ``browser.new_context`` (permissions, ``is_mobile``, downloads).
    Returns ``(context, page, record)``; the caller closes the context.
    """
    context = browser.new_context(
        viewport={"width": width, "height": height}, accept_downloads=True, **context_options
    )
    page = context.new_page()
    rec = record(page)
    page.goto(url)
    page.wait_for_selector(ready, state="visible", timeout=60_000)
    return context, page, rec


def record(page) -> PageRecord:
    """Attach listeners to a Playwright page; returns the record they fill."""
    rec = PageRecord()
    page.on("request", lambda request: rec.requests.append(request.url))
    page.on("requestfailed", lambda request: rec.failed.append(request.url))
    page.on("console", lambda message: rec.console.append((message.type, message.text)))
    page.on("pageerror", lambda error: rec.page_errors.append(str(error)))
    return rec


# Text of every element matching a selector, looking inside (nested) shadow roots, where
# Bokeh keeps its tooltips' content.
DEEP_TEXT_JS = """
(selector) => {
  const found = [];
  const visit = (root) => {
    root.querySelectorAll(selector).forEach((el) => found.push(el));
    root.querySelectorAll('*').forEach((el) => { if (el.shadowRoot) visit(el.shadowRoot); });
  };
  visit(document);
  const text = (node) => {
    let out = '';
    node.childNodes.forEach((child) => {
      out += child.nodeType === Node.TEXT_NODE ? child.textContent : text(child);
    });
    if (node.shadowRoot) out += text(node.shadowRoot);
    return out;
  };
  return found.map((el) => text(el));
}
"""


def deep_texts(page, selector: str) -> list[str]:
    """Texts of the elements matching ``selector`` anywhere in the page, shadow DOM included."""
    return page.evaluate(DEEP_TEXT_JS, selector)


# The data of the first data source with ``column`` drawn by a figure that is on the page now
# (a redrawn chart leaves its old models in the document, so search the live views).
SOURCE_JS = """
(columns) => {
  const wanted = Array.isArray(columns) ? columns : [columns];
  const seen = new Set();
  let found = null;
  const visit = (v) => {
    if (!v || seen.has(v) || found) return;
    seen.add(v);
    if (v.frame && v.canvas_view && v.el && v.el.isConnected !== false) {
      for (const r of v.model.renderers) {
        const data = r.data_source && r.data_source.data;
        if (!found && data && wanted.every((column) => column in data)) {
          found = {};
          for (const [k, val] of Object.entries(r.data_source.data)) {
            if (k !== 'xs' && k !== 'ys') found[k] = Array.from(val);
          }
        }
      }
    }
    for (const c of (v.child_views || [])) visit(c);
    if (v.views) for (const c of v.views) visit(c);
  };
  for (const v of Object.values(Bokeh.index)) visit(v);
  return found;
}
"""

# Page coordinates of a data point (x, y) on the first Bokeh figure that draws ``column``.
POINT_JS = """
([column, x, y]) => {
  const seen = new Set();
  let found = null;
  const visit = (v) => {
    if (!v || seen.has(v) || found) return;
    seen.add(v);
    if (v.frame && v.canvas_view &&
        [...v.model.renderers].some(r => r.data_source && column in r.data_source.data)) {
      const rect = v.canvas_view.el.getBoundingClientRect();
      found = [rect.left + v.frame.x_scale.compute(x), rect.top + v.frame.y_scale.compute(y)];
    }
    for (const c of (v.child_views || [])) visit(c);
    if (v.views) for (const c of v.views) visit(c);
  };
  for (const v of Object.values(Bokeh.index)) visit(v);
  return found;
}
"""


def source_data(page, column: str | list[str]) -> dict | None:
    """Browser-side columns of the first data source that has ``column`` (or all of a list of
    columns): what the user sees."""
    return page.evaluate(SOURCE_JS, column)


def column_by_code(page, column: str) -> dict:
    """``column`` of the first source that has it and a ``code`` column, by city code."""
    data = source_data(page, [column, "code"])
    return dict(zip(data["code"], data[column], strict=True))


def wait_until(condition, timeout: float = 15, interval: float = 0.05):
    """Poll ``condition()`` until it returns a truthy value; that value, or AssertionError."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = condition()
        except Exception as error:  # the page may be mid-update
            last = error
        if last and not isinstance(last, Exception):
            return last
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s (last: {last!r})")


def screen_point(page, column: str, x: float, y: float) -> tuple[float, float]:
    point = page.evaluate(POINT_JS, [column, x, y])
    assert point, f"no figure draws {column}"
    return point[0], point[1]


def select_by_option(page, option_label: str):
    """The <select> (in any shadow root) that offers an option with this exact label."""
    return page.locator(f'select:has(option:text-is("{option_label}"))').first


def open_section(page, key: str, lang: str) -> None:
    """Click the button of a page section (``page.tab.<key>``) in ``lang``."""
    page.get_by_role("button", name=t(f"page.tab.{key}", lang), exact=True).click()
