"""The comparison chart, checked through the HoloViews elements it returns and their plot."""

from __future__ import annotations

import holoviews as hv
import numpy as np
import pandas as pd
import panel as pn
import pytest
from bokeh.core.property.vectorization import Field
from bokeh.models import Axis, HoverTool, Legend, SaveTool, Text, Title

from ycsp_panel import data
from ycsp_panel.analysis.population import population_status
from ycsp_panel.i18n import LABELS
from ycsp_panel.state import ExplorerState
from ycsp_panel.views import palette
from ycsp_panel.views.chart import (
    CANVAS_FONT,
    NO_CIRCLE,
    PARTIAL_ALPHA,
    ComparisonChart,
    format_number,
)

hv.extension("bokeh", logo=False)

HEFEI, WUHU, MAANSHAN, SUZHOU, SHANGHAI = "340100", "340200", "340500", "320500", "310000"
POP_2030 = {"indicator": "population", "year": 2030, "kind": "forecast"}
GDP_2020 = {"indicator": "gdp", "year": 2020, "kind": "observed"}


def chart(**params) -> tuple[ComparisonChart, hv.Bars]:
    view = ComparisonChart(state=ExplorerState(**params))
    return view, view.element()


def bars_of(element: hv.Bars) -> pd.DataFrame:
    """The bars from top to bottom (Bokeh draws the first factor at the bottom)."""
    return element.dframe().iloc[::-1].reset_index(drop=True)


def labels_of(element: hv.Bars) -> dict[str, str]:
    frame = element.dframe()
    return dict(zip(frame["label"], frame["bar_text"], strict=True))


def highlighted_of(element: hv.Bars) -> set[str]:
    """The bars whose outline is drawn (``outline`` 1)."""
    frame = element.dframe()
    return set(frame.loc[frame["outline"] == 1, "label"])


def title_of(element) -> str:
    return element.opts.get().kwargs["title"]


def test_population_2030_all_cities_ranked_largest_on_top():
    _, element = chart(lang="en", **POP_2030)
    bars = bars_of(element)
    expected = data.city_values("population", 2030, "forecast")
    assert len(bars) == 26
    assert dict(zip(bars["id"], bars["value"], strict=True)) == expected.to_dict()
    assert bars["value"].is_monotonic_decreasing
    assert bars.loc[0, "id"] == SHANGHAI  # 2500, the largest
    assert bars.loc[25, "id"] == "340700"  # Tongling, 130
    # Drawn that way round: the top factor of the rendered y axis is Shanghai.
    plot = hv.render(element)
    assert list(plot.y_range.factors)[-1] == "Shanghai"
    assert list(plot.y_range.factors)[0] == "Tongling"


def test_bars_are_coloured_by_circle_with_shanghai_as_the_core():
    _, element = chart(lang="zh", **POP_2030)
    bars = bars_of(element)
    cmap = element.opts.get().kwargs["cmap"]
    cities = data.cities().set_index("code")
    for row in bars.itertuples():
        circle = cities.loc[row.id, "circle"]
        if row.id == SHANGHAI:
            expected = palette.CIRCLE["core"]
        else:
            expected = palette.CIRCLE[circle] if isinstance(circle, str) else NO_CIRCLE
        assert cmap[row.category] == expected, row.id
    categories = dict(zip(bars["id"], bars["category"], strict=True))
    assert categories[SHANGHAI] == "核心（上海）"
    assert categories[SUZHOU] == "苏锡常都市圈"
    assert categories["340700"] == "不在都市圈"


def test_scope_filters_the_bars_and_highlights_only_cities_inside_it():
    _, element = chart(lang="en", scope="circle:hefei", cities=[WUHU, SUZHOU], **POP_2030)
    bars = bars_of(element)
    # Hefei 1000, Wuhu 530, Ma'anshan 330; Suzhou is highlighted but outside the scope.
    assert list(bars["id"]) == [HEFEI, WUHU, MAANSHAN]
    assert list(bars["value"]) == [1000, 530, 330]
    assert SUZHOU not in set(bars["id"])
    assert list(bars["label"]) == ["Hefei", "★ Wuhu", "Ma'anshan"]
    assert highlighted_of(element) == {"★ Wuhu"}
    assert set(element.dframe()["outline"]) == {0.0, 1.0}


def test_highlighted_city_is_outlined_in_the_rendered_plot():
    _, element = chart(lang="en", scope="circle:hefei", cities=[HEFEI], **POP_2030)
    plot = hv.render(element)
    [outline] = [r for r in plot.renderers if getattr(r.glyph, "line_color", None) == "black"]
    assert outline.glyph.line_alpha == Field("outline") and outline.glyph.fill_alpha == 0
    shown = dict(
        zip(outline.data_source.data["label"], outline.data_source.data["outline"], strict=True)
    )
    assert shown == {"★ Hefei": 1, "Wuhu": 0, "Ma'anshan": 0}
    assert outline.data_source is plot.renderers[0].data_source  # the bars' own columns


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_gdp_2020_cities_without_a_value_are_listed_as_no_data_not_zero(lang):
    view, element = chart(lang=lang, scope="province:340000", cities=[HEFEI], **GDP_2020)
    bars = bars_of(element)
    observed = data.city_values("gdp", 2020, "observed")
    anhui = data.cities().query("province_code == '340000'")["code"]
    assert set(bars["id"]) == set(anhui)
    with_value = bars[bars["value"].notna()]
    ranked = observed[observed.index.isin(anhui)].sort_values(ascending=False)
    assert list(with_value["id"]) == list(ranked.index)
    missing = bars[bars["value"].isna()]
    assert set(missing["id"]) == {MAANSHAN, "340800"}  # no 2020 GDP found for these two
    assert list(bars.index[bars["value"].isna()]) == [6, 7]  # at the bottom
    no_data = {"zh": "无数据", "en": "no data"}[lang]
    assert set(missing["value_text"]) == {no_data}
    labels = labels_of(element)
    assert {labels[label] for label in missing["label"]} == {no_data}
    [note] = [n for n in view.notes() if n.startswith(("No data", "无数据"))]
    names = data.cities().set_index("code").loc[[MAANSHAN, "340800"], f"name_{lang}"]
    assert all(name in note for name in names)
    assert "2" in note


def test_gdp_2020_over_all_cities_has_24_values():
    _, element = chart(lang="en", **GDP_2020)
    bars = bars_of(element)
    assert bars["value"].notna().sum() == 24
    assert bars["value"].isna().sum() == 2
    assert not (bars["value"] == 0).any()


@pytest.mark.parametrize(
    ("lang", "coverage", "label"),
    [
        ("en", "2 of 3 cities", "(partial, 2/3)"),
        ("zh", "3个城市中2个有数据", "（部分，2/3）"),
    ],
)
def test_compare_by_circle_partial_sums_are_lighter_and_say_their_coverage(lang, coverage, label):
    view, element = chart(lang=lang, compare_by="circle", cities=[SUZHOU], **GDP_2020)
    bars = bars_of(element).set_index("id")
    expected = data.aggregate("gdp", 2020, "observed", by="circle").set_index("group_id")
    assert set(bars.index) == set(expected.index)
    assert bars["value"].is_monotonic_decreasing
    for group, row in expected.iterrows():
        value = row["value"] if row["complete"] else row["partial_value"]
        assert bars.loc[group, "value"] == pytest.approx(value)
        alpha = palette.IN_SCOPE_ALPHA if row["complete"] else PARTIAL_ALPHA
        assert bars.loc[group, "alpha"] == alpha
    assert bars.loc["suxichang", "value"] == pytest.approx(40346.3)
    assert bars.loc["hefei", "coverage"] == coverage  # Ma'anshan: no 2020 GDP found
    name = expected.loc["hefei", f"name_{lang}"]
    assert labels_of(element)[bars.loc["hefei", "label"]].endswith(label)
    assert bars.loc["hefei", "label"].replace("\n", " ") == name
    # Suzhou's circle carries the highlight.
    assert bars.loc["suxichang", "label"].startswith("★")
    assert {"★" in text for text in highlighted_of(element)} == {True}
    cmap = element.opts.get().kwargs["cmap"]
    assert cmap["suxichang"] == palette.CIRCLE["suxichang"]
    assert any("partial" in n or "部分" in n for n in view.notes())


def test_compare_by_circle_keeps_groups_that_meet_the_scope():
    view, element = chart(lang="en", compare_by="circle", scope="province:340000", **POP_2030)
    bars = bars_of(element)
    assert list(bars["id"]) == ["hefei"]
    assert list(bars["value"]) == [1000 + 530 + 330]
    assert list(bars["coverage"]) == ["3 of 3 cities"]
    assert any(n.startswith("In no metropolitan circle: Tongling") for n in view.notes())


def test_compare_by_province_says_groups_reach_beyond_the_scope():
    view, element = chart(lang="en", compare_by="province", scope="circle:nanjing", **POP_2030)
    bars = bars_of(element)
    assert list(bars["id"]) == ["320000"]  # all of Jiangsu, not only the circle's three cities
    provinces = data.aggregate("population", 2030, "forecast", by="province")
    assert bars.loc[0, "value"] == provinces.set_index("group_id").loc["320000", "value"]
    assert any("outside the scope" in n for n in view.notes())


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "cannot be added up"), ("zh", "不能由各城市的数值加总")],
)
def test_rates_cannot_be_compared_by_group(lang, words):
    state = ExplorerState(lang=lang, indicator="urbanization_rate_census", compare_by="circle")
    element = ComparisonChart(state=state).element()
    assert isinstance(element, hv.Div)
    assert words in element.data
    state.compare_by = "city"
    bars = bars_of(ComparisonChart(state=state).element())
    assert bars["value"].notna().sum() == 4
    assert bars["value"].isna().sum() == 22


@pytest.mark.parametrize(
    ("params", "zh", "en"),
    [
        (
            POP_2030,
            "常住人口\n2030年 · 规划预测 · 单位：万人",
            "Resident population\n2030 · plan forecast · unit: 10,000 persons",
        ),
        (
            {**GDP_2020, "compare_by": "circle"},
            "地区生产总值\n2020年 · 实际 · 单位：亿元\n按都市圈汇总",
            "Gross domestic product\n2020 · observed · unit: 100 million CNY\n"
            "by metropolitan circle",
        ),
    ],
)
def test_title_names_indicator_year_kind_and_unit_in_both_languages(params, zh, en):
    assert title_of(chart(lang="zh", **params)[1]) == zh
    assert title_of(chart(lang="en", **params)[1]) == en


def test_axes_carry_the_unit_and_the_city_names_of_the_language():
    for lang, unit, city in [("zh", "万人", "上海市"), ("en", "10,000 persons", "Shanghai")]:
        plot = hv.render(chart(lang=lang, **POP_2030)[1])
        assert plot.xaxis[0].axis_label == unit
        assert city in plot.y_range.factors


def test_hover_names_both_scripts_value_kind_year_source_and_quality():
    _, element = chart(lang="en", indicator="population", year=2020, kind="target")
    bars = bars_of(element).set_index("id")
    shanghai = bars.loc[SHANGHAI]
    assert (shanghai["name_zh"], shanghai["name_en"]) == ("上海市", "Shanghai")
    assert shanghai["value_text"] == "2,500 10,000 persons (ceiling: strictly controlled)"
    assert (shanghai["kind"], shanghai["year"]) == ("plan target", "2020")
    title = data.sources().set_index("id").loc["plan:ch3.s2.table3", "title_en"]
    assert shanghai["source"] == title
    assert shanghai["quality"] == "plan text"
    plot = hv.render(element)
    [hover] = plot.select({"type": HoverTool})
    fields = " ".join(field for _, field in hover.tooltips)
    for column in ("name_zh", "name_en", "value_text", "kind", "year", "source", "quality"):
        assert f"@{{{column}}}" in fields


def test_hover_quality_and_source_of_statistics_follow_the_language():
    _, element = chart(lang="zh", scope="circle:suxichang", **GDP_2020)
    bars = bars_of(element).set_index("id")
    values = data.values().set_index(["entity_id", "indicator", "year", "kind"])
    row = values.loc[(SUZHOU, "gdp", 2020, "observed")]
    titles = data.sources().set_index("id")["title_zh"]
    assert bars.loc[SUZHOU, "source"] == titles[row["source_id"]]
    assert bars.loc[SUZHOU, "quality"] == LABELS[f"quality.{row['quality']}"]["zh"]
    assert bars.loc[SUZHOU, "value_text"] == f"{format_number(row['value'])} 亿元"


def test_chart_follows_the_state():
    state = ExplorerState(**POP_2030)
    view = ComparisonChart(state=state)
    layout = view.__panel__()
    root = layout.get_root()
    figure = layout[0]._models[root.ref["id"]][0]
    assert figure.title.text.startswith("常住人口")
    state.lang = "en"
    figure = layout[0]._models[root.ref["id"]][0]
    assert figure.title.text.startswith("Resident population")
    state.scope = "circle:hefei"
    assert len(bars_of(view.element())) == 3
    state.cities = [HEFEI]
    assert "★" in layout[1].object
    state.compare_by = "province"
    assert list(bars_of(view.element())["id"]) == ["340000"]
    layout._cleanup(root)


def test_number_format():
    assert format_number(2500.0) == "2,500"  # thousands grouped from 1,000 (ycsp_panel.numbers)
    assert format_number(130.1) == "130.1"
    assert format_number(38700.58) == "38,700.58"
    assert format_number(24870895.0) == "24,870,895"


def test_every_view_label_is_in_both_languages():
    for key, texts in LABELS.items():
        assert set(texts) == {"zh", "en"}, key
        assert all(text.strip() for text in texts.values()), key


def test_notes_are_escaped():
    state = ExplorerState(lang="en", scope="province:340000", **GDP_2020)
    view = ComparisonChart(state=state)
    pane = pn.panel(view)
    pane.get_root()
    assert "Ma&#x27;anshan" in pane[1].object


def test_redraw_follows_every_change():
    # Outside a server session the redraw runs at once; under `panel serve` on the next tick,
    # with every other view's (tests/views/test_base.py).
    state = ExplorerState()
    view = ComparisonChart(state=state)
    view.__panel__()
    state.indicator = "gdp"
    assert "地区生产总值" in view.drawn.opts.get().kwargs["title"]


def test_value_axis_abbreviates_millions():
    from ycsp_panel.views.chart import comparison, comparison_element

    def axis_format(**params) -> str:
        element = comparison_element(comparison(ExplorerState(**params)), "en")
        return element.opts.get().kwargs["xformatter"].format

    assert axis_format() == "0,0"  # 10,000 persons: up to 2,500
    census = axis_format(indicator="population_census", year=2020, kind="observed")
    assert census == "0.[0]a"  # persons: up to 24,870,895


# -- what a PNG from the save tool shows: everything is painted on the canvas ---------------


def live_figure(view: ComparisonChart, root):
    """The Bokeh figure the page holds now (the pane swaps it on every redraw)."""
    return view._plot._models[root.ref["id"]][0]


def legend_of(figure) -> list[tuple[str, str]]:
    """(label, category of the row its swatch is drawn from) for every colour's entry."""
    [legend] = figure.select({"type": Legend})
    assert legend in figure.below  # under the axis, inside the canvas
    entries = []
    for item in legend.items:
        [renderer] = item.renderers
        if not item.visible:
            continue  # a spare entry, kept for a later view
        if "outlines" in renderer.tags:
            continue  # the highlight's entry, drawn from the outlines
        label = item.label.value.replace("\n", " ")  # long English names wrap
        entries.append((label, renderer.data_source.data["category"][item.index]))
    return entries


def test_png_has_title_axes_value_labels_colour_legend_and_a_file_name():
    view, element = chart(lang="en", **POP_2030)
    figure = hv.render(element)
    assert figure.title.text == "Resident population\n2030 · plan forecast · unit: 10,000 persons"
    assert figure.xaxis[0].axis_label == "10,000 persons" and figure.yaxis[0].axis_label == "City"
    [labels] = [r for r in figure.renderers if isinstance(r.glyph, Text)]
    assert labels.data_source.data["bar_text"][-1] == "2,500"  # Shanghai, drawn last (on top)
    entries = legend_of(figure)
    assert [label for label, _ in entries] == list(view.element().opts.get().kwargs["cmap"])
    assert all(label == category for label, category in entries)  # each swatch its own colour
    # The circles in the map key's order (the palette's), the core and "in no circle" last.
    assert [label for label, _ in entries][-2:] == ["Core (Shanghai)", "In no circle"]
    assert entries[0][0] == "Nanjing metropolitan circle"
    [save] = figure.select({"type": SaveTool})
    assert save.filename == "ycsp_chart_population_2030_forecast_en"


def test_groups_have_no_colour_legend_they_are_named_on_the_axis():
    _, element = chart(lang="zh", compare_by="circle", **GDP_2020)
    figure = hv.render(element)
    assert list(figure.select({"type": Legend})) == []
    [save] = figure.select({"type": SaveTool})
    assert save.filename == "ycsp_chart_gdp_2020_observed_by_circle_zh"


def test_canvas_text_of_the_chart_names_a_cjk_font_first():
    _, element = chart(lang="zh", **POP_2030)
    figure = hv.render(element)
    fonts = [
        figure.title.text_font,
        *(axis.axis_label_text_font for axis in figure.select({"type": Axis})),
        *(axis.major_label_text_font for axis in figure.select({"type": Axis})),
        *(legend.label_text_font for legend in figure.select({"type": Legend})),
        *(glyph.text_font.value for glyph in figure.select({"type": Text})),
    ]
    assert set(fonts) == {CANVAS_FONT} and len(fonts) >= 6
    assert all(title.text_font == CANVAS_FONT for title in figure.select({"type": Title}))


def test_save_name_and_legend_follow_the_state():
    state = ExplorerState(**POP_2030)
    view = ComparisonChart(state=state)
    layout = view.__panel__()
    root = layout.get_root()

    def save_name() -> str:
        [save] = live_figure(view, root).select({"type": SaveTool})
        return save.filename

    assert save_name() == "ycsp_chart_population_2030_forecast_zh"
    assert legend_of(live_figure(view, root))[0][0] == "南京都市圈"
    state.lang = "en"
    assert save_name() == "ycsp_chart_population_2030_forecast_en"
    assert legend_of(live_figure(view, root))[0][0] == "Nanjing metropolitan circle"
    state.scope = "circle:hefei"
    assert save_name() == "ycsp_chart_population_2030_forecast_circle-hefei_en"
    assert legend_of(live_figure(view, root)) == [("Hefei metropolitan circle",) * 2]
    state.indicator = "gdp"
    assert save_name() == "ycsp_chart_gdp_2020_observed_circle-hefei_en"
    layout._cleanup(root)


def test_highlighted_cities_have_a_legend_entry_drawn_as_their_outline():
    _, element = chart(lang="en", scope="circle:hefei", cities=[HEFEI], **POP_2030)
    figure = hv.render(element)
    [legend] = figure.select({"type": Legend})
    *colours, highlight = [item for item in legend.items if item.visible]
    assert [item.label.value for item in colours] == ["Hefei metropolitan circle"]
    assert highlight.label.value == "★ Highlighted city"
    [outlines] = highlight.renderers
    assert outlines.glyph.line_color == "black" and outlines.glyph.fill_alpha == 0
    assert outlines.data_source.data["label"][highlight.index] == "★ Hefei"
    assert outlines.data_source.data["outline"][highlight.index] == 1
    # Without a highlight, no such entry.
    _, element = chart(lang="en", scope="circle:hefei", **POP_2030)
    [legend] = hv.render(element).select({"type": Legend})
    shown = [item.label.value for item in legend.items if item.visible]
    assert shown == ["Hefei metropolitan circle"]


def test_a_change_patches_the_live_figure_without_new_models():
    from bokeh.document import Document

    state = ExplorerState(lang="en", cities=[SUZHOU])
    view = ComparisonChart(state=state)
    document = Document()
    document.add_root(view.__panel__().get_root(document))
    figure = live_figure(view, document.roots[0])
    before = {model.id for model in document.models}
    state.indicator = "gdp"  # 26 bars again, other values and order
    state.year = 2023
    state.cities = ["340100"]
    assert live_figure(view, document.roots[0]) is figure  # the same figure, patched
    assert {model.id for model in document.models} <= before  # nothing new to send or walk
    assert "Gross domestic product" in figure.title.text
    assert len(figure.y_range.factors) == 26
    state.scope = "circle:hefei"  # fewer bars: still patched in place
    assert live_figure(view, document.roots[0]) is figure
    assert len(figure.y_range.factors) == 3


def test_no_change_makes_bokeh_walk_the_document_again():
    # Bokeh walks every model of the document (with every section open, ≈ 1,000) whenever a
    # property that holds models is set, or a HoloViews update ends: the chart does neither.
    from bokeh.document import Document

    state = ExplorerState(lang="en")
    view = ComparisonChart(state=state)
    document = Document()
    document.add_root(view.__panel__().get_root(document))
    walks = []
    walk = document.models.recompute
    document.models.recompute = lambda: walks.append(1) or walk()
    state.scope = "circle:hefei"  # 26 bars → 3, seven colours → one
    state.cities = [HEFEI]  # the highlight's key entry appears
    state.indicator = "gdp"
    state.cities = []
    state.scope = "all"  # and back to seven colours
    state.color_by = "status"  # the map's colouring: the statuses' colours and key
    state.color_by = "value"
    state.lang = "zh"
    assert walks == []
    figure = live_figure(view, document.roots[0])
    assert len(figure.y_range.factors) == 26
    assert legend_of(figure)[0][0] == "南京都市圈"
    assert len(legend_of(figure)) == len(view._chart().colors)


def test_a_new_ranking_keeps_the_rows_and_reorders_the_factors():
    # A bar's place on the axis comes from the factors: the same bars keep their rows, so a
    # change of indicator or year sends the values that changed, not every column again.
    from bokeh.document import Document

    state = ExplorerState(lang="en")
    view = ComparisonChart(state=state)
    document = Document()
    document.add_root(view.__panel__().get_root(document))
    figure = live_figure(view, document.roots[0])
    source = figure.renderers[0].data_source
    ids = list(source.data["id"])
    names = source.data["name_en"]
    state.indicator = "gdp"
    assert list(source.data["id"]) == ids and source.data["name_en"] is names  # not sent again
    value = dict(zip(source.data["label"], source.data["value"], strict=True))
    order = [value[label] for label in figure.y_range.factors]  # bottom to top
    missing = sum(np.isnan(order))
    assert missing and all(np.isnan(order[:missing]))  # no data at the bottom
    assert order[missing:] == sorted(order[missing:])  # then the largest on top
    expected = data.city_values("gdp", 2020, "observed")
    shown = dict(zip(source.data["id"], source.data["value"], strict=True))
    assert all(shown[code] == v for code, v in expected.items())


# -- the chart's colours are the map's -------------------------------------------------------


def bar_colours(figure) -> dict[str, str]:
    """Each city bar's fill, by city code, as the browser draws it (the colour mapper)."""
    [renderer] = [
        r
        for r in figure.renderers
        if isinstance(getattr(r.glyph, "fill_color", None), Field) and r.glyph.fill_color.transform
    ]
    mapper = renderer.glyph.fill_color.transform
    colour_of = dict(zip(mapper.factors, mapper.palette, strict=False))
    data_ = renderer.data_source.data
    return {code: colour_of[c] for code, c in zip(data_["id"], data_["category"], strict=True)}


@pytest.mark.parametrize(
    "color_by", ["value", "circle", "province", "belt", "size_class", "functional_zone", "status"]
)
def test_city_bars_are_coloured_as_the_map_colours_the_cities(color_by):
    from ycsp_panel.views.map import map_styles

    state = ExplorerState(lang="en", color_by=color_by, **GDP_2020)
    figure = hv.render(ComparisonChart(state=state).element())
    as_map = "circle" if color_by == "value" else color_by  # beside a value map: by circle
    shown = map_styles(ExplorerState(lang="en", color_by=as_map, **GDP_2020))
    assert bar_colours(figure) == shown["fill"].to_dict()


def test_a_status_map_makes_the_chart_say_and_draw_status_in_place():
    state = ExplorerState(lang="en", **GDP_2020)
    view = ComparisonChart(state=state)
    layout = view.__panel__()
    root = layout.get_root()
    before = live_figure(view, root)
    state.color_by = "status"
    figure = live_figure(view, root)
    assert figure is before  # patched, not drawn again
    status = population_status("en").set_index("code")
    assert bar_colours(figure) == {code: palette.STATUS[s] for code, s in status["status"].items()}
    labels = {label for label, _ in legend_of(figure)}
    assert labels == set(status["status_label"])  # the key names the statuses, not circles
    [legend] = figure.select({"type": Legend})
    assert legend.title == "Colour: Population target status (2020)"  # says it plainly
    state.color_by = "value"
    assert bar_colours(figure)[SUZHOU] == palette.CIRCLE["suxichang"]
    assert legend.title == "Colour: Metropolitan circle"
    layout._cleanup(root)


def source_line_of(figure) -> str:
    [title] = [m for m in figure.below if isinstance(m, Title) and "ycsp-source" in m.tags]
    return title.text


def test_the_png_carries_the_sources_of_what_it_shows_in_place():
    from ycsp_panel import export

    state = ExplorerState(lang="en")
    view = ComparisonChart(state=state)
    root = view.__panel__().get_root()
    figure = live_figure(view, root)
    line = source_line_of(figure)
    assert line.replace("\n", " ").startswith(
        "Source: YRD Urban Agglomeration Development Plan (2016)"
    )
    assert all(len(part) <= 44 for part in line.split("\n"))  # wrapped to fit the canvas
    state.indicator = "gdp"  # 24 cities, each from its own publication
    assert live_figure(view, root) is figure
    n = len(export.sources_used(export.view_rows(state)))
    assert source_line_of(figure).replace("\n", " ") == (
        f"Sources: {n} publications; each city's is in its hover and in the data table"
    )
    state.lang = "zh"
    assert source_line_of(figure).startswith(f"来源：{n}种出版物")
