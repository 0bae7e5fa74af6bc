"""Five sessions opened at once against ``panel serve app.py``, without a browser.

Correctness under concurrency, never timing: every session gets its whole document and the
server logs no error. Uses the benchmarks' harness (``benchmarks/``).
"""

from __future__ import annotations

from bokeh.models import ColumnDataSource

from benchmarks.serve import HARNESS_REPO, Server
from benchmarks.sessions import Client, register_models

SESSIONS = 5


def test_five_sessions_at_once_each_get_the_whole_page():
    register_models(explorer=True)  # this process must know the app's custom models
    server = Server(app=HARNESS_REPO / "app.py", repo=HARNESS_REPO, name="test-load")
    server.start()
    try:
        with Client(server.ws_url, timeout=180) as client:
            results = client.open(SESSIONS)
            failed = [r.error for r in results if not r.ok]
            assert not failed, failed
            assert len({r.session_id for r in results}) == SESSIONS
            for result in results:
                assert result.roots(), "a session's document has no roots"
                document = result.document()
                assert document.roots
                maps = [
                    m
                    for m in document.models
                    if isinstance(m, ColumnDataSource) and "ycsp_fill" in m.data
                ]
                assert maps, "no map (a data source with the fill column) in the document"
                assert len(maps[0].data["ycsp_fill"]) > 0
    finally:
        server.stop()
    assert server.problems() == [], server.log_path
