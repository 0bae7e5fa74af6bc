"""The loading layer: reads the files in ``data/``, validates them and caches them.

Every loader returns a fresh copy, so no caller can change what another one sees.
This package never imports Panel.
"""

from ycsp_panel.data.errors import DataError
from ycsp_panel.data.geometry import GEOMETRY_LEVELS, clear_cache, geometry
from ycsp_panel.data.paths import data_dir, plan_text

__all__ = [
    "GEOMETRY_LEVELS",
    "DataError",
    "clear_cache",
    "data_dir",
    "geometry",
    "plan_text",
]
