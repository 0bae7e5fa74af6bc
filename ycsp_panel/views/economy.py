"""The economy tab: Table 2's world clusters, the national shares and the cities' GDP.

The numbers come from :mod:`ycsp_panel.analysis.economy`; the functions here only turn them into
labelled rows in the state's language (:func:`world_points`, :func:`share_rows`,
:func:`gdp_bars`) and draw them (:func:`world_element`, :func:`shares_element`,
:func:`gdp_element`). Titles, axes, value labels and legends are painted in the canvas in a CJK
font, so a PNG from Bokeh's save tool explains itself. :class:`EconomyView` relabels every
chart when the language changes and redraws the city GDP chart on scope and highlight.
"""

from __future__ import annotations

import html
import math
import textwrap

import holoviews as hv
import numpy as np
import pandas as pd
import panel as pn
from bokeh.models import NumeralTickFormatter

from ycsp_panel import data
from ycsp_panel.analysis import economy
from ycsp_panel.i18n import t
from ycsp_panel.numbers import number, percent
from ycsp_panel.state import ALL, ExplorerState
from ycsp_panel.views.base import View
from ycsp_panel.views.chart import (
    HIGHLIGHT_MARK,
    export_filename,
    format_number,
    quality_label,
    ready_to_save,
)

# One Okabe-Ito colour and one marker per world cluster; the YRD is black, a larger star.
CLUSTER_STYLE = {
    "yrd": ("#000000", "star"),
    "us_northeast": ("#0072B2", "circle"),
    "us_great_lakes": ("#56B4E9", "square"),
    "japan_pacific": ("#D55E00", "triangle"),
    "europe_northwest": ("#009E73", "diamond"),
    "uk_central": ("#CC79A7", "inverted_triangle"),
}
QUALITY_COLORS = {
    "plan": "#555555",
    "bulletin-quoted": "#0072B2",
    "secondary": "#56B4E9",
    "derived": "#E69F00",
    "weak": "#CC79A7",
}
SERIES_COLORS = {"observed": "#0072B2", "goal": "#E69F00", "now": "#009E73"}
SERIES = ("observed", "goal", "now")
ROW = 1.0  # one measure's block on the world chart; its clusters are spread inside it
TITLE_SIZE = {"title": "10.5pt"}
WATCHED = ("lang", "scope", "cities")
LOG_TICKS = (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100)


def _sep(lang: str) -> str:
    return "，" if lang == "zh" else ", "


def _paren(text: str, lang: str) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def _source_titles(lang: str) -> pd.Series:
    return data.sources().set_index("id")[f"title_{lang}"]


def _number(value: float, qualifier: str | None = "=") -> str:
    prefix = "" if qualifier in (None, "=") else f"{qualifier} "
    return prefix + format_number(value)


# -- Table 2: the YRD and the five world clusters ---------------------------------------------


def measure_label(indicator: str, lang: str) -> str:
    """``GDP per capita in US dollars (USD per person)``: the indicator's name and unit."""
    spec = data.indicators().set_index("id").loc[indicator]
    return spec[f"name_{lang}"] + _paren(spec[f"unit_{lang}"], lang)


def measure_tick(indicator: str, lang: str) -> str:
    """The measure's name and unit on the y axis: short lines, the unit on its own."""
    spec = data.indicators().set_index("id").loc[indicator]
    name = spec[f"name_{lang}"]
    if lang == "en":
        name = "\n".join(textwrap.wrap(name, 18, break_long_words=False))
    return f"{name}\n{_paren(spec[f'unit_{lang}'], lang).strip()}"


def world_points(lang: str) -> pd.DataFrame:
    """A row per cluster and measure: ratio to the YRD, the value as text, its place on the
    chart (``y``: measures top to bottom, the clusters spread inside each) and hover texts."""
    world = economy.normalized(economy.world_clusters())
    titles = _source_titles(lang)
    specs = data.indicators().set_index("id")
    measures = list(economy.WORLD_MEASURES)
    clusters = list(dict.fromkeys(world["entity_id"]))
    step = 0.8 * ROW / max(1, len(clusters) - 1)
    records = []
    for row in world.itertuples():
        i, j = measures.index(row.measure), clusters.index(row.entity_id)
        unit = specs.loc[row.measure, f"unit_{lang}"]
        name = getattr(row, f"name_{lang}")
        records.append(
            {
                "entity_id": row.entity_id,
                "cluster": f"{HIGHLIGHT_MARK} {name}" if row.is_cluster else name,
                "measure": row.measure,
                "measure_text": measure_label(row.measure, lang),
                "measure_tick": measure_tick(row.measure, lang),
                "ratio": row.ratio_to_cluster,
                # The position on the x axis: log10 of the ratio on a linear axis with ticks
                # labelled as ratios (a Bokeh log axis in a Panel pane drew its range wrong).
                "log_ratio": math.log10(row.ratio_to_cluster),
                "ratio_text": t("economy.world.ratio", lang).format(
                    ratio=number(row.ratio_to_cluster, 2)
                ),
                "value": row.value,
                "value_text": f"{_number(row.value, row.qualifier)} {unit}",
                "label": _number(row.value, row.qualifier),
                "year": t("economy.no_year", lang) if pd.isna(row.year) else str(row.year),
                "source": titles[row.source_id],
                "quality": quality_label(row.quality, lang),
                "highlighted": bool(row.is_cluster),
                "world_row": -(i * (ROW + 0.5) + j * step),
            }
        )
    return pd.DataFrame.from_records(records)


def world_ticks(points: pd.DataFrame) -> list[tuple[float, str]]:
    """The measure names at the middle of their blocks (the y axis)."""
    middle = points.groupby("measure", sort=False).agg(
        y=("world_row", "mean"), text=("measure_tick", "first")
    )
    return [(float(r.y), r.text) for r in middle.itertuples()]


def world_element(lang: str, filename: str = "ycsp_economy_world") -> hv.Overlay:
    """Each cluster a line from the YRD's 1 to its ratio and a marker, one colour and shape per
    cluster, the value printed beside it; the YRD a black star."""
    points = world_points(lang)
    x_dim = hv.Dimension("log_ratio", label=t("economy.world.axis.x", lang))
    y_dim = hv.Dimension("world_row", label=t("economy.world.axis.y", lang))
    hover = [
        (t("economy.hover.cluster", lang), "@{cluster}"),
        (t("economy.hover.measure", lang), "@{measure_text}"),
        (t("chart.hover.value", lang), "@{value_text}"),
        (t("economy.hover.ratio", lang), "@{ratio_text}"),
        (t("chart.hover.year", lang), "@{year}"),
        (t("chart.hover.source", lang), "@{source}"),
        (t("chart.hover.quality", lang), "@{quality}"),
    ]
    vdims = ["cluster", "measure_text", "value_text", "ratio_text", "year", "source", "quality"]
    vdims.append("ratio")
    layers = [hv.VLine(0.0).opts(color="#888888", line_dash="dashed", line_width=1)]
    for entity_id, rows in points.groupby("entity_id", sort=False):
        color, marker = CLUSTER_STYLE.get(entity_id, ("#777777", "circle"))
        name = rows["cluster"].iloc[0]
        stems = hv.Segments(
            rows.assign(world_x0=0.0), kdims=["world_x0", "world_row", "log_ratio", "world_row"]
        ).opts(color=color, line_width=2, alpha=0.6)
        dots = (
            hv.Points(rows, kdims=[x_dim, y_dim], vdims=vdims, label=name)
            .relabel(group="World", label=name)
            .opts(
                color=color,
                marker=marker,
                size=16 if entity_id == economy.CLUSTER else 10,
                line_color="white" if entity_id != economy.CLUSTER else color,
                hover_tooltips=hover,
                tools=["hover"],
            )
        )
        layers += [stems, dots]
    label_rows = points.assign(log_ratio=np.maximum(points["log_ratio"], 0.0))
    labels = hv.Labels(label_rows, kdims=["log_ratio", "world_row"], vdims=["label"]).relabel(
        group="World", label="Labels"
    )
    layers.append(
        labels.opts(
            text_align="left",
            text_baseline="middle",
            text_font_size="8.5pt",
            text_color="#333333",
            xoffset=0,
            hooks=[_offset_text(8)],
        )
    )
    # Room left of the smallest, and right of the largest for its label.
    low = points["log_ratio"].min() - 0.25
    high = points["log_ratio"].max() + 0.75
    n_rows = len(points)
    return hv.Overlay(layers).opts(
        title=t("economy.world.title", lang),
        fontsize=TITLE_SIZE,
        xlim=(low, high),
        ylim=(points["world_row"].min() - 0.35, points["world_row"].max() + 0.35),
        yticks=world_ticks(points),
        xlabel=t("economy.world.axis.x", lang),
        ylabel=t("economy.world.axis.y", lang),
        show_legend=True,
        legend_position="bottom",
        legend_cols=2,
        xticks=[(math.log10(x), f"{x:g}") for x in LOG_TICKS if low <= math.log10(x) <= high],
        height=170 + 17 * n_rows,
        responsive=True,
        toolbar="right",  # beside the plot: above it, a long title leaves the tools no room
        show_grid=True,
        hooks=[ready_to_save(filename)],
    )


# -- national shares -------------------------------------------------------------------------


def share_rows(lang: str) -> pd.DataFrame:
    """A row per measure and series (2014 observed, 2020 goal, 2020 observed): the share or
    ``NaN``, the bar's text (the value, or why it is not computable), its place on the chart
    and hover texts."""
    shares = economy.national_shares()
    titles = _source_titles(lang)
    values = data.values()
    names = data.indicators().set_index("id")
    records = []
    for i, row in enumerate(shares.itertuples()):
        measure = t(f"economy.shares.measure.{row.measure}", lang)
        base = -i * (len(SERIES) + 1)
        for j, series in enumerate(SERIES):
            record = {
                "measure": row.measure,
                "measure_text": measure,
                "series": series,
                "series_text": t(f"economy.shares.series.{series}", lang),
                "share_row": base - j,
                "coverage": "",
                "direction": "",
            }
            if series == "observed":
                record |= _plan_share(
                    values, row.indicator, row.observed_year, "observed", row.observed, titles, lang
                )
                if pd.isna(row.observed_year):
                    record["year"] = t("economy.no_year", lang)
            elif series == "goal":
                record |= _plan_share(
                    values, row.indicator, row.goal_year, "target", row.goal, titles, lang
                )
                direction = row.goal_direction
                record["direction"] = (
                    t(f"direction.{direction}", lang)
                    if isinstance(direction, str)
                    else t("economy.shares.no_direction", lang)
                )
            else:
                record |= _computed_share(row, names, titles, lang)
            records.append(record)
    return pd.DataFrame.from_records(records)


def _plan_share(values, indicator, year, kind, value, titles, lang) -> dict:
    rows = values[
        (values["entity_id"] == economy.CLUSTER)
        & (values["indicator"] == indicator)
        & (values["kind"] == kind)
        & (values["value"] == value)
    ]
    rows = rows[rows["year"].isna()] if pd.isna(year) else rows[rows["year"] == year]
    [row] = [r for _, r in rows.iterrows()]
    qualifier = "" if row["qualifier"] == "=" else f"{row['qualifier']} "
    text = f"{qualifier}{percent(value, lang)}"
    return {
        "value": float(value),
        "text": text,
        "value_text": text,
        "year": str(int(year)) if not pd.isna(year) else "",
        "computable": True,
        "source": titles[row["source_id"]],
        "quality": quality_label(row["quality"], lang),
    }


def _computed_share(row, names, titles, lang) -> dict:
    measure = next(m for m in economy.SHARE_MEASURES if m.id == row.measure)
    coverage = t("chart.coverage", lang).format(n=row.now_n_cities, m=row.now_n_members)
    sources = [titles[s] for s in row.now_source_ids]
    if len(sources) > 2:
        source = t("chart.sources_many", lang).format(n=len(sources))
    else:
        source = _sep(lang).join(sources)
    common = {"year": str(row.now_year), "coverage": coverage, "source": source}
    if row.now is None or pd.isna(row.now):
        reason = t(f"economy.shares.not_computable.{row.now_reason}", lang).format(
            n=row.now_n_cities, year=row.now_year
        )
        return common | {
            "value": np.nan,
            "text": reason,
            "value_text": reason,
            "computable": False,
            "quality": "",
        }
    how = t("economy.shares.computed", lang).format(
        indicator=names.loc[measure.city_indicator, f"name_{lang}"], year=row.now_year
    )
    text = percent(row.now, lang)
    return common | {
        "value": float(row.now),
        "text": text,
        "value_text": text + _paren(how, lang),
        "computable": True,
        "quality": "",
    }


def shares_element(lang: str, filename: str = "ycsp_economy_shares") -> hv.Overlay:
    """Bars per measure: the plan's observed share, its 2020 goal and the 2020 share computed
    from the cities; where that is not computable, the reason in its place."""
    rows = share_rows(lang)
    hover = [
        (t("economy.hover.measure", lang), "@{measure_text}"),
        (t("economy.hover.series", lang), "@{series_text}"),
        (t("chart.hover.value", lang), "@{value_text}"),
        (t("chart.hover.year", lang), "@{year}"),
        (t("economy.hover.direction", lang), "@{direction}"),
        (t("chart.hover.coverage", lang), "@{coverage}"),
        (t("chart.hover.source", lang), "@{source}"),
    ]
    vdims = ["measure_text", "series_text", "value_text", "year", "direction", "coverage"]
    vdims.append("source")
    layers = []
    for series in SERIES:
        part = rows[(rows["series"] == series) & rows["computable"]]
        boxes = part.assign(
            share_x0=0.0, share_y0=part["share_row"] - 0.4, share_y1=part["share_row"] + 0.4
        )
        label = t(f"economy.shares.series.{series}", lang)
        layers.append(
            hv.Rectangles(
                boxes, kdims=["share_x0", "share_y0", "value", "share_y1"], vdims=vdims, label=label
            )
            .relabel(group="Shares", label=label)
            .opts(
                color=SERIES_COLORS[series],
                line_color="white",
                hover_tooltips=hover,
                tools=["hover"],
            )
        )
    texts = rows.assign(value=rows["value"].fillna(0.0))
    layers.append(
        hv.Labels(texts, kdims=["value", "share_row"], vdims=["text"])
        .relabel(group="Shares", label="Labels")
        .opts(
            text_align="left",
            text_baseline="middle",
            text_font_size="9pt",
            text_color="#333333",
            hooks=[_offset_text(4)],
        )
    )
    middles = rows.groupby("measure", sort=False).agg(
        y=("share_row", "mean"), text=("measure_text", "first")
    )
    top = float(rows["value"].max())
    return hv.Overlay(layers).opts(
        title=t("economy.shares.title", lang),
        fontsize=TITLE_SIZE,
        xlim=(0, top * 1.6),
        ylim=(rows["share_row"].min() - 0.7, rows["share_row"].max() + 0.7),
        yticks=[(float(r.y), r.text) for r in middles.itertuples()],
        xlabel=t("economy.shares.axis.x", lang),
        ylabel=t("economy.shares.axis.y", lang),
        show_legend=True,
        legend_position="bottom",
        legend_cols=1,
        height=200 + 22 * len(rows),
        responsive=True,
        toolbar="right",  # beside the plot: above it, a long title leaves the tools no room
        show_grid=True,
        hooks=[ready_to_save(filename)],
    )


def share_notes(lang: str) -> list[str]:
    return [t("economy.shares.note.not_summed", lang), t("economy.shares.note.census", lang)]


# -- city GDP --------------------------------------------------------------------------------


def gdp_year() -> int:
    """The latest year with city GDP (2020: the most cities)."""
    return economy.city_gdp_years()[-1]


def scope_name(state: ExplorerState) -> str:
    if state.scope == ALL:
        return t("controls.scope_all", state.lang)
    group = state.scope.partition(":")[2]
    return data.entity_names().set_index("id").loc[group, f"name_{state.lang}"]


def gdp_bars(state: ExplorerState, year: int | None = None) -> pd.DataFrame:
    """The scope's cities, largest GDP first, then those without data, with their labels,
    colour (quality), highlight and hover texts."""
    lang = state.lang
    year = gdp_year() if year is None else year
    rows = economy.city_gdp(state.scope_cities, year)
    unit = data.indicators().set_index("id").loc[economy.CITY_GDP, f"unit_{lang}"]
    records = []
    for row in rows.itertuples():
        name = getattr(row, f"name_{lang}")
        highlighted = row.code in state.cities
        if row.has_data:
            number = format_number(row.value)
            value_text = f"{number} {unit}"
            quality = quality_label(row.quality, lang)
            color, source = QUALITY_COLORS[row.quality], getattr(row, f"source_{lang}")
        else:
            number = value_text = t("no_data", lang)
            quality, color, source = t("economy.gdp.legend.no_data", lang), "#d9d9d9", ""
        records.append(
            {
                "code": row.code,
                "label": f"{HIGHLIGHT_MARK} {name}" if highlighted else name,
                "name_zh": row.name_zh,
                "name_en": row.name_en,
                "value": row.value,
                "value_text": value_text,
                "bar_text": number,
                "year": str(year),
                "quality": quality,
                "color": color,
                "source": source,
                "has_data": bool(row.has_data),
                "highlighted": highlighted,
            }
        )
    return pd.DataFrame.from_records(records)


def gdp_title(state: ExplorerState, bars: pd.DataFrame, year: int) -> str:
    lang = state.lang
    spec = data.indicators().set_index("id").loc[economy.CITY_GDP]
    return t("economy.gdp.title", lang).format(
        indicator=spec[f"name_{lang}"],
        unit=spec[f"unit_{lang}"],
        year=year,
        scope=scope_name(state),
        n=int(bars["has_data"].sum()),
        m=len(bars),
    )


def gdp_element(state: ExplorerState, year: int | None = None) -> hv.Overlay:
    """Bars of the scope's cities coloured by quality, outlined where highlighted, 'no data'
    written where a city has none."""
    lang = state.lang
    year = gdp_year() if year is None else year
    bars = gdp_bars(state, year)
    unit = data.indicators().set_index("id").loc[economy.CITY_GDP, f"unit_{lang}"]
    draw = bars.iloc[::-1].reset_index(drop=True)  # Bokeh draws the first factor at the bottom
    label_dim = hv.Dimension("label", label=t("chart.axis.city", lang))
    value_dim = hv.Dimension("value", label=unit)
    hover = [
        (t("chart.hover.name_zh", lang), "@{name_zh}"),
        (t("chart.hover.name_en", lang), "@{name_en}"),
        (t("chart.hover.value", lang), "@{value_text}"),
        (t("chart.hover.year", lang), "@{year}"),
        (t("chart.hover.source", lang), "@{source}"),
        (t("chart.hover.quality", lang), "@{quality}"),
    ]
    vdims = [value_dim, "name_zh", "name_en", "value_text", "year", "source", "quality"]
    colors = dict(zip(draw["quality"], draw["color"], strict=False))
    filled = (
        hv.Bars(draw.assign(value=draw["value"].fillna(0.0)), kdims=[label_dim], vdims=vdims)
        .relabel(group="GDP", label="Bars")
        .opts(
            invert_axes=True,
            color="quality",
            cmap=colors,
            line_color="white",
            hover_tooltips=hover,
            tools=["hover"],
            show_legend=True,
        )
    )
    outlined = draw.assign(value=draw["value"].where(draw["highlighted"]))
    highlight = (
        hv.Bars(outlined, kdims=[label_dim], vdims=[value_dim])
        .relabel(group="GDP", label="Highlight")
        .opts(invert_axes=True, fill_alpha=0, line_color="black", line_width=3, show_legend=False)
    )
    labels = (
        hv.Labels(
            draw.assign(value=draw["value"].fillna(0.0)),
            kdims=[label_dim, value_dim],
            vdims=["bar_text"],
        )
        .relabel(group="GDP", label="Labels")
        .opts(
            invert_axes=True,
            text_align="left",
            text_baseline="middle",
            text_font_size="9pt",
            text_color="#333333",
            hooks=[_offset_text(4)],
        )
    )
    top = float(bars["value"].max()) if bars["has_data"].any() else 1.0
    filename = export_filename("economy_gdp", state, str(year))
    return (filled * highlight * labels).opts(
        title=gdp_title(state, bars, year),
        fontsize=TITLE_SIZE,
        ylim=(0, top * 1.3),  # the value axis: HoloViews calls it y before inverting
        xformatter=NumeralTickFormatter(format="0,0"),
        legend_position="bottom",
        legend_cols=2,
        height=max(260, 150 + 24 * len(bars)),
        responsive=True,
        toolbar="right",  # beside the plot: above it, a long title leaves the tools no room
        show_grid=True,
        hooks=[ready_to_save(filename)],
    )


def gdp_notes(state: ExplorerState, year: int | None = None) -> list[str]:
    lang = state.lang
    bars = gdp_bars(state, year)
    notes = [t("economy.gdp.note.quality", lang)]
    missing = bars.loc[~bars["has_data"], "name_zh" if lang == "zh" else "name_en"]
    if len(missing):
        names = ("、" if lang == "zh" else ", ").join(missing)
        notes.append(t("chart.note.no_data", lang).format(n=len(missing), names=names))
    if bars["highlighted"].any():
        notes.append(t("chart.note.highlight.city", lang))
    return notes


# -- drawing helpers -------------------------------------------------------------------------


def _offset_text(pixels: int):
    """A hook moving labels ``pixels`` right of their point (HoloViews' offsets are in data
    units, which a log axis or a categorical one makes useless)."""

    def hook(plot, element) -> None:
        plot.handles["glyph"].x_offset = pixels

    return hook


def notes_html(notes: list[str]) -> str:
    body = "".join(f"<p>{html.escape(note)}</p>" for note in notes)
    return f'<div class="ycsp-economy-notes" style="font-size:13px">{body}</div>'


class EconomyView(View):
    """Table 2's clusters, the national shares and the scope's city GDP.

    Reads ``lang``, ``scope`` and ``cities`` of the state; holds no selection of its own.
    """

    watches = WATCHED

    def world(self) -> hv.Overlay:
        return world_element(self.state.lang, export_filename("economy_world", self.state))

    def shares(self) -> hv.Overlay:
        return shares_element(self.state.lang, export_filename("economy_shares", self.state))

    def gdp(self) -> hv.Overlay:
        return gdp_element(self.state)

    def _build(self) -> pn.viewable.Viewable:
        opts = {"sizing_mode": "stretch_width"}
        # Unlinked: Panel would otherwise share the axes of same-named dimensions across charts.
        plots = {**opts, "linked_axes": False}
        self._headings = {
            key: pn.pane.Markdown("", **opts) for key in ("heading", "world", "shares", "gdp")
        }
        self._world = pn.pane.HoloViews(**plots)
        self._world_notes = pn.pane.HTML(**opts)
        self._shares = pn.pane.HoloViews(**plots)
        self._shares_notes = pn.pane.HTML(**opts)
        self._gdp = pn.pane.HoloViews(**plots)
        self._gdp_notes = pn.pane.HTML(**opts)
        self._lang = None
        self.refresh(set(WATCHED))
        h = self._headings
        return pn.Column(
            h["heading"],
            h["world"],
            self._world,
            self._world_notes,
            h["shares"],
            self._shares,
            self._shares_notes,
            h["gdp"],
            self._gdp,
            self._gdp_notes,
            sizing_mode="stretch_width",
        )

    def refresh(self, changed: set[str]) -> None:
        lang = self.state.lang
        if lang != self._lang:  # the cluster-level charts change with the language only
            self._lang = lang
            self._headings["heading"].object = f"## {t('economy.heading', lang)}"
            self._headings["world"].object = f"### {t('economy.world.heading', lang)}"
            self._headings["shares"].object = f"### {t('economy.shares.heading', lang)}"
            self._headings["gdp"].object = f"### {t('economy.gdp.heading', lang)}"
            self._world.object = self.world()
            world_notes = [t("economy.world.note", lang), t("economy.cluster_level", lang)]
            self._world_notes.object = notes_html(world_notes)
            self._shares.object = self.shares()
            self._shares_notes.object = notes_html(share_notes(lang))
        self._gdp.object = self.gdp()
        self._gdp_notes.object = notes_html(gdp_notes(self.state))
