"""The header's tools and the section switcher, without a browser."""

from __future__ import annotations

import panel as pn

from ycsp_panel.i18n import t
from ycsp_panel.state import ExplorerState
from ycsp_panel.views.header import HTML_LANG, Header
from ycsp_panel.views.sections import Sections


def test_search_adds_the_city_and_empties_the_box():
    state = ExplorerState(cities=["340100"])
    header = Header(state=state)
    header.search.value = "苏州"
    assert state.cities == ["340100", "320500"]
    assert header.search.value == ""
    header.search.value = "320500"  # a suggestion picked from the list gives the code
    assert state.cities == ["340100", "320500"]


def test_search_for_two_cities_highlights_both_and_says_so():
    state = ExplorerState()
    Header(state=state).search.value = "Taizhou"
    assert state.cities == ["321200", "331000"]
    assert "泰州市" in state.notices[-1].zh and "Taizhou (Zhejiang)" in state.notices[-1].en


def test_search_without_a_match_changes_nothing_and_quotes_the_text():
    state = ExplorerState(cities=["340100"])
    Header(state=state).search.value = "<b>x</b>" * 20
    assert state.cities == ["340100"]
    notice = state.notices[-1].en
    assert notice.startswith("No city matches “<b>x</b>") and "…" in notice


def test_language_and_reset():
    state = ExplorerState(scope="circle:hefei", cities=["340100"])
    header = Header(state=state)
    header.language.value = "en"
    assert state.lang == "en"
    assert header._page_language.lang == HTML_LANG["en"] == "en"
    assert header.copy_link.label == t("page.copy_link", "en")
    assert header.search.label == t("page.search", "en")
    header.reset.clicks += 1
    assert state.scope == "all" and state.cities == [] and state.lang == "en"


def test_sections_relabel_and_draw_a_section_only_once_opened():
    state = ExplorerState()
    views = {key: pn.pane.Markdown(key) for key in ("explore", "series", "table", "sources")}
    sections = Sections(state=state, sections=views)
    assert list(sections.buttons.options) == [t(f"page.tab.{k}", "zh") for k in views]
    assert [box.objects[0] for box in sections.body.objects] == [views["explore"]]
    sections.buttons.value = "table"
    assert sections.active == "table"
    shown = {box.objects[0].object: box.visible for box in sections.body.objects}
    assert shown == {"explore": False, "table": True}
    state.lang = "en"
    assert list(sections.buttons.options) == [t(f"page.tab.{k}", "en") for k in views]
    assert sections.buttons.value == "table"
