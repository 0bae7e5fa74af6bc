"""The city profile's HTML: facts, figures with their sources, caveats, and escaping."""

from __future__ import annotations

import re

import pytest

from ycsp_panel import data
from ycsp_panel.state import ExplorerState
from ycsp_panel.views.profile import CityProfile, profile_html

SHANGHAI, SUZHOU, TONGLING, ANQING, HEFEI = "310000", "320500", "340700", "340800", "340100"
TABLE3 = "plan:ch3.s2.table3"


def text_of(markup: str) -> str:
    """The visible text: tags dropped, entities left as they are."""
    return re.sub(r"<[^>]+>", " ", markup)


def source_title(source_id: str, lang: str) -> str:
    return data.sources().set_index("id").loc[source_id, f"title_{lang}"]


def row_of(markup: str, label: str) -> str:
    [row] = [r for r in re.findall(r"<tr>.*?</tr>", markup) if f"<td>{label}" in r]
    return row


def test_shanghai_shows_its_ceiling_and_census_in_10k_persons():
    markup = profile_html([SHANGHAI], "en")
    target = row_of(markup, "2020 plan target")
    assert ">2,500<" in target
    assert "ceiling" in target
    assert source_title(TABLE3, "en") in target
    assert "plan text" in target
    census = row_of(markup, "2020 census")
    assert ">2,487.1<" in census
    assert "24,870,895 persons" in census
    assert source_title("census2020:shanghai", "en") in census
    assert "statistical bulletin" in census
    assert "10k persons with 1 decimal" in markup
    assert "The core (一核)" in markup
    # Plan 2014 and 2030, census 2010 beside them.
    assert ">2,426<" in row_of(markup, "2014 (plan, Table 3)")
    assert ">2,500<" in row_of(markup, "2030 plan forecast")
    assert ">2,301.9<" in row_of(markup, "2010 census")


def test_shanghai_in_chinese():
    markup = profile_html([SHANGHAI], "zh")
    target = row_of(markup, "2020年规划预期")
    assert "上限" in target and ">2,500<" in target
    assert source_title(TABLE3, "zh") in target
    assert ">2,487.1<" in row_of(markup, "2020年人口普查")
    assert "24,870,895人" in markup
    assert "一核" in markup
    assert "上海市金山区" in markup  # box 9
    assert "严格控制上海中心城区人口规模" in markup


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_suzhou_shows_its_circle_belts_and_supervision_zones(lang):
    markup = profile_html([SUZHOU], lang)
    names = data.entities().set_index("id")[f"name_{lang}"]
    assert names["suxichang"] in markup
    assert names["belt_riverside"] in markup
    for zone in ("zone_kunshan", "zone_zhangjiagang", "zone_changshu"):
        assert names[zone] in markup
    for water in ("water_taihu", "water_dianshan_lake", "water_taipu_river"):
        assert names[water] in markup
    size_class = data.size_classes().set_index("id").loc["large_1", f"name_{lang}"]
    assert size_class in markup
    derived = {"zh": "推定", "en": "derived"}[lang]
    zone_entry = markup.split("<dd>")[5]  # province, circle, belts, size class, then the zone
    assert derived in zone_entry and "苏南" in zone_entry
    assert "Boundary change" not in markup and "边界变化" not in markup
    assert ">1,295.8<" in markup  # year-end 2023, present for Suzhou


@pytest.mark.parametrize(
    ("code", "lang", "words"),
    [
        (TONGLING, "en", "Zongyang County (枞阳县, about 0.47 million people in 2020) moved"),
        (ANQING, "en", "not comparable one-to-one with later statistics and the census"),
        (TONGLING, "zh", "枞阳县由安庆市划归铜陵市"),
    ],
)
def test_tongling_and_anqing_carry_the_boundary_caveat(code, lang, words):
    markup = profile_html([code], lang)
    assert words in markup


def test_missing_figures_say_no_data_and_absent_2023_is_left_out():
    markup = profile_html([ANQING], "en")
    assert "no data" in row_of(markup, "2010 census")
    assert "Year-end 2023" not in markup  # Anqing has no 2023 figure
    assert "Year-end 2023" in profile_html([TONGLING], "en")


def test_no_city_asks_for_a_click_in_the_language():
    assert "Click a city on the map" in profile_html([], "en")
    assert "点击一个城市" in profile_html([], "zh")


def test_several_cities_show_the_first_three():
    markup = profile_html([SHANGHAI, SUZHOU, HEFEI, TONGLING], "en")
    assert markup.count('<section class="ycsp-card">') == 3
    headings = [text_of(h) for h in re.findall(r"<h3>.*?</h3>", markup)]
    assert [h.split("·")[1].strip() for h in headings] == ["Shanghai", "Suzhou", "Hefei"]
    assert "1 more highlighted cities are not shown" in markup


def test_every_string_from_the_data_is_escaped(monkeypatch):
    attack = "<script>alert(1)</script>"
    cities, entities, sources = data.cities, data.entities, data.sources

    def bad_cities():
        frame = cities()
        frame.loc[frame["code"] == SUZHOU, ["name_en", "population_policy_en"]] = attack
        return frame

    def bad_entities():
        frame = entities()
        frame.loc[frame["id"] == "zone_kunshan", "name_en"] = attack
        return frame

    def bad_sources():
        frame = sources()
        frame.loc[frame["id"] == TABLE3, "title_en"] = attack
        return frame

    monkeypatch.setattr(data, "cities", bad_cities)
    monkeypatch.setattr(data, "entities", bad_entities)
    monkeypatch.setattr(data, "sources", bad_sources)
    markup = profile_html([SUZHOU], "en")
    assert "<script" not in markup
    assert markup.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5


def test_profile_follows_the_state():
    state = ExplorerState()
    view = CityProfile(state=state)
    pane = view.__panel__()
    root = pane.get_root()
    assert "点击一个城市" in pane.object
    state.cities = [SUZHOU]
    assert "苏锡常都市圈" in pane.object
    state.lang = "en"
    assert "Suzhou–Wuxi–Changzhou metropolitan circle" in pane.object
    state.toggle_city(TONGLING, add=True)
    assert pane.object.count('<section class="ycsp-card">') == 2
    assert pane.object == view.html()
    pane._cleanup(root)


def test_derived_rules_are_given_in_the_chosen_language():
    from ycsp_panel.views.profile import city_card

    zh = city_card("320500", "zh")
    en = city_card("320500", "en")
    assert "推定（第三章第一节列出的是区域而非城市）" in zh and "DERIVED" not in zh
    assert "DERIVED (ch3 §1 names regions, not cities)" in en
    assert "市域与长江干流或长江口相邻" in zh  # the riverside belt's rule, as a tooltip
