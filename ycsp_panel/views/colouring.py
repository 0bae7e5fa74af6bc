"""How the cities are coloured: one category per city for each categorical colouring, shared by
the map, the comparison chart beside it and their keys, so that a colour means one thing on the
page (the chart follows the map's colouring; see ``views.chart``)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from ycsp_panel import data
from ycsp_panel.analysis.population import population_status
from ycsp_panel.i18n import t
from ycsp_panel.state import CORE_CITY
from ycsp_panel.views import palette

PALETTES = {
    "circle": palette.CIRCLE,
    "province": palette.PROVINCE,
    "belt": palette.BELT,
    "size_class": palette.SIZE_CLASS,
    "functional_zone": palette.FUNCTIONAL_ZONE,
    "status": palette.STATUS,  # population 2020: census against the plan (analysis.population)
}
# The chart colours its city bars as the map does; while the map shows values (a colour scale
# the bars' lengths already show), by metropolitan circle.
CHART_DEFAULT = "circle"


def chart_colouring(color_by: str) -> str:
    """The categorical colouring of the chart's city bars beside a map coloured by ``color_by``."""
    return color_by if color_by in PALETTES else CHART_DEFAULT


@cache
def category_of(color_by: str, lang: str) -> pd.DataFrame:
    """For a categorical colouring: each city's ``category`` label, ``fill`` colour and
    ``key`` (the category's id in the palette, whose order the legend follows). Indexed by city
    code; once per process and language (read-only: never mutate it)."""
    cities = data.cities().set_index("code")
    names = data.entities().set_index("id")
    classes = data.size_classes().set_index("id")
    status = population_status(lang).set_index("code") if color_by == "status" else None
    labels: dict[str, str] = {}
    colors: dict[str, str] = {}
    keys: dict[str, str] = {}
    for code, city in cities.iterrows():
        if color_by == "circle":
            if code == CORE_CITY:
                key, label = "core", t("map.core", lang)
            elif isinstance(city["circle"], str):
                key, label = city["circle"], names.loc[city["circle"], f"name_{lang}"]
            else:
                key, label = "none", t("map.no_circle", lang)
            color = palette.CIRCLE[key]
        elif color_by == "province":
            key = city["province_code"]
            label, color = city[f"province_{lang}"], palette.PROVINCE[key]
        elif color_by == "belt":
            belts = city["belts"].split(";") if isinstance(city["belts"], str) else []
            key = belts[0] if len(belts) == 1 else "several" if belts else "none"
            if len(belts) == 1:
                label = names.loc[key, f"name_{lang}"]
            else:
                label = t("map.several_belts" if belts else "map.no_belt", lang)
            color = palette.BELT[key]
        elif color_by == "size_class":
            key = city["size_class"]
            label, color = classes.loc[key, f"name_{lang}"], palette.SIZE_CLASS[key]
        elif color_by == "functional_zone":
            key = city["functional_zone"]
            label = t(f"map.zone.{key}", lang) + " " + t("map.derived_mark", lang)
            color = palette.FUNCTIONAL_ZONE[key]
        elif color_by == "status":
            key, label = status.loc[code, "status"], status.loc[code, "status_label"]
            color = palette.STATUS[key]
        else:
            raise ValueError(f"not a category: {color_by!r}")
        labels[code], colors[code], keys[code] = label, color, key
    return pd.DataFrame({"category": labels, "fill": colors, "key": keys})


def categories_in_order(color_by: str, styles: pd.DataFrame) -> pd.DataFrame:
    """One row per category of a categorical colouring, in its palette's order."""
    order = list(PALETTES[color_by])
    seen = styles.drop_duplicates("key")
    return seen.iloc[np.argsort([order.index(key) for key in seen["key"]], kind="stable")]


# -- the value colouring's scale -------------------------------------------------------------

QUANTILE_CLASSES = 5


def _position_colour(position: float) -> str:
    return palette.SCALE[
        min(len(palette.SCALE) - 1, max(0, round(position * (len(palette.SCALE) - 1))))
    ]


def quantile_classes(values: pd.Series, k: int = QUANTILE_CLASSES) -> pd.Series:
    """Each value's class (0 = lowest) when the values are split into ``k`` classes of (as
    near as ties allow) equal count; equal values share a class; NaN stays NaN."""
    known = values.dropna()
    if known.empty:
        return pd.Series(np.nan, index=values.index)
    k = max(1, min(k, known.nunique()))
    ranks = known.rank(method="min") - 1  # 0 … n-1; ties take the lowest rank
    classes = np.floor(ranks * k / len(known)).astype(int)
    # Classes numbered without gaps (a tie may skip one).
    order = {c: i for i, c in enumerate(sorted(set(classes)))}
    return classes.map(order).reindex(values.index)


def class_colours(n: int) -> list[str]:
    """``n`` steps of the value scale, from its light end to its dark end, evenly apart."""
    if n == 1:
        return [_position_colour(0.5)]
    return [_position_colour(i / (n - 1)) for i in range(n)]


def value_fills(values: pd.Series, scale: str) -> list[str]:
    """The fill of each value on ``scale``: ``linear`` and ``log`` place it between the
    lowest and the highest value (``log`` on their logarithms, for positive values only;
    otherwise linear), ``quantile`` gives its class's colour. Missing: ``palette.NO_DATA``."""
    if scale == "quantile":
        classes = quantile_classes(values)
        colours = class_colours(int(classes.max()) + 1) if classes.notna().any() else []
        return [palette.NO_DATA if pd.isna(c) else colours[int(c)] for c in classes]
    if scale == "log" and (values.dropna() > 0).all():
        return value_fills(np.log10(values), "linear")
    low, high = values.min(), values.max()
    return [palette.value_color(v, low, high) for v in values]


def uses_log(values: pd.Series, scale: str) -> bool:
    """Whether ``scale`` is drawn as a logarithmic one for these values."""
    known = values.dropna()
    return scale == "log" and not known.empty and bool((known > 0).all())


def class_rows(values: pd.Series) -> pd.DataFrame:
    """The quantile classes of ``values``: ``low``, ``high`` (the lowest and highest value in
    the class, not an interpolated break), ``n`` (cities) and ``fill``, lowest first. Once
    per process and set of values (the map's key and its text both ask; read-only)."""
    return _class_rows(tuple(values.tolist()))


@cache
def _class_rows(values: tuple[float, ...]) -> pd.DataFrame:
    values = pd.Series(values, dtype=float)
    classes = quantile_classes(values)
    known = pd.DataFrame({"value": values, "cls": classes}).dropna()
    if known.empty:
        return pd.DataFrame(columns=["low", "high", "n", "fill"])
    rows = known.groupby("cls")["value"].agg(low="min", high="max", n="size").reset_index()
    rows["fill"] = class_colours(len(rows))
    return rows.drop(columns="cls")
