"""The target sections (population, economy, ecology) as a user opens them, in both languages."""

from __future__ import annotations

import pytest

from tests.browser.harness import (
    ARTIFACTS,
    column_by_code,
    deep_texts,
    open_section,
    select_by_option,
    wait_until,
)
from ycsp_panel import data
from ycsp_panel.analysis import ecology, economy
from ycsp_panel.analysis.population import Status, national_share_2020, population_status
from ycsp_panel.i18n import t
from ycsp_panel.views import palette
from ycsp_panel.views.ecology import feature_options
from ycsp_panel.views.population import STATUS_COLORS

HANGZHOU, NANTONG, SHANGHAI, TONGLING = "330100", "320600", "310000", "340700"


# Every string in a column of that name, across the data sources of the figures on the page:
# texts drawn in a canvas are not in the DOM.
CANVAS_TEXT_JS = """
(column) => {
  const out = [];
  const seen = new Set();
  const visit = (v) => {
    if (!v || seen.has(v)) return;
    seen.add(v);
    if (v.frame && v.canvas_view) {
      for (const r of v.model.renderers) {
        const data = r.data_source && r.data_source.data;
        if (data && column in data) out.push(...Array.from(data[column]).map(String));
      }
    }
    for (const c of (v.child_views || [])) visit(c);
    if (v.views) for (const c of v.views) visit(c);
  };
  for (const v of Object.values(Bokeh.index)) visit(v);
  return out;
}
"""


def canvas_texts(page, column: str) -> list[str]:
    return page.evaluate(CANVAS_TEXT_JS, column)


def text_of(page) -> str:
    return " ".join(deep_texts(page, "main"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_population_section_shows_each_citys_status(app, lang):
    page, rec = app(f"?lang={lang}&cities={HANGZHOU},{NANTONG}")
    open_section(page, "population", lang)
    cells = wait_until(lambda: " ".join(deep_texts(page, ".tabulator-cell")))
    status = population_status().set_index("code")["status"]
    assert status[HANGZHOU] == Status.ABOVE and status[NANTONG] == Status.BELOW
    assert status[SHANGHAI] == Status.WITHIN and status[TONGLING] == Status.NOT_COMPARABLE
    for code in (HANGZHOU, NANTONG, SHANGHAI, TONGLING):
        assert Status(status[code]).label(lang) in cells, code
    share = national_share_2020()
    assert (round(share.share_pct, 1), share.goal_pct, share.n_cities) == (11.7, 11.8, 26)
    text = wait_until(lambda: (x := text_of(page)) and "11.7" in x and x)
    assert "11.8" in text  # the plan's goal beside the census share
    canvases = page.locator(".bk-Canvas")
    wait_until(lambda: canvases.count() >= 3)
    page.wait_for_timeout(1000)
    page.screenshot(path=ARTIFACTS / f"section-population-{lang}.png", full_page=True)
    assert rec.console_errors() == [] and rec.external_requests() == []


def test_map_colours_cities_by_population_status(app):
    page, _ = app("?color_by=status")
    fill = wait_until(
        lambda: (f := column_by_code(page, "ycsp_fill"))[HANGZHOU] == STATUS_COLORS["above"] and f
    )
    assert fill[NANTONG] == STATUS_COLORS["below"]
    assert fill[SHANGHAI] == STATUS_COLORS["within"]
    assert fill[TONGLING] == STATUS_COLORS["not_comparable"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_economy_section_says_what_cannot_be_computed(app, lang):
    page, rec = app(f"?lang={lang}&scope=province:340000")
    open_section(page, "economy", lang)
    shares = economy.national_shares().set_index("measure")
    gdp_2020 = data.city_values("gdp", 2020, "observed").dropna()
    expected = t("economy.shares.not_computable.incomplete", lang).format(
        n=len(gdp_2020), year=2020
    )
    assert shares.loc["gdp", "now"] != shares.loc["gdp", "now"]  # NaN: not summed from 24
    wait_until(lambda: t("economy.shares.heading", lang) in text_of(page))
    wait_until(lambda: any(expected in text for text in canvas_texts(page, "text")))
    page.wait_for_timeout(1000)
    page.screenshot(path=ARTIFACTS / f"section-economy-{lang}.png", full_page=True)
    assert rec.console_errors() == [] and rec.external_requests() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ecology_section_times_commitments_and_picks_a_water_body(app, lang):
    page, rec = app(f"?lang={lang}")
    open_section(page, "ecology", lang)
    cells = wait_until(lambda: " ".join(deep_texts(page, ".tabulator-cell")))
    assert t("ecology.status.deadline_passed_not_tracked", lang) in cells
    options = feature_options(lang)
    label, group = next((k, v) for k, v in options.items() if v.startswith("water"))
    select_by_option(page, label).select_option(label=label)
    members = set(ecology.members_of(group))

    def outlined(column: str) -> set[str]:
        return {c for c, w in column_by_code(page, column).items() if w == 3}

    # The ecology map outlines the members; the main map, hidden meanwhile, did no work.
    wait_until(lambda: outlined("line_width") == members)
    assert outlined("ycsp_line_width") == set()
    page.wait_for_timeout(1000)
    page.screenshot(path=ARTIFACTS / f"section-ecology-{lang}.png")
    # Opened again, the map shows the selection made while it was hidden.
    open_section(page, "explore", lang)
    wait_until(lambda: outlined("ycsp_line_width") == members)
    assert rec.console_errors() == [] and rec.external_requests() == []


def test_population_table_follows_a_language_switch_and_the_scope(app):
    page, _ = app("?scope=circle:hefei")
    open_section(page, "population", "zh")
    wait_until(lambda: Status.ABOVE.label("zh") in " ".join(deep_texts(page, ".tabulator-cell")))
    page.get_by_role("button", name="English").click()
    wait_until(lambda: Status.ABOVE.label("en") in " ".join(deep_texts(page, ".tabulator-cell")))
    assert Status.ABOVE.label("zh") not in " ".join(deep_texts(page, ".tabulator-cell"))
    select_by_option(page, "Circle · Nanjing metropolitan circle").select_option(
        label="Circle · Nanjing metropolitan circle"
    )
    wait_until(lambda: "Nanjing" in " ".join(deep_texts(page, ".tabulator-cell")))
    assert "Hefei" not in " ".join(deep_texts(page, ".tabulator-cell"))


def test_a_section_hidden_during_a_change_shows_the_current_selection_when_opened(app):
    page, rec = app()
    open_section(page, "population", "zh")
    wait_until(lambda: "苏州市" in " ".join(deep_texts(page, ".tabulator-cell")))
    open_section(page, "explore", "zh")
    select_by_option(page, "都市圈 · 合肥都市圈").select_option(label="都市圈 · 合肥都市圈")
    out = palette.OUT_OF_SCOPE_ALPHA
    wait_until(lambda: column_by_code(page, "ycsp_alpha")["320500"] == out)  # the map followed
    open_section(page, "population", "zh")
    wait_until(lambda: "苏州市" not in " ".join(deep_texts(page, ".tabulator-cell")))
    cells = " ".join(deep_texts(page, ".tabulator-cell"))
    assert all(name in cells for name in ("合肥市", "芜湖市", "马鞍山市"))
    assert rec.console_errors() == [] and rec.external_requests() == []
