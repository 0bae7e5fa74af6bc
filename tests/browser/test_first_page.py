"""The served page as a user sees it: map drawn, nothing fetched from outside, Chinese legible."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from tests.browser.harness import ARTIFACTS, MAP_CANVAS, deep_texts, open_app, wait_until
from ycsp_panel import data
from ycsp_panel.views import palette

PROVINCE_COLORS = palette.PROVINCE

# Renders a few characters to a canvas in the page's own font and returns their bitmaps.
# Without a CJK font every character becomes the same "tofu" box, so the bitmaps coincide.
GLYPHS_JS = """
(chars) => {
  const font = getComputedStyle(document.body).fontFamily;
  const canvas = document.createElement('canvas');
  canvas.width = 64; canvas.height = 64;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  return chars.map((ch) => {
    ctx.clearRect(0, 0, 64, 64);
    ctx.font = `48px ${font}`;
    ctx.fillStyle = '#000';
    ctx.textBaseline = 'top';
    ctx.fillText(ch, 4, 4);
    const pixels = ctx.getImageData(0, 0, 64, 64).data;
    let ink = 0, hash = 0;
    for (let i = 3; i < pixels.length; i += 4) {
      if (pixels[i] > 0) { ink += 1; hash = (hash * 31 + i * pixels[i]) % 1000000007; }
    }
    return {ch, ink, hash, width: ctx.measureText(ch).width};
  });
}
"""


def blended(
    hex_color: str, alpha: float = palette.IN_SCOPE_ALPHA, under=(244, 244, 242)
) -> np.ndarray:
    rgb = np.array([int(hex_color[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)
    return alpha * rgb + (1 - alpha) * np.array(under, dtype=float)


def colour_mask(image: np.ndarray, colour: np.ndarray, tolerance: float = 14) -> np.ndarray:
    return (np.abs(image[..., :3].astype(float) - colour) <= tolerance).all(axis=-1)


@pytest.fixture(scope="module")
def loaded(browser, app_url):
    """The page at 1366x768, loaded once for this module, with its request/console record."""
    context, page, rec = open_app(browser, app_url + "?color_by=province")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)  # Bokeh paints after layout; give it a frame or two.
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "first-page-1366x768.png")
    yield page, rec
    context.close()


def map_image(page) -> tuple[np.ndarray, dict]:
    canvas = page.locator(MAP_CANVAS).first
    box = canvas.bounding_box()
    image = np.asarray(Image.open(io.BytesIO(canvas.screenshot())).convert("RGB"))
    return image, box


def wait_for_tooltip(page, needle: str, timeout: float = 10) -> str:
    """The text of the Bokeh tooltip containing ``needle``, once it shows."""
    found = wait_until(lambda: [t for t in deep_texts(page, ".bk-Tooltip") if needle in t], timeout)
    return found[0]


def test_map_canvas_shows_all_four_provinces(loaded):
    page, _ = loaded
    image, box = map_image(page)
    assert box["width"] > 500 and box["height"] > 400, box
    for code, colour in PROVINCE_COLORS.items():
        share = colour_mask(image, blended(colour)).mean()
        assert share > 0.005, f"province {code} colour {colour} covers only {share:.2%} of the map"


def test_no_request_leaves_loopback(loaded):
    page, rec = loaded
    assert rec.requests, "no request recorded at all"
    assert rec.external_requests() == []
    assert rec.failed == []


def test_no_console_errors(loaded):
    _, rec = loaded
    assert rec.console_errors() == []


def test_chinese_renders_with_a_real_font(loaded):
    page, _ = loaded
    glyphs = page.evaluate(GLYPHS_JS, ["长", "江", "三", "角", "\U0010fffd"])
    real, tofu = glyphs[:4], glyphs[4]
    assert all(g["ink"] > 50 for g in real), real
    assert len({g["hash"] for g in real}) == 4, f"CJK characters draw identical boxes: {real}"
    assert all(g["hash"] != tofu["hash"] for g in real)
    title = page.locator("#header h1, header h1, .title").first.inner_text()
    assert "长江三角洲城市群" in title and "Yangtze River Delta" in title


def test_hover_shows_names_in_both_languages(loaded):
    page, _ = loaded
    image, box = map_image(page)
    cities = data.geometry("city").set_index("code")
    # Shanghai is the only city of its province: find its colour on the canvas and hover there.
    mask = colour_mask(image, blended(PROVINCE_COLORS["310000"]))
    ys, xs = np.nonzero(mask)
    assert len(xs) > 100
    scale = image.shape[1] / box["width"]
    order = np.argsort((xs - np.median(xs)) ** 2 + (ys - np.median(ys)) ** 2)
    x, y = xs[order[0]] / scale, ys[order[0]] / scale
    page.mouse.move(box["x"] + x, box["y"] + y)
    text = wait_for_tooltip(page, "Shanghai")
    page.screenshot(path=ARTIFACTS / "first-page-hover-shanghai.png")
    shanghai = cities.loc["310000"]
    assert shanghai["name_zh"] in text and shanghai["name_en"] in text, text
    assert "2,500" in text and "规划预期" in text  # Table 3's 2020 value, with its kind


def test_language_toggle_switches_the_about_text(browser, app_url):
    context, page, rec = open_app(browser, app_url)
    assert any("关于" in text for text in deep_texts(page, "h3"))
    page.get_by_role("button", name="English").click()
    wait_until(lambda: any("About" in text for text in deep_texts(page, "h3")), timeout=10)
    page.wait_for_timeout(1000)
    page.screenshot(path=ARTIFACTS / "first-page-english.png")
    assert rec.console_errors() == []
    assert rec.external_requests() == []
    context.close()
