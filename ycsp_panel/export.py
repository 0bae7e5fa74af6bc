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
import json
import re
import textwrap
import zipfile
from typing import Protocol

import pandas as pd

from ycsp_panel import data
from ycsp_panel.analysis.population import Status, population_status, target_answers
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
# Shown for every view; GROUP_COLUMNS only when the rows hold group values. The downloads
# keep this order (the id first, as a data file has it).
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
# The table on the page: what answers first (who, the value and its unit, when, what kind),
# then what qualifies it and the ids, so the value is in view without scrolling sideways.
SCREEN_COLUMNS = (
    "name_zh",
    "name_en",
    "value",
    "unit",
    "qualifier",
    "year",
    "kind",
    "indicator",
    "direction",
    "quality",
    "source",
    "entity_id",
    "entity_type",
    "source_id",
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
      empty, or ``≈`` when a figure it sums is approximate (a rounded ``≈ 16,100``). Every
      member city of those groups is a row too, also those outside the scope, so each group
      value can be re-derived; ``groups`` names the groups a city counts in (``;``-separated
      ids). For a ratio the rows of its numerator and denominator are the inputs.
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
        # A sum of which a part is approximate ("≈ 16,100") is approximate too.
        rough = not pd.isna(value) and bool((used["qualifier"].fillna("=") != "=").any())
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
                "qualifier": "≈" if rough else "",
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


def display_rows(
    rows: pd.DataFrame, lang: Lang, order: tuple[str, ...] = DISPLAY_COLUMNS
) -> pd.DataFrame:
    """The rows as the table shows them: column ids of :data:`DISPLAY_COLUMNS` in ``order``
    (and :data:`GROUP_COLUMNS` when there are group rows), words in ``lang``, numbers as
    numbers.

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
    )[list(order)]
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


def source_line(rows: pd.DataFrame, lang: Lang, width: int | None = None) -> str:
    """What a saved picture of the view says of its sources, in ``lang``: the one source, or
    how many there are and where each city's is; wrapped at ``width`` characters (by default
    24 for Chinese, 44 for English: a narrow chart's frame), "" where no figure is shown."""
    sources = sources_used(rows)
    if sources.empty:
        return ""
    if len(sources) == 1:
        text = t("png.source.one", lang).format(title=sources.iloc[0][f"title_{lang}"])
    else:
        text = t("png.source.many", lang).format(n=len(sources))
    width = width or (24 if lang == "zh" else 44)
    if lang == "zh":
        return "\n".join(text[i : i + width] for i in range(0, len(text), width))
    return "\n".join(textwrap.wrap(text, width, break_long_words=False))


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


def to_csv(rows: pd.DataFrame, lang: Lang) -> bytes:
    """The :func:`localized` rows, header first: UTF-8 with a byte-order mark (so Excel reads
    the Chinese; pandas skips it), ``\n`` line ends. Read back with
    ``pd.read_csv(path, dtype={id column: str})`` (the ids are codes such as ``310000``).
    Its provenance is in :func:`to_zip`."""
    return _frame_csv(localized(rows, lang))


def _frame_csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def _sources_json(sources: pd.DataFrame, lang: Lang) -> list[dict]:
    return [
        {
            "id": s.id,
            "title": getattr(s, f"title_{lang}"),
            "publisher": s.publisher,
            "date": s.date,
            **({"url": s.url} if isinstance(s.url, str) and s.url else {}),
        }
        for s in sources.itertuples()
    ]


def metadata(
    rows: pd.DataFrame, lang: Lang, link: str, produced: datetime.date | None = None
) -> dict:
    """The provenance of a view's rows (the ``metadata.json`` of :func:`to_zip`): title,
    view, link, date, language, columns (id and header) and every source."""
    view = _view_of(rows)
    columns = column_titles(lang)
    shown = display_rows(rows, lang).columns
    notes = [t("table.about.computed", lang)] if (rows["entity_type"] != "city").any() else []
    return {
        "title": t("app.title", lang),
        "view": view_text(view, lang),
        "link": link,
        "produced": (produced or datetime.date.today()).isoformat(),
        "language": lang,
        "columns": [{"id": c, "title": columns[c]} for c in shown],
        "notes": notes,
        "sources": _sources_json(sources_used(rows), lang),
    }


def package(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` (name → bytes), deflated, in the given order, with fixed dates (the
    same files give the same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2016, 6, 1, 0, 0, 0)), content)
    return buffer.getvalue()


def to_zip(
    rows: pd.DataFrame, lang: Lang, link: str, produced: datetime.date | None = None, name=None
) -> bytes:
    """The view's rows as ``<name>.csv`` (:func:`to_csv`) beside ``metadata.json``
    (:func:`metadata`) and ``README.txt`` (:func:`about_lines` and how to read the CSV)."""
    return _with_provenance(
        f"{name or 'ycsp'}.csv",
        to_csv(rows, lang),
        about_lines(rows, lang, link, produced),
        metadata(rows, lang, link, produced),
        column_titles(lang)["entity_id"],
        lang,
    )


def _with_provenance(
    csv_name: str, csv: bytes, lines: list[str], meta: dict, id_column: str, lang: Lang
) -> bytes:
    """A CSV beside its ``metadata.json`` and a ``README.txt`` of ``lines`` and how to read
    it, zipped (:func:`package`)."""
    read = t("table.about.read", lang).format(file=csv_name, column=id_column)
    return package(
        {
            csv_name: csv,
            "metadata.json": json.dumps(meta, ensure_ascii=False, indent=2).encode("utf-8"),
            "README.txt": ("\n".join([*lines, "", read]) + "\n").encode("utf-8"),
        }
    )


# -- the whole dataset, and the plan against the census ----------------------------------------

DATASET_COLUMNS = (
    *("entity_id", "entity_type", "name_zh", "name_en", "indicator", "indicator_zh"),
    *("indicator_en", "year", "kind", "qualifier", "value", "unit", "direction", "precision"),
    *("source_id", "source_zh", "source_en", "quality", "source_text", "note"),
)


def dataset_rows() -> pd.DataFrame:
    """Every value of the data (:func:`ycsp_panel.data.values`) with the names of what it
    describes, of its indicator and of its source (:data:`DATASET_COLUMNS`; stable column ids,
    names in both languages). Sorted by entity, indicator, year and kind."""
    values = data.values()
    names = data.entity_names().drop_duplicates("id").set_index("id")
    indicators = data.indicators().set_index("id")
    sources = data.sources().set_index("id")

    def titles(ids: str, lang: str) -> str:
        return "; ".join(sources.loc[i, f"title_{lang}"] for i in str(ids).split(";") if i)

    frame = pd.DataFrame(
        {
            "entity_id": values["entity_id"],
            "entity_type": values["entity_id"].map(names["type"]),
            "name_zh": values["entity_id"].map(names["name_zh"]),
            "name_en": values["entity_id"].map(names["name_en"]),
            "indicator": values["indicator"],
            "indicator_zh": values["indicator"].map(indicators["name_zh"]),
            "indicator_en": values["indicator"].map(indicators["name_en"]),
            "year": values["year"],
            "kind": values["kind"],
            "qualifier": values["qualifier"],
            "value": values["value"],
            "unit": values["unit"],
            "direction": values["direction"].fillna(""),
            "precision": values["precision"].fillna(""),
            "source_id": values["source_id"],
            "source_zh": [titles(i, "zh") for i in values["source_id"]],
            "source_en": [titles(i, "en") for i in values["source_id"]],
            "quality": values["quality"],
            "source_text": values["source_text"].fillna(""),
            "note": values["note"].fillna(""),
        }
    )
    return frame.sort_values(
        ["entity_id", "indicator", "year", "kind"], na_position="first", kind="stable"
    ).reset_index(drop=True)


def _package_of(
    frame: pd.DataFrame,
    csv_name: str,
    title_key: str,
    used: pd.DataFrame,
    lang: Lang,
    link: str,
    produced: datetime.date | None,
) -> bytes:
    """A whole-data download (``frame``, stable column ids) packaged as the view's are, its
    README and metadata naming ``used`` (:func:`sources_used`)."""
    produced = produced or datetime.date.today()
    title = t(title_key, lang)
    lines = [
        t("app.title", lang),
        title,
        t("table.about.link", lang).format(link=link),
        t("table.about.produced", lang).format(date=produced.isoformat()),
        t("table.about.sources", lang),
        *(_source_line(s, lang) for s in used.itertuples()),
    ]
    lines = [re.sub(r"\s*[\r\n]+\s*", " ", line) for line in lines]
    meta = {
        "title": t("app.title", lang),
        "contents": title,
        "link": link,
        "produced": produced.isoformat(),
        "language": lang,
        "columns": [{"id": c} for c in frame.columns],
        "rows": len(frame),
        "sources": _sources_json(used, lang),
    }
    return _with_provenance(csv_name, _frame_csv(frame), lines, meta, "entity_id", lang)


def dataset_zip(lang: Lang, link: str, produced: datetime.date | None = None) -> bytes:
    """:func:`dataset_rows` as ``ycsp_values.csv`` with its ``metadata.json`` and
    ``README.txt`` (every source it cites)."""
    rows = dataset_rows()
    used = sources_used(rows)
    return _package_of(rows, "ycsp_values.csv", "table.dataset.title", used, lang, link, produced)


COMPARISON_COLUMNS = (
    *("entity_id", "entity_type", "name_zh", "name_en", "expected_2020", "direction"),
    *("census_2020", "gap", "gap_pct", "status", "status_zh", "status_en"),
    *("reason_zh", "reason_en", "unit", "plan_source_id", "census_source_id"),
)


def comparison_rows() -> pd.DataFrame:
    """The plan's 2020 population figure against the 2020 census for every city and group
    (:func:`ycsp_panel.analysis.population.target_answers`), 10k persons, with the status in
    words and the sources of both figures (:data:`COMPARISON_COLUMNS`)."""
    answers = target_answers()
    cities = population_status().set_index("code")
    plan = data.values()
    plan = plan[(plan["indicator"] == "population") & (plan["year"] == 2020)]
    plan_sources = plan[plan["kind"] == "target"].drop_duplicates("entity_id")
    plan_sources = plan_sources.set_index("entity_id")["source_id"]
    census_sources = cities["census_2020_source"]
    members = {
        by: data.group_members(by).groupby("group_id")["city_code"].agg(list)
        for by in set(answers["entity_type"]) - {"city"}
    }

    def of_members(sources: pd.Series) -> list[str]:
        """Each row's source ids: a city's own, a group's members' (joined by ``;``)."""
        return [
            sources.get(row.entity_id, "")
            if row.entity_type == "city"
            else ";".join(
                sorted(set(sources.reindex(members[row.entity_type][row.entity_id]).dropna()))
            )
            for row in answers.itertuples()
        ]

    return pd.DataFrame(
        {
            "entity_id": answers["entity_id"],
            "entity_type": answers["entity_type"],
            "name_zh": answers["name_zh"],
            "name_en": answers["name_en"],
            "expected_2020": answers["expected_2020"],
            "direction": answers["direction"],
            "census_2020": answers["census_2020"].round(4),
            "gap": answers["gap"],
            "gap_pct": answers["gap_pct"].round(3),
            "status": answers["status"],
            "status_zh": [Status(s).label("zh") for s in answers["status"]],
            "status_en": [Status(s).label("en") for s in answers["status"]],
            "reason_zh": answers["reason_zh"],
            "reason_en": answers["reason_en"],
            "unit": "10k persons",
            "plan_source_id": of_members(plan_sources),
            "census_source_id": of_members(census_sources),
        }
    )


def comparison_zip(lang: Lang, link: str, produced: datetime.date | None = None) -> bytes:
    """:func:`comparison_rows` as ``ycsp_population_2020_plan_vs_census.csv`` with its
    ``metadata.json`` and ``README.txt``."""
    rows = comparison_rows()
    both = rows["plan_source_id"].fillna("") + ";" + rows["census_source_id"].fillna("")
    used = sources_used(pd.DataFrame({"source_id": both}))
    name = "ycsp_population_2020_plan_vs_census.csv"
    return _package_of(rows, name, "table.comparison.title", used, lang, link, produced)


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
