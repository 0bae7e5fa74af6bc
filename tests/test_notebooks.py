"""The notebooks run top to bottom in a fresh kernel and carry their JavaScript inline (offline)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
# Bokeh/Panel's loader declares what it must fetch; inline output declares nothing.
LOADER_LISTS = re.compile(r"const (js_urls|js_modules|css_urls) = \[(.*?)\];", re.S)
LOADER_EXPORTS = re.compile(r"const js_exports = \{(.*?)\};", re.S)
# A stylesheet the browser would fetch: a URL to a .css file in any output (a model's
# ImportedStyleSheet, a <link>); inline output carries the CSS itself.
STYLESHEET_URL = re.compile(r"https?://[^\"'\s\\]+?\.css\b")


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_offline(path):
    notebook = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells), (
        "commit notebooks without outputs"
    )
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert [o for o in outputs if o.output_type == "error"] == []
    scripts = [
        str(o["data"]["application/javascript"])
        for o in outputs
        if "application/javascript" in o.get("data", {})
    ]
    loaders = [match for script in scripts for match in LOADER_LISTS.findall(script)]
    assert loaders, "no Bokeh/Panel loader in the output: did the extensions load?"
    assert [(name, urls) for name, urls in loaders if urls.strip()] == []
    assert [e for script in scripts for e in LOADER_EXPORTS.findall(script) if e.strip()] == []
    # No model or page part links a stylesheet from outside (a CDN, Panel's or anyone's).
    texts = [
        value if isinstance(value, str) else json.dumps(value)
        for o in outputs
        for value in o.get("data", {}).values()
    ]
    assert sorted({url for text in texts for url in STYLESHEET_URL.findall(text)}) == []
    # Each notebook shows at least one chart or map as a live Bokeh/Panel model.
    assert any("application/vnd.holoviews_exec.v0+json" in o.get("data", {}) for o in outputs)
