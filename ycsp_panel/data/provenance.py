"""Where the boundaries come from and how they changed: ``data/geo/provenance.csv`` and
``data/geo/boundary_changes.csv``, checked like every other data file.

Both files are small and read on every call (no cache), so a changed ``YCSP_DATA_DIR`` is seen.
"""

from __future__ import annotations

import pandas as pd

from ycsp_panel.data.errors import DataError
from ycsp_panel.data.paths import data_dir
from ycsp_panel.data.schema import Column, Table, read_table
from ycsp_panel.data.store import catalogue

GEOMETRY_PROVENANCE = Table(
    "geo/provenance.csv",
    (
        Column("key", pattern=r"[a-z0-9_]+"),
        Column("value"),
        Column("unit", required=False),
        Column("name_zh"),
        Column("name_en"),
        Column("text_zh"),
        Column("text_en"),
        Column("see"),
    ),
    key=("key",),
)
BOUNDARY_CHANGES = Table(
    "geo/boundary_changes.csv",
    (
        Column("year", "int"),
        Column("city_codes", list_sep=";", pattern=r"\d{6}"),
        Column("change_zh"),
        Column("change_en"),
        Column("effect_zh"),
        Column("effect_en"),
        Column("see"),
    ),
    key=("year", "change_en"),
)


def geometry_provenance() -> pd.DataFrame:
    """The boundary files' facts, one row per ``key``: source package, licence, CRS,
    conversion, simplification, measured area against the plan's, licence caveat.

    ``value`` is the fact in machine form (``0.009``, ``215287``), ``text_zh``/``text_en``
    the sentence to show, ``see`` where it is documented (a path, a URL or a source id).
    """
    path = data_dir() / GEOMETRY_PROVENANCE.filename
    frame = read_table(path, GEOMETRY_PROVENANCE)
    sources = set(catalogue().sources["id"])
    for line, see in zip(frame["_line"], frame["see"], strict=True):
        if see.startswith("plan:") and see not in sources:
            raise DataError(path, f"unknown source {see!r}", row=line, column="see")
    return frame.drop(columns="_line")


def boundary_changes() -> pd.DataFrame:
    """Changes of administrative boundaries that matter when comparing the plan's figures
    (besides the per-city ``boundary_note_*`` of ``cities.csv``), oldest first.

    ``city_codes`` is a ``;``-separated list of the plan cities concerned.
    """
    path = data_dir() / BOUNDARY_CHANGES.filename
    frame = read_table(path, BOUNDARY_CHANGES)
    cities = set(catalogue().cities["code"])
    for line, codes in zip(frame["_line"], frame["city_codes"], strict=True):
        unknown = [code for code in codes.split(";") if code not in cities]
        if unknown:
            raise DataError(path, f"unknown city {unknown[0]!r}", row=line, column="city_codes")
    return frame.sort_values("year", kind="stable", ignore_index=True).drop(columns="_line")
