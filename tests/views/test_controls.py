"""The selectors follow the state and write to it, without echoing stale values back."""

from __future__ import annotations

from ycsp_panel.state import ExplorerState
from ycsp_panel.views.controls import Controls, scope_label


def test_widgets_write_the_state_and_the_state_settles_them():
    state = ExplorerState()
    controls = Controls(state=state)
    controls.indicator.value = "gdp"
    assert (state.year, state.kind) == (2020, "observed")
    assert (controls.year.value, controls.kind.value) == (2020, "observed")
    controls.indicator.value = "population"
    # The kind stays observed; the nearest observed year is 2023, and the widgets agree.
    assert (state.year, state.kind) == (2023, "observed")
    assert (controls.year.value, controls.kind.value) == (2023, "observed")
    assert list(controls.year.options.values()) == [2014, 2020, 2023, 2030]
    controls.year.value = 2030
    assert (state.kind, controls.kind.value) == ("forecast", "forecast")


def test_state_changes_reach_the_widgets():
    state = ExplorerState()
    controls = Controls(state=state)
    state.param.update(scope="circle:hefei", cities=["340100"], overlays=["belts"])
    assert controls.scope.value == "circle:hefei"
    assert controls.cities.value == ["340100"] and controls.overlays.value == ["belts"]
    # Several period parameters at once (one watcher call with several events).
    state.param.update(indicator="gdp", year=2020, kind="observed")
    assert (controls.indicator.value, controls.year.value, controls.kind.value) == (
        "gdp",
        2020,
        "observed",
    )
    state.param.update(indicator="population", year=2030, kind="forecast")
    assert (controls.year.value, controls.kind.value) == (2030, "forecast")
    assert list(controls.kind.options.values()) == ["observed", "target", "forecast"]


def test_labels_follow_the_language():
    state = ExplorerState(lang="zh")
    controls = Controls(state=state)
    assert controls.indicator.label == "指标" and "都市圈 · 合肥都市圈" in controls.scope.options
    state.lang = "en"
    assert controls.indicator.label == "Indicator"
    assert "Circle · Hefei metropolitan circle" in controls.scope.options
    assert "Resident population (10,000 persons)" in controls.indicator.options
    assert scope_label("all", "en") == "All 26 cities"


def test_only_the_selectors_that_act_on_the_section_in_view_are_shown():
    from ycsp_panel.app import page_sections

    state = ExplorerState()
    controls = Controls(state=state, acting=page_sections(state).acting())
    every = {
        "indicator",
        "year",
        "kind",
        "scope",
        "cities",
        "color_by",
        "scale",
        "compare_by",
        "overlays",
    }
    assert controls.shown() == every  # the map and the chart follow all of them
    state.section = "population"  # follows the scope and the highlight only
    assert controls.shown() == {"scope", "cities"}
    assert not controls.indicator.visible and not controls.color_by.visible
    assert controls.scope.visible
    headings = {key: pane.visible for key, pane in controls._headings.items()}
    assert headings == {"controls.what": False, "controls.where": True, "controls.how": False}
    state.section = "table"  # the rows behind the view: what, where, and the grouping
    assert controls.shown() == every - {"color_by", "scale", "overlays"}
    assert controls.compare_by.visible and not controls.overlays.visible
    state.section = "sources"  # nothing follows a selection: say so
    assert controls.shown() == set() and controls._idle.visible
    state.lang = "en"
    assert "Nothing in this section" in controls._idle.object
    state.section = "explore"
    assert controls.shown() == every and not controls._idle.visible
    assert Controls(state=ExplorerState(section="sources")).shown() == every  # no acting: all
