"""Views: one ``pn.viewable.Viewer`` per file, each usable on its own in a notebook."""

from ycsp_panel.views.chart import ComparisonChart
from ycsp_panel.views.controls import Controls
from ycsp_panel.views.map import CityMap
from ycsp_panel.views.notices import Notices
from ycsp_panel.views.profile import CityProfile

__all__ = ["CityMap", "CityProfile", "ComparisonChart", "Controls", "Notices"]
