"""The population view: element structure, labels in both languages, scope and highlight."""

from __future__ import annotations

import holoviews as hv
import panel as pn
import pytest
from bokeh.models import Legend, SaveTool, Title

from ycsp_panel.i18n import t
from ycsp_panel.state import ExplorerState
from ycsp_panel.views import population as view
from ycsp_panel.views.chart import CANVAS_FONT, wrapped_title

hv.extension("bokeh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_dumbbell_has_plan_points_and_census_by_status(lang):
    state = ExplorerState(lang=lang)
    points = view.dumbbell_points(state)
    assert set(points["point"]) == {"plan_2014", "expected_2020", "forecast_2030", "census_2020"}
    census = points[points["point"] == "census_2020"].set_index("code")
    assert len(census) == 26
    assert census.loc["330100", "status"] == "above"
    assert census.loc["340700", "status_text"] == t("status.not_comparable", lang)
    assert (
        "Zongyang" in census.loc["340700", "gap_text"] or "枞阳" in census.loc["340700", "gap_text"]
    )
    assert census.loc["310000", "source"]  # hover names the source
    figure = hv.render(view.dumbbell_element(state))
    unit = "万人" if lang == "zh" else "10,000 persons"
    assert unit in figure.title.text.replace("\n", " ") and "2030" in figure.title.text
    assert figure.title.text == wrapped_title(
        t("population.dumbbell.title", lang).format(
            indicator="常住人口" if lang == "zh" else "Resident population", unit=unit
        )
    )
    labels = [
        item.label.value.replace("\n", " ") for item in figure.select({"type": Legend})[0].items
    ]
    assert t("population.legend.census", lang).format(status=t("status.above", lang)) in labels
    assert t("population.point.expected_2020", lang) in labels
    assert [tool.filename for tool in figure.select({"type": SaveTool})] == [
        f"ycsp_population_status_2020_{lang}"
    ]
    assert all(title.text_font == CANVAS_FONT for title in figure.select({"type": Title}))


def test_dumbbell_follows_scope_and_highlight():
    state = ExplorerState(lang="en", scope="circle:hangzhou", cities=["330100"])
    points = view.dumbbell_points(state)
    assert set(points["code"]) == {"330100", "330400", "330500", "330600"}
    assert points.loc[points["code"] == "330100", "label"].iloc[0] == "★ Hangzhou"
    outlines = points.set_index(["code", "point"])["outline"]
    assert outlines[("330100", "census_2020")] > outlines[("330400", "census_2020")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_growth_chart_is_ranked_and_names_skipped_cities(lang):
    state = ExplorerState(lang=lang)
    growth = view.growth_points(state)
    # drawn bottom-up: the largest needed growth at the top (highest y)
    assert growth.iloc[-1]["code"] == "330900"
    assert growth["cagr_needed_2020_2030"].is_monotonic_increasing
    assert "340700" not in set(growth["code"])
    [note] = view.growth_notes(state)
    names = ("铜陵市", "安庆市") if lang == "zh" else ("Tongling", "Anqing")
    assert all(name in note for name in names)
    figure = hv.render(view.growth_element(state))
    assert figure.title.text == wrapped_title(t("population.growth.title", lang))
    labels = [
        item.label.value.replace("\n", " ") for item in figure.select({"type": Legend})[0].items
    ]
    assert labels == [t(key, lang) for _, key, *_ in view.GROWTH_SERIES]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_table_columns_in_the_language(lang):
    table = view.status_table(ExplorerState(lang=lang))
    assert list(table.columns) == [t(f"population.col.{c}", lang) for c in view.TABLE_COLUMNS]
    status = table.set_index(t("population.col.city", lang))[t("population.col.status", lang)]
    name = "南通市" if lang == "zh" else "Nantong"
    assert status[name] == t("status.below", lang)


def test_aggregates_box_has_coverage_national_share_and_gdp_reason():
    en = view.aggregates_html("en")
    assert "11.7 %" in en and "11.8 %" in en
    assert "26 of 26 cities" in en
    assert "Only 24 of 26 cities" in en
    zh = view.aggregates_html("zh")
    assert "11.7%" in zh and "26个城市中26个有数据" in zh
    assert "<script" not in en


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_view_panel_and_language_switch(lang):
    state = ExplorerState(lang="zh" if lang == "en" else "en")
    population = view.PopulationView(state=state)
    layout = population.__panel__()
    assert isinstance(layout, pn.Column)
    state.lang = lang
    assert t("population.heading", lang) in population.text()
    assert t("status.rules.heading", lang) in population.text()
    table = population.table().target  # the Tabulator inside its ARIA mend
    assert table.name == t("population.table.caption", lang)
    assert table.disabled


def test_status_table_gives_each_citys_share_of_its_circle_and_of_the_cluster():
    table = view.status_table(ExplorerState(lang="en", scope="circle:nanjing"))
    share = table[t("population.col.share_circle", "en")]
    assert abs(share.sum() - 100) < 0.2  # the circle's members add up to the whole circle
    cluster = view.status_table(ExplorerState(lang="en"))[t("population.col.share_cluster", "en")]
    assert abs(cluster.sum() - 100) < 0.2
    assert cluster.iloc[0] == 15.1  # Shanghai: 2487.09 of 16508.55 (census 2020)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_table_answers_first_and_marks_status_in_the_maps_colours(lang):
    from ycsp_panel.analysis.population import population_status
    from ycsp_panel.views import palette

    # city, status, plan, census, gap, gap %: the answer before what qualifies it
    assert view.TABLE_COLUMNS[:6] == (
        "city",
        "status",
        "expected_2020",
        "census_2020",
        "gap",
        "gap_pct",
    )
    state = ExplorerState(lang=lang)
    population = view.PopulationView(state=state)
    table = population.table().target
    assert table.frozen_columns == ["city"]  # stays in view when the rest scrolls
    model = table.get_root()
    status = population_status(lang)
    column = list(view.TABLE_COLUMNS).index("status") + 1  # Tabulator's first column: index
    for row, (_, city) in enumerate(status.iterrows()):
        [style] = [v for k, v in model.cell_styles["data"][row].items() if int(k) == column]
        colour = palette.STATUS[city["status"]]
        assert any(colour in str(declaration) for declaration in style), (city["code"], style)
    state.lang = "en" if lang == "zh" else "zh"  # the other language's words, the same marks
    assert model.cell_styles["data"] == table.get_root().cell_styles["data"]
