"""Ecology computations against the data: intensity, commitments, box 8 and box 9."""

import datetime

import pandas as pd
import pytest
import shapely

from ycsp_panel import data
from ycsp_panel.analysis import ecology


def _intensity(entity: str) -> pd.Series:
    frame = ecology.development_intensity()
    rows = frame[(frame["entity_id"] == entity) & (frame["indicator"] == ecology.INTENSITY)]
    assert len(rows) == 1, entity
    return rows.iloc[0]


def test_cluster_intensity_is_17_1_percent_in_2013():
    row = _intensity("yrd")
    assert (row["value"], row["unit"], row["year"], row["role"]) == (17.1, "%", 2013, "cluster")
    assert row["source_id"] == "plan:ch1.s3"
    assert "171" in row["source_text"]


@pytest.mark.parametrize(
    ("entity", "value", "role"),
    [
        ("310000", 36.0, "city"),
        ("greater_london", 24.0, "benchmark"),
        ("paris_region", 21.0, "benchmark"),
        ("japan_pacific", 15.0, "benchmark"),
    ],
)
def test_shanghai_and_benchmarks_have_no_year(entity, value, role):
    row = _intensity(entity)
    assert (row["value"], row["role"], row["qualifier"]) == (value, role, "=")
    assert row["year"] is None  # the plan gives none: never guessed


def test_every_intensity_figure_is_in_the_frame():
    values = data.values()
    stored = values[values["indicator"] == ecology.INTENSITY]
    frame = ecology.development_intensity()
    shown = frame[frame["indicator"] == ecology.INTENSITY]
    assert sorted(shown["entity_id"]) == sorted(stored["entity_id"])


def test_redline_goal_is_a_floor_of_another_indicator():
    frame = ecology.development_intensity()
    [goal] = frame[frame["role"] == "redline_goal"].itertuples()
    assert goal.indicator == "eco_redline_share" != ecology.INTENSITY
    assert (goal.value, goal.qualifier, goal.direction, goal.year) == (15.0, "≥", "floor", 2020)
    assert goal.kind == "target"
    # Development intensity itself is something the plan wants lower, not a floor.
    assert set(frame.loc[frame["indicator"] == ecology.INTENSITY, "indicator_direction"]) == {
        "ceiling"
    }


def test_construction_land_matches_the_cluster_intensity():
    frame = ecology.development_intensity()
    [land] = frame[frame["role"] == "construction_land"].itertuples()
    assert (land.value, land.unit, land.year) == (36153.0, "km2", 2013)
    area_km2 = 211_700  # the preamble's 21.17万 km², the intensity's denominator
    assert round(100 * land.value / area_km2, 1) == _intensity("yrd")["value"]


def _status(today: datetime.date, commitment: str) -> str:
    timeline = ecology.commitment_timeline(today)
    return timeline.set_index("id").loc[commitment, "status"]


def test_a_commitment_before_and_after_its_deadline():
    commitment = "construction_land_reduction_2020_sh"  # deadline 2020
    assert _status(datetime.date(2019, 12, 31), commitment) == "upcoming"
    assert _status(datetime.date(2020, 12, 31), commitment) == "upcoming"  # the year's last day
    assert _status(datetime.date(2021, 1, 1), commitment) == "deadline_passed_not_tracked"


def test_an_undated_commitment_stays_undated():
    for today in (datetime.date(2000, 1, 1), datetime.date(2100, 1, 1)):
        timeline = ecology.commitment_timeline(today).set_index("id")
        row = timeline.loc["fertilizer_pesticide_zero_growth_yrd"]
        assert (row["status"], row["deadline"]) == ("undated", None)


def test_timeline_rows_follow_the_data():
    stored = data.commitments()
    timeline = ecology.commitment_timeline(datetime.date(2024, 6, 1))
    assert sorted(timeline["id"]) == sorted(stored["id"])
    assert set(timeline["status"]) <= set(ecology.STATUSES)
    dated = stored["deadline"].notna()
    assert (timeline["deadline"].notna()).sum() == dated.sum() == 6
    # Dated first, by deadline; undated last.
    years = [y for y in timeline["deadline"] if y is not None]
    assert years == sorted(years)
    assert timeline["deadline"].iloc[-1] is None
    row = timeline.set_index("id").loc["ultra_low_emission_coal_units_300mw_2018_ah"]
    assert row["scope_en"] == "Anhui" and row["scope_zh"] == "安徽省"
    assert len(row["cities"]) == 8  # the province's plan cities
    assert row["source_id"] == "plan:ch6.s2" and "2018" in row["source_text"]


def test_outcome_in_the_data_decides_the_status():
    assert ecology.commitment_status("2017", datetime.date(2030, 1, 1), "met") == "met"
    assert ecology.commitment_status("2017", datetime.date(2030, 1, 1), "missed") == "missed"
    assert ecology.commitment_status("2017-06-30", datetime.date(2017, 7, 1)) == (
        "deadline_passed_not_tracked"
    )
    assert ecology.commitment_status("2017-06-30", datetime.date(2017, 6, 30)) == "upcoming"


def test_participation_counts():
    summary = ecology.participation_summary().set_index("group_id")
    water = summary[summary["group_type"] == "water_body"]
    zones = summary[summary["group_type"] == "supervision_zone"]
    assert len(water) == 6
    entities = data.entities()
    assert len(zones) == (entities["type"] == "supervision_zone").sum() == 18
    assert water.loc["water_taihu", "n_cities"] == 5
    assert water.loc["water_hangzhou_bay", "cities_zh"].split("、")[0] == "上海市"
    assert (zones["n_cities"] == 1).all()
    assert zones.loc["zone_nanjing_chem_park", "place_zh"] == "六合区"


def test_derived_memberships_keep_their_rule():
    rows = ecology.participation()
    derived = rows[rows["derived"]]
    assert set(derived["group_id"]) == {"water_changjiang_riverside"}
    assert derived["rule"].str.contains("沿江").all()
    summary = ecology.participation_summary().set_index("group_id")
    assert summary.loc["water_changjiang_riverside", "derived"]
    assert not summary.loc["water_taihu", "derived"]
    # Anhui and Jiangsu only: the box names no city in Shanghai or Zhejiang.
    provinces = data.cities().set_index("code")["province_code"]
    assert set(provinces[derived["city_code"]]) == {"320000", "340000"}


def test_every_feature_has_one_labelled_point_inside_the_cities():
    points = ecology.feature_points()
    assert len(points) == len(ecology.participation_summary()) == 24
    assert points["group_id"].is_unique
    assert (points["label_zh"] != "").all() and (points["label_en"] != "").all()
    assert points["source_id"].isin(data.sources()["id"]).all()
    xmin, ymin, xmax, ymax = data.geometry("city").total_bounds
    assert points["lon"].between(xmin, xmax).all() and points["lat"].between(ymin, ymax).all()


def test_zone_points_lie_in_their_place_and_water_points_say_where_they_come_from():
    points = ecology.feature_points().set_index("group_id")
    counties = data.geometry("county").set_index("code")
    cities = data.geometry("city").set_index("code")

    zone = points.loc["zone_linhai"]
    assert zone["placement"] == "inside_place"
    assert counties.loc["331082", "geometry"].contains(shapely.Point(zone["lon"], zone["lat"]))
    for group_id, point in points[points["group_type"] == "water_body"].iterrows():
        assert point["placement"] == "centre_of_member_cities"
        territory = cities.loc[point["cities"], "geometry"].union_all()
        assert territory.buffer(1e-4).contains(shapely.Point(point["lon"], point["lat"])), group_id


def test_members_of():
    assert ecology.members_of("water_dianshan_lake") == ["310000", "320500", "330400"]
    assert ecology.members_of("zone_linhai") == ["331000"]
    assert ecology.members_of("nope") == []
