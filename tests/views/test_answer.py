"""The answer above the map: the scope and the highlighted cities against the plan's 2020
population figure, in words, numbers and the status colour."""

from __future__ import annotations

import pytest

from ycsp_panel.analysis.population import target_answers
from ycsp_panel.state import ExplorerState
from ycsp_panel.views import palette
from ycsp_panel.views.answer import TargetAnswer, answer_html
from ycsp_panel.views.profile import profile_html

SUZHOU, HEFEI, TONGLING = "320500", "340100", "340700"


def items(html: str) -> list[str]:
    return html.split("<li")[1:]


def test_suzhou_is_above_its_2020_figure_by_174_8_or_15_9_percent():
    en = answer_html(ExplorerState(lang="en", cities=[SUZHOU]))
    cluster, suzhou = items(en)
    assert "Suzhou" in suzhou and "above the expected value" in suzhou
    assert "census 1,274.8, plan 1,100 (expected), gap +174.8 (+15.9 %)" in suzhou
    assert f"--status:{palette.STATUS['above']}" in suzhou
    assert "Yangtze River Delta urban agglomeration" in cluster and "near the expected" in cluster
    assert "census 16,508.6, plan 16,585" in cluster and "gap -76.4 (-0.5 %)" in cluster
    zh = answer_html(ExplorerState(lang="zh", cities=[SUZHOU]))
    assert "普查1,274.8万人，规划1,100万人（预期），差距+174.8万人（+15.9%）" in items(zh)[1]


def test_a_circle_scope_answers_for_the_circle_first():
    html = answer_html(ExplorerState(lang="en", scope="circle:hefei", cities=[HEFEI]))
    circle, hefei = items(html)
    assert "Hefei metropolitan circle" in circle and "below the expected value" in circle
    assert "census 1,517.4, plan 1,550 (expected), gap -32.6 (-2.1 %)" in circle
    assert f"--status:{palette.STATUS['below']}" in circle
    assert "Hefei</strong>" in hefei and "gap +77.0 (+9.0 %)" in hefei


def test_a_city_on_another_boundary_says_why_it_has_no_gap():
    html = answer_html(ExplorerState(lang="en", cities=[TONGLING]))
    tongling = items(html)[1]
    assert "not comparable (boundary change)" in tongling
    assert "no gap can be computed" in tongling and "Zongyang" in tongling


def test_every_group_and_city_has_an_answer_in_its_sums():
    answers = target_answers()
    assert len(answers[answers["entity_type"] == "city"]) == 26
    groups = answers[answers["entity_type"] != "city"]
    assert set(groups["entity_type"]) == {"circle", "province", "belt", "cluster"}
    comparable = answers.dropna(subset=["gap"])
    assert (
        comparable["gap"] - (comparable["census_2020"] - comparable["expected_2020"])
    ).abs().max() < 1e-3
    assert (
        (comparable["gap_pct"] - comparable["gap"] / comparable["expected_2020"] * 100).abs() < 1e-6
    ).all()


def test_only_the_first_three_highlighted_cities():
    codes = ["320500", "320100", "330100", "340100"]
    assert len(items(answer_html(ExplorerState(lang="en", cities=codes)))) == 1 + 3


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_view_follows_scope_highlight_and_language(lang):
    state = ExplorerState(lang="en" if lang == "zh" else "zh")
    view = TargetAnswer(state=state)
    pane = view.__panel__()
    state.lang = lang
    state.scope = "circle:hefei"
    state.cities = [SUZHOU]
    assert pane.object == answer_html(
        ExplorerState(lang=lang, scope="circle:hefei", cities=[SUZHOU])
    )


def test_the_profile_card_answers_first_without_repeating_its_caveat():
    card = profile_html([TONGLING], "en")
    assert card.index("not comparable (boundary change)") < card.index("<table")
    assert card.count("Zongyang County") == 1  # the caveat box says it once
    assert "gap +174.8 (+15.9 %)" in profile_html([SUZHOU], "en")


def test_names_from_the_data_are_escaped():
    html = answer_html(ExplorerState(lang="en", cities=[TONGLING]))
    assert "The plan&#x27;s Table 3" in html and "<script" not in html
