"""What the required stack alone costs a session: the limit under the explorer's session time.

Builds, in this process, each page's whole Bokeh document for a fresh session (what ``panel
serve`` does for every visitor before it can answer), after one warm-up build each:

* ``bare``: the floor page of ``make bench`` (a select echoed into a pane, one small Bokeh plot);
* ``stack``: the two plots the explorer's first section cannot do without, and nothing else — a
  plain GeoViews map of the 26 city polygons (already in Web Mercator, hover and tap) beside a
  plain HoloViews bar chart of 26 values, in the explorer's own page template;
* ``explorer``: the explorer's page (``ycsp_panel.app.serve_page``).

Run: ``.venv/bin/python -m benchmarks.stack_floor [--reps 7]``. Prints median and min–max in
seconds and each page's ratio to ``bare`` from the same run.

``--served N``: the same three pages served in turn by ``panel serve`` with ``SERVE_OPTS``
(``make serve``'s options; ``benchmarks/stack_app.py`` is the stack page), each opened by
``--reps`` batches of N sessions at once through the browserless harness of ``make bench``:
the p50 and p95 of the time until a session's document is on the client. What the stack
alone reaches there bounds what the explorer can.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import time
from pathlib import Path

import geoviews as gv
import holoviews as hv
import panel as pn
from bokeh.document import Document
from bokeh.models import ColumnDataSource
from bokeh.plotting import figure


def bare_page(document: Document) -> None:
    select = pn.widgets.Select(options=["alpha", "beta", "gamma"], value="alpha")
    echo = pn.pane.Markdown(f"Chosen: **{select.value}**")
    plot = figure(height=240, width=360, toolbar_location=None)
    plot.line("x", "y", source=ColumnDataSource({"x": [0, 1, 2], "y": [3, 1, 4]}))
    pn.Column(select, echo, plot).server_doc(document)


def stack_page(document: Document) -> None:
    from ycsp_panel.app import TEMPLATE
    from ycsp_panel.data import city_values
    from ycsp_panel.views.map import projected
    from ycsp_panel.views.mercator import MercatorPolygons

    cities = projected("city")
    polygons = MercatorPolygons(cities[["geometry", "code", "name_en"]], vdims=["code", "name_en"])
    values = city_values("population", 2020, "target").rename("value").reset_index()
    bars = hv.Bars(values, "entity_id", "value")
    page = pn.Template(
        TEMPLATE,
        location=True,  # the template embeds roots.location, as the explorer's page does
        items={
            "tools": pn.Column(),  # the template's other places, empty
            "sidebar": pn.Column(),
            "main": pn.Row(
                pn.pane.HoloViews(
                    polygons.opts(tools=["hover", "tap"], responsive=True, height=520)
                ),
                pn.pane.HoloViews(bars.opts(invert_axes=True, responsive=True, height=520)),
            ),
        },
    )
    page.server_doc(document)


def explorer_page(document: Document) -> None:
    from ycsp_panel.app import serve_page

    serve_page(document)


PAGES = {"bare": bare_page, "stack": stack_page, "explorer": explorer_page}


def served(n: int, reps: int) -> None:
    """Each page served as ``make serve`` serves the explorer; ``reps`` batches of ``n``."""
    from benchmarks.serve import FLOOR_APP, HARNESS_REPO, Server
    from benchmarks.sessions import Client, register_models

    register_models(explorer=True)
    options = shlex.split(os.environ.get("SERVE_OPTS", ""))
    apps = {
        "bare": FLOOR_APP,
        "stack": HARNESS_REPO / "benchmarks" / "stack_app.py",
        "explorer": HARNESS_REPO / "app.py",
    }
    print(f"{n} sessions at once, {reps} batches each; serve options: {shlex.join(options)}")
    for name, app in apps.items():
        extra = list(options)
        if name != "explorer" and "--setup" in extra:  # the setup warms the explorer only
            at = extra.index("--setup")
            del extra[at : at + 2]
        # Closed sessions are discarded before the next batch.
        extra += ["--unused-session-lifetime", "1000", "--check-unused-sessions", "500"]
        server = Server(app=Path(app), repo=HARNESS_REPO, extra_args=extra, name=f"stack-{name}")
        server.start()
        try:
            with Client(server.ws_url, timeout=max(120.0, 10.0 * n)) as client:
                client.open(2)  # warm-up: every process's first session
                client.close_sessions()
                p50, p95, cpu = [], [], []
                for _ in range(reps):
                    time.sleep(2.5)
                    before = server.cpu_s()
                    results = client.open(n)
                    cpu.append((server.cpu_s() - before) / n)
                    client.close_sessions()
                    ready = sorted(r.ready_s for r in results if r.ok)
                    failed = n - len(ready)
                    if failed:
                        print(f"  {name}: {failed} of {n} failed")
                    if ready:
                        p50.append(statistics.median(ready))
                        p95.append(ready[min(len(ready) - 1, round(0.95 * (len(ready) - 1)))])
        finally:
            server.stop()
        print(
            f"{name:9s} p50 {statistics.median(p50):5.2f} s ({min(p50):.2f}–{max(p50):.2f})"
            f"  p95 {statistics.median(p95):5.2f} s ({min(p95):.2f}–{max(p95):.2f})"
            f"  server CPU a session {statistics.median(cpu):.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--served", type=int, default=0, metavar="N")
    args = parser.parse_args()
    if args.served:
        served(args.served, args.reps)
        return
    gv.extension("bokeh", logo=False)
    pn.extension(design="bootstrap", notifications=False)
    from ycsp_panel.app import warm

    warm()
    times: dict[str, list[float]] = {name: [] for name in PAGES}
    for page in PAGES.values():  # warm-up: first build of each page
        page(Document())
    for _ in range(args.reps):  # interleaved, so that the machine's load hits every page alike
        for name, page in PAGES.items():
            start = time.perf_counter()
            page(Document())
            times[name].append(time.perf_counter() - start)
    floor = statistics.median(times["bare"])
    print(f"session document built in this process, {args.reps} reps each")
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"{name:9s} {median:.3f} s ({min(values):.3f}–{max(values):.3f})"
            f"  {median / floor:5.1f}× bare"
        )


if __name__ == "__main__":
    main()
