"""The sections behind the map as a user opens them: the data table and its downloads (files
read back and compared with the rows behind the view), the citation, the time series, sources."""

from __future__ import annotations

import zipfile

import pandas as pd
import pytest

from tests.browser.harness import (
    ARTIFACTS,
    deep_texts,
    open_section,
    wait_until,
)
from ycsp_panel import data, export
from ycsp_panel.i18n import t
from ycsp_panel.state import ExplorerState


def download(page, label: str):
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name=label).click()
    return info.value


def expected_rows(lang: str, **view) -> pd.DataFrame:
    return export.localized(export.view_rows(ExplorerState(lang=lang, **view)), lang)


def assert_same_rows(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Equal cell by cell: numbers as numbers (a missing value stays missing), text as text."""
    assert list(got.columns) == list(expected.columns)
    assert len(got) == len(expected)
    for column in expected.columns:
        if pd.api.types.is_numeric_dtype(expected[column]):
            numbers = pd.to_numeric(got[column].replace("", None))
            pd.testing.assert_series_equal(
                numbers, expected[column], check_dtype=False, check_names=False
            )
        else:
            text = expected[column].astype(object).where(expected[column].notna(), "")
            assert got[column].astype(str).tolist() == text.astype(str).tolist(), column


VIEWS = [
    ("zh", "?indicator=population&year=2020&kind=target", {}),
    (
        "en",
        "?lang=en&scope=province:340000&indicator=gdp&year=2020&kind=observed&compare_by=city",
        {"scope": "province:340000", "indicator": "gdp", "year": 2020, "kind": "observed"},
    ),
    (
        "zh",
        "?indicator=population&year=2030&kind=forecast&compare_by=circle",
        {"year": 2030, "kind": "forecast", "compare_by": "circle"},
    ),
]


@pytest.mark.parametrize(("lang", "query", "view"), VIEWS)
def test_downloads_hold_exactly_the_rows_behind_the_view(app, tmp_path, lang, query, view):
    page, rec = app(query)
    open_section(page, "table", lang)
    expected = expected_rows(lang, **view)
    ids = {expected.columns[0]: str}

    package = download(page, t("table.download.csv", lang))
    path = tmp_path / package.suggested_filename
    package.save_as(path)
    assert path.suffix == ".zip" and view.get("kind", "target") in path.name
    with zipfile.ZipFile(path) as archive:
        archive.extractall(tmp_path)
    csv = tmp_path / f"{path.stem}.csv"
    assert pd.read_csv(csv).shape[0] == len(expected)  # a bare read_csv: the header first
    got = pd.read_csv(csv, dtype=ids, keep_default_na=False)
    assert_same_rows(got, expected)
    header = (tmp_path / "README.txt").read_text(encoding="utf-8").splitlines()
    for source in export.sources_used(export.view_rows(ExplorerState(lang=lang, **view)))["id"]:
        assert any(source in line for line in header), source
    assert any("scope=" in line for line in header)  # the view's link

    xlsx = download(page, t("table.download.xlsx", lang))
    path = tmp_path / xlsx.suggested_filename
    xlsx.save_as(path)
    book = pd.read_excel(path, sheet_name=0, dtype=ids, keep_default_na=False)
    assert_same_rows(book, expected)
    about = pd.read_excel(path, sheet_name=1, header=None).astype(str).to_string()
    assert "scope=" in about
    assert rec.console_errors() == [] and rec.external_requests() == []


def test_table_and_citation_follow_the_view(app):
    page, rec = app("?scope=circle:hefei&cities=340100")
    open_section(page, "table", "zh")
    citation = wait_until(lambda: [x for x in deep_texts(page, ".ycsp-cite") if "1176" in x])[0]
    rows = export.view_rows(ExplorerState(scope="circle:hefei", cities=["340100"]))
    for title in export.sources_used(rows)["title_zh"]:
        assert title in citation, title
    assert "scope=circle:hefei" in citation
    cells = " ".join(deep_texts(page, ".tabulator-cell"))
    names = data.cities().set_index("code")["name_zh"]
    for code in ("340100", "340200", "340500"):
        assert names[code] in cells
    assert names["320500"] not in cells  # Suzhou is not in the Hefei circle
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "section-table-hefei.png", full_page=True)
    assert rec.console_errors() == []


def test_time_series_draws_the_highlighted_cities_with_their_caveat(app):
    page, rec = app("?lang=en&cities=310000,340700,320500")
    open_section(page, "series", "en")
    notes = wait_until(lambda: " ".join(deep_texts(page, "body")))
    wait_until(lambda: "Tongling" in " ".join(deep_texts(page, "body")))
    canvases = page.locator(".bk-Canvas")
    wait_until(lambda: canvases.count() >= 1 and page.locator(".bk-Canvas").last.is_visible())
    page.wait_for_timeout(1500)
    text = " ".join(deep_texts(page, "body"))
    boundary = data.cities().set_index("code").loc["340700", "boundary_note_en"]
    assert boundary[:40] in text, notes[:200]
    page.screenshot(path=ARTIFACTS / "section-series-en.png", full_page=True)
    assert rec.console_errors() == [] and rec.external_requests() == []


def test_sources_section_lists_every_source(app):
    page, rec = app("?lang=en")
    open_section(page, "sources", "en")
    text = wait_until(lambda: " ".join(deep_texts(page, ".ycsp-sources")))
    for title in data.sources()["title_en"]:
        assert title in text, title
    assert "GCJ-02" in text and "WGS84" in text.replace("WGS 84", "WGS84")
    page.screenshot(path=ARTIFACTS / "section-sources-en.png")
    assert rec.console_errors() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_value_and_the_plan_against_the_census_download_as_plain_csvs(app, tmp_path, lang):
    page, rec = app(f"?lang={lang}")
    open_section(page, "table", lang)
    for key, name, rows in (
        ("dataset", "ycsp_values", len(export.dataset_rows())),
        ("comparison", "ycsp_population_2020_plan_vs_census", len(export.comparison_rows())),
    ):
        package = download(page, t(f"table.download.{key}", lang))
        path = tmp_path / package.suggested_filename
        package.save_as(path)
        assert path.name == f"{name}.zip"
        with zipfile.ZipFile(path) as archive:
            assert archive.namelist() == [f"{name}.csv", "metadata.json", "README.txt"]
            back = pd.read_csv(archive.open(f"{name}.csv"))  # a bare read_csv
            readme = archive.read("README.txt").decode("utf-8")
        assert len(back) == rows and back.columns[0] == "entity_id"
        assert t("app.title", lang) in readme and "read_csv" in readme
    assert rec.console_errors() == [] and rec.external_requests() == []
