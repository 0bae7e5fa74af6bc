"""Run by ``panel serve --setup`` in every server process before its first session (see
``make serve``): fills the process's caches so the first visitor waits no longer than the next."""

from ycsp_panel.app import warm

warm()
