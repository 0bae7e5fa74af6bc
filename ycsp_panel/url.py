"""The state as a query string, and back: versioned, validated, never trusted.

``?v=1&lang=en&scope=circle:hefei&cities=340100,340200&indicator=population&year=2030&kind=forecast
&color_by=value&section=ecology&feature=water_taihu``: every selection, the section shown and the
ecology section's pick. Unknown parameters and malformed or unknown values are dropped with a notice
that quotes them as plain text (shortened); nothing from the URL is rendered as markup. Old links
keep working: :data:`MIGRATIONS` rewrites the parameters of an older version into the current one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from urllib.parse import parse_qs, urlencode

from ycsp_panel import data
from ycsp_panel.state import (
    COLOR_BY,
    COMPARE_BY,
    KIND_ORDER,
    OVERLAYS,
    SCALES,
    SECTIONS,
    SINGLE_VIEWS,
    ExplorerState,
    Notice,
    feature_members,
    scope_options,
    view_options,
)

VERSION = 2
PARAMETERS = (
    "lang",
    "scope",
    "cities",
    "indicator",
    "year",
    "kind",
    "color_by",
    "scale",
    "compare_by",
    "overlays",
    "section",
    "feature",
    "present",
    "view",
)
MAX_QUERY = 2000
Migration = Callable[[dict[str, str]], dict[str, str]]


def _v1_to_v2(params: dict[str, str]) -> dict[str, str]:
    """Version 1 coloured values on a linear scale only; version 2 adds ``scale`` (quantile
    classes by default): a version-1 link keeps the linear scale it was made with."""
    return {"scale": "linear", **params}


# version -> function turning that version's parameters into the next version's.
MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}


def shown(value: str, limit: int = 40) -> str:
    """A value from the URL as it may appear in a notice: printable, shortened."""
    clean = re.sub(r"[\x00-\x1f\x7f]", "?", value)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def to_query(state: ExplorerState) -> str:
    """The query string (with ``?``) that reopens exactly this view."""
    params = {
        "v": str(VERSION),
        "lang": state.lang,
        "scope": state.scope,
        "indicator": state.indicator,
        "year": str(state.year),
        "kind": state.kind,
        "color_by": state.color_by,
        "scale": state.scale,
        "compare_by": state.compare_by,
    }
    if state.cities:
        params["cities"] = ",".join(state.cities)
    params["overlays"] = ",".join(state.overlays)
    params["section"] = state.section
    if state.feature:
        params["feature"] = state.feature
    if state.present:
        params["present"] = "1"
    if state.view:
        params["view"] = state.view
    return "?" + urlencode(params, safe=":,")


def parse_query(
    search: str, migrations: Mapping[int, Migration] | None = None
) -> tuple[dict, list[Notice]]:
    """Valid state parameters from a query string, and notices for what was dropped."""
    migrations = MIGRATIONS if migrations is None else migrations
    notices: list[Notice] = []
    if len(search) > MAX_QUERY:
        notices.append(
            Notice("链接参数过长，已忽略。", "The link's parameters are too long; ignored.")
        )
        return {}, notices
    raw = {
        key: values[-1]
        for key, values in parse_qs(search.lstrip("?"), keep_blank_values=True).items()
    }
    version_text = raw.pop("v", str(VERSION))
    version = int(version_text) if version_text.isdigit() else None
    if version is None or version > VERSION:
        notices.append(
            Notice(
                f"无法识别的链接版本“{shown(version_text)}”，按当前版本读取。",
                f"Unknown link version “{shown(version_text)}”; read as the current version.",
            )
        )
        version = VERSION
    while version < VERSION:
        raw = migrations[version](raw) if version in migrations else raw
        version += 1

    params: dict = {}
    for key, value in raw.items():
        if key not in PARAMETERS:
            notices.append(
                Notice(
                    f"已忽略未知参数“{shown(key)}”。", f"Unknown parameter “{shown(key)}” ignored."
                )
            )
            continue
        parsed = _parse(key, value)
        if parsed is None:
            notices.append(
                Notice(
                    f"参数 {key} 的值“{shown(value)}”无效，已忽略。",
                    f"Invalid value “{shown(value)}” for {key}; ignored.",
                )
            )
        else:
            params[key] = parsed
    return params, notices


def _parse(key: str, value: str):
    if key == "lang":
        return value if value in ("zh", "en") else None
    if key == "scope":
        return value if value in scope_options() else None
    if key == "cities":
        codes = [c for c in value.split(",") if c]
        valid = set(data.cities()["code"])
        if not codes or any(c not in valid for c in codes) or len(codes) > len(valid):
            return None
        return list(dict.fromkeys(codes))
    if key == "indicator":
        return value if value in set(view_options()["indicator"]) else None
    if key == "year":
        return int(value) if re.fullmatch(r"(19|20)\d\d", value) else None
    if key == "kind":
        return value if value in KIND_ORDER else None
    if key == "color_by":
        return value if value in COLOR_BY else None
    if key == "overlays":
        layers = [layer for layer in value.split(",") if layer]
        return list(dict.fromkeys(layers)) if all(x in OVERLAYS for x in layers) else None
    if key == "compare_by":
        return value if value in COMPARE_BY else None
    if key == "scale":
        return value if value in SCALES else None
    if key == "present":
        return {"1": True, "0": False}.get(value)
    if key == "section":
        return value if value in SECTIONS else None
    if key == "view":
        return value if value in SINGLE_VIEWS else None
    if key == "feature":
        return value if value in feature_members() else None
    return None


def apply_query(state: ExplorerState, search: str) -> None:
    """Set the state from a query string; what was dropped or moved becomes a notice."""
    params, notices = parse_query(search)
    if params:
        state.param.update(**params)
    for notice in notices:  # said until the user changes the view the link opened
        state.notify(notice.zh, notice.en)
