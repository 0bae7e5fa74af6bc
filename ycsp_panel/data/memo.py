"""Once per process: results that depend only on the data files (and plain arguments).

The explorer serves many sessions from one process; an analysis of the data alone is computed
the first time any session asks and shared by all afterwards. Callers get their own (shallow,
copy-on-write) copy of a frame, so none can change what another sees. ``data.clear_cache()``
forgets these results with the files.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

import pandas as pd

F = TypeVar("F", bound=Callable)
_CACHED: list = []


def register(cached) -> None:
    """Have ``clear_cache()`` clear ``cached`` too (a ``functools`` cache built elsewhere)."""
    _CACHED.append(cached)


def per_process(function: F) -> F:
    """Cache ``function`` (hashable arguments) for the process; frames come back copied."""
    cached = functools.cache(function)
    register(cached)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        result = cached(*args, **kwargs)
        if isinstance(result, pd.DataFrame | pd.Series):
            return result.copy(deep=False)
        if isinstance(result, list | dict | set):
            return result.copy()
        return result

    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def clear_cache() -> None:
    for cached in _CACHED:
        cached.cache_clear()
