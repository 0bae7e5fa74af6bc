"""One way to write a number, for every view, download text and language.

- Thousands are grouped from 1,000 on, in Chinese as in English: ``1,274.8``, ``2,500``,
  ``16,508.6`` (not ``1274.8`` beside ``16,508.6``).
- A figure is written to its unit's precision (:data:`UNIT_DECIMALS`: 10k persons to one
  decimal, 100 million CNY to two, percentages to one …), never beyond. A figure as printed
  (the plan's, a bulletin's) drops trailing zeros: a whole number stays whole (``1,100``, not
  ``1,100.0``); a figure computed to that precision (a census count in 10k persons, a gap)
  keeps them (``fixed``: ``937.0``, ``+77.0``).
- Signed figures (gaps, growth) carry ``+`` or ``-``; a percentage has a space before ``%`` in
  English (``-0.5 %``), none in Chinese (``-0.5%``).

Nothing here imports Panel; the loading layer's units are the keys.
"""

from __future__ import annotations

import math

from ycsp_panel.i18n import Lang

# The most decimals a figure in each unit is written with (the data's ``unit`` ids).
UNIT_DECIMALS = {
    "10k persons": 1,
    "persons": 0,
    "100m CNY": 2,
    "100m USD": 0,
    "CNY/person": 0,
    "USD/person": 0,
    "10k USD/km2": 0,
    "10k km2": 2,
    "km2": 0,
    "%": 1,
    "count": 0,
    "days": 0,
    "times": 2,
    "per 10k km2": 1,
}
DEFAULT_DECIMALS = 2


def number(
    value: float, decimals: int = DEFAULT_DECIMALS, *, signed: bool = False, fixed: bool = False
) -> str:
    """``value`` grouped in thousands, to at most ``decimals`` decimals (exactly, if
    ``fixed``; else without trailing zeros); with ``+`` when ``signed`` and positive.
    Missing: an empty string."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{float(value):,.{decimals}f}"
    if decimals > 0 and not fixed:
        text = text.rstrip("0").rstrip(".")
    if text.lstrip("-").replace("0", "").replace(".", "") == "":
        text = text.lstrip("-")  # no "-0"
    if signed and value > 0 and float(text.replace(",", "")) != 0:
        text = "+" + text
    return text


def quantity(value: float, unit: str, *, signed: bool = False, fixed: bool = False) -> str:
    """``value`` in ``unit`` (a data unit id) to that unit's precision (``fixed``: every
    decimal of it, for a computed figure)."""
    decimals = UNIT_DECIMALS.get(unit, DEFAULT_DECIMALS)
    return number(value, decimals, signed=signed, fixed=fixed)


def percent(value: float, lang: Lang, decimals: int = 1, *, signed: bool = False) -> str:
    """``12.3 %`` (English) or ``12.3%`` (Chinese), to ``decimals`` decimals (kept: a share's
    precision is part of what it says)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{float(value):.{decimals}f}"
    if signed and value > 0 and float(text) != 0:
        text = "+" + text
    return f"{text} %" if lang == "en" else f"{text}%"
