"""Status in one palette wherever it appears, and the answer where a planner looks first."""

from __future__ import annotations

import pytest

from tests.browser.harness import (
    ARTIFACTS,
    column_by_code,
    deep_texts,
    open_section,
    source_data,
    wait_until,
)
from ycsp_panel.analysis.population import population_status
from ycsp_panel.views import palette
from ycsp_panel.views.colouring import PALETTES

SUZHOU, HEFEI = "320500", "340100"

# Each city bar's fill as BokehJS draws it (its colour mapper), by city code; and the map
# key's swatches (label → fill), from the figures on the page.
CHART_COLOURS_JS = """
() => {
  const seen = new Set();
  let found = null;
  const visit = (v) => {
    if (!v || seen.has(v) || found) return;
    seen.add(v);
    if (v.frame && v.canvas_view) {
      for (const r of v.model.renderers) {
        const data = r.data_source && r.data_source.data;
        const fill = r.glyph && r.glyph.fill_color;
        if (data && 'bar_text' in data && 'id' in data && fill && fill.transform) {
          const mapper = fill.transform;
          const colour = {};
          mapper.factors.forEach((f, i) => { colour[f] = mapper.palette[i]; });
          found = {};
          Array.from(data.id).forEach((id, i) => { found[id] = colour[data.category[i]]; });
        }
      }
    }
    for (const c of (v.child_views || [])) visit(c);
    if (v.views) for (const c of v.views) visit(c);
  };
  for (const v of Object.values(Bokeh.index)) visit(v);
  return found;
}
"""

# The status column's cells: (text, colour of the mark on their left edge).
STATUS_CELLS_JS = """
() => {
  const out = [];
  const visit = (root) => {
    root.querySelectorAll('.tabulator-cell[tabulator-field="status"]').forEach(
      (el) => out.push([el.textContent.trim(), getComputedStyle(el).borderLeftColor]));
    root.querySelectorAll('*').forEach((el) => { if (el.shadowRoot) visit(el.shadowRoot); });
  };
  visit(document);
  return out;
}
"""

# The answer box's items: text, status, the colour of the mark on their left edge, and where
# they are on the screen.
ANSWER_JS = """
() => {
  const out = [];
  const visit = (root) => {
    root.querySelectorAll('.ycsp-answer li').forEach((el) => {
      const box = el.getBoundingClientRect();
      out.push({text: el.textContent, status: el.dataset.status,
                colour: getComputedStyle(el).borderLeftColor, top: box.top, bottom: box.bottom,
                right: box.right});
    });
    root.querySelectorAll('*').forEach((el) => { if (el.shadowRoot) visit(el.shadowRoot); });
  };
  visit(document);
  return out;
}
"""


def rgb(colour: str) -> str:
    r, g, b = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgb({r}, {g}, {b})"


def test_status_has_one_palette_in_map_chart_key_table_and_answer(app):
    page, rec = app(f"?lang=en&indicator=gdp&color_by=status&cities={SUZHOU}")
    status = population_status("en").set_index("code")
    expected = {code: palette.STATUS[s] for code, s in status["status"].items()}
    # No status colour is a category's.
    categories = {c for name, p in PALETTES.items() if name != "status" for c in p.values()}
    assert not set(expected.values()) & categories
    # The map, and the GDP chart beside it, coloured by the same statuses.
    wait_until(lambda: column_by_code(page, "ycsp_fill") == expected)
    assert wait_until(lambda: page.evaluate(CHART_COLOURS_JS)) == expected
    # The answer above the map marks Suzhou in its status' colour.
    answers = wait_until(lambda: page.evaluate(ANSWER_JS))
    suzhou = next(a for a in answers if "Suzhou" in a["text"])
    assert suzhou["status"] == "above" and suzhou["colour"] == rgb(palette.STATUS["above"])
    # The population table marks every status cell in that colour too.
    open_section(page, "population", "en")
    cells = wait_until(lambda: len(c := page.evaluate(STATUS_CELLS_JS)) == 26 and c)
    by_label = dict(zip(status["status_label"], status["status"], strict=False))
    for text, colour in cells:
        assert colour == rgb(palette.STATUS[by_label[text]]), text
    page.screenshot(path=ARTIFACTS / "status-population-en.png")
    assert rec.console_errors() == [] and rec.external_requests() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width,height", [(1366, 768), (390, 844)])
def test_the_answer_for_a_city_and_its_circle_is_on_the_first_screen(app, lang, width, height):
    page, rec = app(f"?lang={lang}&scope=circle:hefei&cities={HEFEI}", width, height)
    answers = wait_until(lambda: len(a := page.evaluate(ANSWER_JS)) == 2 and a)
    circle, city = answers
    assert circle["status"] == "below" and ("-2.1" in circle["text"])
    assert city["status"] == "above" and "+77.0" in city["text"] and "+9.0" in city["text"]
    for answer in answers:
        assert answer["top"] >= 0 and answer["bottom"] <= height  # no scrolling needed
        assert answer["right"] <= width  # nor sideways
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=ARTIFACTS / f"answer-{lang}-{width}.png")
    assert rec.console_errors() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_number_format_in_the_answer_the_profile_and_the_chart(app, lang):
    page, rec = app(f"?lang={lang}&cities={SUZHOU}")
    answer = " ".join(wait_until(lambda: deep_texts(page, ".ycsp-answer")))
    profile = " ".join(wait_until(lambda: deep_texts(page, ".ycsp-profiles")))
    # Suzhou's census count and the plan's figure, written alike in both views.
    for text in ("1,274.8", "1,100"):
        assert text in answer and text in profile, text
    assert "1274.8" not in answer + profile
    bars = wait_until(lambda: source_data(page, "bar_text"))
    assert "2,500" in bars["bar_text"]  # Shanghai's bar, in the chart beside the map
    assert rec.console_errors() == []


# The distinct names of the points every live figure draws with a hover name (the time
# series: one per line).
LINE_NAMES_JS = """
() => {
  const names = new Set();
  const visit = (v) => {
    if (v.frame && v.canvas_view && v.el && v.el.isConnected) {
      for (const r of v.model.renderers) {
        const data = r.data_source && r.data_source.data;
        if (data && 'year_text' in data && 'name' in data) {
          Array.from(data.name).forEach((n) => names.add(n));
        }
      }
    }
    for (const c of (v.child_views || [])) visit(c);
  };
  for (const v of Object.values(Bokeh.index)) visit(v);
  return [...names].sort();
}
"""


def test_the_time_series_compares_the_circles_and_their_growth(app):
    page, rec = app("?lang=en&compare_by=circle")
    open_section(page, "series", "en")
    names = wait_until(lambda: len(n := page.evaluate(LINE_NAMES_JS)) == 5 and n)
    assert "Hefei metropolitan circle" in names and "Nanjing metropolitan circle" in names
    notes = wait_until(lambda: " ".join(deep_texts(page, ".ycsp-growth-notes")))
    assert "Ningbo metropolitan circle (2 of 3 cities)" in notes
    page.screenshot(path=ARTIFACTS / "series-circles-en.png", full_page=True)
    assert rec.console_errors() == []
