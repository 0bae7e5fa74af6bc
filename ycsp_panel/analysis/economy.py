"""The economy tab's numbers: Table 2's six city clusters, the national shares and city GDP.

Pure functions of :mod:`ycsp_panel.data` (no Panel). Every figure keeps its unit, year, source
and quality; a share of the national total is computed only where all 26 cities have a value,
otherwise it is ``None`` with the reason and the coverage.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ycsp_panel import data
from ycsp_panel.analysis.population import national_share
from ycsp_panel.data import per_process
from ycsp_panel.data.units import convert

CLUSTER = "yrd"
TABLE2_SOURCE = "plan:ch1.s3.table2"
# Table 2's five rows, in the plan's order.
WORLD_MEASURES = ("area", "population", "gdp_usd", "gdp_per_capita_usd", "gdp_per_km2_usd")
CITY_GDP = "gdp"
CITY_GDP_COLUMNS = [
    *("code", "name_zh", "name_en", "value", "unit", "year", "has_data", "quality"),
    *("precision", "source_id", "source_zh", "source_en", "note"),
]


@dataclass(frozen=True)
class ShareMeasure:
    """A national share the plan states and how its 2020 observed value could be computed."""

    id: str  # land, population, gdp
    share_indicator: str  # share_national_*
    city_indicator: str  # what is summed over the 26 cities
    observed_year: int


SHARE_MEASURES = (
    ShareMeasure("land", "share_national_area", "area", 2020),
    # The census counts residents on 1 Nov 2020; its national total is in the same publication.
    ShareMeasure("population", "share_national_population", "population_census", 2020),
    ShareMeasure("gdp", "share_national_gdp", "gdp", 2020),
)
BASELINE_YEAR = 2014
GOAL_YEAR = 2020


def _optional_year(year) -> int | None:
    return None if pd.isna(year) else int(year)


@per_process
def world_clusters() -> pd.DataFrame:
    """Table 2, tidy: a row per cluster (the YRD first, then the plan's column order) and
    measure, with ``value``, ``unit`` (as in the data), ``year`` (2014 for the YRD, ``None``
    where the plan prints none), ``qualifier``, ``source_id`` and ``quality``."""
    values = data.values()
    names = data.entity_names().set_index("id")
    clusters = [CLUSTER, *data.entities().query("type == 'world_cluster'")["id"]]
    rows = values[
        (values["source_id"] == TABLE2_SOURCE)
        & values["indicator"].isin(WORLD_MEASURES)
        & values["entity_id"].isin(clusters)
    ]
    # The plan's column order is written in each row's note ("column 2 of 6 …").
    column = rows["note"].str.extract(r"column (\d) of 6", expand=False).astype(int)
    measure_order = {m: i for i, m in enumerate(WORLD_MEASURES)}
    frame = pd.DataFrame(
        {
            "entity_id": rows["entity_id"],
            "name_zh": rows["entity_id"].map(names["name_zh"]),
            "name_en": rows["entity_id"].map(names["name_en"]),
            "is_cluster": rows["entity_id"] == CLUSTER,
            "column": column,
            "measure": rows["indicator"],
            "value": rows["value"].astype(float),
            "unit": rows["unit"],
            "year": rows["year"].astype("Int64"),
            "qualifier": rows["qualifier"],
            "source_id": rows["source_id"],
            "quality": rows["quality"],
        }
    )
    frame["_m"] = frame["measure"].map(measure_order)
    frame = frame.sort_values(["_m", "column"]).drop(columns="_m")
    return frame.reset_index(drop=True)


def normalized(world: pd.DataFrame) -> pd.DataFrame:
    """``world`` with ``ratio_to_cluster``: each cluster's value divided by the YRD's value of
    the same measure (the YRD is 1).

    Relative to the YRD, not to the largest, because the question Table 2 asks is how the YRD
    stands against the others: "GDP per capita 4.5 × the YRD's" reads directly, and every
    measure shares the same reference line at 1. The units of a measure must agree (they are
    converted to the YRD's unit when they do not)."""
    base = world[world["entity_id"] == CLUSTER].set_index("measure")
    missing = set(world["measure"]) - set(base.index)
    if missing:
        raise ValueError(f"no YRD value for {', '.join(sorted(missing))}")
    ratios = []
    for row in world.itertuples():
        reference = base.loc[row.measure]
        value = convert(row.value, row.unit, reference["unit"])
        ratios.append(value / reference["value"])
    return world.assign(ratio_to_cluster=ratios)


def _one(rows: pd.DataFrame, what: str) -> pd.Series | None:
    if len(rows) > 1:
        raise ValueError(f"{len(rows)} values for {what}: {', '.join(rows['source_id'])}")
    return rows.iloc[0] if len(rows) else None


@per_process
def national_shares() -> pd.DataFrame:
    """A row per measure (land, population, GDP): the plan's observed share (2014, or no year
    printed), its 2020 goal with the goal's ``direction``, and the 2020 observed share computed
    from the cities and the national total, or ``None`` with ``reason`` and ``coverage``."""
    values = data.values()
    cluster = values[values["entity_id"] == CLUSTER]
    records = []
    for measure in SHARE_MEASURES:
        rows = cluster[cluster["indicator"] == measure.share_indicator]
        observed_rows = rows[rows["kind"] == "observed"]
        dated = observed_rows[observed_rows["year"] == BASELINE_YEAR]
        observed = _one(dated if len(dated) else observed_rows, f"{measure.id} observed share")
        goal = _one(
            rows[(rows["kind"] == "target") & (rows["year"] == GOAL_YEAR)],
            f"{measure.id} 2020 goal",
        )
        now = observed_share(measure)
        records.append(
            {
                "measure": measure.id,
                "indicator": measure.share_indicator,
                "unit": "%",
                "observed": None if observed is None else float(observed["value"]),
                "observed_year": None if observed is None else _optional_year(observed["year"]),
                "observed_qualifier": None if observed is None else observed["qualifier"],
                "observed_source_id": None if observed is None else observed["source_id"],
                "goal": None if goal is None else float(goal["value"]),
                "goal_year": GOAL_YEAR,
                "goal_direction": _direction(goal),
                "goal_source_id": None if goal is None else goal["source_id"],
                **now,
            }
        )
    frame = pd.DataFrame.from_records(records)
    frame["observed_year"] = frame["observed_year"].astype("Int64")
    return frame


def _direction(row: pd.Series | None) -> str | None:
    if row is None or pd.isna(row["direction"]) or not row["direction"]:
        return None
    return str(row["direction"])


def observed_share(measure: ShareMeasure) -> dict:
    """The 26 cities' sum of ``measure.city_indicator`` in ``observed_year`` as a percentage
    of the national total (entity ``china``): keys ``now`` (or ``None``), ``now_year``,
    ``now_reason`` (why not computable, else ``None``), ``now_coverage`` (``"15 of 26 cities"``),
    ``now_n_cities``, ``now_n_members`` and ``now_source_ids`` (the cities' and the nation's).
    Computed by :func:`ycsp_panel.analysis.population.national_share`."""
    share = national_share(measure.city_indicator, measure.observed_year)
    reason = None
    if not share.complete:
        reason = "incomplete"
    elif share.national is None:
        reason = "no_national_total"
    national = [share.national_source] if share.national_source else []
    return {
        "now": share.share_pct,
        "now_year": share.year,
        "now_reason": reason,
        "now_coverage": share.coverage,
        "now_n_cities": share.n_cities,
        "now_n_members": share.n_members,
        "now_source_ids": sorted({*share.sources, *national}),
    }


def population_share_2020() -> float | None:
    """The 26 cities' 2020 census population as a percentage of China's (≈ 11.7 %)."""
    return observed_share(SHARE_MEASURES[1])["now"]


@per_process
def city_gdp_years() -> list[int]:
    """The years with an observed GDP for at least one of the 26 cities."""
    values = data.values()
    rows = values[
        (values["indicator"] == CITY_GDP)
        & (values["kind"] == "observed")
        & values["entity_id"].isin(data.cities()["code"])
    ]
    return sorted(int(y) for y in rows["year"].dropna().unique())


def city_gdp(scope_cities: list[str], year: int) -> pd.DataFrame:
    """GDP of each city of ``scope_cities`` in ``year``: largest first, then the cities without
    data (``has_data`` False, ``value`` NaN, no source). Columns: ``code, name_zh, name_en,
    value, unit, year, has_data, quality, precision, source_id, source_zh, source_en, note``."""
    cities = data.cities().set_index("code")
    unknown = sorted(set(scope_cities) - set(cities.index))
    if unknown:
        raise ValueError(f"not one of the 26 cities: {', '.join(unknown)}")
    values = data.values()
    rows = values[
        (values["indicator"] == CITY_GDP)
        & (values["year"] == year)
        & (values["kind"] == "observed")
        & values["entity_id"].isin(scope_cities)
    ]
    if rows["entity_id"].duplicated().any():
        raise ValueError(f"a city has two GDP values for {year}: pick a source in the data")
    rows = rows.set_index("entity_id")
    sources = data.sources().set_index("id")
    unit = data.indicators().set_index("id").loc[CITY_GDP, "unit"]
    records = []
    for code in scope_cities:
        has = code in rows.index
        row = rows.loc[code] if has else None
        records.append(
            {
                "code": code,
                "name_zh": cities.loc[code, "name_zh"],
                "name_en": cities.loc[code, "name_en"],
                "value": float(row["value"]) if has else np.nan,
                "unit": row["unit"] if has else unit,
                "year": year,
                "has_data": has,
                "quality": row["quality"] if has else None,
                "precision": row["precision"] if has else None,
                "source_id": row["source_id"] if has else None,
                "source_zh": sources.loc[row["source_id"], "title_zh"] if has else None,
                "source_en": sources.loc[row["source_id"], "title_en"] if has else None,
                "note": row["note"] if has else None,
            }
        )
    frame = pd.DataFrame.from_records(records, columns=CITY_GDP_COLUMNS)
    frame = frame.sort_values(["has_data", "value", "code"], ascending=[False, False, True])
    return frame.reset_index(drop=True)
