"""The geometry loader: what it returns, that callers cannot change each other's copy, and
that broken files fail with a DataError naming file, row, column and problem."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ycsp_panel import data
from ycsp_panel.data import DataError

REPO_DATA = Path(__file__).resolve().parents[2] / "data"


def test_city_level_has_26_cities_with_province_names():
    cities = data.geometry("city")
    assert len(cities) == 26
    assert cities.crs.to_epsg() == 4326
    assert list(cities["code"]) == sorted(cities["code"])
    assert set(cities["province_zh"]) == {"上海市", "江苏省", "浙江省", "安徽省"}
    assert set(cities["province_en"]) == {"Shanghai", "Jiangsu", "Zhejiang", "Anhui"}
    assert cities.loc[cities["code"] == "320500", "name_en"].item() == "Suzhou"


def test_levels():
    assert len(data.geometry("province")) == 4
    counties = data.geometry("county")
    assert {"parent_code", "role", "province_zh"} <= set(counties.columns)
    with pytest.raises(ValueError, match="unknown geometry level 'district'"):
        data.geometry("district")


def test_each_call_returns_an_independent_copy():
    first = data.geometry("city")
    first.loc[0, "name_en"] = "changed"
    second = data.geometry("city")
    assert len(second) == 26
    assert "changed" not in set(second["name_en"])


@pytest.fixture
def broken_copy(tmp_path, monkeypatch):
    """A copy of data/geo in a temporary data dir; returns the path of the city file to spoil."""
    shutil.copytree(REPO_DATA / "geo", tmp_path / "geo")
    monkeypatch.setenv("YCSP_DATA_DIR", str(tmp_path))
    data.clear_cache()
    yield tmp_path / "geo" / "cities.geojson"
    monkeypatch.delenv("YCSP_DATA_DIR")
    data.clear_cache()


def spoil(path: Path, change) -> None:
    collection = json.loads(path.read_text(encoding="utf-8"))
    change(collection)
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda c: c["features"][2]["properties"].pop("name_en"),
            r"cities.geojson, row 3, column 'name_en': missing or empty",
        ),
        (
            lambda c: c["features"][0]["properties"].update(code="3100"),
            r"cities.geojson, row 1, column 'code': not a 6-digit code",
        ),
        (
            lambda c: c["features"][5]["properties"].update(
                code=c["features"][4]["properties"]["code"]
            ),
            r"cities.geojson, column 'code': duplicate code",
        ),
        (
            lambda c: c["features"][1].update(geometry={"type": "Point", "coordinates": [120, 31]}),
            r"cities.geojson, row 2, column 'geometry': empty, invalid or not a polygon",
        ),
        (
            lambda c: c["features"][1].update(geometry={"type": "Polygon", "coordinates": "x"}),
            r"cities.geojson, row 2: unreadable geometry",
        ),
        (lambda c: c.pop("features"), r"cities.geojson: not a GeoJSON FeatureCollection"),
    ],
)
def test_broken_file_raises_data_error(broken_copy, change, message):
    spoil(broken_copy, change)
    with pytest.raises(DataError, match=message):
        data.geometry("city")


def test_truncated_and_missing_files(broken_copy):
    broken_copy.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(DataError, match="cities.geojson: not a GeoJSON FeatureCollection"):
        data.geometry("city")
    broken_copy.unlink()
    data.clear_cache()
    with pytest.raises(DataError, match="cities.geojson: file not found"):
        data.geometry("city")


def test_plan_text_is_committed():
    text = data.plan_text()
    assert "长江三角洲城市群发展规划" in text[:20]
    assert "表3各市市域常住人口预测" in text
