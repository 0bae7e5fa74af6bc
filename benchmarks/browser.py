"""Headless Chromium (Debian's, through Playwright): time to interactive and selector → settled.

Signals (documented in BENCHMARKS.md):

* **interactive**: ``performance.now()`` (ms since navigation start) at the first poll (every
  20 ms) where a Bokeh plot view is attached to the page, its canvas has a non-zero size,
  ``has_finished()`` is true (its glyphs are drawn) and one of its renderers draws a data source
  with the app's marker column (``ycsp_fill``, the map's colour column; ``floor_y`` on the floor).
* **settled**: a selector's Bokeh model is changed from the page's JS (the change goes to the
  server over the websocket as any user change); a listener on every ``Bokeh.documents[i]``
  ``on_change`` stamps each change *applied from the server* (``event.sync === false``); the
  change has settled once no such change came for ``quiet_ms``. Time = last server change −
  the input, both from ``performance.now()``. Also the server process must have been idle
  (under 10 % of a core) over that quiet window. Bytes = websocket frames received from the input
  until settled.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

# The same browser, flags and lookup as the browser tests (FINDINGS: the networking flags keep
# Chromium off the internet).
from tests.browser.harness import CHROMIUM_ARGS, chromium_executable  # noqa: E402

INTERACTIVE_JS = """
(column) => {
  if (!window.Bokeh || !Bokeh.index) return false;
  const seen = new Set();
  let ok = false;
  const visit = (v) => {
    if (!v || seen.has(v) || ok) return;
    seen.add(v);
    if (v.frame && v.canvas_view && v.el && v.el.isConnected) {
      const rect = v.canvas_view.el.getBoundingClientRect();
      const finished = typeof v.has_finished !== 'function' || v.has_finished();
      const draws = [...v.model.renderers].some(
        (r) => r.data_source && r.data_source.data && column in r.data_source.data);
      if (rect.width > 0 && rect.height > 0 && finished && draws) ok = true;
    }
    for (const c of (v.child_views || [])) visit(c);
    if (v.views) for (const c of v.views) visit(c);
  };
  for (const v of Object.values(Bokeh.index)) visit(v);
  return ok ? performance.now() : false;
}
"""

# Stamp every change the server applies to any document of the page (idempotent).
LISTEN_JS = """
() => {
  const b = window.__bench = window.__bench || {server: [], docs: new Set()};
  for (const doc of Bokeh.documents) {
    if (b.docs.has(doc)) continue;
    b.docs.add(doc);
    doc.on_change((event) => {
      const events = event.events || [event];
      if (events.some((e) => e.sync === false)) b.server.push(performance.now());
    }, true);
  }
  return b.docs.size;
}
"""

STATE_JS = """
(since) => {
  const changes = window.__bench.server.filter((t) => t > since);
  return {now: performance.now(), count: changes.length,
          last: changes.length ? Math.max(...changes) : null};
}
"""

# Find a widget's model in the page's documents and change it; returns the input's timestamp.
# spec.kind: "select" (options include labels[0] and labels[1]; switch to the other one),
# "multi" (options include one containing spec.contains; toggle [] <-> [that option]),
# "buttons" (labels include both; switch active), "section" (css class; active = spec.index).
CHANGE_JS = """
(spec) => {
  const models = [];
  for (const doc of Bokeh.documents) for (const m of doc.all_models) models.push(m);
  const has = (m, name) => m.properties != null && m.properties[name] != null;
  const entries = (options) => {
    const out = [];
    const add = (o) => {
      if (Array.isArray(o)) out.push({value: o[0], label: String(o[1])});
      else out.push({value: o, label: String(o)});
    };
    if (Array.isArray(options)) options.forEach(add);
    else if (options && typeof options === 'object')
      for (const group of Object.values(options)) (group || []).forEach(add);
    return out;
  };
  // Views of a model that are on the page and visible, to prefer the widget the user sees.
  const shown = new Set();
  const seen = new Set();
  const visit = (v) => {
    if (!v || seen.has(v)) return;
    seen.add(v);
    if (v.el && v.el.isConnected) {
      const r = v.el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) shown.add(v.model);
    }
    for (const c of (v.child_views || [])) visit(c);
    if (v.views) for (const c of v.views) visit(c);
  };
  for (const v of Object.values(Bokeh.index)) visit(v);
  const pick = (candidates) => candidates.find((m) => shown.has(m)) || candidates[0];
  let target = null, apply = null, label = null;
  if (spec.kind === 'select') {
    const cands = models.filter((m) => has(m, 'options') && has(m, 'value') &&
      typeof m.value === 'string' && spec.labels.every(
        (l) => entries(m.options).some((e) => e.label === l)));
    target = pick(cands);
    if (target) {
      const opts = entries(target.options);
      const current = opts.find((e) => e.value === target.value);
      label = current && current.label === spec.labels[0] ? spec.labels[1] : spec.labels[0];
      const next = opts.find((e) => e.label === label).value;
      apply = () => { target.value = next; };
    }
  } else if (spec.kind === 'multi') {
    const cands = models.filter((m) => has(m, 'options') && has(m, 'value') &&
      Array.isArray(m.value) && entries(m.options).some((e) => e.label.includes(spec.contains)));
    target = pick(cands);
    if (target) {
      const option = entries(target.options).find((e) => e.label.includes(spec.contains));
      const next = target.value.length ? [] : [option.value];
      label = next.length ? option.label : '(none)';
      apply = () => { target.value = next; };
    }
  } else if (spec.kind === 'buttons') {
    const cands = models.filter((m) => has(m, 'labels') && has(m, 'active') &&
      spec.labels.every((l) => m.labels.includes(l)));
    target = pick(cands);
    if (target) {
      const a = target.labels.indexOf(spec.labels[0]), b = target.labels.indexOf(spec.labels[1]);
      const next = target.active === a ? b : a;
      label = target.labels[next];
      apply = () => { target.active = next; };
    }
  } else if (spec.kind === 'section') {
    const cands = models.filter((m) => has(m, 'labels') && has(m, 'active') &&
      (m.css_classes || []).includes(spec.css_class));
    target = pick(cands);
    if (target) {
      if (spec.index == null) return {count: target.labels.length, active: target.active};
      label = target.labels[spec.index];
      apply = () => { target.active = spec.index; };
    }
  }
  if (!target) return {error: 'no model for ' + JSON.stringify(spec)};
  const t0 = performance.now();
  apply();
  return {t0, label};
}
"""

# Marker column of a data source drawn once the page is interactive, per app.
MARKER_COLUMN = {"app": "ycsp_fill", "floor_app": "floor_y"}
SECTIONS_CSS = "ycsp-sections"


@dataclass
class Change:
    """One selector and how to find it (see CHANGE_JS)."""

    name: str
    spec: dict


EXPLORER_CHANGES = [
    Change("scope", {"kind": "select", "labels": ["都市圈 · 合肥都市圈", "全部26个城市"]}),
    Change("cities", {"kind": "multi", "contains": "Hefei"}),
    Change("indicator", {"kind": "select", "labels": ["地区生产总值 (亿元)", "常住人口 (万人)"]}),
    Change("year", {"kind": "select", "labels": ["2014", "2020"]}),
    Change("language", {"kind": "buttons", "labels": ["中文", "English"]}),
]
FLOOR_CHANGES = [Change("select", {"kind": "select", "labels": ["beta", "alpha"]})]


@dataclass
class Browser:
    """One Chromium for the run; a new context (empty cache) for every page."""

    width: int = 1366
    height: int = 768
    quiet_ms: float = 500
    change_timeout_s: float = 60
    idle_cpu: float = 0.1  # share of one core under which the server counts as idle
    server_cpu: Callable[[], float] | None = None  # CPU seconds used so far by the server
    _playwright: object = None
    _browser: object = None
    frames: list = field(default_factory=list)

    def __enter__(self) -> Browser:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=chromium_executable(), args=CHROMIUM_ARGS
        )
        return self

    def __exit__(self, *exc) -> None:
        self._browser.close()
        self._playwright.stop()

    def version(self) -> str:
        return self._browser.version

    def open(self, url: str, column: str, timeout_s: float = 120):
        """A new context and page at ``url``; returns ``(context, page, interactive_ms,
        wall_s)``: the in-page time of the interactive signal and the wall time from the
        navigation call to it."""
        context = self._browser.new_context(viewport={"width": self.width, "height": self.height})
        page = context.new_page()
        self.frames = []

        def on_ws(ws) -> None:
            def received(payload) -> None:
                size = len(payload.encode()) if isinstance(payload, str) else len(payload)
                self.frames.append((time.monotonic(), size))

            ws.on("framereceived", received)

        page.on("websocket", on_ws)
        started = time.monotonic()
        page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        handle = page.wait_for_function(
            INTERACTIVE_JS, arg=column, polling=20, timeout=timeout_s * 1000
        )
        interactive_ms = handle.json_value()
        wall = time.monotonic() - started
        page.evaluate(LISTEN_JS)
        return context, page, interactive_ms, wall

    def settle(self, page, t0: float, no_change_s: float = 20) -> dict:
        """Wait until no server change came for ``quiet_ms`` after the input at ``t0`` and,
        when ``server_cpu`` is given, the server used under ``idle_cpu`` of a core over that
        same window (a server still computing sends nothing, so silence alone is not enough:
        the explorer answers a change with a small patch at once and the big one later)."""
        deadline = time.monotonic() + self.change_timeout_s
        first_deadline = time.monotonic() + no_change_s
        quiet_s = self.quiet_ms / 1000
        cpu: list[tuple[float, float]] = []
        while True:
            state = page.evaluate(STATE_JS, t0)
            now = time.monotonic()
            if self.server_cpu is not None:
                cpu.append((now, self.server_cpu()))
            if state["count"] and state["now"] - state["last"] >= self.quiet_ms:
                idle = True
                if self.server_cpu is not None:
                    old = [c for c in cpu if now - c[0] >= quiet_s]
                    if not old:
                        idle = False
                    else:
                        then, used = old[-1]
                        idle = (cpu[-1][1] - used) <= self.idle_cpu * (now - then)
                if idle:
                    return {"settled_ms": state["last"] - t0, "changes": state["count"]}
            if not state["count"] and now > first_deadline:
                return {"error": f"no change from the server within {no_change_s} s"}
            if now > deadline:
                return {"error": f"not settled within {self.change_timeout_s} s"}
            time.sleep(0.05)

    def change(self, page, spec: dict) -> dict:
        """Apply one change and wait for it to settle: ms, label, and ``mark`` (monotonic time
        just before the input, to count the bytes received from then on); or ``error``."""
        mark = time.monotonic()
        done = page.evaluate(CHANGE_JS, spec)
        if "error" in done:
            return done
        result = self.settle(page, done["t0"])
        result["label"] = done["label"]
        result["mark"] = mark
        return result

    def bytes_between(self, start: float, end: float) -> int:
        return sum(size for when, size in self.frames if start <= when < end)

    def open_every_section(self, page) -> dict:
        """Open each section once (waiting for it to settle), then come back to the first."""
        info = page.evaluate(CHANGE_JS, {"kind": "section", "css_class": SECTIONS_CSS})
        if "error" in info:
            return {"error": info["error"]}
        opened = {}
        for index in [*range(1, info["count"]), 0]:
            result = self.change(
                page, {"kind": "section", "css_class": SECTIONS_CSS, "index": index}
            )
            opened[result.get("label", str(index))] = result
            if "error" in result:
                return {"error": f"section {index}: {result['error']}", "opened": opened}
        return {"opened": opened}


def interactive(browser: Browser, url: str, column: str, reps: int) -> dict:
    samples, walls, errors = [], [], []
    for _ in range(reps):
        try:
            context, _page, ms, wall = browser.open(url, column)
            samples.append(ms / 1000)
            walls.append(wall)
            context.close()
        except Exception as error:  # noqa: BLE001 - reported, not hidden
            errors.append(f"{type(error).__name__}: {error}"[:300])
    return {"samples": samples, "wall_samples": walls, "errors": errors}


def selector_changes(
    browser: Browser, url: str, column: str, changes: list[Change], reps: int, sections: bool
) -> dict:
    """On a fresh page (after opening every section once when ``sections``), each selector
    changed ``reps`` times (alternating between two values), each change left to settle; the
    selector is put back to its first value afterwards (not measured)."""
    out: dict = {"selectors": {}, "errors": []}
    context, page, _ms, _wall = browser.open(url, column)
    try:
        if sections:
            opened = browser.open_every_section(page)
            out["sections"] = {
                label: r.get("settled_ms") for label, r in opened.get("opened", {}).items()
            }
            if "error" in opened:
                out["errors"].append(opened["error"])
                return out
        for change in changes:
            page.wait_for_timeout(300)
            results = [browser.change(page, change.spec) for _ in range(reps)]
            # A change's bytes: everything received from its input until the next input (the
            # page's own acknowledgements come after the last server change).
            page.wait_for_timeout(300)
            marked = [r for r in results if "mark" in r]
            ends = [r["mark"] for r in marked[1:]] + [time.monotonic()]
            for r, end in zip(marked, ends, strict=True):
                r["bytes"] = browser.bytes_between(r["mark"], end)
            if reps % 2:
                browser.change(page, change.spec)  # back to where it started (not measured)
            ok = [r for r in results if "error" not in r]
            out["selectors"][change.name] = {
                "samples": [r["settled_ms"] / 1000 for r in ok],
                "bytes": [r["bytes"] for r in ok],
                "labels": [r["label"] for r in ok],
                "errors": [r["error"] for r in results if "error" in r],
            }
    finally:
        context.close()
    return out


def median(values):
    return statistics.median(values) if values else None
