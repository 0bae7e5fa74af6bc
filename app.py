"""Entry point for `panel serve app.py`."""

from ycsp_panel.app import serve_page

serve_page()
