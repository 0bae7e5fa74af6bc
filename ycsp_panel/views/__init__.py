"""Views: one ``pn.viewable.Viewer`` per file, each usable on its own in a notebook."""

from ycsp_panel.views.map import CityMap

__all__ = ["CityMap"]
