"""Turn the reference statistics into the project's tidy values and source catalogue.

Reads ``data/reference/city_statistics.csv`` (real published statistics, one row per figure, with
source, quality and precision) and writes:

- ``data/values/reference.csv``: one value row per figure (indicator ``population_yearend``
  becomes ``population``, the plan's own indicator for year-end resident population);
- the ``statistics`` rows of ``data/sources.csv``: one source per publication, with a stable id
  such as ``census2020:suzhou``; the plan's rows of that file are kept as they are.

    python scripts/import_reference.py            # rewrite both
    python scripts/import_reference.py --check    # exit 1 if either is stale
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO / "data" / "reference" / "city_statistics.csv"
PLACES = REPO / "data" / "geo" / "places.csv"
VALUES_OUT = REPO / "data" / "values" / "reference.csv"
SOURCES_OUT = REPO / "data" / "sources.csv"

VALUE_COLUMNS = [
    "entity_id",
    "indicator",
    "year",
    "kind",
    "value",
    "unit",
    "qualifier",
    "direction",
    "source_id",
    "quality",
    "precision",
    "source_text",
    "note",
]
SOURCE_COLUMNS = [
    "id",
    "kind",
    "title_zh",
    "title_en",
    "publisher",
    "date",
    "locator",
    "url",
    "note",
]
INDICATORS = {"population_yearend": "population"}

# (reference indicator, year) -> (source id prefix, English title, publication year)
PUBLICATIONS = {
    ("population_census", "2020"): (
        "census2020",
        "{name}: main data bulletin of the 7th National Population Census (2020)",
        "2021",
    ),
    ("urbanization_rate_census", "2020"): (
        "census2020",
        "{name}: main data bulletin of the 7th National Population Census (2020)",
        "2021",
    ),
    ("population_census", "2010"): (
        "census2010",
        "{name}: main data bulletin of the 6th National Population Census (2010)",
        "2011",
    ),
    ("gdp", "2020"): (
        "bulletin2020",
        "{name}: statistical bulletin on national economic and social development, 2020",
        "2021",
    ),
    ("gdp", "2014"): (
        "bulletin2014",
        "{name}: statistical bulletin on national economic and social development, 2014",
        "2015",
    ),
    ("population_yearend", "2023"): (
        "population2023",
        "{name}: main population data / statistical bulletin, 2023",
        "2024",
    ),
}
# The national publications name their publisher and date in the title.
NATIONAL_TITLES_EN = {
    "census2020": "Communiqué of the 7th National Population Census (No. 2)",
    "census2010": "Communiqué on major figures of the 6th National Population Census",
    "bulletin2020": "Statistical Communiqué of the People's Republic of China on the 2020 "
    "National Economic and Social Development",
}
NATIONAL_DATE = re.compile(r"（国家统计局，(\d{4})年(\d{1,2})月(\d{1,2})日）")
# A city's GDP found only in another publication than its statistical bulletin (a news report,
# a government work report, a city profile): its own source, under this prefix, its title the
# publication's as the row gives it.
REPORTED = "reported{year}"
REPORTED_TITLE_EN = (
    "{name}: regional GDP {year} as quoted by another publication than the "
    "statistical bulletin — {source}"
)


def is_bulletin(row: dict) -> bool:
    return row["indicator"] != "gdp" or "统计公报" in row["source"]


def qualifier(row: dict) -> str:
    """``≈`` for a GDP figure the source gives rounded ("1.61 trillion", "4220亿元" where the
    bulletin prints decimals), ``=`` otherwise."""
    return "≈" if row["indicator"] == "gdp" and "rounded" in row["precision"] else "="


def slug(name_en: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name_en.lower().replace("'", "")).strip("_")


def city_names() -> dict[str, tuple[str, str]]:
    with PLACES.open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: (row["name_zh"], row["name_en"])
            for row in csv.DictReader(handle)
            if row["level"] == "city"
        }


def build() -> tuple[str, str]:
    """The text of the values file and of the whole sources file."""
    names = city_names()
    names["china"] = ("中国", "China")
    with REFERENCE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))

    values = []
    sources: dict[str, dict] = {}
    urls: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        entity = row["city_id"]
        name_zh, name_en = names[entity]
        prefix, title_en, published = PUBLICATIONS[(row["indicator"], row["year"])]
        if not is_bulletin(row):
            prefix = REPORTED.format(year=row["year"])
            title_en = REPORTED_TITLE_EN.format(
                name="{name}", year=row["year"], source=row["source"]
            )
        source_id = f"{prefix}:{slug(name_en)}"
        if entity == "china":
            day = NATIONAL_DATE.search(row["source"])
            published = f"{day[1]}-{int(day[2]):02d}-{int(day[3]):02d}"
            title_en = NATIONAL_TITLES_EN[prefix] + f" (National Bureau of Statistics, {published})"
            publisher = "国家统计局 National Bureau of Statistics of China"
        else:
            title_en = title_en.format(name=name_en)
            publisher = f"{name_zh}统计部门 {name_en} statistical authorities"
        existing = sources.setdefault(
            source_id,
            {
                "id": source_id,
                "kind": "statistics",
                "title_zh": row["source"],
                "title_en": title_en,
                "publisher": publisher,
                "date": published,
                "locator": "",
                "note": "",
            },
        )
        if existing["title_zh"] != row["source"]:
            raise SystemExit(
                f"{source_id}: two titles {existing['title_zh']!r} / {row['source']!r}"
            )
        if row["seen_at"] not in urls[source_id]:
            urls[source_id].append(row["seen_at"])
        values.append(
            {
                "entity_id": entity,
                "indicator": INDICATORS.get(row["indicator"], row["indicator"]),
                "year": row["year"],
                "kind": "observed",
                "value": row["value"],
                "unit": row["unit"],
                "qualifier": qualifier(row),
                "direction": "",
                "source_id": source_id,
                "quality": row["quality"],
                "precision": row["precision"],
                "source_text": "",
                "note": row["note"],
            }
        )
    for source_id, seen in urls.items():
        sources[source_id]["url"] = " ; ".join(seen)
        if len(seen) > 1:
            sources[source_id]["note"] = "read at several pages (url lists each)"

    values.sort(key=lambda v: (v["source_id"], v["entity_id"], v["indicator"], v["year"]))
    kept = [s for s in read_sources() if s["kind"] != "statistics"]
    all_sources = sorted([*kept, *sources.values()], key=lambda s: s["id"])
    return to_csv(VALUE_COLUMNS, values), to_csv(SOURCE_COLUMNS, all_sources)


def read_sources() -> list[dict]:
    if not SOURCES_OUT.exists():
        return []
    with SOURCES_OUT.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def to_csv(columns: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the files are current")
    args = parser.parse_args()
    values_text, sources_text = build()
    outputs = {VALUES_OUT: values_text, SOURCES_OUT: sources_text}
    if args.check:
        stale = [p for p, text in outputs.items() if not p.exists() or p.read_text("utf-8") != text]
        for path in stale:
            print(f"{path.relative_to(REPO)} is not what scripts/import_reference.py makes")
        return 1 if stale else 0
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
