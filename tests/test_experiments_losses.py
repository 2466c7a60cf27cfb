"""Try this on /loss-functions: each experiment, applied through the page, shows what its text claims,
checked on what the core computes with the settings the page now holds."""

from __future__ import annotations

import numpy as np

from core.losses import LossConfig
from core.losses.classification import class_curves
from core.losses.regression import fit_outlier
from tests.apptest_helpers import page_fixture, state_config_of
from tests.test_experiments import apply_experiment

page = page_fixture("views/loss_functions.py")


def cfg_of(at) -> LossConfig:
    return state_config_of(at, LossConfig)


def test_far_outlier_swings_mse_every_step_while_mae_holds_still(page):
    cfg = cfg_of(apply_experiment(page, "far"))
    assert cfg.outlier == 12.0
    fits = fit_outlier(cfg)
    assert np.all(np.diff(fits.theta[0, :, 0]) > 1e-3), "the MSE slope does not turn with every step"
    w, b = fits.theta[1, :, 0], fits.theta[1, :, 1]
    above = np.flatnonzero(fits.outlier_y > w * fits.outlier_x + b)[0]
    np.testing.assert_allclose(fits.theta[1, above:], fits.theta[1, above:][:1].repeat(len(w) - above, 0), atol=1e-9)
    assert above < len(w) // 2


def test_small_delta_puts_huber_near_mae(page):
    fits = fit_outlier(cfg_of(apply_experiment(page, "small_delta")))
    to_mae = np.linalg.norm(fits.theta[2, -1] - fits.theta[1, -1])
    to_mse = np.linalg.norm(fits.theta[2, -1] - fits.theta[0, -1])
    assert to_mae < 0.25 * to_mse


def test_large_delta_makes_huber_draw_the_mse_line(page):
    cfg = cfg_of(apply_experiment(page, "big_delta"))
    assert (cfg.delta, cfg.outlier) == (5.0, 3.0)
    fits = fit_outlier(cfg)
    np.testing.assert_allclose(fits.theta[2], fits.theta[0], atol=1e-9)


def test_cold_softmax_is_nearly_one_hot(page):
    c = class_curves(cfg_of(apply_experiment(page, "cold")))
    assert c.softmax.max() > 0.99 and c.ce_t < 0.01


def test_hot_softmax_is_nearly_uniform_and_float64_moves_the_nan(page):
    cfg = cfg_of(apply_experiment(page, "hot"))
    c = class_curves(cfg)
    assert np.all(np.abs(c.softmax - 0.25) < 0.1)
    assert c.wide[np.isnan(c.naive)].min() == 37.0
    c32 = class_curves(LossConfig(temperature=cfg.temperature, dtype="float32"))
    assert c32.wide[np.isnan(c32.naive)].min() == 17.0
