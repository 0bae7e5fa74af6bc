"""The economy tab, checked through the HoloViews elements it returns and their Bokeh figures."""

from __future__ import annotations

import holoviews as hv
import pandas as pd
import pytest
from bokeh.models import HoverTool, Legend, SaveTool, Title

from ycsp_panel import data
from ycsp_panel.i18n import t
from ycsp_panel.state import ExplorerState
from ycsp_panel.views import economy as view
from ycsp_panel.views.chart import CANVAS_FONT, HIGHLIGHT_MARK, wrapped_title

hv.extension("bokeh", logo=False)

SUZHOU, HEFEI, XUANCHENG, MAANSHAN = "320500", "340100", "341800", "340500"
ANHUI = "province:340000"


def title_of(element) -> str:
    return element.opts.get().kwargs["title"]


def hover_tooltips(figure) -> list[tuple[str, str]]:
    return [tip for tool in figure.select({"type": HoverTool}) for tip in tool.tooltips]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_world_chart_one_marker_per_cluster_yrd_highlighted(lang):
    element = view.world_element(lang)
    points = [p for p in element.World if isinstance(p, hv.Points)]
    names = data.entity_names().set_index("id")[f"name_{lang}"]
    assert len(points) == 6
    yrd = [p for p in points if (p.dframe()["cluster"].str.startswith(HIGHLIGHT_MARK)).all()]
    [yrd] = yrd
    assert yrd.dframe()["cluster"].iloc[0] == f"{HIGHLIGHT_MARK} {names['yrd']}"
    assert (yrd.dframe()["ratio"] == 1.0).all()
    assert yrd.opts.get().kwargs["marker"] == "star"
    frame = pd.concat(p.dframe() for p in points)
    assert len(frame) == 30
    japan = frame[frame["cluster"] == names["japan_pacific"]].set_index("measure_text")
    per_km2 = view.measure_label("gdp_per_km2_usd", lang)
    assert japan.loc[per_km2, "ratio"] == pytest.approx(9662 / 974)
    assert japan.loc[per_km2, "value_text"].startswith("9,662 ")
    source = data.sources().set_index("id").loc["plan:ch1.s3.table2", f"title_{lang}"]
    assert set(frame["source"]) == {source}
    assert set(frame["year"]) == {"2014", t("economy.no_year", lang)}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_world_chart_title_axes_legend_and_hover_in_the_canvas(lang):
    element = view.world_element(lang, "ycsp_economy_world_x")
    assert title_of(element) == t("economy.world.title", lang)
    assert "2014" in title_of(element)
    figure = hv.render(element)
    assert figure.title.text == wrapped_title(t("economy.world.title", lang))
    assert figure.xaxis[0].axis_label == t("economy.world.axis.x", lang)
    unit = data.indicators().set_index("id").loc["gdp_per_capita_usd", f"unit_{lang}"]
    assert any(unit in label for label in figure.yaxis[0].major_label_overrides.values())
    [legend] = figure.select({"type": Legend})
    assert len(legend.items) == 6
    assert (t("chart.hover.source", lang), "@{source}") in hover_tooltips(figure)
    assert [tool.filename for tool in figure.select({"type": SaveTool})] == ["ycsp_economy_world_x"]
    assert all(title.text_font == CANVAS_FONT for title in figure.select({"type": Title}))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_shares_chart_goal_observed_and_not_computable(lang):
    rows = view.share_rows(lang).set_index(["measure", "series"])
    pct = " %" if lang == "en" else "%"  # one percent format (ycsp_panel.numbers)
    assert rows.loc[("population", "observed"), "text"] == f"≈ 11.0{pct}"
    assert rows.loc[("population", "goal"), "value"] == 11.8
    assert rows.loc[("population", "now"), "value"] == pytest.approx(11.69, abs=0.01)
    assert rows.loc[("population", "now"), "text"] == f"11.7{pct}"
    gdp_now = rows.loc[("gdp", "now")]
    assert pd.isna(gdp_now["value"]) and not gdp_now["computable"]
    assert gdp_now["text"] == t("economy.shares.not_computable.incomplete", lang).format(
        n=24, year=2020
    )
    assert "24" in gdp_now["text"] and "26" in gdp_now["text"]
    assert rows.loc[("gdp", "goal"), "direction"] == t("direction.expectation", lang)
    assert rows.loc[("land", "goal"), "direction"] == t("economy.shares.no_direction", lang)
    assert rows.loc[("land", "observed"), "year"] == t("economy.no_year", lang)

    element = view.shares_element(lang)
    labels = element.Shares.Labels.dframe()
    assert gdp_now["text"] in set(labels["text"])
    drawn = {r.label: r.dframe() for r in element if isinstance(r, hv.Rectangles)}
    goal = t("economy.shares.series.goal", lang)
    assert sorted(drawn[goal]["value"]) == [2.2, 11.8, 21.0]
    now = drawn[t("economy.shares.series.now", lang)]
    assert len(now) == 1  # only the population share is computable
    figure = hv.render(element)
    assert figure.title.text == wrapped_title(t("economy.shares.title", lang))
    assert figure.xaxis[0].axis_label == t("economy.shares.axis.x", lang)
    [legend] = figure.select({"type": Legend})
    assert [item.label.value.replace("\n", " ") for item in legend.items] == [
        t(f"economy.shares.series.{s}", lang) for s in view.SERIES
    ]
    assert (t("chart.hover.source", lang), "@{source}") in hover_tooltips(figure)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_city_gdp_for_the_scope_with_highlight_quality_and_no_data(lang):
    state = ExplorerState(lang=lang, scope=ANHUI, cities=[HEFEI, MAANSHAN])
    bars = view.gdp_bars(state)
    assert sorted(bars["code"]) == sorted(state.scope_cities)
    assert bars["has_data"].sum() == 6  # Ma'anshan and Anqing: no 2020 GDP found
    hefei = bars.set_index("code").loc[HEFEI]
    name = data.cities().set_index("code").loc[HEFEI, f"name_{lang}"]
    assert hefei["label"] == f"{HIGHLIGHT_MARK} {name}"
    assert hefei["quality"] == t("quality.secondary", lang)
    maanshan = bars.set_index("code").loc[MAANSHAN]
    assert maanshan["bar_text"] == t("no_data", lang) and not maanshan["has_data"]
    xuancheng = bars.set_index("code").loc[XUANCHENG]  # a secondary source, says so
    assert xuancheng["quality"] == t("quality.secondary", lang) and xuancheng["has_data"]
    assert bars.iloc[-1]["has_data"] == False  # noqa: E712  (no data last, never ranked as 0)

    element = view.gdp_element(state)
    title = title_of(element)
    unit = data.indicators().set_index("id").loc["gdp", f"unit_{lang}"]
    assert unit in title and "2020" in title
    highlighted = element.GDP.Highlight.dframe()
    assert highlighted["value"].notna().sum() == 1  # Ma'anshan has no bar to outline
    labels = element.GDP.Labels.dframe()
    assert (labels["bar_text"] == t("no_data", lang)).sum() == 2
    figure = hv.render(element)
    assert figure.title.text == wrapped_title(title)
    assert figure.xaxis[0].axis_label == unit
    assert (t("chart.hover.quality", lang), "@{quality}") in hover_tooltips(figure)
    [tool] = figure.select({"type": SaveTool})
    assert tool.filename == f"ycsp_economy_gdp_2020_province-340000_{lang}"


def test_gdp_title_states_scope_and_coverage():
    state = ExplorerState(lang="en", scope=ANHUI)
    title = view.gdp_title(state, view.gdp_bars(state), 2020)
    anhui = data.entity_names().set_index("id").loc["340000", "name_en"]
    assert title == (
        f"Gross domestic product (100 million CNY) · 2020 · observed\n{anhui}: 6 of 8 cities "
        "have data"
    )


def test_the_view_relabels_on_language_and_redraws_on_scope_and_cities():
    state = ExplorerState(cities=[SUZHOU])
    economy = view.EconomyView(state=state)
    economy.__panel__()
    assert title_of(economy._world.object) == t("economy.world.title", "zh")
    assert len(economy._gdp.object.GDP.Bars.dframe()) == 26
    world_before = economy._world.object
    # Panel would link same-named axes across the charts (the world chart's range broke).
    assert not any(pane.linked_axes for pane in (economy._world, economy._shares, economy._gdp))

    state.scope = ANHUI
    assert len(economy._gdp.object.GDP.Bars.dframe()) == 8
    assert economy._world.object is world_before  # the cluster's charts ignore the scope

    state.cities = [HEFEI]
    marked = economy._gdp.object.GDP.Bars.dframe()["label"]
    assert marked.str.startswith(HIGHLIGHT_MARK).sum() == 1

    state.lang = "en"
    assert title_of(economy._world.object) == t("economy.world.title", "en")
    assert title_of(economy._shares.object) == t("economy.shares.title", "en")
    assert "observed" in title_of(economy._gdp.object)
    assert "No data (2 cities)" in economy._gdp_notes.object
    assert economy._headings["gdp"].object == f"### {t('economy.gdp.heading', 'en')}"
