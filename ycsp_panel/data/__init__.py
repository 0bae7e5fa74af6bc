"""The loading layer: reads the files in ``data/``, validates them and caches them.

Every loader returns a fresh copy, so no caller can change what another one sees.
This package never imports Panel.
"""

from ycsp_panel.data import geometry as _geometry
from ycsp_panel.data import memo as _memo
from ycsp_panel.data import query as _query
from ycsp_panel.data import store as _store
from ycsp_panel.data.aggregate import GROUPINGS, aggregate, city_values, group_members
from ycsp_panel.data.errors import DataError
from ycsp_panel.data.geometry import GEOMETRY_LEVELS, geometry
from ycsp_panel.data.memo import per_process
from ycsp_panel.data.paths import data_dir, plan_text
from ycsp_panel.data.provenance import boundary_changes, geometry_provenance
from ycsp_panel.data.query import (
    AmbiguousLookup,
    LookupMiss,
    belt_routes,
    cities,
    commitments,
    entities,
    entity_names,
    indicators,
    lookup,
    memberships,
    resolve_entity,
    size_classes,
    sources,
    table1,
    values,
)
from ycsp_panel.data.series import group_population_series, population_series
from ycsp_panel.data.store import Catalogue, catalogue
from ycsp_panel.data.units import UNITS, convert


def clear_cache() -> None:
    """Forget every loaded file (after ``YCSP_DATA_DIR`` or the files changed)."""
    _store.clear_cache()
    _query.clear_cache()
    _geometry.clear_cache()
    _memo.clear_cache()


__all__ = [
    "GEOMETRY_LEVELS",
    "GROUPINGS",
    "UNITS",
    "AmbiguousLookup",
    "Catalogue",
    "DataError",
    "LookupMiss",
    "aggregate",
    "belt_routes",
    "boundary_changes",
    "catalogue",
    "cities",
    "city_values",
    "clear_cache",
    "commitments",
    "convert",
    "data_dir",
    "entities",
    "entity_names",
    "geometry",
    "geometry_provenance",
    "per_process",
    "group_members",
    "group_population_series",
    "indicators",
    "lookup",
    "memberships",
    "plan_text",
    "population_series",
    "resolve_entity",
    "size_classes",
    "sources",
    "table1",
    "values",
]
