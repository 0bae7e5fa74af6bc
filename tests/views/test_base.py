"""The views' one refresh rule: nothing before the first draw, nothing while hidden, one
refresh per burst of changes (under a server: on the next tick, for every view at once)."""

from __future__ import annotations

import panel as pn
import pytest
from bokeh.document import Document

from ycsp_panel.app import page_sections
from ycsp_panel.state import ExplorerState
from ycsp_panel.views import PopulationView, Section, Sections
from ycsp_panel.views import base as views_base
from ycsp_panel.views.base import View


class Counting(View):
    """A view that records every refresh it is asked for."""

    watches = ("scope", "cities", "indicator", "year", "kind")

    def __init__(self, **params):
        super().__init__(**params)
        self.refreshes: list[set[str]] = []

    def _build(self):
        self.pane = pn.pane.Markdown(self.text())
        return self.pane

    def text(self) -> str:
        return f"{self.state.scope} {self.state.cities} {self.state.year} {self.state.kind}"

    def refresh(self, changed: set[str]) -> None:
        self.refreshes.append(changed)
        self.pane.object = self.text()


def test_a_view_never_drawn_does_no_work_and_draws_the_current_state():
    state = ExplorerState()
    view = Counting(state=state)
    state.scope = "circle:hefei"
    state.cities = ["340100"]
    assert not view.built and view.refreshes == []
    view.__panel__()
    assert view.pane.object == view.text() and "circle:hefei" in view.pane.object
    assert view.refreshes == []


def test_a_drawn_view_on_screen_refreshes_at_once_outside_a_server():
    state = ExplorerState()
    view = Counting(state=state)
    view.__panel__()
    state.scope = "province:320000"
    assert view.refreshes == [{"scope"}]
    state.lang = "en"  # not watched
    assert view.refreshes == [{"scope"}]


def test_a_hidden_view_is_marked_stale_and_catches_up_once_when_shown():
    state = ExplorerState()
    view = Counting(state=state)
    view.__panel__()
    view.on_screen = False
    state.scope = "circle:hefei"
    state.cities = ["340100"]
    state.indicator = "gdp"  # moves year and kind too
    assert view.refreshes == [] and view.stale
    view.on_screen = True
    assert len(view.refreshes) == 1
    assert {"scope", "cities", "indicator"} <= view.refreshes[0]
    assert view.pane.object == view.text() and not view.stale


@pytest.fixture
def served_doc(monkeypatch):
    """A document that looks served (it has a session context), with the next-tick callbacks
    Panel would schedule collected instead of run."""
    doc = Document()
    monkeypatch.setattr(views_base, "_served", lambda document: document is doc)
    ticks = []

    def execute(callback, schedule="auto"):
        assert schedule is True
        ticks.append(callback)

    monkeypatch.setattr(pn.state, "execute", execute)
    with pn.io.server.set_curdoc(doc):
        yield doc, ticks
    views_base._QUEUES.pop(doc, None)


def test_under_a_server_a_burst_is_one_refresh_per_view_on_the_next_tick(served_doc):
    doc, ticks = served_doc
    state = ExplorerState()
    first, second = Counting(state=state), Counting(state=state)
    first.__panel__(), second.__panel__()
    state.indicator = "gdp"  # the state then settles year and kind: several events
    state.cities = ["320500"]
    assert first.refreshes == second.refreshes == []
    assert len(ticks) == 1  # one tick for the session, whatever the number of views
    held = []
    original = pn.io.hold

    def hold(*args, **kwargs):
        held.append(args)
        return original(*args, **kwargs)

    pn.io.hold = hold
    try:
        ticks[0]()
    finally:
        pn.io.hold = original
    assert len(held) == 1  # every view's update in one document hold: one message
    for view in (first, second):
        assert len(view.refreshes) == 1 and {"indicator", "cities"} <= view.refreshes[0]
        assert view.pane.object == view.text()


def test_sections_build_a_section_when_first_opened_and_tell_views_whether_shown():
    state = ExplorerState()
    counting = Counting(state=state)
    population = PopulationView(state=state)
    sections = Sections(
        state=state,
        sections={"explore": Section([counting]), "population": Section([population])},
    )
    assert sections.built_sections == ["explore"]
    assert counting.built and not population.built  # never opened: nothing built
    state.scope = "circle:hefei"
    assert not population.built
    sections.active = "population"
    assert population.built and population.on_screen and not counting.on_screen
    state.cities = ["340100"]  # the explore section is hidden: its view only goes stale
    assert counting.refreshes == [{"scope"}] and counting.stale
    sections.active = "explore"
    assert counting.refreshes[-1] == {"cities"} and counting.pane.object == counting.text()
    assert not population.on_screen


def test_the_page_builds_only_the_first_section():
    """Opening the page builds the map's section alone (the rest costs nothing)."""
    state = ExplorerState()
    sections = page_sections(state)
    assert sections.built_sections == ["explore"]
    views = {key: section.views for key, section in sections.sections.items()}
    assert all(view.built for view in views["explore"])
    hidden = [view for key, group in views.items() if key != "explore" for view in group]
    assert hidden and not any(view.built for view in hidden)


def test_a_section_opened_again_after_changes_shows_the_current_selection():
    from ycsp_panel.state import scope_members
    from ycsp_panel.views.population import status_table

    state = ExplorerState()
    sections = page_sections(state)
    population = sections.sections["population"].views[0]
    sections.active = "population"
    assert len(population.table().target.value) == 26
    sections.active = "explore"
    state.scope = "province:340000"  # while the population view is hidden
    assert population.stale and len(population.table().target.value) == 26
    sections.active = "population"
    assert not population.stale
    shown = population.table().target.value
    assert len(shown) == len(scope_members("province:340000")) == len(status_table(state))


def test_warming_a_server_process_fills_its_caches_for_both_languages():
    from ycsp_panel.analysis import population
    from ycsp_panel.app import warm
    from ycsp_panel.views.controls import selector_options
    from ycsp_panel.views.map import line_layers, line_rows

    selector_options.cache_clear()
    line_layers.cache_clear()
    line_rows.cache_clear()
    population.population_status.cache_clear()
    warm()
    assert selector_options.cache_info().currsize == 2  # zh and en
    assert line_layers.cache_info().currsize == line_rows.cache_info().currsize == 1
    assert population.population_status.cache_info().currsize == 2
    first = population.population_status("en")
    assert first is not population.population_status("en")  # each caller gets its own copy
    assert first.equals(population.population_status("en"))


def test_the_page_sections_are_the_states_and_follow_it_both_ways():
    from ycsp_panel.app import page_sections
    from ycsp_panel.state import SECTIONS

    state = ExplorerState(section="ecology")
    sections = page_sections(state)
    assert tuple(sections.sections) == SECTIONS
    assert sections.active == "ecology" and sections.built_sections == ["ecology"]
    sections.buttons.value = "table"  # a click
    assert state.section == "table"
    state.section = "population"  # a link, or the state's own rule
    assert sections.active == "population" and sections.buttons.value == "population"
