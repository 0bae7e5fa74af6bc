"""The query string: round trip, migration, and hostile input."""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ycsp_panel.state import ExplorerState
from ycsp_panel.url import VERSION, apply_query, parse_query, to_query
from ycsp_panel.views.notices import notices_html


def test_round_trip():
    state = ExplorerState(
        lang="en",
        scope="circle:hefei",
        cities=["340100", "310000"],
        indicator="population",
        year=2030,
        kind="forecast",
        color_by="circle",
        compare_by="circle",
        overlays=["provinces", "belts"],
    )
    query = to_query(state)
    assert query.startswith(f"?v={VERSION}&")
    again = ExplorerState()
    apply_query(again, query)
    assert to_query(again) == query and again.notices == []
    assert again.cities == ["340100", "310000"]


def test_the_issue_example_opens_exactly_that_view():
    state = ExplorerState()
    apply_query(state, "?lang=zh&scope=circle:hefei&indicator=population&year=2030&kind=forecast")
    assert (state.lang, state.scope, state.indicator, state.year, state.kind) == (
        "zh",
        "circle:hefei",
        "population",
        2030,
        "forecast",
    )
    assert state.notices == []


def test_unknown_and_malformed_values_are_dropped_with_a_notice():
    params, notices = parse_query(
        "?scope=circle:xiamen&year=20x0&cities=320500,999999&kind=guess&foo=1&lang=fr"
    )
    assert params == {}
    texts = " ".join(n.en for n in notices)
    for bit in ("circle:xiamen", "20x0", "999999", "guess", "foo", "fr"):
        assert bit in texts


def test_an_invalid_combination_is_moved_not_dropped():
    state = ExplorerState()
    apply_query(state, "?indicator=gdp&year=2030&kind=forecast")
    assert (state.indicator, state.year, state.kind) == ("gdp", 2020, "observed")
    assert state.notices


def test_markup_in_the_url_stays_text():
    payload = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>"
    params, notices = parse_query("?scope=" + quote(payload))
    assert params == {}
    [notice] = notices
    assert "“<script>alert(document.cookie)</script>…”" in notice.en  # quoted, shortened
    state = ExplorerState()
    apply_query(state, "?scope=" + quote(payload))
    rendered = notices_html(state)
    assert "<script>" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;alert(document.cookie)" in rendered


def test_versions_and_migrations():
    def v0_to_v1(raw):
        raw = dict(raw)
        if "city" in raw:
            raw["cities"] = raw.pop("city")
        return raw

    params, notices = parse_query("?v=0&city=320500", migrations={0: v0_to_v1})
    assert params == {"cities": ["320500"]} and notices == []
    _, notices = parse_query("?v=99&lang=en")
    assert "Unknown link version “99”" in notices[0].en


def test_too_long_query_is_ignored():
    params, notices = parse_query("?lang=en&x=" + "a" * 5000)
    assert params == {} and "too long" in notices[0].en


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_query_string_never_raises(text):
    state = ExplorerState()
    apply_query(state, text)
    apply_query(state, "?" + quote(text, safe="=&"))
    for notice in state.notices:
        assert isinstance(notice.en, str) and isinstance(notice.zh, str)
    assert to_query(state).startswith("?v=")


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            ["lang", "scope", "cities", "indicator", "year", "kind", "color_by", "section"]
            + ["feature", "v"]
        ),
        st.text(max_size=60),
        max_size=8,
    )
)
def test_any_parameter_values_leave_a_valid_state(values):
    state = ExplorerState()
    query = "?" + "&".join(f"{k}={quote(v)}" for k, v in values.items())
    apply_query(state, query)
    assert state.indicator in state.param.indicator.objects
    assert state.kind in state.kinds and state.year in state.years
    assert set(state.cities) <= set(state.param.cities.objects)
    assert state.section in state.param.section.objects
    assert state.feature in state.param.feature.objects


def test_a_link_keeps_the_section_and_the_ecology_pick():
    state = ExplorerState(lang="en", section="ecology", feature="water_taihu")
    query = to_query(state)
    assert "section=ecology" in query and "feature=water_taihu" in query
    again = ExplorerState()
    apply_query(again, query)
    assert (again.section, again.feature) == ("ecology", "water_taihu")
    assert again.cities == state.cities and again.cities  # Lake Tai's members, highlighted
    assert to_query(again) == query and again.notices == []
    assert "feature=" not in to_query(ExplorerState())  # no pick, nothing said


def test_an_old_link_without_a_section_opens_the_map():
    state = ExplorerState()
    apply_query(state, "?v=1&lang=en&scope=circle:hefei&cities=340100")
    assert state.section == "explore" and state.feature == "" and state.notices == []


def test_an_unknown_section_or_pick_is_dropped_with_a_notice():
    state = ExplorerState()
    apply_query(state, "?section=../../etc&feature=<script>")
    assert (state.section, state.feature) == ("explore", "")
    texts = [n.en for n in state.notices]
    assert any("section" in text for text in texts) and any("feature" in text for text in texts)


def test_a_links_notices_stay_until_the_user_changes_the_view_it_opened():
    state = ExplorerState()
    apply_query(state, "?lang=en&scope=circle:hefei&colour=red")
    [notice] = state.notices
    assert "colour" in notice.en and state.scope == "circle:hefei"  # said after applying
    state.indicator = "gdp"
    assert notice not in state.notices
