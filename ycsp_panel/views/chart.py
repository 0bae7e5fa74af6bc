"""The comparison chart: the cities of the scope (or their groups) ranked by the indicator.

:func:`comparison` turns the state into the bars to draw (a pure function of the state and the
data); :class:`ComparisonChart` draws them with hvplot and redraws when the state changes.
Title, axes, value labels and the colour legend are painted in the canvas, in a CJK font, so
a PNG from Bokeh's save tool (named by :func:`chart_filename`) explains itself. The map uses
the same canvas helpers (font, legend layout, file names).
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import ClassVar
from weakref import WeakKeyDictionary

import holoviews as hv
import hvplot.pandas  # noqa: F401  (registers DataFrame.hvplot)
import numpy as np
import pandas as pd
import panel as pn
from bokeh.core.property.vectorization import Field
from bokeh.core.property.vectorization import value as fixed
from bokeh.models import (
    Axis,
    ColorBar,
    GlyphRenderer,
    HBar,
    HoverTool,
    Legend,
    LegendItem,
    NumeralTickFormatter,
    SaveTool,
    Text,
    Title,
)

from ycsp_panel import data, export, numbers
from ycsp_panel.i18n import t
from ycsp_panel.state import ALL, KIND_LABELS, ExplorerState, by_selection
from ycsp_panel.views import palette
from ycsp_panel.views.base import View, weakly
from ycsp_panel.views.colouring import PALETTES, categories_in_order, category_of, chart_colouring

NO_CIRCLE = palette.CIRCLE["none"]
PARTIAL_ALPHA = 0.35  # partial aggregates are drawn lighter: they are not totals
HIGHLIGHT_MARK = "★"
CHART_HEIGHT = 760  # px, the comparison figure's, beside the map's 700 (see comparison_look)
MAX_BAR_PX = 26  # the thickest a bar is drawn
KEY_TAG = "ycsp-key"  # marks the key legend a chart's hook adds under the figure
WATCHED = ("lang", "scope", "cities", "indicator", "year", "kind", "compare_by")
GROUP_COLORS = {"circle": palette.CIRCLE, "province": palette.PROVINCE, "belt": palette.BELT}
# Canvas text (titles, axes, legends, labels) names a CJK font first: a PNG from the save tool
# must never show Chinese as boxes, whatever the browser's default canvas font.
CANVAS_FONT = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif"
SCREEN_READER_ONLY_STYLE = (
    "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap"
)


def figure_parts(figure) -> list:
    """The title, the layout parts (axes, legends, colour bars, titles) and the glyphs of a
    figure. Cheap: ``figure.select`` would walk every model, data sources included, which for
    the map costs tens of milliseconds a call."""
    panels = [*figure.above, *figure.below, *figure.left, *figure.right, *figure.center]
    kinds = ("glyph", "selection_glyph", "nonselection_glyph", "hover_glyph", "muted_glyph")
    glyphs = [getattr(r, kind, None) for r in figure.renderers for kind in kinds]
    glyphs = [glyph for glyph in glyphs if glyph is not None and glyph != "auto"]
    return [figure.title, *panels, *glyphs]


def figure_tools(figure, kind: type) -> list:
    """The figure's toolbar tools of a type (without walking the whole model graph)."""
    return [tool for tool in figure.toolbar.tools if isinstance(tool, kind)]


def use_canvas_font(figure) -> None:
    """Every text a Bokeh figure paints on its canvas in :data:`CANVAS_FONT`."""
    for part in figure_parts(figure):
        if isinstance(part, Title):
            part.text_font = CANVAS_FONT
        elif isinstance(part, Axis):
            part.axis_label_text_font = part.major_label_text_font = CANVAS_FONT
        elif isinstance(part, Legend):
            part.label_text_font = part.title_text_font = CANVAS_FONT
        elif isinstance(part, ColorBar):
            part.title_text_font = part.major_label_text_font = CANVAS_FONT
        elif isinstance(part, Text):
            part.text_font = fixed(CANVAS_FONT)  # a plain string would name a data column


def legend_label(text: str, lang: str) -> str:
    """A legend label: long English names on two lines (Bokeh never wraps a legend to the
    width it is given, so a long label would run off a narrow canvas)."""
    return "\n".join(textwrap.wrap(text, 30, break_long_words=False)) if lang == "en" else text


def key_legend(items: list, **style) -> Legend:
    """A legend for under a figure (map key, chart categories): small, frameless, not
    clickable; ``style`` overrides (glyph sizes, ``ncols``)."""
    return Legend(
        items=items,
        **{
            "location": "left",
            "orientation": "vertical",
            "label_text_font_size": "9pt",
            "title_text_font_size": "9pt",
            "title_text_font_style": "bold",
            "label_height": 14,
            "glyph_height": 12,
            "glyph_width": 12,
            "spacing": 3,
            "padding": 4,
            "margin": 10,  # a panel legend sits a few px low in its slot: off the edge
            "border_line_alpha": 0,
            "background_fill_alpha": 0,
            "click_policy": "none",
            **style,
        },
    )


def legend_columns(labels, width_px: float = 360) -> int:
    """1 or 2 columns for a legend of these labels: 2 when two of the longest fit ``width_px``
    (a conservative figure width)."""
    labels = list(labels)
    if len(labels) < 4:
        return 1
    widest = max(text_width(line) for label in labels for line in label.split("\n"))
    return 2 if 2 * (widest + 40) <= width_px else 1


def legend_height(labels, columns: int) -> int:
    """About the pixels a legend of these labels (9pt, 3 px apart, 10 px margin) adds."""
    labels = list(labels)
    lines = sum(label.count("\n") + 1 for label in labels)
    return 14 * -(-lines // columns) + 3 * -(-len(labels) // columns) + 36


def text_width(text: str, size_px: float = 12) -> float:
    """An estimate of a label's width: CJK characters are square, Latin ones about half."""
    return sum(size_px if ord(ch) >= 0x2E80 else 0.55 * size_px for ch in text)


def export_filename(view: str, state: ExplorerState, *parts: str) -> str:
    """``ycsp_map_population_2020_target_zh``: the save tool's file name (no extension), so a
    saved PNG says what it shows: view, ``parts``, scope (unless all cities) and language."""
    scope = [] if state.scope == ALL else [state.scope.replace(":", "-")]
    return "_".join(["ycsp", view, *parts, *scope, state.lang])


def chart_filename(state: ExplorerState) -> str:
    """The chart's PNG name: ``ycsp_chart_gdp_2020_observed_by_circle_en``."""
    by = [] if state.compare_by == "city" else ["by", state.compare_by]
    return export_filename("chart", state, state.indicator, str(state.year), state.kind, *by)


@dataclass(frozen=True)
class Comparison:
    """What the chart shows for one state: bars (largest first, no data last) or a message."""

    by: str  # "city" or the grouping
    title: str
    axis_label: str
    unit: str
    bars: pd.DataFrame = field(default_factory=pd.DataFrame)
    colors: dict[str, str] = field(default_factory=dict)  # bars' category -> colour
    notes: list[str] = field(default_factory=list)
    message: str | None = None
    key_title: str = ""  # what the colours of the key are (city bars: the map's colouring)
    source_line: str = ""  # the sources, as a saved PNG gives them (export.source_line)


def format_number(value: float) -> str:
    """``2,500``, ``38,700.58``, ``130.1``: the one number format (:func:`numbers.number`):
    at most two decimals, no trailing zeros, thousands grouped."""
    return numbers.number(value)


def quality_label(quality: str, lang: str) -> str:
    return t(f"quality.{quality}", lang)


@by_selection("lang", "scope", "cities", "indicator", "year", "kind", "compare_by", "color_by")
def comparison(state: ExplorerState) -> Comparison:
    """The bars of the comparison chart for ``state`` (cities, or groups by ``compare_by``),
    once per process and view."""
    lang = state.lang
    spec = data.indicators().set_index("id").loc[state.indicator]
    unit = spec[f"unit_{lang}"]
    title = t("chart.title", lang).format(
        indicator=spec[f"name_{lang}"],
        unit=unit,
        year=state.year,
        kind=KIND_LABELS[state.kind][lang],
    )
    by = state.compare_by
    source = export.source_line(export.view_rows(state), lang)
    if by == "city":
        return replace(_cities(state, title, unit), source_line=source)
    title = f"{title}\n{t(f'chart.title.{by}', lang)}"
    axis_label = t(f"chart.axis.{by}", lang)
    group_word = t(f"group.{by}", lang)
    if spec["aggregation"] == "none":
        message = t("chart.not_aggregable", lang).format(
            indicator=spec[f"name_{lang}"], group=group_word
        )
        return Comparison(by, title, axis_label, unit, message=message)
    return replace(_groups(state, spec, title, axis_label, unit), source_line=source)


def _cities(state: ExplorerState, title: str, unit: str) -> Comparison:
    """A bar per city of the scope, from the rows behind the view (:func:`export.view_rows`:
    the figures the table and the downloads give, in the same order)."""
    lang = state.lang
    rows = export.view_rows(state)
    colouring = chart_colouring(state.color_by)
    categories = category_of(colouring, lang)

    records = []
    for row in rows.itertuples():
        code = row.entity_id
        has_value = not pd.isna(row.value)
        category, color = categories.loc[code, "category"], categories.loc[code, "fill"]
        highlighted = code in state.cities
        name = getattr(row, f"name_{lang}")
        if has_value:
            qualifier = "" if row.qualifier == "=" else f"{row.qualifier} "
            number = qualifier + format_number(row.value)
            value_text = f"{number} {unit}"
            if row.direction:
                direction = t(f"direction.{row.direction}", lang)
                value_text += f"（{direction}）" if lang == "zh" else f" ({direction})"
            source = getattr(row, f"source_title_{lang}")
            quality = quality_label(row.quality, lang)
        else:
            number = value_text = t("no_data", lang)
            source = quality = ""
        records.append(
            {
                "id": code,
                "label": f"{HIGHLIGHT_MARK} {name}" if highlighted else name,
                "name": name,
                "name_zh": row.name_zh,
                "name_en": row.name_en,
                "value": row.value,
                "value_text": value_text,
                "bar_text": number,
                "category": category,
                "color": color,
                "alpha": palette.IN_SCOPE_ALPHA,
                "highlighted": highlighted,
                "complete": has_value,
                "coverage": "",
                "source": source,
                "quality": quality,
            }
        )
    bars = _with_period(pd.DataFrame.from_records(records), state)
    # The key in the palette's order, as the map's.
    in_order = categories_in_order(colouring, categories.loc[bars["id"]])
    colors = dict(zip(in_order["category"], in_order["fill"], strict=True))

    notes = []
    missing = bars.loc[bars["value"].isna(), "name"]
    if len(missing):
        names = _join(missing, lang)
        notes.append(t("chart.note.no_data", lang).format(n=len(missing), names=names))
    if bars["highlighted"].any():
        notes.append(t("chart.note.highlight.city", lang))
    key_title = t("chart.key.colour", lang).format(colouring=t(f"map.color_by.{colouring}", lang))
    return Comparison(
        "city", title, t("chart.axis.city", lang), unit, bars, colors, notes, key_title=key_title
    )


def _join(names, lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(names)


def _groups(
    state: ExplorerState, spec: pd.Series, title: str, axis_label: str, unit: str
) -> Comparison:
    """A bar per group with a city in the scope, from the rows behind the view
    (:func:`export.view_rows`: its group rows, and its member-city rows for the sources and
    qualities each group's number rests on)."""
    lang, by = state.lang, state.compare_by
    scope = set(state.scope_cities)
    highlighted = scope.intersection(state.cities)
    rows = export.view_rows(state)
    groups = rows[rows["entity_type"] == by]
    if groups.empty:
        message = t("chart.no_groups", lang).format(group=t(f"group.{by}", lang))
        return Comparison(by, title, axis_label, unit, message=message)
    cities = rows[rows["entity_type"] == "city"]
    member_of = cities["groups"].str.split(";")
    titles = data.sources().set_index("id")[f"title_{lang}"]
    records = []
    for group in groups.itertuples():
        members = cities[member_of.map(lambda ids, g=group.entity_id: g in ids)]
        codes = set(members["entity_id"])
        sources = [s for s in group.source_id.split(";") if s]
        if len(sources) == 1:
            source = titles[sources[0]]
        else:
            source = t("chart.sources_many", lang).format(n=len(sources)) if sources else ""
        used = members[members["value"].notna()]
        quality = " / ".join(quality_label(q, lang) for q in sorted(set(used["quality"])))
        coverage = t("chart.coverage", lang).format(n=group.n_cities, m=group.n_members)
        value, complete = group.value, bool(group.complete)
        has_value = not pd.isna(value)
        if not has_value:
            number = value_text = t("no_data", lang)
        else:
            number = ("≈ " if group.qualifier == "≈" else "") + format_number(value)
            value_text = f"{number} {unit}"
            if not complete:
                number = t("chart.partial_label", lang).format(
                    value=number, n=group.n_cities, m=group.n_members
                )
        name = getattr(group, f"name_{lang}")
        # Long English group names break onto lines so the bars keep their width.
        axis_name = (
            "\n".join(textwrap.wrap(name, 24, break_long_words=False)) if lang == "en" else name
        )
        marked = bool(codes & highlighted)
        records.append(
            {
                "id": group.entity_id,
                "label": f"{HIGHLIGHT_MARK} {axis_name}" if marked else axis_name,
                "name": name,
                "name_zh": group.name_zh,
                "name_en": group.name_en,
                "value": value,
                "value_text": value_text,
                "bar_text": number,
                "category": group.entity_id,
                "color": GROUP_COLORS[by][group.entity_id],
                "alpha": palette.IN_SCOPE_ALPHA if complete else PARTIAL_ALPHA,
                "highlighted": marked,
                "complete": complete,
                "coverage": coverage,
                "source": source,
                "quality": quality,
                "outside": not group.in_scope,
            }
        )
    bars = _with_period(pd.DataFrame.from_records(records), state)
    colors = dict(zip(bars["category"], bars["color"], strict=True))

    notes = []
    if (~bars["complete"] & bars["value"].notna()).any():
        notes.append(t("chart.note.partial", lang))
    if bars["outside"].any():
        notes.append(t("chart.note.whole_groups", lang))
    if by in ("circle", "belt"):
        grouped = set(data.group_members(by)["city_code"])
        loose = data.cities().set_index("code").loc[sorted(scope - grouped), f"name_{lang}"]
        if len(loose):
            notes.append(t(f"chart.note.outside.{by}", lang).format(names=_join(loose, lang)))
    if bars["highlighted"].any():
        notes.append(t("chart.note.highlight.group", lang))
    return Comparison(by, title, axis_label, unit, bars.drop(columns="outside"), colors, notes)


def _with_period(bars: pd.DataFrame, state: ExplorerState) -> pd.DataFrame:
    """The bars (in the rows' order: largest first, no data last, then by id) with the kind and
    year every hover shows."""
    return bars.assign(kind=KIND_LABELS[state.kind][state.lang], year=str(state.year))


def comparison_legend(chart: Comparison, lang: str) -> dict[str, str]:
    """``{category: label}`` of the chart's key (and the highlight outline, under
    :data:`HIGHLIGHT_MARK`); empty for groups, which are named on the axis."""
    legend = {c: legend_label(c, lang) for c in chart.colors} if chart.by == "city" else {}
    if legend and chart.bars["highlighted"].any():
        legend[HIGHLIGHT_MARK] = f"{HIGHLIGHT_MARK} {t('export.highlighted', lang)}"
    return legend


HOVER_COLUMNS = (
    *("name_zh", "name_en", "value_text", "coverage", "kind", "year", "source", "quality"),
    *("category", "alpha", "id", "bar_text", "label_x", "outline", "highlighted"),
)


def comparison_frame(chart: Comparison) -> pd.DataFrame:
    """The bars in drawing order (Bokeh draws the first factor at the bottom: smallest first,
    so the largest is on top), with ``label_x`` where each value label goes (a bar without
    data is labelled at 0) and ``outline`` 1 for a highlighted bar (see :func:`_marks`)."""
    draw = chart.bars.iloc[::-1].reset_index(drop=True)
    return draw.assign(
        label_x=draw["value"].fillna(0.0).astype(float),
        outline=draw["highlighted"].astype(float),
    )


@dataclass(frozen=True)
class Look:
    """What a comparison chart's figure shows besides its bars (see :func:`comparison_look`)."""

    tooltips: list[tuple[str, str]]
    value_end: float  # the value axis runs from 0 to here (room for the labels)
    value_format: str  # of the value axis' ticks
    bar_height: float  # each bar's thickness, in factor units (1 = the bar's whole band)
    legend: dict[str, str]  # the key: {category: label}


def comparison_look(chart: Comparison, draw: pd.DataFrame, lang: str) -> Look:
    tooltips = [
        (t("chart.hover.name_zh", lang), "@{name_zh}"),
        (t("chart.hover.name_en", lang), "@{name_en}"),
        (t("chart.hover.value", lang), "@{value_text}"),
    ]
    if (chart.bars["coverage"] != "").any():
        tooltips.append((t("chart.hover.coverage", lang), "@{coverage}"))
    tooltips += [
        (t("chart.hover.kind", lang), "@{kind}"),
        (t("chart.hover.year", lang), "@{year}"),
        (t("chart.hover.source", lang), "@{source}"),
        (t("chart.hover.quality", lang), "@{quality}"),
    ]
    top = np.nanmax(draw["value"].to_numpy(dtype=float)) if draw["value"].notna().any() else 1.0
    room = 1.5 if (~chart.bars["complete"] & chart.bars["value"].notna()).any() else 1.3
    # Groups are named on the axis; cities need the key to their colours in the PNG too, and
    # to the highlight's outline.
    legend = comparison_legend(chart, lang)
    legend_px = legend_height(legend.values(), legend_columns(legend.values())) if legend else 0
    legend_px += 18 if legend and chart.key_title else 0
    # The figure keeps one height whatever the number of bars: a figure that changes height
    # makes the browser lay the whole page out again (≈ 0.3–0.4 s a scope or language change,
    # more with every section open). Few bars are drawn thinner instead of filling it.
    band_px = (CHART_HEIGHT - 130 - legend_px) / max(len(draw), 1)
    return Look(
        tooltips=tooltips,
        value_end=float(top * room),
        # The value axis: millions of persons as "20m" so the ticks fit a narrow chart.
        value_format="0,0" if top * room < 1e6 else "0.[0]a",
        bar_height=round(min(0.8, MAX_BAR_PX / band_px), 3),
        legend=legend,
    )


def comparison_element(
    chart: Comparison,
    lang: str,
    filename: str | Callable[[], str] = "ycsp_chart",
    legend: Callable[[], dict[str, str]] | None = None,
    on_draw: Callable | None = None,
) -> hv.Bars | hv.Div:
    """The bars with value labels, highlight outlines and (for cities) the colour legend; a
    message when there is no chart. One element: the labels and outlines are drawn from its
    columns (``bar_text``, ``label_x``, ``outline``) by a hook. ``filename``: the save tool's,
    without extension; ``on_draw``: one more plot hook, run last.

    In a chart that is patched in place, ``filename`` and ``legend`` are functions giving the
    current view's."""
    if chart.message is not None:
        return hv.Div(
            f'<div role="note" style="padding:12px;font-size:14px">'
            f"<strong>{html.escape(chart.title)}</strong><p>{html.escape(chart.message)}</p></div>"
        ).opts(height=160, sizing_mode="stretch_width")
    draw = comparison_frame(chart)
    look = comparison_look(chart, draw, lang)
    label_dim = hv.Dimension("label", label=chart.axis_label)
    value_dim = hv.Dimension("value", label=chart.unit)
    return (
        draw.hvplot.barh(x="label", y="value", hover_cols=list(HOVER_COLUMNS), responsive=True)
        .redim(label=label_dim, value=value_dim)
        .relabel(group="Comparison", label="Bars")
        .opts(
            color="category",
            cmap=chart.colors,
            fill_alpha="alpha",
            line_color="white",
            line_width=0.5,
            show_legend=False,  # our own key, below the axis (see _legend_below)
            hover_tooltips=look.tooltips,
            tools=["hover"],
            default_tools=["save"],
            title=chart.title,
            fontsize={"title": "10.5pt"},
            xformatter=NumeralTickFormatter(format=look.value_format),
            ylim=(0, look.value_end),  # the value axis: HoloViews calls it y before inverting
            height=CHART_HEIGHT,
            bar_width=look.bar_height,
            toolbar="right",  # beside the plot: above it, a long title leaves the tools no room
            show_grid=True,
            hooks=[
                _few_ticks,
                _no_selection_glyphs,
                _marks,
                _legend_below(legend or look.legend, chart.key_title),
                _source_line_below(chart.source_line),
                ready_to_save(filename),
                *([on_draw] if on_draw is not None else []),
            ],
        )
    )


def notes_html(chart: Comparison) -> str:
    """The colour legend (cities only: groups are named on the axis; for screen readers) and
    the notes, escaped."""
    swatches = ""
    if chart.by == "city":
        swatches = "".join(
            f'<span style="white-space:nowrap;margin-right:10px">'
            f'<span style="display:inline-block;width:11px;height:11px;margin-right:3px;'
            f'background:{html.escape(color)}"></span>{html.escape(category)}</span> '
            for category, color in chart.colors.items()
        )
        # Visually hidden: the figure draws this key (so a saved PNG has it); kept as text
        # for screen readers, which cannot read the canvas.
        swatches = f'<p style="{SCREEN_READER_ONLY_STYLE}">{swatches}</p>'
    notes = "".join(f"<p>{html.escape(note)}</p>" for note in chart.notes)
    return f'<div class="ycsp-chart-notes" style="font-size:13px">{swatches}{notes}</div>'


MARKS_TAG = "ycsp-marks"  # the outlines' and the value labels' renderers (see _marks)


def _marks(plot, element) -> None:
    """The highlight's outlines and the value labels, drawn from the bars' own data source:
    two plain glyphs, not two more HoloViews layers (each a sub-plot with its own ranges and
    overlay, ≈ 0.1 s of every session's chart). A patched figure keeps them."""
    figure = plot.state
    if any(MARKS_TAG in renderer.tags for renderer in figure.renderers):
        return
    source, bars = plot.handles["source"], plot.handles["glyph"]
    outlines = GlyphRenderer(
        data_source=source,
        glyph=HBar(
            y=bars.y,
            height=bars.height,
            left=0,
            right="value",
            fill_alpha=0,
            line_color="black",
            line_width=3,
            line_alpha=Field("outline"),  # 1 for a highlighted bar, else 0
        ),
        tags=[MARKS_TAG, "outlines"],
    )
    # A few pixels between bar end and text (HoloViews' own offset is in data units and
    # breaks on a numeric axis).
    labels = GlyphRenderer(
        data_source=source,
        glyph=Text(
            x="label_x",
            y=bars.y,
            text="bar_text",
            x_offset=4,
            text_align="left",
            text_baseline="middle",
            text_font_size="9pt",
            text_color="#333333",
        ),
        tags=[MARKS_TAG, "labels"],
    )
    figure.renderers = [*figure.renderers, outlines, labels]


def _no_selection_glyphs(plot, element) -> None:
    # No selection on this chart: without selection glyphs, BokehJS also draws a source whose
    # length changes in place (with HoloViews' own, it fails: "Size mismatch"), and the
    # figure has four glyph models fewer to send and to walk.
    for renderer in plot.state.renderers:
        for kind in ("selection_glyph", "nonselection_glyph", "muted_glyph", "hover_glyph"):
            if getattr(renderer, kind, None) is not None:
                setattr(renderer, kind, None)


def _few_ticks(plot, element) -> None:
    # Few value ticks: the chart is often narrow beside the map; room for the last one's text.
    plot.handles["xaxis"].ticker.desired_num_ticks = 4
    plot.state.min_border_right = 24


_KEY_ITEMS: WeakKeyDictionary = WeakKeyDictionary()  # key legend -> its items, for reuse


def _key_item(label: str, renderer, index: int, item: LegendItem | None = None) -> LegendItem:
    """A key entry drawing its swatch from row ``index`` of ``renderer``; ``item`` refilled
    in place when given (its renderer set only if it changes: a property holding a model makes
    Bokeh walk the whole document again)."""
    if item is None:
        return LegendItem(label=fixed(label), renderers=[renderer], index=index)
    if list(item.renderers) != [renderer]:
        item.renderers = [renderer]
    item.update(label=fixed(label), index=index, visible=True)
    return item


def _legend_below(labels: dict[str, str] | Callable[[], dict[str, str]], title: str = ""):
    """A hook adding a legend of the bars' colours, ``{category: label}`` (and the highlight
    outline, under :data:`HIGHLIGHT_MARK`), under the value axis (:func:`fill_key`)."""

    def hook(plot, element) -> None:
        current = labels() if callable(labels) else labels
        fill_key(plot.state, plot.handles["glyph_renderer"], current, title)

    return hook


def fill_key(figure, filled, labels: dict[str, str], title: str = "") -> None:
    """The key of a comparison figure whose bars are ``filled``: inside the canvas, so a saved
    PNG keeps it; below the bars, so it covers none; ``title`` says what the colours are. Run
    again, it refills the key it added before, in place."""
    # A patched figure keeps its key legend: found wherever it is, refilled in place.
    keys = [
        m
        for side in ("below", "right", "left", "above", "center")
        for m in getattr(figure, side)
        if isinstance(m, Legend) and KEY_TAG in m.tags
    ]
    if not labels:
        for legend in keys:
            legend.visible = False
        return
    [outlines] = [r for r in figure.renderers if "outlines" in r.tags]
    # Each entry draws its swatch from one bar: a bar of its category, or an outline.
    categories = list(filled.data_source.data["category"])
    outlined = np.asarray(outlines.data_source.data["outline"], dtype=float) > 0
    entries = [
        (label, outlines, int(np.argmax(outlined)))
        if category == HIGHLIGHT_MARK
        else (label, filled, categories.index(category))
        for category, label in labels.items()
    ]
    ncols = legend_columns(labels.values())
    if keys:
        [legend] = keys
        if legend not in figure.below:
            for side in ("right", "left", "above", "center"):
                if legend in getattr(figure, side):
                    setattr(figure, side, [m for m in getattr(figure, side) if m is not legend])
            figure.below = [*figure.below, legend]
        # The entries of before, refilled, the spare ones hidden: no new models, and the
        # legend's list of models set only when it grows (or HoloViews emptied it), so the
        # document is not walked again. The colours' entries come first, in order; the
        # highlight's, drawn from the outlines, is always the last.
        kept = _KEY_ITEMS.get(legend, {"colours": [], "highlight": None})
        colours = [e for e in entries if e[1] is filled]
        marks = [e for e in entries if e[1] is not filled]
        pool = kept["colours"]
        items = [
            _key_item(*entry, pool[i] if i < len(pool) else None) for i, entry in enumerate(colours)
        ]
        pool = items + pool[len(items) :]
        for spare in pool[len(items) :]:
            spare.visible = False
        highlight = kept["highlight"]
        if marks:
            highlight = _key_item(*marks[0], highlight)
        elif highlight is not None:
            highlight.visible = False
        _KEY_ITEMS[legend] = {"colours": pool, "highlight": highlight}
        every = pool + ([highlight] if highlight is not None else [])
        if list(legend.items) != every:
            legend.items = every
        legend.update(ncols=ncols, visible=True, title=title or None)
        return
    # First drawn with an entry for every colour a city chart can have and one for the
    # highlight, the unused ones hidden: later views only refill and show them.
    colours = [_key_item(*entry) for entry in entries if entry[1] is filled]
    for _ in range(len(colours), max(map(len, PALETTES.values()))):
        colours.append(_key_item("", filled, 0))
        colours[-1].visible = False
    marks = [entry for entry in entries if entry[1] is not filled]
    highlight = _key_item(*marks[0]) if marks else _key_item("", outlines, 0)
    highlight.visible = bool(marks)
    legend = key_legend([*colours, highlight], ncols=ncols, title=title or None)
    legend.tags = [KEY_TAG]
    _KEY_ITEMS[legend] = {"colours": colours, "highlight": highlight}
    figure.add_layout(legend, "below")


SOURCE_TAG = "ycsp-source"  # the figure's source line (see source_below)


def source_below(figure, text: str) -> None:
    """The view's source line (:func:`ycsp_panel.export.source_line`) under the figure, inside
    the canvas so that a saved PNG carries it; added once, its text set in place after."""
    [title] = [m for m in figure.below if isinstance(m, Title) and SOURCE_TAG in m.tags] or [None]
    if title is None:
        title = Title(
            text=text,
            align="left",
            text_font_size="8pt",
            text_font_style="normal",
            text_color="#555555",
            tags=[SOURCE_TAG],
        )
        figure.add_layout(title, "below")
    elif title.text != text:
        title.text = text


def _source_line_below(text: str | Callable[[], str]):
    def hook(plot, element) -> None:
        source_below(plot.state, text() if callable(text) else text)

    return hook


# What fits a 390-px phone: Bokeh widens a figure to its title and its legends, never
# wrapping them, so the page would scroll sideways. Titles are wrapped to about 300 px at
# 10.5 pt (CJK characters are about twice as wide as Latin ones); legends go under the figure,
# in one or two columns, English labels on two lines where long.
TITLE_CHARS = {"cjk": 23, "latin": 46}
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


CLIP_CSS = ":host { overflow: hidden; }"


def wrapped_title(text: str) -> str:
    """``text`` with every line longer than fits a phone broken (at spaces for Latin text, at
    a punctuation mark or between characters for Chinese)."""
    lines = []
    for line in text.split("\n"):
        if _CJK.search(line):
            width = TITLE_CHARS["cjk"]
            while len(line) > width:
                cut = max(line.rfind(mark, 0, width + 1) for mark in "，、：·（ ")
                cut = cut + 1 if cut > width // 2 else width
                lines.append(line[:cut].rstrip())
                line = line[cut:].lstrip()
            lines.append(line)
        else:
            lines += textwrap.wrap(line, TITLE_CHARS["latin"], break_long_words=False) or [""]
    return "\n".join(lines)


TICK_CHARS = {"cjk": 9, "latin": 20}  # a category label's line on the value axis' left
TICK_PX = {"cjk": 12.0, "latin": 6.0}  # a character at 9 pt, about


def wrapped_tick(text: str) -> str:
    """A category label on at most two short lines (the second ends in … if cut), so the
    labels leave the plot room on a phone."""
    if "\n" in text:
        return text
    cjk = bool(_CJK.search(text))
    width = TICK_CHARS["cjk" if cjk else "latin"]
    if len(text) <= width:
        return text
    if cjk:
        lines = [text[:width], text[width:]]
    else:
        lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
        lines = lines or [text]
    if len(lines) > 2 or len(lines[-1]) > width:
        second = " ".join(lines[1:]) if not cjk else lines[1]
        lines = [lines[0], second[: width - 1].rstrip() + "…"]
    return "\n".join(lines[:2])


def _tick_px(labels) -> float:
    """About how wide the widest of ``labels`` is drawn at 9 pt."""
    widths = [0.0]
    for label in labels:
        for line in str(label).split("\n"):
            widths.append(len(line) * TICK_PX["cjk" if _CJK.search(line) else "latin"])
    return max(widths)


def fit_narrow(figure) -> None:
    """Fit the figure to a phone: category labels on the left on two short lines, the title
    wrapped and starting at the canvas' left edge (not the plot's, past the labels), and the
    legends under the figure, vertical, in one or two columns."""
    left_labels: list[str] = []
    for axis in figure.yaxis:
        overrides = dict(axis.major_label_overrides or {})
        factors = getattr(figure.y_range, "factors", None)
        if not overrides and factors and all(isinstance(f, str) for f in factors):
            overrides = {f: f for f in factors}
        if overrides:
            wrapped = {k: wrapped_tick(str(v)) for k, v in overrides.items()}
            if wrapped != dict(axis.major_label_overrides or {}):
                axis.major_label_overrides = wrapped
            left_labels += list(wrapped.values())
    if figure.title is not None and figure.title.text:
        text = wrapped_title(figure.title.text)
        if text != figure.title.text:
            figure.title.text = text
        if left_labels:  # leave the axis' own label and ticks their room (≈ 40 px)
            figure.title.offset = -round(0.9 * _tick_px(left_labels))
    # What still reaches past the canvas (the title's box, moved left, keeps its width) is
    # cut at its edge rather than widening the page.
    if CLIP_CSS not in figure.stylesheets:
        figure.stylesheets = [*figure.stylesheets, CLIP_CSS]
    for side in ("right", "left", "above"):
        panel = getattr(figure, side)
        for legend in [m for m in panel if isinstance(m, Legend)]:
            panel.remove(legend)
            figure.below.append(legend)
    # The legends under the figure (one inside the plot area cannot widen it); read from the
    # panel, not by ``figure.select``, which walks every model on each render.
    for legend in [m for m in figure.below if isinstance(m, Legend)]:
        for item in legend.items:
            label = item.label
            text = getattr(label, "value", None)
            if isinstance(text, str) and not _CJK.search(text) and len(text) > 30:
                item.label = fixed(legend_label(text, "en"))
        labels = [getattr(item.label, "value", "") or "" for item in legend.items]
        legend.update(orientation="vertical", location="top_left", ncols=legend_columns(labels))


def ready_to_save(filename: str | Callable[[], str]):
    """A hook naming the save tool's file, putting every canvas text in a CJK font and fitting
    the figure to a phone (:func:`fit_narrow`)."""

    def hook(plot, element) -> None:
        for tool in figure_tools(plot.state, SaveTool):
            tool.filename = filename() if callable(filename) else filename
        use_canvas_font(plot.state)
        fit_narrow(plot.state)

    return hook


class ChartView(View):
    """A chart and the notes under it, drawn from the state and brought up to date by the
    views' refresh rule (once per burst of changes, with every other view, in one message).

    Subclasses say what to watch (``watches``) and how to compute and draw (``_chart``,
    ``_element``, ``_notes_html``). Where every frame has the same layers (``patches``), the
    chart is drawn once as a DynamicMap and each refresh sends it the new frame: HoloViews
    then updates the figure's data sources and ranges in place instead of making a new figure.
    A frame of another shape (``_shape``) is drawn anew.
    """

    patches: ClassVar[bool] = False

    def _chart(self):
        raise NotImplementedError

    def _element(self, chart) -> hv.Element:
        raise NotImplementedError

    def _notes_html(self, chart) -> str:
        raise NotImplementedError

    @property
    def drawn(self) -> hv.Element:
        """The element on screen now (the DynamicMap's latest frame when patched)."""
        self.__panel__()
        obj = self._plot.object
        if isinstance(obj, hv.DynamicMap):
            return obj.last if obj.last is not None else obj[()]
        return obj

    def _build(self) -> pn.viewable.Viewable:
        chart = self._chart()
        self._plot = pn.pane.HoloViews(
            self._drawable(chart), sizing_mode="stretch_width", linked_axes=False
        )
        self._notes = pn.pane.HTML(self._notes_html(chart), sizing_mode="stretch_width")
        return pn.Column(self._plot, self._notes, sizing_mode="stretch_width")

    def _drawable(self, chart) -> hv.Element | hv.DynamicMap:
        self._current = chart
        self._pipe = None
        if not self.patches or getattr(chart, "message", None) is not None:
            return self._element(chart)
        self._pipe = hv.streams.Pipe(data=chart)
        return hv.DynamicMap(self._frame, streams=[self._pipe])

    def _frame(self, data) -> hv.Element:
        self._current = data
        return self._element(data).opts(framewise=True)

    def _shape(self, chart) -> object:
        """What must stay the same for a frame to be patched in (subclasses say)."""
        return getattr(chart, "message", None) is None

    def refresh(self, changed: set[str]) -> None:
        chart = self._chart()
        if self._pipe is not None and self._shape(chart) == self._shape(self._current):
            self._pipe.send(chart)  # patched in place
        else:
            self._plot.object = self._drawable(chart)
        self._notes.object = self._notes_html(chart)


class ComparisonChart(ChartView):
    """The state's indicator, year and kind compared across the scope's cities or groups.

    Reads ``lang``, ``scope``, ``cities``, ``indicator``, ``year``, ``kind`` and ``compare_by``
    of the state; holds no selection of its own.

    hvplot draws the first chart; every change after that patches the figure's Bokeh models
    in place, as the map does (:meth:`_patch`): the bars' columns that changed, the factors and
    the value range, title, axis labels, tick format, height, tooltips, key and file name. No
    HoloViews update runs, and no model is added, so the document is not walked again (with
    every section open that walk alone cost a change ≈ 0.2 s). A chart that is a message, or
    follows one, is drawn anew.
    """

    watches = (*WATCHED, "color_by")  # its city bars are coloured as the map is

    def __init__(self, **params):
        super().__init__(**params)
        self._handles: dict[str, object] = {}

    def _chart(self) -> Comparison:
        return comparison(self.state)

    def _element(self, chart: Comparison) -> hv.Bars | hv.Div:
        # The hooks read the view drawn now: a patched figure keeps its first hooks.
        return comparison_element(
            chart,
            self.state.lang,
            filename=weakly(self._save_name),
            legend=weakly(self._legend_now),
            on_draw=weakly(self._keep),
        )

    def _keep(self, plot, element) -> None:
        bars = plot.handles["glyph_renderer"]
        self._handles = {
            "figure": plot.state,
            "bars": bars,
            "mapper": bars.glyph.fill_color.transform,
        }

    def refresh(self, changed: set[str]) -> None:
        chart = self._chart()
        if not self._patch(chart):
            self._handles = {}
            self._plot.object = self._drawable(chart)
        self._notes.object = self._notes_html(chart)

    def _patch(self, chart: Comparison) -> bool:
        """Bring the drawn figure to ``chart`` in place; False when it must be drawn anew."""
        handles = self._handles
        if not handles or chart.message is not None or self._current.message is not None:
            return False
        figure, bars = handles["figure"], handles["bars"]
        source = bars.data_source
        draw = comparison_frame(chart)
        factors = draw["label"].tolist()  # the ranking: bottom to top
        look = comparison_look(chart, draw, self.state.lang)
        # The same bars as drawn now keep their rows (a bar's place comes from the factors):
        # a new ranking then sends only the columns whose values changed, not all of them.
        drawn = list(source.data["id"])
        if sorted(drawn) == sorted(draw["id"]):
            draw = draw.set_index("id", drop=False).loc[drawn].reset_index(drop=True)
        columns = {name: _column(draw[name]) for name in ("label", "value", *HOVER_COLUMNS)}
        columns["color"] = columns["category"]  # the colour mapper's input (HoloViews' column)
        if set(columns) != set(source.data):
            return False
        self._current = chart
        with pn.io.hold():
            if len(draw) != len(source.data["label"]):
                source.data = columns
            else:  # only the columns that changed travel
                source.data.update(
                    {k: v for k, v in columns.items() if not _same(source.data[k], v)}
                )
            figure.y_range.factors = factors
            figure.x_range.update(start=0, end=look.value_end)
            handles["mapper"].update(
                factors=list(chart.colors), palette=list(chart.colors.values())
            )
            figure.title.text = wrapped_title(chart.title)
            bars.glyph.height = look.bar_height
            for renderer in figure.renderers:
                if "outlines" in renderer.tags:
                    renderer.glyph.height = look.bar_height
            [xaxis], [yaxis] = figure.xaxis, figure.yaxis
            xaxis.axis_label, yaxis.axis_label = chart.unit, chart.axis_label
            xaxis.formatter.format = look.value_format
            for tool in figure_tools(figure, HoverTool):
                tool.tooltips = look.tooltips
            for tool in figure_tools(figure, SaveTool):
                tool.filename = self._save_name()
            fill_key(figure, bars, look.legend, chart.key_title)
            source_below(figure, chart.source_line)
        return True

    @property
    def drawn(self) -> hv.Bars | hv.Div:
        """The chart on screen now (patched in place: the element the state draws)."""
        self.__panel__()
        return self._element(self._current)

    def _save_name(self) -> str:
        return chart_filename(self.state)

    def _legend_now(self):
        return comparison_legend(self._current, self.state.lang)

    def _notes_html(self, chart: Comparison) -> str:
        return notes_html(chart)

    def element(self) -> hv.Bars | hv.Div:
        """The chart for the state now, as a plain element (for a notebook or a test)."""
        return comparison_element(self._chart(), self.state.lang, chart_filename(self.state))

    def notes(self) -> list[str]:
        """The plain-text notes under the chart (no data, partial sums, highlight marks …)."""
        return self._chart().notes


def _column(values: pd.Series) -> list | np.ndarray:
    """A data-source column as HoloViews sends one: numbers as an array, text as a list."""
    if values.dtype.kind in "fiub":
        return values.to_numpy()
    return values.tolist()


def _same(old, new) -> bool:
    return len(old) == len(new) and pd.Series(list(old)).equals(pd.Series(list(new)))
