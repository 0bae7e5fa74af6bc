"""The state's rules, without a browser."""

from __future__ import annotations

import pytest

from ycsp_panel.state import (
    ExplorerState,
    find_cities,
    nearest_option,
    scope_members,
    view_options,
)


def test_defaults_are_a_valid_view():
    state = ExplorerState()
    assert (state.indicator, state.year, state.kind) == ("population", 2020, "target")
    assert state.scope == "all" and state.cities == [] and state.notices == []
    assert len(state.scope_cities) == 26


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("circle:hefei", ["340100", "340200", "340500"]),
        ("circle:suxichang", ["320200", "320400", "320500"]),
        ("province:310000", ["310000"]),
        ("belt:belt_hhj", ["310000", "330100", "330400", "330700"]),
    ],
)
def test_scope_filters_cities(scope, expected):
    state = ExplorerState(scope=scope)
    assert state.scope_cities == expected == scope_members(scope)


def test_every_scope_option_is_non_empty():
    state = ExplorerState()
    for scope in state.param.scope.objects:
        assert scope_members(scope), scope
    assert len(state.param.scope.objects) == 1 + 5 + 4 + 4
    with pytest.raises(ValueError):
        state.scope = "circle:xiamen"


def test_only_valid_combinations_are_offered():
    options = view_options()
    assert set(options["indicator"]) == {
        "gdp",
        "population",
        "population_census",
        "urbanization_rate_census",
    }
    state = ExplorerState(indicator="gdp")
    assert state.years == [2014, 2020]
    assert state.kinds == ["observed"]


def test_changing_indicator_moves_kind_and_says_so():
    state = ExplorerState()  # population 2020 target
    state.indicator = "gdp"
    assert (state.year, state.kind) == (2020, "observed")
    [notice] = state.notices
    assert "kind moved to “observed”" in notice.en and "类型改为" in notice.zh


def test_changing_indicator_moves_year_to_the_nearest():
    state = ExplorerState(indicator="population_census", year=2020, kind="observed")
    state.indicator = "gdp"
    assert (state.year, state.kind) == (2020, "observed")
    assert state.notices == []  # nothing had to move
    state.year = 2014
    state.indicator = "population_census"
    assert (state.year, state.kind) == (2010, "observed")
    assert "year moved to 2010" in state.notices[-1].en


def test_changing_kind_moves_year():
    state = ExplorerState(indicator="population", year=2014, kind="observed")
    state.kind = "forecast"
    assert state.year == 2030
    state.kind = "observed"
    assert state.year == 2023  # the observed year nearest to 2030


def test_changing_year_keeps_year_and_moves_kind():
    state = ExplorerState(indicator="population", year=2014, kind="observed")
    state.year = 2020
    assert (state.year, state.kind) == (2020, "target")


def test_nearest_option_prefers():
    assert nearest_option("population", 2019, "observed") == (2023, "observed")
    assert nearest_option("population", 2020, "forecast", prefer="year") == (2020, "target")
    with pytest.raises(ValueError):
        nearest_option("area", 2014, "observed")


def test_tap_highlights_and_shift_adds():
    state = ExplorerState()
    state.toggle_city("320500")
    assert state.cities == ["320500"]
    state.toggle_city("310000")
    assert state.cities == ["310000"]
    state.toggle_city("320500", add=True)
    assert state.cities == ["310000", "320500"]
    state.toggle_city("310000", add=True)
    assert state.cities == ["320500"]
    state.toggle_city("320500")
    assert state.cities == []


def test_highlight_outside_the_scope_is_allowed():
    state = ExplorerState(scope="circle:hefei", cities=["310000"])
    assert state.cities == ["310000"] and "310000" not in state.scope_cities


def test_reset_returns_to_defaults_but_keeps_language():
    state = ExplorerState(lang="en", scope="circle:hefei", cities=["340100"], indicator="gdp")
    state.section, state.feature = "ecology", "water_taihu"
    state.reset()
    assert state.lang == "en" and state.scope == "all" and state.cities == []
    assert (state.indicator, state.year, state.kind) == ("population", 2020, "target")
    assert state.section == "ecology" and state.feature == ""  # the user stays where they are


def test_a_picked_water_body_highlights_its_members_until_the_highlight_moves():
    from ycsp_panel.analysis.ecology import members_of

    state = ExplorerState(feature="water_taihu")
    assert set(state.cities) == set(members_of("water_taihu")) and state.cities
    state.toggle_city(state.cities[0], add=True)  # one member less: no longer Lake Tai's
    assert state.feature == ""
    state.feature = "water_taihu"
    state.feature = ""  # letting the pick go keeps the highlight
    assert set(state.cities) == set(members_of("water_taihu"))


def test_observed_population_in_a_census_year_points_to_the_census():
    state = ExplorerState()  # population 2020 target
    state.kind = "observed"  # no year-end 2020 figures: moved to 2023 (7 cities)
    assert (state.year, state.kind) == (2023, "observed")
    [notice] = state.notices
    assert "“Resident population (census)”" in notice.en and "普查常住人口" in notice.zh
    state.param.update(indicator="population_census", year=2020)  # where the notice points
    assert (state.year, state.kind) == (2020, "observed") and state.notices == []


def test_a_notice_goes_once_its_cause_has_passed():
    state = ExplorerState()  # population 2020 target
    state.indicator = "gdp"  # no target for GDP: kind moved to observed
    [moved] = state.notices
    state.color_by = "circle"  # another selection: what it says still holds
    state.cities = ["320500"]
    assert state.notices == [moved]
    state.year = 2014  # the year it speaks of is no longer the year shown
    assert state.notices == []


def test_a_notice_about_a_link_or_a_search_lasts_until_the_view_changes():
    state = ExplorerState()
    state.notify("无此城市", "No such city")  # said of the view as it is now
    state.lang = "en"  # the language and the section are not what it speaks of
    state.section = "table"
    assert len(state.notices) == 1
    state.scope = "circle:hefei"
    assert state.notices == []
    state.notify("一直", "always", holds={})  # speaks of no selection: pushed out only
    state.reset()
    assert [n.en for n in state.notices] == ["always"]


def test_notices_are_capped():
    state = ExplorerState()
    for i in range(20):
        state.notify(f"{i}", f"{i}")
    assert len(state.notices) == 5 and state.notices[-1].en == "19"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("苏州", ["320500"]),
        ("苏州市", ["320500"]),
        ("Suzhou", ["320500"]),
        (" su zhou ", ["320500"]),
        ("maanshan", ["340500"]),
        ("Ma’anshan", ["340500"]),
        ("320500", ["320500"]),
        ("Taizhou", ["321200", "331000"]),
        ("taizhou (zhejiang)", ["331000"]),
        ("马", ["340500"]),
        ("<script>", []),
        ("", []),
        ("Atlantis", []),
    ],
)
def test_find_cities_by_chinese_english_or_pinyin(text, codes):
    assert find_cities(text) == codes
