"""The page around the views, as a user meets it: language, search, copy link, reset, tabs,
phone layout, and an accessibility scan (axe-core bundled in a wheel, injected locally)."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.harness import (
    ARTIFACTS,
    column_by_code,
    deep_texts,
    open_app,
    source_data,
    wait_until,
)
from ycsp_panel.i18n import t

SUZHOU, TAIZHOU_JS, TAIZHOU_ZJ, HEFEI = "320500", "321200", "331000", "340100"
SERIOUS = ("serious", "critical")


def address(page) -> str:
    """The page's URL as the browser has it now (``page.url`` is only refreshed when
    Playwright processes events, which polling with sleep does not do)."""
    return page.evaluate("window.location.href")


def highlighted(page) -> set[str]:
    return {c for c, w in column_by_code(page, "ycsp_line_width").items() if w == 3}


def search(page, text: str) -> None:
    box = page.get_by_role("textbox", name=t("page.search", "zh"))
    box.fill(text)
    box.press("Enter")


SECTIONS = ("explore", "population", "economy", "ecology", "series", "table", "sources")


def section_button(page, key: str, lang: str):
    return page.get_by_role("button", name=t(f"page.tab.{key}", lang), exact=True)


def has_section_buttons(page, lang: str) -> bool:
    return all(section_button(page, key, lang).count() == 1 for key in SECTIONS)


def test_language_toggle_relabels_the_page_and_its_lang_attribute(app):
    page, rec = app()
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert has_section_buttons(page, "zh")
    page.get_by_role("button", name="English").click()
    wait_until(lambda: page.evaluate("document.documentElement.lang") == "en")
    wait_until(lambda: has_section_buttons(page, "en"))
    assert not section_button(page, "table", "zh").count()
    assert page.get_by_role("button", name=t("page.copy_link", "en")).is_visible()
    assert page.get_by_role("textbox", name=t("page.search", "en")).is_visible()
    assert "lang=en" in address(page)
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "page-laptop-en.png")
    assert rec.console_errors() == [] and rec.external_requests() == []


def test_search_highlights_a_city_by_chinese_english_or_pinyin(app):
    page, rec = app()
    search(page, "苏州")
    wait_until(lambda: highlighted(page) == {SUZHOU})
    assert "cities=320500" in address(page)
    search(page, "hefei")  # pinyin without capitals adds to the highlight
    wait_until(lambda: highlighted(page) == {SUZHOU, HEFEI})
    # Two cities share the name: Enter takes the suggestion the menu offers first, or both
    # with a notice when the menu had not opened yet (tests/views/test_header.py checks that).
    search(page, "Taizhou")
    both = {SUZHOU, HEFEI, TAIZHOU_JS, TAIZHOU_ZJ}
    wait_until(lambda: {SUZHOU, HEFEI} < highlighted(page) <= both)
    # Either way the page says that the name is two cities', naming both.
    wait_until(
        lambda: any(
            "泰州市" in text and "台州市" in text for text in deep_texts(page, ".ycsp-notices")
        )
    )
    search(page, "<b>Atlantis</b>")
    notice = wait_until(
        lambda: [text for text in deep_texts(page, ".ycsp-notices") if "Atlantis" in text]
    )
    assert "<b>Atlantis</b>" in notice[0]  # quoted as text, never markup
    assert {SUZHOU, HEFEI} < highlighted(page) <= both
    assert rec.console_errors() == []


def test_search_in_english_suggests_and_highlights(app):
    page, _ = app("?lang=en")
    box = page.get_by_role("textbox", name=t("page.search", "en"))
    box.press_sequentially("Suz")
    suggestion = page.locator(".bk-menu .bk-item, .bk-menu div", has_text="Suzhou").first
    suggestion.wait_for(state="visible", timeout=10_000)
    suggestion.click()
    wait_until(lambda: highlighted(page) == {SUZHOU})


def test_copy_link_copies_this_view_and_the_link_reopens_it(app, browser, app_url):
    query = "?scope=circle:hefei&indicator=population&year=2030&kind=forecast&color_by=circle"
    page, rec = app(query, permissions=["clipboard-read", "clipboard-write"])
    search(page, "芜湖")
    wait_until(lambda: "cities=340200" in address(page))
    page.get_by_role("button", name=t("page.copy_link", "zh")).click()
    wait_until(lambda: page.get_by_role("button", name=t("page.link_copied", "zh")).count() == 1)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == address(page)
    assert "scope=circle:hefei" in copied and "cities=340200" in copied
    context, other, _ = open_app(browser, copied)
    try:
        wait_until(lambda: source_data(other, "ycsp_fill"))
        wait_until(lambda: highlighted(other) == {"340200"})
        alpha = column_by_code(other, "ycsp_alpha")
        assert alpha[SUZHOU] < alpha[HEFEI]  # the Hefei circle is the scope
        wait_until(lambda: "year=2030" in address(other) and "kind=forecast" in address(other))
    finally:
        context.close()
    assert rec.console_errors() == []


def test_reset_returns_to_the_default_view(app):
    page, _ = app(
        "?lang=en&scope=province:340000&indicator=gdp&year=2020&kind=observed&cities=340100"
    )
    page.get_by_role("button", name=t("page.reset", "en")).click()
    wait_until(lambda: highlighted(page) == set())
    wait_until(lambda: "cities=" not in address(page) and "scope=all" in address(page))
    assert "indicator=population" in address(page) and "year=2020" in address(page)
    alpha = column_by_code(page, "ycsp_alpha")
    assert len(set(alpha.values())) == 1  # every city in scope again
    assert page.evaluate("document.documentElement.lang") == "en"  # the language stays


def test_phone_layout_puts_the_map_first_with_the_selections_folded(app):
    page, rec = app(width=390, height=844, is_mobile=True, has_touch=True)
    assert page.evaluate("document.getElementById('ycsp-selections').open") is False
    canvas = page.locator(".bk-Canvas").first.bounding_box()
    summary = page.locator("#ycsp-selections summary").bounding_box()
    assert summary["y"] < canvas["y"] < 844 - 200, (summary, canvas)  # map on the first screen
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways: {width} px"
    page.screenshot(path=ARTIFACTS / "page-phone-zh.png", full_page=True)
    page.locator("#ycsp-selections summary").click()
    indicator = page.get_by_role("combobox", name=t("controls.indicator", "zh"), exact=True)
    indicator.wait_for(state="visible")
    page.get_by_role("button", name="English").click()
    wait_until(lambda: page.evaluate("document.documentElement.lang") == "en")
    page.wait_for_timeout(800)
    page.screenshot(path=ARTIFACTS / "page-phone-en.png", full_page=True)
    assert rec.console_errors() == []


# In English with two cities highlighted: chosen items and tables with marked rows are where
# third-party widgets broke ARIA before (see views/aria.py).
@pytest.mark.parametrize("query", ["?lang=zh", "?lang=en&cities=330100,320600&color_by=status"])
def test_accessibility_scan_finds_nothing_serious_on_any_tab(app, query):
    lang = "en" if "lang=en" in query else "zh"
    page, _ = app(query)
    axe = Axe()
    found = {}
    for index, key in enumerate(SECTIONS):
        section_button(page, key, lang).click()
        page.wait_for_timeout(1500)
        result = axe.run(page)
        violations = result.response["violations"]
        found[index] = [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in violations
        ]
    (ARTIFACTS / f"axe-{lang}.json").write_text(json.dumps(found, indent=1, ensure_ascii=False))
    serious = {i: [v for v in vs if v["impact"] in SERIOUS] for i, vs in found.items()}
    assert all(not vs for vs in serious.values()), serious


def is_pressed(button) -> bool:
    return button.evaluate("el => el.classList.contains('bk-active')")


def reopened(browser, link: str):
    """A new browser context at ``link``; returns (context, page)."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(link)
    return context, page


def test_a_link_from_every_section_reopens_that_section_and_the_view(app, browser, app_url):
    page, rec = app(f"?lang=en&cities={SUZHOU}&scope=circle:suxichang")
    for key in (*SECTIONS[1:], SECTIONS[0]):
        section_button(page, key, "en").click()
        wait_until(lambda key=key: f"section={key}" in address(page))
        link = address(page)
        context, other = reopened(browser, link)
        try:
            wait_until(lambda o=other, k=key: is_pressed(section_button(o, k, "en")), timeout=60)
            assert [k for k in SECTIONS if is_pressed(section_button(other, k, "en"))] == [key]
            wait_until(lambda o=other, a=link: address(o) == a)  # the same view, nothing moved
        finally:
            context.close()
    assert rec.console_errors() == []


def test_a_link_keeps_the_water_body_picked_on_ecology(browser, app_url):
    from tests.browser.harness import select_by_option
    from ycsp_panel.analysis.ecology import members_of
    from ycsp_panel.views.ecology import feature_options

    first, page = reopened(browser, app_url + "?lang=zh&section=ecology")  # opens on ecology
    wait_until(lambda: is_pressed(section_button(page, "ecology", "zh")), timeout=60)
    label, group = next((k, v) for k, v in feature_options("zh").items() if v == "water_taihu")
    select_by_option(page, label).select_option(label=label)
    wait_until(lambda: f"feature={group}" in address(page))
    members = set(members_of(group))
    assert {c for c in address(page).split("cities=")[1].split("&")[0].split(",")} == members
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        other = context.new_page()
        other.goto(address(page))
        chooser = select_by_option(other, label)
        wait_until(lambda: chooser.evaluate("el => el.selectedOptions[0].textContent") == label)
        outlined = lambda: {c for c, w in column_by_code(other, "line_width").items() if w == 3}  # noqa: E731
        wait_until(lambda: outlined() == members)
    finally:
        context.close()
        first.close()


def notices_text(page) -> str:
    return " ".join(deep_texts(page, ".ycsp-notices"))


def test_a_notice_shows_where_the_choice_was_made_and_goes_when_its_cause_passes(app):
    """And a section shows only the selectors that act on it (Population: no indicator)."""
    from tests.browser.harness import open_section, select_by_option
    from ycsp_panel.views.controls import selector_options

    page, rec = app("?lang=en")
    open_section(page, "table", "en")  # a section that follows the indicator
    options = dict(selector_options("en")["indicator"][1])
    gdp = next(label for label, value in options.items() if value == "gdp")
    select_by_option(page, gdp).select_option(label=gdp)  # no GDP target: kind moves
    wait_until(lambda: "kind moved to “observed”" in notices_text(page))
    assert "section=table" in address(page)  # said on the section where it happened
    select_by_option(page, "2014").select_option(label="2014")  # another year: cause passed
    wait_until(lambda: "kind moved" not in notices_text(page))
    open_section(page, "population", "en")
    wait_until(lambda: not select_by_option(page, gdp).is_visible())  # acts on no population view
    assert page.get_by_label(t("controls.scope", "en")).first.is_visible()
    assert rec.console_errors() == []
