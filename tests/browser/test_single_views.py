"""One view served alone for a portal's iframe (``?view=…``): it fits, it answers a click, its
link is its own, and it loads nothing from outside."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from tests.browser.harness import (
    ARTIFACTS,
    column_by_code,
    deep_texts,
    open_app,
    open_section,
    screen_point,
    source_data,
    wait_until,
)
from ycsp_panel import data
from ycsp_panel.i18n import t

SUZHOU = "320500"
IFRAME = (800, 650)  # a portal's frame

# Where the map's canvas is on the page.
CANVAS_JS = """
() => {
  let box = null;
  const visit = (v) => {
    if (!v || box) return;
    if (v.frame && v.canvas_view && v.model.renderers.some(
        (r) => r.data_source && 'ycsp_fill' in r.data_source.data)) {
      const r = v.canvas_view.el.getBoundingClientRect();
      box = {top: r.top, bottom: r.bottom + window.scrollY, width: r.width};
    }
    for (const c of (v.child_views || [])) visit(c);
  };
  for (const v of Object.values(Bokeh.index)) visit(v);
  return box;
}
"""


def query(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(page.evaluate("location.search").lstrip("?")).items()}


def city_point(page, code: str) -> tuple[float, float]:
    city = data.geometry("city").to_crs("EPSG:3857").set_index("code").loc[code]
    point = city.geometry.representative_point()
    return screen_point(page, "ycsp_fill", point.x, point.y)


# A portal's frame at two widths, each in one of the two languages.
@pytest.mark.parametrize(("lang", "width"), [("zh", IFRAME[0]), ("en", 1366)])
def test_the_map_alone_fits_a_portal_frame_and_a_click_highlights_in_its_own_link(app, lang, width):
    page, rec = app(f"?view=map&lang={lang}", width, IFRAME[1])
    box = wait_until(lambda: page.evaluate(CANVAS_JS))
    # The whole map and its key within the frame's 650 px: the frame never scrolls.
    assert box["bottom"] <= IFRAME[1] and box["width"] > 400, box
    assert page.evaluate("document.documentElement.scrollHeight") <= IFRAME[1]
    # The selections are folded above the view; their summary opens them.
    summary = page.locator("#ycsp-selections > summary")
    assert page.locator("#ycsp-selections").get_attribute("open") is None
    summary.click()
    assert page.get_by_label(t("controls.indicator", lang), exact=True).first.is_visible()
    summary.click()
    # No section buttons, no sidebar search: the header has the view's three tools.
    assert page.get_by_role("button", name=t("page.tab.population", lang), exact=True).count() == 0
    assert page.get_by_role("button", name=t("page.whole", lang)).is_visible()
    assert page.get_by_role("radiogroup", name=t("timeline.heading", lang)).is_visible()
    page.screenshot(path=ARTIFACTS / f"single-map-{lang}-{width}x650.png")
    page.mouse.click(*city_point(page, SUZHOU))
    wait_until(lambda: column_by_code(page, "ycsp_line_width")[SUZHOU] == 3)
    wait_until(lambda: query(page).get("cities") == SUZHOU)
    assert query(page)["view"] == "map" and query(page)["lang"] == lang
    assert rec.console_errors() == [] and rec.external_requests() == []


def test_the_whole_explorer_opens_the_same_selections_in_a_tab_of_its_own(app):
    page, rec = app("?view=map&lang=en&indicator=gdp&year=2014&kind=observed", *IFRAME)
    with page.context.expect_page() as opened:
        page.get_by_role("button", name=t("page.whole", "en")).click()
    whole = opened.value
    whole.wait_for_load_state()
    wait_until(lambda: source_data(whole, "ycsp_fill"), timeout=60)
    shown = query(whole)
    assert "view" not in shown
    assert (shown["indicator"], shown["year"], shown["kind"]) == ("gdp", "2014", "observed")
    open_section(whole, "population", "en")  # the whole page, with its sections
    assert rec.console_errors() == []


# Every title drawn in a Bokeh figure of the page.
TITLES_JS = """
() => Bokeh.documents.flatMap((doc) => [...doc.all_models])
  .filter((m) => m.type === 'Title' && m.text).map((m) => m.text)
"""


@pytest.mark.parametrize(
    ("view", "heading"),
    [
        ("population", "population.heading"),
        ("economy", "economy.heading"),
        ("ecology", "ecology.heading"),
        ("series", "series.title"),
        ("table", "table.heading"),
    ],
)
def test_each_other_view_is_served_alone_with_its_own_link(browser, app_url, view, heading):
    # Not the ``app`` fixture: it waits for the map, which these views do not have.
    context, page, rec = open_app(
        browser,
        f"{app_url}?view={view}&lang=en",
        *IFRAME,
        ready="main .bk-panel-models-layout-Column",
    )
    text = t(heading, "en")

    def shown() -> list[str]:  # headings and figure titles, their line breaks undone
        found = deep_texts(page, "h2, h3") + page.evaluate(TITLES_JS)
        return [" ".join(h.split()) for h in found]

    wait_until(lambda: any(text in h for h in shown()), timeout=60)
    assert query(page)["view"] == view
    assert source_data(page, "ycsp_fill") is None  # nothing of the first section was sent
    page.screenshot(path=ARTIFACTS / f"single-{view}-en-800x650.png")
    assert rec.console_errors() == [] and rec.external_requests() == []
    context.close()
