"""Set up a notebook so the explorer's views render offline.

``inline=True`` makes the notebook carry BokehJS, Panel's and GeoViews' JavaScript instead of
loading them from a CDN. ``import hvplot.pandas`` (which the views use) calls the HoloViews
extension again; making ``inline`` the extension's default keeps that call offline too.

Panel inlines the stylesheets of what a cell shows, but the models it sends later, when a view
changes in place (a selector, a line of code setting the state), linked three of its
stylesheets from its CDN (``loading.css`` and the theme's two; measured in JupyterLab). Panel
links them from where a document's ``dist_url`` says; :func:`extension` has every notebook
document say Panel's Jupyter server extension, which serves the same files from the Jupyter
server (at ``/panel-preview/``, as Panel's own notebook code assumes: a Jupyter server at the
root of its host).
"""

from __future__ import annotations

# Where Panel's Jupyter server extension serves Panel's own files (``panel.io.notebook``).
LOCAL_DIST = "/panel-preview/static/extensions/panel/"


def local_stylesheets(viewable, root, changed=None, old_models=None) -> None:
    """A Panel preprocessing hook, registered by :func:`extension` (notebooks only): each
    document shown so far (Panel's registry of what cells display) links Panel's stylesheets
    from the Jupyter server."""
    from panel.io.state import state

    documents = [root.document] + [document for _, _, document, _ in state._views.values()]
    for document in documents:
        if document is not None and "dist_url" not in document.template_variables:
            document.template_variables["dist_url"] = LOCAL_DIST


def extension() -> None:
    """Load the Bokeh, GeoViews and Panel extensions (Tabulator included) with everything
    inline, and keep what Panel sends later offline (:func:`local_stylesheets`)."""
    import geoviews as gv
    import holoviews as hv
    import panel as pn
    from panel.viewable import Viewable

    hv.extension.inline = True
    gv.extension("bokeh", inline=True, logo=False)
    pn.extension("tabulator", inline=True)  # DataTable's Tabulator too
    if local_stylesheets not in Viewable._preprocessing_hooks:
        Viewable._preprocessing_hooks.append(local_stylesheets)
