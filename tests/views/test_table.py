"""The data table: follows the state, speaks its language, hands out the view's files."""

from __future__ import annotations

import base64
import datetime
import io
import re
import zipfile

import numpy as np
import pandas as pd
import panel as pn
import pytest
from panel.io.location import Location
from panel.util import edit_readonly

from ycsp_panel import export
from ycsp_panel.i18n import t
from ycsp_panel.state import ExplorerState
from ycsp_panel.url import to_query
from ycsp_panel.views.table import DataTable, page_link

SHANGHAI, SUZHOU = "310000", "320500"


def table_of(**params) -> tuple[ExplorerState, DataTable]:
    state = ExplorerState(**params)
    table = DataTable(state=state)
    table.__panel__()
    return state, table


def expected(state: ExplorerState) -> pd.DataFrame:
    return export.display_rows(export.view_rows(state), state.lang, export.SCREEN_COLUMNS)


def clicked(button) -> bytes:
    """What the browser receives when the download button is clicked."""
    button._clicks += 1
    header, _, payload = button.data.partition(",")
    assert header.endswith(";base64")
    return base64.b64decode(payload)


def test_the_table_shows_the_view_rows_and_follows_the_state():
    state, view = table_of(lang="en")
    table = view._table
    pd.testing.assert_frame_equal(table.value, expected(state))
    assert len(table.value) == 26 and table.value["entity_id"].iloc[0] == SHANGHAI
    assert table.disabled and not table.show_index and table.header_filters

    state.indicator = "gdp"  # moves to 2020 observed: 24 of 26 cities with a value
    pd.testing.assert_frame_equal(table.value, expected(state))
    assert table.value["value"].notna().sum() == 24

    state.scope = "circle:hefei"
    assert sorted(table.value["entity_id"]) == ["340100", "340200", "340500"]

    state.compare_by = "circle"
    pd.testing.assert_frame_equal(table.value, expected(state))
    assert table.value["entity_id"].iloc[0] == "hefei" and "computed" in table.value.columns

    state.year = 2014
    pd.testing.assert_frame_equal(table.value, expected(state))
    assert set(table.value["year"]) == {2014}
    assert t("table.summary", "en").format(n=len(table.value)) in view._heading.object


def test_headers_labels_and_names_follow_the_language():
    state, view = table_of(lang="zh")
    table = view._table
    assert table.titles["value"] == "数值" and table.titles["source"] == "来源"
    assert set(table.value["kind"]) == {"规划预期"}
    assert view.csv.label == "下载 CSV（zip）" and view.xlsx.label == "下载 Excel"
    assert table.get_root().html_attributes == {"role": "region", "aria-label": "本视图的数据表"}
    assert "数据表" in view._heading.object and "引用本视图" in view._cite.object

    state.lang = "en"
    assert table.titles["value"] == "Value" and table.titles["source"] == "Source"
    assert set(table.value["kind"]) == {"plan target"}
    assert view.csv.label == "Download CSV (zip)" and view.xlsx.label == "Download Excel"
    assert view.dataset.label == "Download every value (zip)"
    assert view.comparison.label == "Download plan vs census (zip)"
    assert view.xlsx.description == t("table.download.xlsx.description", "en")
    assert table.aria_label == "Data table of this view"
    assert "Data table" in view._heading.object and "Cite this view" in view._cite.object


def test_file_names_follow_the_view():
    state, view = table_of()
    assert view.csv.filename == "ycsp_population_2020_target.zip"
    state.param.update(scope="province:340000", compare_by="province")
    assert view.csv.filename == "ycsp_population_2020_target_province-340000_by-province.zip"
    assert view.xlsx.filename == "ycsp_population_2020_target_province-340000_by-province.xlsx"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_csv_button_gives_the_rows_of_the_view_at_click_time(lang, monkeypatch):
    monkeypatch.setattr(pn.state, "_location", None)
    state, view = table_of(lang=lang)
    state.param.update(indicator="gdp", compare_by="circle")  # changed after the table was made
    raw = clicked(view.csv)
    rows = export.view_rows(state)
    id_column = t("table.col.entity_id", lang)
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        name = export.file_name(state, "csv")
        assert archive.namelist() == [name, "metadata.json", "README.txt"]
        back = pd.read_csv(archive.open(name), dtype={id_column: str})
        head = archive.read("README.txt").decode("utf-8").splitlines()
    want = export.localized(rows, lang).replace("", np.nan)
    pd.testing.assert_frame_equal(back, want, check_dtype=False)
    # No page outside a server: the link is the state's query string.
    assert t("table.about.link", lang).format(link=to_query(state)) in head


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_excel_button_gives_the_rows_and_an_about_sheet(lang):
    state, view = table_of(lang=lang, scope="circle:nanjing", compare_by="province")
    raw = clicked(view.xlsx)
    rows = export.view_rows(state)
    id_column = t("table.col.entity_id", lang)
    back = pd.read_excel(io.BytesIO(raw), sheet_name=0, dtype={id_column: str})
    pd.testing.assert_frame_equal(
        back, export.localized(rows, lang).replace("", np.nan), check_dtype=False
    )
    about = pd.read_excel(io.BytesIO(raw), sheet_name=t("table.sheet.about", lang), header=None)
    lines = list(about[0])
    assert lines[0] == t("app.title", lang)
    assert any("plan:ch3.s2.table3" in line for line in lines)


def test_the_default_link_is_this_page_with_the_view(monkeypatch):
    page = Location(pathname="/app")  # the rest is read-only: the browser reports it
    with edit_readonly(page):
        page.param.update(protocol="http:", hostname="127.0.0.1", port="5006")
    monkeypatch.setattr(pn.state, "_location", page)
    state = ExplorerState(lang="en", scope="circle:hefei", indicator="gdp")
    assert page_link(state) == f"http://127.0.0.1:5006/app{to_query(state)}"
    assert f"Link: {page_link(state)} (accessed" in DataTable(state=state).cite()


def test_a_given_link_or_link_function_is_used():
    state = ExplorerState(lang="en")
    pages = iter(["http://example.test/app?one", "http://example.test/app?two"])
    view = DataTable(state=state, link=lambda: next(pages))
    view.__panel__()
    # The citation was made once when the table was drawn; each file reads the link anew.
    with zipfile.ZipFile(io.BytesIO(clicked(view.csv))) as archive:
        assert "Link: http://example.test/app?two" in archive.read("README.txt").decode()
    fixed = DataTable(state=state, link="http://example.test/fixed")
    assert "http://example.test/fixed (accessed" in fixed.cite()


def test_cite_box_is_the_escaped_citation_in_the_language():
    state = ExplorerState(lang="zh")
    view = DataTable(state=state, link="http://example.test/?a=1&b=<script>")
    view.__panel__()
    today = datetime.date.today()
    assert view.cite() == export.cite_text(
        state, export.view_rows(state), "http://example.test/?a=1&b=<script>", today, "zh"
    )
    box = view._cite.object
    assert "<script>" not in box and "a=1&amp;b=&lt;script&gt;" in box
    assert "发改规划〔2016〕1176号" in box and f"{today.year}年{today.month}月{today.day}日" in box
    state.lang = "en"
    assert "NDRC Planning [2016] No. 1176" in view._cite.object


def test_highlighted_cities_are_bold():
    state, view = table_of(cities=[SUZHOU])

    def bold_rows() -> set[str]:
        markup = view._table.style.to_html()
        rows = set()
        for selectors, rules in re.findall(r"([^{}]+)\{([^}]*)\}", markup):
            if "font-weight: bold" in rules:
                rows |= {int(r) for r in re.findall(r"_row(\d+)_col0\b", selectors)}
        return {view._table.value["entity_id"].iloc[r] for r in rows}

    assert bold_rows() == {SUZHOU}
    state.cities = [SHANGHAI, SUZHOU]
    assert bold_rows() == {SHANGHAI, SUZHOU}


def test_the_value_is_the_third_column_and_reads_as_the_other_views_write_it():
    state, view = table_of(lang="en")
    assert list(view._table.value.columns[:4]) == ["name_zh", "name_en", "value", "unit"]
    formatter = view._table.formatters["value"]
    assert formatter.format == "0,0.[00]"  # 2,500 and 1,274.83 (numeral.js), no "2,500.0"
