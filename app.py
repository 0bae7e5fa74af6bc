"""Entry point for `panel serve app.py`."""

from ycsp_panel.app import create_app

create_app().servable()
