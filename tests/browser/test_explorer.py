"""The explorer as a user drives it: selectors, clicks, links, hostile links; with measurements.

Assertions read what the browser holds (Bokeh's data sources, the DOM), not the server.
Timings and websocket bytes are recorded to test-artifacts/explorer-metrics.json, never asserted.
"""

from __future__ import annotations

import json
import statistics
import time
from urllib.parse import quote

from tests.browser.harness import (
    ARTIFACTS,
    MAP_CANVAS,
    column_by_code,
    deep_texts,
    screen_point,
    select_by_option,
    source_data,
    wait_until,
)
from ycsp_panel import data
from ycsp_panel.url import VERSION
from ycsp_panel.views import palette

HEFEI, WUHU, MAANSHAN, SUZHOU = "340100", "340200", "340500", "320500"


def city_point(page, code: str) -> tuple[float, float]:
    city = data.geometry("city").to_crs("EPSG:3857").set_index("code").loc[code]
    point = city.geometry.representative_point()
    return screen_point(page, "ycsp_fill", point.x, point.y)


def chart_labels(page) -> set[str]:
    bars = source_data(page, "bar_text")
    return set(bars["label"]) if bars else set()


def page_text(page) -> str:
    return " ".join(deep_texts(page, "body"))


def test_picking_a_circle_dims_the_others_and_filters_the_chart(app):
    page, rec = app()
    assert len(chart_labels(page)) == 26
    select_by_option(page, "都市圈 · 合肥都市圈").select_option(label="都市圈 · 合肥都市圈")
    alpha = wait_until(
        lambda: (
            (a := column_by_code(page, "ycsp_alpha"))[SUZHOU] == palette.OUT_OF_SCOPE_ALPHA and a
        )
    )
    assert {c for c, v in alpha.items() if v == palette.IN_SCOPE_ALPHA} == {HEFEI, WUHU, MAANSHAN}
    wait_until(lambda: chart_labels(page) == {"合肥市", "芜湖市", "马鞍山市"})
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "explorer-scope-hefei.png")
    assert rec.console_errors() == [] and rec.external_requests() == []


def test_changing_the_indicator_recolours_the_map_and_updates_the_legend(app):
    page, rec = app()
    before = column_by_code(page, "ycsp_fill")
    label = "地区生产总值 (亿元)"
    select_by_option(page, label).select_option(label=label)
    hatch = wait_until(
        lambda: (h := column_by_code(page, "ycsp_hatch")) and list(h.values()).count("x") == 2 and h
    )
    with_gdp = set(data.city_values("gdp", 2020, "observed").index)
    assert {c for c, v in hatch.items() if v == " "} == with_gdp
    after = column_by_code(page, "ycsp_fill")
    assert after != before and all(after[c] == palette.NO_DATA for c in hatch if c not in with_gdp)
    legend = wait_until(
        lambda: [t for t in deep_texts(page, ".ycsp-legend-title") if "地区生产总值" in t]
    )
    assert "2020 · 实际" in legend[0]
    assert any("无数据 (2)" in t for t in deep_texts(page, ".ycsp-swatch-row"))
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "explorer-gdp-2020.png")
    assert rec.console_errors() == []


def test_clicking_a_city_highlights_it_and_fills_the_profile(app):
    page, rec = app()
    page.mouse.click(*city_point(page, HEFEI))
    wait_until(lambda: column_by_code(page, "ycsp_line_width")[HEFEI] == 3)
    wait_until(lambda: "合肥市 · Hefei" in page_text(page))
    assert "770" in page_text(page)  # Table 3: Hefei 2014
    page.keyboard.down("Shift")
    page.mouse.click(*city_point(page, WUHU))
    page.keyboard.up("Shift")
    widths = wait_until(lambda: (w := column_by_code(page, "ycsp_line_width"))[WUHU] == 3 and w)
    assert {c for c, v in widths.items() if v == 3} == {HEFEI, WUHU}
    page.mouse.click(*city_point(page, SUZHOU))
    widths = wait_until(
        lambda: (w := column_by_code(page, "ycsp_line_width"))[SUZHOU] == 3 and w[HEFEI] < 3 and w
    )
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "explorer-click-suzhou.png", full_page=True)
    assert rec.console_errors() == []


def test_a_link_opens_exactly_that_view(app):
    query = "?lang=zh&scope=circle:hefei&indicator=population&year=2030&kind=forecast"
    page, rec = app(query)
    alpha = column_by_code(page, "ycsp_alpha")
    assert {c for c, v in alpha.items() if v == palette.IN_SCOPE_ALPHA} == {HEFEI, WUHU, MAANSHAN}
    assert column_by_code(page, "ycsp_value_text")[HEFEI] == "1,000 万人"
    assert chart_labels(page) == {"合肥市", "芜湖市", "马鞍山市"}
    url = wait_until(lambda: f"v={VERSION}" in page.url and page.url)
    for part in ("scope=circle:hefei", "indicator=population", "year=2030", "kind=forecast"):
        assert part in url
    assert deep_texts(page, ".ycsp-notices") in ([], [""])
    # The page's own URL reopens the same view in a new page.
    again, _ = app(url[url.index("?") :])
    assert column_by_code(again, "ycsp_value_text") == column_by_code(page, "ycsp_value_text")
    assert rec.console_errors() == []


def test_a_hostile_link_shows_a_notice_and_runs_nothing(app):
    payload = "<script>window.__pwned=1</script>"
    image = '<img src=x onerror="window.__pwned=2">'
    query = f"?scope={quote(payload)}&lang={quote(image)}&year=1e9&cities=1;DROP&v=x"
    page, rec = app(query)
    notices = wait_until(lambda: [t for t in deep_texts(page, ".ycsp-notices") if t.strip()])
    assert "<script>window.__pwned=1</script>" in notices[0]  # shown as text
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__pwned") is None
    assert rec.console_errors() == []
    assert not [r for r in rec.requests if r.endswith("/x")]  # the <img> was never created
    page.screenshot(path=ARTIFACTS / "explorer-hostile-link.png")
    # The session still works.
    select_by_option(page, "都市圈 · 合肥都市圈").select_option(label="都市圈 · 合肥都市圈")
    wait_until(lambda: column_by_code(page, "ycsp_alpha")[SUZHOU] == palette.OUT_OF_SCOPE_ALPHA)


def test_english(app):
    page, rec = app("?lang=en&cities=320500&color_by=circle&overlays=provinces,circles,belts")
    wait_until(lambda: "Suzhou" in page_text(page) and "Indicator" in page_text(page))
    assert (
        column_by_code(page, "ycsp_category")[SUZHOU] == "Suzhou–Wuxi–Changzhou metropolitan circle"
    )
    page.wait_for_timeout(800)
    page.screenshot(path=ARTIFACTS / "explorer-english.png", full_page=True)
    assert rec.console_errors() == []


def test_record_update_cost(browser, app_url):
    """Measure, don't assert: websocket bytes and time per change, and page load."""
    frames: list[tuple[float, int, str]] = []

    def on_ws(ws) -> None:
        ws.on("framereceived", lambda p: frames.append((time.monotonic(), len(p), "in")))
        ws.on("framesent", lambda p: frames.append((time.monotonic(), len(p), "out")))

    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page2 = context.new_page()
    page2.on("websocket", on_ws)
    start = time.monotonic()
    page2.goto(app_url)
    page2.wait_for_selector(MAP_CANVAS, state="visible", timeout=60_000)
    wait_until(lambda: source_data(page2, "ycsp_fill"), interval=0.01)
    load_seconds = time.monotonic() - start
    initial_bytes = sum(size for _, size, way in frames if way == "in")
    changes = [
        (
            "indicator",
            "地区生产总值 (亿元)",
            lambda: list(column_by_code(page2, "ycsp_hatch").values()).count("x") == 2,
        ),
        # Back to population the kind stays "observed": the nearest year is 2023 (7 cities).
        (
            "indicator",
            "常住人口 (万人)",
            lambda: list(column_by_code(page2, "ycsp_hatch").values()).count("x") == 19,
        ),
        ("year", "2030", lambda: column_by_code(page2, "ycsp_value_text")[HEFEI] == "1,000 万人"),
        ("scope", "都市圈 · 合肥都市圈", lambda: column_by_code(page2, "ycsp_alpha")[SUZHOU] < 0.5),
        ("scope", "全部26个城市", lambda: column_by_code(page2, "ycsp_alpha")[SUZHOU] > 0.5),
        ("year", "2014", lambda: column_by_code(page2, "ycsp_value_text")[HEFEI] == "770 万人"),
        ("year", "2020", lambda: column_by_code(page2, "ycsp_value_text")[HEFEI] == "860 万人"),
    ]
    results = []
    for name, label, done in changes:
        page2.wait_for_timeout(400)
        select = select_by_option(page2, label).element_handle()  # find it before timing
        mark = len(frames)
        t0 = time.monotonic()
        select.select_option(label=label)
        try:
            wait_until(done, interval=0.01)
        except AssertionError as error:
            seen = {c: column_by_code(page2, c)[HEFEI] for c in ("ycsp_value_text", "ycsp_alpha")}
            raise AssertionError(f"{name}={label} not applied; Hefei shows {seen}") from error
        elapsed = time.monotonic() - t0
        page2.wait_for_timeout(400)  # let the chart's and profile's messages arrive too
        sizes = [size for _, size, way in frames[mark:] if way == "in"]
        results.append(
            {
                "change": f"{name}={label}",
                "ms_to_map": round(elapsed * 1000),
                "bytes_in": sum(sizes),
                "messages_in": sizes,
            }
        )
    context.close()
    metrics = {
        "page_load_to_map_s": round(load_seconds, 2),
        "initial_websocket_bytes_in": initial_bytes,
        "changes": results,
        "median_ms_to_map": statistics.median(r["ms_to_map"] for r in results),
        "median_bytes_in": statistics.median(r["bytes_in"] for r in results),
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "explorer-metrics.json").write_text(
        json.dumps(metrics, indent=2, ensure_ascii=False)
    )
    assert len(results) == len(changes)
