"""Circle, belt, province and cluster figures computed from the cities, with their coverage.

Counts (population, GDP, area …) are summed; ratios are recomputed from their numerator and
denominator summed over the same cities; percentages are never summed. A sum over part of a
group is never a total: ``value`` is only set when every member city has a value, and
``partial_value`` with ``coverage`` ("15 of 26 cities") says what the rest would be.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from ycsp_panel.data.query import AmbiguousLookup, LookupMiss
from ycsp_panel.data.store import catalogue
from ycsp_panel.data.units import UNITS, convert

GroupBy = Literal["circle", "belt", "province", "cluster"]
GROUPINGS: tuple[GroupBy, ...] = ("circle", "belt", "province", "cluster")


def coverage_text(n_cities: int, n_members: int) -> str:
    """``"15 of 26 cities"``: how many of a group's cities have a value."""
    return f"{n_cities} of {n_members} cities"


def group_members(by: GroupBy) -> pd.DataFrame:
    """``group_id, city_code`` for every group of a kind (``cluster``: all 26 as ``yrd``)."""
    data = catalogue()
    if by == "cluster":
        return pd.DataFrame({"group_id": "yrd", "city_code": data.cities["code"]})
    if by == "province":
        return data.cities[["province_code", "code"]].set_axis(["group_id", "city_code"], axis=1)
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}; choose one of {', '.join(GROUPINGS)}")
    types = data.entities.set_index("id")["type"]
    rows = data.memberships[data.memberships["group_id"].map(types) == by]
    return rows[["group_id", "city_code"]].drop_duplicates().reset_index(drop=True)


def city_values(
    indicator: str, year: int | None, kind: str, source: str | None = None
) -> pd.Series:
    """One value per city (indexed by code) for an indicator, year and kind.

    Raises :class:`AmbiguousLookup` when a city has values from several sources and no
    ``source`` is given.
    """
    data = catalogue()
    if indicator not in set(data.indicators["id"]):
        raise LookupMiss(f"unknown indicator {indicator!r}")
    rows = data.values[
        (data.values["indicator"] == indicator)
        & (data.values["kind"] == kind)
        & (data.values["entity_id"].isin(data.cities["code"]))
    ]
    rows = rows[rows["year"].isna()] if year is None else rows[rows["year"] == year]
    if source is not None:
        rows = rows[rows["source_id"] == source]
    twice = rows[rows.duplicated("entity_id", keep=False)]
    if not twice.empty:
        options = sorted(set(twice["source_id"]))
        raise AmbiguousLookup(
            f"{indicator} {year} {kind}: city {twice.iloc[0]['entity_id']} has values from "
            f"{', '.join(options)}; pass source=… to choose one"
        )
    return rows.set_index("entity_id")["value"]


def aggregate(
    indicator: str,
    year: int | None,
    kind: str = "observed",
    by: GroupBy = "circle",
    source: str | None = None,
) -> pd.DataFrame:
    """The indicator for each group of ``by``: value (only when complete), partial value,
    ``n_cities`` with a value, ``n_members`` and ``coverage``.
    """
    data = catalogue()
    catalogue_rows = data.indicators.set_index("id")
    if indicator not in catalogue_rows.index:
        raise LookupMiss(f"unknown indicator {indicator!r}")
    spec = catalogue_rows.loc[indicator]
    members = group_members(by)

    if spec["aggregation"] == "sum":
        numbers = city_values(indicator, year, kind, source)
        members = members.assign(x=members["city_code"].map(numbers))
        grouped = members.groupby("group_id", sort=True)
        result = pd.DataFrame(
            {
                "partial_value": grouped["x"].sum(min_count=1),
                "n_cities": grouped["x"].count(),
                "n_members": grouped["city_code"].count(),
            }
        )
    elif spec["aggregation"] == "ratio":
        result = _ratio(spec, members, year, kind, source)
    else:
        raise ValueError(
            f"{indicator} ({spec['unit']}) cannot be aggregated from cities: it is a rate whose "
            "numerator and denominator are not in the data"
        )
    complete = result["n_cities"] == result["n_members"]
    result["value"] = result["partial_value"].where(complete, np.nan)
    result["complete"] = complete
    result["coverage"] = [
        coverage_text(n, m) for n, m in zip(result["n_cities"], result["n_members"], strict=True)
    ]
    result["unit"] = spec["unit"]
    names = _group_names()
    result = result.reset_index().rename(columns={"index": "group_id"})
    result.insert(1, "name_zh", result["group_id"].map(names["name_zh"]))
    result.insert(2, "name_en", result["group_id"].map(names["name_en"]))
    order = ["group_id", "name_zh", "name_en", "value", "unit", "partial_value"]
    return result[[*order, "n_cities", "n_members", "coverage", "complete"]]


def _ratio(spec, members, year, kind, source) -> pd.DataFrame:
    data = catalogue()
    units = data.indicators.set_index("id")["unit"]
    numerator = city_values(spec["numerator"], year, kind, source)
    denominator = city_values(spec["denominator"], year, kind, source)
    both = numerator.index.intersection(denominator.index)
    members = members.assign(
        num=members["city_code"].map(_to_base(numerator[both], units[spec["numerator"]])),
        den=members["city_code"].map(_to_base(denominator[both], units[spec["denominator"]])),
    )
    grouped = members.groupby("group_id", sort=True)
    ratio = grouped["num"].sum(min_count=1) / grouped["den"].sum(min_count=1)
    unit = spec["unit"]
    scale = 100.0 if unit == "%" else 1.0 / UNITS[unit][1]
    return pd.DataFrame(
        {
            "partial_value": ratio * scale,
            "n_cities": grouped["num"].count(),
            "n_members": grouped["city_code"].count(),
        }
    )


def _to_base(series: pd.Series, unit: str) -> pd.Series:
    return convert(series, unit, UNITS[unit][0]) if unit in UNITS else series


def _group_names() -> pd.DataFrame:
    data = catalogue()
    names = data.entities.set_index("id")[["name_zh", "name_en"]]
    return names[~names.index.duplicated()]
