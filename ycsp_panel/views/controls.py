"""The selectors: widgets that read and write the explorer's state, labelled in its language."""

from __future__ import annotations

import html

import panel as pn
import param

from ycsp_panel import data
from ycsp_panel.i18n import LANGUAGES, t
from ycsp_panel.state import (
    COLOR_BY,
    COMPARE_BY,
    KIND_LABELS,
    OVERLAYS,
    ExplorerState,
    scope_label,
    view_options,
)
from ycsp_panel.views.aria import AriaMend

_LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
HEADING_CSS = ".ycsp-h { font-size: 15px; font-weight: 600; margin: 6px 0 0 0; color: #1f3a5f; }"


class Controls(pn.viewable.Viewer):
    """Every selector of the explorer, bound two ways to the state."""

    state = param.ClassSelector(class_=ExplorerState)
    show_language = param.Boolean(
        default=True, doc="Offer the language toggle (the app has it in its header instead)"
    )

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
        self.compare_by = pn.widgets.RadioButtonGroup(
            value=state.compare_by, options=[state.compare_by]
        )
        self.cities = pn.widgets.MultiChoice(value=list(state.cities), options=[])
        self.overlays = pn.widgets.CheckBoxGroup(value=list(state.overlays), options=[])
        self._cities_mended = AriaMend(target=self.cities, sizing_mode="stretch_width")
        self._widgets = {
            "lang": self.language,
            "scope": self.scope,
            "indicator": self.indicator,
            "year": self.year,
            "kind": self.kind,
            "color_by": self.color_by,
            "compare_by": self.compare_by,
            "cities": self.cities,
            "overlays": self.overlays,
        }
        self._syncing = False  # True while the state writes to the widgets: no echo back
        self._relabel()
        for name, widget in self._widgets.items():
            widget.param.watch(self._to_state(name), "value")
        state.param.watch(self._from_state, list(self._widgets))
        state.param.watch(self._relabel, ["lang"])
        state.param.watch(self._relabel_periods, ["indicator"])

    def _to_state(self, name: str):
        def push(event) -> None:
            if not self._syncing and getattr(self.state, name) != event.new:
                setattr(self.state, name, event.new)

        return push

    def _from_state(self, *events) -> None:
        self._syncing = True
        try:
            for event in events:
                widget = self._widgets[event.name]
                value = getattr(self.state, event.name)  # the settled value, not the event's
                if widget.value != value:
                    widget.value = list(value) if isinstance(value, list) else value
        finally:
            self._syncing = False

    def _relabel(self, *_events) -> None:
        """Options and labels in the state's language; years and kinds for its indicator."""
        self._syncing = True
        try:
            self._update_options()
            self._update_periods()
        finally:
            self._syncing = False

    def _relabel_periods(self, *_events) -> None:
        """Years and kinds on offer depend on the indicator only."""
        self._syncing = True
        try:
            self._update_periods()
        finally:
            self._syncing = False

    def _update_options(self) -> None:
        state, lang = self.state, self.state.lang
        indicators = data.indicators().set_index("id")
        cities = data.cities()
        names = data.entity_names().set_index("id")
        self.scope.param.update(
            label=t("controls.scope", lang),
            options={scope_label(s, lang, names): s for s in state.param.scope.objects},
            value=state.scope,
        )
        self.indicator.param.update(
            label=t("controls.indicator", lang),
            options={
                f"{indicators.loc[i, f'name_{lang}']} ({indicators.loc[i, f'unit_{lang}']})": i
                for i in state.param.indicator.objects
            },
            value=state.indicator,
        )
        self.color_by.param.update(
            label=t("controls.color_by", lang),
            options={t(f"map.color_by.{c}", lang): c for c in COLOR_BY},
            value=state.color_by,
        )
        self.compare_by.param.update(
            options={t(f"controls.compare_by.{c}", lang): c for c in COMPARE_BY},
            value=state.compare_by,
        )
        self._cities_mended.input_name = t("controls.cities", lang)
        self.cities.param.update(
            label=t("controls.cities", lang),
            options={f"{row.name_zh} {row.name_en}": row.code for row in cities.itertuples()},
            value=list(state.cities),
        )
        self.overlays.param.update(
            options={t(f"controls.overlay.{o}", lang): o for o in OVERLAYS},
            value=list(state.overlays),
        )

    def _update_periods(self) -> None:
        state, lang = self.state, self.state.lang
        options = view_options()
        offered = set(options.loc[options["indicator"] == state.indicator, "kind"])
        self.year.param.update(
            label=t("controls.year", lang),
            options={str(y): y for y in state.years},
            value=state.year,
        )
        self.kind.param.update(
            label=t("controls.kind", lang),
            options={KIND_LABELS[k][lang]: k for k in KIND_LABELS if k in offered},
            value=state.kind,
        )

    def __panel__(self) -> pn.viewable.Viewable:
        def heading(key: str) -> pn.pane.HTML:
            def text(lang: str) -> str:
                return f"<h2 class='ycsp-h'>{html.escape(t(key, lang))}</h2>"

            return pn.pane.HTML(
                pn.bind(text, self.state.param.lang),
                margin=(8, 10, 0, 10),
                stylesheets=[HEADING_CSS],
            )

        return pn.Column(
            *([self.language] if self.show_language else []),
            heading("controls.what"),
            self.indicator,
            self.year,
            self.kind,
            heading("controls.where"),
            self.scope,
            self._cities_mended,
            heading("controls.how"),
            self.color_by,
            self.compare_by,
            self.overlays,
            sizing_mode="stretch_width",
        )
