"""City polygons already in the map's projection, drawn by GeoViews without projecting again.

GeoViews projects every path and polygon element to the plot's projection each time a plot is
made, even from Web Mercator to Web Mercator: for the 26 cities (Zhoushan alone has 252 parts)
that cost ≈ 0.5 s of every session's map. The geometry is projected once per process
(``views.map.projected``); :class:`MercatorPolygons` tells GeoViews so.
"""

from __future__ import annotations

import cartopy.crs as ccrs
import geoviews as gv
import holoviews as hv
from geoviews.plotting.bokeh import GeoPolygonPlot


class MercatorPolygons(gv.Polygons):
    """``gv.Polygons`` whose coordinates are already Web Mercator (the plots' projection)."""

    def __init__(self, data, kdims=None, vdims=None, **params):
        params.setdefault("crs", ccrs.GOOGLE_MERCATOR)
        super().__init__(data, kdims=kdims, vdims=vdims, **params)


class MercatorPolygonPlot(GeoPolygonPlot):
    """GeoViews' polygon plot without the projection step (the data are in its projection)."""

    _project_operation = None


hv.Store.register({MercatorPolygons: MercatorPolygonPlot}, "bokeh")
