"""The page's sections (map, population, economy, ecology, time series, table, sources) behind a
row of buttons.

Not ``pn.Tabs``: Bokeh draws a tab's title once and never again, so the titles could not follow
the language. A section is built the first time it is opened (until then it costs nothing) and
kept, hidden, afterwards, so coming back to it does not redraw it. Its views are told whether
they are on screen: a hidden view does no work and catches up once when shown again
(:class:`~ycsp_panel.views.base.View`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import panel as pn
import param

from ycsp_panel.i18n import t
from ycsp_panel.views.base import View

SECTION_CSS = """
:host { margin: 4px 10px 8px 10px; }
.bk-btn-group { flex-wrap: wrap; }
.bk-btn { font-size: 15px; flex: 1 1 auto; }
@media (max-width: 600px) { .bk-btn { font-size: 13px; padding: 4px 6px; } }
"""


@dataclass(frozen=True)
class Section:
    """The views of one section and how they are laid out (by default one under another).

    ``layout`` receives the views and returns the section's layout; it is called once, when
    the section is first opened.
    """

    views: Sequence[object]
    layout: Callable[..., pn.viewable.Viewable] | None = field(default=None)

    def build(self) -> pn.viewable.Viewable:
        if self.layout is not None:
            return self.layout(*self.views)
        if len(self.views) == 1:
            return self.views[0]
        return pn.Column(*self.views, sizing_mode="stretch_width")

    def watches(self) -> tuple[str, ...]:
        """The state parameters its views follow (their ``watches``), sorted."""
        return tuple(sorted({n for v in self.views if isinstance(v, View) for n in v.watches}))

    def show(self, on_screen: bool) -> None:
        for view in self.views:
            if isinstance(view, View):
                view.on_screen = on_screen


class Sections(View):
    """Buttons that choose one of ``sections`` (key -> :class:`Section`, or any viewable);
    labels ``page.tab.<key>``. The section shown is the state's ``section`` (so a link reopens
    it), where it is one of them."""

    sections = param.Dict(doc="key -> Section or viewable, in the order of the buttons")
    active = param.String(doc="The key of the section shown")

    watches = ("lang", "section")

    def __init__(self, **params):
        params["sections"] = {
            key: value if isinstance(value, Section) else Section([value])
            for key, value in params["sections"].items()
        }
        wanted = params["state"].section if "state" in params else None
        first = wanted if wanted in params["sections"] else next(iter(params["sections"]))
        params.setdefault("active", first)
        super().__init__(**params)
        self.buttons = pn.widgets.RadioButtonGroup(
            value=self.active,
            options=self._options(),
            color="primary",
            variant="outline",
            stylesheets=[SECTION_CSS],
            css_classes=["ycsp-sections"],
            sizing_mode="stretch_width",
        )
        self._boxes: dict[str, pn.Column] = {}  # the sections built so far
        self.body = pn.Column(sizing_mode="stretch_width")
        for key, section in self.sections.items():
            section.show(key == self.active)
        self.buttons.param.watch(lambda event: setattr(self, "active", event.new), "value")
        self._show()

    def _options(self) -> dict[str, str]:
        return {t(f"page.tab.{key}", self.state.lang): key for key in self.sections}

    def refresh(self, changed: set[str]) -> None:
        if "section" in changed and self.state.section in self.sections:
            self.active = self.state.section
        if "lang" in changed:
            self.buttons.param.update(options=self._options(), value=self.active)

    def _build(self) -> pn.viewable.Viewable:
        return pn.Column(self.buttons, self.body, sizing_mode="stretch_width")

    def _state_changed(self, *events) -> None:
        # The buttons exist from the start (the page is drawn with them): relabel at once.
        self.refresh({event.name for event in events})

    @param.depends("active", watch=True)
    def _show(self) -> None:
        self.buttons.value = self.active
        with pn.io.hold():
            for key, section in self.sections.items():
                if key != self.active:
                    section.show(False)
                if key in self._boxes:
                    self._boxes[key].visible = key == self.active
            section = self.sections[self.active]
            if self.active not in self._boxes:  # built now, for the first time
                box = pn.Column(section.build(), sizing_mode="stretch_width")
                self._boxes[self.active] = box
                self.body.append(box)
            section.show(True)
        if self.active in self.state.param.section.objects:
            self.state.section = self.active

    def acting(self) -> dict[str, tuple[str, ...]]:
        """Per section, the state parameters its views follow (their ``watches``)."""
        return {key: section.watches() for key, section in self.sections.items()}

    @property
    def built_sections(self) -> list[str]:
        """The keys of the sections opened so far (the others have cost nothing)."""
        return list(self._boxes)
