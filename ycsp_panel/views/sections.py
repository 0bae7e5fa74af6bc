"""The page's sections (map, time series, table, sources) behind a row of buttons.

Not ``pn.Tabs``: Bokeh draws a tab's title once and never again, so the titles could not follow
the language. A section is drawn the first time it is opened and kept (hidden) afterwards, so the
first page draws the map alone and coming back to the map does not redraw it.
"""

from __future__ import annotations

import panel as pn
import param

from ycsp_panel.i18n import t
from ycsp_panel.state import ExplorerState

SECTION_CSS = """
:host { margin: 4px 10px 8px 10px; }
.bk-btn-group { flex-wrap: wrap; }
.bk-btn { font-size: 15px; flex: 1 1 auto; }
@media (max-width: 600px) { .bk-btn { font-size: 13px; padding: 4px 6px; } }
"""


class Sections(pn.viewable.Viewer):
    """Buttons that choose one of ``sections`` (key -> viewable); labels ``page.tab.<key>``."""

    state = param.ClassSelector(class_=ExplorerState)
    sections = param.Dict(doc="key -> viewable, in the order of the buttons")
    active = param.String(doc="The key of the section shown")

    def __init__(self, **params):
        params.setdefault("active", next(iter(params["sections"])))
        super().__init__(**params)
        keys = list(self.sections)
        self.buttons = pn.widgets.RadioButtonGroup(
            value=self.active,
            options=keys,
            color="primary",
            variant="outline",
            stylesheets=[SECTION_CSS],
            css_classes=["ycsp-sections"],
            sizing_mode="stretch_width",
        )
        self._shown = {
            key: pn.Column(view, sizing_mode="stretch_width") for key, view in self.sections.items()
        }
        self.body = pn.Column(sizing_mode="stretch_width")
        self._relabel()
        self.buttons.param.watch(lambda event: setattr(self, "active", event.new), "value")
        self.state.param.watch(self._relabel, "lang")
        self._show()

    def _relabel(self, *_events) -> None:
        lang = self.state.lang
        self.buttons.param.update(
            options={t(f"page.tab.{key}", lang): key for key in self.sections},
            value=self.active,
        )

    @param.depends("active", watch=True)
    def _show(self) -> None:
        self.buttons.value = self.active
        for key, box in self._shown.items():
            box.visible = key == self.active
        if self._shown[self.active] not in self.body.objects:
            self.body.append(self._shown[self.active])  # drawn now, for the first time

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(self.buttons, self.body, sizing_mode="stretch_width")
