"""The map of the plan's 26 cities (GeoViews, no tile basemap: it must work offline)."""

from __future__ import annotations

import cartopy.crs as ccrs
import geopandas as gpd
import geoviews as gv
import holoviews as hv
import panel as pn
import param

from ycsp_panel.i18n import LANGUAGES, t

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PROVINCE_COLORS = {
    "310000": "#D55E00",
    "320000": "#0072B2",
    "330000": "#009E73",
    "340000": "#E69F00",
}
_MERCATOR = "EPSG:3857"


def city_map_element(
    cities: gpd.GeoDataFrame, provinces: gpd.GeoDataFrame, lang: str = "zh"
) -> hv.Overlay:
    """The 26 cities coloured by province over the provinces' outlines, names on hover.

    Geometry is projected to Web Mercator here, once, so Bokeh draws it without reprojection.
    """
    name = f"name_{lang}"
    cities = cities.to_crs(_MERCATOR)
    cities["province"] = cities[f"province_{lang}"]  # the legend's label
    colors = {
        row.province: PROVINCE_COLORS[row.province_code]
        for row in cities.drop_duplicates("province_code").itertuples()
    }
    provinces = provinces.to_crs(_MERCATOR)
    context = gv.Polygons(provinces, vdims=["name_zh", "name_en"], crs=ccrs.GOOGLE_MERCATOR).opts(
        color="#f4f4f2", line_color="#8a8a8a", line_width=1.0, tools=[]
    )
    # Province borders again on top of the cities, so they read across same-coloured neighbours.
    borders = gv.Path(
        provinces.assign(geometry=provinces.boundary), vdims=[], crs=ccrs.GOOGLE_MERCATOR
    ).opts(color="#3d3d3d", line_width=1.6, tools=[])
    city_polygons = gv.Polygons(
        cities,
        vdims=["name_zh", "name_en", "province", "province_zh", "province_en", "code"],
        crs=ccrs.GOOGLE_MERCATOR,
    ).opts(
        color="province",
        cmap=colors,
        line_color="white",
        line_width=0.8,
        fill_alpha=0.85,
        show_legend=True,
        tools=["hover"],
        hover_tooltips=[
            (f"{t('map.city', 'zh')} {t('map.city', 'en')}", "@{name_zh} · @{name_en}"),
            (
                f"{t('map.province', 'zh')} {t('map.province', 'en')}",
                "@{province_zh} · @{province_en}",
            ),
            (f"{t('map.code', 'zh')} {t('map.code', 'en')}", "@{code}"),
        ],
    )
    points = cities.geometry.representative_point()
    labels = gv.Labels(
        {"x": points.x, "y": points.y, "label": cities[name]},
        kdims=["x", "y"],
        vdims=["label"],
        crs=ccrs.GOOGLE_MERCATOR,
    ).opts(text_font_size="9pt", text_color="#1a1a1a")
    xmin, ymin, xmax, ymax = cities.total_bounds
    pad = 0.04 * max(xmax - xmin, ymax - ymin)
    return (context * city_polygons * borders * labels).opts(
        title=t("map.title", lang),
        xlim=(xmin - pad, xmax + pad),
        ylim=(ymin - pad, ymax + pad),
        responsive=True,
        min_height=560,
        data_aspect=1,
        xaxis=None,
        yaxis=None,
        legend_position="bottom_right",
        toolbar="above",
        active_tools=["wheel_zoom"],
        backend_opts={"plot.border_fill_alpha": 0},
    )


class CityMap(pn.viewable.Viewer):
    """The plan's 26 cities on a map; receives its geometry, reads no file."""

    lang = param.Selector(objects=list(LANGUAGES), default="zh", doc="Language of labels")

    def __init__(self, cities: gpd.GeoDataFrame, provinces: gpd.GeoDataFrame, **params):
        super().__init__(**params)
        self._cities = cities
        self._provinces = provinces

    @param.depends("lang")
    def element(self) -> hv.Overlay:
        return city_map_element(self._cities, self._provinces, self.lang)

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.HoloViews(
            self.element,
            sizing_mode="stretch_both",
            min_height=560,
            margin=0,
        )
