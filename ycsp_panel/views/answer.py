"""The answer first: how the scope (or the whole cluster) and each highlighted city stand
against the plan's 2020 population figure — the census, the plan, the gap and its status in
words and in the status colour — above the map, where a planner looks first.

Built as HTML in which every string from the data is escaped.
"""

from __future__ import annotations

import html

import pandas as pd

from ycsp_panel.analysis.population import TOLERANCE, Status, target_answers
from ycsp_panel.i18n import t
from ycsp_panel.numbers import percent, quantity
from ycsp_panel.state import ALL, ExplorerState
from ycsp_panel.views import palette
from ycsp_panel.views.base import HTMLView
from ycsp_panel.views.chart import format_number

MAX_CITIES = 3  # as the profile: the first three highlighted cities

ANSWER_CSS = """
.ycsp-answer { border: 1px solid #d0d7de; border-radius: 4px; padding: 6px 10px;
  font-size: 14px; line-height: 1.45; }
.ycsp-answer h2 { font-size: 15px; margin: 0 0 4px 0; color: #1f3a5f; }
.ycsp-answer ul { list-style: none; margin: 0; padding: 0; }
.ycsp-answer li { border-left: 12px solid var(--status); padding: 1px 0 1px 8px;
  margin: 3px 0; }
.ycsp-answer .ycsp-status { font-weight: 600; }
.ycsp-answer .ycsp-reason, .ycsp-answer .ycsp-caption { font-size: 12px; color: #555; }
.ycsp-answer .ycsp-caption { margin: 4px 0 0 0; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _number(value: float) -> str:
    """A census figure or a gap in 10k persons, to the unit's precision (:mod:`numbers`)."""
    return quantity(value, "10k persons", fixed=True)


def answer_entities(state: ExplorerState) -> list[tuple[str, str]]:
    """(entity type, id) of what the answer speaks of: the scope's group (the cluster for all
    26), then the highlighted cities (the first three)."""
    if state.scope == ALL:
        first = [("cluster", "yrd")]
    else:
        kind, _, group = state.scope.partition(":")
        first = [(kind, group)]
    return first + [("city", code) for code in list(state.cities)[:MAX_CITIES]]


def answer_line(row: pd.Series, lang: str, reason: bool = True) -> str:
    """One entity's answer as an HTML list item (escaped); ``reason``: with why it cannot be
    judged, where it cannot."""
    status = Status(row["status"])
    colour = palette.STATUS[status.value]
    name = row[f"name_{lang}"]
    if pd.isna(row["gap"]):
        gap = t("answer.no_gap", lang)
    else:
        pct = percent(row["gap_pct"], lang, signed=True)
        difference = quantity(row["gap"], "10k persons", signed=True, fixed=True)
        gap = t("answer.gap", lang).format(gap=difference, pct=pct)
    figures = ""
    if not pd.isna(row["census_2020"]) and not pd.isna(row["expected_2020"]):
        figures = t("answer.line", lang).format(
            census=_number(row["census_2020"]),
            expected=format_number(row["expected_2020"]),  # as the plan prints it
            direction=t(f"direction.{row['direction']}", lang),
            gap=gap,
        )
    why = row[f"reason_{lang}"] if reason else ""
    reason_html = f'<br><span class="ycsp-reason">{_e(why)}</span>' if why else ""
    colon = "：" if lang == "zh" else ": "
    return (
        f'<li style="--status:{colour}" data-status="{_e(status.value)}">'
        f'<strong>{_e(name)}</strong> <span class="ycsp-status">{_e(status.label(lang))}</span>'
        f"{_e(colon) if figures else ''}{_e(figures)}{reason_html}</li>"
    )


def answer_html(state: ExplorerState) -> str:
    lang = state.lang
    answers = target_answers().set_index(["entity_type", "entity_id"])
    items = "".join(
        answer_line(answers.loc[key], lang)
        for key in answer_entities(state)
        if key in answers.index
    )
    tolerance = f"{TOLERANCE * 100:g}%" if lang == "zh" else f"{TOLERANCE * 100:g} %"
    caption = t("answer.caption", lang).format(tolerance=tolerance)
    return (
        f'<section class="ycsp-answer" aria-label="{_e(t("answer.region", lang))}">'
        f"<h2>{_e(t('answer.heading', lang))}</h2><ul>{items}</ul>"
        f'<p class="ycsp-caption">{_e(caption)}</p></section>'
    )


class TargetAnswer(HTMLView):
    """How the scope and the highlighted cities stand against the plan's 2020 figure.

    Reads ``scope``, ``cities`` and ``lang`` of the state. Usable alone:
    ``TargetAnswer(state=ExplorerState(cities=["320500"]))``.
    """

    watches = ("scope", "cities", "lang")
    stylesheets = (ANSWER_CSS,)

    def html(self) -> str:
        return answer_html(self.state)
