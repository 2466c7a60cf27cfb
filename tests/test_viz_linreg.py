"""Figures of /linear-regression read back from fig.data and fig.frames: the squares are honest."""

from dataclasses import replace
from itertools import pairwise

import numpy as np

from core.linreg import RegressionConfig
from core.linreg.train import TOL, fit_regression
from viz.linreg import distance_figure, regression_figure

R = RegressionConfig()


def test_the_squares_are_square_on_screen_and_their_mean_area_is_the_loss():
    run = fit_regression(R)
    fig = regression_figure(run, "en")
    ratio = fig.layout.yaxis.scaleratio
    assert fig.layout.yaxis.scaleanchor == "x"
    assert 2 <= len(fig.frames) <= 60
    for frame in (fig.frames[0], fig.frames[len(fig.frames) // 2], fig.frames[-1]):
        epoch = int(frame.name)
        xs = np.asarray(frame.data[0].x, dtype=float).reshape(-1, 6)[:, :5]
        ys = np.asarray(frame.data[0].y, dtype=float).reshape(-1, 6)[:, :5]
        width = xs.max(axis=1) - xs.min(axis=1)  # x units
        height = ys.max(axis=1) - ys.min(axis=1)  # y units
        np.testing.assert_allclose(width, ratio * height, rtol=1e-3, atol=1e-4)  # square once drawn
        np.testing.assert_allclose(np.mean(height**2), run.losses[epoch], rtol=1e-3)


def test_the_map_is_the_loss_grid_and_the_path_ends_where_training_did():
    run = fit_regression(replace(R, scale=True))
    fig = regression_figure(run, "en")
    contour = next(d for d in fig.data if d.type == "contour")
    np.testing.assert_allclose(np.asarray(contour.z) ** 2 + run.optimum_loss, run.grid, rtol=1e-3, atol=1e-4)
    assert fig.layout.yaxis2.scaleanchor == "x2" and fig.layout.yaxis2.scaleratio == 1
    last = fig.frames[-1].data[3]
    np.testing.assert_allclose([last.x[0], last.y[0]], run.path[-1], rtol=1e-5)
    star = next(d for d in fig.data if d.type == "scatter" and d.marker.symbol == "star")
    np.testing.assert_allclose([star.x[0], star.y[0]], run.optimum[:2])


def test_two_features_draw_a_plane_per_epoch():
    run = fit_regression(replace(R, dataset="diabetes", features="bmi,s5", scale=True, lr=0.3))
    fig = regression_figure(run, "ko")
    surface = fig.frames[-1].data[0]
    w1, w2, b = run.original[-1]
    np.testing.assert_allclose(surface.z, w1 * np.asarray(surface.x)[None, :] + w2 * np.asarray(surface.y)[:, None] + b,
                               rtol=1e-4)  # fmt: skip


def test_distance_figure_has_both_settings_on_a_log_axis():
    run = fit_regression(R)
    fig = distance_figure(run, False, TOL, "en")
    assert fig.layout.yaxis.type == "log"
    assert "κ = 32.36" in fig.data[0].name and "κ = 1" in fig.data[1].name
    assert fig.layout.shapes[0].y0 == TOL


def test_the_equation_writes_signs_as_words_do():
    import numpy as np

    from viz.linreg import equation

    assert equation(np.array([2.0, -0.5]), ("x",)) == "ŷ = 2·x − 0.5"
    assert equation(np.array([-1.25, 3.0, 0.5]), ("bmi", "bp")) == "ŷ = −1.25·bmi + 3·bp + 0.5"


def ranges(fig) -> dict:
    return {name: tuple(fig.layout[name].range) for name in ("xaxis", "yaxis", "xaxis2", "yaxis2")}


def test_every_point_and_the_line_of_every_frame_stay_inside_the_snapped_data_panel():
    for cfg in (R, replace(R, slope=-5.0, noise=3.0), replace(R, slope=0.0, noise=0.0),
                replace(R, dataset="diabetes", scale=True)):  # fmt: skip
        run = fit_regression(cfg)
        assert run.stop_epoch is None, cfg  # a diverged run's panel: the test below
        fig = regression_figure(run, "en")
        y_lo, y_hi = fig.layout.yaxis.range
        assert y_lo < run.data.y.min() and run.data.y.max() < y_hi
        final = np.asarray(fig.frames[-1].data[1].y, dtype=float)  # the fitted line at the panel's edges
        assert y_lo < final.min() and final.max() < y_hi


def test_a_step_of_the_slope_slider_keeps_both_panels_ranges_mostly():
    """Tied axes (scaleanchor) whose range changes make plotly.js lay the whole figure out again; snapped
    boxes keep them for small moves of the data, so a wiggle of the slope slider moves the chart in place."""
    slopes = np.round(np.arange(1.0, 3.01, 0.1), 1)
    shown = [ranges(regression_figure(fit_regression(replace(R, slope=float(s))), "en")) for s in slopes]
    assert shown[10] == shown[11]  # 2.0 and 2.1, the benchmark's back and forth
    kept = sum(a == b for a, b in pairwise(shown))
    assert kept >= 4, kept  # some neighbours share all four ranges
    data_kept = sum(a["yaxis"] == b["yaxis"] for a, b in pairwise(shown))
    assert data_kept >= len(slopes) // 2, data_kept


def test_a_diverged_run_keeps_its_data_panel_on_the_data_and_its_last_line_leaves_it():
    """Its last line lies 10⁷ and more from the data: the panel held it, and the data shrank to a dot."""
    for cfg in (replace(R, lr=0.2), replace(R, dataset="diabetes")):
        run = fit_regression(cfg)
        assert run.stop_epoch is not None, cfg
        y_lo, y_hi = regression_figure(run, "en").layout.yaxis.range
        span = float(np.ptp(run.data.y))
        assert y_lo < run.data.y.min() and run.data.y.max() < y_hi
        assert y_hi - y_lo < 3 * span, (cfg, y_lo, y_hi, span)
        final = np.asarray(regression_figure(run, "en").frames[-1].data[1].y, dtype=float)
        assert np.abs(final).max() > y_hi - y_lo  # the learner sees the line leave the panel
