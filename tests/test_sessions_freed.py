"""An ended session leaves nothing behind in the server process.

A workshop's server lives all day while participants come and go: the views, state and panes
of a session whose browser has gone must be freed once Bokeh discards the session (HoloViews'
process-wide options store, Panel's registry of rendered roots and the views' plot hooks have
each kept whole sessions alive before). Served in this process, so that what survives can be
counted; every section is opened, as a participant who clicks through the page would.
"""

from __future__ import annotations

import gc
import socket
import time
import weakref
from concurrent.futures import ThreadPoolExecutor

import panel as pn

from benchmarks.sessions import Client, register_models
from tests.browser.harness import free_port
from ycsp_panel.app import serve_page

SESSIONS = 3


def test_sessions_that_ended_are_freed_with_every_section_they_opened():
    register_models(explorer=True)
    built: list[weakref.ref] = []
    opened: list[list[str]] = []

    def page() -> None:
        template = serve_page()
        sections = template.sections
        for key in sections.sections:  # a participant clicking through every section
            sections.active = key
        opened.append(sections.built_sections)
        built.append(weakref.ref(sections.state))

    port = free_port()
    server = pn.serve(
        {"app": page},
        port=port,
        address="127.0.0.1",
        show=False,
        threaded=True,
        websocket_origin=[f"127.0.0.1:{port}"],
        unused_session_lifetime_milliseconds=300,
        check_unused_sessions_milliseconds=100,
    )
    try:
        deadline = time.monotonic() + 60
        while True:  # the server thread is listening
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
        url = f"ws://127.0.0.1:{port}/app/ws"

        def visit() -> list[str]:
            with Client(url, timeout=180) as client:
                return [result.error or "ok" for result in client.open(SESSIONS)]

        # In a thread of its own: the browser tests' Playwright keeps a loop running in this one.
        with ThreadPoolExecutor(1) as pool:
            assert pool.submit(visit).result() == ["ok"] * SESSIONS
        assert len(opened) == SESSIONS and all(len(keys) == 7 for keys in opened)

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            gc.collect()
            if all(ref() is None for ref in built):
                break
            time.sleep(0.2)
        alive = [ref() for ref in built if ref() is not None]
        assert alive == [], f"{len(alive)} of {SESSIONS} ended sessions are still in memory"
    finally:
        server.stop()
