"""Aggregates: counts summed, ratios recomputed, coverage always stated, no partial totals."""

from __future__ import annotations

import math

import pytest

from ycsp_panel import data

TABLE3 = "plan:ch3.s2.table3"


def test_cluster_population_2014_is_the_sum_of_table3():
    result = data.aggregate("population", 2014, "observed", by="cluster", source=TABLE3)
    [row] = result.itertuples()
    cities = data.city_values("population", 2014, "observed", TABLE3)
    assert row.group_id == "yrd" and row.complete and row.coverage == "26 of 26 cities"
    assert row.value == pytest.approx(cities.sum())
    assert row.value == pytest.approx(15_033, abs=5)  # the plan: 1.5亿 people in 2014


def test_province_sums_partition_the_cluster():
    result = data.aggregate("population", 2020, "target", by="province", source=TABLE3)
    assert set(result["group_id"]) == {"310000", "320000", "330000", "340000"}
    assert result["n_members"].sum() == 26
    assert result.set_index("group_id").loc["310000", "value"] == 2500
    total = data.aggregate("population", 2020, "target", by="cluster", source=TABLE3)
    assert result["value"].sum() == pytest.approx(total["value"].item())


def test_incomplete_groups_have_no_total_only_a_partial_value():
    result = data.aggregate("population_census", 2010, "observed", by="cluster")
    [row] = result.itertuples()
    assert row.coverage == "17 of 26 cities" and not row.complete
    assert math.isnan(row.value)
    cities = data.city_values("population_census", 2010, "observed")
    assert row.partial_value == pytest.approx(cities.sum())


def test_circle_coverage_counts_members():
    result = data.aggregate("gdp", 2020, "observed", by="circle").set_index("group_id")
    members = data.group_members("circle").groupby("group_id").size()
    assert (result["n_members"] == members.reindex(result.index)).all()
    assert (result["n_cities"] <= result["n_members"]).all()
    assert result["coverage"].str.fullmatch(r"\d+ of \d+ cities").all()


def test_ratio_is_recomputed_not_summed():
    # GDP per person 2014 for Zhejiang's cities: the ratio of sums, not a sum of ratios.
    result = data.aggregate("gdp_per_capita", 2014, "observed", by="province", source=None)
    zhejiang = result.set_index("group_id").loc["330000"]
    gdp = data.city_values("gdp", 2014, "observed")
    population = data.city_values("population", 2014, "observed", TABLE3)
    codes = [c for c in gdp.index if c.startswith("33")]
    expected = gdp[codes].sum() * 1e8 / (population[codes].sum() * 1e4)
    assert zhejiang["partial_value"] == pytest.approx(expected)
    assert zhejiang["value"] == pytest.approx(expected)  # all 8 Zhejiang cities have both
    assert zhejiang["coverage"] == "8 of 8 cities"


def test_percentages_are_never_summed():
    with pytest.raises(ValueError, match="cannot be aggregated"):
        data.aggregate("urbanization_rate_census", 2020, "observed", by="cluster")


def test_bad_arguments():
    with pytest.raises(ValueError, match="unknown grouping 'county'"):
        data.aggregate("population", 2014, "observed", by="county")
    with pytest.raises(data.LookupMiss, match="unknown indicator 'pop'"):
        data.aggregate("pop", 2014)
