"""The map view, checked through the HoloViews element and the Bokeh model it renders to."""

from __future__ import annotations

import geoviews as gv
import holoviews as hv
import pytest
from bokeh.models import HoverTool, Legend

from ycsp_panel import data
from ycsp_panel.views.map import PROVINCE_COLORS, CityMap, city_map_element

gv.extension("bokeh", logo=False)


@pytest.fixture(scope="module")
def geometry():
    return data.geometry("city"), data.geometry("province")


def layers(element: hv.Overlay):
    context, cities, borders, labels = element
    assert isinstance(borders, gv.Path)
    return context, cities, labels


def test_map_draws_the_26_cities_over_the_4_provinces(geometry):
    context, cities, labels = layers(city_map_element(*geometry))
    assert len(cities.split()) == 26
    assert len(context.split()) == 4
    codes = {polygon.iloc[0]["code"] for polygon in cities.split(datatype="dataframe")}
    assert codes == set(geometry[0]["code"])
    assert len(labels) == 26


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_labels_and_legend_follow_the_language(geometry, lang):
    element = city_map_element(*geometry, lang=lang)
    _, _, labels = layers(element)
    assert set(labels.dimension_values("label")) == set(geometry[0][f"name_{lang}"])
    plot = hv.render(element)
    legend = plot.select_one({"type": Legend})
    # One legend entry per distinct value of the field the legend is grouped by.
    [item] = legend.items
    source = item.renderers[0].data_source
    legend_labels = set(source.data[item.label.field])
    expected = {
        "zh": {"上海市", "江苏省", "浙江省", "安徽省"},
        "en": {"Shanghai", "Jiangsu", "Zhejiang", "Anhui"},
    }
    assert legend_labels == expected[lang]
    titles = {"zh": "规划范围：26个城市", "en": "Plan area: the 26 cities"}
    assert element.opts.get().kwargs["title"] == titles[lang]


def test_cities_are_coloured_by_province(geometry):
    cities_frame = geometry[0].set_index("code")
    _, cities, _ = layers(city_map_element(*geometry, lang="en"))
    cmap = cities.opts.get().kwargs["cmap"]
    for polygon in cities.split(datatype="dataframe"):
        code = polygon.iloc[0]["code"]
        province_code = cities_frame.loc[code, "province_code"]
        assert cmap[polygon.iloc[0]["province"]] == PROVINCE_COLORS[province_code]


def test_hover_names_both_languages_and_only_on_cities(geometry):
    plot = hv.render(city_map_element(*geometry))
    hovers = plot.select({"type": HoverTool})
    assert len(hovers) == 1
    tooltip_fields = " ".join(value for _, value in hovers[0].tooltips)
    for field in ("@{name_zh}", "@{name_en}", "@{province_zh}", "@{province_en}", "@{code}"):
        assert field in tooltip_fields
    labels = " ".join(label for label, _ in hovers[0].tooltips)
    assert "城市" in labels and "City" in labels


def test_viewer_rerenders_on_language_change(geometry):
    city_map = CityMap(cities=geometry[0], provinces=geometry[1])
    assert city_map.element().opts.get().kwargs["title"] == "规划范围：26个城市"
    city_map.lang = "en"
    assert city_map.element().opts.get().kwargs["title"] == "Plan area: the 26 cities"
    with pytest.raises(ValueError):
        city_map.lang = "fr"
