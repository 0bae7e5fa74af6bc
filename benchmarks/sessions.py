"""Browserless sessions: Bokeh's websocket protocol spoken directly, many sessions at once.

What ``bokeh.client.pull_session`` does, without its blocking loop, so that N sessions can be
opened together from one asyncio loop: connect to ``/<app>/ws`` with a fresh session id in the
token (the server builds the session, i.e. runs the app, then sends ``ACK``), send
``PULL-DOC-REQ``, read ``PULL-DOC-REPLY``. The reply is kept as raw frames; turning it into a
:class:`bokeh.document.Document` (which needs the app's custom models known in this process, see
:func:`register_models`) happens only when asked, outside any timing.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

from bokeh.protocol import Protocol
from bokeh.util.token import generate_jwt_token, generate_session_id
from tornado.httpclient import HTTPRequest
from tornado.websocket import WebSocketClientConnection, websocket_connect

MAX_MESSAGE = 200 * 1024 * 1024


@dataclass
class Frames:
    """One Bokeh message as it came off the socket."""

    header: str
    metadata: str
    content: str
    buffers: list[tuple[str, bytes]] = field(default_factory=list)

    @property
    def msgtype(self) -> str:
        return json.loads(self.header)["msgtype"]

    @property
    def size(self) -> int:
        return (
            len(self.header)
            + len(self.metadata)
            + len(self.content)
            + sum(len(h) + len(p) for h, p in self.buffers)
        )


@dataclass
class SessionResult:
    """One session: seconds from starting the connection to ``ACK`` (the session is built) and to
    the document received (``ready_s``); bytes received; or the error."""

    session_id: str
    ack_s: float | None = None
    ready_s: float | None = None
    bytes_received: int = 0
    error: str | None = None
    reply: Frames | None = None
    connection: WebSocketClientConnection | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.reply is not None

    def roots(self) -> list[dict[str, Any]]:
        """The document's root models as JSON (no deserialisation)."""
        return json.loads(self.reply.content)["doc"]["roots"] if self.reply else []

    def document(self):
        """The pulled :class:`~bokeh.document.Document` (needs :func:`register_models`)."""
        from bokeh.document import Document

        message = Protocol().assemble(self.reply.header, self.reply.metadata, self.reply.content)
        for buffer_header, payload in self.reply.buffers:
            message.assemble_buffer(json.loads(buffer_header), payload)
        document = Document()
        message.push_to_document(document)
        return document

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


async def _read(connection: WebSocketClientConnection) -> Frames:
    async def fragment():
        data = await connection.read_message()
        if data is None:
            raise ConnectionError("the server closed the connection")
        return data

    header = await fragment()
    metadata = await fragment()
    content = await fragment()
    frames = Frames(header, metadata, content)
    for _ in range(json.loads(header).get("num_buffers", 0)):
        frames.buffers.append((await fragment(), await fragment()))
    return frames


async def _send(connection: WebSocketClientConnection, msgtype: str) -> None:
    message = Protocol().create(msgtype)
    for part in (message.header_json, message.metadata_json, message.content_json):
        await connection.write_message(part)


async def _await_type(connection, result: SessionResult, msgtype: str) -> Frames:
    while True:
        frames = await _read(connection)
        result.bytes_received += frames.size
        if frames.msgtype == msgtype:
            return frames
        if frames.msgtype == "ERROR":
            raise RuntimeError(f"server error: {json.loads(frames.content).get('text')}")


async def open_session(ws_url: str, timeout: float = 120) -> SessionResult:
    """Open one session and pull its document; the connection stays open (``result.close()``)."""
    session_id = generate_session_id()
    result = SessionResult(session_id=session_id)
    started = time.perf_counter()

    async def run() -> None:
        request = HTTPRequest(ws_url, connect_timeout=timeout, request_timeout=timeout)
        result.connection = await websocket_connect(
            request,
            subprotocols=["bokeh", generate_jwt_token(session_id)],
            max_message_size=MAX_MESSAGE,
        )
        await _await_type(result.connection, result, "ACK")
        result.ack_s = time.perf_counter() - started
        await _send(result.connection, "PULL-DOC-REQ")
        result.reply = await _await_type(result.connection, result, "PULL-DOC-REPLY")
        result.ready_s = time.perf_counter() - started

    try:
        await asyncio.wait_for(run(), timeout)
    except Exception as error:  # noqa: BLE001 - every failure is a result, reported as such
        result.error = f"{type(error).__name__}: {error}"
        result.close()
    return result


class Client:
    """Sessions opened from one event loop of this process; ``close()`` closes them all."""

    def __init__(self, ws_url: str, timeout: float = 120):
        self.ws_url = ws_url
        self.timeout = timeout
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)  # this thread's loop (Tornado looks it up)
        self.open_results: list[SessionResult] = []

    def open(self, n: int = 1) -> list[SessionResult]:
        """Open ``n`` sessions at once; they stay open until :meth:`close_sessions`."""

        async def all_of_them():
            tasks = (open_session(self.ws_url, self.timeout) for _ in range(n))
            return list(await asyncio.gather(*tasks))

        results = self.loop.run_until_complete(all_of_them())
        self.open_results.extend(results)
        return results

    def close_sessions(self) -> None:
        for result in self.open_results:
            result.close()
        self.open_results = []
        # Let the close frames go out.
        self.loop.run_until_complete(asyncio.sleep(0.2))

    def close(self) -> None:
        self.close_sessions()
        self.loop.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_registered: dict[str, str] = {}


def register_models(explorer: bool = True) -> dict[str, str]:
    """Make this process know every model the server may send.

    Panel's and GeoViews' models by import; the explorer's own components (JSComponents get a
    model class when first instantiated) by building the app once. ``explorer=False`` (the
    floor app) skips that. Returns what was done, with ``ycsp_panel``'s file when imported."""
    import panel  # noqa: F401
    import panel.models  # noqa: F401

    try:
        import geoviews.models  # noqa: F401
    except ImportError as error:  # a floor-only environment
        _registered["geoviews"] = f"not imported: {error}"
    if explorer and "ycsp_panel" not in _registered:
        import ycsp_panel
        from ycsp_panel.app import create_app

        create_app()
        _registered["ycsp_panel"] = ycsp_panel.__file__
    return dict(_registered)
