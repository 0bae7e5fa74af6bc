"""Population through time: the highlighted cities (or the scope's total), 2010 to 2030.

:func:`series_chart` turns the state into what to draw (a pure function of the state and the
data, built on :func:`ycsp_panel.data.population_series`); :func:`series_element` draws it
with HoloViews; :class:`TimeSeries` redraws when the state changes.

Observed points (censuses, the plan's 2014 baseline, year-end statistics) are filled markers
joined by solid lines; the plan's 2020 target and 2030 forecast are hollow markers on a dashed
line from its 2014 baseline. Each line has its own Okabe-Ito colour and marker shape.
Where a boundary changed (a ``boundary:`` caveat) the solid line is broken between the plan's
figures and the later statistics, and those points carry a warning glyph.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import holoviews as hv
import numpy as np
import pandas as pd

from ycsp_panel import data
from ycsp_panel.data.series import OBSERVED_KINDS
from ycsp_panel.i18n import t
from ycsp_panel.numbers import quantity
from ycsp_panel.state import SCOPE_TYPES, ExplorerState
from ycsp_panel.views.chart import (
    GROUP_COLORS,
    ChartView,
    export_filename,
    format_number,
    quality_label,
    ready_to_save,
)

MAX_LINES = 6
# Okabe-Ito without its yellow (too light on white), one colour and one marker shape per line
# so that colour is never the only cue.
LINE_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
LINE_MARKERS = ("circle", "square", "triangle", "diamond", "inverted_triangle", "star")
KEY_COLOR = "#555555"
YEARS = (2010, 2030)
CAVEAT_MARK = "⚠"
WATCHED = ("lang", "scope", "cities", "compare_by")
HOVER_COLUMNS = [
    "name",
    "year_text",
    "kind_label",
    "value_text",
    "source",
    "quality",
    "caveat_text",
]


@dataclass(frozen=True)
class Line:
    """One city or group: how it is named and drawn."""

    id: str
    label: str  # the legend's label, with the caveat mark where one applies
    color: str
    marker: str


@dataclass(frozen=True)
class SeriesChart:
    """What the chart shows for one state: lines of points, or a message."""

    title: str
    x_label: str
    y_label: str
    lines: list[Line] = field(default_factory=list)
    points: pd.DataFrame = field(default_factory=pd.DataFrame)
    notes: list[str] = field(default_factory=list)
    message: str | None = None


def series_chart(state: ExplorerState) -> SeriesChart:
    """The lines for ``state``: its highlighted cities (at most :data:`MAX_LINES`); with none,
    the total of the scope's circle, belt or province; for all 26 cities, one line per group
    compared (``compare_by``: circles, provinces, belts), or the 26 cities' total."""
    lang = state.lang
    spec = data.indicators().set_index("id").loc["population"]
    title = t("series.title", lang)
    x_label = t("series.axis.year", lang)
    y_label = t("series.axis.value", lang).format(
        name=spec[f"name_{lang}"], unit=spec[f"unit_{lang}"]
    )
    kind, _, group_id = state.scope.partition(":")
    if state.cities:
        return _cities(list(state.cities), lang, title, x_label, y_label)
    if kind in SCOPE_TYPES:
        return _groups([group_id], kind, lang, title, x_label, y_label)
    # All 26 cities: the groups compared (circles, provinces or belts), else their total.
    by = state.compare_by if state.compare_by in SCOPE_TYPES else "cluster"
    group_ids = sorted(set(data.group_members(by)["group_id"]))
    return _groups(group_ids, by, lang, title, x_label, y_label)


def _cities(codes: list[str], lang: str, title: str, x_label: str, y_label: str) -> SeriesChart:
    shown = codes[:MAX_LINES]
    cities = data.cities().set_index("code")
    names = cities[f"name_{lang}"]
    series = data.population_series(shown)
    lines = []
    for i, code in enumerate(shown):
        caveat = series.loc[series["entity_id"] == code, "caveat"].notna().any()
        label = t("series.legend.caveat", lang).format(name=names[code]) if caveat else names[code]
        lines.append(Line(code, label, LINE_COLORS[i], LINE_MARKERS[i]))
    points = _points(series, names, lang)

    notes = [t("series.note.encoding", lang)]
    has = set(zip(series["entity_id"], series["year"], series["kind"], strict=True))
    for year, kind in _all_points():
        missing = [names[code] for code in shown if (code, year, kind) not in has]
        if missing:
            notes.append(
                t("series.note.gaps", lang).format(
                    point=_point_name(year, kind, lang), names=_join(missing, lang)
                )
            )
    for code in shown:
        note = cities.loc[code, f"boundary_note_{lang}"]
        if series.loc[series["entity_id"] == code, "caveat"].notna().any():
            notes.append(t("series.note.caveat", lang).format(name=names[code], note=note))
    if len(codes) > MAX_LINES:
        rest = _join(names[codes[MAX_LINES:]], lang)
        notes.append(
            t("series.more", lang).format(n=len(codes) - MAX_LINES, max=MAX_LINES, names=rest)
        )
    return SeriesChart(title, x_label, y_label, lines, points, notes)


def _groups(
    group_ids: list[str], by: str, lang: str, title: str, x_label: str, y_label: str
) -> SeriesChart:
    """One line per group (the sum of its member cities), drawn where every member has a
    value; the points some members lack are named in the notes."""
    entity_names = data.entities().drop_duplicates("id").set_index("id")[f"name_{lang}"]
    names = entity_names.loc[group_ids]
    series = data.group_population_series(group_ids, by)
    drawn = series[series["complete"]]
    if drawn.empty:
        return SeriesChart(title, x_label, y_label, message=t("series.prompt", lang))
    if len(group_ids) == 1:
        title = f"{title}\n{t('series.title.group', lang).format(name=names.iloc[0])}"
    else:
        kinds = t(f"series.title.groups.{by}", lang)
        title = f"{title}\n{kinds}"
    lines = []
    for i, group_id in enumerate(group_ids):
        label = t("series.group_total", lang).format(name=names[group_id])
        if drawn.loc[drawn["entity_id"] == group_id, "caveat"].notna().any():
            label = t("series.legend.caveat", lang).format(name=label)
        color = GROUP_COLORS.get(by, {}).get(group_id, LINE_COLORS[i % len(LINE_COLORS)])
        lines.append(Line(group_id, label, color, LINE_MARKERS[i % len(LINE_MARKERS)]))
    points = _points(drawn, names, lang)

    notes = [t("series.note.encoding", lang)]
    if len(group_ids) == 1:
        members = int(series["n_members"].iloc[0])
        notes.append(t("series.note.group", lang).format(name=names.iloc[0], m=members))
    else:
        notes.append(t("series.note.groups", lang))
    for row in series[~series["complete"]].itertuples():
        point = _point_name(row.year, row.kind, lang)
        if len(group_ids) > 1:
            point = f"{names[row.entity_id]} · {point}"
        notes.append(
            t("series.note.partial", lang).format(point=point, n=row.n_cities, m=row.n_members)
        )
    notes.append(t("series.prompt", lang))
    cities = data.cities().set_index("code")
    for caveat_id in sorted(set(drawn["caveat"].dropna())):
        codes = caveat_id.partition(":")[2].split(";")
        note = cities.loc[codes[0], f"boundary_note_{lang}"]
        city_names = _join(cities.loc[codes, f"name_{lang}"], lang)
        notes.append(t("series.note.caveat", lang).format(name=city_names, note=note))
    return SeriesChart(title, x_label, y_label, lines, points, notes)


def _all_points() -> list[tuple[int, str]]:
    """Every (year, kind) any of the 26 cities has: a city's missing ones are its gaps."""
    series = data.population_series(sorted(data.cities()["code"]))
    return sorted(set(zip(series["year"], series["kind"], strict=True)))


def _point_name(year: int, kind: str, lang: str) -> str:
    return t("series.point", lang).format(year=year, kind=t(f"series.kind.{kind}", lang))


def _join(names, lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(names)


def _points(series: pd.DataFrame, names: pd.Series, lang: str) -> pd.DataFrame:
    """The series' rows with what the hover shows, in ``lang``."""
    titles = data.sources().set_index("id")[f"title_{lang}"]
    unit = data.indicators().set_index("id").loc["population", f"unit_{lang}"]
    records = []
    for row in series.itertuples():
        qualifier = "" if row.qualifier == "=" else f"{row.qualifier} "
        value_text = f"{qualifier}{_number(row.value, row.kind)} {unit}"
        published = getattr(row, "published_unit", None)
        if published == "persons":
            count = t("profile.persons", lang).format(n=format_number(row.published_value))
            value_text += f"（{count}）" if lang == "zh" else f" ({count})"
        # "expected" repeats the kind ("plan target"); a ceiling or floor does not.
        if isinstance(row.direction, str) and row.direction != "expectation":
            direction = t(f"direction.{row.direction}", lang)
            value_text += f"（{direction}）" if lang == "zh" else f" ({direction})"
        sources = row.source_id.split(";")
        if len(sources) == 1:
            source = titles[sources[0]]
        else:
            source = t("chart.sources_many", lang).format(n=len(sources))
        records.append(
            {
                "entity_id": row.entity_id,
                "year": row.year,
                "value": row.value,
                "kind": row.kind,
                "observed": row.kind in OBSERVED_KINDS,
                "caveat": row.caveat if isinstance(row.caveat, str) else "",
                "name": names[row.entity_id],
                "year_text": str(row.year),
                "kind_label": t(f"series.kind.{row.kind}", lang),
                "value_text": value_text,
                "source": source,
                "quality": " / ".join(quality_label(q, lang) for q in row.quality.split(";")),
                "caveat_text": t("series.caveat", lang) if isinstance(row.caveat, str) else "",
            }
        )
    return pd.DataFrame.from_records(records)


def _number(value: float, kind: str) -> str:
    """Census counts converted to 10k persons to that unit's precision; other figures as
    their source printed them (both by :mod:`ycsp_panel.numbers`)."""
    if kind == "census":
        return quantity(value, "10k persons", fixed=True)
    return format_number(value)


def series_filename(state: ExplorerState) -> str:
    """The saved PNG's name: ``ycsp_series_population_310000_340700_en``."""
    return export_filename("series", state, "population", *state.cities[:MAX_LINES])


def series_element(
    chart: SeriesChart, lang: str, filename: str = "ycsp_series"
) -> hv.Overlay | hv.Div:
    """The chart: per line a solid observed path with filled markers and a dashed plan path
    with hollow markers; warning marks on caveat points; a key for the two styles.
    ``filename``: the save tool's, without extension."""
    if chart.message is not None:
        return hv.Div(
            f'<div role="note" style="padding:12px;font-size:14px">'
            f"<strong>{html.escape(chart.title)}</strong>"
            f"<p>{html.escape(chart.message)}</p></div>"
        ).opts(height=160, sizing_mode="stretch_width")
    year = hv.Dimension("year", label=chart.x_label)
    value = hv.Dimension("value", label=chart.y_label)
    tooltips = [
        (t("series.hover.name", lang), "@{name}"),
        (t("chart.hover.year", lang), "@{year_text}"),
        (t("chart.hover.kind", lang), "@{kind_label}"),
        (t("chart.hover.value", lang), "@{value_text}"),
        (t("chart.hover.source", lang), "@{source}"),
        (t("chart.hover.quality", lang), "@{quality}"),
    ]
    if (chart.points["caveat"] != "").any():
        tooltips.append((t("series.hover.caveat", lang), "@{caveat_text}"))

    lines, markers, marks = [], [], []
    for line in chart.lines:
        own = chart.points[chart.points["entity_id"] == line.id]
        observed = own[own["observed"]]
        plan = own[own["kind"].isin(["plan_baseline", "target", "forecast"])]
        projected = own[~own["observed"]]
        lines.append(
            hv.Curve(_broken(observed), year, value, group="ObservedLine", label=line.label).opts(
                color=line.color, line_width=2.5, line_dash="solid"
            )
        )
        lines.append(
            hv.Curve(plan[["year", "value"]], year, value, group="PlanLine", label=line.label).opts(
                color=line.color, line_width=2, line_dash="dashed", show_legend=False
            )
        )
        markers.append(
            hv.Scatter(
                observed, year, [value, *HOVER_COLUMNS], group="Observed", label=line.label
            ).opts(
                color=line.color,
                marker=line.marker,
                size=10,
                tools=["hover"],
                hover_tooltips=tooltips,
            )
        )
        markers.append(
            hv.Scatter(
                projected, year, [value, *HOVER_COLUMNS], group="Plan", label=line.label
            ).opts(
                color=line.color,
                marker=line.marker,
                size=11,
                fill_alpha=0,
                line_width=2.5,
                show_legend=False,
                tools=["hover"],
                hover_tooltips=tooltips,
            )
        )
        flagged = own[own["caveat"] != ""]
        if not flagged.empty:
            marks.append(
                hv.Labels(
                    flagged.assign(mark=CAVEAT_MARK),
                    [year, value],
                    "mark",
                    group="Caveat",
                    label=line.label,
                ).opts(
                    text_color="#000000",
                    text_font_size="13pt",
                    text_baseline="bottom",
                    show_legend=False,
                    hooks=[_above_marker],
                )
            )
    # The key's samples: one point that is not drawn (Bokeh draws no legend glyph for no data).
    empty = pd.DataFrame({"year": [np.nan], "value": [np.nan]})
    key = [
        hv.Curve(empty, year, value, group="Key", label=t("series.legend.observed", lang)).opts(
            color=KEY_COLOR, line_width=2.5, line_dash="solid"
        ),
        hv.Scatter(empty, year, value, group="Key", label=t("series.legend.observed", lang)).opts(
            color=KEY_COLOR, marker="circle", size=10
        ),
        hv.Curve(empty, year, value, group="Key", label=t("series.legend.plan", lang)).opts(
            color=KEY_COLOR, line_width=2, line_dash="dashed"
        ),
        hv.Scatter(empty, year, value, group="Key", label=t("series.legend.plan", lang)).opts(
            color=KEY_COLOR, marker="circle", size=11, fill_alpha=0, line_width=2.5
        ),
    ]
    ticks = sorted({*YEARS, *chart.points["year"]})
    return hv.Overlay([*lines, *markers, *marks, *key]).opts(
        title=chart.title,
        fontsize={"title": "11pt", "labels": "10pt", "xticks": "9pt", "yticks": "9pt"},
        xlim=(YEARS[0] - 1, YEARS[1] + 1),
        xticks=ticks,
        height=440,
        responsive=True,
        show_grid=True,
        legend_position="bottom",
        # Long enough samples to show a dash between the markers.
        legend_opts={"glyph_width": 44},
        legend_limit=1000,  # HoloViews drops the legend above 25 glyphs by default
        toolbar="right",  # beside the plot: above it, a long title leaves the tools no room
        default_tools=["save", "pan", "wheel_zoom", "reset"],
        hooks=[ready_to_save(filename)],
    )


def _broken(observed: pd.DataFrame) -> pd.DataFrame:
    """The observed points in year order, with a gap (NaN) wherever the caveat changes: points
    on different boundaries are not joined."""
    rows = []
    previous = None
    for point in observed.sort_values("year").itertuples():
        if previous is not None and point.caveat != previous:
            rows.append({"year": np.nan, "value": np.nan})
        rows.append({"year": point.year, "value": point.value})
        previous = point.caveat
    return pd.DataFrame(rows, columns=["year", "value"], dtype=float)


def _above_marker(plot, element) -> None:
    # A few pixels above the point (screen units: HoloViews' offsets are in data units).
    plot.handles["glyph"].y_offset = -8


def notes_html(chart: SeriesChart) -> str:
    """The notes under the chart (encoding, gaps, caveats, lines not drawn), escaped."""
    items = "".join(
        f'<p role="note" style="{_CAVEAT_STYLE}">{html.escape(note)}</p>'
        if note.startswith(CAVEAT_MARK)
        else f"<p>{html.escape(note)}</p>"
        for note in chart.notes
    )
    return f'<div class="ycsp-series-notes" style="font-size:13px">{items}</div>'


_CAVEAT_STYLE = "border-left:4px solid #E69F00;background:#fff8e6;padding:6px 10px"


class TimeSeries(ChartView):
    """Population 2010–2030 of the highlighted cities, or of the scope's circle, belt or
    province when none is highlighted, or of each group compared for all 26 cities.

    Reads ``lang``, ``scope``, ``cities`` and ``compare_by`` of the state; holds no selection
    of its own.
    """

    watches = WATCHED

    def _chart(self) -> SeriesChart:
        return series_chart(self.state)

    def _element(self, chart: SeriesChart) -> hv.Overlay | hv.Div:
        return series_element(chart, self.state.lang, series_filename(self.state))

    def _notes_html(self, chart: SeriesChart) -> str:
        return notes_html(chart)

    def element(self) -> hv.Overlay | hv.Div:
        return self._element(self._chart())

    def notes(self) -> list[str]:
        """The plain-text notes under the chart."""
        return self._chart().notes
