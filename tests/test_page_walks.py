"""A selector change costs the same with every section open as on the first page.

Bokeh walks a document's whole model graph (with every section open, ≈ 1,000 models and
≈ 0.2 s) whenever a property that holds models is set or a HoloViews plot update ends. The
views patch what they show in place instead, so no change of scope, highlight, indicator,
year, kind, colouring, overlays or language walks the page's document, whatever the user has
opened before (hidden sections do no work; the shown ones add no model).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from bokeh.document import Document

from ycsp_panel.app import create_app

CHANGES = [
    ("scope", "circle:hefei"),
    ("cities", ["340100"]),
    ("indicator", "gdp"),
    ("year", 2014),
    ("color_by", "circle"),
    ("overlays", ["provinces", "circles", "zones"]),
    ("lang", "en"),
    ("scope", "all"),
    ("cities", []),
    ("lang", "zh"),
]


def walks_per_change() -> dict[str, int]:
    async def run() -> dict[str, int]:  # the map's tap stream schedules on a running loop
        template = create_app()
        document = Document()
        with document.models.freeze():
            template.server_doc(document)
        sections = template.sections
        for key in sections.sections:  # a participant who has opened every section
            sections.active = key
        sections.active = "explore"
        assert len(document.models) > 900
        walks: list[str] = []
        walk = document.models.recompute
        current = {"name": ""}
        document.models.recompute = lambda: walks.append(current["name"]) or walk()
        state = sections.state
        for name, value in CHANGES:
            current["name"] = name
            setattr(state, name, value)
        return {name: walks.count(name) for name in dict.fromkeys(walks)}

    with ThreadPoolExecutor(1) as pool:  # Playwright keeps a loop running in the main thread
        return pool.submit(asyncio.run, run()).result()


def test_no_selector_change_walks_the_page_with_every_section_open():
    assert walks_per_change() == {}
