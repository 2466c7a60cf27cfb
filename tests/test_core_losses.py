"""core.losses against closed forms, torch.nn.functional, numpy.linalg.lstsq and scikit-learn's
QuantileRegressor (median regression) and HuberRegressor."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from sklearn.linear_model import HuberRegressor, QuantileRegressor

from core.losses import LossConfig
from core.losses.classification import TABLE_Z, class_curves, naive_bce
from core.losses.regression import FRAMES, fit_huber, fit_mae, fit_outlier, pointwise, residual_curves

CONFIGS = [
    LossConfig(),
    replace(LossConfig(), outlier=-12.0, outlier_x=0.0, seed=3),
    replace(LossConfig(), outlier=5.5, outlier_x=4.0, delta=0.3, seed=7),
]


def points(fits, j: int) -> tuple[np.ndarray, np.ndarray]:
    return np.append(fits.x, fits.outlier_x), np.append(fits.y, fits.outlier_y[j])


@pytest.mark.parametrize("delta", [0.2, 1.0, 3.5])
def test_each_loss_and_derivative_equals_its_closed_form(delta):
    c = residual_curves(replace(LossConfig(), delta=delta))
    r = c.r
    inside = np.abs(r) <= delta
    np.testing.assert_allclose(c.loss[0], r**2, atol=1e-12)
    np.testing.assert_allclose(c.loss[1], np.abs(r), atol=1e-12)
    np.testing.assert_allclose(c.loss[2], np.where(inside, 0.5 * r**2, delta * (np.abs(r) - 0.5 * delta)), atol=1e-12)
    np.testing.assert_allclose(c.grad[0], 2 * r, atol=1e-12)
    np.testing.assert_allclose(c.grad[1][r != 0], np.sign(r[r != 0]), atol=1e-12)
    np.testing.assert_allclose(c.grad[2], np.clip(r, -delta, delta), atol=1e-12)


def test_derivatives_equal_central_differences():
    c = residual_curves(replace(LossConfig(), delta=1.3))
    h = 1e-6
    for k, name in enumerate(("mse", "mae", "huber")):
        for r0 in (-3.1, -0.4, 0.7, 2.2):  # away from the kinks at 0 and ±δ
            up, down = (pointwise(name, torch.tensor([r0 + s], dtype=torch.float64), 1.3).item() for s in (h, -h))
            # 2r, sign r and clip(r, ±δ) are linear between grid points away from the kinks: interp is exact.
            assert (up - down) / (2 * h) == pytest.approx(np.interp(r0, c.r, c.grad[k]), abs=1e-5)


@pytest.mark.parametrize("cfg", CONFIGS)
def test_the_mse_line_is_least_squares(cfg):
    fits = fit_outlier(cfg)
    for j in (0, FRAMES // 2, FRAMES - 1):
        x, y = points(fits, j)
        w, b = np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y, rcond=None)[0]
        np.testing.assert_allclose(fits.theta[0, j], [w, b], atol=1e-9)


@pytest.mark.parametrize("cfg", CONFIGS)
def test_the_mae_line_is_median_regression(cfg):
    """QuantileRegressor(quantile=0.5, alpha=0) solves the same linear program (HiGHS): same L1 objective to
    1e-9; the lines themselves agree where the optimum is unique (it can be a whole edge of the LP)."""
    fits = fit_outlier(cfg)
    for j in (0, FRAMES - 1):
        x, y = points(fits, j)
        ref = QuantileRegressor(quantile=0.5, alpha=0.0, solver="highs").fit(x[:, None], y)
        ours = np.abs(fits.theta[1, j, 0] * x + fits.theta[1, j, 1] - y).mean()
        theirs = np.abs(ref.coef_[0] * x + ref.intercept_ - y).mean()
        assert ours == pytest.approx(theirs, rel=1e-9, abs=1e-12)
        assert fits.objective[1, j] == pytest.approx(ours, rel=1e-12)


def test_the_mae_line_matches_the_reference_line_on_a_unique_optimum():
    fits = fit_outlier(LossConfig())
    x, y = points(fits, FRAMES - 1)
    ref = QuantileRegressor(quantile=0.5, alpha=0.0, solver="highs").fit(x[:, None], y)
    np.testing.assert_allclose(fits.theta[1, -1], [ref.coef_[0], ref.intercept_], atol=1e-7)


@pytest.mark.parametrize("cfg", CONFIGS)
def test_the_huber_line_matches_huber_regressor_at_its_own_delta(cfg):
    """HuberRegressor minimises Σ σ + H_ε(r/σ)·σ over (w, b, σ); at its σ̂, (w, b) minimise Σ H_ε(r/σ̂), which is
    2/σ̂² · Σ huber_δ(r) with δ = ε·σ̂ (torch's huber_loss). So our fit at that δ must land on its line."""
    fits = fit_outlier(cfg)
    x, y = points(fits, FRAMES - 1)
    ref = HuberRegressor(epsilon=1.35, alpha=0.0, tol=1e-12, max_iter=5000).fit(x[:, None], y)
    theta = fit_huber(torch.tensor(x)[None], torch.tensor(y)[None], 1.35 * ref.scale_)[0].numpy()
    np.testing.assert_allclose(theta, [ref.coef_[0], ref.intercept_], atol=1e-4)


@pytest.mark.parametrize("cfg", CONFIGS)
def test_the_huber_line_is_a_stationary_point_of_torch_huber_loss(cfg):
    fits = fit_outlier(cfg)
    x, y = (torch.tensor(v) for v in points(fits, FRAMES - 1))
    theta = torch.tensor(fits.theta[2, -1], requires_grad=True)
    F.huber_loss(theta[0] * x + theta[1], y, delta=cfg.delta).backward()
    assert theta.grad.abs().max().item() < 1e-9


def test_huber_with_every_residual_inside_delta_is_least_squares():
    fits = fit_outlier(replace(LossConfig(), delta=5.0, outlier=3.0))
    np.testing.assert_allclose(fits.theta[2], fits.theta[0], atol=1e-9)


def test_mae_by_pairs_equals_brute_force_on_random_points():
    rng = np.random.default_rng(1)
    x, y = rng.uniform(0, 10, (4, 9)), rng.normal(0, 3, (4, 9))
    theta = fit_mae(torch.tensor(x), torch.tensor(y)).numpy()
    for row in range(4):
        ws, bs = np.meshgrid(np.linspace(-3, 3, 301), np.linspace(-8, 8, 301))
        brute = np.abs(ws[..., None] * x[row] + bs[..., None] - y[row]).mean(-1).min()
        ours = np.abs(theta[row, 0] * x[row] + theta[row, 1] - y[row]).mean()
        assert ours <= brute + 1e-12


def test_classification_curves_equal_their_closed_forms():
    c = class_curves(replace(LossConfig(), temperature=0.7))
    np.testing.assert_allclose(c.ce, -np.log(c.p), rtol=1e-12)
    np.testing.assert_allclose(c.mse_p, (1 - c.p) ** 2, atol=1e-12)
    s = 1 / (1 + np.exp(-c.z))
    np.testing.assert_allclose(c.grad_bce, s - 1, atol=1e-12)
    np.testing.assert_allclose(c.grad_mse, 2 * (s - 1) * s * (1 - s), atol=1e-12)
    e = np.exp(c.class_logits / 0.7)
    np.testing.assert_allclose(c.softmax, e / e.sum(), rtol=1e-12)
    assert c.ce_t == pytest.approx(-np.log(e[0] / e.sum()), rel=1e-12)
    assert c.ce_t == pytest.approx(F.cross_entropy(torch.tensor(c.class_logits[None] / 0.7), torch.tensor([0])).item())


def test_bce_with_y_1_is_cross_entropy_of_the_true_class():
    p = torch.tensor([0.1, 0.5, 0.9], dtype=torch.float64)
    bce = F.binary_cross_entropy(p, torch.ones(3, dtype=torch.float64), reduction="none")
    ce = F.nll_loss(torch.log(torch.stack([1 - p, p], 1)), torch.ones(3, dtype=torch.long), reduction="none")
    np.testing.assert_allclose(bce.numpy(), ce.numpy(), rtol=1e-12)


def test_saturation_mse_on_sigmoid_goes_silent_where_bce_does_not():
    c = class_curves(LossConfig())
    at = np.argmin(np.abs(c.z + 8))
    assert abs(c.grad_bce[at]) > 0.99 and abs(c.grad_mse[at]) < 1e-3


@pytest.mark.parametrize(("dtype", "nan_from", "inf_to"), [("float32", 17.0, -89.0), ("float64", 37.0, None)])
def test_the_naive_formula_breaks_where_the_float_type_says(dtype, nan_from, inf_to):
    c = class_curves(replace(LossConfig(), dtype=dtype))
    assert c.wide[np.isnan(c.naive)].min() == nan_from
    assert np.all(np.isnan(c.naive[c.wide >= nan_from]))
    if inf_to is None:
        assert not np.isinf(c.naive).any()
    else:
        assert c.wide[np.isposinf(c.naive)].max() == inf_to
    np.testing.assert_allclose(c.stable, np.logaddexp(0, -c.wide), rtol=1e-5, atol=1e-7)
    moderate = np.abs(c.wide) <= 5  # float32 rounds σ(z) near 1 beyond this
    np.testing.assert_allclose(c.naive[moderate], c.stable[moderate], rtol=1e-4)
    assert np.all(np.isfinite(c.table[:, 2:]))


def test_the_table_is_torch_itself():
    c = class_curves(LossConfig())
    z = torch.tensor(TABLE_Z, requires_grad=True)
    loss = torch.nn.BCEWithLogitsLoss(reduction="sum")(z, torch.ones_like(z))
    loss.backward()
    np.testing.assert_allclose(c.table[:, 3], z.grad.numpy(), atol=1e-6)
    with torch.no_grad():
        naive = naive_bce(torch.tensor(TABLE_Z), torch.ones(len(TABLE_Z))).numpy()
    np.testing.assert_array_equal(np.isnan(c.table[:, 0]), np.isnan(naive))
