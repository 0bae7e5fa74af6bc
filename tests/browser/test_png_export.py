"""PNG export: Bokeh's save tool on the map and on the chart, as a user clicks it.

The files are read back with Pillow and checked for what makes them explain themselves
without the page around them: a title above the plot, the key under it (colour bar or
category swatches, drawn in the canvas), a name that says what they show. Copies go to
test-artifacts/png-export-*.png for a human look.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from tests.browser.harness import ARTIFACTS, source_data, wait_until
from ycsp_panel.views import palette

SAVE_BUTTON = '.bk-ClickButton[title="Save"]'  # Bokeh's save tool (in a toolbar or its menu)

# For the live figures that draw ``column``: canvas size, frame box (canvas pixels) and the
# save tool's file name. A redrawn chart leaves its old views behind: only connected ones.
FIGURES_JS = """
(column) => {
  const seen = new Set();
  const found = [];
  const visit = (v) => {
    if (!v || seen.has(v)) return;
    seen.add(v);
    if (v.frame && v.canvas_view && v.el && v.el.isConnected &&
        [...v.model.renderers].some(r => r.data_source && r.data_source.data &&
                                         column in r.data_source.data)) {
      const save = v.model.toolbar.tools.find(t => t.type == "SaveTool");
      const rect = v.canvas_view.el.getBoundingClientRect();
      const f = v.frame.bbox;
      found.push({
        width: rect.width, height: rect.height, frame: [f.x0, f.y0, f.x1, f.y1],
        filename: save ? save.filename : null,
      });
    }
    for (const c of (v.child_views || [])) visit(c);
    if (v.views) for (const c of v.views) visit(c);
  };
  for (const v of Object.values(Bokeh.index)) visit(v);
  return found;
}
"""


def figure(page, column: str) -> dict:
    """The one live figure that draws ``column`` (the map: ycsp_fill; the chart: bar_text)."""
    figures = page.evaluate(FIGURES_JS, column)
    assert len(figures) == 1, figures
    return figures[0]


def save_pngs(page) -> dict[str, tuple[str, np.ndarray]]:
    """Click the save tool of every toolbar; {"map"|"chart": (file name, RGB pixels)}.

    A toolbar too narrow for its tools shows them in an overflow menu (⋮): open it first,
    as a user would."""
    toolbars = page.locator(".bk-Toolbar")
    wait_until(lambda: toolbars.count() == 2)  # the map's and the chart's (after a redraw)
    saved = {}
    for i in range(toolbars.count()):
        button = toolbars.nth(i).locator(SAVE_BUTTON)
        if button.count() == 0:
            toolbars.nth(i).locator(".bk-tool-overflow").click()
            wait_until(lambda button=button: button.count() == 1)
        with page.expect_download() as download:
            button.click()
        name = download.value.suggested_filename
        with open(download.value.path(), "rb") as file:
            image = Image.open(io.BytesIO(file.read()))
        assert image.format == "PNG"
        # Transparent pixels would be black in many viewers: the figures paint a background.
        rgba = np.asarray(image.convert("RGBA"))
        assert (rgba[..., 3] == 255).mean() > 0.99, name
        saved[name.split("_")[1]] = (name, rgba[..., :3])
    assert set(saved) == {"map", "chart"}, saved
    return saved


def keep(saved: dict, label: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for view, (_, pixels) in saved.items():
        Image.fromarray(pixels).save(ARTIFACTS / f"png-export-{view}-{label}.png")


def swatch(hex_color: str, alpha: float = palette.IN_SCOPE_ALPHA) -> np.ndarray:
    """A colour as the key paints it: at ``alpha`` over the white figure background."""
    rgb = np.array([int(hex_color[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)
    return alpha * rgb + (1 - alpha) * 255


def pixels_of(region: np.ndarray, color: np.ndarray, tolerance: float = 12) -> int:
    return int((np.abs(region.astype(float) - color) <= tolerance).all(axis=-1).sum())


def dark_pixels(region: np.ndarray) -> int:
    """Text is drawn in near-black: the count of such pixels says whether there is text."""
    return int((region.max(axis=-1) < 90).sum())


def check_basics(pixels: np.ndarray, info: dict) -> tuple[np.ndarray, np.ndarray]:
    """Size of the canvas, not blank, a title above the frame; returns (above, below) frame."""
    height, width = pixels.shape[:2]
    scale = height / info["height"]
    assert abs(width - info["width"] * scale) <= 1  # the whole canvas, not a part of it
    assert width >= 300 and height >= 240
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 50  # not blank
    x0, y0, x1, y1 = (round(v * scale) for v in info["frame"])
    above, below = pixels[:y0], pixels[y1:]
    assert dark_pixels(above) > 150  # the title's two lines
    return above, below


@pytest.fixture
def app(app):
    """The shared ``app`` fixture, once the chart is drawn and the canvases painted."""

    def open_(query: str = ""):
        page, rec = app(query)
        wait_until(lambda: source_data(page, "bar_text"))
        page.wait_for_timeout(800)  # the canvas paints after layout
        return page, rec

    return open_


def to_english(page) -> None:
    page.locator('button:text-is("English")').first.click()
    wait_until(lambda: figure(page, "ycsp_fill")["filename"].endswith("_en"))
    wait_until(lambda: figure(page, "bar_text")["filename"].endswith("_en"))
    page.wait_for_timeout(800)


def check_chart(pixels: np.ndarray, info: dict, colours: dict[str, str] = palette.CIRCLE) -> None:
    """Title, the bars, and below the value axis the swatches of the bars' colours (the
    map's colouring; the circles' beside a value map)."""
    _, below = check_basics(pixels, info)
    assert dark_pixels(below) > 200  # tick labels, axis label and the legend's labels
    for key, colour in colours.items():
        assert pixels_of(below, swatch(colour)) >= 30, key  # ≈ 10x10 px inside


def test_value_colouring_png_has_title_colour_bar_and_a_telling_name(app):
    page, rec = app("?scale=linear")
    saved = save_pngs(page)
    keep(saved, "value-zh")
    name, pixels = saved["map"]
    assert name == "ycsp_map_population_2020_target_zh.png"
    zh_title, below = check_basics(pixels, figure(page, "ycsp_fill"))
    # The colour bar spans the scale: its two ends under the map, in the canvas.
    for end in (palette.SCALE[0], palette.SCALE[-1]):
        assert pixels_of(below, swatch(end, 1.0), tolerance=10) >= 20, end
    name, pixels = saved["chart"]
    assert name == "ycsp_chart_population_2020_target_zh.png"
    check_chart(pixels, figure(page, "bar_text"))

    to_english(page)
    saved = save_pngs(page)
    keep(saved, "value-en")
    assert saved["map"][0] == "ycsp_map_population_2020_target_en.png"
    assert saved["chart"][0] == "ycsp_chart_population_2020_target_en.png"
    check_chart(saved["chart"][1], figure(page, "bar_text"))
    en_title, below = check_basics(saved["map"][1], figure(page, "ycsp_fill"))
    assert pixels_of(below, swatch(palette.SCALE[-1], 1.0), tolerance=10) >= 20
    assert en_title.shape == zh_title.shape and not np.array_equal(en_title, zh_title)
    assert rec.console_errors() == []


def test_province_colouring_png_has_the_provinces_key_in_both_languages(app):
    page, rec = app("?color_by=province&cities=340100")
    for lang in ("zh", "en"):
        if lang == "en":
            to_english(page)
        saved = save_pngs(page)
        keep(saved, f"province-{lang}")
        name, pixels = saved["map"]
        assert name == f"ycsp_map_by_province_{lang}.png"
        info = figure(page, "ycsp_fill")
        _, below = check_basics(pixels, info)
        # One swatch per province under the map (≈ 14x10 px of colour each; the map ends at
        # the frame's bottom edge, so these pixels can only come from the key).
        for code, color in palette.PROVINCE.items():
            assert pixels_of(below, swatch(color)) >= 60, (lang, code)
        assert dark_pixels(below) > 150  # the labels
        assert (below.max(axis=-1) < 30).sum() >= 60  # the highlight's black outline swatch
        # The chart beside it is coloured by province too, and its key says so.
        check_chart(saved["chart"][1], figure(page, "bar_text"), palette.PROVINCE)
    assert rec.console_errors() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_toolbar_shows_its_save_button_without_a_menu(app, lang):
    page, rec = app(f"?lang={lang}&cities=320500")
    toolbars = page.locator(".bk-Toolbar")
    wait_until(lambda: toolbars.count() == 2)
    for i in range(toolbars.count()):
        assert toolbars.nth(i).locator(SAVE_BUTTON).is_visible(), i  # not folded into ⋮
    assert rec.console_errors() == []
