"""Where the data files live.

The files are part of the repository (``data/``); ``YCSP_DATA_DIR`` points elsewhere, e.g. at a
copy for tests or at a deployment's own checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

_REPO_DATA = Path(__file__).resolve().parents[2] / "data"


def data_dir() -> Path:
    """The folder holding the project's data files."""
    return Path(os.environ.get("YCSP_DATA_DIR", _REPO_DATA))


def plan_text() -> str:
    """The plan's full text as extracted from the published PDF (see data/sources/README.md)."""
    return (data_dir() / "sources" / "yrd_plan_2016.txt").read_text(encoding="utf-8")
