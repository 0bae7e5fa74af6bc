"""City polygons: laid out once per process, in single precision, the same as HoloViews would."""

from __future__ import annotations

import geoviews as gv
import holoviews as hv
import numpy as np
from bokeh.models import CategoricalColorMapper, ColumnDataSource
from holoviews.plotting.bokeh.util import multi_polygons_data

from ycsp_panel.views.map import projected
from ycsp_panel.views.mercator import MercatorPolygons

gv.extension("bokeh", logo=False)

COLUMNS = ["geometry", "code", "name_en"]


def polygon_source(element) -> ColumnDataSource:
    figure = hv.render(element, backend="bokeh")
    (source,) = (r.data_source for r in figure.renderers if "xs" in r.data_source.data)
    return source


def arrays(nested):
    if isinstance(nested, np.ndarray):
        return [nested]
    return [a for item in nested for a in arrays(item)]


def test_two_plots_share_one_layout_of_the_coordinates_in_single_precision():
    cities = projected("city")[COLUMNS]
    element = MercatorPolygons(cities, vdims=["code", "name_en"])
    element = element.opts(color="#ccc", tools=["hover"])
    first = polygon_source(element).data
    second = polygon_source(element.clone()).data
    firsts = arrays(first["xs"]) + arrays(first["ys"])
    seconds = arrays(second["xs"]) + arrays(second["ys"])
    assert len(firsts) == len(seconds) > 26
    assert all(a is b for a, b in zip(firsts, seconds, strict=True))  # once per process
    assert {a.dtype for a in firsts} == {np.dtype(np.float32)}
    assert not any(a.flags.writeable for a in firsts)  # shared: nobody may change them
    assert first["xs"] is not second["xs"]  # each plot's own outer lists
    assert list(first["code"]) == list(cities["code"])  # the hover's columns, row by row
    assert list(first["name_en"]) == list(cities["name_en"])


def test_the_layout_is_holoviews_own():
    cities = projected("city")[COLUMNS]
    element = MercatorPolygons(cities, vdims=["code"]).opts(color="#ccc")
    data = polygon_source(element).data
    xs, ys = multi_polygons_data(element)
    assert len(data["xs"]) == len(xs) == 26
    for ours, theirs in ((data["xs"], xs), (data["ys"], ys)):
        for city_ours, city_theirs in zip(ours, theirs, strict=True):
            assert len(city_ours) == len(city_theirs)  # parts
            for part_ours, part_theirs in zip(city_ours, city_theirs, strict=True):
                assert len(part_ours) == len(part_theirs)  # exterior and holes
                for a, b in zip(part_ours, part_theirs, strict=True):
                    np.testing.assert_allclose(a, b.astype(np.float32), rtol=0, atol=0)


def test_without_a_colour_holoviews_colours_and_lays_out_as_before_in_single_precision():
    cities = projected("city")[COLUMNS]
    element = MercatorPolygons(cities, vdims=["code"])
    figure = hv.render(element, backend="bokeh")
    (renderer,) = (r for r in figure.renderers if "xs" in r.data_source.data)
    assert isinstance(renderer.glyph.fill_color["transform"], CategoricalColorMapper)
    assert {a.dtype for a in arrays(renderer.data_source.data["xs"])} == {np.dtype(np.float32)}


def test_other_geometries_get_their_own_layout():
    cities = projected("city")[COLUMNS]
    two = cities.iloc[:2]
    data = polygon_source(
        MercatorPolygons(two, vdims=["code"]).opts(color="#ccc", tools=["hover"])
    ).data
    assert list(data["code"]) == list(two["code"])
    assert len(data["xs"]) == 2
    whole = polygon_source(MercatorPolygons(cities, vdims=["code"]).opts(color="#ccc")).data
    pairs = zip(arrays(data["xs"]), arrays(whole["xs"][:2]), strict=True)
    assert all(np.array_equal(a, b) for a, b in pairs)  # the same parts, laid out again


def test_without_hover_the_columns_are_not_sent():
    cities = projected("city")[COLUMNS]
    data = polygon_source(MercatorPolygons(cities, vdims=["code"]).opts(color="#ccc")).data
    assert set(data) == {"xs", "ys"}
