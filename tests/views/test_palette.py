"""Status has colours of its own: no category's, and far from every category's."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from ycsp_panel.views import palette
from ycsp_panel.views.colouring import PALETTES

CATEGORY_COLOURS = {
    colour.upper()
    for name, colours in PALETTES.items()
    if name != "status"
    for colour in colours.values()
}


def lab(colour: str) -> np.ndarray:
    """CIE L*a*b* (D65) of an sRGB hex colour."""
    rgb = np.array([int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]) / 255
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = (
        np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
        @ linear
        / np.array([0.95047, 1.0, 1.08883])
    )
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e(a: str, b: str) -> float:
    return float(np.linalg.norm(lab(a) - lab(b)))


def test_the_colour_difference_is_the_usual_one():
    assert delta_e("#000000", "#FFFFFF") == pytest.approx(100, abs=0.1)
    assert delta_e("#0072B2", "#0072B2") == 0


@pytest.mark.parametrize("status", [s for s in palette.STATUS if s != "no_data"])
def test_no_status_colour_is_a_category_colour_nor_near_one(status):
    colour = palette.STATUS[status].upper()
    assert colour not in CATEGORY_COLOURS
    nearest = min(CATEGORY_COLOURS - {"#000000", "#BBBBBB"}, key=lambda c: delta_e(colour, c))
    assert delta_e(colour, nearest) >= 24, (status, nearest)


def test_statuses_are_told_apart():
    judged = [c for s, c in palette.STATUS.items() if s != "no_data"]
    for a, b in itertools.combinations(judged, 2):
        assert delta_e(a, b) >= 20, (a, b)


def test_a_commitment_status_is_drawn_in_the_status_colours():
    from ycsp_panel.analysis.ecology import STATUSES

    assert set(palette.COMMITMENT_STATUS) == set(STATUSES)
    assert set(palette.COMMITMENT_STATUS.values()) <= set(palette.STATUS.values())
