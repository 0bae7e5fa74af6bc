"""The city profile: who a highlighted city is in the plan, and its population figures.

Built as HTML in which every string from the data is escaped: nothing from the data (or from
a URL that chose the city) can become markup.
"""

from __future__ import annotations

import html
from typing import NamedTuple

import pandas as pd

from ycsp_panel import data
from ycsp_panel.analysis.population import target_answers
from ycsp_panel.i18n import t
from ycsp_panel.numbers import quantity
from ycsp_panel.state import CORE_CITY
from ycsp_panel.views.answer import answer_line
from ycsp_panel.views.base import HTMLView
from ycsp_panel.views.chart import format_number, quality_label

MAX_CITIES = 3
_RULE = {"zh": "functional_zone_rule_zh", "en": "functional_zone_rule"}

PROFILE_CSS = """
.ycsp-profiles { display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(340px, 100%), 1fr));
  gap: 10px; font-size: 14px; }
.ycsp-card { border: 1px solid #d0d7de; border-radius: 4px; padding: 8px 12px; }
.ycsp-card h3 { font-size: 17px; margin: 0 0 6px 0; color: #1f3a5f; }
.ycsp-card h4 { font-size: 14px; margin: 10px 0 4px 0; }
.ycsp-card dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px;
  margin: 0; }
.ycsp-card dt { font-weight: 600; color: #444; }
.ycsp-card dd { margin: 0; }
.ycsp-card ul { margin: 0; padding-left: 18px; }
.ycsp-derived { font-size: 12px; border: 1px solid #888; border-radius: 3px; padding: 0 4px;
  color: #444; white-space: nowrap; }
.ycsp-small { font-size: 12px; color: #555; }
.ycsp-card .table { border-collapse: collapse; width: 100%; margin: 0; }
.ycsp-card .table th, .ycsp-card .table td { border-top: 1px solid #dee2e6; padding: 3px 6px;
  text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.ycsp-card .table td.num { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
.ycsp-card .ycsp-answer-items { list-style: none; padding: 0; margin: 0 0 6px 0; }
.ycsp-card .ycsp-answer-items li { border-left: 12px solid var(--status); padding-left: 8px; }
.ycsp-card .ycsp-status { font-weight: 600; }
.ycsp-card .ycsp-reason { font-size: 12px; color: #555; }
.ycsp-caveat { border-left: 4px solid #E69F00; background: #fff8e6; padding: 6px 10px;
  margin-top: 8px; }
"""


class PopulationRow(NamedTuple):
    label: str  # a key of labels.LABELS
    indicator: str
    year: int
    kind: str
    always: bool  # shown as "no data" when missing; otherwise left out


POPULATION_ROWS = (
    PopulationRow("profile.row.2014", "population", 2014, "observed", True),
    PopulationRow("profile.row.2020", "population", 2020, "target", True),
    PopulationRow("profile.row.2030", "population", 2030, "forecast", True),
    PopulationRow("profile.row.census2010", "population_census", 2010, "observed", True),
    PopulationRow("profile.row.census2020", "population_census", 2020, "observed", True),
    PopulationRow("profile.row.2023", "population", 2023, "observed", False),
)


def _e(text: object) -> str:
    return html.escape(str(text))


def _derived(lang: str, rule: object = None) -> str:
    """The "derived" marker; the rule, when given, as its tooltip."""
    title = f' title="{_e(rule)}"' if isinstance(rule, str) and rule else ""
    return f' <span class="ycsp-derived"{title}>{_e(t("derived", lang))}</span>'


def profile_html(codes: list[str], lang: str) -> str:
    """The profiles of the first highlighted cities (at most three), or a prompt."""
    if not codes:
        return f'<p class="ycsp-small">{_e(t("profile.prompt", lang))}</p>'
    cards = "".join(city_card(code, lang) for code in codes[:MAX_CITIES])
    more = ""
    if len(codes) > MAX_CITIES:
        text = t("profile.more", lang).format(n=len(codes) - MAX_CITIES)
        more = f'<p class="ycsp-small">{_e(text)}</p>'
    return f'<div class="ycsp-profiles">{cards}</div>{more}'


def city_card(code: str, lang: str) -> str:
    """One city's card: names, place in the plan, population figures, boxes 8 and 9."""
    city = data.cities().set_index("code").loc[code]
    names = data.entities().set_index("id")
    memberships = data.memberships()
    own = memberships[memberships["city_code"] == code]
    titles = data.sources().set_index("id")[f"title_{lang}"]

    if code == CORE_CITY:
        circle = _e(t("profile.core", lang))
    elif isinstance(city["circle"], str):
        circle = _e(names.loc[city["circle"], f"name_{lang}"])
    else:
        circle = _e(t("profile.no_circle", lang))
    belts = _group_list(own, names, "belt", lang) or _e(t("profile.no_belt", lang))
    size_class = data.size_classes().set_index("id").loc[city["size_class"], f"name_{lang}"]
    zone = _e(t(f"profile.zone.{city['functional_zone']}", lang))
    if city["functional_zone_derived"]:
        zone += _derived(lang)
        zone += (
            f'<br><span class="ycsp-small">{_e(t("profile.rule", lang))}: '
            f"{_e(city[_RULE[lang]])}<br>{_e(t('profile.plan_words', lang))}: "
            f"“{_e(city['functional_zone_phrase_zh'])}”</span>"
        )
    policy = _e(city[f"population_policy_{lang}"])
    if city["population_policy_derived"]:
        # The derivation is spelled out in English in the data's note; in Chinese, its gist.
        rule = city["note"] if lang == "en" else t("profile.policy_derived_rule", lang)
        policy += _derived(lang, rule)
    policy += (
        f'<br><span class="ycsp-small">{_e(t("profile.source", lang))}: '
        f"{_e(titles[city['policy_source_id']])}</span>"
    )
    facts = [
        ("profile.province", _e(city[f"province_{lang}"])),
        ("profile.circle", circle),
        ("profile.belts", belts),
        ("profile.size_class", _e(size_class)),
        ("profile.functional_zone", zone),
        ("profile.policy", policy),
    ]
    facts_html = "".join(f"<dt>{_e(t(key, lang))}</dt><dd>{value}</dd>" for key, value in facts)
    water = _group_list(own, names, "water_body", lang) or _e(t("profile.none", lang))
    zones = _group_list(own, names, "supervision_zone", lang) or _e(t("profile.none", lang))
    caveat = ""
    note = city[f"boundary_note_{lang}"]
    if isinstance(note, str) and note:
        heading = _e(t("profile.caveat", lang))
        caveat = f'<div class="ycsp-caveat" role="note"><strong>{heading}</strong> {_e(note)}</div>'
    return (
        f'<section class="ycsp-card">'
        f'<h3><span lang="zh">{_e(city["name_zh"])}</span> · '
        f'<span lang="en">{_e(city["name_en"])}</span></h3>'
        f"<dl>{facts_html}</dl>"
        f"<h4>{_e(t('profile.population', lang))}</h4>"
        f'<ul class="ycsp-answer-items">{city_answer(code, lang)}</ul>'
        f"{population_table(code, lang)}{caveat}"
        f"<h4>{_e(t('profile.water', lang))}</h4>{water}"
        f"<h4>{_e(t('profile.zones', lang))}</h4>{zones}"
        f"</section>"
    )


def city_answer(code: str, lang: str) -> str:
    """The city's 2020 figure against the plan, as the answer above the map gives it (why it
    cannot be judged, where it cannot, is the card's caveat)."""
    answers = target_answers().set_index(["entity_type", "entity_id"])
    return answer_line(answers.loc[("city", code)], lang, reason=False)


def _group_list(own: pd.DataFrame, names: pd.DataFrame, kind: str, lang: str) -> str:
    """The city's groups of one type (belts, water bodies, zones) as a list, derived marked."""
    rows = own[own["group_id"].map(names["type"]) == kind].drop_duplicates("group_id")
    items = [
        f"<li>{_e(names.loc[row.group_id, f'name_{lang}'])}"
        f"{_derived(lang, row.rule_zh if lang == 'zh' else row.rule) if row.derived else ''}</li>"
        for row in rows.sort_values("group_id").itertuples()
    ]
    return f"<ul>{''.join(items)}</ul>" if items else ""


def population_table(code: str, lang: str) -> str:
    """Table 3's figures beside the censuses and year-end 2023, each with source and quality.

    All in 10k persons: census counts (persons) are converted and rounded to one decimal,
    with the count itself in brackets.
    """
    values = data.values()
    values = values[values["entity_id"] == code]
    titles = data.sources().set_index("id")[f"title_{lang}"]
    body = []
    for spec in POPULATION_ROWS:
        rows = values[
            (values["indicator"] == spec.indicator)
            & (values["year"] == spec.year)
            & (values["kind"] == spec.kind)
        ]
        if rows.empty and spec.always:
            body.append(
                f"<tr><td>{_e(t(spec.label, lang))}</td>"
                f'<td class="num">{_e(t("no_data", lang))}</td><td></td><td></td></tr>'
            )
        for row in rows.itertuples():
            label = t(spec.label, lang)
            if isinstance(row.direction, str) and row.direction:
                direction = t(f"direction.{row.direction}", lang)
                label += f"（{direction}）" if lang == "zh" else f" ({direction})"
            body.append(
                f"<tr><td>{_e(label)}</td><td class='num'>{_value_cell(row, lang)}</td>"
                f"<td>{_e(titles[row.source_id])}</td>"
                f"<td>{_e(quality_label(row.quality, lang))}</td></tr>"
            )
    columns = ("figure", "value", "source", "quality")
    head = "".join(f"<th>{_e(t(f'profile.col.{column}', lang))}</th>" for column in columns)
    return (
        f'<table class="table table-sm"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
        f'<p class="ycsp-small">{_e(t("profile.census_note", lang))}</p>'
    )


def _value_cell(row, lang: str) -> str:
    qualifier = "" if row.qualifier == "=" else f"{row.qualifier} "
    if row.unit == "10k persons":
        return _e(qualifier + format_number(row.value))
    converted = data.convert(row.value, row.unit, "10k persons")
    count = t("profile.persons", lang).format(n=format_number(row.value))
    shown = quantity(converted, "10k persons", fixed=True)
    return f"{_e(qualifier)}{_e(shown)}<br><span class='ycsp-small'>({_e(count)})</span>"


class CityProfile(HTMLView):
    """The profile of the highlighted cities (the first three), in the state's language.

    Reads ``cities`` and ``lang`` of the state; holds no selection of its own.
    """

    watches = ("cities", "lang")
    stylesheets = (PROFILE_CSS,)

    def html(self) -> str:
        return profile_html(list(self.state.cities), self.state.lang)
