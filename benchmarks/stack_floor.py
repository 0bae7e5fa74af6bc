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
"""

from __future__ import annotations

import argparse
import statistics
import time

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
        items={
            "main": pn.Row(
                pn.pane.HoloViews(
                    polygons.opts(tools=["hover", "tap"], responsive=True, height=520)
                ),
                pn.pane.HoloViews(bars.opts(invert_axes=True, responsive=True, height=520)),
            )
        },
    )
    page.server_doc(document)


def explorer_page(document: Document) -> None:
    from ycsp_panel.app import serve_page

    serve_page(document)


PAGES = {"bare": bare_page, "stack": stack_page, "explorer": explorer_page}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()
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
