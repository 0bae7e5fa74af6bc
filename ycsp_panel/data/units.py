"""Units and conversions between units of one family (persons <-> 10k persons …), in one place."""

from __future__ import annotations

import numpy as np
import pandas as pd

# unit -> (base unit of its family, how many base units one unit is)
UNITS: dict[str, tuple[str, float]] = {
    "persons": ("persons", 1.0),
    "10k persons": ("persons", 1e4),
    "100m persons": ("persons", 1e8),
    "CNY": ("CNY", 1.0),
    "10k CNY": ("CNY", 1e4),
    "100m CNY": ("CNY", 1e8),
    "USD": ("USD", 1.0),
    "100m USD": ("USD", 1e8),
    "USD/person": ("USD/person", 1.0),
    "USD/km2": ("USD/km2", 1.0),
    "10k USD/km2": ("USD/km2", 1e4),
    "km2": ("km2", 1.0),
    "10k km2": ("km2", 1e4),
    "%": ("%", 1.0),
    "CNY/person": ("CNY/person", 1.0),
    "count": ("count", 1.0),
    "times": ("times", 1.0),
    "days": ("days", 1.0),
    "per 10k km2": ("per 10k km2", 1.0),
}


def family(unit: str) -> str:
    """The base unit of ``unit``'s family; a unit outside the table is its own family."""
    return UNITS.get(unit, (unit, 1.0))[0]


def convert(value, from_unit: str, to_unit: str):
    """``value`` (a number, array or Series) in ``from_unit`` expressed in ``to_unit``.

    >>> convert(2425.68, "10k persons", "persons")
    24256800.0
    """
    if from_unit == to_unit:
        return value
    if from_unit not in UNITS or to_unit not in UNITS:
        unknown = from_unit if from_unit not in UNITS else to_unit
        raise ValueError(f"unknown unit {unknown!r}; known units: {', '.join(UNITS)}")
    (base_from, factor_from), (base_to, factor_to) = UNITS[from_unit], UNITS[to_unit]
    if base_from != base_to:
        raise ValueError(f"cannot convert {from_unit!r} to {to_unit!r}: different quantities")
    ratio = factor_from / factor_to
    if isinstance(value, pd.Series | np.ndarray):
        return value * ratio
    return float(value) * ratio
