"""A heatmap whose colour bar follows its data is moved in place, and its colour bar drawn again
(ui/figcache.py ``_movable``, ui/chart.js ``redrawColourBars``): /cnn-filters' feature maps take a symmetric
colour range from each new kernel. After the moves, the bars, the traces and the pixels are those of a fresh
load of the same link."""

from __future__ import annotations

import pytest

from benchmarks.browser import TEXT as FIELD  # the custom kernel's field, which the benchmark types into
from tests.e2e.browser import assert_clean, differing_pixels, picture, rerun, reveal_charts
from tests.e2e.test_pages_e2e import open_page

KERNELS = ["0,-1,0,-1,4,-1,0,-1,0", "0,-1,0,-1,6,-1,0,-1,0", "0,-2,0,-1,9,-1,0,-3,0"]
# Per chart with a colour bar: its key, how it was last drawn, each bar's labels, and each heatmap's range.
BARS = """() => [...document.querySelectorAll('.dl-chart')].filter(gd => gd.querySelector('g.colorbar')).map(gd => [
    gd.dataset.chartKey, gd.dataset.update,
    [...gd.querySelectorAll('g.colorbar')].map(bar => [...bar.querySelectorAll('text')].map(t => t.textContent)),
    gd._fullData.filter(t => t.type === 'heatmap' || t.type === 'contour').map(t => [t.zmin, t.zmax]),
])"""


def open_kernel(page, server, lang: str, kernel: str) -> None:
    open_page(page, server, "cnn-filters", lang, image="shapes", kernel="custom", custom=kernel)
    reveal_charts(page)  # the maps below the kernel draw when seen


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_new_kernels_move_the_feature_maps_and_their_colour_bars_as_a_fresh_load_draws_them(page, app_server, lang):
    open_kernel(page, app_server, lang, KERNELS[0])
    first = page.evaluate(BARS)
    assert first, "no chart with a colour bar on /cnn-filters"
    for kernel in KERNELS[1:]:
        field = page.locator(FIELD).first
        rerun(page, lambda kernel=kernel, field=field: (field.fill(kernel), field.press("Enter")))
        reveal_charts(page)
    moved = page.evaluate(BARS)
    assert [m[0] for m in moved] == [f[0] for f in first]
    assert all(m[1] == "move" for m in moved), f"a chart with a colour bar was not moved in place: {moved}"
    assert [m[2] for m in moved] != [f[2] for f in first], "the kernels left every colour bar as it was"
    keys = [m[0] for m in moved]
    shown = {key: picture(page.locator(f".dl-chart[data-chart-key='{key}']")) for key in keys}

    open_kernel(page, app_server, lang, KERNELS[-1])
    fresh = page.evaluate(BARS)
    assert [m[2:] for m in moved] == [f[2:] for f in fresh], "the moved colour bars or ranges are not a fresh load's"
    for key in keys:
        count, box = differing_pixels(shown[key], picture(page.locator(f".dl-chart[data-chart-key='{key}']")))
        assert count <= 20, f"{key}: the moved chart differs from a fresh load ({count} px in {box})"
    assert_clean(page, lang)
