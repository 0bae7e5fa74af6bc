"""Administrative boundaries built by scripts/build_geometry.py (WGS84, coverage-simplified)."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Literal

import geopandas as gpd
import shapely

from ycsp_panel.data.errors import DataError
from ycsp_panel.data.paths import data_dir

GeometryLevel = Literal["city", "province", "county"]
GEOMETRY_LEVELS: tuple[GeometryLevel, ...] = ("city", "province", "county")

_FILES = {"city": "cities.geojson", "province": "provinces.geojson", "county": "counties.geojson"}
_REQUIRED = {
    "city": ("code", "name_zh", "name_en", "province_code"),
    "province": ("code", "name_zh", "name_en"),
    "county": ("code", "name_zh", "name_en", "province_code", "parent_code", "role"),
}
_CODE = re.compile(r"^\d{6}$")


def geometry(level: GeometryLevel = "city") -> gpd.GeoDataFrame:
    """Boundaries of one level as a GeoDataFrame in EPSG:4326, one row per place, sorted by code.

    ``city``: the plan's 26 cities, with their province's names (``province_zh``, ``province_en``);
    ``province``: the four provinces in full; ``county``: the county-level places later views need.
    """
    if level not in _FILES:
        raise ValueError(f"unknown geometry level {level!r}; choose one of {GEOMETRY_LEVELS}")
    return _load(level).copy()


def clear_cache() -> None:
    """Forget the loaded files (after ``YCSP_DATA_DIR`` or the files changed)."""
    _load.cache_clear()


@cache
def _load(level: GeometryLevel) -> gpd.GeoDataFrame:
    frame = _read(level)
    if level in ("city", "county"):
        provinces = _load("province").set_index("code")
        frame["province_zh"] = frame["province_code"].map(provinces["name_zh"])
        frame["province_en"] = frame["province_code"].map(provinces["name_en"])
    return frame


def _read(level: GeometryLevel) -> gpd.GeoDataFrame:
    path = data_dir() / "geo" / _FILES[level]
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
        features = collection["features"]
    except FileNotFoundError:
        raise DataError(path, "file not found; run scripts/build_geometry.py") from None
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise DataError(path, f"not a GeoJSON FeatureCollection ({error})") from None

    rows = []
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") or {}
        for column in _REQUIRED[level]:
            if not isinstance(properties.get(column), str) or not properties[column].strip():
                raise DataError(path, "missing or empty", row=number, column=column)
        for column in ("code", "province_code", "parent_code"):
            if column in properties and not _CODE.match(properties[column]):
                raise DataError(path, "not a 6-digit code", row=number, column=column)
        try:
            shape = shapely.geometry.shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise DataError(path, f"unreadable geometry ({error})", row=number) from None
        if (
            shape.is_empty
            or not shape.is_valid
            or shape.geom_type
            not in (
                "Polygon",
                "MultiPolygon",
            )
        ):
            raise DataError(path, "empty, invalid or not a polygon", row=number, column="geometry")
        rows.append({**properties, "geometry": shape})

    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    duplicated = frame["code"][frame["code"].duplicated()]
    if not duplicated.empty:
        raise DataError(path, f"duplicate code {duplicated.iloc[0]}", column="code")
    return frame.sort_values("code", ignore_index=True)
