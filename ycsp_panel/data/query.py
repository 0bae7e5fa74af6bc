"""Read access to the plan's data: tables as copies, names to ids, and the one-value lookup."""

from __future__ import annotations

import difflib
from functools import cache

import pandas as pd

from ycsp_panel.data.store import catalogue


class LookupMiss(LookupError):
    """Nothing matches; the message names close matches or what is available."""


class AmbiguousLookup(LookupError):
    """Several rows match; the message lists them and how to choose."""


def clear_cache() -> None:
    """Forget the tables derived here (with ``store.clear_cache`` for the files)."""
    _cities.cache_clear()
    _entity_names.cache_clear()


def _public(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=[c for c in ("_line", "_file") if c in frame.columns]).copy()


def indicators() -> pd.DataFrame:
    """The indicator catalogue: id, names, unit, the plan's direction, plausible range …"""
    return _public(catalogue().indicators)


def sources() -> pd.DataFrame:
    """Every source: id, kind, bilingual title, publisher, date, locator in the plan, url."""
    return _public(catalogue().sources)


def entities() -> pd.DataFrame:
    """Every entity other than the 26 cities: cluster, country, provinces, circles, belts …"""
    return _public(catalogue().entities)


def memberships() -> pd.DataFrame:
    """Who belongs to which circle, belt, water body or supervision zone (with order for belts)."""
    return _public(catalogue().memberships)


def commitments() -> pd.DataFrame:
    """The plan's dated actions: what, scope, threshold, deadline, source."""
    return _public(catalogue().commitments)


def size_classes() -> pd.DataFrame:
    """Table 1's size classes with their urban-population bounds (10k persons)."""
    return _public(catalogue().size_classes)


def table1() -> pd.DataFrame:
    """Table 1 in full: the 66 cities with their size class, 2016 name and current code."""
    return _public(catalogue().table1)


def belt_routes() -> pd.DataFrame:
    """The order in which a belt's line runs through its cities (schematic; rule per row)."""
    return _public(catalogue().belt_routes).sort_values(["belt_id", "position"], ignore_index=True)


def values() -> pd.DataFrame:
    """All values, tidy: a row per entity, indicator, year, kind and source; ``file`` says where."""
    frame = catalogue().values.rename(columns={"_file": "file"})
    return _public(frame)


def cities() -> pd.DataFrame:
    """The 26 cities with province names, circle, belts (``;``-separated) and Table 1 class."""
    return _cities().copy()


@cache
def _cities() -> pd.DataFrame:
    data = catalogue()
    frame = _public(data.cities)
    names = data.entities.set_index("id")
    frame["province_zh"] = frame["province_code"].map(names["name_zh"])
    frame["province_en"] = frame["province_code"].map(names["name_en"])
    group_type = data.memberships["group_id"].map(names["type"])
    circles = data.memberships[group_type == "circle"].set_index("city_code")["group_id"]
    frame["circle"] = frame["code"].map(circles)
    belts = (
        data.memberships[group_type == "belt"]
        .sort_values("group_id")
        .groupby("city_code")["group_id"]
        .agg(";".join)
    )
    frame["belts"] = frame["code"].map(belts)
    prefecture = data.table1[data.table1["level"] == "prefecture"].set_index("code")
    frame["size_class"] = frame["code"].map(prefecture["size_class"])
    return frame


def entity_names() -> pd.DataFrame:
    """id, type, name_zh, name_en of every entity, the 26 cities included."""
    return _entity_names().copy()


@cache
def _entity_names() -> pd.DataFrame:
    data = catalogue()
    city_rows = data.cities[["code", "name_zh", "name_en"]].rename(columns={"code": "id"})
    city_rows = city_rows.assign(type="city")
    others = data.entities[~data.entities["id"].isin(city_rows["id"])]
    return pd.concat([city_rows, others[["id", "type", "name_zh", "name_en"]]], ignore_index=True)


def resolve_entity(name: str) -> str:
    """The id of an entity given its id, Chinese name (with or without 市) or English name."""
    table = entity_names()
    wanted = str(name).strip()
    folded = wanted.casefold()
    for _, row in table.iterrows():
        candidates = {row["id"], row["name_zh"], row["name_zh"].removesuffix("市")}
        if wanted in candidates or folded in {row["name_en"].casefold(), row["id"].casefold()}:
            return row["id"]
    # Suzhou, Taizhou: a bare English name that starts two names is ambiguous; one is not.
    starts = table[table["name_en"].str.casefold().str.startswith(folded + " (")]
    if len(starts) == 1:
        return starts.iloc[0]["id"]
    labels = [*table["id"], *table["name_zh"], *table["name_en"]]
    close = difflib.get_close_matches(wanted, labels, n=5, cutoff=0.5)
    hint = f"; close matches: {', '.join(close)}" if close else ""
    if len(starts) > 1:
        hint = f"; several match: {', '.join(starts['name_en'])}"
    raise LookupMiss(f"unknown entity {name!r}{hint}")


def lookup(
    entity: str,
    indicator: str,
    year: int | None = None,
    kind: str | None = None,
    source: str | None = None,
) -> float:
    """The one value of ``indicator`` for ``entity``, narrowed by year, kind and source.

    >>> lookup("Suzhou", "population", year=2014)  # Table 3: 1059万
    1059.0
    """
    entity_id = resolve_entity(entity)
    data = catalogue()
    known = set(data.indicators["id"])
    if indicator not in known:
        close = difflib.get_close_matches(indicator, sorted(known), n=5, cutoff=0.5)
        hint = f"; close matches: {', '.join(close)}" if close else ""
        raise LookupMiss(f"unknown indicator {indicator!r}{hint}")
    rows = data.values[
        (data.values["entity_id"] == entity_id) & (data.values["indicator"] == indicator)
    ]
    available = rows
    if year is not None:
        rows = rows[rows["year"] == year]
    if kind is not None:
        rows = rows[rows["kind"] == kind]
    if source is not None:
        rows = rows[rows["source_id"] == source]
    if rows.empty:
        options = _describe(available) or "none"
        raise LookupMiss(
            f"no {indicator} value for {entity_id} with year={year}, kind={kind}, "
            f"source={source}; available: {options}"
        )
    if len(rows) > 1:
        raise AmbiguousLookup(
            f"{len(rows)} values of {indicator} for {entity_id} match: {_describe(rows)}; "
            "pass year=…, kind=… or source=… to choose one"
        )
    return float(rows.iloc[0]["value"])


def _describe(rows: pd.DataFrame) -> str:
    parts = []
    for row in rows.itertuples():
        year = "no year" if pd.isna(row.year) else f"year={row.year}"
        parts.append(f"({year}, kind={row.kind}, source={row.source_id}: {row.value:g} {row.unit})")
    return ", ".join(parts)
