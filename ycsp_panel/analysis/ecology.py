"""Ecology: development intensity, the plan's commitments, box 8's water bodies and box 9's zones.

Pure functions of ``ycsp_panel.data`` (and of ``today``, which callers pass in): no Panel, no
clock, no file reads. Every number and point comes from the data with its source id.
"""

from __future__ import annotations

import datetime

import pandas as pd

from ycsp_panel import data
from ycsp_panel.data import per_process

INTENSITY = "development_intensity"
CONSTRUCTION_LAND = "construction_land"
REDLINE = "eco_redline_share"
CLUSTER = "yrd"
GROUP_TYPES = ("water_body", "supervision_zone")

# Statuses a commitment can have. ``met``/``missed`` only where the data hold an outcome.
UPCOMING = "upcoming"
PASSED = "deadline_passed_not_tracked"
UNDATED = "undated"
OUTCOMES = ("met", "missed")
STATUSES = (UPCOMING, PASSED, UNDATED, *OUTCOMES)

_CITY_SCOPED = ("city", "cluster")


@per_process
def development_intensity() -> pd.DataFrame:
    """The plan's development-intensity figures and what frames them, one row per figure.

    ``role``: ``cluster`` (the YRD, 17.1 % in 2013), ``city`` (Shanghai), ``benchmark`` (the
    regions the plan compares with), ``construction_land`` (the cluster's km² behind its
    intensity) and ``redline_goal`` (the 2020 goal for the *share of area within ecological
    red lines*, ≥ 15 %, a floor: another indicator in the same unit, not a limit on intensity).
    ``year`` is ``None`` where the plan gives none; ``direction`` is the figure's own (empty
    for observations) and ``indicator_direction`` the indicator's default.
    """
    values = data.values()
    rows = values[values["indicator"].isin([INTENSITY, CONSTRUCTION_LAND, REDLINE])]
    rows = rows[(rows["indicator"] != CONSTRUCTION_LAND) | (rows["entity_id"] == CLUSTER)]
    names = data.entity_names().drop_duplicates("id").set_index("id")
    indicators = data.indicators().set_index("id")
    records = []
    for row in rows.itertuples():
        kind = names.loc[row.entity_id, "type"]
        if row.indicator == REDLINE:
            role = "redline_goal"
        elif row.indicator == CONSTRUCTION_LAND:
            role = "construction_land"
        else:
            role = kind if kind in _CITY_SCOPED else "benchmark"
        records.append(
            {
                "entity_id": row.entity_id,
                "name_zh": names.loc[row.entity_id, "name_zh"],
                "name_en": names.loc[row.entity_id, "name_en"],
                "role": role,
                "indicator": row.indicator,
                "value": float(row.value),
                "unit": row.unit,
                "year": None if pd.isna(row.year) else int(row.year),
                "kind": row.kind,
                "qualifier": row.qualifier,
                "direction": row.direction if isinstance(row.direction, str) else "",
                "indicator_direction": indicators.loc[row.indicator, "direction"],
                "source_id": row.source_id,
                "source_text": row.source_text,
                "quality": row.quality,
                "note": row.note,
            }
        )
    order = {"cluster": 0, "city": 1, "benchmark": 2, "redline_goal": 3, "construction_land": 4}
    frame = _with_optional_year(pd.DataFrame.from_records(records), "year")
    frame = frame.assign(_order=frame["role"].map(order), _value=-frame["value"])
    return frame.sort_values(["_order", "_value", "entity_id"], ignore_index=True).drop(
        columns=["_order", "_value"]
    )


def _with_optional_year(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """``column`` as Python ints and ``None`` (pandas would turn a missing year into NaN)."""
    years = [None if pd.isna(y) else int(y) for y in frame[column]]
    return frame.assign(**{column: pd.Series(years, index=frame.index, dtype=object)})


def deadline_end(deadline: str) -> datetime.date:
    """The last day a deadline allows: ``2020`` → 2020-12-31, ``2017-06-30`` → itself."""
    if len(deadline) == 4:
        return datetime.date(int(deadline), 12, 31)
    return datetime.date.fromisoformat(deadline)


def commitment_status(deadline: str | None, today: datetime.date, outcome: str = "") -> str:
    """``undated``, ``upcoming`` (until the deadline's last day, inclusive) or, after it,
    ``deadline_passed_not_tracked``; ``met``/``missed`` when the data hold that outcome."""
    if outcome in OUTCOMES:
        return outcome
    if not deadline:
        return UNDATED
    return UPCOMING if today <= deadline_end(deadline) else PASSED


def scope_cities(scope: str) -> list[str]:
    """The codes of the plan's 26 cities a commitment's ``;``-separated scope covers (a whole
    province covers its plan cities; ``yrd`` all 26)."""
    cities = data.cities()
    covered: set[str] = set()
    for entity in scope.split(";"):
        if entity == CLUSTER:
            covered |= set(cities["code"])
        elif entity in set(cities["code"]):
            covered.add(entity)
        else:
            covered |= set(cities.loc[cities["province_code"] == entity, "code"])
    return sorted(covered)


def commitment_timeline(today: datetime.date) -> pd.DataFrame:
    """The plan's commitments with their status on ``today`` (passed in, never read here).

    Columns: ``id``, ``what_zh``/``what_en``, ``scope`` (ids), ``scope_zh``/``scope_en``
    (names), ``cities`` (the plan cities covered), ``threshold_zh``/``threshold_en``,
    ``deadline`` (year or ``None``), ``deadline_text`` (as written), ``status``,
    ``source_id``, ``source_text``, ``note``. Dated ones by deadline first, then undated.
    """
    commitments = data.commitments()
    names = data.entity_names().drop_duplicates("id").set_index("id")
    has_outcome = "outcome" in commitments.columns
    records = []
    for row in commitments.itertuples():
        deadline = row.deadline if isinstance(row.deadline, str) and row.deadline else None
        outcome = row.outcome if has_outcome and isinstance(row.outcome, str) else ""
        ids = row.scope.split(";")
        records.append(
            {
                "id": row.id,
                "what_zh": row.what_zh,
                "what_en": row.what_en,
                "scope": row.scope,
                "scope_zh": "、".join(names.loc[ids, "name_zh"]),
                "scope_en": ", ".join(names.loc[ids, "name_en"]),
                "cities": scope_cities(row.scope),
                "threshold_zh": row.threshold_zh if isinstance(row.threshold_zh, str) else "",
                "threshold_en": row.threshold_en if isinstance(row.threshold_en, str) else "",
                "deadline": None if deadline is None else int(deadline[:4]),
                "deadline_text": deadline or "",
                "status": commitment_status(deadline, today, outcome),
                "source_id": row.source_id,
                "source_text": row.source_text,
                "note": row.note,
            }
        )
    frame = _with_optional_year(pd.DataFrame.from_records(records), "deadline")
    frame["_undated"] = frame["deadline"].isna()
    frame["_year"] = [year or 0 for year in frame["deadline"]]
    return frame.sort_values(["_undated", "_year", "id"], ignore_index=True).drop(
        columns=["_undated", "_year"]
    )


@per_process
def participation() -> pd.DataFrame:
    """Who takes part in which box 8 water body and box 9 supervision zone: one row per
    (group, city) with the group's type and names, the county-level place (zones), whether the
    membership is ``derived`` and by which ``rule``, and the source."""
    memberships = data.memberships()
    names = data.entity_names().drop_duplicates("id").set_index("id")
    group_type = memberships["group_id"].map(names["type"])
    rows = memberships[group_type.isin(GROUP_TYPES)].copy()
    rows["group_type"] = rows["group_id"].map(names["type"])
    rows["group_zh"] = rows["group_id"].map(names["name_zh"])
    rows["group_en"] = rows["group_id"].map(names["name_en"])
    cities = data.cities().set_index("code")
    rows["city_zh"] = rows["city_code"].map(cities["name_zh"])
    rows["city_en"] = rows["city_code"].map(cities["name_en"])
    counties = data.geometry("county").set_index("code")
    rows["place_zh"] = rows["place_code"].map(counties["name_zh"])
    rows["place_en"] = rows["place_code"].map(counties["name_en"])
    rows["derived"] = rows["derived"].fillna(False).astype(bool)
    rows["_type"] = rows["group_type"].map({t: i for i, t in enumerate(GROUP_TYPES)})
    rows["_position"] = rows["position"].fillna(999)
    rows = rows.sort_values(["_type", "group_id", "_position", "city_code"], ignore_index=True)
    columns = [
        "group_id",
        "group_type",
        "group_zh",
        "group_en",
        "city_code",
        "city_zh",
        "city_en",
        "place_code",
        "place_zh",
        "place_en",
        "derived",
        "rule",
        "rule_zh",
        "source_id",
        "source_text",
        "note",
    ]
    return rows[columns]


@per_process
def participation_summary() -> pd.DataFrame:
    """One row per water body or zone: its member cities (codes and names in both languages),
    how many, and whether any membership is derived (with the rule)."""
    rows = participation()
    records = []
    for group_id, members in rows.groupby("group_id", sort=False):
        first = members.iloc[0]
        derived = members[members["derived"]]
        records.append(
            {
                "group_id": group_id,
                "group_type": first["group_type"],
                "group_zh": first["group_zh"],
                "group_en": first["group_en"],
                "cities": list(members["city_code"]),
                "cities_zh": "、".join(members["city_zh"]),
                "cities_en": ", ".join(members["city_en"]),
                "n_cities": len(members),
                "place_zh": "、".join(members["place_zh"].dropna()),
                "place_en": ", ".join(members["place_en"].dropna()),
                "derived": not derived.empty,
                "rule": derived["rule"].iloc[0] if not derived.empty else "",
                "rule_zh": derived["rule_zh"].iloc[0] if not derived.empty else "",
                "source_id": first["source_id"],
                "source_text": "；".join(dict.fromkeys(members["source_text"])),
            }
        )
    return pd.DataFrame.from_records(records)


@per_process
def feature_points() -> pd.DataFrame:
    """One labelled point (WGS84 lon/lat) per water body and supervision zone.

    Zones: a point inside their county-level place (``geo/counties.geojson``; the two that are
    not administrative units at their host unit). Water bodies: ``data/geo`` holds no water
    geometry, so the point is the centre of their member cities' territory (the centroid of
    the union, or a point inside it when the centroid falls outside) — *not* the water body's
    position; ``placement`` says which, and the view labels it so.
    """
    summary = participation_summary()
    cities = data.geometry("city").set_index("code")
    counties = data.geometry("county").set_index("code")
    places = participation().dropna(subset=["place_code"]).set_index("group_id")["place_code"]
    records = []
    for group in summary.itertuples():
        if group.group_type == "supervision_zone":
            code = places[group.group_id]
            point = counties.loc[code, "geometry"].representative_point()
            placement, geometry_source = "inside_place", f"geo/counties.geojson:{code}"
        else:
            territory = cities.loc[group.cities, "geometry"].union_all()
            point = territory.centroid
            if not territory.contains(point):
                point = territory.representative_point()
            placement = "centre_of_member_cities"
            geometry_source = "geo/cities.geojson:" + ";".join(group.cities)
        records.append(
            {
                "group_id": group.group_id,
                "group_type": group.group_type,
                "label_zh": group.group_zh,
                "label_en": group.group_en,
                "lon": round(point.x, 5),
                "lat": round(point.y, 5),
                "placement": placement,
                "geometry_source": geometry_source,
                "source_id": group.source_id,
                "cities": group.cities,
            }
        )
    return pd.DataFrame.from_records(records)


def members_of(group_id: str) -> list[str]:
    """The member city codes of one water body or zone (empty for an unknown id)."""
    rows = participation()
    return list(rows.loc[rows["group_id"] == group_id, "city_code"])
