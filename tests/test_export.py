"""The rows behind a view, their files (CSV, Excel) and "cite this view"."""

from __future__ import annotations

import datetime
import io
import json
import re
import subprocess
import sys
import zipfile
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from ycsp_panel import data, export
from ycsp_panel.i18n import LABELS, t
from ycsp_panel.state import ExplorerState, scope_members
from ycsp_panel.views.chart import comparison

SHANGHAI, SUZHOU, NANJING = "310000", "320500", "320100"
PRODUCED = datetime.date(2025, 3, 4)
LINK = "http://127.0.0.1:5006/app?v=1&lang=zh&scope=all&indicator=population"

CITY_VIEWS = {
    "population 2020 target, all cities": {"indicator": "population", "year": 2020},
    "population 2030 forecast, Hefei circle": {
        "indicator": "population",
        "year": 2030,
        "kind": "forecast",
        "scope": "circle:hefei",
    },
    "population 2014 observed, Jiangsu": {
        "indicator": "population",
        "year": 2014,
        "kind": "observed",
        "scope": "province:320000",
    },
    "gdp 2020 observed (gaps)": {"indicator": "gdp", "year": 2020, "kind": "observed"},
    "census 2010 (gaps), riverside belt": {
        "indicator": "population_census",
        "year": 2010,
        "kind": "observed",
        "scope": "belt:belt_riverside",
    },
}
GROUP_VIEWS = {
    "population 2020 target by circle": {"indicator": "population", "compare_by": "circle"},
    "population 2014 by province, Nanjing circle": {
        "indicator": "population",
        "year": 2014,
        "kind": "observed",
        "scope": "circle:nanjing",
        "compare_by": "province",
    },
    "gdp 2020 by circle (partial)": {
        "indicator": "gdp",
        "year": 2020,
        "kind": "observed",
        "compare_by": "circle",
    },
    "gdp 2014 by belt (partial)": {
        "indicator": "gdp",
        "year": 2014,
        "kind": "observed",
        "compare_by": "belt",
    },
    "census 2020 by province, Anhui": {
        "indicator": "population_census",
        "year": 2020,
        "kind": "observed",
        "scope": "province:340000",
        "compare_by": "province",
    },
}
ALL_VIEWS = {**CITY_VIEWS, **GROUP_VIEWS}


def state_of(lang: str = "zh", **view) -> ExplorerState:
    state = ExplorerState(lang=lang, **view)
    # The state moves an invalid choice: make sure each test gets the view it names.
    assert all(getattr(state, k) == v for k, v in view.items()), view
    return state


def values_of(frame: pd.DataFrame, id_column: str = "entity_id") -> dict[str, float]:
    return dict(zip(frame[id_column], frame["value"], strict=True))


def same(a: dict[str, float], b: dict[str, float]) -> bool:
    return a.keys() == b.keys() and all(
        (np.isnan(a[k]) and np.isnan(b[k])) or a[k] == pytest.approx(b[k]) for k in a
    )


@pytest.mark.parametrize("view", CITY_VIEWS.values(), ids=CITY_VIEWS.keys())
def test_city_rows_are_the_chart_bars_in_the_chart_order(view):
    state = state_of(**view)
    rows = export.view_rows(state)
    bars = comparison(state).bars
    assert list(rows.columns) == list(export.ROW_COLUMNS)
    assert set(rows["entity_type"]) == {"city"}
    assert list(rows["entity_id"]) == list(bars["id"])
    assert same(values_of(rows), values_of(bars, "id"))
    assert sorted(rows["entity_id"]) == scope_members(state.scope)


def test_cities_without_a_value_are_explicit_no_data_rows():
    rows = export.view_rows(state_of(indicator="gdp", year=2020, kind="observed"))
    missing = rows[rows["value"].isna()]
    assert len(rows) == 26 and len(missing) == 26 - 24
    assert set(missing["quality"]) == {export.NO_DATA}
    assert set(missing["source_id"]) == {""} and set(missing["qualifier"]) == {""}
    # No data last, as in the chart; the rest largest first.
    assert rows["value"].iloc[:24].is_monotonic_decreasing
    assert rows["value"].iloc[24:].isna().all()


@pytest.mark.parametrize("view", ALL_VIEWS.values(), ids=ALL_VIEWS.keys())
def test_every_city_row_is_its_row_in_the_data(view):
    state = state_of(**view)
    rows = export.view_rows(state)
    cities = rows[(rows["entity_type"] == "city") & rows["value"].notna()]
    source = data.values()
    source = source[(source["year"] == state.year) & (source["kind"] == state.kind)]
    source = source.set_index(["entity_id", "indicator"])
    titles = data.sources().set_index("id")
    for row in cities.itertuples():
        original = source.loc[(row.entity_id, row.indicator)]
        assert row.value == original["value"]
        assert (row.unit, row.qualifier, row.source_id, row.quality) == (
            original["unit"],
            original["qualifier"],
            original["source_id"],
            original["quality"],
        )
        assert row.direction == (original["direction"] if pd.notna(original["direction"]) else "")
        assert row.source_title_zh == titles.loc[row.source_id, "title_zh"]
        assert row.source_title_en == titles.loc[row.source_id, "title_en"]


def test_shanghai_2020_target_is_a_ceiling_from_table_3():
    rows = export.view_rows(state_of(indicator="population", year=2020)).set_index("entity_id")
    shanghai = rows.loc[SHANGHAI]
    assert (shanghai["value"], shanghai["unit"], shanghai["direction"]) == (
        2500.0,
        "10k persons",
        "ceiling",
    )
    assert shanghai["source_id"] == "plan:ch3.s2.table3" and shanghai["quality"] == "plan"
    assert (shanghai["name_zh"], shanghai["name_en"]) == ("上海市", "Shanghai")
    assert (shanghai["indicator_zh"], shanghai["year"], shanghai["kind"]) == (
        "常住人口",
        2020,
        "target",
    )


@pytest.mark.parametrize("view", GROUP_VIEWS.values(), ids=GROUP_VIEWS.keys())
def test_group_rows_are_the_chart_bars(view):
    state = state_of(**view)
    rows = export.view_rows(state)
    groups = rows[rows["entity_type"] == state.compare_by]
    bars = comparison(state).bars
    assert list(groups["entity_id"]) == list(bars["id"])
    assert same(values_of(groups), values_of(bars, "id"))
    assert list(groups["complete"]) == list(bars["complete"])
    # Groups come first, then their cities.
    assert list(rows["entity_type"][: len(groups)]) == [state.compare_by] * len(groups)
    assert set(rows["entity_type"][len(groups) :]) == {"city"}


@pytest.mark.parametrize("view", GROUP_VIEWS.values(), ids=GROUP_VIEWS.keys())
def test_group_values_can_be_rederived_from_the_member_rows(view):
    state = state_of(**view)
    rows = export.view_rows(state)
    groups = rows[rows["entity_type"] == state.compare_by]
    cities = rows[rows["entity_type"] == "city"]
    aggregates = data.aggregate(state.indicator, state.year, state.kind, by=state.compare_by)
    aggregates = aggregates.set_index("group_id")
    for group in groups.itertuples():
        members = cities[[group.entity_id in ids.split(";") for ids in cities["groups"]]]
        with_value = members[members["value"].notna()]
        assert len(members) == group.n_members == aggregates.loc[group.entity_id, "n_members"]
        assert len(with_value) == group.n_cities == aggregates.loc[group.entity_id, "n_cities"]
        assert group.complete == (group.n_cities == group.n_members)
        assert group.aggregation == "sum"
        rough = (with_value["qualifier"] != "=").any()  # ≈ when a summed figure is rounded
        assert group.qualifier == ("≈" if rough else "")
        if with_value.empty:
            assert np.isnan(group.value) and group.quality == export.NO_DATA
        else:
            assert group.value == pytest.approx(with_value["value"].sum())
            assert group.quality == export.COMPUTED
            assert group.source_id.split(";") == sorted(set(with_value["source_id"]))


def test_partial_groups_are_marked_and_keep_the_partial_sum():
    state = state_of(indicator="gdp", year=2020, kind="observed", compare_by="circle")
    rows = export.view_rows(state).set_index("entity_id")
    partial = rows[rows["complete"].fillna(True).eq(False)]
    assert len(partial)  # gdp 2020 misses cities in some circles
    for group in partial.itertuples():
        assert group.n_cities < group.n_members
    shown = export.display_rows(export.view_rows(state), "en").set_index("entity_id")
    assert shown.loc[partial.index, "computed"].str.startswith("partial, not a total").all()


def test_members_outside_the_scope_are_included_and_marked():
    state = state_of(
        indicator="population",
        year=2014,
        kind="observed",
        scope="circle:nanjing",
        compare_by="province",
    )
    rows = export.view_rows(state).set_index("entity_id")
    jiangsu = set(data.cities().query("province_code == '320000'")["code"])
    scope = set(state.scope_cities)
    assert list(rows[rows["entity_type"] == "province"].index) == ["320000"]
    assert not rows.loc["320000", "in_scope"]  # Jiangsu reaches beyond the Nanjing circle
    cities = rows[rows["entity_type"] == "city"]
    assert set(cities.index) == jiangsu
    assert set(cities.index[cities["in_scope"]]) == scope


def test_scope_cities_in_no_group_are_still_rows():
    rows = export.view_rows(state_of(indicator="population", compare_by="circle"))
    cities = rows[rows["entity_type"] == "city"].set_index("entity_id")
    assert len(cities) == 26
    assert cities.loc[SHANGHAI, "groups"] == ""  # the core, in no circle
    assert cities.loc[NANJING, "groups"] == "nanjing"


def test_a_rate_in_group_mode_gives_the_cities_only():
    state = state_of(
        indicator="urbanization_rate_census", year=2020, kind="observed", compare_by="circle"
    )
    assert comparison(state).message is not None  # the chart says it cannot aggregate
    rows = export.view_rows(state)
    assert set(rows["entity_type"]) == {"city"} and len(rows) == 26
    assert rows["value"].notna().sum() == 4


def test_a_ratio_group_brings_its_numerator_and_denominator_rows():
    # No ratio indicator has stored city values, so the state never offers one: read the rows
    # for a view-like object.
    view = SimpleNamespace(
        indicator="gdp_per_capita",
        year=2014,
        kind="observed",
        scope="all",
        compare_by="province",
        scope_cities=scope_members("all"),
    )
    rows = export.view_rows(view)
    groups = rows[rows["entity_type"] == "province"].set_index("entity_id")
    cities = rows[rows["entity_type"] == "city"]
    assert set(cities["indicator"]) == {"gdp", "population"}
    assert set(groups["aggregation"]) == {"ratio"}
    zhejiang = cities[cities["groups"] == "330000"].pivot(
        index="entity_id", columns="indicator", values="value"
    )
    both = zhejiang.dropna()
    assert len(both) == groups.loc["330000", "n_cities"] > 0
    per_capita = (both["gdp"].sum() * 1e8) / (both["population"].sum() * 1e4)
    assert groups.loc["330000", "value"] == pytest.approx(per_capita)
    assert groups.loc["330000", "unit"] == "CNY/person"


def test_display_rows_and_headers_follow_the_language():
    rows = export.view_rows(state_of(indicator="population", year=2020))
    zh, en = export.localized(rows, "zh"), export.localized(rows, "en")
    assert list(zh.columns) == [t(f"table.col.{c}", "zh") for c in export.DISPLAY_COLUMNS]
    assert list(en.columns) == [t(f"table.col.{c}", "en") for c in export.DISPLAY_COLUMNS]
    assert set(zh["类型"]) == {"规划预期"} and set(en["Kind"]) == {"plan target"}
    assert set(zh["单位"]) == {"万人"} and set(en["Unit"]) == {"10,000 persons"}
    assert set(zh["数据质量"]) == {"规划原文"} and set(en["Quality"]) == {"plan text"}
    shanghai = en[en["ID"] == SHANGHAI].iloc[0]
    assert shanghai["Plan's intent"] == "ceiling: strictly controlled"
    assert (
        shanghai["Source"] == data.sources().set_index("id").loc["plan:ch3.s2.table3", "title_en"]
    )
    assert "Member of" not in en.columns  # group columns only with group rows


def test_group_display_says_how_a_value_was_computed():
    rows = export.view_rows(state_of(indicator="population", compare_by="province"))
    shown = export.display_rows(rows, "zh").set_index("entity_id")
    assert list(shown.columns) == [
        c for c in (*export.DISPLAY_COLUMNS, *export.GROUP_COLUMNS) if c != "entity_id"
    ]
    assert shown.loc["320000", "computed"] == "9个成员城市全部有数据：求和"
    assert shown.loc["320000", "quality"] == "计算值（由成员城市计算）"
    assert shown.loc[SUZHOU, "groups"] == "江苏省" and shown.loc[SUZHOU, "in_scope"] == "是"


# -- files ------------------------------------------------------------------------------------


def read_back_csv(raw: bytes, rows: pd.DataFrame, lang: str, **options) -> pd.DataFrame:
    id_column = t("table.col.entity_id", lang)
    return pd.read_csv(io.BytesIO(raw), dtype={id_column: str}, **options)


def expected_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    # Empty text reads back as missing.
    return export.localized(rows, lang).replace("", np.nan)


def unzipped(raw: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("view", ALL_VIEWS.values(), ids=ALL_VIEWS.keys())
def test_csv_is_header_first_and_reads_back_with_a_bare_read_csv(view, lang):
    rows = export.view_rows(state_of(lang, **view))
    raw = export.to_csv(rows, lang)
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so that Excel reads UTF-8
    first = raw.decode("utf-8-sig").splitlines()[0]
    assert first.split(",")[0] == t("table.col.entity_id", lang)  # the header, nothing before
    expected = expected_table(rows, lang)
    bare = pd.read_csv(io.BytesIO(raw))  # no options at all
    assert list(bare.columns) == list(expected.columns) and len(bare) == len(expected)
    assert bare[t("table.col.entity_id", lang)].astype(str).tolist() == rows["entity_id"].tolist()
    back = read_back_csv(raw, rows, lang)
    pd.testing.assert_frame_equal(back, expected, check_dtype=False)
    assert back[t("table.col.name_zh", lang)].str.contains("[\u4e00-\u9fff]").all()


@pytest.mark.parametrize("view", ALL_VIEWS.values(), ids=ALL_VIEWS.keys())
def test_the_zip_holds_the_csv_its_readme_and_metadata(view):
    state = state_of("en", **view)
    rows = export.view_rows(state)
    files = unzipped(export.to_zip(rows, "en", LINK, PRODUCED, name="ycsp_view"))
    assert list(files) == ["ycsp_view.csv", "metadata.json", "README.txt"]
    assert files["ycsp_view.csv"] == export.to_csv(rows, "en")
    head = files["README.txt"].decode("utf-8").splitlines()
    assert head[: len(export.about_lines(rows, "en", LINK, PRODUCED))] == export.about_lines(
        rows, "en", LINK, PRODUCED
    )
    assert head[0] == t("app.title", "en")
    assert 'pandas.read_csv("ycsp_view.csv", dtype={"ID": str})' in head[-1]
    spec = data.indicators().set_index("id").loc[state.indicator]
    assert spec["name_en"] in head[1] and str(state.year) in head[1]
    assert f"Link: {LINK}" in head and "Produced: 2025-03-04" in head
    used = {s for ids in rows["source_id"] for s in ids.split(";") if s}
    assert used  # every view here has figures
    sources = data.sources().set_index("id")
    for source_id in used:
        line = f"{source_id}: {sources.loc[source_id, 'title_en']}"
        assert any(h.startswith(line) and sources.loc[source_id, "publisher"] in h for h in head)
    meta = json.loads(files["metadata.json"])
    assert {s["id"] for s in meta["sources"]} == used
    assert meta["link"] == LINK and meta["produced"] == "2025-03-04"
    assert [c["title"] for c in meta["columns"]] == list(expected_table(rows, "en").columns)


def test_every_value_with_its_source_in_one_download():
    files = unzipped(export.dataset_zip("en", LINK, PRODUCED))
    assert list(files) == ["ycsp_values.csv", "metadata.json", "README.txt"]
    back = pd.read_csv(io.BytesIO(files["ycsp_values.csv"]), dtype={"entity_id": str})
    values = data.values()
    assert len(back) == len(values) and list(back.columns) == list(export.DATASET_COLUMNS)
    suzhou = back[(back["entity_id"] == "320500") & (back["indicator"] == "population")]
    target = suzhou[(suzhou["year"] == 2020) & (suzhou["kind"] == "target")]
    assert target["value"].tolist() == [1100.0] and target["source_zh"].str.len().iloc[0] > 0
    assert back["source_en"].str.len().min() > 0  # every value names its source
    meta = json.loads(files["metadata.json"])
    cited = {i for ids in values["source_id"] for i in ids.split(";") if i}
    assert {s["id"] for s in meta["sources"]} == cited and meta["rows"] == len(values)


def test_the_plan_against_the_census_in_one_download():
    files = unzipped(export.comparison_zip("zh", LINK, PRODUCED))
    name = "ycsp_population_2020_plan_vs_census.csv"
    back = pd.read_csv(io.BytesIO(files[name]), dtype={"entity_id": str})
    assert len(back) == 26 + 5 + 4 + 4 + 1  # cities, circles, provinces, belts, the cluster
    suzhou = back.set_index("entity_id").loc["320500"]
    assert (suzhou["expected_2020"], round(suzhou["gap"], 1)) == (1100.0, 174.8)
    assert suzhou["status"] == "above" and suzhou["census_source_id"] == "census2020:suzhou"
    hefei = back[(back["entity_type"] == "circle") & (back["entity_id"] == "hefei")].iloc[0]
    assert hefei["status"] == "below" and round(hefei["gap_pct"], 1) == -2.1
    assert set(hefei["census_source_id"].split(";")) == {
        "census2020:hefei",
        "census2020:wuhu",
        "census2020:maanshan",
    }
    assert "2020年人口" in files["README.txt"].decode("utf-8")


def test_csv_header_in_chinese_names_scope_and_grouping():
    state = state_of(
        indicator="population",
        year=2014,
        kind="observed",
        scope="circle:nanjing",
        compare_by="province",
    )
    head = export.about_lines(export.view_rows(state), "zh", LINK, PRODUCED)
    assert head[1] == "视图：常住人口（万人），2014年，实际；范围：都市圈 · 南京都市圈；比较：省份"
    assert head[-1] == t("table.about.computed", "zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("view", ALL_VIEWS.values(), ids=ALL_VIEWS.keys())
def test_xlsx_reads_back_as_the_rows(view, lang):
    rows = export.view_rows(state_of(lang, **view))
    raw = export.to_xlsx(rows, lang, LINK, PRODUCED)
    sheets = pd.read_excel(io.BytesIO(raw), sheet_name=None, header=None)
    assert list(sheets) == [t("table.sheet.data", lang), t("table.sheet.about", lang)]
    id_column = t("table.col.entity_id", lang)
    back = pd.read_excel(io.BytesIO(raw), sheet_name=0, dtype={id_column: str})
    pd.testing.assert_frame_equal(back, expected_table(rows, lang), check_dtype=False)
    about = list(sheets[t("table.sheet.about", lang)][0])
    assert about == export.about_lines(rows, lang, LINK, PRODUCED)


def test_files_need_rows_that_know_their_view():
    rows = export.view_rows(state_of(indicator="population", year=2020))
    bare = pd.DataFrame(rows.to_dict("list"))  # the same rows, without their view
    assert export.to_zip(rows, "zh", LINK)
    with pytest.raises(ValueError, match="view_rows"):
        export.to_zip(bare, "zh", LINK)


def test_file_names():
    assert export.file_name(state_of(indicator="population", year=2020), "csv") == (
        "ycsp_population_2020_target.csv"
    )
    state = state_of(
        indicator="gdp", year=2020, kind="observed", scope="circle:hefei", compare_by="province"
    )
    assert export.file_name(state, "xlsx") == (
        "ycsp_gdp_2020_observed_circle-hefei_by-province.xlsx"
    )


# -- cite this view ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("view", ALL_VIEWS.values(), ids=ALL_VIEWS.keys())
def test_cite_names_the_plan_every_source_the_date_and_the_link(view, lang):
    state = state_of(lang, **view)
    rows = export.view_rows(state)
    text = export.cite_text(state, rows, LINK, datetime.date(2025, 7, 9), lang)
    lines = text.splitlines()
    assert lines[0] == t("cite.plan", lang)
    used = {s for ids in rows["source_id"] for s in ids.split(";") if s}
    numbered = [line for line in lines if re.match(r"\d+\. ", line)]
    assert [int(line.split(".")[0]) for line in numbered] == list(range(1, len(used) + 1))
    sources = data.sources().set_index("id")
    for source_id in used:
        title, publisher = sources.loc[source_id, [f"title_{lang}", "publisher"]]
        [line] = [line for line in numbered if line.split(" ", 1)[1].startswith(title)]
        assert publisher in line
    assert LINK in lines[-1]
    assert ("2025年7月9日" if lang == "zh" else "2025-07-09") in lines[-1]
    spec = data.indicators().set_index("id").loc[state.indicator]
    assert spec[f"name_{lang}"] in text


def test_cite_plan_reference_agrees_with_the_plan_sources():
    plan = data.sources().query("kind == 'plan'")
    [publisher] = set(plan["publisher"])
    [date] = set(plan["date"])
    assert date == "2016-06"
    zh, en = LABELS["cite.plan"]["zh"], LABELS["cite.plan"]["en"]
    assert zh.startswith(publisher.split(" ")[0]) and "2016年6月" in zh
    assert "《长江三角洲城市群发展规划》" in zh and "发改规划〔2016〕1176号" in zh
    assert "June 2016" in en and "No. 1176" in en
    # The same document number as the data's own description of the plan's text.
    readme = (data.data_dir() / "sources" / "README.md").read_text(encoding="utf-8")
    assert "发改规划〔2016〕1176号" in readme


def test_export_does_not_import_panel():
    code = "import sys, ycsp_panel.export; print('panel' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
