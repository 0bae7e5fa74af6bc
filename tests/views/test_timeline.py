"""The timeline: the indicator's years as steps (plan years marked apart), picking one sets the
state's year and kind, and play steps through the rest and stops on the last."""

from __future__ import annotations

from ycsp_panel.state import ExplorerState, period_steps
from ycsp_panel.views.timeline import Timeline


def test_population_has_four_steps_in_time_order_with_their_kinds():
    assert period_steps("population") == (
        (2014, "observed"),
        (2020, "target"),
        (2023, "observed"),
        (2030, "forecast"),
    )
    assert period_steps("population_census") == ((2010, "observed"), (2020, "observed"))


def test_steps_are_labelled_in_both_languages_and_the_plan_years_are_dashed():
    timeline = Timeline(state=ExplorerState(lang="en"))
    assert list(timeline.step_labels()) == [
        "2014 observed",
        "2020 plan target",
        "2023 observed",
        "2030 plan forecast",
    ]
    timeline.state.lang = "zh"
    assert list(timeline.step_labels()) == [
        "2014年 实际",
        "2020年 规划预期",
        "2023年 实际",
        "2030年 规划预测",
    ]
    # The plan's steps (target, forecast) are told apart from the observed ones.
    assert [plan for _, _, plan in timeline.step_options()] == [False, True, False, True]
    timeline.state.indicator = "population_census"
    assert [plan for _, _, plan in timeline.step_options()] == [False, False]


def test_picking_a_step_sets_year_and_kind_together_and_the_buttons_follow_the_state():
    state = ExplorerState()
    timeline = Timeline(state=state)
    timeline.__panel__()
    assert timeline.step_buttons.value == "2020:target"
    timeline.step_buttons.value = "2030:forecast"
    assert (state.year, state.kind) == (2030, "forecast")
    assert state.notices == []  # a valid pair: nothing had to move
    state.param.update(year=2014, kind="observed")
    assert timeline.step_buttons.value == "2014:observed"


def test_a_new_indicator_brings_its_own_steps():
    state = ExplorerState(lang="en")
    timeline = Timeline(state=state)
    timeline.__panel__()
    state.indicator = "population_census"
    assert [value for _, value, _ in timeline.step_buttons.options] == [
        "2010:observed",
        "2020:observed",
    ]
    assert timeline.step_buttons.value == f"{state.year}:{state.kind}"


def test_advance_steps_to_the_last_year_and_then_says_there_is_no_more():
    state = ExplorerState(year=2014, kind="observed")
    timeline = Timeline(state=state)
    seen = [(state.year, state.kind)]
    more = True
    while more:
        more = timeline.advance()
        seen.append((state.year, state.kind))
    assert seen == list(period_steps("population"))
    assert timeline.advance() is False and (state.year, state.kind) == (2030, "forecast")


def test_play_from_the_last_year_starts_again_at_the_first_and_stop_ends_it():
    state = ExplorerState(year=2030, kind="forecast")
    timeline = Timeline(state=state)
    timeline.__panel__()
    timeline.play()
    assert timeline.playing and (state.year, state.kind) == (2014, "observed")
    assert timeline.play_button.label == "■ 停止"
    timeline._tick()
    assert (state.year, state.kind) == (2020, "target")
    timeline._tick()
    timeline._tick()  # the last step: play ends by itself
    assert (state.year, state.kind) == (2030, "forecast") and not timeline.playing
    timeline.play()
    timeline.stop()
    assert not timeline.playing and (state.year, state.kind) == (2014, "observed")
    timeline.play()
    state.indicator = "population_census"  # another indicator stops play
    assert not timeline.playing and timeline.play_button.label == "▶ 播放"


def test_leaving_the_section_stops_play():
    timeline = Timeline(state=ExplorerState(year=2014, kind="observed"))
    timeline.__panel__()
    timeline.play()
    timeline.on_screen = False
    assert not timeline.playing
