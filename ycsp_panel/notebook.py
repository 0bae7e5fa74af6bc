"""Set up a notebook so the explorer's views render offline.

``inline=True`` makes the notebook carry BokehJS, Panel's and GeoViews' JavaScript instead of
loading them from a CDN. ``import hvplot.pandas`` (which the views use) calls the HoloViews
extension again; making ``inline`` the extension's default keeps that call offline too.
"""

from __future__ import annotations


def extension() -> None:
    """Load the Bokeh, GeoViews and Panel extensions (Tabulator included) with everything
    inline."""
    import geoviews as gv
    import holoviews as hv
    import panel as pn

    hv.extension.inline = True
    gv.extension("bokeh", inline=True, logo=False)
    pn.extension("tabulator", inline=True)  # DataTable's Tabulator too
