"""The plan's data: every table of ``data/`` loaded, checked on its own and against each other.

:func:`catalogue` loads everything once per process (and again after :func:`clear_cache`); the
public loaders in ``ycsp_panel.data`` hand out copies of its frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from ycsp_panel.data.errors import DataError
from ycsp_panel.data.paths import data_dir
from ycsp_panel.data.schema import Column, Table, read_table

KINDS = ("observed", "target", "forecast")
QUALIFIERS = ("=", "≈", "≥", "≤", "<", ">")
DIRECTIONS = ("ceiling", "floor", "expectation")
QUALITIES = ("plan", "bulletin-quoted", "secondary", "weak", "derived")
ENTITY_TYPES = (
    "cluster",
    "country",
    "province",
    "circle",
    "belt",
    "world_cluster",
    "region",
    "city_abroad",
    "water_body",
    "supervision_zone",
)
GROUP_TYPES = ("circle", "belt", "water_body", "supervision_zone")
AGGREGATIONS = ("sum", "ratio", "none")

INDICATORS = Table(
    "indicators.csv",
    (
        Column("id", pattern=r"[a-z0-9_]+"),
        Column("name_zh"),
        Column("name_en"),
        Column("unit"),
        Column("unit_zh"),
        Column("unit_en"),
        Column("direction", required=False, choices=DIRECTIONS),
        Column("min", "float"),
        Column("max", "float"),
        Column("aggregation", choices=AGGREGATIONS),
        Column("numerator", required=False, pattern=r"[a-z0-9_]+"),
        Column("denominator", required=False, pattern=r"[a-z0-9_]+"),
        Column("description_zh"),
        Column("description_en"),
    ),
    key=("id",),
)
SOURCES = Table(
    "sources.csv",
    (
        Column("id", pattern=r"[a-z0-9_]+:[a-z0-9_.]+"),
        Column("kind", choices=("plan", "statistics")),
        Column("title_zh"),
        Column("title_en"),
        Column("publisher"),
        Column("date", pattern=r"\d{4}(-\d{2}(-\d{2})?)?"),
        Column("locator", required=False),
        Column("url", required=False),
        Column("note", required=False),
    ),
    key=("id",),
)
ENTITIES = Table(
    "entities.csv",
    (
        Column("id", pattern=r"[a-z0-9_]+"),
        Column("type", choices=ENTITY_TYPES),
        Column("name_zh"),
        Column("name_en"),
        Column("note", required=False),
    ),
    key=("id",),
)
CITIES = Table(
    "cities.csv",
    (
        Column("code", "code"),
        Column("name_zh"),
        Column("name_en"),
        Column("province_code", "code"),
        Column("functional_zone", required=False),
        Column("functional_zone_phrase_zh", required=False),
        Column("functional_zone_rule", required=False),
        Column("functional_zone_rule_zh", required=False),
        Column("functional_zone_derived", "bool"),
        Column("population_policy", required=False, pattern=r"[a-z0-9_]+"),
        Column("population_policy_zh", required=False),
        Column("population_policy_en", required=False),
        Column("policy_source_id", required=False),
        Column("policy_source_text", required=False),
        Column("population_policy_derived", "bool"),
        Column("note", required=False),
        Column("boundary_note_zh", required=False),
        Column("boundary_note_en", required=False),
    ),
    key=("code",),
)
MEMBERSHIPS = Table(
    "memberships.csv",
    (
        Column("group_id", pattern=r"[a-z0-9_]+"),
        Column("city_code", "code"),
        Column("place_code", "code", required=False),
        Column("position", "int", required=False),
        Column("derived", "bool"),
        Column("rule", required=False),
        Column("rule_zh", required=False),
        Column("source_id"),
        Column("source_text", required=False),
        Column("note", required=False),
    ),
    key=("group_id", "city_code", "place_code"),
)
VALUES = Table(
    "values/*.csv",
    (
        Column("entity_id", pattern=r"[a-z0-9_]+"),
        Column("indicator", pattern=r"[a-z0-9_]+"),
        Column("year", "int", required=False),
        Column("kind", choices=KINDS),
        Column("value", "float"),
        Column("unit"),
        Column("qualifier", choices=QUALIFIERS),
        Column("direction", required=False, choices=DIRECTIONS),
        Column("source_id"),
        Column("quality", choices=QUALITIES),
        Column("precision"),
        Column("source_text", required=False),
        Column("note", required=False),
    ),
    key=("entity_id", "indicator", "year", "kind", "source_id"),
)
BELT_ROUTES = Table(
    "belt_routes.csv",
    (
        Column("belt_id", pattern=r"belt_[a-z0-9_]+"),
        Column("position", "int"),
        Column("city_code", "code"),
        Column("rule"),
        Column("source_id"),
        Column("source_text"),
    ),
    key=("belt_id", "position"),
)
COMMITMENTS = Table(
    "commitments.csv",
    (
        Column("id", pattern=r"[a-z0-9_]+"),
        Column("what_zh"),
        Column("what_en"),
        Column("scope", list_sep=";", pattern=r"[a-z0-9_]+"),
        Column("threshold_zh", required=False),
        Column("threshold_en", required=False),
        Column("deadline", required=False, pattern=r"\d{4}(-\d{2}-\d{2})?"),
        Column("source_id"),
        Column("source_text"),
        Column("note", required=False),
    ),
    key=("id",),
)
SIZE_CLASSES = Table(
    "size_classes.csv",
    (
        Column("id", pattern=r"[a-z0-9_]+"),
        Column("name_zh"),
        Column("name_en"),
        Column("min_10k_persons", "float", required=False),
        Column("max_10k_persons", "float", required=False),
        Column("source_id"),
        Column("source_text"),
    ),
    key=("id",),
)
TABLE1 = Table(
    "table1.csv",
    (
        Column("position", "int"),
        Column("name_2016_zh"),
        Column("name_en"),
        Column("size_class"),
        Column("level", choices=("prefecture", "county")),
        Column("code", "code"),
        Column("city_code", "code"),
        Column("note", required=False),
        Column("source_id"),
    ),
    key=("name_2016_zh",),
)


@dataclass(frozen=True)
class Catalogue:
    """Every table of the plan's data, validated. Frames carry ``_line``: the file's line."""

    indicators: pd.DataFrame
    sources: pd.DataFrame
    entities: pd.DataFrame
    cities: pd.DataFrame
    memberships: pd.DataFrame
    values: pd.DataFrame
    commitments: pd.DataFrame
    size_classes: pd.DataFrame
    table1: pd.DataFrame
    belt_routes: pd.DataFrame


def clear_cache() -> None:
    """Forget what was loaded (after ``YCSP_DATA_DIR`` or the files changed)."""
    catalogue.cache_clear()


@cache
def catalogue() -> Catalogue:
    """Load every table of ``data/``, check each and their cross-references, once."""
    root = data_dir()
    tables = {
        "indicators": read_table(root / INDICATORS.filename, INDICATORS),
        "sources": read_table(root / SOURCES.filename, SOURCES),
        "entities": read_table(root / ENTITIES.filename, ENTITIES),
        "cities": read_table(root / CITIES.filename, CITIES),
        "memberships": read_table(root / MEMBERSHIPS.filename, MEMBERSHIPS),
        "values": _read_values(root / "values"),
        "commitments": read_table(root / COMMITMENTS.filename, COMMITMENTS),
        "size_classes": read_table(root / SIZE_CLASSES.filename, SIZE_CLASSES),
        "table1": read_table(root / TABLE1.filename, TABLE1),
        "belt_routes": read_table(root / BELT_ROUTES.filename, BELT_ROUTES),
    }
    result = Catalogue(**tables)
    _check_references(root, result)
    return result


def _read_values(folder: Path) -> pd.DataFrame:
    paths = sorted(folder.glob("*.csv"))
    if not paths:
        raise DataError(folder, "no values/*.csv files")
    frames = []
    for path in paths:
        frame = read_table(path, VALUES)
        frame["_file"] = f"values/{path.name}"
        frames.append(frame)
    values = pd.concat(frames, ignore_index=True)
    duplicated = values.duplicated(list(VALUES.key), keep="first")
    if duplicated.any():
        row = values[duplicated].iloc[0]
        key = ", ".join(f"{k}={row[k]}" for k in VALUES.key)
        raise DataError(
            folder / Path(row["_file"]).name, f"duplicate key ({key})", row=row["_line"]
        )
    return values


def _check_references(root: Path, data: Catalogue) -> None:
    """Every id used anywhere is defined once, in the right table, with consistent units."""
    sources = set(data.sources["id"])
    indicators = data.indicators.set_index("id")
    entity_types = dict(zip(data.entities["id"], data.entities["type"], strict=True))
    cities = set(data.cities["code"])
    known_entities = cities | set(entity_types)
    provinces = {e for e, t in entity_types.items() if t == "province"}

    def check(frame: pd.DataFrame, filename: str, column: str, allowed: set, what: str) -> None:
        for line, cell in zip(frame["_line"], frame[column], strict=True):
            if pd.isna(cell):
                continue
            items = str(cell).split(";") if column == "scope" else [cell]
            for item in items:
                if item.strip() not in allowed:
                    raise DataError(
                        root / filename, f"unknown {what} {item.strip()!r}", row=line, column=column
                    )

    lines = data.indicators
    for line, row in zip(lines["_line"], lines.itertuples(), strict=True):
        if not row.min < row.max:
            raise DataError(root / INDICATORS.filename, "min must be below max", row=line)
        if row.aggregation == "ratio" and (pd.isna(row.numerator) or pd.isna(row.denominator)):
            raise DataError(
                root / INDICATORS.filename, "a ratio needs numerator and denominator", row=line
            )
    check(data.indicators, INDICATORS.filename, "numerator", set(indicators.index), "indicator")
    check(data.indicators, INDICATORS.filename, "denominator", set(indicators.index), "indicator")

    check(data.cities, CITIES.filename, "province_code", provinces, "province")
    check(data.cities, CITIES.filename, "policy_source_id", sources, "source")

    groups = {e for e, t in entity_types.items() if t in GROUP_TYPES}
    check(data.memberships, MEMBERSHIPS.filename, "group_id", groups, "group")
    check(data.memberships, MEMBERSHIPS.filename, "city_code", cities, "city")
    check(data.memberships, MEMBERSHIPS.filename, "source_id", sources, "source")
    circles = data.memberships[data.memberships["group_id"].map(entity_types) == "circle"]
    twice = circles[circles.duplicated("city_code")]
    if not twice.empty:
        raise DataError(
            root / MEMBERSHIPS.filename,
            f"city {twice.iloc[0]['city_code']} is in more than one circle",
            row=twice.iloc[0]["_line"],
        )

    check(data.commitments, COMMITMENTS.filename, "scope", known_entities, "entity")
    check(data.commitments, COMMITMENTS.filename, "source_id", sources, "source")
    check(data.size_classes, SIZE_CLASSES.filename, "source_id", sources, "source")
    check(data.table1, TABLE1.filename, "size_class", set(data.size_classes["id"]), "size class")
    check(data.table1, TABLE1.filename, "city_code", cities, "city")
    check(data.table1, TABLE1.filename, "source_id", sources, "source")

    check(data.belt_routes, BELT_ROUTES.filename, "source_id", sources, "source")
    belt_members = set(
        zip(data.memberships["group_id"], data.memberships["city_code"], strict=True)
    )
    for line, belt, city in zip(
        data.belt_routes["_line"],
        data.belt_routes["belt_id"],
        data.belt_routes["city_code"],
        strict=True,
    ):
        if (belt, city) not in belt_members:
            raise DataError(
                root / BELT_ROUTES.filename,
                f"{city} is not a member of {belt} in memberships.csv",
                row=line,
                column="city_code",
            )

    for _, row in data.values.iterrows():
        path = root / row["_file"]
        line = row["_line"]
        if row["entity_id"] not in known_entities:
            raise DataError(
                path, f"unknown entity {row['entity_id']!r}", row=line, column="entity_id"
            )
        if row["indicator"] not in indicators.index:
            raise DataError(
                path, f"unknown indicator {row['indicator']!r}", row=line, column="indicator"
            )
        if row["source_id"] not in sources:
            raise DataError(
                path, f"unknown source {row['source_id']!r}", row=line, column="source_id"
            )
        spec = indicators.loc[row["indicator"]]
        if row["unit"] != spec["unit"]:
            raise DataError(
                path,
                f"unit {row['unit']!r} but indicator {row['indicator']} is in {spec['unit']!r}",
                row=line,
                column="unit",
            )
        if not spec["min"] <= row["value"] <= spec["max"]:
            raise DataError(
                path,
                f"{row['value']} outside the plausible range {spec['min']}–{spec['max']} "
                f"of {row['indicator']}",
                row=line,
                column="value",
            )
        if pd.notna(row["year"]) and not 1900 <= row["year"] <= 2100:
            raise DataError(path, f"implausible year {row['year']}", row=line, column="year")
