"""Assembles the page; nothing is computed or read here beyond handing state to the views."""

from __future__ import annotations

from pathlib import Path

import geoviews as gv
import panel as pn
from bokeh.document import Document

from ycsp_panel.i18n import t
from ycsp_panel.state import SINGLE_VIEWS, ExplorerState
from ycsp_panel.url import PARAMETERS, apply_query, to_query
from ycsp_panel.views import (
    About,
    CityMap,
    CityProfile,
    ComparisonChart,
    Controls,
    DataTable,
    EcologyView,
    EconomyView,
    GroupGrowth,
    Header,
    Notices,
    PopulationView,
    Section,
    Sections,
    SourcesAndMethod,
    TargetAnswer,
    Timeline,
    TimeSeries,
)


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


def explore_layout(answer, timeline, city_map, chart, profile) -> pn.Column:
    """The first section: the answer (the scope and the highlighted cities against the plan)
    first, then the timeline, the map and the chart side by side on a laptop (the chart under
    the map on a phone), and the city profile below."""
    return pn.Column(
        answer,
        timeline,
        pn.FlexBox(
            pn.Column(city_map, styles={"flex": "3 1 460px"}, min_width=300),
            pn.Column(chart, styles={"flex": "2 1 360px"}, min_width=300),
            flex_wrap="wrap",
            sizing_mode="stretch_width",
        ),
        profile,
        sizing_mode="stretch_width",
    )


PRESENT_MAP_HEIGHT = 670  # px: under the header (≈ 80 px), map and key fit a 1366×768 screen


def presentation_layout(state: ExplorerState) -> pn.FlexBox:
    """Presentation mode, for a projector: the map in large type with its key, on one screen;
    beside it (under it on a narrow screen) the timeline, the answer and the chart."""
    return pn.FlexBox(
        pn.Column(
            CityMap(state=state, large_type=True, canvas_height=PRESENT_MAP_HEIGHT),
            styles={"flex": "3 1 560px"},
            min_width=300,
        ),
        pn.Column(
            Timeline(state=state),
            TargetAnswer(state=state),
            ComparisonChart(state=state),
            styles={"flex": "2 1 360px"},
            min_width=300,
        ),
        flex_wrap="wrap",
        sizing_mode="stretch_width",
    )


SINGLE_MAP_HEIGHT = 420  # px: the timeline, the map and its key in an iframe of ≈ 650 px


def single_view(state: ExplorerState, view: str) -> Section:
    """One view of :data:`~ycsp_panel.state.SINGLE_VIEWS` as a section of its own: the map
    with its timeline, sized for a portal's iframe; each other one as its page section."""
    if view == "map":
        return Section(
            [
                Timeline(state=state, heading=False),
                CityMap(state=state, canvas_height=SINGLE_MAP_HEIGHT),
            ]
        )
    return section_views(state, SINGLE_VIEWS[view])[SINGLE_VIEWS[view]]


def page_sections(state: ExplorerState) -> Sections:
    """The page's sections, each built when first opened."""
    return Sections(state=state, sections=section_views(state))


def section_views(state: ExplorerState, *only: str) -> dict[str, Section]:
    """The page's sections (``only`` these, if given): each one's views, not yet built."""
    sections = {
        "explore": lambda: Section(
            [
                TargetAnswer(state=state),
                Timeline(state=state),
                CityMap(state=state),
                ComparisonChart(state=state),
                CityProfile(state=state),
            ],
            layout=explore_layout,
        ),
        "population": lambda: Section([PopulationView(state=state)]),
        "economy": lambda: Section([EconomyView(state=state)]),
        "ecology": lambda: Section([EcologyView(state=state)]),
        "series": lambda: Section([TimeSeries(state=state), GroupGrowth(state=state)]),
        "table": lambda: Section([DataTable(state=state)]),
        "sources": lambda: Section([SourcesAndMethod(state=state)]),
    }
    return {key: make() for key, make in sections.items() if not only or key in only}


TEMPLATE = (Path(__file__).parent / "templates" / "page.html").read_text(encoding="utf-8")


class Page(pn.Template):
    """Panel's Template, without the text preview it redraws each time a part is added (a
    ``repr`` of every pane and plot of the page, ≈ 40 ms a session; the page is never shown as
    text)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self._render_items)})"


def create_app(state: ExplorerState | None = None) -> pn.Template:
    """The explorer page: our own template (header with h1, <aside>, <main>); it requests
    nothing from outside."""
    gv.extension("bokeh", logo=False)
    pn.extension("tabulator", design="bootstrap", notifications=False)

    state = state or ExplorerState()
    sync_url(state)
    if state.present:
        return presentation_app(state)
    if state.view:
        return single_view_app(state)

    sections = page_sections(state)
    # Only the selectors that act on the section in view: those its views follow.
    sidebar = pn.Column(
        Controls(state=state, show_language=False, acting=sections.acting()),
        About(state=state),
        sizing_mode="stretch_width",
    )
    template = _page(state, sidebar, sections)
    template.sections = sections  # the page's sections (which one is open, which were built)
    return template


def presentation_app(state: ExplorerState) -> pn.Template:
    """The page in presentation mode (``?present=1``): the header's tools, the notices and
    :func:`presentation_layout`; no sidebar (the view is the link's; the timeline moves the
    years, a click on the map highlights)."""
    return _page(state, pn.Column(), presentation_layout(state), present=True)


def single_view_app(state: ExplorerState) -> pn.Template:
    """One view alone (``?view=map``, ``population``, …), for a portal's iframe: a one-line
    header (language, copy link, the whole explorer), the selectors that act on that view, the
    view. Its URL holds its own state, as the page's does."""
    section = single_view(state, state.view)
    key = SINGLE_VIEWS[state.view]
    state.section = key  # the selectors offered are those of this view's section
    controls = Controls(state=state, show_language=False, acting={key: section.watches()})
    body = section.build()
    section.show(True)
    template = _page(state, pn.Column(controls, sizing_mode="stretch_width"), body, compact=True)
    template.single = section  # the view served alone
    template.controls = controls
    return template


def _page(
    state: ExplorerState, sidebar, body, present: bool = False, compact: bool = False
) -> pn.Template:
    """Our template with the header's tools, ``sidebar`` and, in <main>, the notices above
    ``body`` (what a choice changed is said wherever it was made)."""
    parts = {
        "tools": Header(state=state),
        "sidebar": sidebar,
        "main": pn.Column(Notices(state=state), body, sizing_mode="stretch_width"),
    }
    template = Page(
        TEMPLATE,
        location=True,  # the view lives in the URL (the page embeds roots.location)
        items=parts,
    )
    template.parts = parts  # the header's tools, the sidebar and <main>, as laid out
    template.compact = compact or present
    template.add_variable("present", present)
    template.add_variable("compact", template.compact)
    template.title = f"{t('app.title', 'zh')} | {t('app.title', 'en')}"
    return template


def local_stylesheets(document: Document) -> None:
    """Have Panel link its components' stylesheets from this server, never from its CDN.

    Panel records where its stylesheets live in the document when it renders the page's HTML.
    A session opened by its websocket without that page in this process (``--num-procs``: the
    page came from another process) was never told, and Panel fell back to its CDN for every
    stylesheet of the session's components. Set it first, as Panel would.
    """
    if document.session_context is None or "dist_url" in document.template_variables:
        return
    from panel.io.resources import LOCAL_DIST

    rel_path = pn.state.rel_path
    document.template_variables["dist_url"] = f"{rel_path}/{LOCAL_DIST}" if rel_path else LOCAL_DIST


def serve_page(document: Document | None = None) -> pn.Template:
    """Build the page into a server session's document (``panel serve``'s current one unless
    given). Bokeh recomputes a document's model graph each time a root is added; frozen, it
    does so once for the whole page."""
    document = document or pn.state.curdoc
    local_stylesheets(document)
    template = create_app()
    with document.models.freeze():
        template.server_doc(document)
    return template


def warm() -> None:
    """Fill this process's caches — data files, geometry in the map's projection, line overlays,
    selector labels in both languages, the analyses — by drawing the first page off-line once,
    so that the first visitor of a fresh server process does not pay for them.

    ``make serve`` runs it in every server process at start (``--setup``); a notebook needs no
    warming.
    """
    from ycsp_panel.analysis import ecology, economy, population
    from ycsp_panel.i18n import LANGUAGES
    from ycsp_panel.views.controls import selector_options
    from ycsp_panel.views.map import label_offsets

    for lang in LANGUAGES:
        selector_options(lang)
        population.population_status(lang)
        label_offsets(lang)
    for by in ("circle", "province", "belt", "cluster"):
        population.population_aggregates(by)
    for by in ("circle", "province", "belt"):
        population.group_growth(by)
    for analysis in (
        population.population_growth,
        population.city_shares,
        economy.world_clusters,
        economy.national_shares,
        ecology.development_intensity,
        ecology.participation,
    ):
        analysis()
    document = Document()
    serve_page(document)
    document.clear()
