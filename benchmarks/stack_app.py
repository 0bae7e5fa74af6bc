"""The required stack's two plots alone, served: a plain GeoViews map of the 26 city polygons
beside a plain HoloViews bar chart, in the explorer's template (``benchmarks.stack_floor``)."""

import geoviews as gv
import panel as pn

from benchmarks.stack_floor import stack_page

gv.extension("bokeh", logo=False)
pn.extension(design="bootstrap", notifications=False)

stack_page(pn.state.curdoc)
