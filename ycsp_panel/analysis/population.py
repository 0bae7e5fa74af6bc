"""Population against the plan: status of each city's 2020 figure, growth, aggregates, shares.

Every number comes from :mod:`ycsp_panel.data`; nothing is filled or estimated. The rules:

- Like with like: the census resident population (1 November 2020) is set against the plan's
  2020 figure (Table 3, 预期), and the tables say so (``observed_kind = census``).
- The plan's 2020 figures are expected values, not goals to beat: the gap is described
  neutrally as above, near (within :data:`TOLERANCE` of it, relative) or below. Only where a
  value's ``direction`` is ``ceiling`` or ``floor`` (Shanghai's 2020 population: 严格控制) is it
  *within* or *breached* — with no tolerance.
- Where a city's boundary changed after the plan's baseline (a ``boundary_note`` in
  ``cities.csv``: Tongling and Anqing), both numbers are shown and the status is
  *not comparable*, never a score.
- Group figures carry their coverage (``n of N cities``); a sum over part of a group is never a
  total, and a share of the national total is only computed when all 26 cities have a value.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from ycsp_panel import data
from ycsp_panel.data import per_process
from ycsp_panel.data.aggregate import GroupBy, coverage_text
from ycsp_panel.data.units import convert
from ycsp_panel.i18n import Lang, t

TOLERANCE = 0.02  # "near": within ±2 % of the expected value, relative
UNIT = "10k persons"
EXPECTED_YEAR = 2020
BASE_YEAR = 2014
FORECAST_YEAR = 2030
CENSUS_YEARS = (2010, 2020)
CLUSTER = "yrd"
NATIONAL = "china"
# The plan's national-share goals (ch2 §4) for the indicators whose city values can be summed.
SHARE_INDICATOR = {
    "population_census": "share_national_population",
    "gdp": "share_national_gdp",
}
# Plan figures and census points of a city, as columns.
MEASURES = {
    "plan_2014": ("plan_baseline", BASE_YEAR),
    "expected_2020": ("target", EXPECTED_YEAR),
    "forecast_2030": ("forecast", FORECAST_YEAR),
    "census_2010": ("census", 2010),
    "census_2020": ("census", 2020),
}


class Status(StrEnum):
    """How an observed figure stands against the plan's figure for the same year."""

    ABOVE = "above"
    NEAR = "near"
    BELOW = "below"
    WITHIN = "within"
    BREACHED = "breached"
    NOT_COMPARABLE = "not_comparable"
    NO_DATA = "no_data"

    def label(self, lang: Lang) -> str:
        return t(f"status.{self.value}", lang)


def judge(
    observed: float | None,
    expected: float | None,
    direction: str | None = "expectation",
    comparable: bool = True,
    tolerance: float = TOLERANCE,
) -> Status:
    """The status of ``observed`` against the plan's ``expected`` value.

    ``direction`` is the value's own (``values/*.csv``): ``ceiling`` and ``floor`` give
    WITHIN or BREACHED (no tolerance: a limit is a limit); ``expectation`` or none gives ABOVE,
    NEAR (``|observed / expected - 1| <= tolerance``) or BELOW.
    """
    if not comparable:
        return Status.NOT_COMPARABLE
    if _missing(observed) or _missing(expected):
        return Status.NO_DATA
    if direction == "ceiling":
        return Status.WITHIN if observed <= expected else Status.BREACHED
    if direction == "floor":
        return Status.WITHIN if observed >= expected else Status.BREACHED
    if direction not in (None, "", "expectation") and not _missing(direction):
        raise ValueError(f"unknown direction {direction!r}")
    gap = observed / expected - 1
    if abs(gap) <= tolerance:
        return Status.NEAR
    return Status.ABOVE if gap > 0 else Status.BELOW


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))


def cagr(start: float, end: float, years: float) -> float:
    """Compound annual growth rate in % from ``start`` to ``end`` over ``years``."""
    if _missing(start) or _missing(end) or start <= 0 or years <= 0:
        return np.nan
    return ((end / start) ** (1 / years) - 1) * 100


def _boundary_notes() -> pd.DataFrame:
    cities = data.cities().set_index("code")
    notes = cities[["boundary_note_zh", "boundary_note_en"]]
    return notes[notes["boundary_note_en"].fillna("").str.len() > 0]


def _city_points() -> pd.DataFrame:
    """One row per city with every measure of :data:`MEASURES` (10k persons) and the rows'
    direction, source, quality and published figure."""
    cities = data.cities()
    series = data.population_series(sorted(cities["code"]))
    frame = cities.set_index("code")[
        ["name_zh", "name_en", "province_code", "province_zh", "province_en", "circle"]
    ].copy()
    for name, (kind, year) in MEASURES.items():
        rows = series[(series["kind"] == kind) & (series["year"] == year)]
        if rows["entity_id"].duplicated().any():
            raise data.AmbiguousLookup(f"a city has two {kind} figures for {year}")
        rows = rows.set_index("entity_id")
        frame[name] = rows["value"]
        frame[f"{name}_source"] = rows["source_id"]
        frame[f"{name}_quality"] = rows["quality"]
        if name == "expected_2020":
            frame["direction"] = rows["direction"]
        if kind == "census":
            frame[f"{name}_persons"] = rows["published_value"]
    return frame


@per_process
def population_status(lang: Lang | None = None) -> pd.DataFrame:
    """One row per city: the plan's 2014 and 2020 figures (with the 2020 direction), the
    census of 1 November 2020 (10k persons and persons), the gap (absolute and %), the status,
    whether the two are comparable and why not, and source and quality of both figures.

    ``status`` holds the :class:`Status` value; ``status_zh``/``status_en`` and
    ``reason_zh``/``reason_en`` its wording. With ``lang`` also ``name``, ``status_label`` and
    ``reason`` in that language.
    """
    points = _city_points()
    notes = _boundary_notes()
    frame = pd.DataFrame(index=points.index)
    frame.index.name = "code"
    for column in ("name_zh", "name_en", "province_code", "province_zh", "province_en", "circle"):
        frame[column] = points[column]
    frame["unit"] = UNIT
    frame["plan_2014"] = points["plan_2014"]
    frame["expected_2020"] = points["expected_2020"]
    frame["direction"] = points["direction"].fillna("expectation")
    frame["forecast_2030"] = points["forecast_2030"]
    frame["observed_kind"] = "census"  # resident population on 1 November 2020
    frame["census_2020"] = points["census_2020"]
    frame["census_2020_persons"] = points["census_2020_persons"]
    frame["comparable"] = ~frame.index.isin(notes.index)
    both = frame["comparable"] & frame["census_2020"].notna() & frame["expected_2020"].notna()
    gap = frame["census_2020"] - frame["expected_2020"]
    frame["gap"] = gap.where(both).round(4)
    frame["gap_pct"] = (gap / frame["expected_2020"] * 100).where(both)
    frame["status"] = [
        judge(row.census_2020, row.expected_2020, row.direction, row.comparable).value
        for row in frame.itertuples()
    ]
    for language in ("zh", "en"):
        frame[f"status_{language}"] = [Status(s).label(language) for s in frame["status"]]
        reasons = notes[f"boundary_note_{language}"].reindex(frame.index)
        census_note = t("population.reason.census", language)
        frame[f"reason_{language}"] = [
            reason if isinstance(reason, str) else census_note for reason in reasons
        ]
    for name in ("expected_2020", "census_2020"):
        frame[f"{name}_source"] = points[f"{name}_source"]
        frame[f"{name}_quality"] = points[f"{name}_quality"]
    if lang is not None:
        frame["name"] = frame[f"name_{lang}"]
        frame["status_label"] = frame[f"status_{lang}"]
        frame["reason"] = frame[f"reason_{lang}"]
    return frame.reset_index()


@per_process
def population_growth() -> pd.DataFrame:
    """Implied annual growth (CAGR, % a year) per city, ranked by the growth needed from the
    census 2020 value to the 2030 forecast (largest first; cities where that cannot be
    computed last).

    ``cagr_2014_2020``: plan 2014 → plan 2020 (6 years); ``cagr_2020_2030``: plan 2020 →
    plan 2030 (10 years); ``cagr_census_2010_2020``: census to census (10 years, only where the
    2010 census is in the data); ``cagr_needed_2020_2030``: census 2020 → plan 2030, counted as
    10 years, only where census and plan are on the same boundary.
    """
    points = _city_points()
    comparable = ~points.index.isin(_boundary_notes().index)
    frame = points[["name_zh", "name_en", "province_code", "circle"]].copy()
    frame["comparable"] = comparable
    columns = {
        "cagr_2014_2020": ("plan_2014", "expected_2020", EXPECTED_YEAR - BASE_YEAR),
        "cagr_2020_2030": ("expected_2020", "forecast_2030", FORECAST_YEAR - EXPECTED_YEAR),
        "cagr_census_2010_2020": ("census_2010", "census_2020", 10),
        "cagr_needed_2020_2030": ("census_2020", "forecast_2030", FORECAST_YEAR - EXPECTED_YEAR),
    }
    for name, (start, end, years) in columns.items():
        frame[name] = [cagr(a, b, years) for a, b in zip(points[start], points[end], strict=True)]
    frame.loc[~comparable, "cagr_needed_2020_2030"] = np.nan
    frame = frame.reset_index().rename(columns={"index": "code"})
    frame = frame.sort_values(
        ["cagr_needed_2020_2030", "code"], ascending=[False, True], na_position="last"
    )
    frame["rank"] = frame["cagr_needed_2020_2030"].rank(ascending=False, method="min")
    frame["rank"] = frame["rank"].astype("Int64")
    return frame.reset_index(drop=True)


@per_process
def population_aggregates(by: GroupBy) -> pd.DataFrame:
    """Each group of ``by`` (circle, province, belt or cluster): the plan's 2014, 2020 and 2030
    figures and the censuses summed over its member cities, each with its coverage, and the
    status of the census 2020 sum against the 2020 sum.

    Per measure ``m`` of :data:`MEASURES`: ``m`` (set only when every member has a value),
    ``m_partial``, ``m_n``; ``n_members``. ``status`` is judged only on complete sums on one
    boundary (a group holding Tongling but not Anqing, or the reverse, is not comparable);
    the direction is the members' common one (Shanghai alone: ceiling), else expectation.
    """
    members = data.group_members(by)
    group_ids = sorted(set(members["group_id"]))
    series = data.group_population_series(group_ids, by)
    names = data.entity_names().drop_duplicates("id").set_index("id")
    rows = []
    for group_id in group_ids:
        own = series[series["entity_id"] == group_id]
        n_members = int((members["group_id"] == group_id).sum())
        row: dict[str, object] = {
            "group_id": group_id,
            "name_zh": names.loc[group_id, "name_zh"],
            "name_en": names.loc[group_id, "name_en"],
            "unit": UNIT,
            "n_members": n_members,
        }
        caveats: set[str] = set()
        for name, (kind, year) in MEASURES.items():
            point = own[(own["kind"] == kind) & (own["year"] == year)]
            if point.empty:
                row[name], row[f"{name}_partial"], row[f"{name}_n"] = np.nan, np.nan, 0
                continue
            point = point.iloc[0]
            row[name] = point["value"]
            row[f"{name}_partial"] = point["partial_value"]
            row[f"{name}_n"] = int(point["n_cities"])
            if name == "expected_2020":
                row["direction"] = (
                    point["direction"] if isinstance(point["direction"], str) else "expectation"
                )
            if isinstance(point["caveat"], str):
                caveats.add(point["caveat"])
        row["comparable"] = not caveats
        row["caveat"] = ";".join(sorted(caveats))
        row["coverage_census_2020"] = coverage_text(row["census_2020_n"], n_members)
        row["coverage_census_2010"] = coverage_text(row["census_2010_n"], n_members)
        rows.append(row)
    frame = pd.DataFrame.from_records(rows)
    frame["gap_pct"] = np.where(
        frame["comparable"],
        (frame["census_2020"] / frame["expected_2020"] - 1) * 100,
        np.nan,
    )
    frame["status"] = [
        judge(row.census_2020, row.expected_2020, row.direction, row.comparable).value
        for row in frame.itertuples()
    ]
    frame.insert(0, "by", by)
    return frame


# End of 2014 (the plan's baseline) to the census of 1 November 2020, counted as 6 years.
BASELINE_TO_CENSUS_YEARS = CENSUS_YEARS[1] - BASE_YEAR


@per_process
def group_growth(by: GroupBy) -> pd.DataFrame:
    """Which group grows fastest: per group of ``by`` (circle, province, belt), the annual
    growth (CAGR, % a year) of the sum of its cities, observed and planned side by side,
    ranked by the observed growth from 2014 to 2020 (fastest first).

    Observed: ``cagr_census_2010_2020`` (census to census, 10 years; only where every member
    has a 2010 count) and ``cagr_2014_census_2020`` (the plan's year-end 2014 figure to the
    census 2020, :data:`BASELINE_TO_CENSUS_YEARS` years; only on one boundary). Planned:
    ``cagr_2014_2020`` and ``cagr_2020_2030``. Needed: ``cagr_needed_2020_2030`` (census 2020
    to the 2030 forecast, on one boundary).
    """
    sums = population_aggregates(by).set_index("group_id")
    frame = sums[["name_zh", "name_en", "n_members", "comparable", "census_2010_n"]].copy()
    columns = {
        "cagr_census_2010_2020": ("census_2010", "census_2020", 10, False),
        "cagr_2014_census_2020": ("plan_2014", "census_2020", BASELINE_TO_CENSUS_YEARS, True),
        "cagr_2014_2020": ("plan_2014", "expected_2020", EXPECTED_YEAR - BASE_YEAR, False),
        "cagr_2020_2030": ("expected_2020", "forecast_2030", FORECAST_YEAR - EXPECTED_YEAR, False),
        "cagr_needed_2020_2030": (
            "census_2020",
            "forecast_2030",
            FORECAST_YEAR - EXPECTED_YEAR,
            True,
        ),
    }
    for name, (start, end, years, one_boundary) in columns.items():
        rates = [cagr(a, b, years) for a, b in zip(sums[start], sums[end], strict=True)]
        frame[name] = np.where(frame["comparable"] | (not one_boundary), rates, np.nan)
    frame = frame.reset_index()
    frame = frame.sort_values(
        ["cagr_2014_census_2020", "group_id"], ascending=[False, True], na_position="last"
    )
    frame.insert(0, "by", by)
    return frame.reset_index(drop=True)


@per_process
def city_shares() -> pd.DataFrame:
    """Each city's share (%) of its circle and of the cluster, by the census 2020 and by the
    plan's 2020 figures (Shanghai, the core, and the cities outside the five circles have no
    circle share). Census shares use one count on one day, so boundary changes inside the
    cluster do not bias them."""
    points = _city_points()
    frame = points[["name_zh", "name_en", "circle"]].copy()
    circles = data.group_members("circle").set_index("city_code")["group_id"]
    for name in ("census_2020", "expected_2020"):
        values = points[name]
        circle_totals = values.groupby(circles.reindex(values.index)).sum(min_count=1)
        complete = values.groupby(circles.reindex(values.index)).count() == circles.value_counts()
        circle_totals = circle_totals.where(complete.reindex(circle_totals.index))
        frame[f"{name}"] = values
        frame[f"{name}_share_circle_pct"] = (
            values / frame["circle"].map(circle_totals) * 100
        ).astype(float)
        cluster_total = values.sum() if values.notna().all() else np.nan
        frame[f"{name}_share_cluster_pct"] = values / cluster_total * 100
    return frame.reset_index().rename(columns={"index": "code"})


@dataclass(frozen=True)
class NationalShare:
    """The cluster's share of a national total, or why it is not computed."""

    indicator: str
    year: int
    n_cities: int
    n_members: int
    share_pct: float | None  # None when not every city has a value
    cluster_sum: float | None  # in the indicator's unit
    national: float | None
    unit: str
    goal_pct: float | None
    goal_direction: str | None
    goal_source: str | None
    status: Status
    sources: tuple[str, ...]
    national_source: str | None

    @property
    def complete(self) -> bool:
        return self.n_cities == self.n_members

    @property
    def coverage(self) -> str:
        return coverage_text(self.n_cities, self.n_members)

    def reason(self, lang: Lang) -> str:
        """Why there is no share (empty when there is one)."""
        if self.share_pct is not None:
            return ""
        return t("population.national.incomplete", lang).format(n=self.n_cities, m=self.n_members)


@per_process
def national_share(indicator: str, year: int, kind: str = "observed") -> NationalShare:
    """The 26 cities' sum of ``indicator`` as a share of the national figure (entity
    ``china``), judged against the plan's goal for that year; no share (and NO_DATA) when
    not every city has a value — a sum of 15 cities is not the cluster's."""
    values = data.values()
    codes = sorted(data.cities()["code"])
    rows = values[
        (values["indicator"] == indicator) & (values["year"] == year) & (values["kind"] == kind)
    ]
    cities = rows[rows["entity_id"].isin(codes)]
    if cities["entity_id"].duplicated().any():
        raise data.AmbiguousLookup(f"a city has two {indicator} values for {year}")
    national = rows[rows["entity_id"] == NATIONAL]
    unit = data.indicators().set_index("id").loc[indicator, "unit"]
    goal = values[
        (values["entity_id"] == CLUSTER)
        & (values["indicator"] == SHARE_INDICATOR.get(indicator, ""))
        & (values["year"] == year)
        & (values["kind"] == "target")
    ]
    goal_pct = float(goal["value"].iloc[0]) if len(goal) else None
    goal_direction = goal["direction"].iloc[0] if len(goal) else None
    n = int(cities["entity_id"].nunique())
    complete = n == len(codes) and len(national) == 1
    # The national figure in the cities' unit (the reference data may print it otherwise).
    nation = (
        convert(float(national["value"].iloc[0]), national["unit"].iloc[0], unit)
        if len(national) == 1
        else None
    )
    share = cluster_sum = None
    if complete:
        cluster_sum = float(cities["value"].sum())
        share = cluster_sum / nation * 100
    return NationalShare(
        indicator=indicator,
        year=year,
        n_cities=n,
        n_members=len(codes),
        share_pct=share,
        cluster_sum=cluster_sum,
        national=nation,
        unit=unit,
        goal_pct=goal_pct,
        goal_direction=goal_direction if isinstance(goal_direction, str) else None,
        goal_source=goal["source_id"].iloc[0] if len(goal) else None,
        status=judge(share, goal_pct, goal_direction if isinstance(goal_direction, str) else None),
        sources=tuple(sorted(set(cities["source_id"]))),
        national_source=national["source_id"].iloc[0] if len(national) else None,
    )


def national_share_2020() -> NationalShare:
    """The cluster's share of China's census 2020 population against the plan's 2020 goal."""
    return national_share("population_census", EXPECTED_YEAR)


STATUS_RULES = ("compare", "expectation", "limit", "boundary", "coverage")


def status_rules(lang: Lang, tolerance: float = TOLERANCE) -> list[str]:
    """How status is judged, one sentence per rule, in ``lang`` (the tolerance filled in)."""
    share = f"{tolerance * 100:g}%" if lang == "zh" else f"{tolerance * 100:g} %"
    return [t(f"status.rule.{rule}", lang).format(tolerance=share) for rule in STATUS_RULES]


def caveat_text(caveat: object, notes: pd.Series) -> str:
    """The boundary notes (``notes``, by city code) of the cities a caveat names
    (``boundary:340700;340800``, possibly several joined by ``;``), each note once."""
    if not isinstance(caveat, str) or not caveat:
        return ""
    codes = dict.fromkeys(part.removeprefix("boundary:") for part in caveat.split(";") if part)
    return " ".join(dict.fromkeys(notes[code] for code in codes if code in notes.index))


@per_process
def target_answers() -> pd.DataFrame:
    """ "How is it doing against its 2020 figure?" for every city and every group (circle,
    province, belt, the cluster): one row each with ``entity_id``, ``entity_type``, names, the
    plan's 2020 figure and its direction, the census 2020 figure (10k persons), the gap
    (census − plan, absolute and %), the status and why it cannot be judged (``reason_zh``/
    ``reason_en``, empty where it can). Groups sum their members (complete sums only, on one
    boundary: :func:`population_aggregates`)."""
    cities = population_status()
    columns = [
        *("entity_id", "entity_type", "name_zh", "name_en", "expected_2020", "direction"),
        *("census_2020", "gap", "gap_pct", "status", "reason_zh", "reason_en"),
    ]
    frames = [
        cities.assign(
            entity_id=cities["code"],
            entity_type="city",
            reason_zh=cities["reason_zh"].where(~cities["comparable"], ""),
            reason_en=cities["reason_en"].where(~cities["comparable"], ""),
        )[columns]
    ]
    notes = _boundary_notes()
    for by in ("circle", "province", "belt", "cluster"):
        groups = population_aggregates(by)
        gap = (groups["census_2020"] - groups["expected_2020"]).where(groups["comparable"])
        reasons = {
            lang: [
                caveat_text(caveat, notes[f"boundary_note_{lang}"]) for caveat in groups["caveat"]
            ]
            for lang in ("zh", "en")
        }
        frames.append(
            groups.assign(
                entity_id=groups["group_id"],
                entity_type=by,
                gap=gap.round(4),
                reason_zh=reasons["zh"],
                reason_en=reasons["en"],
            )[columns]
        )
    return pd.concat(frames, ignore_index=True)
