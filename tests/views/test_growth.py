"""Growth by circle, province or belt: observed and planned side by side, ranked."""

from __future__ import annotations

import holoviews as hv
import pytest
from bokeh.models import HoverTool, SaveTool

from ycsp_panel.state import ExplorerState
from ycsp_panel.views.growth import SERIES, GroupGrowth, grouping

hv.extension("bokeh", logo=False)


def test_cities_compared_means_circles_and_groups_compared_mean_themselves():
    assert grouping(ExplorerState(compare_by="city")) == "circle"
    assert grouping(ExplorerState(compare_by="belt")) == "belt"


def test_the_fastest_observed_circle_is_on_top_and_every_series_is_drawn():
    view = GroupGrowth(state=ExplorerState(lang="en"))
    element = view.element()
    yticks = dict(element.opts.get().kwargs["yticks"])
    assert yticks[max(yticks)] == "Hangzhou metropolitan circle"
    assert yticks[min(yticks)] == "Nanjing metropolitan circle"
    scatters = [e for e in element if isinstance(e, hv.Scatter)]
    assert [e.label for e in scatters] == [
        "Observed: end 2014 → census 2020",
        "Observed: censuses 2010 → 2020",
        "Plan: 2014 → 2020 target",
        "Plan: 2020 target → 2030 forecast",
        "Needed: census 2020 → 2030 forecast",
    ]
    # Filled for observed, hollow for the plan's, as in the time series.
    fills = [e.opts.get().kwargs["fill_alpha"] for e in scatters]
    assert fills == [1 if filled else 0 for *_, filled in SERIES]
    census = scatters[1].dframe()
    assert len(census) == 3  # Hefei and Ningbo lack complete 2010 counts
    figure = hv.render(element)
    assert figure.xaxis[0].axis_label == "Annual growth (% a year)"
    assert figure.yaxis[0].axis_label == "Metropolitan circle"
    assert figure.select_one(SaveTool).filename == "ycsp_growth_circle_en"
    assert figure.select(HoverTool)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_notes_say_how_rates_are_counted_and_which_groups_lack_one(lang):
    notes = GroupGrowth(state=ExplorerState(lang=lang, compare_by="circle")).notes()
    assert len(notes) == 2
    assert ("6年" if lang == "zh" else "6 years") in notes[0]
    if lang == "en":
        assert notes[1].endswith(
            "Ningbo metropolitan circle (2 of 3 cities); Hefei metropolitan circle (1 of 3 cities)."
        )
    else:
        assert "宁波都市圈（2/3个城市）、合肥都市圈（1/3个城市）" in notes[1]


def test_it_follows_compare_by_when_shown():
    state = ExplorerState(lang="en", compare_by="circle")
    view = GroupGrowth(state=state)
    view.__panel__()
    state.compare_by = "province"
    yticks = dict(view.element().opts.get().kwargs["yticks"])
    assert sorted(yticks.values()) == ["Anhui", "Jiangsu", "Shanghai", "Zhejiang"]
    assert yticks[max(yticks)] == "Zhejiang"
