"""The timeline above the map: plan years marked apart, and play steps the map through the
years and stops on the last."""

from __future__ import annotations

import time
from urllib.parse import parse_qs

import pytest

from tests.browser.harness import ARTIFACTS, select_by_option, source_data, wait_until
from ycsp_panel.i18n import t

# Each timeline step: its label and its outline's style.
STEPS_JS = """
() => {
  const out = [];
  const visit = (root) => {
    root.querySelectorAll('.ycsp-timeline').forEach((host) => {
      (host.shadowRoot || host).querySelectorAll('[role=radio]').forEach((el) => out.push(
        [el.textContent.trim(), getComputedStyle(el).borderTopStyle,
         el.getAttribute('aria-checked') === 'true']));
    });
    root.querySelectorAll('*').forEach((el) => { if (el.shadowRoot) visit(el.shadowRoot); });
  };
  visit(document);
  return out;
}
"""


GDP = {"zh": "地区生产总值 (亿元)", "en": "Gross domestic product (100 million CNY)"}


def shown(page) -> tuple[int, str]:
    # Read from the page: Playwright's ``page.url`` learns of history changes only when it
    # next talks to the browser.
    query = parse_qs(page.evaluate("window.location.search").lstrip("?"))
    return int(query["year"][0]), query["kind"][0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_plan_years_are_marked_apart_from_the_observed_ones(app, lang):
    page, rec = app(f"?lang={lang}")
    steps = wait_until(lambda: len(s := page.evaluate(STEPS_JS)) == 4 and s)

    def step(year: int, kind: str) -> str:
        return t("timeline.step", lang).format(year=year, kind=t(f"timeline.kind.{kind}", lang))

    assert [label for label, _, _ in steps] == [
        step(2014, "observed"),
        step(2020, "target"),
        step(2023, "observed"),
        step(2030, "forecast"),
    ]
    assert [style for _, style, _ in steps] == ["solid", "dashed", "solid", "dashed"]
    assert [active for _, _, active in steps] == [False, True, False, False]
    assert rec.console_errors() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_step_is_picked_by_a_click_or_the_arrow_keys_and_a_new_indicator_brings_its_own(
    app, lang
):
    page, rec = app(f"?lang={lang}")

    def step(year: int, kind: str) -> str:
        return t("timeline.step", lang).format(year=year, kind=t(f"timeline.kind.{kind}", lang))

    group = page.get_by_role("radiogroup", name=t("timeline.heading", lang))
    group.get_by_role("radio", name=step(2014, "observed")).click()
    wait_until(lambda: shown(page) == (2014, "observed"))
    first = group.get_by_role("radio", name=step(2014, "observed"))
    assert first.get_attribute("aria-checked") == "true"
    # A radio group: the picked step is the one in the tab order, the arrows move the pick.
    first.focus()
    page.keyboard.press("ArrowRight")
    wait_until(lambda: shown(page) == (2020, "target"))
    assert (
        group.get_by_role("radio", name=step(2020, "target")).get_attribute("aria-checked")
        == "true"
    )
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # from the first step round to the last
    wait_until(lambda: shown(page) == (2030, "forecast"))
    # GDP has its own years, all observed (solid outlines).
    label = GDP[lang]
    select_by_option(page, label).select_option(label=label)
    steps = wait_until(lambda: len(s := page.evaluate(STEPS_JS)) == 2 and s)
    assert [label for label, _, _ in steps] == [step(2014, "observed"), step(2020, "observed")]
    assert [style for _, style, _ in steps] == ["solid", "solid"]
    assert rec.console_errors() == []


def test_play_steps_the_map_through_the_years_and_stops_on_the_last(app):
    page, rec = app("?lang=en&year=2014&kind=observed")
    fills = [tuple(source_data(page, "ycsp_fill")["ycsp_fill"])]
    page.get_by_role("button", name=t("timeline.play", "en")).click()
    seen = [shown(page)]
    stop = page.get_by_role("button", name=t("timeline.pause", "en"))
    wait_until(lambda: stop.is_visible())
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if shown(page) != seen[-1]:
            seen.append(shown(page))
            fills.append(tuple(wait_until(lambda: source_data(page, "ycsp_fill"))["ycsp_fill"]))
        if (
            seen[-1] == (2030, "forecast")
            and page.get_by_role("button", name=t("timeline.play", "en")).is_visible()
        ):
            break
        time.sleep(0.05)
    assert seen == [(2014, "observed"), (2020, "target"), (2023, "observed"), (2030, "forecast")]
    # It has stopped: the button offers play again and the year stays.
    time.sleep(2.5)
    assert shown(page) == (2030, "forecast")
    page.screenshot(path=ARTIFACTS / "timeline-played-en.png")
    # The map followed: its colours at the end are not those it started with.
    last = wait_until(
        lambda: (f := tuple(source_data(page, "ycsp_fill")["ycsp_fill"])) != fills[0] and f
    )
    assert last != fills[0]
    assert rec.console_errors() == []


# The map's canvas (key and source line inside it) on the page.
CANVAS_BOX_JS = """
() => {
  let box = null;
  const visit = (v) => {
    if (!v || box) return;
    if (v.frame && v.canvas_view && v.model.renderers.some(
        (r) => r.data_source && 'ycsp_fill' in r.data_source.data)) {
      const rect = v.canvas_view.el.getBoundingClientRect();
      box = {top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right};
    }
    for (const c of (v.child_views || [])) visit(c);
  };
  for (const v of Object.values(Bokeh.index)) visit(v);
  return box;
}
"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_presentation_mode_fits_the_map_and_its_key_in_a_projector_screen(app, lang):
    page, rec = app(f"?lang={lang}&cities=320500")
    page.get_by_role("button", name=t("page.present", lang), exact=True).click()
    page.wait_for_url("**present=1**")
    wait_until(lambda: source_data(page, "ycsp_fill"))
    box = wait_until(lambda: page.evaluate(CANVAS_BOX_JS))
    assert box["top"] >= 0 and box["bottom"] <= 768 and box["right"] <= 1366
    assert page.locator("aside").count() == 0  # no sidebar
    # The view came along: the highlight, the language.
    assert "cities=320500" in page.evaluate("window.location.search")
    assert page.get_by_role("button", name=t("page.present.exit", lang)).is_visible()
    assert page.get_by_role("button", name=t("page.full_screen", lang)).is_visible()
    page.screenshot(path=ARTIFACTS / f"presentation-{lang}-1366.png")
    # And back to the page with the sidebar, the view kept.
    page.get_by_role("button", name=t("page.present.exit", lang)).click()
    page.wait_for_url(lambda url: "present=1" not in url)
    page.wait_for_selector("aside", state="attached")
    assert "cities=320500" in page.evaluate("window.location.search")
    assert rec.console_errors() == []
