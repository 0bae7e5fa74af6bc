"""The time series, checked through the HoloViews elements it returns and their Bokeh plot."""

from __future__ import annotations

import html
import math

import holoviews as hv
import pandas as pd
import pytest
from bokeh.models import HoverTool, Legend, SaveTool, Text

from ycsp_panel import data
from ycsp_panel.i18n import LABELS
from ycsp_panel.state import ExplorerState
from ycsp_panel.views.chart import CANVAS_FONT, wrapped_title
from ycsp_panel.views.timeseries import (
    HOVER_COLUMNS,
    LINE_COLORS,
    LINE_MARKERS,
    MAX_LINES,
    SeriesChart,
    TimeSeries,
    notes_html,
    series_chart,
    series_element,
)

hv.extension("bokeh", logo=False)

SHANGHAI, TONGLING, SUZHOU, JINHUA, ANQING = "310000", "340700", "320500", "330700", "340800"
THREE = [SHANGHAI, TONGLING, SUZHOU]


def name(code: str, lang: str) -> str:
    return data.cities().set_index("code").loc[code, f"name_{lang}"]


def label(key: str, lang: str) -> str:
    return LABELS[key][lang]


def parts(element: hv.Overlay, group: str) -> dict[str, hv.Element]:
    """The elements of one role (ObservedLine, PlanLine, Observed, Plan, Caveat, Key) by label."""
    return {e.label: e for e in element if e.group == group}


def of_city(elements: dict[str, hv.Element], city_name: str) -> hv.Element:
    [element] = [e for lbl, e in elements.items() if lbl.startswith(city_name)]
    return element


def style(element: hv.Element) -> dict:
    return element.opts.get("style").kwargs


def years(element: hv.Element) -> list[float]:
    return element.dframe()["year"].tolist()


def view(**params) -> tuple[TimeSeries, hv.Overlay]:
    ts = TimeSeries(state=ExplorerState(**params))
    return ts, ts.element()


@pytest.fixture(scope="module")
def three_en() -> hv.Overlay:
    return view(lang="en", cities=THREE)[1]


def test_a_city_with_every_point_solid_observed_and_dashed_plan(three_en):
    suzhou = name(SUZHOU, "en")
    observed_line = of_city(parts(three_en, "ObservedLine"), suzhou)
    plan_line = of_city(parts(three_en, "PlanLine"), suzhou)
    observed = of_city(parts(three_en, "Observed"), suzhou)
    plan = of_city(parts(three_en, "Plan"), suzhou)
    assert years(observed_line) == [2010, 2014, 2020, 2023]
    assert style(observed_line)["line_dash"] == "solid"
    assert years(plan_line) == [2014, 2020, 2030]  # from the plan's baseline
    assert style(plan_line)["line_dash"] == "dashed"
    frame = observed.dframe()
    assert list(zip(frame["year"], frame["kind_label"], strict=True)) == [
        (2010, "census"),
        (2014, "plan baseline (Table 3, year-end)"),
        (2020, "census"),
        (2023, "year-end (statistical bulletin)"),
    ]
    assert frame["value"].tolist() == pytest.approx([1045.989, 1059, 1274.8262, 1295.8])
    assert "fill_alpha" not in style(observed)  # filled
    frame = plan.dframe()
    assert list(zip(frame["year"], frame["value"], strict=True)) == [(2020, 1100), (2030, 1150)]
    assert frame["kind_label"].tolist() == ["plan target", "plan forecast"]
    assert style(plan)["fill_alpha"] == 0  # hollow
    assert style(observed)["marker"] == style(plan)["marker"]
    assert style(observed)["color"] == style(plan)["color"]


def test_each_city_has_its_own_colour_and_marker(three_en):
    observed = parts(three_en, "Observed")
    order = [name(code, "en") for code in THREE]
    colours = [style(of_city(observed, n))["color"] for n in order]
    markers = [style(of_city(observed, n))["marker"] for n in order]
    assert colours == list(LINE_COLORS[:3]) and len(set(colours)) == 3
    assert markers == list(LINE_MARKERS[:3]) and len(set(markers)) == 3


def test_a_city_with_gaps_draws_only_what_it_has_and_says_what_is_missing():
    ts, element = view(lang="en", cities=[JINHUA, SHANGHAI])
    jinhua = name(JINHUA, "en")
    assert years(of_city(parts(element, "ObservedLine"), jinhua)) == [2014, 2020, 2023]
    assert 2010 not in years(of_city(parts(element, "Observed"), jinhua))
    notes = ts.notes()
    assert f"census, 2010: no data for {jinhua}" in notes
    assert f"year-end (statistical bulletin), 2023: no data for {name(SHANGHAI, 'en')}" in notes


def test_tongling_is_broken_at_the_boundary_change_and_marked(three_en):
    tongling = name(TONGLING, "en")
    observed_line = of_city(parts(three_en, "ObservedLine"), tongling)
    line_years = years(observed_line)
    # 2014 (plan's boundary) is not joined to the census 2020 and 2023 (today's boundary).
    assert line_years[0] == 2014 and math.isnan(line_years[1]) and line_years[2:] == [2020, 2023]
    plan_line = of_city(parts(three_en, "PlanLine"), tongling)
    assert years(plan_line) == [2014, 2020, 2030]  # the plan's own path stays joined
    assert plan_line.dframe()["value"].tolist() == [74, 100, 130]
    [marks] = parts(three_en, "Caveat").values()
    assert marks.label.startswith(tongling)
    assert marks.dframe()["year"].tolist() == [2020, 2023]
    assert set(marks.dframe()["mark"]) == {"⚠"}
    # No other line is marked or broken.
    suzhou_line = of_city(parts(three_en, "ObservedLine"), name(SUZHOU, "en"))
    assert not suzhou_line.dframe()["year"].isna().any()
    observed = of_city(parts(three_en, "Observed"), tongling).dframe()
    flagged = observed.set_index("year")["caveat_text"]
    assert flagged[2014] == "" and flagged[2020] == label("series.caveat", "en")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tongling_caveat_note_carries_its_boundary_note(lang):
    ts, _ = view(lang=lang, cities=THREE)
    note = data.cities().set_index("code").loc[TONGLING, f"boundary_note_{lang}"]
    [caveat] = [n for n in ts.notes() if note in n]
    assert caveat.startswith("⚠ " + name(TONGLING, lang))
    assert not any(name(SUZHOU, lang) in n and "⚠" in n for n in ts.notes())
    assert html.escape(note) in notes_html(series_chart(ts.state))


def test_anqing_is_flagged_like_tongling():
    _, element = view(lang="zh", cities=[ANQING])
    [marks] = parts(element, "Caveat").values()
    assert marks.dframe()["year"].tolist() == [2020]  # its census; it has no year-end figure
    [legend_label] = parts(element, "ObservedLine")
    assert legend_label == label("series.legend.caveat", "zh").format(name=name(ANQING, "zh"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hover_columns_and_tooltips_in_the_states_language(lang):
    _, element = view(lang=lang, cities=THREE)
    for group in ("Observed", "Plan"):
        for scatter in parts(element, group).values():
            assert [d.name for d in scatter.vdims][1:] == HOVER_COLUMNS
    plot = hv.render(element)
    [hover] = plot.select(type=HoverTool)
    names = [name for name, _ in hover.tooltips]
    assert names == [
        label("series.hover.name", lang),
        label("chart.hover.year", lang),
        label("chart.hover.kind", lang),
        label("chart.hover.value", lang),
        label("chart.hover.source", lang),
        label("chart.hover.quality", lang),
        label("series.hover.caveat", lang),
    ]
    # Only the markers answer the hover, not the lines.
    assert {type(r.glyph).__name__ for r in hover.renderers} == {"Scatter"}
    assert len(hover.renderers) == 6
    observed = of_city(parts(element, "Observed"), name(SHANGHAI, lang)).dframe()
    census = observed.set_index("year").loc[2020]
    sources = data.sources().set_index("id")
    assert census["source"] == sources.loc["census2020:shanghai", f"title_{lang}"]
    assert census["name"] == name(SHANGHAI, lang)
    assert "24,870,895" in census["value_text"] and "2,487.1" in census["value_text"]
    target = of_city(parts(element, "Plan"), name(SHANGHAI, lang)).dframe().iloc[0]
    assert LABELS["direction.ceiling"][lang] in target["value_text"]
    assert target["quality"] == LABELS["quality.plan"][lang]


def test_title_legend_fonts_and_save_tool_are_in_the_figure():
    for lang in ("zh", "en"):
        _, element = view(lang=lang, cities=THREE)
        plot = hv.render(element)
        assert plot.title.text == wrapped_title(label("series.title", lang))
        assert "WenQuanYi Micro Hei" in CANVAS_FONT
        assert plot.title.text_font == CANVAS_FONT
        assert plot.xaxis[0].axis_label == label("series.axis.year", lang)
        assert plot.yaxis[0].major_label_text_font == CANVAS_FONT
        assert plot.select({"type": Text})[0].text_font.value == CANVAS_FONT  # the ⚠ marks
        [legend] = plot.legend
        # Under the plot (a phone has no room beside it), inside the canvas (so in the PNG).
        assert legend in plot.below
        assert legend.label_text_font == CANVAS_FONT
        labels = [item.label.value for item in legend.items]
        assert labels == [
            name(SHANGHAI, lang),
            label("series.legend.caveat", lang).format(name=name(TONGLING, lang)),
            name(SUZHOU, lang),
            label("series.legend.observed", lang),
            label("series.legend.plan", lang),
        ]
        [save] = plot.select(type=SaveTool)
        # A name, so Bokeh asks for none in a prompt, saying what the PNG shows.
        assert save.filename == f"ycsp_series_population_310000_340700_320500_{lang}"
        assert {tick for tick in plot.xaxis[0].ticker.ticks} >= {2010, 2014, 2020, 2023, 2030}


def test_key_shows_the_two_styles():
    _, element = view(lang="en", cities=[SUZHOU])
    key = [e for e in element if e.group == "Key"]
    observed = [e for e in key if e.label == label("series.legend.observed", "en")]
    plan = [e for e in key if e.label == label("series.legend.plan", "en")]
    assert {style(e).get("line_dash") for e in observed if isinstance(e, hv.Curve)} == {"solid"}
    assert {style(e).get("line_dash") for e in plan if isinstance(e, hv.Curve)} == {"dashed"}
    assert [style(e)["fill_alpha"] for e in plan if isinstance(e, hv.Scatter)] == [0]
    plot = hv.render(element)
    assert isinstance(plot.legend[0], Legend)


def test_relabels_when_the_language_changes():
    ts = TimeSeries(state=ExplorerState(lang="zh", cities=[TONGLING]))
    ts.__panel__()
    zh = ts._plot.object
    assert zh.opts.get().kwargs["title"] == label("series.title", "zh")
    ts.state.lang = "en"
    en = ts._plot.object
    assert en.opts.get().kwargs["title"] == label("series.title", "en")
    observed = of_city(parts(en, "Observed"), name(TONGLING, "en")).dframe()
    assert observed["kind_label"].tolist()[0] == label("series.kind.plan_baseline", "en")
    assert html.escape(label("series.note.encoding", "en")) in ts._notes.object
    ts.state.cities = [SUZHOU]
    assert [e.label for e in ts._plot.object if e.group == "Observed"] == [name(SUZHOU, "en")]


def test_scope_total_when_no_city_is_highlighted():
    ts, element = view(lang="en", scope="province:340000", cities=[])
    [line] = parts(element, "ObservedLine").values()
    anhui = data.entities().set_index("id").loc["340000", "name_en"]
    assert line.label == label("series.group_total", "en").format(name=anhui)
    baseline = data.aggregate(
        "population", 2014, "observed", by="province", source="plan:ch3.s2.table3"
    )
    expected = baseline.set_index("group_id").loc["340000", "value"]
    points = pd.concat([e.dframe() for e in element if e.group in ("Observed", "Plan")])
    assert points.set_index("year").loc[2014, "value"] == pytest.approx(expected)
    # Census 2010 and year-end 2023 cover 2 of 8 cities: no total, not drawn, said below.
    assert 2010 not in points["year"].tolist() and 2023 not in points["year"].tolist()
    assert "census, 2010: only 2 of 8 cities have a value; not a total, not drawn." in ts.notes()
    assert not parts(element, "Caveat")  # Zongyang moved inside Anhui


def test_all_26_cities_draw_their_total_when_cities_are_compared():
    ts, element = view(lang="zh", scope="all", cities=[], compare_by="city")
    [line] = parts(element, "ObservedLine").values()
    assert line.label == "长三角城市群（合计）"
    points = pd.concat([e.dframe() for e in element if e.group in ("Observed", "Plan")])
    by_point = points.set_index("year")["value"]
    # The plan's 2014 and 2030 sums (Table 3) and the census 2020 of all 26 cities.
    assert by_point.loc[2014] == pytest.approx(15036)
    assert by_point.loc[2030] == pytest.approx(17993)
    assert sorted(by_point.loc[2020].tolist()) == pytest.approx([16508.5548, 16585])


@pytest.mark.parametrize(
    "by,n", [("circle", 5), ("province", 4), ("belt", 4)], ids=["circle", "province", "belt"]
)
def test_all_26_cities_compare_the_groups_one_line_each(by, n):
    ts, element = view(lang="en", scope="all", cities=[], compare_by=by)
    lines = parts(element, "ObservedLine")
    assert len(lines) == n
    assert len({e.opts.get().kwargs["color"] for e in lines.values()}) == n
    if by == "circle":
        hefei = of_city(parts(element, "Observed"), "Hefei metropolitan circle").dframe()
        assert hefei.set_index("year").loc[2020, "value"] == pytest.approx(1517.4181)
        assert 2010 not in hefei["year"].tolist()  # 1 of its 3 cities has a 2010 count
        assert (
            "Hefei metropolitan circle · census, 2010: only 1 of 3 cities have a value; "
            "not a total, not drawn." in ts.notes()
        )


def test_at_most_six_lines_and_a_note_naming_the_rest():
    codes = sorted(data.cities()["code"])[: MAX_LINES + 2]
    ts, element = view(lang="en", cities=codes)
    assert len(parts(element, "ObservedLine")) == MAX_LINES
    rest = ", ".join(name(code, "en") for code in codes[MAX_LINES:])
    assert any(note.endswith(rest) and "2 more" in note for note in ts.notes())
    assert len(hv.render(element).legend[0].items) == MAX_LINES + 2  # the key's two styles


def test_notes_are_escaped():
    chart = SeriesChart("t", "x", "y", notes=["<script>alert(1)</script>", "⚠ <b>x</b>"])
    markup = notes_html(chart)
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert "&lt;b&gt;x&lt;/b&gt;" in markup
    message = series_element(SeriesChart("<i>t</i>", "x", "y", message="<img src=x>"), "en")
    assert "<img" not in message.data and "&lt;img src=x&gt;" in message.data
    assert "&lt;i&gt;t&lt;/i&gt;" in message.data
