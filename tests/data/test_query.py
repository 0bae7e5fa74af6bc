"""The analyst's entry points: loaders, lookup(), names to ids, units."""

from __future__ import annotations

import pytest

from ycsp_panel import data
from ycsp_panel.data import AmbiguousLookup, LookupMiss


def test_loaders_return_independent_copies():
    cities = data.cities()
    cities.loc[0, "name_en"] = "changed"
    values = data.values()
    values["value"] = 0.0
    assert "changed" not in set(data.cities()["name_en"])
    assert data.values()["value"].max() > 0


def test_cities_carry_province_circle_belts_and_class():
    cities = data.cities().set_index("code")
    assert len(cities) == 26
    assert cities.loc["310000", "province_en"] == "Shanghai"
    assert cities.loc["320500", "circle"] == "suxichang"
    assert cities.loc["340100", "circle"] == "hefei"
    assert cities["circle"].isna().sum() >= 1
    assert cities.loc["310000", "circle"] is None or cities.isna().loc["310000", "circle"]
    assert cities.loc["310000", "size_class"] == "super_large"
    assert cities.loc["320100", "size_class"] == "megacity"
    assert set(cities["province_code"]) == {"310000", "320000", "330000", "340000"}


@pytest.mark.parametrize("name", ["320500", "苏州", "苏州市", "Suzhou", "suzhou"])
def test_resolve_entity_by_id_or_name(name):
    assert data.resolve_entity(name) == "320500"


def test_resolve_entity_misses_and_ambiguities():
    with pytest.raises(LookupMiss, match=r"unknown entity 'Suzhuo'; close matches: Suzhou"):
        data.resolve_entity("Suzhuo")
    with pytest.raises(
        LookupMiss, match=r"several match: Taizhou \(Jiangsu\), Taizhou \(Zhejiang\)"
    ):
        data.resolve_entity("Taizhou")
    assert data.resolve_entity("Taizhou (Zhejiang)") == "331000"
    assert data.resolve_entity("泰州") == "321200"


def test_lookup_table3():
    assert data.lookup("Suzhou", "population", year=2014) == 1059
    assert data.lookup("上海", "population", year=2020, kind="target") == 2500
    assert data.lookup("Tongling", "population", year=2030) == 130


def test_lookup_reference_statistics():
    assert data.lookup("Shanghai", "population_census", year=2020) == 24_870_895
    assert data.lookup("china", "population_census", year=2020) == 1_411_778_724


def test_ambiguous_lookup_says_how_to_choose():
    with pytest.raises(AmbiguousLookup) as caught:
        data.lookup("Suzhou", "population")
    message = str(caught.value)
    assert "year=2014" in message and "year=2030" in message
    assert "plan:ch3.s2.table3" in message and "pass year=…, kind=… or source=…" in message


def test_lookup_misses_name_close_matches():
    with pytest.raises(
        LookupMiss, match=r"unknown indicator 'populaton'; close matches: population"
    ):
        data.lookup("Suzhou", "populaton", year=2014)
    with pytest.raises(
        LookupMiss, match=r"no population value for 320500 with year=2019.*available"
    ):
        data.lookup("Suzhou", "population", year=2019)


def test_unit_conversions():
    assert data.convert(1059, "10k persons", "persons") == 10_590_000
    assert data.convert(24_870_895, "persons", "10k persons") == pytest.approx(2487.0895)
    assert data.convert(12.67, "10k km2", "km2") == pytest.approx(126_700)
    with pytest.raises(ValueError, match="different quantities"):
        data.convert(1, "persons", "km2")
    with pytest.raises(ValueError, match="unknown unit 'furlongs'"):
        data.convert(1, "furlongs", "km2")


def test_every_indicator_uses_a_known_unit_family():
    for row in data.indicators().itertuples():
        assert row.unit in data.UNITS, row.id


def test_derived_assignments_are_marked_with_their_rule():
    cities = data.cities()
    assert cities["functional_zone_derived"].all()  # ch3 §1 names regions, never cities
    assert cities["functional_zone_rule"].str.contains("DERIVED").all()
    named = cities[~cities["population_policy_derived"]]
    assert {"310000", "340200", "340500", "320900", "321200", "340100"} <= set(named["code"])
    belts = data.memberships().query("group_id in ['belt_riverside', 'belt_coastal']")
    assert belts["derived"].all() and belts["rule"].str.len().gt(20).all()
    ordered = data.memberships().query("group_id == 'belt_hnhh'").sort_values("position")
    assert list(ordered["city_code"]) == ["310000", "320100", "330100", "340100", "330200"]
    assert not ordered["derived"].any()
