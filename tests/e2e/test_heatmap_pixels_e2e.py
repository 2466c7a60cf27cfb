"""Smoothed heatmaps drawn by the chart element (ui/chart.js fastSmoothHeatmaps) are plotly.js's own picture:
after a scrub, every "best"-smoothed heatmap image (and a contour map's heatmap colouring) is the same PNG, at
the same place and size, as plotly.js draws natively for the same frame, and the contour lines are the same.
The dropout maps (two panels, a colour bar), the logistic probability map (a contour map with its 0.5 line),
its hidden-unit maps (16 small panels, int8 values) and its three-class map (not smoothed: plotly's own) are
the cases the pages have."""

from __future__ import annotations

import pytest

from tests.e2e.browser import assert_clean, reveal_charts
from tests.e2e.test_pages_e2e import open_page
from tests.e2e.test_stable_chart_e2e import scrub

IMAGES = """() => [...document.querySelectorAll('.dl-chart')].map(gd => [...gd.querySelectorAll('.hm image')].map(im => [
    im.getAttributeNS('http://www.w3.org/1999/xlink', 'href'),
    ['x', 'y', 'width', 'height'].map(a => im.getAttribute(a)).join(',')]))"""
REDRAW = """async native => {
    window.__dlNativeHeatmaps = native;
    try {
        for (const gd of document.querySelectorAll('.dl-chart')) await Plotly.redraw(gd);
    } finally {
        window.__dlNativeHeatmaps = false;
    }
}"""
LINES = """() => [...document.querySelectorAll('.dl-chart')].map(gd => [...gd.querySelectorAll('.contourlayer g')].map(
    g => [g.getAttribute('class'), [...g.querySelectorAll(':scope > path')].map(p => p.getAttribute('d'))]))"""
DRAWN_HERE = "() => [...document.querySelectorAll('.dl-chart')].map(gd => gd.__smoothHeatmaps || 0)"


@pytest.mark.parametrize(
    ("url_path", "params", "smoothed"),
    [
        ("dropout", {}, 2),  # the two decision maps, one with a colour bar
        ("logistic-regression", {}, 1),  # the probability map: a contour map coloured as a heatmap
        ("logistic-regression", {"model": "mlp"}, 16),  # hidden-unit maps; the probability map is a contour
        ("logistic-regression", {"classes": 3, "dataset": "blobs"}, 0),  # region map: unsmoothed, plotly's
    ],
)
def test_smoothed_heatmaps_are_plotlys_own_pixels(page, app_server, url_path, params, smoothed):
    open_page(page, app_server, url_path, "en", **params)
    reveal_charts(page)
    scrub(page, 0.4)  # a frame drawn by the element, after its first draw
    page.evaluate(REDRAW, False)  # every chart again, at the frame scrubbed to
    ours, lines = page.evaluate(IMAGES), page.evaluate(LINES)
    assert sum(page.evaluate(DRAWN_HERE)) >= smoothed, "the element did not draw the smoothed heatmaps"
    page.evaluate(REDRAW, True)
    native = page.evaluate(IMAGES)
    assert sum(len(c) for c in native) >= max(smoothed, 1), "no heatmap image to compare"
    assert lines == page.evaluate(LINES), "the contour lines differ from plotly's own drawing"
    for chart, (mine, theirs) in enumerate(zip(ours, native, strict=True)):
        assert [box for _, box in mine] == [box for _, box in theirs], f"chart {chart}: image boxes differ"
        differ = [i for i, ((a, _), (b, _)) in enumerate(zip(mine, theirs, strict=True)) if a != b]
        assert not differ, f"chart {chart}: heatmaps {differ} are not plotly's pixels"
    assert_clean(page, "en")
