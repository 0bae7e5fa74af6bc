"""The sidebar's note on what the explorer is and where its boundaries come from."""

from __future__ import annotations

import panel as pn

from ycsp_panel.i18n import t
from ycsp_panel.views.base import View


def about_markdown(lang: str) -> str:
    return (
        f"### {t('about.heading', lang)}\n\n{t('about.body', lang)}\n\n"
        f"<small>{t('about.geometry', lang)}</small>"
    )


class About(View):
    """The note, in the state's language. One pane whose text is replaced: a pane made anew
    (as ``pn.bind`` would) brings new Bokeh models, and Bokeh then walks the whole document."""

    watches = ("lang",)

    def _build(self) -> pn.viewable.Viewable:
        self._pane = pn.pane.Markdown(about_markdown(self.state.lang), sizing_mode="stretch_width")
        return self._pane

    def refresh(self, changed: set[str]) -> None:
        self._pane.object = about_markdown(self.state.lang)
