"""The reference statistics reach the values and sources unchanged, with quality and precision."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from ycsp_panel import data

REPO = Path(__file__).resolve().parents[2]


def reference_rows() -> list[dict]:
    with (REPO / "data/reference/city_statistics.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_committed_files_are_what_the_import_script_makes():
    result = subprocess.run(
        [sys.executable, "scripts/import_reference.py", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_reference_row_is_a_value_with_its_source_quality_and_precision():
    values = data.values().query("file == 'values/reference.csv'")
    sources = data.sources().set_index("id")
    rows = reference_rows()
    assert len(values) == len(rows) == 89
    indexed = values.set_index(["entity_id", "indicator", "year"])
    for row in rows:
        indicator = {"population_yearend": "population"}.get(row["indicator"], row["indicator"])
        value = indexed.loc[(row["city_id"], indicator, int(row["year"]))]
        assert value["value"] == pytest.approx(float(row["value"]))
        assert value["unit"] == row["unit"]
        assert value["quality"] == row["quality"] and value["precision"] == row["precision"]
        assert value["kind"] == "observed"
        source = sources.loc[value["source_id"]]
        assert source["title_zh"] == row["source"] and row["seen_at"] in source["url"]


def test_coverage_is_as_the_reference_readme_states():
    values = data.values().query("file == 'values/reference.csv' and entity_id != 'china'")
    counts = values.groupby(["indicator", "year"]).size().to_dict()
    assert counts == {
        ("gdp", 2014): 8,
        ("gdp", 2020): 24,
        ("population", 2023): 7,
        ("population_census", 2010): 17,
        ("population_census", 2020): 26,
        ("urbanization_rate_census", 2020): 4,
    }


def test_statistics_sources_are_bilingual_and_dated():
    statistics = data.sources().query("kind == 'statistics'")
    assert len(statistics) == values_sources_count()
    assert statistics["title_en"].str.len().gt(10).all()
    assert statistics["date"].str.match(r"20\d\d").all()


def values_sources_count() -> int:
    return data.values().query("file == 'values/reference.csv'")["source_id"].nunique()
