"""Population through time, 2010 to 2030: censuses, the plan's figures and year-end statistics.

One tidy row per point a city (or a group of cities) has, in 10k persons. Five kinds of point:

- ``census``: the 2010 and 2020 censuses (resident population on 1 November, not at year end),
  converted from persons;
- ``plan_baseline``: the plan's 2014 column (Table 3), year-end resident population, observed;
- ``observation``: year-end resident population from statistical bulletins (2023);
- ``target``: the plan's 2020 figure (预期; Shanghai's is a ceiling, see ``direction``);
- ``forecast``: the plan's 2030 figure (预测).

Missing points have no row: nothing is filled, interpolated or estimated.

Boundary caveat. Where ``cities.csv`` has a boundary note (Tongling 340700 and Anqing 340800:
枞阳县 moved from Anqing to Tongling in 2015), the plan's three figures (2014, 2020, 2030) were
made on the boundary before the change and the statistics after it (census 2020, year-end 2023)
on the boundary of today. So the flag goes on the statistics — every point of such a city that
is not from the plan — with ``caveat = "boundary:<code>"``, the city whose ``boundary_note_*``
explains it: those are the points that cannot be read against the plan's baseline, target or
forecast (nor joined to the 2014 baseline as growth). The plan's own path 2014 → 2020 → 2030
stays on one boundary and is not flagged. A census 2010 figure of such a city, were there one,
would be flagged too: later bulletins restate it on the new boundary, and which one it is would
have to be checked.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ycsp_panel.data.aggregate import GroupBy, group_members
from ycsp_panel.data.query import AmbiguousLookup, LookupMiss
from ycsp_panel.data.store import catalogue
from ycsp_panel.data.units import convert

UNIT = "10k persons"
KINDS = ("census", "plan_baseline", "observation", "target", "forecast")
OBSERVED_KINDS = ("census", "plan_baseline", "observation")
PLAN_KINDS = ("plan_baseline", "target", "forecast")
COLUMNS = [
    "entity_id",
    "year",
    "value",
    "unit",
    "kind",
    "qualifier",
    "direction",
    "source_id",
    "quality",
    "caveat",
    "published_value",
    "published_unit",
]
GROUP_COLUMNS = [
    "entity_id",
    "year",
    "value",
    "unit",
    "kind",
    "partial_value",
    "n_cities",
    "n_members",
    "complete",
    "qualifier",
    "direction",
    "source_id",
    "quality",
    "caveat",
]
# Persons are whole: four decimals of 10k persons keep a census count exact.
_DECIMALS = 4


def population_series(codes: list[str]) -> pd.DataFrame:
    """Every population point of the given cities, in their order, then by year and kind.

    Columns: ``entity_id, year, value, unit`` (always 10k persons)``, kind`` (one of
    :data:`KINDS`)``, qualifier, direction, source_id, quality, caveat`` (``boundary:<code>``
    or missing, see the module's docstring) and the figure as its source gives it
    (``published_value, published_unit``: census counts in persons).
    """
    data = catalogue()
    known = set(data.cities["code"])
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise LookupMiss(f"not one of the 26 cities: {', '.join(map(str, unknown))}")
    order = {code: i for i, code in enumerate(dict.fromkeys(codes))}
    rows = data.values[
        data.values["entity_id"].isin(order)
        & data.values["indicator"].isin(["population", "population_census"])
        & data.values["year"].notna()
    ]
    kind = pd.Series(
        np.select(
            [
                rows["indicator"] == "population_census",
                rows["kind"] == "target",
                rows["kind"] == "forecast",
                rows["quality"] == "plan",
            ],
            ["census", "target", "forecast", "plan_baseline"],
            default="observation",
        ),
        index=rows.index,
    )
    notes = data.cities.set_index("code")["boundary_note_en"]
    noted = rows["entity_id"].map(notes).fillna("").str.len() > 0
    flagged = noted & ~kind.isin(PLAN_KINDS)
    series = pd.DataFrame(
        {
            "entity_id": rows["entity_id"],
            "year": rows["year"].astype(int),
            "value": [
                round(convert(value, unit, UNIT), _DECIMALS)
                for value, unit in zip(rows["value"], rows["unit"], strict=True)
            ],
            "unit": UNIT,
            "kind": kind,
            "qualifier": rows["qualifier"],
            "direction": rows["direction"].where(rows["direction"].notna(), np.nan),
            "source_id": rows["source_id"],
            "quality": rows["quality"],
            "caveat": ("boundary:" + rows["entity_id"]).where(flagged, np.nan),
            "published_value": rows["value"],
            "published_unit": rows["unit"],
        }
    )
    series = series.assign(
        _entity=series["entity_id"].map(order), _kind=series["kind"].map(KINDS.index)
    )
    series = series.sort_values(["_entity", "year", "_kind"], kind="stable")
    return series.drop(columns=["_entity", "_kind"]).reset_index(drop=True)[COLUMNS]


def group_population_series(group_ids: list[str], by: GroupBy) -> pd.DataFrame:
    """The points of circles, belts or provinces (``by``), summed over their member cities.

    A point's ``value`` is set only when every member has that point (``complete``);
    otherwise it is missing and ``partial_value`` with ``n_cities`` of ``n_members`` says
    what the sum over the others is, never a total. A (year, kind) no member has gets no row.
    ``qualifier`` is ``=`` when every summed figure is exact, else ``≈``; ``direction`` is
    kept only when all members share it; ``source_id`` and ``quality`` list the members'
    distinct ones, ``;``-separated.

    ``caveat`` names, as ``boundary:<code>;<code>``, the members with a boundary note whose
    figures the point sums — except when the group holds every city with that same note: a
    transfer between two members leaves their sum unchanged (Anhui, the riverside belt).
    """
    members = group_members(by)
    unknown = sorted(set(group_ids) - set(members["group_id"]))
    if unknown:
        raise LookupMiss(f"no {by} {', '.join(unknown)}")
    notes = catalogue().cities.set_index("code")["boundary_note_en"].dropna()
    notes = notes[notes.str.len() > 0]
    frames = []
    for group_id in dict.fromkeys(group_ids):
        codes = sorted(members.loc[members["group_id"] == group_id, "city_code"])
        cities = population_series(codes)
        twice = cities[cities.duplicated(["entity_id", "year", "kind"], keep=False)]
        if not twice.empty:
            first = twice.iloc[0]
            raise AmbiguousLookup(
                f"city {first['entity_id']} has two {first['kind']} figures for "
                f"{first['year']}: the sum for {group_id} would count it twice"
            )
        inside = {
            code for code, note in notes.items() if set(notes[notes == note].index) <= set(codes)
        }
        for (year, kind), points in cities.groupby(["year", "kind"], sort=False):
            complete = len(points) == len(codes)
            partial = round(float(points["value"].sum()), _DECIMALS)
            directions = set(points["direction"].dropna())
            affected = sorted((set(points["entity_id"]) & set(notes.index)) - inside)
            flagged = affected and kind not in PLAN_KINDS
            frames.append(
                {
                    "entity_id": group_id,
                    "year": year,
                    "value": partial if complete else np.nan,
                    "unit": UNIT,
                    "kind": kind,
                    "partial_value": partial,
                    "n_cities": len(points),
                    "n_members": len(codes),
                    "complete": complete,
                    "qualifier": "=" if (points["qualifier"] == "=").all() else "≈",
                    "direction": directions.pop()
                    if complete and len(directions) == 1 and points["direction"].notna().all()
                    else np.nan,
                    "source_id": ";".join(sorted(set(points["source_id"]))),
                    "quality": ";".join(sorted(set(points["quality"]))),
                    "caveat": "boundary:" + ";".join(affected) if flagged else np.nan,
                }
            )
    if not frames:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    series = pd.DataFrame.from_records(frames)
    order = {group_id: i for i, group_id in enumerate(dict.fromkeys(group_ids))}
    series = series.assign(
        _entity=series["entity_id"].map(order), _kind=series["kind"].map(KINDS.index)
    )
    series = series.sort_values(["_entity", "year", "_kind"], kind="stable")
    return series.drop(columns=["_entity", "_kind"]).reset_index(drop=True)[GROUP_COLUMNS]
