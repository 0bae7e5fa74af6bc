"""The one error the loading layer raises for bad data files."""

from __future__ import annotations

from pathlib import Path


class DataError(ValueError):
    """A data file is missing, malformed or inconsistent.

    The message names the file, and where known the row, the column and the problem.
    """

    def __init__(
        self,
        path: Path | str,
        problem: str,
        *,
        row: int | str | None = None,
        column: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.problem = problem
        self.row = row
        self.column = column
        where = [self.path.name]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {problem}")
