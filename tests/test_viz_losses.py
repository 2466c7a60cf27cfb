"""Figures of /loss-functions read back from fig.data and fig.frames."""

from dataclasses import replace

import numpy as np

from core.losses import LossConfig
from core.losses.classification import class_curves
from core.losses.regression import FRAMES, fit_outlier, residual_curves
from viz.losses import class_figure, fits_figure, residual_figure, table_rows


def test_fits_figure_animates_the_outlier_and_each_loss_line():
    cfg = replace(LossConfig(), outlier=-7.0)
    fits = fit_outlier(cfg)
    fig = fits_figure(fits, cfg.delta, "en")
    assert len(fig.frames) == FRAMES and fig.layout.sliders[0].steps[-1].label == "-7.0"
    for j in (0, FRAMES - 1):
        frame = fig.frames[j]
        for k in range(3):
            residuals, line, outlier = frame.data[3 * k : 3 * k + 3]
            w, b = fits.theta[k, j]
            np.testing.assert_allclose(line.y, w * np.asarray(line.x) + b, atol=1e-4)
            assert outlier.y[0] == fits.outlier_y[j]
            seg = np.asarray(residuals.y, dtype=float).reshape(-1, 3)
            np.testing.assert_allclose(seg[-1, :2], [fits.outlier_y[j], w * fits.outlier_x + b], atol=1e-4)
            assert "marker" not in frame.data[3 * k + 2] or frame.data[3 * k + 2].marker.color is None
    static = [d for d in fig.data if d.name == "data"]
    assert len(static) == 3 and all(len(d.x) == len(fits.x) for d in static)


def test_the_fits_keep_their_y_range_while_the_outlier_moves_a_step():
    tops = []
    for outlier in np.arange(12.0, 5.4, -0.5):
        cfg = replace(LossConfig(), outlier=float(outlier))
        fits = fit_outlier(cfg)
        fig = fits_figure(fits, cfg.delta, "en")
        lo, hi = fig.layout.yaxis.range
        heights = np.concatenate([fits.y, fits.outlier_y])
        assert lo <= heights.min() - 1 and hi >= heights.max() + 1 and hi - lo <= np.ptp(heights) + 2 + 4  # snapped
        assert all(tuple(getattr(fig.layout, f"yaxis{k}").range or (lo, hi)) == (lo, hi) for k in ("", "2", "3"))
        tops.append((lo, hi))
    # the top followed the highest point a unit above it: a new range (and all three panels laid out) every step
    assert len(set(tops)) <= len(tops) // 3, tops


def test_residual_figure_draws_each_loss_and_derivative():
    c = residual_curves(replace(LossConfig(), delta=2.0))
    fig = residual_figure(c, 2.0, "ko")
    assert len(fig.data) == 6
    np.testing.assert_allclose(fig.data[5].y, np.clip(c.r, -2, 2), atol=1e-6)
    assert {s.x0 for s in fig.layout.shapes} == {-2.0, 2.0}


def test_class_figure_marks_inf_and_nan_and_draws_the_softmax():
    c = class_curves(replace(LossConfig(), temperature=0.5))
    fig = class_figure(c, 0.5, "float32", "en")
    names = [d.name for d in fig.data]
    assert "naive = inf" in names and "naive = nan" in names
    bars = [d for d in fig.data if d.type == "bar"]
    np.testing.assert_allclose(bars[1].y, c.softmax, atol=1e-6)
    fig64 = class_figure(class_curves(replace(LossConfig(), dtype="float64")), 1.0, "float64", "en")
    assert "naive = inf" not in [d.name for d in fig64.data]
    rows = table_rows(c, "en")
    assert (
        "nan" in rows["naive loss"] and "inf" in rows["naive loss"] and "nan" not in rows["stable: BCEWithLogitsLoss"]
    )
