"""Population against the plan: the known cases of issue 6, without Panel."""

import math
import subprocess
import sys

import pytest

from ycsp_panel.analysis import population as pop
from ycsp_panel.analysis.population import Status, judge


@pytest.fixture(scope="module")
def status():
    return pop.population_status("en").set_index("code")


def test_analysis_does_not_import_panel():
    code = "import sys, ycsp_panel.analysis.population; print('panel' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("observed", "expected", "direction", "wanted"),
    [
        (103, 100, "expectation", Status.ABOVE),
        (101.9, 100, "expectation", Status.NEAR),
        (98.1, 100, None, Status.NEAR),
        (97, 100, "expectation", Status.BELOW),
        (100, 100, "ceiling", Status.WITHIN),
        (100.1, 100, "ceiling", Status.BREACHED),
        (14.9, 15, "floor", Status.BREACHED),
        (15, 15, "floor", Status.WITHIN),
        (None, 100, "expectation", Status.NO_DATA),
        (100, math.nan, "expectation", Status.NO_DATA),
    ],
)
def test_judge(observed, expected, direction, wanted):
    assert judge(observed, expected, direction) is wanted


def test_judge_not_comparable_wins_and_unknown_direction_fails():
    assert judge(200, 100, "expectation", comparable=False) is Status.NOT_COMPARABLE
    assert judge(None, None, comparable=False) is Status.NOT_COMPARABLE
    with pytest.raises(ValueError, match="unknown direction"):
        judge(1, 1, "target")


def test_status_labels_are_bilingual():
    for status in Status:
        assert status.label("zh") != status.label("en")
        assert status.label("zh") and status.label("en")


def test_every_city_has_one_row(status):
    assert len(status) == 26
    assert status["census_2020"].notna().all()
    assert (status["observed_kind"] == "census").all()
    assert (status["unit"] == "10k persons").all()


def test_hangzhou_is_well_above_its_2020_value(status):
    row = status.loc["330100"]
    assert row["expected_2020"] == 940
    assert row["census_2020_persons"] == 11936010
    assert row["census_2020"] == pytest.approx(1193.601)
    assert row["gap"] == pytest.approx(253.601)
    assert row["gap_pct"] == pytest.approx(26.98, abs=0.01)
    assert row["status"] == "above"
    assert row["expected_2020_source"] == "plan:ch3.s2.table3"
    assert row["census_2020_source"] == "census2020:hangzhou"
    assert row["census_2020_quality"] == "bulletin-quoted"


def test_nantong_is_below(status):
    row = status.loc["320600"]
    assert (row["expected_2020"], row["status"]) == (870, "below")
    assert row["gap_pct"] == pytest.approx(-11.19, abs=0.01)
    assert row["status_label"] == "below the expected value"


def test_shanghai_is_judged_against_its_ceiling(status):
    row = status.loc["310000"]
    assert row["direction"] == "ceiling"
    assert row["census_2020"] < row["expected_2020"] == 2500
    assert row["status"] == "within"
    # As an expected value it would only be "near": the ceiling changes the wording.
    assert judge(row["census_2020"], 2500, "expectation") is Status.NEAR


def test_tongling_and_anqing_are_not_comparable(status):
    for code in ("340700", "340800"):
        row = status.loc[code]
        assert row["status"] == "not_comparable"
        assert not row["comparable"]
        assert math.isnan(row["gap"]) and math.isnan(row["gap_pct"])
        # both numbers are still shown
        assert row["expected_2020"] > 0 and row["census_2020"] > 0
        assert "Zongyang" in row["reason_en"] and "枞阳县" in row["reason_zh"]
    assert status.loc["340700", "census_2020_persons"] == 1311726
    assert status.loc["330100", "comparable"]


def test_status_counts(status):
    counts = status["status"].value_counts().to_dict()
    assert counts == {"below": 13, "above": 8, "near": 2, "not_comparable": 2, "within": 1}


def test_growth_is_ranked_and_skips_changed_boundaries():
    growth = pop.population_growth()
    needed = growth["cagr_needed_2020_2030"]
    assert needed.dropna().is_monotonic_decreasing
    assert list(growth["code"].tail(2)) == ["340700", "340800"]
    assert needed.tail(2).isna().all()
    top = growth.iloc[0]
    assert (top["code"], top["rank"]) == ("330900", 1)  # Zhoushan: census 115.8 -> 2030 plan 200
    assert top["cagr_needed_2020_2030"] == pytest.approx(((200 / 115.7817) ** 0.1 - 1) * 100)
    hangzhou = growth.set_index("code").loc["330100"]
    assert hangzhou["cagr_2014_2020"] == pytest.approx(((940 / 889) ** (1 / 6) - 1) * 100)
    assert hangzhou["cagr_2020_2030"] == pytest.approx(((950 / 940) ** 0.1 - 1) * 100)
    assert hangzhou["cagr_census_2010_2020"] == pytest.approx(
        ((11936010 / 8700373) ** 0.1 - 1) * 100
    )
    assert hangzhou["cagr_needed_2020_2030"] < 0  # already above its 2030 forecast
    # census 2010 is in the data for 17 cities only: the others have no census growth
    assert growth["cagr_census_2010_2020"].notna().sum() == 17


def test_cluster_aggregate():
    [cluster] = pop.population_aggregates("cluster").to_dict("records")
    assert cluster["plan_2014"] == 15036
    assert cluster["expected_2020"] == 16585
    assert cluster["census_2020"] == pytest.approx(16508.5548)
    assert cluster["coverage_census_2020"] == "26 of 26 cities"
    assert cluster["status"] == "near"


def test_aggregate_with_partial_coverage_is_no_total():
    cluster = pop.population_aggregates("cluster").iloc[0]
    assert math.isnan(cluster["census_2010"])
    assert cluster["census_2010_n"] == 17
    assert cluster["census_2010_partial"] == pytest.approx(11316.2353)
    assert cluster["coverage_census_2010"] == "17 of 26 cities"
    anhui = pop.population_aggregates("province").set_index("group_id").loc["340000"]
    assert anhui["coverage_census_2010"] == "2 of 8 cities"
    assert math.isnan(anhui["census_2010"])


def test_province_aggregates():
    provinces = pop.population_aggregates("province").set_index("group_id")
    assert provinces.loc["310000", "status"] == "within"  # Shanghai's ceiling
    # Anhui holds both Tongling and Anqing: the transfer between them leaves the sum comparable
    assert provinces.loc["340000", "comparable"]
    assert provinces.loc["330000", "status"] == "above"


def test_city_shares():
    shares = pop.city_shares().set_index("code")
    assert shares["census_2020_share_cluster_pct"].sum() == pytest.approx(100)
    assert math.isnan(shares.loc["310000", "census_2020_share_circle_pct"])
    hangzhou_circle = shares[shares["circle"] == "hangzhou"]
    assert hangzhou_circle["census_2020_share_circle_pct"].sum() == pytest.approx(100)
    assert shares.loc["330100", "census_2020_share_circle_pct"] == pytest.approx(
        1193.601 / 2597.5434 * 100
    )


def test_national_population_share_2020():
    share = pop.national_share_2020()
    assert share.complete and share.coverage == "26 of 26 cities"
    assert share.share_pct == pytest.approx(11.69, abs=0.01)
    assert round(share.share_pct, 1) == 11.7
    assert share.national == 1411778724
    assert share.goal_pct == 11.8
    assert share.goal_source == "plan:ch2.s4"
    assert share.status is Status.NEAR
    assert share.reason("en") == ""


def test_national_gdp_share_is_not_summed_from_24_cities():
    share = pop.national_share("gdp", 2020)
    assert (share.n_cities, share.n_members) == (24, 26)
    assert share.share_pct is None and share.cluster_sum is None
    assert share.status is Status.NO_DATA
    assert share.goal_pct == 21
    assert "24 of 26" in share.reason("en")
    assert "24" in share.reason("zh")


def test_status_rules_use_the_tolerance():
    assert "±2 %" in " ".join(pop.status_rules("en"))
    assert "±5%" in " ".join(pop.status_rules("zh", tolerance=0.05))
    assert len(pop.status_rules("zh")) == len(pop.STATUS_RULES)


def test_group_growth_ranks_the_circles_by_observed_growth_2014_to_2020():
    growth = pop.group_growth("circle").set_index("group_id")
    assert list(growth.index) == ["hangzhou", "suxichang", "ningbo", "hefei", "nanjing"]
    hangzhou = growth.loc["hangzhou"]
    # Plan 2014 (2134) to census 2020 (2597.5434), 6 years; censuses 2010 → 2020, 10 years.
    assert hangzhou["cagr_2014_census_2020"] == pytest.approx(
        ((2597.5434 / 2134) ** (1 / 6) - 1) * 100
    )
    assert hangzhou["cagr_census_2010_2020"] == pytest.approx(
        ((2597.5434 / 2100.7815) ** (1 / 10) - 1) * 100
    )
    assert hangzhou["cagr_2014_2020"] == pytest.approx(((2361 / 2134) ** (1 / 6) - 1) * 100)
    assert hangzhou["cagr_2020_2030"] == pytest.approx(((2498 / 2361) ** (1 / 10) - 1) * 100)
    assert hangzhou["cagr_needed_2020_2030"] == pytest.approx(
        ((2498 / 2597.5434) ** (1 / 10) - 1) * 100
    )
    # Hefei and Ningbo lack 2010 counts for some of their cities: no census growth.
    assert growth.loc[["hefei", "ningbo"], "cagr_census_2010_2020"].isna().all()
    assert growth.loc[["hefei", "ningbo"], "census_2010_n"].tolist() == [1, 2]


@pytest.mark.parametrize("by", ["province", "belt"])
def test_group_growth_covers_every_group(by):
    growth = pop.group_growth(by)
    assert len(growth) == 4 and growth["cagr_2014_census_2020"].notna().all()
    assert growth["cagr_2014_census_2020"].is_monotonic_decreasing
