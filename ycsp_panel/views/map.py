"""The map: the 26 cities as a GeoViews choropleth that follows the explorer's state.

The geometry reaches the browser once per session (and again only when the language changes,
for the labels). Every other change — indicator, year, kind, colouring, scope, highlight,
overlays — patches a few columns of the Bokeh data source and a few renderer properties, which
plot hooks keep per session (FINDINGS: ≈1 KB and ≈75 ms per change instead of ≈250 KB and
≈500 ms for a redraw). No tile basemap: the app works offline.

Title, colour bar and key (colours, no data, highlight, scope, overlays) are drawn inside the
figure and patched like the rest, so a PNG from Bokeh's save tool explains itself; the same key
as HTML text stays on the page, visually hidden, for screen readers.
"""

from __future__ import annotations

import html
import math
from functools import cache

import geopandas as gpd
import holoviews as hv
import numpy as np
import pandas as pd
import panel as pn
import param
import shapely
from bokeh.core.property.vectorization import Field
from bokeh.core.property.vectorization import value as fixed
from bokeh.models import (
    BasicTicker,
    CDSView,
    ColorBar,
    ColumnDataSource,
    CustomJS,
    GlyphRenderer,
    HoverTool,
    IndexFilter,
    LegendItem,
    LinearColorMapper,
    LogColorMapper,
    LogTicker,
    MultiLine,
    MultiPolygons,
    NumeralTickFormatter,
    Patches,
    Quad,
    SaveTool,
    Scatter,
    TapTool,
    Text,
)

from ycsp_panel import data, export, numbers
from ycsp_panel.i18n import t
from ycsp_panel.state import (
    ALL,
    KIND_LABELS,
    OVERLAYS,
    ExplorerState,
    by_selection,
)
from ycsp_panel.views import palette
from ycsp_panel.views.base import View, sent_to_notebooks, weakly
from ycsp_panel.views.chart import (
    export_filename,
    figure_tools,
    format_number,
    key_legend,
    legend_columns,
    legend_label,
    source_below,
    use_canvas_font,
    wrapped_title,
)
from ycsp_panel.views.colouring import (
    categories_in_order,
    category_of,
    class_rows,
    uses_log,
    value_fills,
)
from ycsp_panel.views.mercator import MercatorPolygons

_MERCATOR = "EPSG:3857"
_COLUMNS = ("fill", "alpha", "line_color", "line_width", "hatch", "value_text", "category")
_HATCH = {"hatch_color": "#6b6b6b", "hatch_alpha": 0.8, "hatch_scale": 8}
_KEY_COLUMNS = ("label", "fill", "alpha", "hatch", "line_color", "line_width")
_HEIGHT = 700  # the canvas: toolbar, title, map and the key below it
_FADED = "#7f7f7f"  # the swatch of "outside the scope", drawn at the faded alpha
# The HTML key is for screen readers (the canvas has no text); the figure shows the same key.
SCREEN_READER_ONLY_CSS = """
:host { position: absolute !important; width: 1px !important; height: 1px !important;
        overflow: hidden !important; clip-path: inset(50%) !important; white-space: nowrap; }
"""


# Parts of a city smaller than this (m² in the map's projection, ≈ 0.75 km² on the ground at
# 30° N) are islets below the boundaries' own accuracy (simplified at ≈ 0.9 km): a pixel or
# less at the cluster's zoom, never hit by a click, yet 349 of the cities' 461 parts, and each
# part costs every session two arrays in the map's message and its own serialisation.
ISLET_M2 = 1e6


def without_islets(geometry, smallest: float = ISLET_M2):
    """``geometry`` without its polygon parts smaller than ``smallest`` (the largest part is
    always kept)."""
    parts = list(getattr(geometry, "geoms", [geometry]))
    kept = [p for p in parts if p.area >= smallest] or [max(parts, key=lambda p: p.area)]
    if len(kept) == len(parts):
        return geometry
    return kept[0] if len(kept) == 1 else shapely.MultiPolygon(kept)


@cache
def projected(level: str) -> gpd.GeoDataFrame:
    """Geometry of a level in Web Mercator, once per process (read-only: never mutate it).

    The provinces are context (most of their area lies outside the plan): simplified again
    (tolerance 3 km) as a coverage, so their shared borders still meet, at a fraction of the
    bytes. The cities are drawn without their islets (``ISLET_M2``).
    """
    frame = data.geometry(level).to_crs(_MERCATOR)
    if level == "province":
        frame["geometry"] = shapely.coverage_simplify(frame.geometry.values, 3000)
    if level == "city":
        frame["geometry"] = [without_islets(g) for g in frame.geometry]
    return frame


@cache
def _circle_outlines() -> gpd.GeoDataFrame:
    cities = projected("city").set_index("code")
    members = data.group_members("circle")
    names = data.entities().set_index("id")
    rows = []
    for circle, codes in members.groupby("group_id")["city_code"]:
        # A schematic outline: islets and sub-kilometre wiggles would add thousands of rings
        # (Zhoushan alone has 252 parts) and megabytes to every session.
        shape = cities.loc[list(codes)].union_all()
        parts = getattr(shape, "geoms", [shape])
        shape = shapely.MultiPolygon([p for p in parts if p.area > 50e6]).simplify(800)
        rows.append(
            {
                "group_id": circle,
                "name_zh": names.loc[circle, "name_zh"],
                "name_en": names.loc[circle, "name_en"],
                "geometry": shape.boundary,
            }
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=_MERCATOR)


@cache
def _belt_lines() -> gpd.GeoDataFrame:
    from shapely.geometry import LineString

    points = projected("city").set_index("code").geometry.representative_point()
    names = data.entities().set_index("id")
    rows = []
    for belt, route in data.belt_routes().groupby("belt_id"):
        line = LineString([points[c] for c in route.sort_values("position")["city_code"]])
        rows.append(
            {
                "group_id": belt,
                "name_zh": names.loc[belt, "name_zh"],
                "name_en": names.loc[belt, "name_en"],
                "geometry": line,
            }
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=_MERCATOR)


# The line overlays, drawn as one Bokeh MultiLine each (with a colour per line), not as
# HoloViews paths: eleven HoloViews elements cost every session ≈ 120 Bokeh models and their
# plot set-up, for lines that never change.
_LINE_STYLES = {
    "provinces": {"line_width": 1.6},
    "circles": {"line_width": 3, "line_dash": "dashed"},
    "belts": {"line_width": 4, "line_alpha": 0.8},
    "county_cities": {"line_width": 1, "line_dash": "dotted"},
}


def _parts(geometry) -> list[np.ndarray]:
    lines = getattr(geometry, "geoms", [geometry])
    return [np.asarray(line.coords) for line in lines if not line.is_empty]


@cache
def context_patches() -> dict[str, list]:
    """The provinces as the map's grey ground: per province one array of its outer rings
    separated by NaN (Web Mercator, float32), once per process (read-only). Drawn as one Bokeh
    ``Patches`` under the cities: they carry no hover, and holes do not show under one fill."""
    xs, ys = [], []
    for geometry in projected("province").geometry:
        rings = [np.asarray(p.exterior.coords) for p in getattr(geometry, "geoms", [geometry])]
        gap = np.full((1, 2), np.nan)
        joined = np.concatenate([x for ring in rings for x in (ring[:, :2], gap)][:-1])
        xs.append(joined[:, 0].astype(np.float32))
        ys.append(joined[:, 1].astype(np.float32))
    return {"xs": xs, "ys": ys}


@cache
def point_layers() -> dict[str, dict[str, np.ndarray]]:
    """The map's points, once per process (read-only: never mutate it): where each city's
    name is written (``names``: x, y, in the order of ``projected("city")``) and the
    hazardous-chemical supervision zones of box 9 (``zones``: x, y and both names). Drawn as
    plain Bokeh glyphs in the figure, not as HoloViews elements (two sub-plots fewer a
    session)."""
    cities = projected("city")
    points = cities.geometry.representative_point()
    counties = projected("county")
    zones = counties[counties["role"].str.contains("box9_zone")]
    zone_points = zones.geometry.representative_point()
    return {
        "names": {
            "x": points.x.to_numpy(np.float32),
            "y": points.y.to_numpy(np.float32),
        },
        "zones": {
            "x": zone_points.x.to_numpy(np.float32),
            "y": zone_points.y.to_numpy(np.float32),
            "name_zh": zones["name_zh"].to_numpy(),
            "name_en": zones["name_en"].to_numpy(),
        },
    }


# City names are placed apart once per process and language, at the map's drawing width on a
# 1366-px screen (and, in proportion, at the presentation's larger type): the name boxes as
# drawn there (characters × their width at 9 pt, plus the halo) must not overlap. A name moves
# a few pixels from its city's representative point (screen offsets, so zooming in spreads
# the names further), the largest cities first.
LABEL_FRAME_PX = 560
LABEL_CHAR_PX = {"zh": 12.0, "en": 6.6}
LABEL_BOX_PAD_PX = (8.0, 6.0)  # the halo around the text (width, height)
LABEL_LINE_PX = 13.0
LABEL_MOVES_PX = tuple(
    (dx, dy) for dy in (0, 9, -9, 16, -16, 23, -23) for dx in (0, 14, -14, 26, -26)
)


def _label_box(x: float, y: float, text: str, lang: str) -> tuple[float, float, float, float]:
    half_w = (len(text) * LABEL_CHAR_PX[lang] + LABEL_BOX_PAD_PX[0]) / 2
    half_h = (LABEL_LINE_PX + LABEL_BOX_PAD_PX[1]) / 2
    return x - half_w, y - half_h, x + half_w, y + half_h


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def label_positions_px(lang: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The names' anchor points in screen px at :data:`LABEL_FRAME_PX` (y downwards), and
    the names, in the order of ``projected("city")``."""
    cities = projected("city")
    points = point_layers()["names"]
    xmin, ymin, xmax, ymax = cities.total_bounds
    pad = 0.04 * max(xmax - xmin, ymax - ymin)
    per_px = (xmax - xmin + 2 * pad) / LABEL_FRAME_PX
    x = (points["x"].astype(float) - (xmin - pad)) / per_px
    y = ((ymax + pad) - points["y"].astype(float)) / per_px
    return x, y, cities[f"name_{lang}"].tolist()


@cache
def label_offsets(lang: str) -> tuple[np.ndarray, np.ndarray]:
    """Screen offsets (px; x right, y down) that keep the city names of ``lang`` apart at
    :data:`LABEL_FRAME_PX`; once per process and language (read-only)."""
    x, y, names = label_positions_px(lang)
    area = projected("city").geometry.area.to_numpy()
    dx, dy = np.zeros(len(names)), np.zeros(len(names))
    placed: list[tuple[float, float, float, float]] = []
    for i in np.argsort(-area, kind="stable"):
        best, best_cost = (0.0, 0.0), math.inf
        for mx, my in LABEL_MOVES_PX:
            box = _label_box(x[i] + mx, y[i] + my, names[i], lang)
            cost = sum(_overlap(box, other) for other in placed)
            if cost < best_cost:
                best, best_cost = (mx, my), cost
            if cost == 0:
                break
        dx[i], dy[i] = best
        placed.append(_label_box(x[i] + best[0], y[i] + best[1], names[i], lang))
    dx.setflags(write=False)
    dy.setflags(write=False)
    return dx, dy


def label_overlaps(lang: str, offsets: bool = True) -> list[tuple[str, str]]:
    """The pairs of city names whose boxes overlap at :data:`LABEL_FRAME_PX`."""
    x, y, names = label_positions_px(lang)
    if offsets:
        dx, dy = label_offsets(lang)
        x, y = x + dx, y + dy
    boxes = [_label_box(x[i], y[i], names[i], lang) for i in range(len(names))]
    return [
        (names[i], names[j])
        for i in range(len(boxes))
        for j in range(i + 1, len(boxes))
        if _overlap(boxes[i], boxes[j]) > 0
    ]


@cache
def line_layers() -> dict[str, dict[str, list]]:
    """Per line overlay: the ``xs``, ``ys`` and ``color`` of each of its lines (Web
    Mercator), once per process (read-only: never mutate it)."""
    provinces = projected("province")
    counties = projected("county")
    table1 = counties[counties["role"].str.contains("table1_county_city")]
    # (geometry, colour, group): each circle and belt has a colour of its own (its key entry).
    groups = {
        "provinces": [(g, "#3d3d3d", "") for g in provinces.boundary],
        "circles": [
            (r.geometry, palette.CIRCLE[r.group_id], r.group_id)
            for r in _circle_outlines().itertuples()
        ],
        "belts": [
            (r.geometry, palette.BELT[r.group_id], r.group_id) for r in _belt_lines().itertuples()
        ],
        "county_cities": [(g, "#444444", "") for g in table1.boundary],
    }
    layers = {}
    for name, lines in groups.items():
        # One array per colour, its parts separated by NaN (a break in the line): a few
        # arrays instead of thousands, each of which costs the page a JSON header.
        by_color: dict[str, list[np.ndarray]] = {}
        group_of: dict[str, str] = {}
        for geometry, color, group in lines:
            by_color.setdefault(color, []).extend(_parts(geometry))
            group_of[color] = group
        layers[name] = {"xs": [], "ys": [], "color": [], "group": []}
        for color, parts in by_color.items():
            gap = np.full((1, 2), np.nan)
            joined = np.concatenate([x for part in parts for x in (part[:, :2], gap)][:-1])
            layers[name]["xs"].append(joined[:, 0].astype(np.float32))
            layers[name]["ys"].append(joined[:, 1].astype(np.float32))
            layers[name]["color"].append(color)
            layers[name]["group"].append(group_of[color])
    return layers


@cache
def line_rows() -> dict[str, list]:
    """Every line overlay's lines as the rows of one data source (Web Mercator, float32), once
    per process (read-only): ``xs``, ``ys``, ``color``, ``width``, ``dash`` and ``shown_alpha``
    (the line's alpha while its overlay is drawn), ``overlay``, the overlay a row belongs
    to, and ``group``, the circle or belt it outlines (empty for the others). One glyph draws
    them all; an overlay shows or hides by its rows' alpha, so the map needs one renderer and
    one source for the four overlays instead of four of each (each Bokeh model costs every
    session its making, its sending and every walk of the document)."""
    rows: dict[str, list] = {k: [] for k in ("xs", "ys", "color", "width", "dash", "shown_alpha")}
    rows["overlay"], rows["group"] = [], []
    for name, columns in line_layers().items():
        style = _LINE_STYLES[name]
        lines = zip(columns["xs"], columns["ys"], columns["color"], columns["group"], strict=True)
        for xs, ys, color, group in lines:
            rows["group"].append(group)
            rows["xs"].append(xs)
            rows["ys"].append(ys)
            rows["color"].append(color)
            rows["width"].append(style["line_width"])
            rows["dash"].append(style.get("line_dash", "solid"))
            rows["shown_alpha"].append(style.get("line_alpha", 1.0))
            rows["overlay"].append(name)
    return rows


def _source_titles(lang: str) -> dict[str, str]:
    return data.sources().set_index("id")[f"title_{lang}"].to_dict()


def format_value(value: float, qualifier: str, unit_text: str, unit: str = "") -> str:
    """``≈ 1,059 10k persons``: the number to its unit's precision (:mod:`numbers`)."""
    prefix = "" if qualifier == "=" else f"{qualifier} "
    return f"{prefix}{numbers.quantity(value, unit)} {unit_text}"


@by_selection("lang", "indicator", "year", "kind", "color_by", "scale", "scope", "cities")
def map_styles(state: ExplorerState) -> pd.DataFrame:
    """Per city code: fill, alpha, outline, hatch and the hover's value text, for a state.

    A pure function of the state and the data, once per process and view: the views only copy
    it into the plot.
    """
    cities = data.cities().set_index("code")
    lang = state.lang
    indicator = data.indicators().set_index("id").loc[state.indicator]
    unit_text = indicator[f"unit_{lang}"]
    rows = data.values()
    rows = (
        rows[
            (rows["indicator"] == state.indicator)
            & (rows["year"] == state.year)
            & (rows["kind"] == state.kind)
            & rows["entity_id"].isin(cities.index)
        ]
        .drop_duplicates("entity_id")
        .set_index("entity_id")
    )
    titles = _source_titles(lang)

    styles = pd.DataFrame(index=cities.index)
    styles["value"] = rows["value"].reindex(styles.index)
    missing = styles["value"].isna()
    styles["value_text"] = [
        t("map.no_data", lang)
        if pd.isna(value)
        else format_value(value, rows.loc[code, "qualifier"], unit_text, indicator["unit"])
        for code, value in styles["value"].items()
    ]
    styles["source"] = [
        "" if code not in rows.index else titles.get(rows.loc[code, "source_id"], "")
        for code in styles.index
    ]
    styles["quality"] = [
        "" if code not in rows.index else t(f"quality.{rows.loc[code, 'quality']}", lang)
        for code in styles.index
    ]
    if state.color_by == "value":
        styles["fill"] = value_fills(styles["value"], state.scale)
        styles["category"] = styles["key"] = ""
        styles["hatch"] = np.where(missing, "x", " ")
    else:
        categories = category_of(state.color_by, lang)
        styles["fill"] = categories["fill"]
        styles["category"] = categories["category"]
        styles["key"] = categories["key"]
        styles["hatch"] = " "
    in_scope = styles.index.isin(state.scope_cities)
    styles["alpha"] = np.where(in_scope, palette.IN_SCOPE_ALPHA, palette.OUT_OF_SCOPE_ALPHA)
    highlighted = styles.index.isin(state.cities)
    styles["line_color"] = np.where(highlighted, "#000000", "#ffffff")
    styles["line_width"] = np.where(highlighted, 3.0, 0.7)
    styles["kind_text"] = f"{state.year} · {KIND_LABELS[state.kind][lang]}"
    return styles


def map_title(state: ExplorerState) -> str:
    """The title drawn in the figure: indicator, year, kind and unit, or the colouring."""
    lang = state.lang
    if state.color_by == "value":
        indicator = data.indicators().set_index("id").loc[state.indicator]
        title = t("chart.title", lang).format(
            indicator=indicator[f"name_{lang}"],
            unit=indicator[f"unit_{lang}"],
            year=state.year,
            kind=KIND_LABELS[state.kind][lang],
        )
        return f"{title} · {t(f'map.scale.{state.scale}', lang)}"
    return f"{t(f'map.color_by.{state.color_by}', lang)}\n{t('map.title', lang)}"


@by_selection("lang", "indicator", "year", "kind", "color_by")
def map_source_line(state: ExplorerState) -> str:
    """The map's sources as its PNG gives them, once per process and view: those of the
    values it colours the 26 cities by (all of them, whatever the scope); for a categorical
    colouring the plan (whose structure it draws) and the boundaries; for status the plan's
    Table 3 and the 2020 census."""
    if state.color_by == "value":
        values = data.values()
        shown = values[
            (values["indicator"] == state.indicator)
            & (values["year"] == state.year)
            & (values["kind"] == state.kind)
            & values["entity_id"].isin(data.cities()["code"])
        ]
        return export.source_line(shown, state.lang)
    what = "png.source.status" if state.color_by == "status" else "png.source.plan"
    return t("png.source.one", state.lang).format(title=t(what, state.lang))


def map_filename(state: ExplorerState) -> str:
    """The map's PNG name: ``ycsp_map_population_2020_target_zh``, ``ycsp_map_by_province_en``."""
    if state.color_by == "value":
        return export_filename("map", state, state.indicator, str(state.year), state.kind)
    return export_filename("map", state, "by", state.color_by)


def class_labels(styles: pd.DataFrame, lang: str) -> list[tuple[str, str]]:
    """The quantile classes of the styles' values as the key names them, with their fill:
    ``("870–2,500 (5 cities)", "#FFE945")``, lowest first."""
    return [
        (
            t("map.class", lang).format(
                low=format_number(row.low), high=format_number(row.high), n=row.n
            ),
            row.fill,
        )
        for row in class_rows(styles["value"]).itertuples()
    ]


def legend_rows(state: ExplorerState, styles: pd.DataFrame) -> pd.DataFrame:
    """The swatches of the key drawn in the figure: the categories (for a categorical
    colouring) or the hatched no-data swatch (for values, when a city has none), then the
    highlight outline and the fading of cities outside the scope (when there are such)."""
    lang = state.lang

    def swatch(label: str, fill: str, **look) -> dict:
        plain = {"alpha": palette.IN_SCOPE_ALPHA, "hatch": " ", "line_color": "#888888"}
        label = legend_label(label, lang)
        return {"label": label, "fill": fill, **plain, "line_width": 0.5, **look}

    if state.color_by == "value":
        rows = []
        if state.scale == "quantile":
            for label, fill in class_labels(styles, lang):
                rows.append(swatch(label, fill))
        n_missing = int(styles["value"].isna().sum())
        if n_missing:
            label = f"{t('map.no_data', lang)} ({n_missing})"
            rows.append(swatch(label, palette.NO_DATA, hatch="x"))
    else:
        categories = categories_in_order(state.color_by, styles)
        rows = [swatch(row.category, row.fill) for row in categories.itertuples()]
    if state.cities:
        label = t("export.highlighted", lang)
        rows.append(swatch(label, "#ffffff", alpha=0.0, line_color="#000000", line_width=3.0))
    if state.scope != ALL:
        group = state.scope.partition(":")[2]
        name = data.entity_names().set_index("id").loc[group, f"name_{lang}"]
        label = t("export.outside_scope", lang).format(scope=name)
        rows.append(swatch(label, _FADED, alpha=palette.OUT_OF_SCOPE_ALPHA))
    return pd.DataFrame.from_records(rows, columns=list(_KEY_COLUMNS))


def legend_html(state: ExplorerState, styles: pd.DataFrame) -> str:
    """The map's key as HTML text (escaped), in the state's language."""
    lang = state.lang
    indicator = data.indicators().set_index("id").loc[state.indicator]
    parts = []
    if state.color_by == "value":
        title = (
            f"{indicator[f'name_{lang}']} ({indicator[f'unit_{lang}']}), "
            f"{state.year} · {KIND_LABELS[state.kind][lang]} · "
            f"{t(f'map.scale.{state.scale}', lang)}"
        )
        parts.append(f'<div class="ycsp-legend-title">{html.escape(title)}</div>')
        low, high = styles["value"].min(), styles["value"].max()
        if state.scale == "quantile":
            for label, fill in class_labels(styles, lang):
                parts.append(
                    f'<div class="ycsp-swatch-row"><span class="ycsp-swatch" '
                    f'style="background:{fill}"></span>{html.escape(label)}</div>'
                )
        elif not math.isnan(low):
            steps = [palette.value_color(low + (high - low) * i / 6, low, high) for i in range(7)]
            parts.append(
                f'<div class="ycsp-gradient" style="background: linear-gradient(to right, '
                f'{", ".join(steps)});"></div><div class="ycsp-gradient-ticks"><span>'
                f"{html.escape(format_number(low))}</span><span>{html.escape(format_number(high))}"
                "</span></div>"
            )
        n_missing = int(styles["value"].isna().sum())
        if n_missing:
            parts.append(
                '<div class="ycsp-swatch-row"><span class="ycsp-swatch ycsp-hatched"></span>'
                f"{html.escape(t('map.no_data', lang))} ({n_missing})</div>"
            )
    else:
        title = t(f"map.color_by.{state.color_by}", lang)
        parts.append(f'<div class="ycsp-legend-title">{html.escape(title)}</div>')
        for row in categories_in_order(state.color_by, styles).itertuples():
            parts.append(
                f'<div class="ycsp-swatch-row"><span class="ycsp-swatch" '
                f'style="background:{row.fill}"></span>{html.escape(row.category)}</div>'
            )
    parts.append(f'<div class="ycsp-legend-note">{html.escape(t("map.legend_scope", lang))}</div>')
    return "".join(parts)


LEGEND_CSS = """
.ycsp-legend-title { font-weight: 600; margin-bottom: 4px; }
.ycsp-gradient { height: 12px; border-radius: 2px; }
.ycsp-gradient-ticks { display: flex; justify-content: space-between; font-size: 12px; }
.ycsp-swatch-row { display: flex; align-items: center; gap: 6px; font-size: 13px; }
.ycsp-swatch { width: 14px; height: 14px; display: inline-block; border: 1px solid #888; }
.ycsp-hatched { background: repeating-linear-gradient(45deg, #d9d9d9 0 3px, #7a7a7a 3px 4px); }
.ycsp-legend-note { font-size: 12px; color: #555; margin-top: 4px; }
"""


def _colour_bar(text_size: str = "9pt") -> ColorBar:
    """The value colouring's scale, horizontal under the map; its range is patched in."""
    return ColorBar(
        color_mapper=LinearColorMapper(palette=palette.SCALE, nan_color=palette.NO_DATA),
        orientation="horizontal",
        location="top_left",
        width=260,
        height=12,
        padding=4,
        margin=6,
        title_text_font_size=text_size,
        title_text_font_style="normal",
        major_label_text_font_size=text_size,
        ticker=BasicTicker(desired_num_ticks=5),
        formatter=NumeralTickFormatter(format="0,0"),
        background_fill_alpha=0,
    )


SHOW_ANSWER_JS = """
if (!window.matchMedia("(max-width: 900px)").matches || cb_obj.indices.length === 0) return;
const find = (root) => {
  const here = root.querySelector(".ycsp-answer");
  if (here) return here;
  for (const el of root.querySelectorAll("*")) {
    if (el.shadowRoot) { const deep = find(el.shadowRoot); if (deep) return deep; }
  }
  return null;
};
const answer = find(document);
if (answer) { answer.scrollIntoView({block: "start"}); }
"""

# A translucent white box keeps names legible on dark and light fills alike.
HALO = {
    "background_fill_color": "white",
    "background_fill_alpha": 0.7,
    "border_radius": 3,
    "padding": 1,
}


def halo(plot, element) -> None:
    plot.handles["glyph"].update(**HALO)


class CityMap(View):
    """The 26 cities coloured by the state's indicator or category; click to highlight.

    Receives the state; reads no file. Usable alone: ``CityMap(state=ExplorerState())``.
    """

    large_type = param.Boolean(
        default=False, doc="Type for a projector: larger names, title and key (presentation)"
    )
    canvas_height = param.Integer(
        default=_HEIGHT, bounds=(300, None), doc="The canvas' height in px (toolbar, map, key)"
    )

    watches = (
        "indicator",
        "year",
        "kind",
        "color_by",
        "scale",
        "scope",
        "cities",
        "overlays",
        "lang",
    )

    def __init__(self, **params):
        super().__init__(**params)
        self._codes = list(projected("city")["code"])
        self._handles: dict[str, dict] = {}

    def _build(self) -> pn.viewable.Viewable:
        styles = map_styles(self.state)
        self._pane = pn.pane.HoloViews(
            self._element(),
            sizing_mode="stretch_width",
            height=self.canvas_height,
            margin=0,
            linked_axes=False,
        )
        self._legend = pn.pane.HTML(
            legend_html(self.state, styles),
            stylesheets=[LEGEND_CSS, SCREEN_READER_ONLY_CSS],
            sizing_mode="stretch_width",
            margin=0,
        )
        return pn.Column(self._pane, self._legend, sizing_mode="stretch_width")

    def refresh(self, changed: set[str]) -> None:
        if "lang" in changed:  # names and labels are drawn in the figure: draw it again
            self._relabel()
            return
        if changed - {"overlays"}:
            self._restyle()
        if "overlays" in changed:
            self._show_overlays()

    # -- building, once per session (and per language) --------------------------------------

    def _element(self) -> hv.Overlay:
        cities = projected("city")
        polygons = MercatorPolygons(
            cities[["geometry", "code", "name_zh", "name_en", "province_zh", "province_en"]],
            vdims=["code", "name_zh", "name_en", "province_zh", "province_en"],
        ).opts(
            tools=["hover", "tap"],
            hooks=[weakly(self._hook_cities)],
            color=palette.NO_DATA,  # drawn from our style columns (the hook): no colour mapper
            line_color="white",
        )
        self._selection = hv.streams.Selection1D(source=polygons)
        self._selection.param.watch(self._on_tap, "index")

        xmin, ymin, xmax, ymax = cities.total_bounds
        pad = 0.04 * max(xmax - xmin, ymax - ymin)
        return hv.Overlay([polygons]).opts(
            title="",
            xlim=(xmin - pad, xmax + pad),
            ylim=(ymin - pad, ymax + pad),
            responsive=True,
            data_aspect=1,
            xaxis=None,
            yaxis=None,
            toolbar="above",
            active_tools=["wheel_zoom", "tap"],
            hooks=[weakly(self._hook_figure)],
        )

    def _hook_cities(self, plot, element) -> None:
        handles = self._handles["cities"] = {
            "source": plot.handles["source"],
            "glyph": plot.handles["glyph"],
            "renderer": plot.handles["glyph_renderer"],
            "hover": plot.handles.get("hover"),
        }
        renderer, glyph = handles["renderer"], handles["glyph"]
        # Our own style columns drive the glyph; the selection must not restyle anything.
        renderer.selection_glyph = None
        renderer.nonselection_glyph = None
        glyph.fill_color = Field("ycsp_fill")
        glyph.fill_alpha = Field("ycsp_alpha")
        glyph.line_color = Field("ycsp_line_color")
        glyph.line_width = Field("ycsp_line_width")
        glyph.hatch_pattern = Field("ycsp_hatch")
        glyph.hatch_color = "#6b6b6b"
        glyph.hatch_alpha = 0.8
        glyph.hatch_scale = 8
        for tool in figure_tools(plot.state, TapTool):
            tool.mode = "replace"  # a click replaces the highlight, shift-click adds to it
            tool.renderers = [renderer]  # only cities: a tap must not fade the other layers
        handles["source"].data.update(self._columns(map_styles(self.state)))
        handles["source"].selected.indices = self._indices(self.state.cities)
        # On a phone the answer box is above the map, out of sight once the map is: a tap
        # brings it into view (in the browser, at once; its text follows from the server).
        handles["source"].selected.js_on_change("indices", CustomJS(code=SHOW_ANSWER_JS))
        # The highlight again as outlines on top, on the same source: drawn in source order,
        # a neighbour's edge would otherwise cover part of a highlighted city's outline.
        handles["highlight"] = IndexFilter(indices=self._indices(self.state.cities))
        handles["highlight_renderer"] = plot.state.add_glyph(
            handles["source"],
            MultiPolygons(xs="xs", ys="ys", fill_alpha=0, line_color="#000000", line_width=3),
            view=CDSView(filter=handles["highlight"]),
        )
        if handles["hover"] is not None:
            handles["hover"].tooltips = self._tooltips()

    def _hook_figure(self, plot, element) -> None:
        """Highlight above the overlays; title, colour bar and key inside the figure."""
        figure = plot.state
        highlight = self._handles["cities"]["highlight_renderer"]
        cities = self._handles["cities"]["renderer"]
        rows = line_rows()
        line_source = ColumnDataSource(
            data={
                **{k: rows[k] for k in ("xs", "ys", "color", "width", "dash")},
                "alpha": self._line_alpha(),
            }
        )
        line_renderer = GlyphRenderer(
            data_source=line_source,
            glyph=MultiLine(
                xs="xs",
                ys="ys",
                line_color=Field("color"),
                line_width=Field("width"),
                line_dash=Field("dash"),
                line_alpha=Field("alpha"),
            ),
        )
        self._handles["lines"] = {"renderer": line_renderer, "source": line_source}
        for name in dict.fromkeys(rows["overlay"]):
            first = rows["overlay"].index(name)
            self._handles[name] = {"renderers": [line_renderer], "first_row": first}
        lines = [line_renderer]
        points = point_layers()
        zones = GlyphRenderer(
            data_source=ColumnDataSource(data=dict(points["zones"])),
            glyph=Scatter(
                x="x", y="y", marker="triangle", size=11, fill_color="#CC79A7", line_color="black"
            ),
            visible="zones" in self.state.overlays,
        )
        zone_hover = HoverTool(renderers=[zones], tooltips=self._zone_tooltips())
        figure.add_tools(zone_hover)
        self._handles["zones"] = {"renderers": [zones], "hover": zone_hover}
        labels = GlyphRenderer(
            data_source=ColumnDataSource(data={**points["names"], **self._label_columns()}),
            glyph=Text(
                x="x",
                y="y",
                text="label",
                x_offset=Field("dx"),
                y_offset=Field("dy"),
                text_font_size=self._type("9pt", "12pt"),
                text_color="#1a1a1a",
                text_align="center",
                text_baseline="middle",
                **HALO,
            ),
        )
        self._handles["labels"] = {"source": labels.data_source}
        ground = GlyphRenderer(
            data_source=ColumnDataSource(data=dict(context_patches())),
            glyph=Patches(
                xs="xs", ys="ys", fill_color="#f4f4f2", line_color="#b0b0b0", line_width=0.8
            ),
        )
        # The provinces' ground under the cities; over them the lines and the zones, then
        # the highlight outlines; the names on top.
        others = [r for r in figure.renderers if r is not highlight]
        at = others.index(cities) + 1
        figure.renderers = [
            ground,
            *others[:at],
            *lines,
            zones,
            *others[at:],
            highlight,
            labels,
        ]

        figure.title.text_font_size = self._type("10.5pt", "15pt")
        # The key's swatches: a glyph that draws nothing on the map (NaN corners) but one
        # legend entry per row of its own small source, with that row's fill, hatch and line.
        key_source = ColumnDataSource(data={c: [] for c in _KEY_COLUMNS})
        swatches = figure.add_glyph(
            key_source,
            Quad(
                left=math.nan,
                right=math.nan,
                bottom=math.nan,
                top=math.nan,
                fill_color=Field("fill"),
                fill_alpha=Field("alpha"),
                hatch_pattern=Field("hatch"),
                line_color=Field("line_color"),
                line_width=Field("line_width"),
                **_HATCH,
            ),
        )
        colorbar = _colour_bar(self._type("9pt", "12pt"))
        # The overlays, each shown by its first line or marker, while it is drawn; the circles
        # and the belts one entry per outline or line, in its colour, so the key says which
        # is which (keys ``circles:<id>``).
        overlay_items = {}
        for name in OVERLAYS:
            if not self._handles.get(name, {}).get("renderers"):
                continue
            entries = (
                [
                    (f"{name}:{g}", i)
                    for i, g in enumerate(rows["group"])
                    if rows["overlay"][i] == name
                ]
                if name in ("circles", "belts")
                else [(name, self._handles[name].get("first_row", 0))]
            )
            for key, index in entries:
                overlay_items[key] = LegendItem(
                    label=fixed(self._overlay_label(key)),
                    renderers=self._handles[name]["renderers"][:1],
                    index=index,
                    visible=name in self.state.overlays,
                )
        # The key's swatches are wider than the chart's: hatching and outlines must show.
        legend = key_legend(
            [LegendItem(label=Field("label"), renderers=[swatches]), *overlay_items.values()],
            glyph_height=self._type(13, 17),
            glyph_width=self._type(18, 24),
            label_text_font_size=self._type("9pt", "12pt"),
            label_height=self._type(14, 19),
        )
        figure.add_layout(colorbar, "below")
        figure.add_layout(legend, "below")
        self._handles["figure"] = {
            "figure": figure,
            "key_source": key_source,
            "legend": legend,
            "mapper": colorbar.color_mapper,
            "log_mapper": LogColorMapper(palette=palette.SCALE, nan_color=palette.NO_DATA),
            "ticker": colorbar.ticker,
            "log_ticker": LogTicker(desired_num_ticks=5),
            "colorbar": colorbar,
            "overlay_items": overlay_items,
            "save": figure_tools(figure, SaveTool),
        }
        self._update_key(map_styles(self.state))
        use_canvas_font(figure)

    def _overlay_label(self, key: str) -> str:
        """An overlay's key entry: its name, or a circle's or belt's (``circles:<id>``)."""
        lang = self.state.lang
        name, _, group = key.partition(":")
        if group:
            text = (
                data.entity_names().drop_duplicates("id").set_index("id").loc[group, f"name_{lang}"]
            )
        else:
            text = t(f"controls.overlay.{name}", lang)
        return legend_label(text, lang)

    def _type(self, normal, large):
        """A size for the canvas' text: ``large`` on a projector (``large_type``)."""
        return large if self.large_type else normal

    def _zone_tooltips(self) -> list[tuple[str, str]]:
        return [(t("map.zone_point", self.state.lang), "@{name_zh} · @{name_en}")]

    def _label_columns(self) -> dict[str, list]:
        """The names in the state's language and their offsets (kept apart; in proportion
        for large type)."""
        dx, dy = label_offsets(self.state.lang)
        scale = self._type(1.0, 4 / 3)
        return {"label": self._names(), "dx": (dx * scale).tolist(), "dy": (dy * scale).tolist()}

    def _names(self) -> list[str]:
        names = projected("city").set_index("code")[f"name_{self.state.lang}"]
        return names.reindex(self._codes).tolist()

    # -- updates: patch, never redraw ------------------------------------------------------

    def _columns(self, styles: pd.DataFrame) -> dict[str, list]:
        """The style columns in the order of the plot's data source."""
        styles = styles.reindex(self._source_codes())
        columns = {f"ycsp_{c}": styles[c].tolist() for c in _COLUMNS}
        columns["ycsp_source"] = styles["source"].tolist()
        columns["ycsp_quality"] = styles["quality"].tolist()
        columns["ycsp_kind"] = styles["kind_text"].tolist()
        return columns

    def _source_codes(self) -> list[str]:
        handles = self._handles.get("cities")
        return list(handles["source"].data["code"]) if handles else self._codes

    def _indices(self, codes: list[str]) -> list[int]:
        order = self._source_codes()
        return [order.index(c) for c in codes if c in order]

    def _tooltips(self) -> list[tuple[str, str]]:
        lang = self.state.lang
        rows = [
            (t("map.city", lang), "@{name_zh} · @{name_en}"),
            (t("map.province", lang), "@{province_zh} · @{province_en}"),
            (t("map.value", lang), "@{ycsp_value_text}"),
            (t("map.when", lang), "@{ycsp_kind}"),
            (t("map.source", lang), "@{ycsp_source}"),
            (t("map.quality", lang), "@{ycsp_quality}"),
        ]
        if self.state.color_by != "value":
            rows.insert(2, (t(f"map.color_by.{self.state.color_by}", lang), "@{ycsp_category}"))
        return rows

    def _restyle(self) -> None:
        styles = map_styles(self.state)
        columns = self._columns(styles)
        handles = self._handles.get("cities")
        with pn.io.hold():
            if handles is not None:
                source = handles["source"]
                # Only the columns that changed travel: a new scope sends just the alphas.
                changed = {k: v for k, v in columns.items() if list(source.data.get(k, [])) != v}
                if changed:
                    source.data.update(changed)
                tooltips = self._tooltips()
                if handles["hover"] is not None and handles["hover"].tooltips != tooltips:
                    handles["hover"].tooltips = tooltips
                indices = self._indices(self.state.cities)
                handles["highlight"].indices = indices
                if list(handles["source"].selected.indices) != indices:
                    handles["source"].selected.indices = indices
            self._update_key(styles)
            self._legend.object = legend_html(self.state, styles)

    def _update_key(self, styles: pd.DataFrame) -> None:
        """Title, file name, colour bar and key of the figure for the state: a few properties
        and one small source, patched (only what changed travels)."""
        handles = self._handles.get("figure")
        if handles is None:
            return
        state, lang = self.state, self.state.lang
        handles["figure"].title.text = wrapped_title(map_title(state))
        source_below(handles["figure"], map_source_line(state))
        for tool in handles["save"]:
            tool.filename = map_filename(state)
        rows = legend_rows(state, styles)
        columns = {c: rows[c].tolist() for c in _KEY_COLUMNS}
        source = handles["key_source"]
        if {c: list(v) for c, v in source.data.items()} != columns:
            source.data = columns
        self._fit_legend()
        colorbar = handles["colorbar"]
        low, high = styles["value"].min(), styles["value"].max()
        # Quantile classes are the key's swatches; linear and log scales a colour bar.
        colorbar.visible = (
            state.color_by == "value" and state.scale != "quantile" and not math.isnan(low)
        )
        if colorbar.visible:
            if high <= low:  # one value: the middle of the scale, as value_color draws it
                low, high = low - 0.5, high + 0.5
            log = uses_log(styles["value"], state.scale)
            mapper = handles["log_mapper" if log else "mapper"]
            if colorbar.color_mapper is not mapper:
                colorbar.color_mapper = mapper
                colorbar.ticker = handles["log_ticker" if log else "ticker"]
            mapper.update(low=float(low), high=float(high))
            unit = data.indicators().set_index("id").loc[state.indicator, f"unit_{lang}"]
            colorbar.title = unit
            colorbar.formatter.format = "0.[0]a" if high >= 1e6 else "0,0.[0]"

    def _fit_legend(self) -> None:
        """The key shows when it has entries, in two columns when they are short."""
        handles = self._handles["figure"]
        labels = list(handles["key_source"].data["label"])
        labels += [item.label.value for item in handles["overlay_items"].values() if item.visible]
        handles["legend"].visible = bool(labels)
        handles["legend"].ncols = legend_columns(labels)

    def _line_alpha(self) -> list[float]:
        """The line rows' alpha: their own while their overlay is drawn, else 0."""
        rows, shown = line_rows(), set(self.state.overlays)
        return [
            alpha if name in shown else 0.0
            for alpha, name in zip(rows["shown_alpha"], rows["overlay"], strict=True)
        ]

    def _show_overlays(self) -> None:
        with pn.io.hold():
            lines = self._handles.get("lines")
            if lines is not None:
                alpha = self._line_alpha()
                if list(lines["source"].data["alpha"]) != alpha:
                    lines["source"].data.update(alpha=alpha)
            for renderer in self._handles.get("zones", {}).get("renderers", []):
                renderer.visible = "zones" in self.state.overlays
            if "figure" in self._handles:
                for key, item in self._handles["figure"]["overlay_items"].items():
                    item.visible = key.partition(":")[0] in self.state.overlays
                self._fit_legend()

    def _relabel(self) -> None:
        """The language: names, hover rows, title, key and overlay names patched in place (the
        geometry stays in the browser); drawn again only if the figure was never drawn."""
        handles = self._handles
        if not {"cities", "figure", "labels"} <= set(handles):
            handles.clear()
            self._pane.object = self._element()
            self._legend.object = legend_html(self.state, map_styles(self.state))
            return
        with pn.io.hold():
            handles["labels"]["source"].data.update(self._label_columns())
            handles["zones"]["hover"].tooltips = self._zone_tooltips()
            for key, item in handles["figure"]["overlay_items"].items():
                item.label = fixed(self._overlay_label(key))
            self._restyle()

    def _on_tap(self, event) -> None:
        order = self._source_codes()
        tapped = [order[i] for i in event.new if i < len(order)]
        # Keep the existing order of highlighted cities; append the new ones.
        kept = [c for c in self.state.cities if c in tapped]
        with sent_to_notebooks():  # in a notebook, HoloViews calls this outside Panel's push
            self.state.cities = kept + [c for c in tapped if c not in kept]
