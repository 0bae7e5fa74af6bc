"""Every plan figure can be found in the plan's text, digit for digit, at a plausible scale;
figures the plan gives twice, or that must add up, agree."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from ycsp_panel import data

DATA = Path(__file__).resolve().parents[2] / "data"
PLAN = data.plan_text()
TABLE2 = "plan:ch1.s3.table2"
TABLE3 = "plan:ch3.s2.table3"


def raw_rows(pattern: str) -> list[tuple[str, int, dict]]:
    """(file name, line, row as written) for the CSV files matching ``pattern`` in data/."""
    found = []
    for path in sorted(DATA.glob(pattern)):
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                found.append((path.name, line, row))
    return found


PLAN_VALUES = [r for r in raw_rows("values/*.csv") if r[2]["quality"] == "plan"]


def significant(digits: str) -> str:
    return digits.strip("0") or "0"


def test_plan_values_exist():
    assert len(PLAN_VALUES) > 100


@pytest.mark.parametrize(
    ("name", "line", "row"), PLAN_VALUES, ids=[f"{n}:{line}" for n, line, _ in PLAN_VALUES]
)
def test_plan_value_digits_are_in_the_plan_text(name, line, row):
    text = row["source_text"]
    assert text, "a plan value needs the figure as printed in source_text"
    assert text in PLAN, f"source_text {text!r} is not in the plan's text"
    assert row["source_id"].startswith("plan:")
    value_digits = row["value"].replace(".", "").lstrip("-")
    runs = re.findall(r"\d+", text)
    if ".table" in row["source_id"]:
        # A flattened table row is one run of digits; test_table*_rows_split_exactly checks
        # that its cells, in column order, are exactly that run.
        assert any(value_digits in run for run in runs), (row["value"], text)
    else:
        assert significant(value_digits) in {significant(run) for run in runs}, (
            f"value {row['value']} has no digit run in {text!r}"
        )


def row_run(text: str) -> str:
    [run] = re.findall(r"\d+", text)
    return run


def test_table2_rows_split_exactly():
    rows = data.values().query("source_id == @TABLE2")
    for indicator, cells in rows.groupby("indicator"):
        cells = cells.set_index("entity_id").loc[TABLE2_ENTITIES]
        [text] = set(cells["source_text"])
        printed = "".join(_as_printed(v, indicator) for v in cells["value"])
        assert printed == row_run(text), (indicator, printed, text)


def test_table3_rows_split_exactly():
    rows = data.values().query("source_id == @TABLE3")
    names = data.cities().set_index("code")["name_zh"]
    for code, cells in rows.groupby("entity_id"):
        cells = cells.sort_values("year")
        [text] = set(cells["source_text"])
        assert text == names[code].removesuffix("市") + "".join(f"{v:.0f}" for v in cells["value"])


def _as_printed(value: float, indicator: str) -> str:
    # Table 2 prints area with one decimal (212 = 21.2), everything else as whole numbers.
    return f"{value:.1f}".replace(".", "") if indicator == "area" else f"{value:.0f}"


@pytest.mark.parametrize(
    "pattern", ["commitments.csv", "memberships.csv", "size_classes.csv", "cities.csv"]
)
def test_quoted_plan_text_is_verbatim(pattern):
    column = {"cities.csv": "policy_source_text"}.get(pattern, "source_text")
    for name, line, row in raw_rows(pattern):
        if row.get(column):
            assert row[column] in PLAN, f"{name}:{line} {column} {row[column]!r} not in the plan"


def test_plan_sources_name_their_place_in_the_plan():
    plan_sources = data.sources().query("kind == 'plan'")
    assert len(plan_sources) >= 8
    for row in plan_sources.itertuples():
        assert row.id == f"plan:{row.locator}"
        assert re.fullmatch(r"preamble|ch\d(\.s\d(\.(table|box)\d)?)?", row.locator), row.id
        assert "长江三角洲城市群发展规划" in row.title_zh and "2016" in row.title_en


# --- figures the plan states twice agree ---------------------------------------------------


def test_cluster_area_preamble_and_table2_agree():
    preamble = data.lookup("yrd", "area", source="plan:preamble")
    table2 = data.lookup("yrd", "area", source=TABLE2)
    assert preamble == 21.17 and table2 == 21.2
    assert round(preamble, 1) == table2


def test_cluster_population_2014_preamble_table2_and_table3_agree():
    preamble = data.lookup("yrd", "population", year=2014, source="plan:preamble")
    table2 = data.lookup("yrd", "population", source=TABLE2)
    table3 = data.city_values("population", 2014, "observed", TABLE3).sum()
    assert preamble == 15_000 and table2 == 15_033
    assert table3 == pytest.approx(table2, abs=5)
    assert round(table3 / 1e4, 1) == preamble / 1e4


def test_shares_of_2014_are_consistent_with_the_totals():
    # The plan's own figures: 21.17万 km² is about 2.2 % of China's 960万 km².
    area_share = data.lookup("yrd", "share_national_area", source="plan:preamble")
    assert pytest.approx(area_share, abs=0.05) == 21.17 / 960 * 100
    population_share = data.lookup("yrd", "share_national_population", year=2014)
    gdp_share = data.lookup("yrd", "share_national_gdp", year=2014)
    assert population_share == 11.0 and gdp_share == 18.5


# --- Table 2: per-capita and per-area figures follow from the totals -----------------------

TABLE2_ENTITIES = [
    "yrd",
    "us_northeast",
    "us_great_lakes",
    "japan_pacific",
    "europe_northwest",
    "uk_central",
]


@pytest.mark.parametrize("entity", TABLE2_ENTITIES)
def test_table2_ratios(entity):
    def get(indicator):
        return data.lookup(entity, indicator, source=TABLE2)

    gdp_usd = data.convert(get("gdp_usd"), "100m USD", "USD")
    population = data.convert(get("population"), "10k persons", "persons")
    area = data.convert(get("area"), "10k km2", "km2")
    assert gdp_usd / population == pytest.approx(get("gdp_per_capita_usd"), rel=0.02)
    assert gdp_usd / area / 1e4 == pytest.approx(get("gdp_per_km2_usd"), rel=0.02)


# --- Table 1 and Table 3 ------------------------------------------------------------------


def test_table3_is_complete_and_shaped():
    rows = data.values().query("source_id == @TABLE3 and entity_id != 'yrd'")
    assert len(rows) == 78
    assert set(rows["entity_id"]) == set(data.cities()["code"])
    pivot = rows.pivot_table(index="entity_id", columns="year", values="value")
    assert list(pivot.columns) == [2014, 2020, 2030]
    kinds = rows.groupby("year")["kind"].agg(set).to_dict()
    assert kinds == {2014: {"observed"}, 2020: {"target"}, 2030: {"forecast"}}
    assert (pivot[2030] >= pivot[2020]).all()  # the plan forecasts no city shrinking


def test_shanghai_2020_population_is_a_ceiling_others_expectations():
    rows = data.values().query("source_id == @TABLE3 and year == 2020").set_index("entity_id")
    assert rows.loc["310000", "direction"] == "ceiling"
    others = rows.drop(index="310000")
    assert set(others["direction"]) == {"expectation"}


def test_table1_class_counts_match_chapter1():
    table1 = data.table1()
    assert len(table1) == 66
    assert (table1["level"] == "prefecture").sum() == 26
    assert set(table1.loc[table1["level"] == "prefecture", "code"]) == set(data.cities()["code"])
    counts = table1["size_class"].value_counts()
    stated = {
        "city_count_super_large": counts.get("super_large", 0),
        "city_count_megacity": counts.get("megacity", 0),
        "city_count_large": counts.get("large_1", 0) + counts.get("large_2", 0),
        "city_count_medium": counts.get("medium", 0),
        "city_count_small": counts.get("small_1", 0) + counts.get("small_2", 0),
    }
    for indicator, count in stated.items():
        assert data.lookup("yrd", indicator, source="plan:ch1.s2") == count, indicator
    assert sum(stated.values()) == 66


def test_every_city_is_in_exactly_one_province_and_the_geometry_agrees():
    cities = data.cities().set_index("code")
    geometry = data.geometry("city").set_index("code")
    assert set(cities.index) == set(geometry.index)
    assert (cities["province_code"] == geometry.loc[cities.index, "province_code"]).all()
    assert (cities["name_zh"] == geometry.loc[cities.index, "name_zh"]).all()
    assert (cities["name_en"] == geometry.loc[cities.index, "name_en"]).all()


def test_circles_match_the_plan():
    members = data.group_members("circle").groupby("group_id")["city_code"].agg(set)
    assert set(members.index) == {"nanjing", "hangzhou", "hefei", "suxichang", "ningbo"}
    assert members["suxichang"] == {"320500", "320200", "320400"}
    assert "310000" not in set().union(*members)
