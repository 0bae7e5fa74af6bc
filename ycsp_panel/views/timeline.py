"""The timeline: every year the indicator has, as a row of steps, with play.

Each step is one (year, kind) of :func:`ycsp_panel.state.period_steps` — for population 2014
observed, 2020 target, 2023 observed, 2030 forecast. The plan's own figures (target, forecast)
have dashed outlines and italic labels, observed ones solid outlines; a line under the steps
says so. Picking a step sets the state's year and kind together, so the map, the chart and
everything that follows the year move with it.

Play steps through the rest of the years, one step every ``interval`` milliseconds, from the
one shown (from the first when the last is shown), and stops by itself on the last; Panel's
periodic callback does the timing (:func:`panel.state.add_periodic_callback`, ended with the
session). Changing the indicator or leaving the section stops it.
"""

from __future__ import annotations

import html

import panel as pn
import param

from ycsp_panel.i18n import t
from ycsp_panel.state import PLAN_KINDS, period_steps
from ycsp_panel.views.base import View

TIMELINE_CSS = """
:host { margin: 0 10px 4px 10px; }
.bk-btn-group { flex-wrap: wrap; gap: 4px; }
.bk-btn-group > .bk-btn { font-size: 15px; border-width: 2px; border-radius: 4px !important;
  flex: 0 1 auto; padding: 3px 10px; }
"""
KEY_CSS = ".ycsp-timeline-key { font-size: 12.5px; color: #444; margin: 0; }"
PLAY_CSS = ":host { margin: 0 0 4px 10px; } .bk-btn { font-size: 15px; }"


def step_value(year: int, kind: str) -> str:
    return f"{year}:{kind}"


MAX_STEPS = 8
# The plan's steps are marked by classes on the widget (``ycsp-plan-at-<position>``), so a
# new indicator changes a property, not the stylesheets (new models, a walk of the document).
PLAN_CSS = "\n".join(
    f":host(.ycsp-plan-at-{i}) .bk-btn-group > .bk-btn:nth-child({i}) "
    "{ border-style: dashed; font-style: italic; }"
    for i in range(1, MAX_STEPS + 1)
)


def plan_classes(steps: tuple[tuple[int, str], ...]) -> list[str]:
    """The widget's classes: the timeline's, and one per step that is the plan's figure."""
    marks = [
        f"ycsp-plan-at-{i}" for i, (_, kind) in enumerate(steps, start=1) if kind in PLAN_KINDS
    ]
    return ["ycsp-timeline", *marks]


class Timeline(View):
    """The years of the state's indicator as steps, with a play button. Reads and sets the
    state's ``year`` and ``kind``."""

    interval = param.Integer(
        default=1500, bounds=(100, None), doc="Milliseconds between two steps while playing"
    )
    playing = param.Boolean(default=False, doc="Whether play is stepping through the years")

    watches = ("lang", "indicator", "year", "kind")

    def __init__(self, **params):
        super().__init__(**params)
        self._callback = None

    # -- what it offers -----------------------------------------------------------------------

    @property
    def steps(self) -> tuple[tuple[int, str], ...]:
        """The (year, kind) steps of the state's indicator, in time order."""
        return period_steps(self.state.indicator)

    def step_labels(self) -> dict[str, str]:
        """Label -> step value, in the state's language."""
        lang = self.state.lang
        return {
            t("timeline.step", lang).format(year=year, kind=t(f"timeline.kind.{kind}", lang)): (
                step_value(year, kind)
            )
            for year, kind in self.steps
        }

    @property
    def current(self) -> int:
        """The position of the state's (year, kind) among the steps."""
        here = (self.state.year, self.state.kind)
        return self.steps.index(here) if here in self.steps else 0

    # -- moving -------------------------------------------------------------------------------

    def go(self, index: int) -> None:
        """Show step ``index``."""
        year, kind = self.steps[index]
        self.state.param.update(year=year, kind=kind)

    def advance(self) -> bool:
        """Show the next step; whether there is one after it."""
        steps, here = self.steps, self.current
        if here + 1 < len(steps):
            self.go(here + 1)
        return self.current + 1 < len(steps)

    def play(self) -> None:
        """Step through the years from the one shown (from the first if the last is shown)."""
        self.stop()
        if len(self.steps) < 2:
            return
        if self.current == len(self.steps) - 1:
            self.go(0)
        self.playing = True
        self._callback = pn.state.add_periodic_callback(
            self._tick, period=self.interval, count=len(self.steps) - 1 - self.current
        )

    def stop(self) -> None:
        if self._callback is not None:
            self._callback.stop()
            self._callback = None
        self.playing = False

    def _tick(self) -> None:
        if not self.advance():
            self.stop()

    def _toggle(self, _event=None) -> None:
        if self.playing:
            self.stop()
        else:
            self.play()

    # -- drawing ------------------------------------------------------------------------------

    def _key_html(self) -> str:
        return f"<p class='ycsp-timeline-key'>{html.escape(t('timeline.key', self.state.lang))}</p>"

    def _build(self) -> pn.viewable.Viewable:
        lang = self.state.lang
        self.play_button = pn.widgets.Button(
            label=t("timeline.play", lang),
            color="primary",
            width=120,
            stylesheets=[PLAY_CSS],
            css_classes=["ycsp-play"],
        )
        self.play_button.on_click(self._toggle)
        self.step_buttons = pn.widgets.RadioButtonGroup(
            options=self.step_labels(),
            value=step_value(self.state.year, self.state.kind),
            color="primary",
            variant="outline",
            stylesheets=[TIMELINE_CSS, PLAN_CSS],
            css_classes=plan_classes(self.steps),
            sizing_mode="stretch_width",
        )
        self.step_buttons.param.watch(self._picked, "value")
        self.param.watch(self._relabel_play, "playing")
        self._key = pn.pane.HTML(self._key_html(), stylesheets=[KEY_CSS], margin=(0, 10))
        self._heading = pn.pane.HTML(self._heading_html(), margin=(0, 10))
        return pn.Column(
            self._heading,
            pn.FlexBox(
                self.play_button,
                pn.Column(self.step_buttons, styles={"flex": "1 1 300px"}, min_width=200),
                flex_wrap="wrap",
                align_items="center",
                sizing_mode="stretch_width",
            ),
            self._key,
            sizing_mode="stretch_width",
            css_classes=["ycsp-timeline-box"],
        )

    def _heading_html(self) -> str:
        text = html.escape(t("timeline.heading", self.state.lang))
        return f"<h2 class='ycsp-timeline-h' style='font-size:15px;margin:4px 0 0 0'>{text}</h2>"

    def _picked(self, event) -> None:
        if event.new is None:
            return
        year, _, kind = str(event.new).partition(":")
        if (int(year), kind) != (self.state.year, self.state.kind):
            self.stop()  # a pick of one's own (not play's, which sets the state) ends play
            self.state.param.update(year=int(year), kind=kind)

    def _relabel_play(self, _event=None) -> None:
        key = "timeline.pause" if self.playing else "timeline.play"
        self.play_button.label = t(key, self.state.lang)

    def refresh(self, changed: set[str]) -> None:
        if "indicator" in changed and self.playing:
            self.stop()
        with pn.io.hold():
            if changed & {"lang", "indicator"}:
                self.step_buttons.param.update(
                    options=self.step_labels(),
                    value=step_value(self.state.year, self.state.kind),
                    css_classes=plan_classes(self.steps),
                )
                self._key.object = self._key_html()
                self._heading.object = self._heading_html()
                self._relabel_play()
            else:
                self.step_buttons.value = step_value(self.state.year, self.state.kind)

    def _screen_changed(self, event) -> None:
        if not event.new and self.playing:
            self.stop()
        super()._screen_changed(event)
