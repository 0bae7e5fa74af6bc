"""Views: one ``pn.viewable.Viewer`` per file, each usable on its own in a notebook."""

from ycsp_panel.views.about import About
from ycsp_panel.views.answer import TargetAnswer
from ycsp_panel.views.base import View
from ycsp_panel.views.chart import ComparisonChart
from ycsp_panel.views.controls import Controls
from ycsp_panel.views.ecology import EcologyView
from ycsp_panel.views.economy import EconomyView
from ycsp_panel.views.growth import GroupGrowth
from ycsp_panel.views.header import Header
from ycsp_panel.views.map import CityMap
from ycsp_panel.views.notices import Notices
from ycsp_panel.views.population import PopulationView
from ycsp_panel.views.profile import CityProfile
from ycsp_panel.views.sections import Section, Sections
from ycsp_panel.views.sources import CityTable, SourcesAndMethod
from ycsp_panel.views.table import DataTable
from ycsp_panel.views.timeline import Timeline
from ycsp_panel.views.timeseries import TimeSeries

__all__ = [
    "About",
    "CityTable",
    "DataTable",
    "EcologyView",
    "EconomyView",
    "SourcesAndMethod",
    "TimeSeries",
    "Timeline",
    "CityMap",
    "CityProfile",
    "ComparisonChart",
    "Controls",
    "GroupGrowth",
    "Header",
    "Notices",
    "PopulationView",
    "Section",
    "Sections",
    "View",
    "TargetAnswer",
]
