"""A corrupted or hand-edited file fails loudly: DataError naming file, row, column and problem."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from ycsp_panel import data
from ycsp_panel.data import DataError

REPO_DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A full copy of data/ that the loaders read instead of the real one."""
    copy = tmp_path / "data"
    shutil.copytree(REPO_DATA, copy, ignore=shutil.ignore_patterns("geo", "sources", "reference"))
    monkeypatch.setenv("YCSP_DATA_DIR", str(copy))
    data.clear_cache()
    yield copy
    monkeypatch.delenv("YCSP_DATA_DIR")
    data.clear_cache()


def edit(path: Path, change) -> None:
    """Apply ``change(rows)`` to a CSV file's rows (dicts), keeping its header."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, rows = reader.fieldnames, list(reader)
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def first(rows, **where):
    return next(r for r in rows if all(r[k] == v for k, v in where.items()))


def test_the_real_data_loads(data_copy):
    loaded = data.catalogue()
    assert len(loaded.cities) == 26


CASES = {
    "value not a number": (
        "values/plan_ch3.csv",
        lambda rows: rows[0].update(value="2.4.1"),
        r"plan_ch3\.csv, row 2, column 'value': '2\.4\.1' is not a number",
    ),
    "value out of range (slipped decimal)": (
        "values/plan_ch3.csv",
        lambda rows: rows[0].update(value=str(float(rows[0]["value"]) * 1000)),
        r"plan_ch3\.csv, row 2, column 'value': .* outside the plausible range",
    ),
    "unit differs from the catalogue": (
        "values/plan_ch3.csv",
        lambda rows: rows[3].update(unit="persons"),
        r"plan_ch3\.csv, row 5, column 'unit': unit 'persons' but indicator population is in "
        r"'10k persons'",
    ),
    "unknown qualifier": (
        "values/plan_ch3.csv",
        lambda rows: rows[1].update(qualifier="about"),
        r"plan_ch3\.csv, row 3, column 'qualifier': 'about' is not one of",
    ),
    "unknown kind": (
        "values/reference.csv",
        lambda rows: rows[0].update(kind="estimate"),
        r"reference\.csv, row 2, column 'kind': 'estimate' is not one of observed, target",
    ),
    "unknown entity": (
        "values/reference.csv",
        lambda rows: rows[2].update(entity_id="329999"),
        r"reference\.csv, row 4, column 'entity_id': unknown entity '329999'",
    ),
    "unknown indicator": (
        "values/reference.csv",
        lambda rows: rows[2].update(indicator="popluation"),
        r"reference\.csv, row 4, column 'indicator': unknown indicator 'popluation'",
    ),
    "unknown source": (
        "values/reference.csv",
        lambda rows: rows[2].update(source_id="census2020:atlantis"),
        r"reference\.csv, row 4, column 'source_id': unknown source 'census2020:atlantis'",
    ),
    "missing required cell": (
        "values/reference.csv",
        lambda rows: rows[5].update(precision=""),
        r"reference\.csv, row 7, column 'precision': empty, but required",
    ),
    "duplicate value key": (
        "values/reference.csv",
        lambda rows: rows.append(dict(rows[0])),
        r"reference\.csv, row \d+, column 'entity_id': duplicate key",
    ),
    "city code not 6 digits": (
        "cities.csv",
        lambda rows: rows[0].update(code="31000"),
        r"cities\.csv, row 2, column 'code': '31000' is not a 6-digit code",
    ),
    "unknown province": (
        "cities.csv",
        lambda rows: rows[1].update(province_code="350000"),
        r"cities\.csv, row 3, column 'province_code': unknown province '350000'",
    ),
    "membership of an unknown group": (
        "memberships.csv",
        lambda rows: rows[0].update(group_id="xiamen"),
        r"memberships\.csv, row 2, column 'group_id': unknown group 'xiamen'",
    ),
    "a city in two circles": (
        "memberships.csv",
        lambda rows: rows.append(
            {**first(rows, group_id="nanjing"), "group_id": "hefei", "position": ""}
        ),
        r"memberships\.csv, row \d+: city \d{6} is in more than one circle",
    ),
    "indicator min above max": (
        "indicators.csv",
        lambda rows: first(rows, id="area").update(min="500"),
        r"indicators\.csv, row \d+: min must be below max",
    ),
    "indicator with unknown direction": (
        "indicators.csv",
        lambda rows: first(rows, id="population").update(direction="up"),
        r"indicators\.csv, row \d+, column 'direction': 'up' is not one of ceiling, floor",
    ),
    "source with a malformed date": (
        "sources.csv",
        lambda rows: rows[0].update(date="June 2016"),
        r"sources\.csv, row 2, column 'date': 'June 2016' does not match",
    ),
    "entity of unknown type": (
        "entities.csv",
        lambda rows: rows[0].update(type="planet"),
        r"entities\.csv, row 2, column 'type': 'planet' is not one of",
    ),
    "commitment scope names an unknown entity": (
        "commitments.csv",
        lambda rows: rows[0].update(scope=rows[0]["scope"] + ";atlantis"),
        r"commitments\.csv, row 2, column 'scope': unknown entity 'atlantis'",
    ),
    "commitment deadline not a date": (
        "commitments.csv",
        lambda rows: rows[0].update(deadline="soon"),
        r"commitments\.csv, row 2, column 'deadline': 'soon' does not match",
    ),
    "table 1 size class unknown": (
        "table1.csv",
        lambda rows: rows[4].update(size_class="giant"),
        r"table1\.csv, row 6, column 'size_class': unknown size class 'giant'",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_broken_copy_raises_a_precise_data_error(data_copy, case):
    filename, change, message = CASES[case]
    edit(data_copy / filename, change)
    with pytest.raises(DataError, match=message):
        data.catalogue()


def test_malformed_csv_files(data_copy):
    path = data_copy / "cities.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([text[0], text[1] + ",extra", *text[2:]]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"cities\.csv, row 2: 19 cells, expected 18"):
        data.catalogue()

    path.write_text(text[0].replace("name_en,", "") + "\n", encoding="utf-8")
    data.clear_cache()
    with pytest.raises(DataError, match=r"cities\.csv, row 1: missing column\(s\) name_en"):
        data.catalogue()

    path.write_bytes("code,name_zh\n310000,上海".encode("gb18030"))
    data.clear_cache()
    with pytest.raises(DataError, match=r"cities\.csv: not UTF-8 text"):
        data.catalogue()

    path.write_text("", encoding="utf-8")
    data.clear_cache()
    with pytest.raises(DataError, match=r"cities\.csv: empty file"):
        data.catalogue()

    path.unlink()
    data.clear_cache()
    with pytest.raises(DataError, match=r"cities\.csv: file not found"):
        data.catalogue()


def test_a_failed_load_is_not_cached(data_copy):
    path = data_copy / "cities.csv"
    good = path.read_text(encoding="utf-8")
    path.write_text("", encoding="utf-8")
    with pytest.raises(DataError):
        data.cities()
    path.write_text(good, encoding="utf-8")
    assert len(data.cities()) == 26
