"""A 390-px phone: no section scrolls sideways, in either language, and a tapped city's answer
is on the screen."""

from __future__ import annotations

import pytest

from tests.browser.harness import ARTIFACTS, open_section, screen_point, wait_until
from ycsp_panel import data
from ycsp_panel.state import SECTIONS

WIDTH = 390


def scroll_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_section_scrolls_sideways_on_a_phone(app, lang):
    page, rec = app(f"?lang={lang}&cities=320500", WIDTH, 844, is_mobile=True, has_touch=True)
    widths = {}
    for section in SECTIONS:
        if section != "explore":
            open_section(page, section, lang)
        page.wait_for_load_state("networkidle")
        # Settled: charts are laid out a moment after their data arrive.
        try:
            widths[section] = wait_until(lambda: scroll_width(page) <= WIDTH and scroll_width(page))
        except AssertionError:
            widths[section] = scroll_width(page)
        page.screenshot(path=ARTIFACTS / f"phone-{section}-{lang}.png")
    assert widths == dict.fromkeys(SECTIONS, WIDTH)
    assert rec.console_errors() == []


ANSWER_BOX_JS = """
() => {
  const out = [];
  const visit = (root) => {
    root.querySelectorAll('.ycsp-answer li').forEach((el) => {
      const box = el.getBoundingClientRect();
      out.push({text: el.textContent, top: box.top, bottom: box.bottom});
    });
    root.querySelectorAll('*').forEach((el) => { if (el.shadowRoot) visit(el.shadowRoot); });
  };
  visit(document);
  return out;
}
"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_tapped_citys_answer_is_on_the_screen(app, lang):
    page, rec = app(f"?lang={lang}", WIDTH, 844, is_mobile=True, has_touch=True)
    city = data.geometry("city").to_crs("EPSG:3857").set_index("code").loc["320500"]
    point = city.geometry.representative_point()
    page.mouse.wheel(0, 700)  # the map in view, the answer above it out of sight
    page.wait_for_timeout(300)
    x, y = screen_point(page, "ycsp_fill", point.x, point.y)
    assert 0 < y < 844
    page.touchscreen.tap(x, y)
    name = "苏州市" if lang == "zh" else "Suzhou"
    items = wait_until(
        lambda: [a for a in page.evaluate(ANSWER_BOX_JS) if name in a["text"]], timeout=20
    )
    assert items[0]["top"] >= 0 and items[0]["bottom"] <= 844
    page.screenshot(path=ARTIFACTS / f"phone-tap-{lang}.png")
    assert rec.console_errors() == []
