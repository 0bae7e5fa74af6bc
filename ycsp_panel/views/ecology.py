"""Ecology: development intensity against its benchmarks, the plan's commitments on a
timeline, and box 8's water bodies and box 9's supervision zones on a small map and a table.

The numbers come from :mod:`ycsp_panel.analysis.ecology` (pure); this view only draws them.
Scope and highlight come from the state: cities outside the scope (and commitments and
water bodies that cover none of them) are faded, highlighted cities are outlined or starred.
Choosing a water body or zone highlights its member cities in the state, so every view
follows.
"""

from __future__ import annotations

import datetime
import html

import geopandas as gpd
import holoviews as hv
import pandas as pd
import panel as pn
import param
from bokeh.core.property.vectorization import Field

from ycsp_panel import data
from ycsp_panel.analysis import ecology
from ycsp_panel.i18n import t
from ycsp_panel.state import ExplorerState
from ycsp_panel.views import palette
from ycsp_panel.views.aria import AriaMend
from ycsp_panel.views.base import View
from ycsp_panel.views.chart import export_filename, format_number, ready_to_save
from ycsp_panel.views.map import halo, projected
from ycsp_panel.views.mercator import MercatorPolygons
from ycsp_panel.views.table import LabelledTabulator

WATCHED = ("lang", "scope", "cities")
HIGHLIGHT_MARK = "★"
ROLE_COLORS = {
    "cluster": "#0072B2",
    "city": palette.CIRCLE["core"],
    "benchmark": "#999999",
    "redline_goal": "#009E73",
}
# A commitment's status by its colour (the status palette, never a category's) and shape.
STATUS_STYLE = {
    status: (palette.COMMITMENT_STATUS[status], marker)
    for status, marker in (
        (ecology.UPCOMING, "circle"),
        (ecology.PASSED, "square"),
        ("met", "triangle"),
        ("missed", "x"),
    )
}
WATER_COLOR, ZONE_COLOR, MEMBER_COLOR = "#0072B2", "#CC79A7", "#E69F00"
WATER_MARK = "*"  # after a water body's label: its point is not the water body's position
_MERCATOR = "EPSG:3857"
_BAR = 0.34  # half a bar's height, in row units


def _in_language(frame: pd.DataFrame, column: str, lang: str) -> pd.Series:
    return frame[f"{column}_{lang}"]


def _source_titles(lang: str) -> pd.Series:
    return data.sources().set_index("id")[f"title_{lang}"]


def _paren(text: str, lang: str) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


# -- development intensity ------------------------------------------------------------------


def intensity_bars(state: ExplorerState) -> pd.DataFrame:
    """The bars of the intensity chart for ``state``: one per figure in %, top row first, with
    position, colour, fading (Shanghai outside the scope), outline (highlighted) and hover."""
    lang = state.lang
    frame = ecology.development_intensity()
    land = frame[frame["role"] == "construction_land"].iloc[0]
    bars = frame[frame["unit"] == "%"].reset_index(drop=True)
    titles = _source_titles(lang)
    records = []
    for i, row in bars.iterrows():
        is_city = row["role"] == "city"
        highlighted = is_city and row["entity_id"] in state.cities
        faded = is_city and row["entity_id"] not in state.scope_cities
        qualifier = "" if row["qualifier"] == "=" else f"{row['qualifier']} "
        value_text = f"{qualifier}{format_number(row['value'])} %"
        if row["direction"]:
            value_text += _paren(t(f"direction.{row['direction']}", lang), lang)
        name = row[f"name_{lang}"]
        if row["role"] == "redline_goal":
            name = t("ecology.intensity.redline_row", lang)
        year = t("ecology.no_year", lang) if row["year"] is None else str(row["year"])
        extra = ""
        if row["role"] == "cluster":
            extra = t("ecology.intensity.land", lang).format(
                value=format_number(land["value"]), year=land["year"]
            )
        records.append(
            {
                "x0": 0.0,
                "y0": -i - _BAR,
                "x1": row["value"],
                "y1": -i + _BAR,
                "y": -i,
                "label": f"{HIGHLIGHT_MARK} {name}" if highlighted else name,
                "role": row["role"],
                "indicator_name": t(f"ecology.indicator.{row['indicator']}", lang),
                "name_zh": row["name_zh"],
                "name_en": row["name_en"],
                "value": row["value"],
                "value_text": value_text,
                "year_text": year,
                "extra": extra,
                "source": titles[row["source_id"]],
                "source_text": row["source_text"],
                "quality": t(f"quality.{row['quality']}", lang),
                "color": ROLE_COLORS[row["role"]],
                "alpha": palette.OUT_OF_SCOPE_ALPHA if faded else palette.IN_SCOPE_ALPHA,
                "line_color": "#000000" if highlighted else "#ffffff",
                "line_width": 3.0 if highlighted else 0.5,
                "hatch": "/" if row["role"] == "redline_goal" else " ",
            }
        )
    return pd.DataFrame.from_records(records)


def intensity_title(lang: str) -> str:
    frame = ecology.development_intensity()
    cluster = frame[frame["role"] == "cluster"].iloc[0]
    goal = frame[frame["role"] == "redline_goal"].iloc[0]
    return t("ecology.intensity.title", lang).format(
        year=cluster["year"], name=cluster[f"name_{lang}"], goal_year=goal["year"]
    )


def intensity_element(state: ExplorerState) -> hv.Overlay:
    """Horizontal bars (the red-line goal hatched, with its floor marked on its own row: it is
    another indicator, not a limit on intensity), value labels and the hover's source."""
    lang = state.lang
    bars = intensity_bars(state)
    tooltips = [
        (t("ecology.hover.indicator", lang), "@{indicator_name}"),
        (t("chart.hover.name_zh", lang), "@{name_zh}"),
        (t("chart.hover.name_en", lang), "@{name_en}"),
        (t("chart.hover.value", lang), "@{value_text}"),
        (t("chart.hover.year", lang), "@{year_text}"),
        (t("chart.hover.source", lang), "@{source}"),
        (t("ecology.hover.source_text", lang), "@{source_text}"),
        (t("chart.hover.quality", lang), "@{quality}"),
    ]
    if (bars["extra"] != "").any():
        tooltips.insert(5, (t("ecology.hover.context", lang), "@{extra}"))
    x = hv.Dimension("x0", label=t("ecology.intensity.axis", lang))
    y = hv.Dimension("y0")
    vdims = [c for c in bars.columns if c not in ("x0", "y0", "x1", "y1")]
    rectangles = hv.Rectangles(bars, kdims=[x, y, "x1", "y1"], vdims=vdims).opts(
        color="color",
        fill_alpha="alpha",
        line_color="line_color",
        line_width="line_width",
        tools=["hover"],
        hooks=[_hatched],
        hover_tooltips=tooltips,
    )
    goal = bars[bars["role"] == "redline_goal"]
    floor = hv.Segments(
        (goal["x1"], goal["y0"] - 0.1, goal["x1"], goal["y1"] + 0.1), kdims=[x, y, "x1", "y1"]
    ).opts(color="#000000", line_width=3, line_dash="dashed")
    texts = bars.assign(
        text=[f"{v}  {y}" for v, y in zip(bars["value_text"], bars["year_text"], strict=True)]
    )
    labels = hv.Labels(texts, kdims=["x1", "y"], vdims=["text"]).opts(
        text_align="left",
        text_baseline="middle",
        text_font_size="9pt",
        text_color="#333333",
        hooks=[_clear_of_bar],
    )
    top = float(bars["value"].max())
    return (rectangles * floor * labels).opts(
        title=intensity_title(lang),
        ylabel="",
        fontsize={"title": "10.5pt"},
        xlim=(0, top * 2.1),
        ylim=(-len(bars) + 0.4, 0.6),
        yticks=list(zip(bars["y"], bars["label"], strict=True)),
        height=70 + 42 * len(bars),
        responsive=True,
        show_grid=True,
        toolbar="right",  # beside the plot: above it, a long title leaves the tools no room
        default_tools=["save"],
        hooks=[ready_to_save(export_filename("ecology_intensity", state))],
    )


# -- commitments ------------------------------------------------------------------------------


def timeline_rows(state: ExplorerState, today: datetime.date) -> pd.DataFrame:
    """The commitments for the chart and the table, in ``state.lang``: status label, source
    title, whether they touch the scope and the highlighted cities."""
    lang = state.lang
    timeline = ecology.commitment_timeline(today)
    titles = _source_titles(lang)
    scope, highlighted = set(state.scope_cities), set(state.cities)
    rows = pd.DataFrame(
        {
            "id": timeline["id"],
            "what": _in_language(timeline, "what", lang),
            "scope": _in_language(timeline, "scope", lang),
            "threshold": _in_language(timeline, "threshold", lang),
            "deadline": timeline["deadline"],
            "deadline_text": [
                d if d else t("ecology.status.undated", lang) for d in timeline["deadline_text"]
            ],
            "status": timeline["status"],
            "status_text": [t(f"ecology.status.{s}", lang) for s in timeline["status"]],
            "source": [
                f"{titles[s]}：{text}" if lang == "zh" else f"{titles[s]}: {text}"
                for s, text in zip(timeline["source_id"], timeline["source_text"], strict=True)
            ],
            "in_scope": [bool(scope & set(c)) for c in timeline["cities"]],
            "highlighted": [bool(highlighted & set(c)) for c in timeline["cities"]],
        }
    )
    return rows


def _short(text: str, lang: str) -> str:
    limit = 22 if lang == "zh" else 44
    return text if len(text) <= limit else text[: limit - 1] + "…"


def timeline_element(state: ExplorerState, today: datetime.date) -> hv.Overlay:
    """The dated commitments, one row each, at their deadline year; colour and marker by
    status; a line at ``today``. Faded when they cover no city of the scope."""
    lang = state.lang
    rows = timeline_rows(state, today)
    dated = rows[rows["deadline"].notna()].reset_index(drop=True)
    dated = dated.assign(
        x=[float(d) for d in dated["deadline"]],
        y=[-i for i in range(len(dated))],
        alpha=[1.0 if s else palette.OUT_OF_SCOPE_ALPHA for s in dated["in_scope"]],
        label=[
            (f"{HIGHLIGHT_MARK} " if h else "")
            + _short(f"{s}：{w}" if lang == "zh" else f"{s}: {w}", lang)
            for s, w, h in zip(dated["scope"], dated["what"], dated["highlighted"], strict=True)
        ],
    )
    x = hv.Dimension("x", label=t("ecology.timeline.axis", lang))
    y = hv.Dimension("y")
    tooltips = [
        (t("ecology.col.what", lang), "@{what}"),
        (t("ecology.col.scope", lang), "@{scope}"),
        (t("ecology.col.threshold", lang), "@{threshold}"),
        (t("ecology.col.deadline", lang), "@{deadline_text}"),
        (t("ecology.col.status", lang), "@{status_text}"),
        (t("chart.hover.source", lang), "@{source}"),
    ]
    vdims = ["what", "scope", "threshold", "deadline_text", "status_text", "source", "alpha"]
    layers = []
    for status, (color, marker) in STATUS_STYLE.items():
        own = dated[dated["status"] == status]
        if own.empty:
            continue
        layers.append(
            hv.Scatter(own, kdims=[x], vdims=[y, *vdims], label=t(f"ecology.status.{status}", lang))
            .opts(color=color, marker=marker, size=13, alpha="alpha", line_color="#000000")
            .opts(tools=["hover"], hover_tooltips=tooltips)
        )
    position = today.year + (today.timetuple().tm_yday - 1) / 366
    today_line = hv.VLine(position).opts(color="#555555", line_dash="dotted", line_width=2)
    today_text = hv.Text(
        position, 0.6, t("ecology.timeline.today", lang).format(date=today.isoformat())
    ).opts(text_font_size="9pt", text_align="left", text_color="#555555")
    years = sorted({*dated["x"], 2016.0})
    low, high = min(years[0], position) - 1, max(years[-1], position) + 1
    return hv.Overlay([*layers, today_line, today_text]).opts(
        title=t("ecology.timeline.title", lang),
        ylabel="",
        fontsize={"title": "10.5pt"},
        xlim=(low, high),
        ylim=(-len(dated) + 0.4, 1.0),
        xticks=[int(year) for year in years],
        yticks=list(zip(dated["y"], dated["label"], strict=True)),
        height=110 + 34 * len(dated),
        responsive=True,
        show_grid=True,
        legend_position="bottom",
        toolbar="right",  # beside the plot: above it, a long title leaves the tools no room
        default_tools=["save"],
        hooks=[ready_to_save(export_filename("ecology_commitments", state))],
    )


def commitments_table(state: ExplorerState, today: datetime.date) -> pd.DataFrame:
    """The commitments as a table in the state's language (★ where they cover a highlighted
    city)."""
    lang = state.lang
    rows = timeline_rows(state, today)
    what = [
        f"{HIGHLIGHT_MARK} {w}" if h else w
        for w, h in zip(rows["what"], rows["highlighted"], strict=True)
    ]
    columns = ("what", "scope", "threshold", "deadline", "status", "source")
    frame = pd.DataFrame(
        {
            "what": what,
            "scope": rows["scope"],
            "threshold": rows["threshold"],
            "deadline": rows["deadline_text"],
            "status": rows["status_text"],
            "source": rows["source"],
        }
    )
    return frame.rename(columns={c: t(f"ecology.col.{c}", lang) for c in columns})


# -- water bodies and supervision zones -----------------------------------------------------


def feature_options(lang: str) -> dict[str, str]:
    """The chooser's options, label → id: none, then water bodies, then zones."""
    summary = ecology.participation_summary()
    options = {t("ecology.feature.none", lang): ""}
    for row in summary.itertuples():
        kind = t(f"ecology.type.{row.group_type}", lang)
        options[f"{kind} · {getattr(row, f'group_{lang}')}"] = row.group_id
    return options


def participation_table(state: ExplorerState, feature: str = "") -> pd.DataFrame:
    """Who takes part in what, in the state's language: one row per water body or zone that
    has a member in the scope; ★ on members that are highlighted, ▶ on the chosen one."""
    lang = state.lang
    summary = ecology.participation_summary()
    scope, highlighted = set(state.scope_cities), set(state.cities)
    names = data.cities().set_index("code")[f"name_{lang}"]
    sep = "、" if lang == "zh" else ", "
    titles = _source_titles(lang)
    records = []
    for row in summary.itertuples():
        if not scope & set(row.cities):
            continue
        members = sep.join(
            f"{HIGHLIGHT_MARK}{names[c]}" if c in highlighted else names[c] for c in row.cities
        )
        name = getattr(row, f"group_{lang}")
        records.append(
            {
                "type": t(f"ecology.type.{row.group_type}", lang),
                "name": f"▶ {name}" if row.group_id == feature else name,
                "cities": members,
                "n": row.n_cities,
                "place": getattr(row, f"place_{lang}"),
                "rule": (row.rule_zh if lang == "zh" else row.rule) if row.derived else "",
                "source": titles[row.source_id],
            }
        )
    columns = ("type", "name", "cities", "n", "place", "rule", "source")
    frame = pd.DataFrame.from_records(records, columns=list(columns))
    return frame.rename(columns={c: t(f"ecology.part.{c}", lang) for c in columns})


def map_element(state: ExplorerState, feature: str = "") -> hv.Overlay:
    """The 26 cities (members of ``feature`` filled, highlighted ones outlined, outside the
    scope faded) and a labelled point per water body and zone. No tiles."""
    lang = state.lang
    cities = projected("city")
    members = set(ecology.members_of(feature)) if feature else set()
    scope, highlighted = set(state.scope_cities), set(state.cities)
    shown = cities[["geometry", "code", "name_zh", "name_en"]].assign(
        fill=[MEMBER_COLOR if c in members else "#eeeeec" for c in cities["code"]],
        alpha=[
            palette.IN_SCOPE_ALPHA if c in scope else palette.OUT_OF_SCOPE_ALPHA
            for c in cities["code"]
        ],
        line_color=["#000000" if c in highlighted else "#9a9a9a" for c in cities["code"]],
        line_width=[3.0 if c in highlighted else 0.7 for c in cities["code"]],
    )
    polygons = MercatorPolygons(
        shown,
        vdims=["code", "name_zh", "name_en", "fill", "alpha", "line_color", "line_width"],
    ).opts(
        color="fill",
        fill_alpha="alpha",
        line_color="line_color",
        line_width="line_width",
        tools=["hover"],
        hover_tooltips=[(t("map.city", lang), "@{name_zh} · @{name_en}")],
    )
    points = _feature_points(lang, feature)
    layers = [polygons]
    for group_type, color, marker in (
        ("water_body", WATER_COLOR, "circle"),
        ("supervision_zone", ZONE_COLOR, "triangle"),
    ):
        own = points[points["group_type"] == group_type]
        layers.append(
            hv.Points(
                own,
                kdims=["x", "y"],
                vdims=["label", "name_zh", "name_en", "placement_text", "source", "size"],
                label=t(f"ecology.map.legend.{group_type}", lang),
            ).opts(
                color=color,
                marker=marker,
                size="size",
                line_color="#000000",
                tools=["hover"],
                hover_tooltips=[
                    (t(f"ecology.type.{group_type}", lang), "@{name_zh} · @{name_en}"),
                    (t("ecology.hover.placement", lang), "@{placement_text}"),
                    (t("chart.hover.source", lang), "@{source}"),
                ],
            )
        )
    labels = hv.Labels(points, kdims=["x", "y"], vdims=["label"]).opts(
        text_font_size="8pt",
        text_align="left",
        text_baseline="bottom",
        text_color="#1a1a1a",
        xoffset=4000,
        hooks=[halo],
    )
    xmin, ymin, xmax, ymax = cities.total_bounds
    pad = 0.04 * max(xmax - xmin, ymax - ymin)
    return hv.Overlay([*layers, labels]).opts(
        title=t("ecology.map.title", lang),
        fontsize={"title": "10.5pt"},
        xlim=(xmin - pad, xmax + pad),
        ylim=(ymin - pad, ymax + pad),
        data_aspect=1,
        responsive=True,
        min_height=420,
        xaxis=None,
        yaxis=None,
        legend_position="bottom_right",
        toolbar="right",  # beside the plot: above it, a long title leaves the tools no room
        default_tools=["save", "pan", "wheel_zoom", "reset"],
        hooks=[ready_to_save(export_filename("ecology_map", state, *[feature] * bool(feature)))],
    )


def _feature_points(lang: str, feature: str) -> pd.DataFrame:
    """The points in Web Mercator with what their label and hover say."""
    points = ecology.feature_points()
    projected = gpd.GeoSeries(
        gpd.points_from_xy(points["lon"], points["lat"]), crs="EPSG:4326"
    ).to_crs(_MERCATOR)
    titles = _source_titles(lang)
    is_water = points["group_type"] == "water_body"
    return points.assign(
        x=projected.x.to_numpy(),
        y=projected.y.to_numpy(),
        label=[
            f"{label}{WATER_MARK}" if water else label
            for label, water in zip(points[f"label_{lang}"], is_water, strict=True)
        ],
        name_zh=points["label_zh"],
        name_en=points["label_en"],
        placement_text=[t(f"ecology.placement.{p}", lang) for p in points["placement"]],
        source=[titles[s] for s in points["source_id"]],
        size=[18 if g == feature else 10 for g in points["group_id"]],
    )


def _clear_of_bar(plot, element) -> None:
    # A few pixels between the bar's end (or the floor's mark) and its text.
    plot.handles["glyph"].x_offset = 8


def _hatched(plot, element) -> None:
    # The goal's bar hatched: a target, not an observation (HoloViews has no hatch option).
    glyph = plot.handles["glyph"]
    glyph.hatch_pattern = Field("hatch")
    glyph.hatch_color = "#ffffff"
    glyph.hatch_scale = 8


def notes_html(lang: str) -> str:
    """What the reader needs to read the charts right: the red line is another indicator,
    the water bodies' points are not their positions, no outcome is tracked."""
    notes = [
        t("ecology.note.redline", lang),
        t("ecology.note.water_points", lang).format(mark=WATER_MARK),
        t("ecology.note.not_tracked", lang),
    ]
    items = "".join(f"<p>{html.escape(n)}</p>" for n in notes)
    return f'<div class="ycsp-ecology-notes" style="font-size:13px">{items}</div>'


def undated_html(state: ExplorerState, today: datetime.date) -> str:
    rows = timeline_rows(state, today)
    undated = rows[rows["deadline"].isna()]
    items = "".join(
        f"<li>{HIGHLIGHT_MARK * bool(r.highlighted)}{html.escape(r.scope)}："
        f"{html.escape(r.what)}</li>"
        if state.lang == "zh"
        else f"<li>{HIGHLIGHT_MARK * bool(r.highlighted)}{html.escape(r.scope)}: "
        f"{html.escape(r.what)}</li>"
        for r in undated.itertuples()
    )
    heading = t("ecology.undated.heading", state.lang).format(n=len(undated))
    return (
        f'<div style="font-size:13px"><strong>{html.escape(heading)}</strong><ul>{items}</ul></div>'
    )


def _table() -> LabelledTabulator:
    """A read-only table whose long texts wrap inside columns that fit the width."""
    return LabelledTabulator(
        show_index=False,
        disabled=True,
        selectable=False,
        layout="fit_columns",
        sizing_mode="stretch_width",
    )


def _fill(table: LabelledTabulator, frame: pd.DataFrame) -> None:
    # Long texts wrap (the column names change with the language).
    table.formatters = {column: {"type": "textarea"} for column in frame.columns}
    table.value = frame


class EcologyView(View):
    """Development intensity, the commitments on a timeline and in a table, and box 8 / box 9
    on a small map and in a table.

    Reads ``lang``, ``scope``, ``cities`` and ``feature`` of the state; choosing a water body or
    zone sets ``state.feature`` (the state highlights its members). ``today`` dates the
    commitments' status.
    """

    today = param.CalendarDate(default=None, doc="The date commitments are judged on")

    watches = (*WATCHED, "feature")

    def __init__(self, **params):
        params.setdefault("today", datetime.date.today())
        super().__init__(**params)
        self.param.watch(self._own_changed, ["today"])

    @property
    def feature(self) -> str:
        """The water body or zone chosen (the state's ``feature``; empty: none)."""
        return self.state.feature

    def _build(self) -> pn.viewable.Viewable:
        self._heading = pn.pane.HTML(sizing_mode="stretch_width")
        self._intensity = pn.pane.HoloViews(sizing_mode="stretch_width", linked_axes=False)
        self._timeline = pn.pane.HoloViews(sizing_mode="stretch_width", linked_axes=False)
        self._undated = pn.pane.HTML(sizing_mode="stretch_width")
        self._commitments = _table()
        self._chooser = pn.widgets.Select(sizing_mode="stretch_width")
        self._chooser.param.watch(self._on_choose, "value")
        self._map = pn.pane.HoloViews(
            sizing_mode="stretch_width", min_height=460, linked_axes=False
        )
        self._participation = _table()
        self._notes = pn.pane.HTML(sizing_mode="stretch_width")
        self.refresh({*WATCHED, "today", "feature"})
        return pn.Column(
            self._heading,
            self._intensity,
            self._timeline,
            self._undated,
            AriaMend(target=self._commitments, sizing_mode="stretch_width"),
            self._chooser,
            self._map,
            AriaMend(target=self._participation, sizing_mode="stretch_width"),
            self._notes,
            sizing_mode="stretch_width",
        )

    def _own_changed(self, *events) -> None:
        self.request_refresh(event.name for event in events)

    def _on_choose(self, event) -> None:
        self.state.feature = event.new or ""

    def refresh(self, changed: set[str]) -> None:
        state, lang, today = self.state, self.state.lang, self.today
        if "lang" in changed:
            self._heading.object = f"<h2>{html.escape(t('ecology.heading', lang))}</h2>"
            self._notes.object = notes_html(lang)
        self._timeline.object = timeline_element(state, today)
        self._undated.object = undated_html(state, today)
        _fill(self._commitments, commitments_table(state, today))
        self._commitments.aria_label = t("ecology.commitments.caption", lang)
        self._intensity.object = intensity_element(state)
        self._chooser.param.update(
            label=t("ecology.feature.label", lang),
            options=feature_options(lang),
            value=self.feature,
        )
        self._map.object = map_element(state, self.feature)
        _fill(self._participation, participation_table(state, self.feature))
        self._participation.aria_label = t("ecology.part.caption", lang)
