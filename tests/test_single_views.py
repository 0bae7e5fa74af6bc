"""One view served alone (``?view=map``, …) for a portal's iframe: its URL, what is built, what
is offered."""

from __future__ import annotations

import pytest

from ycsp_panel.app import create_app, section_views, single_view
from ycsp_panel.state import SINGLE_VIEWS, ExplorerState
from ycsp_panel.url import apply_query, to_query
from ycsp_panel.views import CityMap, Controls, Header, Timeline, View


def page_for(query: str):
    """The page a visitor with this query string gets, and its state."""
    state = ExplorerState()
    apply_query(state, query)  # as the page's location would (there is none off a server)
    return create_app(state), state


def test_a_single_view_is_in_its_link_and_a_link_reopens_it():
    state = ExplorerState(lang="en", view="population", section="population")
    query = to_query(state)
    assert "view=population" in query
    again = ExplorerState()
    apply_query(again, query)
    assert again.view == "population" and again.notices == []
    assert "view=" not in to_query(ExplorerState())  # the whole page says nothing of it


def test_an_unknown_view_is_dropped_with_a_notice_and_the_whole_page_opens():
    state = ExplorerState()
    apply_query(state, "?view=<script>alert(1)</script>&lang=en")
    assert state.view == ""
    [notice] = state.notices
    assert "view" in notice.en and "<script>alert(1)" in notice.en  # quoted, as text


def test_reset_keeps_the_single_view():
    state = ExplorerState(view="map", indicator="gdp", year=2014, kind="observed")
    state.reset()
    assert state.view == "map" and state.indicator == ExplorerState().indicator


@pytest.mark.parametrize("view", sorted(SINGLE_VIEWS))
def test_each_single_view_builds_its_own_views_and_none_of_the_page(view):
    section = single_view(ExplorerState(view=view), view)
    assert section.views and not any(v.built for v in section.views if isinstance(v, View))
    if view == "map":
        kinds = [type(v) for v in section.views]
        assert kinds == [Timeline, CityMap]
    else:
        whole = section_views(ExplorerState())[SINGLE_VIEWS[view]]
        assert [type(v) for v in section.views] == [type(v) for v in whole.views]


def test_only_the_asked_sections_are_made():
    assert list(section_views(ExplorerState(), "economy")) == ["economy"]
    assert len(section_views(ExplorerState())) == 7


def test_the_map_alone_has_its_selectors_a_one_line_header_and_no_section_buttons():
    template, state = page_for("?view=map&lang=en&indicator=gdp&year=2014&kind=observed")
    assert state.section == "explore" and (state.indicator, state.year) == ("gdp", 2014)
    assert not hasattr(template, "sections")  # no section buttons: the view is the page
    assert template.compact  # a one-line header
    header = template.parts["tools"]
    assert isinstance(header, Header)
    assert header.whole_page.visible and header.whole_page.label == "Whole explorer ↗"
    shown = header.__panel__().objects
    assert header.search not in shown and header.reset not in shown
    assert header.language in shown and header.copy_link in shown
    controls = template.controls
    assert isinstance(controls, Controls)
    # The selectors that act on the map and its timeline, no others.
    assert {"indicator", "scope", "color_by"} <= controls.shown()
    assert "compare_by" not in controls.shown()  # that is the comparison chart's
    assert [type(v) for v in template.single.views] == [Timeline, CityMap]
    assert all(v.built and v.on_screen for v in template.single.views)


def test_the_whole_page_offers_no_way_to_the_whole_page():
    template, _ = page_for("?lang=zh")
    header = template.parts["tools"]
    assert not header.whole_page.visible
    assert header.whole_page not in header.__panel__().objects
    assert not template.compact and template.sections.built_sections == ["explore"]
