"""City polygons already in the map's projection, drawn by GeoViews without projecting again,
from coordinates laid out once per process.

GeoViews projects every path and polygon element to the plot's projection each time a plot is
made, even from Web Mercator to Web Mercator: for the 26 cities (Zhoushan alone has 252 parts)
that cost ≈ 0.5 s of every session's map. The geometry is projected once per process
(``views.map.projected``); :class:`MercatorPolygons` tells GeoViews so.

HoloViews then lays every polygon out again as Bokeh's nested lists of coordinate arrays (and
reads each hover column through its data interface, geometry by geometry) for every plot it
makes: the same arrays for every session. :class:`MercatorPolygonPlot` keeps them per process,
in single precision, for the geometries it has seen.
"""

from __future__ import annotations

import cartopy.crs as ccrs
import geopandas as gpd
import geoviews as gv
import holoviews as hv
import numpy as np
from geoviews.plotting.bokeh import GeoPolygonPlot
from holoviews.core.util import dimension_sanitizer
from holoviews.plotting.bokeh.callbacks import PolyDrawCallback, PolyEditCallback
from holoviews.plotting.bokeh.util import multi_polygons_data

# The coordinates of the geometries plotted so far: their ids → (the geometries, kept alive so
# that their ids stay theirs; xs; ys). A handful of frames in a process: the cities' and the
# ecology map's, both rows of the same ``projected("city")``.
_LAID_OUT: dict[tuple[int, ...], tuple[tuple, list, list]] = {}
_KEEP = 8


def single_precision(nested):
    """Coordinates as float32: Web Mercator metres keep about a metre of precision (the
    boundaries are simplified to ≈ 0.9 km) at half the bytes every session receives."""
    if isinstance(nested, np.ndarray):
        return nested.astype(np.float32) if nested.dtype == np.float64 else nested
    return [single_precision(item) for item in nested]


def laid_out(element: gv.Polygons) -> tuple[list, list]:
    """An element's polygons as Bokeh's ``MultiPolygons`` coordinates (a list per geometry of
    polygons, each its exterior then its holes), in single precision; once per process for the
    same geometries. The outer lists are the caller's own; the arrays are shared, read-only."""
    geometries = tuple(element.data.geometry)
    key = tuple(map(id, geometries))
    hit = _LAID_OUT.get(key)
    if hit is None:
        xs, ys = multi_polygons_data(element)
        hit = _LAID_OUT[key] = (geometries, single_precision(xs), single_precision(ys))
        for array in _arrays(hit[1:]):
            array.flags.writeable = False
        while len(_LAID_OUT) > _KEEP:
            del _LAID_OUT[next(iter(_LAID_OUT))]
    return list(hit[1]), list(hit[2])


def _arrays(nested):
    if isinstance(nested, np.ndarray):
        yield nested
    else:
        for item in nested:
            yield from _arrays(item)


class MercatorPolygons(gv.Polygons):
    """``gv.Polygons`` whose coordinates are already Web Mercator (the plots' projection)."""

    def __init__(self, data, kdims=None, vdims=None, **params):
        params.setdefault("crs", ccrs.GOOGLE_MERCATOR)
        super().__init__(data, kdims=kdims, vdims=vdims, **params)


class MercatorPolygonPlot(GeoPolygonPlot):
    """GeoViews' polygon plot without the projection step (the data are in its projection),
    its coordinates laid out once per process (:func:`laid_out`).

    Its colour comes from a style option (a colour, or a column: ``color="fill"``); without
    one, HoloViews colours by the first value column through a colour mapper of its own, and is
    left to lay the polygons out as it does (in single precision too).
    """

    _project_operation = None

    def get_data(self, element, ranges, style):
        colour = self.lookup_options(element, "style").kwargs.get("color")
        if (
            not isinstance(element.data, gpd.GeoDataFrame)
            or self.static_source
            or self.invert_axes
            or colour is None
            or isinstance(colour, hv.Cycle)
            or any(isinstance(cb, (PolyDrawCallback, PolyEditCallback)) for cb in self.callbacks)
        ):
            data, mapping, style = super().get_data(element, ranges, style)
            data.update(xs=single_precision(data["xs"]), ys=single_precision(data["ys"]))
            return data, mapping, style
        self._has_holes = True
        xs, ys = laid_out(element)
        data = {"xs": xs, "ys": ys}
        if "hover" in self.handles:  # the hover's columns, read from the frame directly
            length = len(xs)
            for dimension in element.vdims:
                data[dimension_sanitizer(dimension.name)] = element.data[dimension.name].to_numpy()
            for dimension, value in self.overlay_dims.items():
                data.setdefault(dimension_sanitizer(dimension.name), [value] * length)
        return data, dict(self._mapping), style


hv.Store.register({MercatorPolygons: MercatorPolygonPlot}, "bokeh")
