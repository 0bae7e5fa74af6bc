"""Population: the plan's 2014 → 2020 → 2030 path of each city beside the census 2020 count.

Draws what :mod:`ycsp_panel.analysis.population` computes: a dumbbell chart (census marker
shaped and coloured by status), the growth needed to reach the 2030 forecast (ranked), the
status table, the aggregates with their coverage and the national share against the plan's
goal, and how status is judged. Follows ``state.scope`` (the cities shown), ``state.cities``
(highlighted, ★) and ``state.lang``.
"""

from __future__ import annotations

import html
from functools import cache

import holoviews as hv
import pandas as pd
import panel as pn
import param

from ycsp_panel import data
from ycsp_panel.analysis import population as analysis
from ycsp_panel.analysis.population import Status
from ycsp_panel.i18n import LANGUAGES, Lang, t
from ycsp_panel.numbers import percent, quantity
from ycsp_panel.state import ExplorerState
from ycsp_panel.views import palette
from ycsp_panel.views.aria import NARROW_TABLE_CSS, AriaMend
from ycsp_panel.views.base import View
from ycsp_panel.views.chart import (
    HIGHLIGHT_MARK,
    export_filename,
    format_number,
    quality_label,
    ready_to_save,
)

# A marker shape per status beside its colour (palette.STATUS): colour is never the only cue.
STATUS_COLORS = palette.STATUS
STATUS_MARKERS = {
    Status.ABOVE.value: "triangle",
    Status.NEAR.value: "circle",
    Status.BELOW.value: "inverted_triangle",
    Status.WITHIN.value: "square",
    Status.BREACHED.value: "diamond",
    Status.NOT_COMPARABLE.value: "star",
    Status.NO_DATA.value: "circle_x",
}
PLAN_COLOR = "#555555"
WATCHED = ("lang", "scope", "cities")
GROUPINGS = ("circle", "province", "belt", "cluster")
HOVER = ["name", "point", "value_text", "status_text", "gap_text", "source", "quality"]


def _sep(lang: Lang) -> str:
    return "、" if lang == "zh" else ", "


def _paren(text: str, lang: Lang) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def _names(status: pd.DataFrame, state: ExplorerState) -> list[str]:
    lang = state.lang
    return [
        f"{HIGHLIGHT_MARK} {row[f'name_{lang}']}"
        if row["code"] in state.cities
        else row[f"name_{lang}"]
        for _, row in status.iterrows()
    ]


def dumbbell_points(state: ExplorerState) -> pd.DataFrame:
    """The points of the dumbbell chart for the scope's cities (ordered by census 2020,
    largest on top): one row per city and figure, with position, hover text and style."""
    lang = state.lang
    status = analysis.population_status(lang)
    status = status[status["code"].isin(state.scope_cities)]
    status = status.sort_values(["census_2020", "code"], ascending=[True, True])
    status = status.assign(label=_names(status, state), y=range(len(status)))
    titles = data.sources().set_index("id")[f"title_{lang}"]
    unit = t("population.unit", lang)
    records = []
    for _, row in status.iterrows():
        for point in ("plan_2014", "expected_2020", "forecast_2030", "census_2020"):
            value = row[point]
            if pd.isna(value):
                continue
            census = point == "census_2020"
            value_text = f"{format_number(value)} {unit}"
            if census:
                count = t("profile.persons", lang).format(
                    n=format_number(row["census_2020_persons"])
                )
                value_text += _paren(count, lang)
            elif point == "expected_2020":
                value_text += _paren(t(f"direction.{row['direction']}", lang), lang)
            source_id = row["census_2020_source"] if census else row["expected_2020_source"]
            quality = row["census_2020_quality"] if census else row["expected_2020_quality"]
            gap = ""
            if census and not pd.isna(row["gap"]):
                share = percent(row["gap_pct"], lang, signed=True)
                difference = quantity(row["gap"], "10k persons", signed=True, fixed=True)
                gap = f"{difference} {unit}{_paren(share, lang)}"
            records.append(
                {
                    "code": row["code"],
                    "y": row["y"],
                    "label": row["label"],
                    "value": float(value),
                    "point": point,
                    "name": row["name"],
                    "point_text": t(f"population.point.{point}", lang),
                    "value_text": value_text,
                    "status": row["status"] if census else "",
                    "status_text": row["status_label"] if census else "",
                    "gap_text": gap or (row["reason"] if census else ""),
                    "source": titles.get(source_id, source_id),
                    "quality": quality_label(quality, lang),
                    "highlighted": row["code"] in state.cities,
                    "outline": 2.5 if row["code"] in state.cities else 0.5,
                }
            )
    return pd.DataFrame.from_records(records)


def dumbbell_element(state: ExplorerState) -> hv.Overlay:
    """Per city a grey plan path 2014 → 2020 → 2030 (hollow markers) and the census 2020
    marker in its status' colour and shape; legend, title, units in the canvas."""
    lang = state.lang
    points = dumbbell_points(state)
    spec = data.indicators().set_index("id").loc["population"]
    title = t("population.dumbbell.title", lang).format(
        indicator=spec[f"name_{lang}"], unit=spec[f"unit_{lang}"]
    )
    x = hv.Dimension(
        "value",
        label=t("population.axis.value", lang).format(
            indicator=spec[f"name_{lang}"], unit=spec[f"unit_{lang}"]
        ),
    )
    y = hv.Dimension("y", label=t("population.axis.city", lang))
    tooltips = [
        (t("population.hover.city", lang), "@{name}"),
        (t("population.hover.point", lang), "@{point_text}"),
        (t("population.hover.value", lang), "@{value_text}"),
        (t("population.hover.status", lang), "@{status_text}"),
        (t("population.hover.gap", lang), "@{gap_text}"),
        (t("population.hover.source", lang), "@{source}"),
        (t("population.hover.quality", lang), "@{quality}"),
    ]
    vdims = [
        y,
        "outline",
        "name",
        "point_text",
        "value_text",
        "status_text",
        "gap_text",
        "source",
        "quality",
    ]
    plan = points[points["point"] != "census_2020"]
    path = plan.pivot(index="y", columns="point", values="value").reset_index()
    layers = [
        hv.Segments(
            path.assign(y1=path["y"]),
            [x.clone("plan_2014", label=x.label), y, "forecast_2030", "y1"],
        ).opts(color=PLAN_COLOR, line_width=2, alpha=0.6)
    ]
    for point, marker in (
        ("plan_2014", "circle"),
        ("expected_2020", "square"),
        ("forecast_2030", "triangle"),
    ):
        own = plan[plan["point"] == point]
        layers.append(
            hv.Scatter(own, x, vdims, label=t(f"population.point.{point}", lang)).opts(
                color=PLAN_COLOR,
                fill_alpha=0 if point != "plan_2014" else 1,
                marker=marker,
                size=8,
                line_width=1.5,
                tools=["hover"],
                hover_tooltips=tooltips,
            )
        )
    census = points[points["point"] == "census_2020"]
    for status in Status:
        own = census[census["status"] == status.value]
        if own.empty:
            continue
        label = t("population.legend.census", lang).format(status=status.label(lang))
        layers.append(
            hv.Scatter(own, x, vdims, label=label).opts(
                color=STATUS_COLORS[status.value],
                marker=STATUS_MARKERS[status.value],
                size=12,
                line_color="black",
                line_width="outline",
                tools=["hover"],
                hover_tooltips=tooltips,
            )
        )
    ticks = points.drop_duplicates("y")[["y", "label"]].itertuples(index=False, name=None)
    filename = export_filename("population", state, "status", "2020")
    return hv.Overlay(layers).opts(
        title=title,
        xlabel=x.label,
        fontsize={"title": "10.5pt"},
        yticks=list(ticks),
        height=max(320, 90 + 22 * points["y"].nunique()),
        responsive=True,
        show_grid=True,
        legend_position="bottom",
        toolbar="right",  # beside the plot: above it, a long title leaves the tools no room
        default_tools=["save", "pan", "wheel_zoom", "reset"],
        hooks=[ready_to_save(filename)],
    )


def growth_points(state: ExplorerState) -> pd.DataFrame:
    """The growth rates of the scope's cities, ranked by the growth needed (largest on top)."""
    lang = state.lang
    growth = analysis.population_growth()
    growth = growth[growth["code"].isin(state.scope_cities)]
    growth = growth[growth["comparable"]].iloc[::-1].reset_index(drop=True)
    labels = [
        f"{HIGHLIGHT_MARK} {name}" if code in state.cities else name
        for code, name in zip(growth["code"], growth[f"name_{lang}"], strict=True)
    ]
    return growth.assign(y=range(len(growth)), label=labels, name=growth[f"name_{lang}"])


GROWTH_SERIES = (
    ("cagr_needed_2020_2030", "population.growth.needed", "#0072B2", "circle", 11),
    ("cagr_2014_2020", "population.growth.plan_2014_2020", "#555555", "square", 7),
    ("cagr_2020_2030", "population.growth.plan_2020_2030", "#E69F00", "triangle", 7),
    ("cagr_census_2010_2020", "population.growth.census", "#CC79A7", "diamond", 8),
)


def growth_element(state: ExplorerState) -> hv.Overlay:
    """A lollipop of the needed growth per city (ranked) with the plan's implied and the
    censuses' growth as markers beside it."""
    lang = state.lang
    growth = growth_points(state)
    x = hv.Dimension("rate", label=t("population.growth.axis", lang))
    y = hv.Dimension("y", label=t("population.axis.city", lang))
    stems = hv.Segments(
        growth.assign(zero=0.0, y1=growth["y"]),
        [hv.Dimension("zero", label=x.label), y, "cagr_needed_2020_2030", "y1"],
    ).opts(color="#0072B2", line_width=2)
    layers = [stems]
    for column, key, color, marker, size in GROWTH_SERIES:
        rows = growth.dropna(subset=[column]).assign(
            rate=lambda frame, c=column: frame[c],
            rate_text=lambda frame, c=column: [percent(v, lang, 2, signed=True) for v in frame[c]],
            series=t(key, lang),
        )
        layers.append(
            hv.Scatter(rows, x, [y, "name", "series", "rate_text"], label=t(key, lang)).opts(
                color=color,
                marker=marker,
                size=size,
                tools=["hover"],
                hover_tooltips=[
                    (t("population.hover.city", lang), "@{name}"),
                    (t("population.hover.point", lang), "@{series}"),
                    (t("population.hover.value", lang), "@{rate_text}"),
                ],
            )
        )
    filename = export_filename("population", state, "growth")
    return hv.Overlay(layers).opts(
        title=t("population.growth.title", lang),
        fontsize={"title": "10.5pt"},
        yticks=list(zip(growth["y"], growth["label"], strict=True)),
        height=max(320, 90 + 22 * len(growth)),
        responsive=True,
        show_grid=True,
        legend_position="bottom",
        toolbar="right",  # beside the plot: above it, a long title leaves the tools no room
        default_tools=["save", "pan", "wheel_zoom", "reset"],
        hooks=[ready_to_save(filename)],
    )


def growth_notes(state: ExplorerState) -> list[str]:
    growth = analysis.population_growth()
    skipped = growth[~growth["comparable"] & growth["code"].isin(state.scope_cities)]
    if skipped.empty:
        return []
    names = _sep(state.lang).join(skipped[f"name_{state.lang}"])
    return [t("population.growth.not_comparable", state.lang).format(names=names)]


# The answer first: the city, its status, the plan's figure, the census and the gap, visible
# without scrolling sideways (the city column stays in view when the rest scrolls); then what
# qualifies it.
TABLE_COLUMNS = (
    "city",
    "status",
    "expected_2020",
    "census_2020",
    "gap",
    "gap_pct",
    "direction",
    "plan_2014",
    "census_2020_persons",
    "reason",
    "share_circle",
    "share_cluster",
    "census_source",
    "census_quality",
)


def status_table(state: ExplorerState) -> pd.DataFrame:
    """The status table of the scope's cities, columns named in the language."""
    lang = state.lang
    status = analysis.population_status(lang)
    status = status[status["code"].isin(state.scope_cities)].reset_index(drop=True)
    titles = data.sources().set_index("id")[f"title_{lang}"]
    shares = analysis.city_shares().set_index("code").loc[status["code"]].reset_index()
    table = pd.DataFrame(
        {
            "city": _names(status, state),
            "status": status["status_label"],
            "expected_2020": status["expected_2020"],
            "census_2020": status["census_2020"].round(2),
            "gap": status["gap"].round(2),
            "gap_pct": status["gap_pct"].round(1),
            "direction": [t(f"direction.{d}", lang) for d in status["direction"]],
            "plan_2014": status["plan_2014"],
            "census_2020_persons": status["census_2020_persons"].astype("Int64"),
            "reason": status["reason"],
            "share_circle": shares["census_2020_share_circle_pct"].round(1),
            "share_cluster": shares["census_2020_share_cluster_pct"].round(1),
            "census_source": status["census_2020_source"].map(titles),
            "census_quality": [quality_label(q, lang) for q in status["census_2020_quality"]],
        }
    )
    return table.rename(columns={c: t(f"population.col.{c}", lang) for c in TABLE_COLUMNS})


@cache
def _status_colours() -> dict[str, str]:
    """A status' colour by its wording in either language."""
    return {
        status.label(lang): palette.STATUS[status.value] for status in Status for lang in LANGUAGES
    }


def status_cells(column: pd.Series) -> list[str]:
    """The status column's cells marked in their status' colour (as on the map and in the
    charts), beside the words: a bar on the cell's left edge, so the text keeps its contrast."""
    colours = _status_colours()
    return [
        f"border-left: 12px solid {colours[label]}" if label in colours else "" for label in column
    ]


def _e(text: object) -> str:
    return html.escape(str(text))


@cache
def aggregates_html(lang: Lang) -> str:
    """Circle, province, belt and cluster sums with coverage and status, then the cluster's
    share of China's census population against the plan's goal (GDP: why there is none).
    Whatever the scope: once per language and process."""
    unit = t("population.unit", lang)
    columns = ["group", "expected_2020", "census_2020", "coverage", "status"]
    head = "".join(f'<th scope="col">{_e(t(f"population.col.{c}", lang))}</th>' for c in columns)
    body = []
    for by in GROUPINGS:
        for row in analysis.population_aggregates(by).itertuples():
            if pd.isna(row.census_2020):
                census = t("population.aggregates.partial", lang).format(
                    value=format_number(row.census_2020_partial),
                    coverage=t("chart.coverage", lang).format(n=row.census_2020_n, m=row.n_members),
                )
            else:
                census = format_number(row.census_2020)
            coverage = t("chart.coverage", lang).format(n=row.census_2020_n, m=row.n_members)
            cells = [
                _e(getattr(row, f"name_{lang}")),
                _e(format_number(row.expected_2020)),
                _e(census),
                _e(coverage),
                _e(Status(row.status).label(lang)),
            ]
            body.append(
                f'<tr><th scope="row">{cells[0]}</th>'
                + "".join(f"<td>{c}</td>" for c in cells[1:])
                + "</tr>"
            )
    caption = f"{t('population.aggregates.heading', lang)} ({unit})"
    table = (
        f'<div style="overflow-x:auto" role="region" tabindex="0" aria-label="{_e(caption)}">'
        f"<table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )
    share = analysis.national_share_2020()
    if share.share_pct is not None:
        national = t("population.national.text", lang).format(
            cluster=format_number(share.cluster_sum),
            national=format_number(share.national),
            share=percent(share.share_pct, lang),
            goal=percent(share.goal_pct, lang),
            status=share.status.label(lang),
        )
    else:
        national = share.reason(lang)
    coverage = t("chart.coverage", lang).format(n=share.n_cities, m=share.n_members)
    gdp = analysis.national_share("gdp", analysis.EXPECTED_YEAR)
    gdp_text = t("population.national.gdp", lang).format(
        goal=percent(gdp.goal_pct, lang), reason=gdp.reason(lang) or percent(gdp.share_pct, lang)
    )
    return (
        f'<div class="ycsp-population-aggregates" style="font-size:13px">{table}'
        f"<h3>{_e(t('population.national.heading', lang))}</h3>"
        f"<p>{_e(national)} ({_e(coverage)})</p><p>{_e(gdp_text)}</p></div>"
    )


def rules_html(lang: Lang) -> str:
    items = "".join(f"<li>{_e(rule)}</li>" for rule in analysis.status_rules(lang))
    return f"<h3>{_e(t('status.rules.heading', lang))}</h3><ul>{items}</ul>"


class PopulationView(View):
    """Population against the plan for the scope's cities. Reads ``lang``, ``scope`` and
    ``cities`` of the state; holds no selection of its own."""

    watches = WATCHED

    def dumbbell(self) -> hv.Overlay:
        return dumbbell_element(self.state)

    def growth(self) -> hv.Overlay:
        return growth_element(self.state)

    def table(self) -> AriaMend:
        """The status table of the scope's cities, in the state's language: one Tabulator,
        made when the view is first drawn and refilled in place afterwards (a Tabulator made
        before the page is served, or swapped for a new one, is not redrawn in the browser)."""
        self.__panel__()
        return self._table_mend

    def text(self) -> str:
        lang = self.state.lang
        notes = "".join(f"<p>{_e(note)}</p>" for note in growth_notes(self.state))
        return (
            f"<h2>{_e(t('population.heading', lang))}</h2>{notes}"
            f"{aggregates_html(lang)}{rules_html(lang)}"
        )

    def _build(self) -> pn.viewable.Viewable:
        plots = {"sizing_mode": "stretch_width", "linked_axes": False}
        self._dumbbell = pn.pane.HoloViews(self.dumbbell(), **plots)
        self._growth = pn.pane.HoloViews(self.growth(), **plots)
        self._table = pn.widgets.Tabulator(
            disabled=True,
            show_index=False,
            pagination=None,
            frozen_columns=["city"],
            layout="fit_data_fill",  # as wide as its box; the columns scroll inside it
            stylesheets=[NARROW_TABLE_CSS],
            sizing_mode="stretch_width",
        )
        self._table_mend = AriaMend(target=self._table, sizing_mode="stretch_width")
        self._refill_table()
        # Kept by the Tabulator for every later value (its styler is made with a value).
        self._table.style.apply(status_cells, subset=["status"])
        self._text = pn.pane.HTML(self.text(), sizing_mode="stretch_width", disable_math=True)
        return pn.Column(
            self._dumbbell, self._growth, self._table_mend, self._text, sizing_mode="stretch_width"
        )

    def refresh(self, changed: set[str]) -> None:
        self._dumbbell.object = self.dumbbell()
        self._growth.object = self.growth()
        self._refill_table()
        self._text.object = self.text()

    def _refill_table(self) -> None:
        with param.edit_constant(self._table):  # its name follows the language
            self._table.name = t("population.table.caption", self.state.lang)
        # Stable column ids, headers in the language: Tabulator redraws renamed columns empty.
        shown = status_table(self.state)
        self._table.param.update(
            value=shown.set_axis(list(TABLE_COLUMNS), axis=1),
            titles=dict(zip(TABLE_COLUMNS, shown.columns, strict=True)),
        )
