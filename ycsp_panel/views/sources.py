"""Sources and method: where every figure, boundary and derived field comes from.

The plan's reference and how its text was reconstructed; every source of ``sources.csv`` with
the number of values citing it; the boundaries' provenance; each derived field with its rule;
boundary changes; the quality levels. Also the 26 cities as a table: the map's text
alternative. Built as HTML in which every string from the data is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import pandas as pd
import param

from ycsp_panel import data
from ycsp_panel.analysis.population import status_rules
from ycsp_panel.data.store import QUALITIES
from ycsp_panel.i18n import LABELS, t
from ycsp_panel.state import CORE_CITY
from ycsp_panel.views.base import HTMLView
from ycsp_panel.views.chart import format_number

# Anchor ids of the sections, in page order.
SECTIONS = ("plan", "catalogue", "quality", "geometry", "derived", "boundaries", "status")
CITY_TABLE_ID = "ycsp-sources-cities"

# Plan values shown as examples of the reconstruction: (entity, indicator, year, source).
RECONSTRUCTION_EXAMPLES = (
    ("yrd", "area", None, "plan:preamble"),  # decimal point lost
    ("yrd", "share_national_area", None, "plan:preamble"),  # decimal point and % lost
    ("310000", "population", 2014, "plan:ch3.s2.table3"),  # a flattened table row
)
# Tables other than values/*.csv that cite sources: file, loader in ``data``, source column.
CITING_TABLES = (
    ("cities.csv", "cities", "policy_source_id"),
    ("memberships.csv", "memberships", "source_id"),
    ("belt_routes.csv", "belt_routes", "source_id"),
    ("commitments.csv", "commitments", "source_id"),
    ("size_classes.csv", "size_classes", "source_id"),
    ("table1.csv", "table1", "source_id"),
)
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$")
_POLICY_NOTE = "Population policy: "

SOURCES_CSS = """
:host { display: block; }
.ycsp-sources { font-size: 14px; line-height: 1.45; max-width: 1200px; }
.ycsp-sources h2 { font-size: 20px; margin: 22px 0 6px 0; color: #1f3a5f;
  border-bottom: 1px solid #d0d7de; padding-bottom: 3px; scroll-margin-top: 8px; }
.ycsp-sources h3 { font-size: 16px; margin: 16px 0 4px 0; }
.ycsp-sources p { margin: 4px 0 8px 0; max-width: 80ch; }
.ycsp-toc { border: 1px solid #d0d7de; border-radius: 4px; padding: 6px 12px;
  background: #f6f8fa; }
.ycsp-toc h2 { font-size: 15px; margin: 0 0 4px 0; border: none; color: #333; }
.ycsp-toc ol { margin: 0; padding-left: 22px; }
.ycsp-toc a { color: #0b5cad; }
.ycsp-scroll { overflow-x: auto; max-width: 100%; margin: 4px 0 12px 0;
  container-type: inline-size; }
.ycsp-scroll:focus-visible { outline: 2px solid #0b5cad; outline-offset: 2px; }
.ycsp-sources table { border-collapse: collapse; width: 100%; }
.ycsp-sources table.ycsp-wide { min-width: 820px; }
.ycsp-sources caption { caption-side: top; text-align: left; font-weight: 600;
  padding: 2px 0 4px 0; color: #333; }
/* A wide table scrolls; its caption stays in view and wraps at the visible width. */
.ycsp-sources caption span { display: inline-block; position: sticky; left: 0;
  max-width: 100cqw; }
.ycsp-sources th, .ycsp-sources td { border-top: 1px solid #dee2e6; padding: 3px 6px;
  text-align: left; vertical-align: top; }
.ycsp-sources thead th { border-bottom: 2px solid #adb5bd; background: #f6f8fa; }
.ycsp-sources tbody th { font-weight: 600; min-width: 5em; }
.ycsp-sources td:not(.num) { min-width: 4em; }
.ycsp-sources table.ycsp-wide td:not(.num) { min-width: 8em; }
.ycsp-sources td.num { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
.ycsp-nowrap { white-space: nowrap; }
.ycsp-id { font-family: ui-monospace, monospace; font-size: 12px; white-space: nowrap; }
.ycsp-url { word-break: break-all; font-size: 12px; }
.ycsp-path { font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; }
.ycsp-derived { font-size: 12px; border: 1px solid #888; border-radius: 3px; padding: 0 4px;
  color: #444; white-space: nowrap; }
.ycsp-small { font-size: 12px; color: #555; }
.ycsp-reference { border-left: 4px solid #1f3a5f; background: #f6f8fa; padding: 6px 10px;
  margin: 6px 0 10px 0; font-style: normal; }
.ycsp-reference cite { font-style: normal; }
@media (max-width: 480px) {
  .ycsp-sources { font-size: 13px; }
  .ycsp-sources th, .ycsp-sources td { padding: 3px 4px; }
}
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _text(value: object) -> str:
    """A cell's text, or empty for a missing value."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _anchor(section: str) -> str:
    return f"ycsp-sources-{section}"


def _derived(lang: str) -> str:
    return f' <span class="ycsp-derived">{_e(t("derived", lang))}</span>'


def _names(codes: Iterable[str], lang: str) -> str:
    """City names in the language, joined the way the language lists them."""
    names = data.cities().set_index("code")[f"name_{lang}"]
    return ("、" if lang == "zh" else ", ").join(_e(names[code]) for code in codes)


def _link(url: str) -> str:
    """An outside address as a link if it is a plain http(s) URL, else as text."""
    if _SAFE_URL.match(url):
        return f'<a href="{_e(url)}" rel="noopener noreferrer" target="_blank">{_e(url)}</a>'
    return _e(url)


def _table(
    caption: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    wide: bool = False,
    numeric: Sequence[int] = (),
) -> str:
    """An HTML table (cells already escaped) in a horizontally scrolling, focusable region.

    The first cell of each row is its header (``th scope="row"``); ``numeric`` columns are
    right-aligned.
    """
    head = "".join(f'<th scope="col">{_e(column)}</th>' for column in columns)
    body = []
    for row in rows:
        cells = [f'<th scope="row">{row[0]}</th>']
        for index, cell in enumerate(row[1:], start=1):
            cls = ' class="num"' if index in numeric else ""
            cells.append(f"<td{cls}>{cell}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    cls = ' class="ycsp-wide"' if wide else ""
    return (
        f'<div class="ycsp-scroll" role="region" aria-label="{_e(caption)}" tabindex="0">'
        f"<table{cls}><caption><span>{_e(caption)}</span></caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _section(section: str, lang: str, body: str) -> str:
    heading = _e(t(f"sources.{section}.heading", lang))
    anchor = _anchor(section)
    return (
        f'<section id="{anchor}" aria-labelledby="{anchor}-h">'
        f'<h2 id="{anchor}-h">{heading}</h2>{body}</section>'
    )


def contents_html(lang: str) -> str:
    """The list of sections, each a link to its anchor."""
    items = "".join(
        f'<li><a href="#{_anchor(s)}">{_e(t(f"sources.{s}.heading", lang))}</a></li>'
        for s in SECTIONS
    )
    heading = _e(t("sources.contents", lang))
    return (
        f'<nav class="ycsp-toc" aria-labelledby="ycsp-sources-toc-h">'
        f'<h2 id="ycsp-sources-toc-h">{heading}</h2><ol>{items}</ol></nav>'
    )


def plan_html(lang: str) -> str:
    """The plan's reference, how its text was reconstructed, and examples from the data."""
    values = data.values()
    units = data.indicators().set_index("id")[f"unit_{lang}"]
    rows = []
    for entity, indicator, year, source in RECONSTRUCTION_EXAMPLES:
        match = values[
            (values["entity_id"] == entity)
            & (values["indicator"] == indicator)
            & (values["source_id"] == source)
            & (values["year"].isna() if year is None else values["year"].eq(year).fillna(False))
        ]
        row = match.iloc[0]
        qualifier = "" if row["qualifier"] == "=" else f"{row['qualifier']} "
        value = f"{qualifier}{format_number(row['value'])} {units[indicator]}"
        rows.append(
            (
                f'<span lang="zh">{_e(row["source_text"])}</span>',
                _e(value),
                f'<span class="ycsp-id">{_e(source)}</span>',
                f'<span lang="en">{_e(_text(row["note"]))}</span>',
            )
        )
    columns = [t(f"sources.plan.col.{c}", lang) for c in ("text", "value", "locator", "note")]
    body = (
        f'<p class="ycsp-reference"><cite>{_e(t("sources.plan.reference", lang))}</cite></p>'
        f"<p>{_e(t('sources.plan.extraction', lang))}</p>"
        f"<p>{_e(t('sources.plan.values', lang))}</p>"
        f"{_table(t('sources.plan.examples', lang), columns, rows, wide=True)}"
    )
    return _section("plan", lang, body)


def _citations() -> dict[str, list[str]]:
    """For each source id, "file: n" for every table other than the values citing it."""
    found: dict[str, list[str]] = {}
    for filename, loader, column in CITING_TABLES:
        for source, n in (
            getattr(data, loader)()[column].dropna().value_counts().sort_index().items()
        ):
            found.setdefault(source, []).append(f"{filename}: {n}")
    return found


def _series_label(series: str, lang: str) -> str:
    key = f"sources.series.{series}"
    return t(key, lang) if key in LABELS else series


def catalogue_html(lang: str) -> str:
    """Every source of ``sources.csv``: the plan's places, then statistics by series."""
    sources = data.sources()
    counts = data.values()["source_id"].value_counts()
    citations = _citations()
    plan = sources[sources["kind"] == "plan"].copy()
    plan["order"] = plan["id"] != "plan:preamble"  # the preamble first, then by chapter
    plan = plan.sort_values(["order", "id"])
    statistics = sources[sources["kind"] != "plan"].sort_values("id")
    intro = t("sources.catalogue.intro", lang).format(
        n=len(sources), plan=len(plan), statistics=len(statistics), values=int(counts.sum())
    )
    parts = [f"<p>{_e(intro)}</p>", f"<h3>{_e(t('sources.catalogue.plan', lang))}</h3>"]
    caption = t("sources.catalogue.plan_caption", lang).format(n=len(plan))
    parts.append(_source_table(caption, plan, lang, counts, citations))
    parts.append(f"<h3>{_e(t('sources.catalogue.statistics', lang))}</h3>")
    series = statistics["id"].str.split(":").str[0]
    for name, group in statistics.groupby(series, sort=True):
        caption = f"{_series_label(name, lang)} ({name}, {len(group)})"
        parts.append(_source_table(caption, group, lang, counts, citations))
    return _section("catalogue", lang, "".join(parts))


def _source_table(
    caption: str,
    sources: pd.DataFrame,
    lang: str,
    counts: pd.Series,
    citations: dict[str, list[str]],
) -> str:
    optional = [
        c for c in ("locator", "url", "note") if sources[c].notna().any()
    ]  # columns every row of the group leaves empty are left out
    columns = ["id", "title", "publisher", "date", *optional, "values"]
    if any(source in citations for source in sources["id"]):
        columns.append("cited_by")
    rows = []
    for row in sources.itertuples():
        cells = {
            "id": f'<span class="ycsp-id">{_e(row.id)}</span>',
            "title": _e(getattr(row, f"title_{lang}")),
            "publisher": _e(row.publisher),
            "date": f'<span class="ycsp-nowrap">{_e(row.date)}</span>',
            "locator": f'<span class="ycsp-id">{_e(_text(row.locator))}</span>',
            "url": '<span class="ycsp-url">'
            + "<br>".join(_link(u.strip()) for u in _text(row.url).split(";") if u.strip())
            + "</span>",
            "note": _e(_text(row.note)),
            "values": _e(int(counts.get(row.id, 0))),
            "cited_by": "<br>".join(_e(c) for c in citations.get(row.id, [])),
        }
        rows.append([cells[c] for c in columns])
    labels = [t(f"sources.col.{c}", lang) for c in columns]
    return _table(caption, labels, rows, wide=True, numeric=[columns.index("values")])


def quality_html(lang: str) -> str:
    """The quality levels, what each means, and how many values carry it."""
    counts = data.values()["quality"].value_counts()
    rows = [
        (
            _e(t(f"quality.{q}", lang)),
            f'<span class="ycsp-id">{_e(q)}</span>',
            _e(t(f"sources.quality.{q}", lang)),
            _e(int(counts.get(q, 0))),
        )
        for q in QUALITIES
    ]
    columns = [t(f"sources.quality.col.{c}", lang) for c in ("level", "id", "meaning", "values")]
    body = f"<p>{_e(t('sources.quality.intro', lang))}</p>" + _table(
        t("sources.quality.caption", lang), columns, rows, numeric=[3]
    )
    return _section("quality", lang, body)


def geometry_html(lang: str) -> str:
    """Source, coordinate system, processing, measured area and licence of the boundaries."""
    titles = data.sources().set_index("id")[f"title_{lang}"]
    rows = []
    for row in data.geometry_provenance().itertuples():
        if row.see.startswith(("http://", "https://")):
            see = f'<span class="ycsp-url">{_link(row.see)}</span>'
        elif row.see in titles.index:
            see = _e(titles[row.see])
        else:
            see = f'<span class="ycsp-path">{_e(row.see)}</span>'
        rows.append((_e(getattr(row, f"name_{lang}")), _e(getattr(row, f"text_{lang}")), see))
    columns = [t(f"sources.geometry.col.{c}", lang) for c in ("fact", "value", "see")]
    body = f"<p>{_e(t('sources.geometry.intro', lang))}</p>" + _table(
        t("sources.geometry.caption", lang), columns, rows
    )
    return _section("geometry", lang, body)


def _policy_rule(note: object, lang: str) -> str:
    """The population-policy part of a city's note (English), or its gist in Chinese."""
    if lang == "zh":
        return t("profile.policy_derived_rule", lang)
    text = _text(note)
    return text.split(_POLICY_NOTE, 1)[1] if _POLICY_NOTE in text else text


def derived_html(lang: str) -> str:
    """Functional zone, population policy and memberships that are derived, with their rules."""
    cities = data.cities()
    parts = [f"<p>{_e(t('sources.derived.intro', lang))}</p>"]

    zones = cities[cities["functional_zone_derived"].fillna(False).astype(bool)]
    rule = "functional_zone_rule_zh" if lang == "zh" else "functional_zone_rule"
    rows = [
        (
            _e(t(f"profile.zone.{zone}", lang)),
            _e(_text(text)),
            f'<span lang="zh">“{_e(group["functional_zone_phrase_zh"].iloc[0])}”</span>',
            _names(group["code"], lang),
        )
        # dropna=False: a row without a rule is shown (with an empty rule), never dropped
        for (zone, text), group in zones.groupby(
            ["functional_zone", rule], sort=False, dropna=False
        )
    ]
    intro = t("sources.derived.zone.intro", lang).format(n=len(zones), m=len(cities))
    columns = [t(f"sources.derived.col.{c}", lang) for c in ("zone", "rule", "words", "cities")]
    parts += [
        f"<h3>{_e(t('sources.derived.zone.heading', lang))}</h3><p>{_e(intro)}</p>",
        _table(t("sources.derived.zone.caption", lang), columns, rows, wide=True),
    ]

    policies = cities[cities["population_policy_derived"].fillna(False).astype(bool)].copy()
    policies["rule_en"] = [_policy_rule(note, "en") for note in policies["note"]]
    rows = [
        (
            _e(group[f"population_policy_{lang}"].iloc[0]),
            _e(t(f"profile.zone.{group['functional_zone'].iloc[0]}", lang)) + _derived(lang),
            _e(_policy_rule(group["note"].iloc[0], lang)),
            _names(group["code"], lang),
        )
        for _, group in policies.groupby(["population_policy", "rule_en"], sort=False, dropna=False)
    ]
    intro = t("sources.derived.policy.intro", lang).format(n=len(policies), m=len(cities))
    columns = [t(f"sources.derived.col.{c}", lang) for c in ("policy", "zone", "rule", "cities")]
    parts += [
        f"<h3>{_e(t('sources.derived.policy.heading', lang))}</h3><p>{_e(intro)}</p>",
        _table(t("sources.derived.policy.caption", lang), columns, rows, wide=True),
    ]

    memberships = data.memberships()
    derived = memberships[memberships["derived"].fillna(False).astype(bool)]
    names = data.entities().set_index("id")[f"name_{lang}"]
    rule = "rule_zh" if lang == "zh" else "rule"
    rows = [
        (_e(names[group_id]), _e(_text(text)), _names(group["city_code"], lang))
        for (group_id, text), group in derived.groupby(["group_id", rule], dropna=False)
    ]
    intro = t("sources.derived.members.intro", lang).format(n=len(derived))
    columns = [t(f"sources.derived.col.{c}", lang) for c in ("group", "rule", "cities")]
    parts += [
        f"<h3>{_e(t('sources.derived.members.heading', lang))}</h3><p>{_e(intro)}</p>",
        _table(t("sources.derived.members.caption", lang), columns, rows),
    ]
    return _section("derived", lang, "".join(parts))


def boundaries_html(lang: str) -> str:
    """Per-city boundary notes (``cities.csv``), then other changes of administrative units."""
    cities = data.cities()
    noted = cities[cities[f"boundary_note_{lang}"].notna()]
    # Cities sharing one change (Tongling and Anqing) share a row.
    city_rows = [
        (_names(group["code"], lang), _e(note))
        for note, group in noted.groupby(f"boundary_note_{lang}", sort=False)
    ]
    columns = [t(f"sources.boundaries.col.{c}", lang) for c in ("city", "note")]
    change_rows = [
        (
            _e(row.year),
            _e(getattr(row, f"change_{lang}")),
            _names(row.city_codes.split(";"), lang),
            _e(getattr(row, f"effect_{lang}")),
            f'<span class="ycsp-path">{_e(row.see)}</span>',
        )
        for row in data.boundary_changes().itertuples()
    ]
    change_columns = [
        t(f"sources.boundaries.col.{c}", lang)
        for c in ("year", "change", "cities", "effect", "see")
    ]
    body = (
        f"<p>{_e(t('sources.boundaries.intro', lang))}</p>"
        + _table(t("sources.boundaries.cities", lang), columns, city_rows)
        + _table(t("sources.boundaries.changes", lang), change_columns, change_rows, wide=True)
    )
    return _section("boundaries", lang, body)


def status_html(lang: str) -> str:
    """How target status is judged: the rules of :mod:`ycsp_panel.analysis.population`, built
    from its constants (the tolerance), so text and computation cannot drift apart."""
    items = "".join(f"<li>{_e(rule)}</li>" for rule in status_rules(lang))
    return _section("status", lang, f"<ul>{items}</ul>")


def city_table_html(lang: str) -> str:
    """The 26 cities with province, metropolitan circle and development belts: the map as a
    table, for screen readers and anyone who cannot read the map."""
    cities = data.cities()
    names = data.entities().set_index("id")[f"name_{lang}"]
    memberships = data.memberships()
    flagged = memberships[memberships["derived"].fillna(False).astype(bool)]
    derived = set(zip(flagged["group_id"], flagged["city_code"], strict=True))
    rows = []
    for row in cities.itertuples():
        if row.code == CORE_CITY:
            circle = _e(t("map.core", lang))
        elif isinstance(row.circle, str):
            circle = _e(names[row.circle])
        else:
            circle = _e(t("map.no_circle", lang))
        belts = [
            _e(names[belt]) + (_derived(lang) if (belt, row.code) in derived else "")
            for belt in (row.belts.split(";") if isinstance(row.belts, str) else [])
        ]
        rows.append(
            (
                _e(getattr(row, f"name_{lang}")),
                _e(getattr(row, f"province_{lang}")),
                circle,
                "<br>".join(belts) or _e(t("map.no_belt", lang)),
            )
        )
    columns = [t(f"sources.cities.col.{c}", lang) for c in ("city", "province", "circle", "belts")]
    return (
        f'<section class="ycsp-sources" id="{CITY_TABLE_ID}" '
        f'aria-labelledby="{CITY_TABLE_ID}-h">'
        f'<h2 id="{CITY_TABLE_ID}-h">{_e(t("sources.cities.heading", lang))}</h2>'
        f"{_table(t('sources.cities.caption', lang), columns, rows)}</section>"
    )


def sources_html(lang: str, *, city_table: bool = False) -> str:
    """The whole tab: contents, then every section; the city table last if asked for."""
    sections = [
        plan_html(lang),
        catalogue_html(lang),
        quality_html(lang),
        geometry_html(lang),
        derived_html(lang),
        boundaries_html(lang),
        status_html(lang),
    ]
    cities = city_table_html(lang) if city_table else ""
    return f'<div class="ycsp-sources">{contents_html(lang)}{"".join(sections)}</div>{cities}'


class SourcesAndMethod(HTMLView):
    """The "Sources & method" tab, in the state's language (reads only ``state.lang``)."""

    city_table = param.Boolean(
        default=False, doc="Also show the 26 cities as a table (the map's text alternative)"
    )

    watches = ("lang",)
    stylesheets = (SOURCES_CSS,)

    def __init__(self, **params):
        super().__init__(**params)
        self.param.watch(lambda _event: self.request_refresh({"city_table"}), "city_table")

    def html(self) -> str:
        return sources_html(self.state.lang, city_table=self.city_table)


class CityTable(HTMLView):
    """The 26 cities with province, circle and belts: the map's text alternative, placed
    anywhere (e.g. under the map). Reads only ``state.lang``."""

    watches = ("lang",)
    stylesheets = (SOURCES_CSS,)

    def html(self) -> str:
        return city_table_html(self.state.lang)
