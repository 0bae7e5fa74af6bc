"""Colours shared by the map and the charts, readable with the common colour-vision deficiencies.

Categories use the Okabe-Ito palette; values use cividis (perceptually uniform, safe for
red-green deficiencies); status has colours of its own (``STATUS``), which no category uses.
``NO_DATA`` is drawn hatched: missing is never a colour of the scale.
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
# Status: the status of a figure against the plan (analysis.population.Status values) and of
# a commitment against its deadline (analysis.ecology). Its own colours, never a category's:
# above/near/below the expected value diverge purple-lavender-brown (ColorBrewer PuOr's ends),
# a breached limit is red and a limit kept dark teal, a figure that cannot be compared light
# teal; each is at least ΔE 24 from every category colour, the size classes' cividis steps
# included (CIE L*a*b*; tests/views/test_palette.py), and status is always said in words and
# by a marker's shape too.
STATUS = {
    "above": "#542788",
    "near": "#B2ABD2",
    "below": "#7F3B08",
    "within": "#01665E",
    "breached": "#A50026",
    "not_comparable": "#80CDC1",
    "no_data": NO_DATA,
}
# A commitment's status (analysis.ecology.STATUSES) in the same colours: kept or not, pending,
# or past its deadline with nothing to judge it by.
COMMITMENT_STATUS = {
    "upcoming": STATUS["near"],
    "deadline_passed_not_tracked": STATUS["not_comparable"],
    "undated": STATUS["no_data"],
    "met": STATUS["within"],
    "missed": STATUS["breached"],
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
