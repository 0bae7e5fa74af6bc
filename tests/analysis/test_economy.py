"""The economy tab's numbers, checked against the data they come from."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from ycsp_panel import data
from ycsp_panel.analysis import economy

WORLD = ["us_northeast", "us_great_lakes", "japan_pacific", "europe_northwest", "uk_central"]
SHANGHAI, SUZHOU, XUANCHENG, MAANSHAN = "310000", "320500", "341800", "340500"
ZHEJIANG = ["330100", "330200", "330400", "330500", "330600", "330700", "330900", "331000"]


@pytest.fixture(scope="module")
def world() -> pd.DataFrame:
    return economy.world_clusters()


def value(world: pd.DataFrame, entity: str, measure: str) -> pd.Series:
    [row] = [r for _, r in world.iterrows() if r.entity_id == entity and r.measure == measure]
    return row


def test_world_clusters_are_table_2_yrd_first(world):
    assert len(world) == 6 * 5
    assert list(dict.fromkeys(world["entity_id"])) == ["yrd", *WORLD]
    assert set(world["source_id"]) == {"plan:ch1.s3.table2"}
    assert world.loc[world["is_cluster"], "entity_id"].unique().tolist() == ["yrd"]


def test_yrd_is_2014_and_the_others_have_no_year(world):
    population = value(world, "yrd", "population")
    assert (population["value"], population["unit"], population["year"]) == (
        15033.0,
        "10k persons",
        2014,
    )
    gdp = value(world, "yrd", "gdp_usd")
    assert (gdp["value"], gdp["unit"]) == (20652.0, "100m USD")
    assert value(world, "yrd", "area")["value"] == 21.2  # Table 2, not the preamble's 21.17
    assert world.loc[world["entity_id"] != "yrd", "year"].isna().all()


def test_world_values_and_units_are_those_of_the_data(world):
    for row in world.itertuples():
        assert row.value == data.lookup(row.entity_id, row.measure, source=row.source_id)
    units = data.indicators().set_index("id")["unit"]
    assert (world["unit"] == world["measure"].map(units)).all()
    assert value(world, "japan_pacific", "gdp_per_km2_usd")["value"] == 9662


def test_table_2_per_capita_follows_from_its_totals(world):
    wide = world.pivot(index="entity_id", columns="measure", values="value")
    per_capita = data.convert(wide["gdp_usd"], "100m USD", "USD") / data.convert(
        wide["population"], "10k persons", "persons"
    )
    assert np.allclose(per_capita, wide["gdp_per_capita_usd"], rtol=0.01)


def test_normalized_is_the_ratio_to_the_yrd(world):
    ratios = economy.normalized(world)
    assert np.allclose(ratios.loc[ratios["entity_id"] == "yrd", "ratio_to_cluster"], 1.0)
    japan = value(ratios, "japan_pacific", "gdp_per_km2_usd")["ratio_to_cluster"]
    assert japan == pytest.approx(9662 / 974)
    uk = value(ratios, "uk_central", "population")["ratio_to_cluster"]
    assert uk == pytest.approx(3650 / 15033)


def test_normalized_converts_units_and_needs_the_yrd(world):
    in_km2 = world.copy()
    area = (in_km2["entity_id"] == "us_northeast") & (in_km2["measure"] == "area")
    in_km2.loc[area, ["value", "unit"]] = [138_000.0, "km2"]
    ratio = economy.normalized(in_km2).loc[area, "ratio_to_cluster"].item()
    assert ratio == pytest.approx(13.8 / 21.2)
    with pytest.raises(ValueError, match="no YRD value"):
        economy.normalized(world[world["entity_id"] != "yrd"])


@pytest.fixture(scope="module")
def shares() -> pd.DataFrame:
    return economy.national_shares().set_index("measure")


def test_shares_2014_observed_against_the_2020_goal(shares):
    assert list(shares.index) == ["land", "population", "gdp"]
    population, gdp = shares.loc["population"], shares.loc["gdp"]
    assert (population["observed"], population["observed_year"], population["goal"]) == (
        11.0,
        2014,
        11.8,
    )
    assert (gdp["observed"], gdp["observed_year"], gdp["goal"]) == (18.5, 2014, 21.0)
    assert population["goal_direction"] == gdp["goal_direction"] == "expectation"
    assert population["observed_source_id"] == "plan:preamble"
    assert gdp["goal_source_id"] == "plan:ch2.s4"


def test_land_share_has_no_year_and_its_2020_figure_is_no_goal(shares):
    land = shares.loc["land"]
    assert land["observed"] == 2.2 and pd.isna(land["observed_year"])
    assert land["goal"] == 2.2 and pd.isna(land["goal_direction"])
    assert pd.isna(land["now"]) and land["now_reason"] == "incomplete"
    assert land["now_coverage"] == "0 of 26 cities"


def test_2020_gdp_share_is_not_computable_from_24_cities(shares):
    gdp = shares.loc["gdp"]
    assert pd.isna(gdp["now"])  # Ma'anshan and Anqing: no 2020 GDP found
    assert gdp["now_reason"] == "incomplete"
    assert (gdp["now_n_cities"], gdp["now_n_members"]) == (24, 26)
    assert gdp["now_coverage"] == "24 of 26 cities"
    assert "bulletin2020:china" in gdp["now_source_ids"]


def test_2020_population_share_from_the_census(shares):
    values = data.values()
    census = values[(values["indicator"] == "population_census") & (values["year"] == 2020)]
    cities = census[census["entity_id"].isin(data.cities()["code"])]
    assert len(cities) == 26
    expected = 100 * cities["value"].sum() / census.loc[census["entity_id"] == "china", "value"]
    population = shares.loc["population"]
    assert population["now"] == pytest.approx(expected.item())
    assert population["now"] == pytest.approx(11.7, abs=0.05)
    assert pd.isna(population["now_reason"]) and population["now_coverage"] == "26 of 26 cities"
    assert economy.population_share_2020() == pytest.approx(population["now"])


def test_city_gdp_ranks_the_scope_and_says_no_data():
    rows = economy.city_gdp([MAANSHAN, SUZHOU, SHANGHAI], 2020)
    assert list(rows["code"]) == [SHANGHAI, SUZHOU, MAANSHAN]
    shanghai = rows.iloc[0]
    assert shanghai["value"] == data.lookup(SHANGHAI, "gdp", year=2020) == 38700.58
    assert (shanghai["unit"], shanghai["quality"]) == ("100m CNY", "bulletin-quoted")
    assert shanghai["source_id"] == "bulletin2020:shanghai"
    assert (
        shanghai["source_en"]
        == data.sources().set_index("id").loc["bulletin2020:shanghai", "title_en"]
    )
    missing = rows.iloc[-1]
    assert not missing["has_data"] and np.isnan(missing["value"])
    assert pd.isna(missing["quality"]) and pd.isna(missing["source_id"])


def test_city_gdp_coverage_by_year():
    every = sorted(data.cities()["code"])
    assert economy.city_gdp_years() == [2014, 2020]
    assert economy.city_gdp(every, 2020)["has_data"].sum() == 24
    rows = economy.city_gdp(every, 2014)
    assert sorted(rows.loc[rows["has_data"], "code"]) == ZHEJIANG
    with pytest.raises(ValueError, match="not one of the 26 cities"):
        economy.city_gdp(["999999"], 2020)


def test_the_analysis_does_not_import_panel():
    code = "import sys, ycsp_panel.analysis.economy; print('panel' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
