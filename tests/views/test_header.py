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


def completions(text: str) -> list[str]:
    """What the search's menu offers for ``text`` (Bokeh: case-insensitive, starts_with)."""
    from ycsp_panel.views.header import search_options

    return [label for label in search_options() if label.lower().startswith(text.lower())]


def test_suggestions_start_with_a_name_in_either_script():
    header = Header(state=ExplorerState())
    assert header.search.search_strategy == "starts_with"
    assert completions("su") == ["Suzhou · 苏州市"]  # not Taizhou (Jiangsu) for "Jiangsu"
    assert completions("苏") == ["苏州市 · Suzhou"]
    assert completions("Taizhou") == ["Taizhou (Jiangsu) · 泰州市", "Taizhou (Zhejiang) · 台州市"]
    assert completions("泰州") == ["泰州市 · Taizhou (Jiangsu)"]
    assert len(set(header.search.options.values())) == 26


def test_enter_on_a_shared_name_says_which_city_it_took_and_names_the_other():
    state = ExplorerState(lang="en")
    header = Header(state=state)
    header.search.value_input = "Taizhou"  # typed; Enter takes the menu's first suggestion
    header.search.value = "321200"
    assert state.cities == ["321200"]
    notice = state.notices[-1]
    assert "highlighted Taizhou (Jiangsu)" in notice.en and "Taizhou (Zhejiang)" in notice.en
    assert "泰州市（江苏省）" in notice.zh and "台州市（浙江省）" in notice.zh
    header.search.value_input = "Suzhou"
    header.search.value = "320500"  # a name one city has: nothing to say
    assert state.notices == []  # and the highlight moved on: the earlier notice went


def test_presentation_mode_is_offered_on_a_laptop_and_can_be_left_on_a_phone():
    from ycsp_panel.views.header import NOT_ON_PHONES

    page = Header(state=ExplorerState(lang="en"))
    assert page.present.label == "Presentation mode" and not page.full_screen.visible
    assert NOT_ON_PHONES in page.present.stylesheets  # no way in on a phone
    shown = Header(state=ExplorerState(lang="zh", present=True))
    assert shown.present.label == "退出演示" and shown.full_screen.visible
    assert NOT_ON_PHONES not in shown.present.stylesheets  # a way out, everywhere
