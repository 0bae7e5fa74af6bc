"""The rows behind a view, as a table and as files (CSV, Excel), and how to cite the view.

Pure functions of the state and :mod:`ycsp_panel.data`: no Panel, so a notebook gets the same
rows and files as the page's download buttons.

:func:`view_rows` gives the rows with stable column ids (:data:`ROW_COLUMNS`);
:func:`display_rows` / :func:`localized` give them in Chinese or English for the table and the
downloads; :func:`to_csv` and :func:`to_xlsx` add a header block (explorer, view, link, date,
every source) that :func:`about_lines` builds; :func:`cite_text` is "cite this view".
"""

from __future__ import annotations

import datetime
import io
import re
from typing import Protocol

import pandas as pd

from ycsp_panel import data
from ycsp_panel.i18n import Lang, t
from ycsp_panel.state import KIND_LABELS, by_selection, scope_label

NO_DATA = "no data"  # quality of a row without a value (a city or group the chart calls "no data")
COMPUTED = "computed"  # quality of a group's value: computed here from its member cities

ROW_COLUMNS = (
    "entity_id",
    "entity_type",
    "name_zh",
    "name_en",
    "indicator",
    "indicator_zh",
    "indicator_en",
    "year",
    "kind",
    "qualifier",
    "value",
    "unit",
    "direction",
    "source_id",
    "source_title_zh",
    "source_title_en",
    "quality",
    "aggregation",
    "n_cities",
    "n_members",
    "complete",
    "groups",
    "in_scope",
)
# Shown for every view; GROUP_COLUMNS only when the rows hold group values.
DISPLAY_COLUMNS = (
    "entity_id",
    "entity_type",
    "name_zh",
    "name_en",
    "indicator",
    "year",
    "kind",
    "qualifier",
    "value",
    "unit",
    "direction",
    "source_id",
    "source",
    "quality",
)
GROUP_COLUMNS = ("computed", "groups", "in_scope")


class View(Protocol):
    """What :func:`view_rows` reads of the state (an :class:`~ycsp_panel.state.ExplorerState`)."""

    indicator: str
    year: int
    kind: str
    scope: str
    compare_by: str

    @property
    def scope_cities(self) -> list[str]: ...


@by_selection("indicator", "year", "kind", "scope", "compare_by")
def view_rows(state: View) -> pd.DataFrame:
    """Exactly the figures behind the view of ``state``, one row each (:data:`ROW_COLUMNS`),
    once per process and view.

    - **Cities** (``entity_type == "city"``): every city of the scope, as the map and the
      city chart show it: its figure for ``indicator``, ``year`` and ``kind`` with qualifier,
      unit, the plan's ``direction``, source and quality, or, with no figure, an empty
      ``value`` and ``quality == "no data"`` (the chart's "no data" bar).
    - **Groups** (``compare_by`` other than ``city``, for an indicator that can be
      aggregated): a row per circle, province or belt the chart draws (every group with a city
      in the scope), computed by :func:`ycsp_panel.data.aggregate`: ``quality == "computed"``
      (``"no data"`` if none of its cities has a figure), ``aggregation`` (``sum`` or
      ``ratio``), ``n_cities`` of ``n_members`` with a figure and ``complete``. An incomplete
      group's ``value`` is the partial sum the chart draws lighter, never a total. Its
      ``source_id`` and source titles join those of its cities (``;``), and the qualifier is
      empty: the number is not printed anywhere. Every member city of those groups is a row
      too, also those outside the scope, so each group value can be re-derived; ``groups``
      names the groups a city counts in (``;``-separated ids). For a ratio the rows of its
      numerator and denominator are the inputs.
    - ``in_scope``: every city the row covers is in the scope (false for a group that reaches
      beyond it, as the chart's note says, and for a member city outside the scope).

    Groups first, then cities; each ranked as the chart ranks its bars (largest first, no
    data last, then by id). ``year`` is an integer, ``value`` a float; ``n_cities``,
    ``n_members`` and ``complete`` are empty on city rows. ``rows.attrs["view"]`` keeps the
    view (indicator, year, kind, scope, compare_by) for the files' header block.
    """
    spec = data.indicators().set_index("id").loc[state.indicator]
    scope = list(state.scope_cities)
    by = state.compare_by
    grouped = by != "city" and spec["aggregation"] != "none"
    inputs = [state.indicator]
    codes, member_of = scope, {}
    if grouped:
        members = data.group_members(by)
        shown = set(members.loc[members["city_code"].isin(scope), "group_id"])
        members = members[members["group_id"].isin(shown)]
        codes = sorted(set(scope) | set(members["city_code"]))
        member_of = (
            members.groupby("city_code")["group_id"]
            .agg(lambda ids: ";".join(sorted(ids)))
            .to_dict()
        )
        if spec["aggregation"] == "ratio":
            inputs = [spec["numerator"], spec["denominator"]]
    cities = pd.concat(
        [_city_rows(name, state.year, state.kind, codes) for name in inputs], ignore_index=True
    )
    cities["groups"] = [member_of.get(code, "") for code in cities["entity_id"]]
    cities["in_scope"] = cities["entity_id"].isin(scope)
    frames = [cities]
    if grouped:
        frames.insert(0, _group_rows(state, spec, members, cities, scope))
    rows = pd.concat(frames, ignore_index=True)
    rows = _ranked(rows)[list(ROW_COLUMNS)]
    rows = rows.astype(
        {"year": "int64", "value": "float64", "n_cities": "Int64", "n_members": "Int64"}
    )
    rows["complete"] = rows["complete"].astype("boolean")
    rows.attrs["view"] = {
        "indicator": state.indicator,
        "year": int(state.year),
        "kind": state.kind,
        "scope": state.scope,
        "compare_by": by,
    }
    return rows


def _city_rows(indicator: str, year: int, kind: str, codes: list[str]) -> pd.DataFrame:
    # Raises AmbiguousLookup, as the chart does, if a city has two figures for this choice.
    data.city_values(indicator, year, kind)
    values = data.values()
    found = values[
        (values["indicator"] == indicator)
        & (values["year"] == year)
        & (values["kind"] == kind)
        & values["entity_id"].isin(codes)
    ].drop(columns=["indicator", "year", "kind", "unit"])
    spec = data.indicators().set_index("id").loc[indicator]
    cities = data.cities().set_index("code")
    rows = pd.DataFrame({"entity_id": codes}).merge(found, on="entity_id", how="left")
    titles = data.sources().set_index("id")
    has_value = rows["value"].notna()
    return rows.assign(
        entity_type="city",
        name_zh=rows["entity_id"].map(cities["name_zh"]),
        name_en=rows["entity_id"].map(cities["name_en"]),
        indicator=indicator,
        indicator_zh=spec["name_zh"],
        indicator_en=spec["name_en"],
        year=year,
        kind=kind,
        unit=spec["unit"],
        qualifier=rows["qualifier"].fillna(""),
        direction=rows["direction"].fillna(""),
        source_id=rows["source_id"].fillna(""),
        source_title_zh=rows["source_id"].map(titles["title_zh"]).fillna(""),
        source_title_en=rows["source_id"].map(titles["title_en"]).fillna(""),
        quality=rows["quality"].where(has_value, NO_DATA),
        aggregation="",
        n_cities=pd.NA,
        n_members=pd.NA,
        complete=pd.NA,
    )


def _group_rows(
    state: View, spec: pd.Series, members: pd.DataFrame, cities: pd.DataFrame, scope: list[str]
) -> pd.DataFrame:
    aggregates = data.aggregate(state.indicator, state.year, state.kind, by=state.compare_by)
    aggregates = aggregates[aggregates["group_id"].isin(set(members["group_id"]))]
    titles = data.sources().set_index("id")
    records = []
    for group in aggregates.itertuples():
        codes = set(members.loc[members["group_id"] == group.group_id, "city_code"])
        used = cities[cities["entity_id"].isin(codes) & cities["value"].notna()]
        sources = sorted(set(used["source_id"]))
        value = group.value if group.complete else group.partial_value
        records.append(
            {
                "entity_id": group.group_id,
                "entity_type": state.compare_by,
                "name_zh": group.name_zh,
                "name_en": group.name_en,
                "indicator": state.indicator,
                "indicator_zh": spec["name_zh"],
                "indicator_en": spec["name_en"],
                "year": state.year,
                "kind": state.kind,
                "qualifier": "",
                "value": value,
                "unit": spec["unit"],
                "direction": "",
                "source_id": ";".join(sources),
                "source_title_zh": "; ".join(titles.loc[sources, "title_zh"]),
                "source_title_en": "; ".join(titles.loc[sources, "title_en"]),
                "quality": NO_DATA if pd.isna(value) else COMPUTED,
                "aggregation": spec["aggregation"],
                "n_cities": int(group.n_cities),
                "n_members": int(group.n_members),
                "complete": bool(group.complete),
                "groups": "",
                "in_scope": codes <= set(scope),
            }
        )
    return pd.DataFrame.from_records(records, columns=list(ROW_COLUMNS))


def _ranked(rows: pd.DataFrame) -> pd.DataFrame:
    keys = rows.assign(_city=rows["entity_type"] == "city", _missing=rows["value"].isna())
    keys = keys.sort_values(
        ["_city", "indicator", "_missing", "value", "entity_id"],
        ascending=[True, True, True, False, True],
    )
    return keys.drop(columns=["_city", "_missing"]).reset_index(drop=True)


# -- in Chinese or English --------------------------------------------------------------------


def column_titles(lang: Lang) -> dict[str, str]:
    """The header of every display column (:data:`DISPLAY_COLUMNS`, :data:`GROUP_COLUMNS`)."""
    return {c: t(f"table.col.{c}", lang) for c in (*DISPLAY_COLUMNS, *GROUP_COLUMNS)}


def display_rows(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The rows as the table shows them: column ids of :data:`DISPLAY_COLUMNS` (and
    :data:`GROUP_COLUMNS` when there are group rows), words in ``lang``, numbers as numbers.

    Empty text is ``""``; a missing value is NaN.
    """
    units = data.indicators().set_index("id")[f"unit_{lang}"]
    names = data.entity_names().set_index("id")[f"name_{lang}"]
    shown = pd.DataFrame(
        {
            "entity_id": rows["entity_id"],
            "entity_type": rows["entity_type"].map(lambda k: t(f"table.type.{k}", lang)),
            "name_zh": rows["name_zh"],
            "name_en": rows["name_en"],
            "indicator": rows[f"indicator_{lang}"],
            "year": rows["year"],
            "kind": rows["kind"].map(lambda k: KIND_LABELS[k][lang]),
            "qualifier": rows["qualifier"],
            "value": rows["value"],
            "unit": rows["indicator"].map(units),
            "direction": rows["direction"].map(lambda d: t(f"direction.{d}", lang) if d else ""),
            "source_id": rows["source_id"],
            "source": rows[f"source_title_{lang}"],
            "quality": rows["quality"].map(lambda q: _quality(q, lang)),
        }
    )
    if (rows["entity_type"] != "city").any():
        shown["computed"] = [_computed(row, lang) for row in rows.itertuples()]
        separator = "、" if lang == "zh" else "; "
        shown["groups"] = rows["groups"].map(
            lambda ids: separator.join(names[i] for i in ids.split(";")) if ids else ""
        )
        shown["in_scope"] = rows["in_scope"].map(
            lambda inside: t("table.yes" if inside else "table.no", lang)
        )
    return shown.reset_index(drop=True)


def localized(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """:func:`display_rows` with the headers in ``lang``: the table of the downloads."""
    return display_rows(rows, lang).rename(columns=column_titles(lang))


def _quality(quality: str, lang: Lang) -> str:
    if quality == NO_DATA:
        return t("no_data", lang)
    if quality == COMPUTED:
        return t("table.quality.computed", lang)
    return t(f"quality.{quality}", lang)


def _computed(row, lang: Lang) -> str:
    if not row.aggregation:
        return ""
    key = "table.computed.complete" if row.complete else "table.computed.partial"
    method = t(f"table.aggregation.{row.aggregation}", lang)
    return t(key, lang).format(method=method, n=row.n_cities, m=row.n_members)


# -- the header block, the files and the citation ---------------------------------------------


def sources_used(rows: pd.DataFrame) -> pd.DataFrame:
    """Every source behind the rows (``data.sources()`` columns): the plan's first, then by id."""
    ids = {i for joined in rows["source_id"] for i in joined.split(";") if i}
    sources = data.sources()
    used = sources[sources["id"].isin(ids)]
    return (
        used.assign(_plan=used["kind"] != "plan")
        .sort_values(["_plan", "id"])
        .drop(columns="_plan")
        .reset_index(drop=True)
    )


def view_text(view: dict, lang: Lang) -> str:
    """The view in words: indicator and unit, year, kind, scope and what the bars compare."""
    spec = data.indicators().set_index("id").loc[view["indicator"]]
    return t("table.about.view", lang).format(
        indicator=spec[f"name_{lang}"],
        unit=spec[f"unit_{lang}"],
        year=view["year"],
        kind=KIND_LABELS[view["kind"]][lang],
        scope=scope_label(view["scope"], lang),
        by=t(f"controls.compare_by.{view['compare_by']}", lang),
    )


def _source_line(source, lang: Lang, key: str = "table.about.source") -> str:
    title = getattr(source, f"title_{lang}")
    return t(key, lang).format(
        id=source.id, title=title, publisher=source.publisher, date=source.date
    )


def about_lines(
    rows: pd.DataFrame, lang: Lang, link: str, produced: datetime.date | None = None
) -> list[str]:
    """The header block of the files, one line each: explorer, view, link, date, sources."""
    view = _view_of(rows)
    produced = produced or datetime.date.today()
    lines = [
        t("app.title", lang),
        view_text(view, lang),
        t("table.about.link", lang).format(link=link),
        t("table.about.produced", lang).format(date=produced.isoformat()),
        t("table.about.sources", lang),
        *(_source_line(s, lang) for s in sources_used(rows).itertuples()),
    ]
    if (rows["entity_type"] != "city").any():
        lines.append(t("table.about.computed", lang))
    # One line each: a line break inside a field would end the comment early.
    return [re.sub(r"\s*[\r\n]+\s*", " ", line) for line in lines]


def _view_of(rows: pd.DataFrame) -> dict:
    try:
        return rows.attrs["view"]
    except KeyError:
        raise ValueError("rows without their view: build them with view_rows(state)") from None


def to_csv(
    rows: pd.DataFrame, lang: Lang, link: str, produced: datetime.date | None = None
) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads the Chinese), ``\\n`` line ends: the
    header block as ``# `` lines, then :func:`localized` rows.

    Read back with ``pd.read_csv(buffer, comment="#", dtype={id column: str})`` or with
    ``skiprows=len(about_lines(...))``.
    """
    head = "".join(f"# {line}\n" for line in about_lines(rows, lang, link, produced))
    body = localized(rows, lang).to_csv(index=False, lineterminator="\n")
    return (head + body).encode("utf-8-sig")


def to_xlsx(
    rows: pd.DataFrame, lang: Lang, link: str, produced: datetime.date | None = None
) -> bytes:
    """An Excel workbook: sheet ``数据``/``data`` with the :func:`localized` rows, sheet
    ``说明``/``about`` with the header block, one line per row."""
    buffer = io.BytesIO()
    table = localized(rows, lang)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name=t("table.sheet.data", lang), index=False)
        sheet = writer.sheets[t("table.sheet.data", lang)]
        sheet.freeze_panes = "A2"
        for number, column in enumerate(table.columns, start=1):
            longest = max([len(str(column)), *(len(str(v)) for v in table[column])])
            letter = sheet.cell(row=1, column=number).column_letter
            sheet.column_dimensions[letter].width = min(60, max(8, longest + 2))
        about = writer.book.create_sheet(t("table.sheet.about", lang))
        for line in about_lines(rows, lang, link, produced):
            about.append([line])
        about.column_dimensions["A"].width = 120
        writer.book.properties.title = t("app.title", lang)
    return buffer.getvalue()


def file_name(state: View, extension: str) -> str:
    """``ycsp_population_2020_target.csv``; scope and grouping added when not the default
    (``ycsp_gdp_2020_observed_circle-hefei_by-province.xlsx``)."""
    parts = ["ycsp", state.indicator, str(state.year), state.kind]
    if state.scope != "all":
        parts.append(state.scope.replace(":", "-"))
    if state.compare_by != "city":
        parts.append(f"by-{state.compare_by}")
    return "_".join(parts) + f".{extension}"


def cite_text(
    state: View, rows: pd.DataFrame, link: str, accessed: datetime.date, lang: Lang
) -> str:
    """The text to cite this view, in ``lang``: the plan, the view, every source of ``rows``
    (numbered, with publisher and date), the link and the date accessed. Plain text, one item
    a line."""
    view = {
        "indicator": state.indicator,
        "year": state.year,
        "kind": state.kind,
        "scope": state.scope,
        "compare_by": state.compare_by,
    }
    date = (
        f"{accessed.year}年{accessed.month}月{accessed.day}日"
        if lang == "zh"
        else accessed.isoformat()
    )
    sources = sources_used(rows)
    lines = [
        t("cite.plan", lang),
        t("cite.view", lang).format(app=t("app.title", lang), view=view_text(view, lang)),
        t("cite.sources", lang),
        *(
            f"{number}. {_source_line(source, lang, 'cite.source')}"
            for number, source in enumerate(sources.itertuples(), start=1)
        ),
        t("cite.link", lang).format(link=link, date=date),
    ]
    if sources.empty:
        lines.insert(3, t("cite.no_sources", lang))
    return "\n".join(lines)
