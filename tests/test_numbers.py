"""One number format for every view and both languages (ycsp_panel.numbers)."""

from __future__ import annotations

import math

import pytest

from ycsp_panel.numbers import UNIT_DECIMALS, number, percent, quantity
from ycsp_panel.state import ExplorerState
from ycsp_panel.views.answer import answer_html
from ycsp_panel.views.chart import format_number
from ycsp_panel.views.profile import profile_html

SUZHOU = "320500"


@pytest.mark.parametrize(
    "value,decimals,text",
    [
        (2361, 2, "2,361"),
        (2426.0, 1, "2,426"),
        (1274.8321, 1, "1,274.8"),
        (16508.5548, 1, "16,508.6"),
        (38700.58, 2, "38,700.58"),
        (130.1, 2, "130.1"),
        (999.96, 1, "1,000"),
        (-76.44, 1, "-76.4"),
        (0.04, 1, "0"),
    ],
)
def test_thousands_are_grouped_and_trailing_zeros_dropped(value, decimals, text):
    assert number(value, decimals) == text


def test_signs_units_and_missing_values():
    assert number(174.83, 1, signed=True) == "+174.8"
    assert number(-32.58, 1, signed=True) == "-32.6"
    assert number(0.01, 1, signed=True) == "0"
    assert number(math.nan) == "" and percent(math.nan, "en") == ""
    assert quantity(1274.8321, "10k persons") == "1,274.8"
    assert quantity(12748321, "persons") == "12,748,321"
    assert quantity(38700.58, "100m CNY") == "38,700.58"
    assert quantity(21.17, "10k km2") == "21.17"
    assert quantity(937.0, "10k persons", fixed=True) == "937.0"  # a census count, computed
    assert quantity(77.0, "10k persons", signed=True, fixed=True) == "+77.0"
    assert number(-0.04, 1, fixed=True) == "0.0"
    assert set(UNIT_DECIMALS) >= {"10k persons", "persons", "100m CNY", "%"}
    assert format_number(2500) == "2,500"  # the charts' helper is the same format


def test_percent_keeps_its_decimals_and_spaces_by_language():
    assert percent(15.93, "en", signed=True) == "+15.9 %"
    assert percent(15.93, "zh", signed=True) == "+15.9%"
    assert percent(-0.46, "en", signed=True) == "-0.5 %"
    assert percent(21, "zh") == "21.0%"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_suzhous_census_figure_reads_the_same_in_the_answer_and_the_profile(lang):
    state = ExplorerState(lang=lang, cities=[SUZHOU])
    answer, profile = answer_html(state), profile_html([SUZHOU], lang)
    assert "1,274.8" in answer and "1,274.8" in profile
    assert "1274.8" not in answer and "1274.8" not in profile
    assert "1,100" in answer and "1,100" in profile  # the plan's whole figure stays whole
