"""Declarative checks for the CSV files in ``data/``: columns, types, choices and keys.

Each file is described by a :class:`Table`; :func:`read_table` reads it as text, checks every
cell and converts the typed columns, raising :class:`DataError` with file, row and column on
the first problem. Row numbers are the file's own line numbers (the header is line 1).
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from ycsp_panel.data.errors import DataError

ColumnType = Literal["str", "int", "float", "bool", "code"]
_CODE = re.compile(r"^\d{6}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_INT = re.compile(r"^-?\d+$")
_FLOAT = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
_BOOL = {"true": True, "false": False}


@dataclass(frozen=True)
class Column:
    """One column: its type, whether it may be empty, and its allowed values."""

    name: str
    type: ColumnType = "str"
    required: bool = True
    choices: tuple[str, ...] | None = None
    pattern: str | None = None
    list_sep: str | None = None  # a ``;``-separated list: each item is checked


@dataclass(frozen=True)
class Table:
    """A CSV file's expected shape."""

    filename: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    extra_columns_allowed: bool = False
    sort_note: str = field(default="", compare=False)

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]


def read_table(path: Path, table: Table) -> pd.DataFrame:
    """Read and check one CSV file; typed columns come back typed, empty cells as missing."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except FileNotFoundError:
        raise DataError(path, "file not found") from None
    except UnicodeDecodeError as error:
        raise DataError(path, f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    except csv.Error as error:
        raise DataError(path, f"not a readable CSV file ({error})") from None
    if not rows:
        raise DataError(path, "empty file: no header row")

    header = [name.strip() for name in rows[0]]
    missing = [name for name in table.names if name not in header]
    if missing:
        raise DataError(path, f"missing column(s) {', '.join(missing)}", row=1)
    extra = [name for name in header if name not in table.names]
    if extra and not table.extra_columns_allowed:
        raise DataError(path, f"unexpected column(s) {', '.join(extra)}", row=1)
    if len(set(header)) != len(header):
        raise DataError(path, "duplicate column names", row=1)

    records = []
    for line, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise DataError(path, f"{len(cells)} cells, expected {len(header)}", row=line)
        record = dict(zip(header, (cell.strip() for cell in cells), strict=True))
        record["_line"] = line
        for column in table.columns:
            record[column.name] = _check_cell(path, line, column, record[column.name])
        records.append(record)

    frame = pd.DataFrame.from_records(records, columns=[*header, "_line"])
    for column in table.columns:
        if column.type == "int":
            frame[column.name] = frame[column.name].astype("Int64")
        elif column.type == "float":
            frame[column.name] = frame[column.name].astype("float64")
        elif column.type == "bool":
            frame[column.name] = frame[column.name].astype("boolean")
    if table.key:
        duplicated = frame.duplicated(list(table.key), keep="first")
        if duplicated.any():
            first = frame[duplicated].iloc[0]
            values = ", ".join(f"{k}={first[k]}" for k in table.key)
            raise DataError(
                path, f"duplicate key ({values})", row=int(first["_line"]), column=table.key[0]
            )
    return frame


def _check_cell(path: Path, line: int, column: Column, text: str):
    if text == "":
        if column.required:
            raise DataError(path, "empty, but required", row=line, column=column.name)
        return None
    items = text.split(column.list_sep) if column.list_sep else [text]
    for item in items:
        _check_item(path, line, column, item.strip())
    if column.type == "int":
        return int(text)
    if column.type == "float":
        return float(text)
    if column.type == "bool":
        return _BOOL[text]
    return text


def _check_item(path: Path, line: int, column: Column, item: str) -> None:
    def fail(problem: str) -> None:
        raise DataError(path, problem, row=line, column=column.name)

    if column.type == "int" and not _INT.match(item):
        fail(f"{item!r} is not a whole number")
    if column.type == "float" and (not _FLOAT.match(item) or not math.isfinite(float(item))):
        fail(f"{item!r} is not a number")
    if column.type == "bool" and item not in _BOOL:
        fail(f"{item!r} is not true/false")
    if column.type == "code" and not _CODE.match(item):
        fail(f"{item!r} is not a 6-digit code")
    if column.choices is not None and item not in column.choices:
        fail(f"{item!r} is not one of {', '.join(column.choices)}")
    if column.pattern is not None and not re.fullmatch(column.pattern, item):
        fail(f"{item!r} does not match {column.pattern}")


def is_id(text: str) -> bool:
    """Stable ids are lower-case snake_case, or 6-digit codes."""
    return bool(_ID.match(text))
