"""Five sessions opened at once against ``panel serve app.py``, without a browser.

Correctness under concurrency, never timing: every session gets its whole document and the
server logs no error. Uses the benchmarks' harness (``benchmarks/``).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from bokeh.models import ColumnDataSource, ImportedStyleSheet

from benchmarks.serve import HARNESS_REPO, Server, busiest_share
from benchmarks.sessions import Client, register_models

SESSIONS = 5


def open_sessions(ws_url: str, n: int) -> list[dict]:
    """Open ``n`` sessions at once; per session its id, error and what its document holds."""
    seen = []
    with Client(ws_url, timeout=180) as client:
        for result in client.open(n):
            entry = {
                "id": result.session_id,
                "error": result.error,
                "roots": 0,
                "fills": 0,
                "remote_css": [],
            }
            if result.ok:
                document = result.document()
                maps = [
                    m
                    for m in document.models
                    if isinstance(m, ColumnDataSource) and "ycsp_fill" in m.data
                ]
                entry["roots"] = len(document.roots)
                entry["fills"] = len(maps[0].data["ycsp_fill"]) if maps else 0
                entry["remote_css"] = sorted(
                    {
                        m.url
                        for m in document.models
                        if isinstance(m, ImportedStyleSheet) and "://" in m.url
                    }
                )
            seen.append(entry)
    return seen


def test_five_sessions_at_once_each_get_the_whole_page():
    register_models(explorer=True)  # this process must know the app's custom models
    # As ``make serve`` runs it: two processes, each set up by the setup script.
    server = Server(
        app=HARNESS_REPO / "app.py",
        repo=HARNESS_REPO,
        extra_args=["--num-procs", "2", "--setup", "ycsp_panel/serve_setup.py"],
        name="test-load",
    )
    server.start()
    try:
        # In a thread of its own: the browser tests' Playwright keeps an event loop running in
        # this one for the whole test session.
        with ThreadPoolExecutor(1) as pool:
            sessions = pool.submit(open_sessions, server.ws_url, SESSIONS).result()
    finally:
        server.stop()
    assert [s["error"] for s in sessions if s["error"]] == []
    assert len({s["id"] for s in sessions}) == SESSIONS
    assert all(s["roots"] > 0 for s in sessions), "a session's document has no roots"
    # Every session has the map: a data source with the fill of each of the 26 cities.
    assert [s["fills"] for s in sessions] == [26] * SESSIONS
    # Opened by their websocket alone, as a second server process sees a page served by the
    # first (``--num-procs``): Panel's stylesheets must still come from this server.
    assert [s["remote_css"] for s in sessions] == [[]] * SESSIONS
    assert server.problems() == [], server.log_path


def test_the_busiest_process_share_is_one_over_n_when_split_evenly_and_one_when_not():
    # CPU seconds by process id, before and after a burst (the parent of --num-procs idles).
    before = {1: 5.0, 2: 10.0, 3: 10.0}
    assert busiest_share(before, {1: 5.0, 2: 14.0, 3: 14.0}) == 0.5
    assert busiest_share(before, {1: 5.0, 2: 18.0, 3: 10.0}) == 1.0
    assert busiest_share(before, {1: 5.0, 2: 16.0, 3: 12.0}) == 0.75
    assert busiest_share(before, dict(before)) is None  # nothing was done
