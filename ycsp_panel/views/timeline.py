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

PLAY_CSS = ":host { margin: 0 0 4px 10px; } .bk-btn { font-size: 15px; }"
KEY_CSS = ".ycsp-timeline-key { font-size: 12.5px; color: #444; margin: 0; }"


def step_value(year: int, kind: str) -> str:
    return f"{year}:{kind}"


# The look of Panel's primary outline buttons, with the plan's steps dashed and italic.
STEPS_CSS = """
.ycsp-steps { display: flex; flex-wrap: wrap; gap: 4px; }
.ycsp-step { font: inherit; font-size: 15px; line-height: 1.4; padding: 3px 10px;
  color: #212529; background: #fff; cursor: pointer;
  border: 2px solid #0072b5; border-radius: 4px; }
.ycsp-step:hover { background: #e8f1f8; }
.ycsp-step.ycsp-plan { border-style: dashed; font-style: italic; }
.ycsp-step[aria-checked="true"] { color: #fff; background: #0072b5; }
.ycsp-step:focus-visible { outline: 3px solid #f0a202; outline-offset: 1px; }
"""


class StepBar(pn.custom.JSComponent):
    """A row of steps, one of them picked: a radio group of buttons (arrow keys move the
    pick). A new set of steps or a new pick changes the buttons in place, without a new
    render of the widget — which for Bokeh's own button group re-lays out the whole page
    (0.5–0.7 s in the browser once every section has been opened)."""

    options = param.List(default=[], doc="The steps: [label, value, whether the plan's]")
    value = param.String(default=None, allow_None=True, doc="The picked step's value")
    aria_label = param.String(default="", doc="The group's name for screen readers")

    _stylesheets = [STEPS_CSS]

    _esm = """
    export function render({ model }) {
      const group = document.createElement("div");
      group.className = "ycsp-steps";
      group.setAttribute("role", "radiogroup");
      const mark = () => {
        for (const b of group.children) {
          const on = b.dataset.value === model.value;
          b.setAttribute("aria-checked", String(on));
          b.tabIndex = on ? 0 : -1;
        }
        if (!group.querySelector('[aria-checked="true"]') && group.firstChild) {
          group.firstChild.tabIndex = 0;
        }
      };
      const draw = () => {
        group.setAttribute("aria-label", model.aria_label);
        group.replaceChildren(...model.options.map(([label, value, plan]) => {
          const b = document.createElement("button");
          b.type = "button";
          b.className = plan ? "ycsp-step ycsp-plan" : "ycsp-step";
          b.setAttribute("role", "radio");
          b.dataset.value = value;
          b.textContent = label;
          b.addEventListener("click", () => { model.value = value; });
          return b;
        }));
        mark();
      };
      group.addEventListener("keydown", (e) => {
        const steps = [...group.children];
        const at = steps.indexOf(e.target);
        const by = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1}[e.key];
        if (by === undefined || at < 0) return;
        e.preventDefault();
        const next = steps[(at + by + steps.length) % steps.length];
        next.focus();
        model.value = next.dataset.value;
      });
      model.on("options", draw);
      model.on("aria_label", draw);
      model.on("value", mark);
      draw();
      return group;
    }
    """


class Timeline(View):
    """The years of the state's indicator as steps, with a play button. Reads and sets the
    state's ``year`` and ``kind``."""

    interval = param.Integer(
        default=1500, bounds=(100, None), doc="Milliseconds between two steps while playing"
    )
    playing = param.Boolean(default=False, doc="Whether play is stepping through the years")
    heading = param.Boolean(
        default=True, doc="Whether its heading is shown (the steps are named for screen readers)"
    )

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

    def step_options(self) -> list[list]:
        """The steps as the step bar shows them: label, value, whether the plan's figure."""
        plan = [kind in PLAN_KINDS for _, kind in self.steps]
        return [
            [label, value, is_plan]
            for (label, value), is_plan in zip(self.step_labels().items(), plan, strict=True)
        ]

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
        self.step_buttons = StepBar(
            options=self.step_options(),
            value=step_value(self.state.year, self.state.kind),
            aria_label=t("timeline.heading", lang),
            css_classes=["ycsp-timeline"],
            sizing_mode="stretch_width",
            margin=(0, 10, 4, 10),
        )
        self.step_buttons.param.watch(self._picked, "value")
        self.param.watch(self._relabel_play, "playing")
        self._key = pn.pane.HTML(self._key_html(), stylesheets=[KEY_CSS], margin=(0, 10))
        self._heading = pn.pane.HTML(self._heading_html(), margin=(0, 10), visible=self.heading)
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
                    options=self.step_options(),
                    value=step_value(self.state.year, self.state.kind),
                    aria_label=t("timeline.heading", self.state.lang),
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
