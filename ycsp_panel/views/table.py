"""The data table: the rows behind the map and the chart, their CSV and Excel downloads, and
"cite this view".

The rows, files and citation are built by :mod:`ycsp_panel.export` (pure); this view only shows
them. The files are built on the server when a button is clicked: Tabulator's own Excel export
needs a script that is not served offline.
"""

from __future__ import annotations

import datetime
import html
import io
from collections.abc import Callable

import pandas as pd
import panel as pn
import param
from bokeh.models.widgets.tables import NumberFormatter

from ycsp_panel import export
from ycsp_panel.i18n import t
from ycsp_panel.state import ExplorerState
from ycsp_panel.url import to_query
from ycsp_panel.views.aria import NARROW_TABLE_CSS, AriaMend
from ycsp_panel.views.base import View

WATCHED = ("lang", "scope", "cities", "indicator", "year", "kind", "compare_by")

TABLE_CSS = """
.ycsp-table-head h3 { font-size: 17px; margin: 4px 0; color: #1f3a5f; }
.ycsp-table-head p { font-size: 13px; margin: 0 0 4px 0; color: #444; }
.ycsp-cite { font-size: 13px; border: 1px solid #d0d7de; border-left: 4px solid #1f3a5f;
  border-radius: 4px; background: #f6f8fa; padding: 8px 12px; }
.ycsp-cite h4 { font-size: 14px; margin: 0 0 6px 0; color: #1f3a5f; }
.ycsp-cite p { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }  /* long links wrap */
"""


def page_link(state: ExplorerState) -> str:
    """This page's address with the state's query string; the query string alone outside a
    served page (a notebook, a test)."""
    query = to_query(state)
    location = pn.state.location
    if location is None or not location.hostname:
        return query
    port = f":{location.port}" if location.port else ""
    return f"{location.protocol}//{location.hostname}{port}{location.pathname}{query}"


class LabelledTabulator(pn.widgets.Tabulator):
    """A Tabulator whose element is a region named for screen readers (Tabulator itself marks
    the grid, rows and sortable headers, but gives the grid no name), and that scrolls inside
    its box (:data:`NARROW_TABLE_CSS`)."""

    aria_label = param.String(default="", doc="The table's accessible name")

    def __init__(self, **params):
        params["stylesheets"] = [NARROW_TABLE_CSS, *params.get("stylesheets", [])]
        super().__init__(**params)

    def _process_param_change(self, params):
        label = params.pop("aria_label", None)
        params = super()._process_param_change(params)
        if label is not None:
            params["html_attributes"] = {"role": "region", "aria-label": label}
        return params


class DataTable(View):
    """The rows of the current view in a sortable, filterable, read-only table, with CSV and
    Excel downloads and the text to cite the view, all in the state's language.

    Reads ``lang``, ``scope``, ``cities`` (shown in bold), ``indicator``, ``year``, ``kind``
    and ``compare_by`` of the state; holds no selection of its own.
    """

    link = param.Parameter(
        default=None,
        doc="The view's URL: a string, a callable returning one (read when a file or the "
        "citation is made), or None for page_link(state)",
    )

    watches = WATCHED

    def __init__(self, **params):
        super().__init__(**params)
        # The download buttons build their file at click time, from the state then.
        self.csv = pn.widgets.FileDownload(
            callback=self.csv_file, color="primary", label="CSV", filename="ycsp.zip"
        )
        self.xlsx = pn.widgets.FileDownload(
            callback=self.xlsx_file, color="primary", label="Excel", filename="ycsp.xlsx"
        )
        # Not only this view: every value, and the plan against the census.
        self.dataset = pn.widgets.FileDownload(
            callback=self.dataset_file, label="Dataset", filename="ycsp_values.zip"
        )
        self.comparison = pn.widgets.FileDownload(
            callback=self.comparison_file,
            label="Plan vs census",
            filename="ycsp_population_2020_plan_vs_census.zip",
        )

    def _build(self) -> pn.viewable.Viewable:
        self._heading = pn.pane.HTML(sizing_mode="stretch_width", stylesheets=[TABLE_CSS])
        self._table = LabelledTabulator(
            show_index=False,
            disabled=True,
            selectable=False,
            header_filters=True,
            # No pagination: its buttons would sit inside the grid, which ARIA forbids.
            layout="fit_data_fill",
            text_align={"value": "right", "year": "right"},
            formatters={
                "year": {"type": "plaintext"},  # 2020, not 2,020
                # The one number format (ycsp_panel.numbers): 2,500 and 1,274.83, not 2,500.0.
                "value": NumberFormatter(format="0,0.[00]"),
            },
            sizing_mode="stretch_width",
        )
        self._cite = pn.pane.HTML(sizing_mode="stretch_width", stylesheets=[TABLE_CSS])
        self.refresh(set(WATCHED))
        # After the first value: Tabulator's styler exists once it has data.
        self._table.style.apply(_bold_rows_of(self.state), axis=1)
        return pn.Column(
            self._heading,
            pn.FlexBox(self.csv, self.xlsx, self.dataset, self.comparison),
            AriaMend(target=self._table, sizing_mode="stretch_width"),
            self._cite,
            sizing_mode="stretch_width",
        )

    # -- what the page shows and hands out -------------------------------------------------

    @property
    def rows(self) -> pd.DataFrame:
        """The current view's rows (:func:`ycsp_panel.export.view_rows`)."""
        return export.view_rows(self.state)

    def current_link(self) -> str:
        if self.link is None:
            return page_link(self.state)
        return self.link() if isinstance(self.link, Callable) else str(self.link)

    def csv_file(self) -> io.BytesIO:
        """The current view's CSV (header first) with its README and metadata, in a zip,
        built at click time."""
        name = export.file_name(self.state, "csv").removesuffix(".csv")
        return io.BytesIO(export.to_zip(self.rows, self.state.lang, self.current_link(), name=name))

    def dataset_file(self) -> io.BytesIO:
        """Every value with its source, in a zip (CSV, README, metadata)."""
        return io.BytesIO(export.dataset_zip(self.state.lang, self.current_link()))

    def comparison_file(self) -> io.BytesIO:
        """The plan's 2020 population figures against the census, in a zip."""
        return io.BytesIO(export.comparison_zip(self.state.lang, self.current_link()))

    def xlsx_file(self) -> io.BytesIO:
        """The Excel workbook of the current view, built at click time."""
        return io.BytesIO(export.to_xlsx(self.rows, self.state.lang, self.current_link()))

    def cite(self, accessed: datetime.date | None = None, rows: pd.DataFrame | None = None) -> str:
        """The text to cite this view, plain, in the state's language (``rows``: the view's
        rows, when already at hand)."""
        return export.cite_text(
            self.state,
            self.rows if rows is None else rows,
            self.current_link(),
            accessed or datetime.date.today(),
            self.state.lang,
        )

    # -- keeping up with the state ---------------------------------------------------------

    def refresh(self, changed: set[str]) -> None:
        lang = self.state.lang
        rows = self.rows
        shown = export.display_rows(rows, lang, export.SCREEN_COLUMNS)
        titles = export.column_titles(lang)
        with pn.io.hold():
            self._heading.object = (
                f'<div class="ycsp-table-head"><h3>{html.escape(t("table.heading", lang))}</h3>'
                f"<p>{html.escape(t('table.summary', lang).format(n=len(shown)))}</p></div>"
            )
            self._table.param.update(
                value=shown,
                titles={c: titles[c] for c in shown.columns},
                header_filters={
                    c: _filter(shown[c], t("table.filter", lang).format(column=titles[c]))
                    for c in shown.columns
                },
                aria_label=t("table.aria", lang),
            )
            for button, kind in ((self.csv, "csv"), (self.xlsx, "xlsx")):
                name = export.file_name(self.state, kind)
                button.param.update(
                    label=t(f"table.download.{kind}", lang),
                    description=t(f"table.download.{kind}.description", lang),
                    filename=name.removesuffix(".csv") + ".zip" if kind == "csv" else name,
                )
            for button, kind in ((self.dataset, "dataset"), (self.comparison, "comparison")):
                button.param.update(
                    label=t(f"table.download.{kind}", lang),
                    description=t(f"table.download.{kind}.description", lang),
                )
            self._cite.object = self._cite_html(rows)

    def _cite_html(self, rows: pd.DataFrame) -> str:
        lang = self.state.lang
        heading = html.escape(t("cite.heading", lang))
        return (
            f'<section class="ycsp-cite" aria-label="{heading}"><h4>{heading}</h4>'
            f"<p>{html.escape(self.cite(rows=rows))}</p></section>"
        )


def _bold_rows_of(state: ExplorerState) -> Callable[[pd.Series], list[str]]:
    # A plain function, not a method: pandas' Styler deep-copies what it applies.
    def bold(row: pd.Series) -> list[str]:
        return ["font-weight: bold" if row["entity_id"] in state.cities else ""] * len(row)

    return bold


def _filter(column: pd.Series, placeholder: str) -> dict:
    # Numbers filter by equality; text by "contains", so 苏州 finds 苏州市. The placeholder
    # names the filter for screen readers (it is the input's only label).
    if pd.api.types.is_numeric_dtype(column):
        return {"type": "number", "func": "=", "placeholder": placeholder}
    return {"type": "input", "func": "like", "placeholder": placeholder}
