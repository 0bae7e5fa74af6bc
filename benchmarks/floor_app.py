"""The floor: a bare Panel page served the same way as the explorer.

One Select whose value is echoed into a Markdown pane, and one small Bokeh plot. Every figure of
the explorer is reported as a ratio to the same figure measured on this page in the same run.
"""

import panel as pn
from bokeh.models import ColumnDataSource
from bokeh.plotting import figure

pn.extension()

CHOICES = ["alpha", "beta", "gamma", "delta"]

select = pn.widgets.Select(options=CHOICES, value=CHOICES[0], label="Choice")
echo = pn.pane.Markdown(f"Chosen: **{select.value}**")
select.param.watch(lambda event: setattr(echo, "object", f"Chosen: **{event.new}**"), "value")

source = ColumnDataSource({"floor_x": [0, 1, 2, 3, 4], "floor_y": [3, 1, 4, 1, 5]})
plot = figure(height=240, width=360, title="floor", toolbar_location=None)
plot.line("floor_x", "floor_y", source=source)

pn.Column(select, echo, plot).servable(title="floor")
