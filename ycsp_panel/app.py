"""Assembles the page; nothing is computed or read here beyond handing state to the views."""

from __future__ import annotations

import geoviews as gv
import panel as pn

from ycsp_panel.i18n import t
from ycsp_panel.state import ExplorerState
from ycsp_panel.url import PARAMETERS, apply_query, to_query
from ycsp_panel.views import CityMap, CityProfile, ComparisonChart, Controls, Notices


def sync_url(state: ExplorerState) -> None:
    """Read the view from the page's query string, then keep the query string following it."""
    location = pn.state.location
    if location is None:
        return
    apply_query(state, location.search or "")

    def push(*_events) -> None:
        location.search = to_query(state)

    # The browser reports its own URL when the page loads; write ours after that.
    pn.state.onload(push)
    state.param.watch(push, list(PARAMETERS))


def create_app(state: ExplorerState | None = None) -> pn.template.BootstrapTemplate:
    """The explorer page. BootstrapTemplate: it requests nothing from outside (no web fonts)."""
    gv.extension("bokeh", logo=False)
    pn.extension(design="bootstrap", notifications=False)

    state = state or ExplorerState()
    sync_url(state)
    controls = Controls(state=state)
    city_map = CityMap(state=state)
    chart = ComparisonChart(state=state)
    profile = CityProfile(state=state)

    def about(lang: str) -> pn.pane.Markdown:
        return pn.pane.Markdown(
            f"### {t('about.heading', lang)}\n\n{t('about.body', lang)}\n\n"
            f"<small>{t('about.geometry', lang)}</small>",
            sizing_mode="stretch_width",
        )

    template = pn.template.BootstrapTemplate(
        title=f"{t('app.title', 'zh')} | {t('app.title', 'en')}",
        sidebar=[controls, pn.bind(about, state.param.lang)],
        main=[
            Notices(state=state),
            pn.Row(
                pn.Column(city_map, sizing_mode="stretch_width", min_width=480),
                pn.Column(chart, sizing_mode="stretch_width", min_width=380),
                sizing_mode="stretch_width",
            ),
            profile,
        ],
        sidebar_width=320,
        header_background="#1f3a5f",
    )
    return template
