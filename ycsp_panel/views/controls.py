"""The selectors: widgets that read and write the explorer's state, labelled in its language."""

from __future__ import annotations

import html
from functools import cache

import panel as pn
import param

from ycsp_panel import data
from ycsp_panel.i18n import LANGUAGES, t
from ycsp_panel.state import (
    COLOR_BY,
    COMPARE_BY,
    KIND_LABELS,
    OVERLAYS,
    SCALES,
    scope_label,
    scope_options,
    view_options,
)
from ycsp_panel.views.aria import AriaMend
from ycsp_panel.views.base import View

_LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
HEADING_CSS = (
    ".ycsp-h { font-size: 15px; font-weight: 600; margin: 6px 0 0 0; color: #1f3a5f; }"
    ".ycsp-idle { font-size: 13px; color: #555; margin: 0; }"
)
# The sidebar's groups of selectors, by the state parameter each selector sets.
GROUPS = {
    "controls.what": ("indicator", "year", "kind"),
    "controls.where": ("scope", "cities"),
    "controls.how": ("color_by", "scale", "compare_by", "overlays"),
}
GROUPS_OF = {name: key for key, names in GROUPS.items() for name in names}


@cache
def selector_options(lang: str) -> dict[str, tuple[str, tuple[tuple[str, object], ...]]]:
    """Per selector: its label and its (label, value) options in ``lang``; once per process."""
    indicators = data.indicators().set_index("id")
    names = data.entity_names().set_index("id")
    scopes = scope_options()
    indicator_ids = sorted(view_options()["indicator"].unique())
    return {
        "scope": (
            t("controls.scope", lang),
            tuple((scope_label(s, lang, names), s) for s in scopes),
        ),
        "indicator": (
            t("controls.indicator", lang),
            tuple(
                (f"{indicators.loc[i, f'name_{lang}']} ({indicators.loc[i, f'unit_{lang}']})", i)
                for i in indicator_ids
            ),
        ),
        "color_by": (
            t("controls.color_by", lang),
            tuple((t(f"map.color_by.{c}", lang), c) for c in COLOR_BY),
        ),
        "scale": (
            t("controls.scale", lang),
            tuple((t(f"controls.scale.{s}", lang), s) for s in SCALES),
        ),
        "compare_by": ("", tuple((t(f"controls.compare_by.{c}", lang), c) for c in COMPARE_BY)),
        "cities": (
            t("controls.cities", lang),
            tuple((f"{c.name_zh} {c.name_en}", c.code) for c in data.cities().itertuples()),
        ),
        "overlays": ("", tuple((t(f"controls.overlay.{o}", lang), o) for o in OVERLAYS)),
    }


@cache
def period_options(indicator: str, lang: str) -> tuple[tuple, tuple]:
    """The (label, value) years and kinds on offer for an indicator; once per process."""
    options = view_options()
    rows = options[options["indicator"] == indicator]
    offered = set(rows["kind"])
    years = tuple((str(y), y) for y in sorted(set(rows["year"])))
    kinds = tuple((KIND_LABELS[k][lang], k) for k in KIND_LABELS if k in offered)
    return years, kinds


class Controls(View):
    """Every selector of the explorer, linked both ways to the state (``Widget.link``).

    Labels follow the language by the views' refresh rule. The years and kinds on offer follow
    the indicator at once, in the same step as their value: a Select whose value is not among
    its options falls back to its first option, which would move the state.
    """

    show_language = param.Boolean(
        default=True, doc="Offer the language toggle (the app has it in its header instead)"
    )
    acting = param.Dict(
        default=None,
        allow_None=True,
        doc="Per page section, the state parameters its views follow: the selectors shown are "
        "those that act on the section in view (None: every selector, always)",
    )

    watches = ("lang", "section")

    def __init__(self, **params):
        super().__init__(**params)
        state = self.state
        self.language = pn.widgets.RadioButtonGroup(
            options={_LANGUAGE_NAMES[lang]: lang for lang in LANGUAGES},
            value=state.lang,
            stylesheets=[":host { margin-bottom: 6px; }"],
        )
        self.scope = pn.widgets.Select(value=state.scope, options=[state.scope])
        self.indicator = pn.widgets.Select(value=state.indicator, options=[state.indicator])
        self.year = pn.widgets.Select(value=state.year, options=[state.year])
        self.kind = pn.widgets.Select(value=state.kind, options=[state.kind])
        self.color_by = pn.widgets.Select(value=state.color_by, options=[state.color_by])
        self.scale = pn.widgets.Select(value=state.scale, options=[state.scale])
        self.compare_by = pn.widgets.RadioButtonGroup(
            value=state.compare_by, options=[state.compare_by]
        )
        self.cities = pn.widgets.MultiChoice(value=list(state.cities), options=[])
        self.overlays = pn.widgets.CheckBoxGroup(value=list(state.overlays), options=[])
        self._cities_mended = AriaMend(target=self.cities, sizing_mode="stretch_width")
        self._update_options()
        self._update_periods()
        linked = {
            "lang": self.language,
            "scope": self.scope,
            "indicator": self.indicator,
            "color_by": self.color_by,
            "scale": self.scale,
            "compare_by": self.compare_by,
            "cities": self.cities,
            "overlays": self.overlays,
        }
        for name, widget in linked.items():
            widget.link(state, value=name, bidirectional=True)
        # Year and kind: widget -> state by link; state -> widget with their options (below).
        self.year.link(state, value="year")
        self.kind.link(state, value="kind")
        state.param.watch(lambda *_events: self._update_periods(), ["indicator", "year", "kind"])
        self.__panel__()  # the selectors are on the page from the start
        self._show_acting()

    def refresh(self, changed: set[str]) -> None:
        if "lang" in changed:
            self._update_options()
            self._update_periods()
            for key, pane in self._headings.items():
                pane.object = self._heading_html(key)
            self._idle.object = self._idle_html()
        self._show_acting()

    def shown(self) -> set[str]:
        """The state parameters whose selectors are shown now."""
        if self.acting is None:
            return set(GROUPS_OF)
        return set(self.acting.get(self.state.section, GROUPS_OF)) & set(GROUPS_OF)

    def _show_acting(self) -> None:
        shown = self.shown()
        with pn.io.hold():
            for name, widget in self._widget_of.items():
                if widget.visible != (name in shown):
                    widget.visible = name in shown
            for key, names in GROUPS.items():
                visible = bool(shown & set(names))
                if self._headings[key].visible != visible:
                    self._headings[key].visible = visible
            if self._idle.visible != (not shown):
                self._idle.visible = not shown

    def _idle_html(self) -> str:
        return f"<p class='ycsp-idle'>{html.escape(t('controls.none_here', self.state.lang))}</p>"

    def _update_options(self) -> None:
        state, lang = self.state, self.state.lang
        options = selector_options(lang)
        self._cities_mended.input_name = t("controls.cities", lang)
        for name in ("scope", "indicator", "color_by", "scale", "compare_by", "cities", "overlays"):
            widget = getattr(self, name)
            value = getattr(state, name)
            label = {} if name in ("compare_by", "overlays") else {"label": options[name][0]}
            widget.param.update(
                **label,
                options=dict(options[name][1]),
                value=list(value) if isinstance(value, list) else value,
            )

    def _update_periods(self) -> None:
        state, lang = self.state, self.state.lang
        years, kinds = period_options(state.indicator, lang)
        self.year.param.update(
            label=t("controls.year", lang), options=dict(years), value=state.year
        )
        self.kind.param.update(
            label=t("controls.kind", lang), options=dict(kinds), value=state.kind
        )

    def _heading_html(self, key: str) -> str:
        return f"<h2 class='ycsp-h'>{html.escape(t(key, self.state.lang))}</h2>"

    def _build(self) -> pn.viewable.Viewable:
        self._headings = {
            key: pn.pane.HTML(
                self._heading_html(key), margin=(8, 10, 0, 10), stylesheets=[HEADING_CSS]
            )
            for key in ("controls.what", "controls.where", "controls.how")
        }

        def heading(key: str) -> pn.pane.HTML:
            return self._headings[key]

        self._idle = pn.pane.HTML(
            self._idle_html(), margin=(8, 10, 0, 10), stylesheets=[HEADING_CSS], visible=False
        )
        self._widget_of = {name: getattr(self, name) for name in GROUPS_OF}
        self._widget_of["cities"] = self._cities_mended  # the choice inside its ARIA mend
        layout = pn.Column(
            *([self.language] if self.show_language else []),
            self._idle,
            heading("controls.what"),
            self.indicator,
            self.year,
            self.kind,
            heading("controls.where"),
            self.scope,
            self._cities_mended,
            heading("controls.how"),
            self.color_by,
            self.scale,
            self.compare_by,
            self.overlays,
            sizing_mode="stretch_width",
        )
        return layout
