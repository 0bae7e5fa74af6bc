"""Which circle grows fastest: the annual population growth of each circle, province or belt,
observed and planned side by side (:func:`ycsp_panel.analysis.population.group_growth`).

One row per group, ranked by the observed growth from the plan's 2014 baseline to the census
2020 (fastest on top). Observed rates are filled markers, the plan's hollow ones, as in the
time series; each series has its own colour and shape. Follows ``state.compare_by`` (circles
when cities are compared) and ``state.lang``.
"""

from __future__ import annotations

import html

import holoviews as hv
import pandas as pd
import panel as pn

from ycsp_panel.analysis import population as analysis
from ycsp_panel.analysis.population import BASELINE_TO_CENSUS_YEARS
from ycsp_panel.i18n import t
from ycsp_panel.numbers import number
from ycsp_panel.state import SCOPE_TYPES, ExplorerState
from ycsp_panel.views.base import View
from ycsp_panel.views.chart import export_filename, ready_to_save

# column, label key, colour, marker, filled (observed) or hollow (the plan's)
SERIES = (
    ("cagr_2014_census_2020", "growth.series.observed_2014", "#0072B2", "circle", True),
    ("cagr_census_2010_2020", "growth.series.census", "#CC79A7", "diamond", True),
    ("cagr_2014_2020", "growth.series.plan_2014_2020", "#555555", "square", False),
    ("cagr_2020_2030", "growth.series.plan_2020_2030", "#E69F00", "triangle", False),
    ("cagr_needed_2020_2030", "population.growth.needed", "#009E73", "inverted_triangle", False),
)


def grouping(state: ExplorerState) -> str:
    """The groups compared: the state's ``compare_by`` if it is one, else the circles."""
    return state.compare_by if state.compare_by in SCOPE_TYPES else "circle"


def growth_rows(state: ExplorerState) -> pd.DataFrame:
    """The groups' rates, fastest observed on top (the last row is drawn highest)."""
    rows = analysis.group_growth(grouping(state)).iloc[::-1].reset_index(drop=True)
    return rows.assign(y=range(len(rows)), name=rows[f"name_{state.lang}"])


def growth_element(state: ExplorerState) -> hv.Overlay:
    lang, by = state.lang, grouping(state)
    rows = growth_rows(state)
    x = hv.Dimension("rate", label=t("population.growth.axis", lang))
    y = hv.Dimension("y", label=t(f"growth.axis.{by}", lang))
    tooltips = [
        (t("series.hover.name", lang), "@{name}"),
        (t("population.hover.point", lang), "@{series}"),
        (t("population.hover.value", lang), "@{rate_text}"),
    ]
    layers = []
    for column, key, color, marker, filled in SERIES:
        drawn = rows.dropna(subset=[column]).assign(
            rate=lambda frame, c=column: frame[c],
            rate_text=lambda frame, c=column: [
                t("growth.rate", lang).format(rate=number(v, 2, signed=True)) for v in frame[c]
            ],
            series=t(key, lang),
        )
        layers.append(
            hv.Scatter(drawn, x, [y, "name", "series", "rate_text"], label=t(key, lang)).opts(
                color=color,
                marker=marker,
                size=12 if filled else 11,
                fill_alpha=1 if filled else 0,
                line_width=2.5,
                tools=["hover"],
                hover_tooltips=tooltips,
            )
        )
    zero = hv.VLine(0).opts(color="#888888", line_width=1)
    filename = export_filename("growth", state, by)
    return hv.Overlay([*layers, zero]).opts(
        title=t("growth.title", lang).format(groups=t(f"growth.groups.{by}", lang)),
        xlabel=x.label,
        ylabel=y.label,
        fontsize={"title": "10.5pt"},
        yticks=list(zip(rows["y"], rows["name"], strict=True)),
        ylim=(-0.6, len(rows) - 0.4),
        height=150 + 44 * len(rows),
        responsive=True,
        show_grid=True,
        legend_position="bottom",
        legend_cols=2,
        toolbar="right",  # beside the plot: above it, a long title leaves the tools no room
        default_tools=["save", "pan", "wheel_zoom", "reset"],
        hooks=[ready_to_save(filename)],
    )


def growth_notes(state: ExplorerState) -> list[str]:
    """How the rates are counted, and which groups lack a rate and why."""
    lang = state.lang
    rows = analysis.group_growth(grouping(state))
    notes = [t("growth.note.method", lang).format(years=BASELINE_TO_CENSUS_YEARS)]
    missing = rows[rows["cagr_census_2010_2020"].isna()]
    if not missing.empty:
        sep = "、" if lang == "zh" else "; "
        parts = [
            t("growth.note.census_part", lang).format(
                name=row[f"name_{lang}"], n=row["census_2010_n"], m=row["n_members"]
            )
            for _, row in missing.iterrows()
        ]
        notes.append(t("growth.note.no_census_2010", lang).format(groups=sep.join(parts)))
    return notes


class GroupGrowth(View):
    """The growth of each circle, province or belt, observed beside planned."""

    watches = ("lang", "compare_by")

    def element(self) -> hv.Overlay:
        return growth_element(self.state)

    def notes(self) -> list[str]:
        return growth_notes(self.state)

    def _notes_html(self) -> str:
        items = "".join(f"<p>{html.escape(note)}</p>" for note in self.notes())
        return f'<div class="ycsp-growth-notes" style="font-size:13px">{items}</div>'

    def _build(self) -> pn.viewable.Viewable:
        self._plot = pn.pane.HoloViews(
            self.element(), sizing_mode="stretch_width", linked_axes=False
        )
        self._notes = pn.pane.HTML(self._notes_html(), sizing_mode="stretch_width")
        return pn.Column(self._plot, self._notes, sizing_mode="stretch_width")

    def refresh(self, changed: set[str]) -> None:
        self._plot.object = self.element()
        self._notes.object = self._notes_html()
