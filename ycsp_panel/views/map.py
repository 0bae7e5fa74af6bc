"""The map: the 26 cities as a GeoViews choropleth that follows the explorer's state.

The geometry reaches the browser once per session (and again only when the language changes,
for the labels). Every other change — indicator, year, kind, colouring, scope, highlight,
overlays — patches a few columns of the Bokeh data source and a few renderer properties, which
plot hooks keep per session (FINDINGS: ≈1 KB and ≈75 ms per change instead of ≈250 KB and
≈500 ms for a redraw). No tile basemap: the app works offline.
"""

from __future__ import annotations

import html
import math
from functools import cache

import cartopy.crs as ccrs
import geopandas as gpd
import geoviews as gv
import holoviews as hv
import numpy as np
import pandas as pd
import panel as pn
import param
import shapely
from bokeh.core.property.vectorization import Field
from bokeh.models import CDSView, IndexFilter, MultiPolygons, TapTool

from ycsp_panel import data
from ycsp_panel.i18n import t
from ycsp_panel.state import CORE_CITY, KIND_LABELS, ExplorerState
from ycsp_panel.views import palette

_MERCATOR = "EPSG:3857"
_COLUMNS = ("fill", "alpha", "line_color", "line_width", "hatch", "value_text", "category")


@cache
def _projected(level: str) -> gpd.GeoDataFrame:
    """Geometry of a level in Web Mercator, once per process (read-only: never mutate it).

    The provinces are context (most of their area lies outside the plan): simplified again
    (tolerance 3 km) as a coverage, so their shared borders still meet, at a fraction of the
    bytes.
    """
    frame = data.geometry(level).to_crs(_MERCATOR)
    if level == "province":
        frame["geometry"] = shapely.coverage_simplify(frame.geometry.values, 3000)
    return frame


@cache
def _circle_outlines() -> gpd.GeoDataFrame:
    cities = _projected("city").set_index("code")
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

    points = _projected("city").set_index("code").geometry.representative_point()
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


def _source_titles(lang: str) -> dict[str, str]:
    return data.sources().set_index("id")[f"title_{lang}"].to_dict()


def format_value(value: float, qualifier: str, unit_text: str) -> str:
    """``≈ 1,059 10k persons``; whole numbers without decimals, others as stored."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    prefix = "" if qualifier == "=" else f"{qualifier} "
    return f"{prefix}{number} {unit_text}"


def category_of(color_by: str, lang: str) -> pd.DataFrame:
    """For a categorical colouring: each city's ``category`` label and ``fill`` colour."""
    cities = data.cities().set_index("code")
    names = data.entities().set_index("id")
    classes = data.size_classes().set_index("id")
    labels: dict[str, str] = {}
    colors: dict[str, str] = {}
    for code, city in cities.iterrows():
        if color_by == "circle":
            if code == CORE_CITY:
                key, label = "core", t("map.core", lang)
            elif isinstance(city["circle"], str):
                key, label = city["circle"], names.loc[city["circle"], f"name_{lang}"]
            else:
                key, label = "none", t("map.no_circle", lang)
            color = palette.CIRCLE[key]
        elif color_by == "province":
            key = city["province_code"]
            label, color = city[f"province_{lang}"], palette.PROVINCE[key]
        elif color_by == "belt":
            belts = city["belts"].split(";") if isinstance(city["belts"], str) else []
            if len(belts) == 1:
                label, color = names.loc[belts[0], f"name_{lang}"], palette.BELT[belts[0]]
            elif belts:
                label, color = t("map.several_belts", lang), palette.BELT["several"]
            else:
                label, color = t("map.no_belt", lang), palette.BELT["none"]
        elif color_by == "size_class":
            key = city["size_class"]
            label, color = classes.loc[key, f"name_{lang}"], palette.SIZE_CLASS[key]
        elif color_by == "functional_zone":
            key = city["functional_zone"]
            label = t(f"map.zone.{key}", lang) + " " + t("map.derived_mark", lang)
            color = palette.FUNCTIONAL_ZONE[key]
        else:
            raise ValueError(f"not a category: {color_by!r}")
        labels[code], colors[code] = label, color
    return pd.DataFrame({"category": labels, "fill": colors})


def map_styles(state: ExplorerState) -> pd.DataFrame:
    """Per city code: fill, alpha, outline, hatch and the hover's value text, for a state.

    A pure function of the state and the data: the views only copy it into the plot.
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
        else format_value(value, rows.loc[code, "qualifier"], unit_text)
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
        low, high = styles["value"].min(), styles["value"].max()
        styles["fill"] = [palette.value_color(v, low, high) for v in styles["value"]]
        styles["category"] = ""
        styles["hatch"] = np.where(missing, "x", " ")
    else:
        categories = category_of(state.color_by, lang)
        styles["fill"] = categories["fill"]
        styles["category"] = categories["category"]
        styles["hatch"] = " "
    in_scope = styles.index.isin(state.scope_cities)
    styles["alpha"] = np.where(in_scope, palette.IN_SCOPE_ALPHA, palette.OUT_OF_SCOPE_ALPHA)
    highlighted = styles.index.isin(state.cities)
    styles["line_color"] = np.where(highlighted, "#000000", "#ffffff")
    styles["line_width"] = np.where(highlighted, 3.0, 0.7)
    styles["kind_text"] = f"{state.year} · {KIND_LABELS[state.kind][lang]}"
    return styles


def legend_html(state: ExplorerState, styles: pd.DataFrame) -> str:
    """The map's key as HTML text (escaped), in the state's language."""
    lang = state.lang
    indicator = data.indicators().set_index("id").loc[state.indicator]
    parts = []
    if state.color_by == "value":
        title = (
            f"{indicator[f'name_{lang}']} ({indicator[f'unit_{lang}']}), "
            f"{state.year} · {KIND_LABELS[state.kind][lang]}"
        )
        low, high = styles["value"].min(), styles["value"].max()
        steps = [palette.value_color(low + (high - low) * i / 6, low, high) for i in range(7)]
        gradient = ", ".join(steps)
        parts.append(f'<div class="ycsp-legend-title">{html.escape(title)}</div>')
        if not math.isnan(low):
            parts.append(
                f'<div class="ycsp-gradient" style="background: linear-gradient(to right, '
                f'{gradient});"></div><div class="ycsp-gradient-ticks"><span>'
                f"{html.escape(f'{low:,.0f}')}</span><span>{html.escape(f'{high:,.0f}')}"
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
        seen = styles.drop_duplicates("category").sort_values("category")
        for row in seen.itertuples():
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


def _halo(plot, element) -> None:
    # A translucent white box keeps names legible on dark and light fills alike.
    glyph = plot.handles["glyph"]
    glyph.background_fill_color = "white"
    glyph.background_fill_alpha = 0.7
    glyph.border_radius = 3
    glyph.padding = 1


class CityMap(pn.viewable.Viewer):
    """The 26 cities coloured by the state's indicator or category; click to highlight.

    Receives the state; reads no file. Usable alone: ``CityMap(state=ExplorerState())``.
    """

    state = param.ClassSelector(class_=ExplorerState)

    def __init__(self, **params):
        params.setdefault("state", ExplorerState())
        super().__init__(**params)
        self._codes = list(_projected("city")["code"])
        self._handles: dict[str, dict] = {}
        self._pane = pn.pane.HoloViews(
            self._element(), sizing_mode="stretch_width", height=600, margin=0
        )
        self._legend = pn.pane.HTML(
            legend_html(self.state, map_styles(self.state)),
            stylesheets=[LEGEND_CSS],
            sizing_mode="stretch_width",
            margin=(4, 10),
        )
        self.state.param.watch(self._restyle, ["indicator", "year", "kind", "color_by", "scope"])
        self.state.param.watch(self._restyle, ["cities"])
        self.state.param.watch(self._show_overlays, ["overlays"])
        self.state.param.watch(self._relabel, ["lang"])

    # -- building, once per session (and per language) --------------------------------------

    def _element(self) -> hv.Overlay:
        lang = self.state.lang
        cities = _projected("city")
        provinces = _projected("province")
        counties = _projected("county")
        # Context layers are projected once per process (``_projected``) and drawn as plain
        # HoloViews elements: GeoViews would project them again for every session (≈0.3 s each).
        context = hv.Polygons(provinces[["geometry", "name_zh"]], vdims=["name_zh"]).opts(
            color="#f4f4f2", line_color="#b0b0b0", line_width=0.8, tools=[]
        )
        polygons = gv.Polygons(
            cities[["geometry", "code", "name_zh", "name_en", "province_zh", "province_en"]],
            vdims=["code", "name_zh", "name_en", "province_zh", "province_en"],
            crs=ccrs.GOOGLE_MERCATOR,
        ).opts(tools=["hover", "tap"], hooks=[self._hook_cities], line_color="white")
        self._selection = hv.streams.Selection1D(source=polygons)
        self._selection.param.watch(self._on_tap, "index")

        province_lines = hv.Path(provinces[["geometry"]].assign(geometry=provinces.boundary)).opts(
            color="#3d3d3d", line_width=1.6, hooks=[self._hook_layer("provinces")]
        )
        # One Path per circle and per belt, each with its own colour: a colour column would
        # make HoloViews split every line into two-point segments (thousands of arrays).
        circles = hv.Overlay(
            [
                hv.Path(row.geometry).opts(
                    color=palette.CIRCLE[row.group_id],
                    line_width=3,
                    line_dash="dashed",
                    hooks=[self._hook_layer("circles")],
                )
                for row in _circle_outlines().itertuples()
            ]
        )
        belts = hv.Overlay(
            [
                hv.Path(row.geometry).opts(
                    color=palette.BELT[row.group_id],
                    line_width=4,
                    alpha=0.8,
                    hooks=[self._hook_layer("belts")],
                )
                for row in _belt_lines().itertuples()
            ]
        )
        table1 = counties[counties["role"].str.contains("table1_county_city")]
        county_cities = hv.Path(table1[["geometry"]].assign(geometry=table1.boundary)).opts(
            color="#444444",
            line_width=1,
            line_dash="dotted",
            hooks=[self._hook_layer("county_cities")],
        )
        zones = counties[counties["role"].str.contains("box9_zone")]
        zone_points = zones.geometry.representative_point()
        zone_layer = hv.Points(
            pd.DataFrame(
                {
                    "x": zone_points.x,
                    "y": zone_points.y,
                    "name_zh": zones["name_zh"],
                    "name_en": zones["name_en"],
                }
            ),
            kdims=["x", "y"],
            vdims=["name_zh", "name_en"],
        ).opts(
            marker="triangle",
            size=11,
            color="#CC79A7",
            line_color="black",
            tools=["hover"],
            hover_tooltips=[(t("map.zone_point", lang), "@{name_zh} · @{name_en}")],
            hooks=[self._hook_layer("zones")],
        )
        points = cities.geometry.representative_point()
        labels = hv.Labels(
            {"x": points.x, "y": points.y, "label": cities[f"name_{lang}"]},
            kdims=["x", "y"],
            vdims=["label"],
        ).opts(text_font_size="9pt", text_color="#1a1a1a", hooks=[_halo])
        xmin, ymin, xmax, ymax = cities.total_bounds
        pad = 0.04 * max(xmax - xmin, ymax - ymin)
        return (
            context
            * polygons
            * province_lines
            * circles
            * belts
            * county_cities
            * zone_layer
            * labels
        ).opts(
            title="",
            xlim=(xmin - pad, xmax + pad),
            ylim=(ymin - pad, ymax + pad),
            responsive=True,
            data_aspect=1,
            xaxis=None,
            yaxis=None,
            toolbar="above",
            active_tools=["wheel_zoom", "tap"],
            hooks=[self._raise_highlight],
            backend_opts={"plot.border_fill_alpha": 0},
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
        for tool in plot.state.select({"type": TapTool}):
            tool.mode = "replace"  # a click replaces the highlight, shift-click adds to it
            tool.renderers = [renderer]  # only cities: a tap must not fade the other layers
        handles["source"].data.update(self._columns(map_styles(self.state)))
        handles["source"].selected.indices = self._indices(self.state.cities)
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

    def _raise_highlight(self, plot, element) -> None:
        """Draw the highlight outlines above every overlay, below the names."""
        highlight = self._handles["cities"]["highlight_renderer"]
        renderers = [r for r in plot.state.renderers if r is not highlight]
        plot.state.renderers = [*renderers[:-1], highlight, renderers[-1]]

    def _hook_layer(self, name: str):
        def hook(plot, element) -> None:
            renderer = plot.handles["glyph_renderer"]
            self._handles.setdefault(name, {"renderers": []})["renderers"].append(renderer)
            renderer.visible = name in self.state.overlays

        return hook

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

    def _restyle(self, *_events) -> None:
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
            self._legend.object = legend_html(self.state, styles)

    def _show_overlays(self, *_events) -> None:
        with pn.io.hold():
            for name, handles in self._handles.items():
                if name != "cities":
                    for renderer in handles["renderers"]:
                        renderer.visible = name in self.state.overlays

    def _relabel(self, *_events) -> None:
        self._handles = {}
        self._pane.object = self._element()
        self._legend.object = legend_html(self.state, map_styles(self.state))

    def _on_tap(self, event) -> None:
        order = self._source_codes()
        tapped = [order[i] for i in event.new if i < len(order)]
        # Keep the existing order of highlighted cities; append the new ones.
        kept = [c for c in self.state.cities if c in tapped]
        self.state.cities = kept + [c for c in tapped if c not in kept]

    # -- layout -----------------------------------------------------------------------------

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(self._pane, self._legend, sizing_mode="stretch_width")
