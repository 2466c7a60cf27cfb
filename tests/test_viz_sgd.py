"""The SGD figures, read from fig.data / fig.frames."""

import math
from dataclasses import replace

import numpy as np
import pytest

from core.sgd import SGDConfig, gradient_noise, iteration_of, run_sgd
from viz.sgd import CURVE_POINTS, PATH_POINTS, STYLE, noise_figure, paths_figure, time_axis


@pytest.fixture(scope="module")
def run():
    return run_sgd(replace(SGDConfig(), batches=("1", "8", "full"), epochs=3))


def test_frames_follow_the_epochs_for_every_batch_size(run):
    fig = paths_figure(run, "en")
    assert len(fig.frames) == len(run.progress) == 25  # every 1/8 epoch
    assert fig.frames[-1].name == "3" and fig.layout.sliders[0].active == 24
    half = fig.frames[12]  # 1.5 epochs
    for i, path in enumerate(run.paths):
        head = half.data[4 * i + 1]
        k = iteration_of(path, 1.5)
        np.testing.assert_allclose([head.x[0], head.y[0]], path.params[k], rtol=1e-6)
        epochs = half.data[4 * i + 3].x
        assert epochs[-1] == pytest.approx(k / path.per_epoch)


def test_each_frame_draws_each_path_so_far_thinned_and_its_loss_at_the_iterations_it_shows(run):
    fig = paths_figure(run, "en")
    thinned = 0
    for j in (0, 5, 12, 24):
        frame = fig.frames[j]
        for i, (path, loss) in enumerate(zip(run.paths, run.losses, strict=True)):
            k = iteration_of(path, float(run.progress[j]))
            line, _, per_iteration, per_epoch = frame.data[4 * i : 4 * i + 4]
            drawn = np.column_stack([line.x, line.y])
            rows = np.round(np.arange(min(k + 1, PATH_POINTS)) * k / max(min(k, PATH_POINTS - 1), 1)).astype(int)
            thinned += k + 1 > PATH_POINTS
            np.testing.assert_allclose(drawn, path.params[rows], rtol=1e-6)  # evenly spread, both ends kept
            its = np.asarray(per_iteration.x)
            if k:
                assert its[0] == 1 and its[-1] == k and len(its) <= CURVE_POINTS and np.all(np.diff(its) > 0)
                np.testing.assert_allclose(per_iteration.y, loss[its], rtol=1e-6)
            np.testing.assert_allclose(
                np.asarray(per_epoch.x) * path.per_epoch, np.round(np.asarray(per_epoch.x) * path.per_epoch), atol=1e-3
            )
            assert per_epoch.x[-1] == pytest.approx(k / path.per_epoch) and len(per_epoch.x) <= CURVE_POINTS
    assert thinned, "no frame had more than PATH_POINTS iterations: the thinning went untested"


def test_every_batch_size_keeps_one_style_across_traces(run):
    fig = paths_figure(run, "en")
    named = [d for d in fig.data if d.legendgroup in STYLE]
    for batch in ("1", "8", "full"):
        colors = {d.line.color or d.marker.color for d in named if d.legendgroup == batch}
        assert len(colors) <= 2  # the path line is the same colour, slightly transparent
    dashes = {d.line.dash for d in named if d.mode == "lines" and d.xaxis == "x"}
    assert len(dashes) == 3, "batch sizes told apart by colour alone"


def test_loss_axes_are_log_and_the_map_spans_the_paths(run):
    fig = paths_figure(run, "en")
    assert fig.layout.xaxis2.type == "log" and fig.layout.yaxis2.type == "log" and fig.layout.yaxis3.type == "log"
    contour = fig.data[0]
    assert contour.type == "contour"
    for path in run.paths:
        assert contour.x[0] <= path.params[:, 0].min() and path.params[:, 0].max() <= contour.x[-1]


def test_noise_figure_draws_every_arrow_the_full_gradient_and_both_spreads(run):
    noise = gradient_noise(run.data, (-2.0, 3.0), 8, [1, 2, 4, 8, 16, 32, 64], 0)
    fig = noise_figure(noise, run, "en")
    arrows = fig.data[0]
    assert sum(v is None for v in arrows.x) == 2 * len(noise.batches)  # shaft + head per arrow
    mean = fig.data[4]
    np.testing.assert_allclose([mean.x[0], mean.y[0]], noise.full, rtol=1e-9, atol=1e-9)
    radii = [np.hypot(d.x[0] - noise.full[0], d.y[0] - noise.full[1]) for d in fig.data[2:4]]
    np.testing.assert_allclose(radii, [noise.predicted, noise.spread], rtol=1e-5)
    bars = fig.data[-1]
    assert list(bars.x) == ["1", "8", "full"] and np.all(np.asarray(bars.y) > 0)


def test_no_two_batch_sizes_share_dash_and_marker():
    pairs = [(dash, symbol) for _, dash, symbol in STYLE.values()]
    assert len(set(pairs)) == len(pairs) and len({s for _, s in pairs}) == len(pairs)


@pytest.mark.parametrize("tallest", [0.9, 9.9, 45.0, 99.6, 100.0, 101.0, 999.0])
def test_the_time_bars_leave_room_for_the_tallest_label(tallest):
    """A measured time just under a power of ten once put its label on the panel title (projector size)."""
    low, high = time_axis([tallest / 7, tallest / 2, tallest])["range"]
    assert high - math.log10(tallest) >= math.log10(2.5) and low < math.log10(tallest / 7)
