"""CNN filters' "Try this": each experiment, applied through the page, shows what its text claims,
checked on the feature map the core computes with the settings the page now holds."""

from __future__ import annotations

import numpy as np
import plotly.colors

from core.cnn.conv import KERNELS, convolve, parse_custom, sliding_window
from core.cnn.images import load_image, patch_of
from tests.apptest_helpers import figures, page_fixture
from tests.test_experiments import apply_experiment

cnn_page = page_fixture("views/cnn_filters.py")


def settings(at) -> tuple[np.ndarray, np.ndarray, tuple[int, int, int]]:
    """The image, kernel and (stride, padding, dilation) the page shows now."""
    s = at.session_state
    kernel = parse_custom(s["custom"]) if s["kernel"] == "custom" else KERNELS[s["kernel"]]
    return load_image(s["image"]), kernel, (s["stride"], s["padding"], s["dilation"])


def test_negative_responses_are_drawn_blue_and_positive_red(cnn_page):
    scale = figures(cnn_page)[0]["data"][2]["colorscale"]
    low, high = (plotly.colors.hex_to_rgb(c) if c.startswith("#") else plotly.colors.unlabel_rgb(c)
                 for c in (scale[0][1], scale[-1][1]))  # fmt: skip
    assert low[2] > low[0] and high[0] > high[2]


def test_stripes_one_direction_at_a_time(cnn_page):
    img, kernel, conv = settings(apply_experiment(cnn_page, "stripes"))
    out = np.abs(convolve(img, kernel, *conv).out)
    half = img.shape[1] // 2
    left, right = out[:, : half - 2], out[:, half:]
    assert left.max() < 1e-6 and right.mean() > 0.5, "sobel_y answers the vertical stripes"
    other = np.abs(convolve(img, KERNELS["sobel_x"], *conv).out)
    assert other[:, : half - 2].mean() > 0.5 and other[:, half:].max() < 1e-6, "sobel_x does not light the other half"


def test_stride_two_halves_the_output_and_the_window_jumps_two(cnn_page):
    img, kernel, conv = settings(apply_experiment(cnn_page, "stride"))
    assert kernel.shape == (5, 5) and conv[0] == 2
    out = convolve(img, kernel, *conv).out
    for n, m in zip(img.shape, out.shape, strict=True):
        assert abs(m - n / 2) <= 3, f"{n} → {m} is not about half"
    sw = sliding_window(patch_of(img), kernel, *conv)
    assert set(np.diff(sw.cols[:, 0])[np.diff(sw.rows[:, 0]) == 0]) == {2}, "the window does not jump two cells"


def test_dilation_spreads_nine_taps_over_five_pixels_and_keeps_8x8(cnn_page):
    img, kernel, conv = settings(apply_experiment(cnn_page, "dilation"))
    assert img.shape == (8, 8) and kernel.size == 9
    assert convolve(img, kernel, *conv).out.shape == (8, 8)
    sw = sliding_window(patch_of(img), kernel, *conv)
    assert sw.rows[0].tolist() == [0, 2, 4] and sw.cols[0].tolist() == [0, 2, 4]


def test_custom_rows_turn_top_edges_blue_and_bottom_edges_red(cnn_page):
    img, kernel, conv = settings(apply_experiment(cnn_page, "custom"))
    out = convolve(img, kernel, *conv).out
    below_minus_above = img[2:, 1:-1] - img[:-2, 1:-1]  # at each output cell, the centre column across the kernel
    top, bottom = below_minus_above > 0.3, below_minus_above < -0.3  # bright shape starts / ends going down
    assert top.sum() > 50 and bottom.sum() > 50
    assert np.all(out[top] < 0) and np.all(out[bottom] > 0)


def test_edges_on_the_temple_light_up_and_the_sky_stays_white(cnn_page):
    img, kernel, conv = settings(apply_experiment(cnn_page, "edges"))
    out = convolve(img, kernel, *conv).out
    bound = np.percentile(np.abs(out), 99.5)  # the colour scale's end (viz.EDGE_PERCENTILE)
    assert np.abs(out[:8]).mean() < 0.02 * bound, "the sky band is not near zero"
    right_brighter = img[1:-1, 2:] - img[1:-1, :-2]
    assert np.all(out[right_brighter > 0.3] > 0) and np.all(out[right_brighter < -0.3] < 0)
    assert (np.abs(out) > 0.5 * bound).mean() > 0.01, "no strong edges light up"
