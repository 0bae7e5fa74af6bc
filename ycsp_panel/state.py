"""The explorer's one state object: every selection lives here, nowhere else.

Plain Param, testable without a browser. The rules that keep it consistent (only valid
indicator/year/kind combinations; a notice whenever a choice had to move) are here too. The URL
form of the state is in :mod:`ycsp_panel.url`, beside it.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

import pandas as pd
import param

from ycsp_panel import data
from ycsp_panel.analysis.ecology import participation
from ycsp_panel.data import memo
from ycsp_panel.i18n import LANGUAGES, t

KIND_ORDER = ("observed", "target", "forecast")
SCALES = ("quantile", "linear", "log")  # the value colouring's scales (views.colouring)
COLOR_BY = ("value", "circle", "belt", "province", "size_class", "functional_zone", "status")
COMPARE_BY = ("city", "circle", "province", "belt")
OVERLAYS = ("provinces", "circles", "belts", "county_cities", "zones")
SCOPE_TYPES = ("circle", "belt", "province")
# The page's sections, in the order of their buttons (labels ``page.tab.<key>``).
SECTIONS = ("explore", "population", "economy", "ecology", "series", "table", "sources")
# The views served alone (``?view=``, for a portal's iframe) and the page section each is.
SINGLE_VIEWS = {
    "map": "explore",
    "population": "population",
    "economy": "economy",
    "ecology": "ecology",
    "series": "series",
    "table": "table",
}
ALL = "all"
CORE_CITY = "310000"  # Shanghai: the plan's core (一核, ch3 §3), in none of the five circles


# The selections a notice may speak of (every one but the language and the section shown).
NOTICE_SELECTIONS = (
    *("scope", "cities", "indicator", "year", "kind", "color_by", "compare_by", "overlays"),
    "feature",
)


def _frozen(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


@dataclass(frozen=True)
class Notice:
    """A message for the user, in both languages (plain text: never rendered as markup).

    ``holds``: the selections it speaks of, ``(name, value)`` pairs; it goes away once the
    state no longer has them ("year moved to 2023" while the year is 2023, not after). Without
    them it stays until newer notices push it out.
    """

    zh: str
    en: str
    holds: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def scope_label(scope: str, lang: str, names: pd.DataFrame | None = None) -> str:
    """A scope in words: ``都市圈 · 南京都市圈`` for ``circle:nanjing``.

    ``names``: ``data.entity_names()`` indexed by id, when labelling many scopes at once.
    """
    if scope == "all":
        return t("controls.scope_all", lang)
    kind, _, group = scope.partition(":")
    if names is None:
        names = data.entity_names().set_index("id")
    return f"{t(f'controls.scope_type.{kind}', lang)} · {names.loc[group, f'name_{lang}']}"


def _folded(text: str) -> str:
    """Text as a search compares it: case, spaces, apostrophes, hyphens and dots ignored."""
    return "".join(ch for ch in str(text).casefold() if ch not in " '’-·.")


def find_cities(text: str) -> list[str]:
    """Codes of the cities a search text names: Chinese name (with or without 市), English
    name or pinyin without tones (``Ma'anshan``, ``maanshan``). Exact matches first, then
    names that start with the text; none for text that names no city."""
    wanted = _folded(text)
    if not wanted:
        return []
    exact, starts = [], []
    for city in data.cities().itertuples():
        names = {_folded(city.name_zh), _folded(city.name_zh.removesuffix("市")), city.code}
        names.add(_folded(city.name_en))
        if wanted in names:
            exact.append(city.code)
        elif any(name.startswith(wanted) for name in names):
            starts.append(city.code)
    return exact or starts


@cache
def view_options() -> pd.DataFrame:
    """Every (indicator, year, kind) with values for at least one of the 26 cities."""
    values = data.values()
    codes = set(data.cities()["code"])
    rows = values[values["entity_id"].isin(codes) & values["year"].notna()]
    options = rows.groupby(["indicator", "year", "kind"]).size().rename("n_cities").reset_index()
    options["year"] = options["year"].astype(int)
    return options.sort_values(["indicator", "year", "kind"], ignore_index=True)


PLAN_KINDS = frozenset({"target", "forecast"})  # the plan's own figures, apart from observed ones


@cache
def period_steps(indicator: str) -> tuple[tuple[int, str], ...]:
    """The (year, kind) points ``indicator`` has for the 26 cities, in time order (within a
    year: observed, target, forecast): the steps of the timeline."""
    options = view_options()
    rows = options[options["indicator"] == indicator]
    rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
    steps = sorted(zip(rows["year"], rows["kind"], strict=True), key=lambda s: (s[0], rank[s[1]]))
    return tuple((int(year), str(kind)) for year, kind in steps)


@cache
def scope_options() -> tuple[str, ...]:
    """``all``, then ``circle:<id>``, ``belt:<id>`` and ``province:<code>`` for every group."""
    entities = data.entities()
    scopes = [ALL]
    for kind in SCOPE_TYPES:
        ids = entities.loc[entities["type"] == kind, "id"]
        scopes += [f"{kind}:{i}" for i in sorted(ids)]
    return tuple(scopes)


def scope_members(scope: str) -> list[str]:
    """The codes of the cities a scope covers (all 26 for ``all``)."""
    cities = data.cities()
    if scope == ALL:
        return sorted(cities["code"])
    kind, _, group = scope.partition(":")
    if kind == "province":
        return sorted(cities.loc[cities["province_code"] == group, "code"])
    if kind in ("circle", "belt"):
        members = data.group_members(kind)
        return sorted(members.loc[members["group_id"] == group, "city_code"])
    raise ValueError(f"unknown scope {scope!r}")


def nearest_option(
    indicator: str, year: int | None, kind: str | None, prefer: str = "kind"
) -> tuple[int, str]:
    """The valid (year, kind) of ``indicator`` closest to the wanted one.

    ``prefer="kind"`` keeps the kind if it exists for the indicator and moves the year;
    ``prefer="year"`` keeps the year if possible and moves the kind.
    """
    options = view_options()
    rows = options[options["indicator"] == indicator]
    if rows.empty:
        raise ValueError(f"no city values for indicator {indicator!r}")
    if ((rows["year"] == year) & (rows["kind"] == kind)).any():
        return int(year), str(kind)
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    distance = (rows["year"] - (year if year is not None else rows["year"].max())).abs()
    kind_miss = (rows["kind"] != kind).astype(int)
    keys = [kind_miss, distance] if prefer == "kind" else [distance, kind_miss]
    ranked = rows.assign(
        a=keys[0], b=keys[1], c=rows["kind"].map(rank), d=-rows["year"]
    ).sort_values(["a", "b", "c", "d"])
    best = ranked.iloc[0]
    return int(best["year"]), str(best["kind"])


@cache
def feature_members() -> dict[str, tuple[str, ...]]:
    """The box 8 water bodies and box 9 supervision zones (ids, in the data's order) and the
    codes of their member cities (:func:`ycsp_panel.analysis.ecology.participation`)."""
    rows = participation()
    return {
        group: tuple(dict.fromkeys(members["city_code"]))
        for group, members in rows.groupby("group_id", sort=False)
    }


class ExplorerState(param.Parameterized):
    """Every selection of the explorer. Views watch it; only widgets and the URL set it."""

    lang = param.Selector(objects=list(LANGUAGES), default="zh", doc="Language of every label")
    scope = param.Selector(
        default=ALL, objects=[ALL], doc="all, circle:<id>, belt:<id>, province:<code>"
    )
    cities = param.ListSelector(default=[], objects=[], doc="Highlighted cities (codes)")
    indicator = param.Selector(default="population", objects=["population"])
    year = param.Integer(default=2020, allow_None=False)
    kind = param.Selector(default="target", objects=list(KIND_ORDER))
    color_by = param.Selector(default="value", objects=list(COLOR_BY))
    scale = param.Selector(
        default="quantile",
        objects=list(SCALES),
        doc="How values map to colours: quantile classes (equal counts), linear or log",
    )
    compare_by = param.Selector(
        default="city",
        objects=list(COMPARE_BY),
        doc="The comparison chart's bars: cities or groups",
    )
    overlays = param.ListSelector(
        default=["provinces"], objects=list(OVERLAYS), doc="Layers drawn over the cities"
    )
    section = param.Selector(
        default=SECTIONS[0], objects=list(SECTIONS), doc="The page section shown"
    )
    feature = param.Selector(
        default="",
        objects=[""],
        doc="The water body or supervision zone picked on the ecology section (empty: none); "
        "picking one highlights its member cities, highlighting others lets it go",
    )
    present = param.Boolean(
        default=False,
        doc="Presentation mode: the map, its key and the chart on one screen in large type "
        "(for a projector; the page is laid out for it when opened)",
    )
    view = param.Selector(
        default="",
        objects=["", *SINGLE_VIEWS],
        doc="One view served alone, for an iframe (empty: the whole page); fixed when the page "
        "is opened, like presentation mode",
    )
    notices = param.List(default=[], item_type=Notice, doc="Messages for the user, newest last")

    def __init__(self, **params):
        super().__init__()
        self.param.scope.objects = list(scope_options())
        self.param.cities.objects = sorted(data.cities()["code"])
        self.param.indicator.objects = sorted(view_options()["indicator"].unique())
        self.param.feature.objects = ["", *feature_members()]
        self.param.update(**params)
        self._settle("indicator")

    # -- what the views read -----------------------------------------------------------------

    @property
    def scope_cities(self) -> list[str]:
        return scope_members(self.scope)

    @property
    def years(self) -> list[int]:
        """The years with city values for the current indicator (any kind)."""
        options = view_options()
        return sorted(set(options.loc[options["indicator"] == self.indicator, "year"]))

    @property
    def kinds(self) -> list[str]:
        """The kinds with city values for the current indicator and year."""
        options = view_options()
        rows = options[(options["indicator"] == self.indicator) & (options["year"] == self.year)]
        return [k for k in KIND_ORDER if k in set(rows["kind"])]

    def notify(self, zh: str, en: str, holds: dict[str, object] | None = None) -> None:
        """Tell the user something, for as long as the selections ``holds`` names keep the
        values it gives (the current ones by default; ``{}``: until pushed out)."""
        names = list(NOTICE_SELECTIONS) if holds is None else list(holds)
        values = {name: getattr(self, name) for name in names} | (holds or {})
        held = tuple((name, _frozen(values[name])) for name in names)
        self.notices = [*self.notices[-4:], Notice(zh, en, held)]

    @param.depends(*NOTICE_SELECTIONS, watch=True)
    def _prune_notices(self) -> None:
        """Notices whose cause has passed (a selection they speak of changed) go away."""
        kept = [n for n in self.notices if all(_frozen(getattr(self, k)) == v for k, v in n.holds)]
        if len(kept) != len(self.notices):
            self.notices = kept

    def toggle_city(self, code: str, add: bool = False) -> None:
        """A click on a city: highlight only it, or (``add``) add/remove it from the highlight."""
        if not add:
            self.cities = [] if self.cities == [code] else [code]
        elif code in self.cities:
            self.cities = [c for c in self.cities if c != code]
        else:
            self.cities = [*self.cities, code]

    def reset(self) -> None:
        """Every selection back to its default; the language, the section shown, the
        presentation mode and a single view stay."""
        defaults = {
            name: p.default
            for name, p in self.param.objects("existing").items()
            if name not in ("name", "lang", "notices", "section", "present", "view")
        }
        self.param.update(**defaults)

    # -- a picked water body or zone is a highlight of its members ---------------------------

    @param.depends("feature", watch=True)
    def _on_feature(self) -> None:
        if self.feature:
            self.cities = list(feature_members()[self.feature])

    @param.depends("cities", watch=True)
    def _on_cities(self) -> None:
        members = feature_members().get(self.feature)
        if members is not None and set(self.cities) != set(members):
            self.feature = ""  # the highlight moved elsewhere: the pick no longer describes it

    # -- keeping indicator, year and kind a valid combination -------------------------------

    @param.depends("indicator", watch=True)
    def _on_indicator(self) -> None:
        self._settle("indicator")

    @param.depends("year", watch=True)
    def _on_year(self) -> None:
        self._settle("year")

    @param.depends("kind", watch=True)
    def _on_kind(self) -> None:
        self._settle("kind")

    def _settle(self, changed: str) -> None:
        prefer = "year" if changed == "year" else "kind"
        year, kind = nearest_option(self.indicator, self.year, self.kind, prefer=prefer)
        if (year, kind) == (self.year, self.kind):
            return
        moved_zh, moved_en = [], []
        if year != self.year:
            moved_zh.append(f"年份改为{year}")
            moved_en.append(f"year moved to {year}")
        if kind != self.kind:
            moved_zh.append(f"类型改为“{KIND_LABELS[kind]['zh']}”")
            moved_en.append(f"kind moved to “{KIND_LABELS[kind]['en']}”")
        indicators = data.indicators().set_index("id")
        names = indicators.loc[self.indicator]
        # Where the figure asked for is another indicator's (the 2020 census for an observed
        # 2020 population), say which.
        elsewhere_zh = elsewhere_en = ""
        other = ELSEWHERE.get((self.indicator, self.kind))
        options = view_options()
        if (
            other
            and (
                (options["indicator"] == other)
                & (options["year"] == self.year)
                & (options["kind"] == self.kind)
            ).any()
        ):
            there = indicators.loc[other]
            elsewhere_zh = f"{self.year}年的实际数字见指标“{there['name_zh']}”。"
            elsewhere_en = f" The {self.year} figures are the indicator “{there['name_en']}”."
        # Said while the indicator, year and kind are those it moved to.
        holds = {"indicator": self.indicator, "year": year, "kind": kind}
        self.notify(
            f"“{names['name_zh']}”没有{self.year}年“{KIND_LABELS[self.kind]['zh']}”的城市数据："
            + "，".join(moved_zh)
            + "。"
            + elsewhere_zh,
            f"{names['name_en']} has no city values for {self.year} "
            f"({KIND_LABELS[self.kind]['en']}): " + ", ".join(moved_en) + "." + elsewhere_en,
            holds,
        )
        self.param.update(year=year, kind=kind)


# (indicator, kind) -> the indicator that holds such figures for other years: resident
# population observed in a census year is the census' count.
ELSEWHERE = {("population", "observed"): "population_census"}

KIND_LABELS = {
    "observed": {"zh": "实际", "en": "observed"},
    "target": {"zh": "规划预期", "en": "plan target"},
    "forecast": {"zh": "规划预测", "en": "plan forecast"},
}


# -- results that depend only on the data and a few selections, once per process -------------

R = TypeVar("R")


class Selection:
    """The selections a :func:`by_selection` function reads, as a plain object: only those
    (any other attribute is an error) and ``scope_cities``."""

    def __init__(self, values: dict[str, object]):
        self.__dict__.update(values)

    @property
    def scope_cities(self) -> list[str]:
        return scope_members(self.scope)  # type: ignore[attr-defined]


def _key(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def _copied(result):
    """A caller's own copy of a cached result's frames (the cache keeps the original)."""
    if isinstance(result, pd.DataFrame | pd.Series):
        return result.copy()
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        frames = {
            f.name: getattr(result, f.name).copy()
            for f in dataclasses.fields(result)
            if isinstance(getattr(result, f.name), pd.DataFrame | pd.Series)
        }
        return dataclasses.replace(result, **frames) if frames else result
    return result


def by_selection(*names: str, maxsize: int = 256) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Cache a function of the state by the selections it reads (``names``), for the
    process: every session that shows the same view (the first page, above all) shares one
    result instead of computing its own. The function receives a :class:`Selection` of
    ``names``; callers get their own copy of the result's frames. ``data.clear_cache()``
    clears it with the data."""

    def decorate(function: Callable[..., R]) -> Callable[..., R]:
        @functools.lru_cache(maxsize=maxsize)
        def cached(key: tuple) -> R:
            return function(Selection(dict(zip(names, key, strict=True))))

        memo.register(cached)

        @functools.wraps(function)
        def wrapper(state) -> R:
            return _copied(cached(tuple(_key(getattr(state, name)) for name in names)))

        wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]
        wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
