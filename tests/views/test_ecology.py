"""The ecology view: what it draws, in both languages, following scope and highlight."""

import datetime

import holoviews as hv
import pytest
from bokeh.models import SaveTool

from ycsp_panel.i18n import LABELS, t
from ycsp_panel.state import ExplorerState
from ycsp_panel.views import ecology as view
from ycsp_panel.views.chart import CANVAS_FONT

BEFORE, AFTER = datetime.date(2019, 12, 31), datetime.date(2021, 1, 1)


@pytest.fixture
def state():
    return ExplorerState(lang="en")


def test_intensity_bars_follow_data_scope_and_highlight(state):
    bars = view.intensity_bars(state).set_index("role")
    assert bars.loc["cluster", "value"] == 17.1
    assert bars.loc["cluster", "year_text"] == "2013"
    assert bars.loc["city", "year_text"] == t("ecology.no_year", "en")
    assert bars.loc["redline_goal", "value_text"] == "≥ 15 % (floor)"
    assert bars.loc["redline_goal", "hatch"] == "/"
    assert "36153" in bars.loc["cluster", "extra"] or "36,153" in bars.loc["cluster", "extra"]
    assert (bars["source"] != "").all() and (bars["quality"] != "").all()
    assert bars.loc["city", "line_width"] < 1
    state.param.update(cities=["310000"], scope="province:320000")
    bars = view.intensity_bars(state).set_index("role")
    assert bars.loc["city", "line_width"] == 3.0 and bars.loc["city", "label"].startswith("★")
    assert bars.loc["city", "alpha"] < bars.loc["cluster", "alpha"]  # Shanghai out of scope


def test_intensity_chart_renders_with_title_axis_and_font(state):
    for lang in ("zh", "en"):
        state.lang = lang
        figure = hv.render(view.intensity_element(state), backend="bokeh")
        assert "%" in figure.title.text and "2013" in figure.title.text
        assert "2020" in figure.title.text
        assert figure.xaxis[0].axis_label == t("ecology.intensity.axis", lang)
        assert figure.title.text_font == CANVAS_FONT
        [save] = figure.select({"type": SaveTool})
        assert save.filename == f"ycsp_ecology_intensity_{lang}"


def test_timeline_status_by_injected_date(state):
    before = view.timeline_rows(state, BEFORE).set_index("id")
    after = view.timeline_rows(state, AFTER).set_index("id")
    key = "construction_land_reduction_2020_sh"
    assert before.loc[key, "status_text"] == t("ecology.status.upcoming", "en")
    assert after.loc[key, "status_text"] == t("ecology.status.deadline_passed_not_tracked", "en")
    assert after.loc[key, "status_text"] == "deadline passed — outcome not tracked here"


def test_timeline_chart_draws_dated_commitments_only(state):
    element = view.timeline_element(state, BEFORE)
    scatters = [e for e in element if isinstance(e, hv.Scatter)]
    assert sum(len(s) for s in scatters) == 6  # the dated ones; 5 undated are listed apart
    assert {s.label for s in scatters} == {
        t("ecology.status.upcoming", "en"),
        t("ecology.status.deadline_passed_not_tracked", "en"),
    }
    figure = hv.render(element, backend="bokeh")
    assert figure.xaxis[0].axis_label == t("ecology.timeline.axis", "en")
    assert "<li>" in view.undated_html(state, BEFORE)
    assert view.undated_html(state, BEFORE).count("<li>") == 5


def test_commitments_table_columns_in_both_languages(state):
    for lang in ("zh", "en"):
        state.lang = lang
        table = view.commitments_table(state, AFTER)
        cols = ("what", "scope", "threshold", "deadline", "status", "source")
        assert list(table.columns) == [t(f"ecology.col.{c}", lang) for c in cols]
        assert len(table) == 11


def test_scope_fades_commitments_and_highlight_stars_them(state):
    state.param.update(scope="province:340000", cities=["340100"])
    rows = view.timeline_rows(state, AFTER).set_index("id")
    assert not rows.loc["construction_land_reduction_2020_sh", "in_scope"]
    assert rows.loc["ultra_low_emission_coal_units_300mw_2018_ah", "in_scope"]
    assert rows.loc["ultra_low_emission_coal_units_300mw_2018_ah", "highlighted"]
    assert not rows.loc["construction_land_reduction_2020_sh", "highlighted"]


def test_participation_table_follows_scope(state):
    table = view.participation_table(state)
    assert len(table) == 24
    state.scope = "province:340000"
    table = view.participation_table(state)
    # Anhui's plan cities take part in the riverside waters and in Dongzhi's zone only.
    assert len(table) == 2


def test_map_has_cities_and_a_point_per_feature(state):
    element = view.map_element(state, "water_taihu")
    points = [e for e in element if isinstance(e, hv.Points)]
    assert sum(len(p) for p in points) == 24
    polygons = [e for e in element if not isinstance(e, hv.Points | hv.Labels)][0]
    fills = dict(
        zip(polygons.dimension_values("code"), polygons.dimension_values("fill"), strict=True)
    )
    assert fills["330500"] == view.MEMBER_COLOR and fills["310000"] != view.MEMBER_COLOR
    labels = [e for e in element if isinstance(e, hv.Labels)][0]
    assert "Lake Tai (Taihu)*" in set(labels.dimension_values("label"))
    hv.render(element, backend="bokeh")


def test_view_builds_relabels_and_chooses(state):
    ecology = view.EcologyView(state=state, today=BEFORE)
    ecology.__panel__()
    assert ecology.today == BEFORE
    assert ecology._chooser.name == t("ecology.feature.label", "en")
    state.lang = "zh"
    assert ecology._chooser.name == t("ecology.feature.label", "zh")
    assert t("ecology.feature.none", "zh") in ecology._chooser.options
    ecology._chooser.value = "water_dianshan_lake"
    assert state.cities == ["310000", "320500", "330400"]
    assert "▶" in " ".join(ecology._participation.value.iloc[:, 1])
    state.cities = ["340100"]  # highlight moved elsewhere: the choice is dropped
    assert ecology.feature == ""
    assert view.EcologyView(state=ExplorerState()).today == datetime.date.today()


def test_ecology_labels_are_bilingual():
    keys = [k for k in LABELS if k.startswith("ecology.")]
    assert len(keys) > 30
    for key in keys:
        assert LABELS[key]["zh"].strip() and LABELS[key]["en"].strip()
        assert LABELS[key]["zh"] != LABELS[key]["en"]
