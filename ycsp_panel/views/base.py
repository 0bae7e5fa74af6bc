"""One refresh rule for every view.

A :class:`View` declares the state parameters it reads (``watches``), builds its panes the
first time it is drawn (``_build``) and brings them up to date in one method
(``refresh(changed)``). It is told whether it is on screen (``on_screen``):

- never drawn: a change costs nothing; the view is built from the state when first drawn;
- drawn but hidden (another section is open): a change only marks it stale; it refreshes once,
  for everything that changed meanwhile, when it is shown again;
- on screen: under ``panel serve`` the change is queued and every queued view of the session
  refreshes on the next tick, inside one document hold, so a burst of changes (an indicator
  that moves year and kind too) costs one refresh per view and reaches the browser as one
  message; elsewhere (a notebook, a test) the view refreshes at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import ClassVar
from weakref import WeakKeyDictionary, WeakMethod

import panel as pn
import param

from ycsp_panel.state import ExplorerState

_QUEUES: WeakKeyDictionary = WeakKeyDictionary()  # document -> views waiting for the tick


def _served(doc) -> bool:
    return doc is not None and doc.session_context is not None


def _run_queue(doc) -> None:
    views = _QUEUES.pop(doc, [])
    with pn.io.hold(doc):
        for view in views:
            view._flush()


@contextmanager
def sent_to_notebooks() -> Iterator[None]:
    """Send what the block changes to every notebook output showing a view, when it ends.

    In a notebook, HoloViews runs a stream's callback (a click on the map) as a task of its
    own, outside the Panel callback whose end sends a document's changes to the browser; the
    views change Bokeh models in place, so those changes stayed in the kernel. Off a notebook
    (a server session) there is no comm and this does nothing.
    """
    from panel.io.notebook import push
    from panel.io.state import state

    if _served(pn.state.curdoc):  # a server session sends its changes itself
        yield
        return
    shown = {id(doc): (doc, comm) for _, _, doc, comm in list(state._views.values()) if comm}
    held = [doc for doc, _ in shown.values() if not doc.callbacks.hold_value]
    for doc in held:
        doc.hold("combine")
    try:
        yield
    finally:
        # The changes held on each document, over its output's comm; a document HoloViews's
        # task held (and does not release) included.
        for doc, comm in shown.values():
            push(doc, comm)
        for doc in held:
            doc.unhold()


def weakly(method: Callable, *args) -> Callable:
    """A callable for HoloViews (a plot hook, or a function a hook calls) that calls a view's
    bound ``method``, with ``args`` first, while the view lives; afterwards it does nothing.

    HoloViews keeps an element's options, its hooks among them, in a process-wide store until
    the element is garbage collected; the element lives as long as the view that draws it. A
    hook bound to the view would close that circle through a global, and every ended session's
    views, state and panes would stay in memory for the life of the server process.
    """
    ref = WeakMethod(method)

    def call(*more):
        bound = ref()
        return None if bound is None else bound(*args, *more)

    call.__qualname__ = f"weakly({method.__qualname__})"
    return call


class View(pn.viewable.Viewer):
    """Base of the explorer's views: state in, panes out, one refresh rule.

    Subclasses set ``watches`` and implement ``_build`` (the layout, from the current state)
    and ``refresh`` (bring the built panes up to date; ``changed`` names the state parameters
    that changed since the last refresh).
    """

    state = param.ClassSelector(class_=ExplorerState, doc="The explorer's state (read only)")
    on_screen = param.Boolean(
        default=True,
        doc="Whether the view is shown; a hidden view does no work and refreshes when shown",
    )

    watches: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **params):
        if params.get("state") is None:
            params["state"] = ExplorerState()
        super().__init__(**params)
        self._layout: pn.viewable.Viewable | None = None
        self._pending: set[str] = set()
        self._stale: set[str] = set()
        if self.watches:
            self.state.param.watch(self._state_changed, list(self.watches))
        self.param.watch(self._screen_changed, "on_screen")

    # -- what subclasses write ----------------------------------------------------------------

    def _build(self) -> pn.viewable.Viewable:
        raise NotImplementedError

    def refresh(self, changed: set[str]) -> None:
        raise NotImplementedError

    # -- the rule -----------------------------------------------------------------------------

    @property
    def built(self) -> bool:
        """Whether the view has been drawn (its panes exist)."""
        return self._layout is not None

    @property
    def stale(self) -> bool:
        """Whether the view missed changes while hidden (it refreshes when shown)."""
        return bool(self._stale)

    def __panel__(self) -> pn.viewable.Viewable:
        if self._layout is None:
            self._layout = self._build()
            self._stale.clear()
        return self._layout

    def request_refresh(self, names: Iterable[str]) -> None:
        """Refresh for ``names`` by the rule (at once, on the next tick, or when shown)."""
        if self._layout is None:
            return
        names = set(names)
        if not self.on_screen:
            self._stale |= names
            return
        doc = pn.state.curdoc
        if not _served(doc):
            self._pending |= names
            self._flush()
            return
        self._pending |= names
        queue = _QUEUES.get(doc)
        if queue is None:
            queue = _QUEUES[doc] = []
            pn.state.execute(partial(_run_queue, doc), schedule=True)
        if self not in queue:
            queue.append(self)

    def _state_changed(self, *events) -> None:
        self.request_refresh(event.name for event in events)

    def _screen_changed(self, event) -> None:
        if event.new and self._stale:
            self._pending |= self._stale
            self._stale = set()
            with pn.io.hold():
                self._flush()

    def _flush(self) -> None:
        changed, self._pending = self._pending, set()
        if changed and self._layout is not None:
            self.refresh(changed)


class HTMLView(View):
    """A view that is one HTML pane: subclasses write ``html()`` (escaped text) and may name
    ``stylesheets``."""

    stylesheets: ClassVar[tuple[str, ...]] = ()

    def html(self) -> str:
        raise NotImplementedError

    def _build(self) -> pn.viewable.Viewable:
        self._pane = pn.pane.HTML(
            self.html(),
            stylesheets=list(self.stylesheets),
            sizing_mode="stretch_width",
            disable_math=True,
        )
        return self._pane

    def refresh(self, changed: set[str]) -> None:
        self._pane.object = self.html()
