"""Colours shared by the map and the charts, readable with the common colour-vision deficiencies.

Categories use the Okabe-Ito palette; values use cividis (perceptually uniform, safe for
red-green deficiencies). ``NO_DATA`` is drawn hatched: missing is never a colour of the scale.
"""

from __future__ import annotations

import math

from bokeh.palettes import cividis

NO_DATA = "#d9d9d9"
OUT_OF_SCOPE_ALPHA = 0.25
IN_SCOPE_ALPHA = 0.9

PROVINCE = {"310000": "#D55E00", "320000": "#0072B2", "330000": "#009E73", "340000": "#E69F00"}
CIRCLE = {
    "nanjing": "#0072B2",
    "hangzhou": "#009E73",
    "hefei": "#E69F00",
    "suxichang": "#CC79A7",
    "ningbo": "#56B4E9",
    "core": "#D55E00",  # Shanghai, the core (一核), is in no circle
    "none": "#BBBBBB",
}
BELT = {
    "belt_hnhh": "#0072B2",
    "belt_riverside": "#56B4E9",
    "belt_coastal": "#009E73",
    "belt_hhj": "#CC79A7",
    "several": "#000000",
    "none": "#BBBBBB",
}
# Ordinal: cividis over Table 1's seven classes, largest darkest.
SIZE_CLASS = dict(
    zip(
        ["super_large", "megacity", "large_1", "large_2", "medium", "small_1", "small_2"],
        cividis(7),
        strict=True,
    )
)
FUNCTIONAL_ZONE = {"optimized": "#0072B2", "key": "#E69F00", "restricted": "#009E73"}
# Population status (analysis.population.Status values), Okabe-Ito.
STATUS = {
    "above": "#0072B2",
    "near": "#009E73",
    "below": "#E69F00",
    "within": "#56B4E9",
    "breached": "#D55E00",
    "not_comparable": "#CC79A7",
    "no_data": NO_DATA,
}
SCALE = cividis(256)
SCALE_STEPS = 7  # the legend's gradient stops


def value_color(value: float, low: float, high: float) -> str:
    """The colour of ``value`` on the cividis scale between ``low`` and ``high``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NO_DATA
    if high <= low:
        return SCALE[len(SCALE) // 2]
    position = (value - low) / (high - low)
    return SCALE[min(len(SCALE) - 1, max(0, int(position * (len(SCALE) - 1) + 0.5)))]
