"""Population series: the right points and kinds, nothing filled in, boundary caveats placed."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from ycsp_panel import data
from ycsp_panel.data import series as series_module
from ycsp_panel.data.series import COLUMNS, KINDS

SHANGHAI, SUZHOU, JINHUA, WUHU = "310000", "320500", "330700", "340200"
TONGLING, ANQING, HEFEI = "340700", "340800", "340100"
TABLE3 = "plan:ch3.s2.table3"


def points(frame: pd.DataFrame, entity: str) -> list[tuple[int, str, float]]:
    own = frame[frame["entity_id"] == entity]
    return list(zip(own["year"], own["kind"], own["value"], strict=True))


def test_a_city_with_every_point_gets_them_all_in_order_in_10k_persons():
    series = data.population_series([SUZHOU])
    assert list(series.columns) == COLUMNS
    assert points(series, SUZHOU) == [
        (2010, "census", 1045.989),  # 10,459,890 persons
        (2014, "plan_baseline", 1059.0),
        (2020, "census", 1274.8262),  # 12,748,262 persons
        (2020, "target", 1100.0),
        (2023, "observation", 1295.8),
        (2030, "forecast", 1150.0),
    ]
    assert set(series["unit"]) == {"10k persons"}
    by_kind = series.set_index(["year", "kind"])
    assert by_kind.loc[(2010, "census"), "published_value"] == 10_459_890
    assert by_kind.loc[(2010, "census"), "published_unit"] == "persons"
    assert by_kind.loc[(2010, "census"), "source_id"] == "census2010:suzhou"
    assert by_kind.loc[(2023, "observation"), "source_id"] == "population2023:suzhou"
    assert by_kind.loc[(2014, "plan_baseline"), "quality"] == "plan"
    assert by_kind.loc[(2020, "target"), "source_id"] == TABLE3
    assert by_kind.loc[(2020, "target"), "direction"] == "expectation"
    assert series["caveat"].isna().all()


def test_every_point_is_a_stored_figure_converted_never_a_new_one():
    codes = sorted(data.cities()["code"])
    series = data.population_series(codes)
    values = data.values()
    stored = values[
        values["entity_id"].isin(codes)
        & values["indicator"].isin(["population", "population_census"])
    ]
    assert len(series) == len(stored)
    for row in series.itertuples():
        assert row.value == pytest.approx(
            data.convert(row.published_value, row.published_unit, "10k persons")
        )
    assert set(series["kind"]) == set(KINDS)


def test_shanghais_2020_target_is_a_ceiling():
    series = data.population_series([SHANGHAI]).set_index(["year", "kind"])
    assert series.loc[(2020, "target"), "direction"] == "ceiling"
    assert series.loc[(2020, "target"), "value"] == 2500
    assert math.isnan(series.loc[(2030, "forecast"), "direction"])


def test_cities_with_gaps_have_no_rows_for_them():
    census_2010 = set(data.city_values("population_census", 2010, "observed").index)
    lacking = sorted(set(data.cities()["code"]) - census_2010)
    assert JINHUA in lacking and WUHU in lacking and TONGLING in lacking
    series = data.population_series(lacking)
    assert not ((series["year"] == 2010) & (series["kind"] == "census")).any()
    assert [(y, k) for y, k, _ in points(series, JINHUA)] == [
        (2014, "plan_baseline"),
        (2020, "census"),
        (2020, "target"),
        (2023, "observation"),
        (2030, "forecast"),
    ]
    assert [(y, k) for y, k, _ in points(series, WUHU)] == [
        (2014, "plan_baseline"),
        (2020, "census"),
        (2020, "target"),
        (2030, "forecast"),
    ]
    assert series["value"].notna().all()


@pytest.mark.parametrize("code", [TONGLING, ANQING])
def test_boundary_caveat_is_on_the_statistics_not_on_the_plans_own_path(code):
    series = data.population_series([code])
    statistics = series[series["kind"].isin(["census", "observation"])]
    plan = series[series["kind"].isin(["plan_baseline", "target", "forecast"])]
    assert len(statistics) >= 1 and len(plan) == 3
    assert set(statistics["caveat"]) == {f"boundary:{code}"}
    assert plan["caveat"].isna().all()
    note = data.cities().set_index("code").loc[code, "boundary_note_en"]
    assert "Zongyang" in note  # the caveat names the city whose note explains it


def test_tongling_census_2020_and_year_end_2023_are_flagged():
    series = data.population_series([TONGLING]).set_index(["year", "kind"])
    assert series.loc[(2020, "census"), "caveat"] == "boundary:340700"
    assert series.loc[(2023, "observation"), "caveat"] == "boundary:340700"
    assert series.loc[(2020, "census"), "value"] == pytest.approx(131.1726)
    assert series.loc[(2014, "plan_baseline"), "value"] == 74


def test_cities_come_in_the_order_asked_and_unknown_codes_fail():
    series = data.population_series([TONGLING, SHANGHAI, TONGLING])
    assert list(dict.fromkeys(series["entity_id"])) == [TONGLING, SHANGHAI]
    assert series["entity_id"].tolist() == [TONGLING] * 5 + [SHANGHAI] * 5  # asked twice: once
    assert series.iloc[:5]["year"].is_monotonic_increasing
    with pytest.raises(data.LookupMiss, match="circle:hefei"):
        data.population_series(["circle:hefei"])


def test_a_group_sums_its_cities_only_where_all_have_the_point():
    series = data.group_population_series(["hefei"], "circle").set_index(["year", "kind"])
    baseline = data.aggregate("population", 2014, "observed", by="circle", source=TABLE3)
    expected = baseline.set_index("group_id").loc["hefei", "value"]
    assert series.loc[(2014, "plan_baseline"), "value"] == pytest.approx(expected)
    assert series.loc[(2014, "plan_baseline"), "complete"]
    census = series.loc[(2010, "census")]
    assert not census["complete"] and math.isnan(census["value"])
    assert (census["n_cities"], census["n_members"]) == (1, 3)
    assert census["partial_value"] == pytest.approx(745.7027)  # Hefei alone, not a total
    assert series.loc[(2020, "census"), "quality"] == "bulletin-quoted;weak"
    assert (2023, "observation") not in series.index  # no member has it: no row at all


def test_group_direction_is_kept_only_when_every_member_shares_it():
    shanghai = data.group_population_series([SHANGHAI], "province").set_index(["year", "kind"])
    assert shanghai.loc[(2020, "target"), "direction"] == "ceiling"
    hnhh = data.group_population_series(["belt_hnhh"], "belt").set_index(["year", "kind"])
    assert math.isnan(hnhh.loc[(2020, "target"), "direction"])  # Shanghai's ceiling + others


def test_a_transfer_inside_a_group_leaves_its_sum_unflagged():
    for group, by in [("340000", "province"), ("belt_riverside", "belt")]:
        series = data.group_population_series([group], by)
        assert series["caveat"].isna().all(), group
        census = series.set_index(["year", "kind"]).loc[(2020, "census")]
        assert census["complete"]


def test_a_group_with_one_side_of_the_transfer_is_flagged(monkeypatch):
    members = pd.DataFrame({"group_id": "test", "city_code": [HEFEI, TONGLING]})
    monkeypatch.setattr(series_module, "group_members", lambda by: members)
    series = data.group_population_series(["test"], "circle").set_index(["year", "kind"])
    assert series.loc[(2020, "census"), "caveat"] == "boundary:340700"
    assert series.loc[(2020, "census"), "value"] == pytest.approx(936.9881 + 131.1726)
    assert pd.isna(series.loc[(2014, "plan_baseline"), "caveat"])
    assert series.loc[(2014, "plan_baseline"), "value"] == 770 + 74


def test_unknown_group_fails():
    with pytest.raises(data.LookupMiss):
        data.group_population_series(["nowhere"], "circle")
