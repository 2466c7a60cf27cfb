"""core.linreg against scikit-learn's LinearRegression, a hand-written gradient-descent loop in numpy,
F.mse_loss at sample points of the loss map, and the condition number."""

from __future__ import annotations

import threading
from dataclasses import replace

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from sklearn.linear_model import LinearRegression

from core.linreg import RegressionConfig
from core.linreg.data import make_data
from core.linreg.train import TOL, conditioning, design, fit_regression, mse_grid, train_sgd

R = RegressionConfig()
CONVERGING = [
    replace(R, scale=True, lr=0.5, epochs=50),
    replace(R, lr=0.08, epochs=1000),
    replace(R, slope=-3.0, n=200, noise=2.0, lr=0.1, epochs=1000, seed=5),
    replace(R, dataset="diabetes", scale=True, lr=0.3, epochs=100),
    replace(R, dataset="diabetes", features="s5", scale=True, lr=0.3, epochs=100),
    replace(R, dataset="diabetes", features="bmi,s5", scale=True, lr=0.3, epochs=300),
    replace(R, dataset="diabetes", features="bmi,bp", scale=True, lr=0.3, epochs=300),
]


@pytest.mark.parametrize("cfg", CONVERGING)
def test_final_line_equals_sklearn_linear_regression(cfg):
    run = fit_regression(cfg)
    assert run.stop_epoch is None
    ref = LinearRegression().fit(run.data.x, run.data.y)
    np.testing.assert_allclose(run.original[-1], [*ref.coef_, ref.intercept_], atol=1e-3)
    assert run.losses[-1] == pytest.approx(run.optimum_loss, rel=1e-9)


def test_sgd_epochs_are_full_batch_gradient_steps():
    """torch.optim.SGD on nn.MSELoss, one full batch per epoch, equals θ ← θ − η·2Aᵀ(Aθ − y)/n in numpy."""
    data = make_data(R)
    path, losses, stop = train_sgd(data, 0.05, 30, seed=0)
    A, y = design(data.inputs), data.y
    theta = path[0].copy()
    for k in range(30):
        np.testing.assert_allclose(path[k], theta, atol=1e-12)
        assert losses[k] == pytest.approx(np.mean((A @ theta - y) ** 2), rel=1e-12)
        theta = theta - 0.05 * 2 * A.T @ (A @ theta - y) / len(y)
    assert stop is None


@pytest.mark.parametrize(
    "cfg", [R, replace(R, scale=True), replace(R, dataset="diabetes", features="bmi,s5", scale=True, lr=0.3)]
)
def test_the_loss_map_equals_mse_at_sample_points(cfg):
    run = fit_regression(cfg)
    X, y = torch.tensor(run.data.inputs), torch.tensor(run.data.y)
    rng = np.random.default_rng(0)
    for i, j in rng.integers(0, len(run.ws), size=(8, 2)):
        theta = np.array(run.optimum)
        theta[0], theta[1] = run.ws[j], run.bs[i]
        layer = torch.nn.Linear(X.shape[1], 1).double()
        with torch.no_grad():
            layer.weight.copy_(torch.tensor(theta[:-1])[None])
            layer.bias.copy_(torch.tensor(theta[-1:]))
            expected = F.mse_loss(layer(X).squeeze(1), y).item()
        assert run.grid[i, j] == pytest.approx(expected, rel=1e-9)
    assert run.grid.min() >= run.optimum_loss - 1e-9 * run.optimum_loss


def test_the_optimum_is_the_minimum_of_the_map():
    run = fit_regression(R)
    i, j = np.unravel_index(run.grid.argmin(), run.grid.shape)
    step = (run.ws[1] - run.ws[0], run.bs[1] - run.bs[0])
    assert abs(run.ws[j] - run.optimum[0]) <= step[0] and abs(run.bs[i] - run.optimum[1]) <= step[1]


@pytest.mark.parametrize(
    "cfg", [replace(R, epochs=400), replace(R, scale=True, epochs=200), replace(R, lr=0.12, epochs=400)]
)
def test_predicted_epochs_to_converge_equal_the_torch_run(cfg):
    run = fit_regression(cfg)
    first = int(np.argmax(run.measured < TOL))
    assert run.measured[first] < TOL <= run.measured[first - 1]
    assert run.cond.epochs == first
    ks = run.curve_epochs[run.curve_epochs <= cfg.epochs]
    np.testing.assert_allclose(run.curve[0][: len(ks)], run.measured[ks], rtol=1e-6, atol=1e-12)


CONDITIONED = [R, replace(R, seed=2, n=100), replace(R, dataset="diabetes"), replace(R, dataset="diabetes", features="s5"),
               replace(R, dataset="diabetes", features="bp")]  # fmt: skip


@pytest.mark.parametrize("cfg", CONDITIONED)
def test_epochs_at_the_best_step_follow_the_condition_number(cfg):
    """At η = 1/λ_max the slow direction shrinks by 1 − 1/κ per epoch: epochs ≈ κ·ln(1/TOL) (fewer when the
    start lies mostly along the fast direction); standardised features make κ = 1 and one epoch enough."""
    raw, scaled = make_data(cfg), make_data(replace(cfg, scale=True))
    for data, expect_round in ((raw, False), (scaled, True)):
        A = design(data.inputs)
        optimum = np.linalg.lstsq(A, data.y, rcond=None)[0]
        values = np.linalg.eigvalsh(2 * A.T @ A / len(A))
        cond = conditioning(data, optimum + np.r_[np.ones(A.shape[1] - 1), 1.0], optimum, 1 / values[-1])
        assert cond.kappa == pytest.approx(values[-1] / values[0])
        if expect_round:
            assert cond.kappa == pytest.approx(1.0, abs=1e-9) and cond.epochs_best == 1
        else:
            assert 0.3 < cond.epochs_best / (cond.kappa * np.log(1 / TOL)) < 1.2, (cond.kappa, cond.epochs_best)


def test_more_conditioned_data_need_proportionally_more_epochs():
    pairs = []
    for cfg in CONDITIONED:
        data = make_data(cfg)
        A = design(data.inputs)
        optimum = np.linalg.lstsq(A, data.y, rcond=None)[0]
        # Start off the optimum along the slowest direction, so only κ decides.
        values, vectors = np.linalg.eigh(2 * A.T @ A / len(A))
        cond = conditioning(data, optimum + vectors[:, 0], optimum, 1 / values[-1])
        pairs.append((cond.kappa, cond.epochs_best))
        assert cond.epochs_best == int(np.ceil(np.log(TOL) / np.log(1 - 1 / cond.kappa)))
    kappas, epochs = np.array(pairs).T
    assert np.all(np.diff(epochs[np.argsort(kappas)]) >= 0)


def test_a_step_above_two_over_lambda_max_diverges_and_below_converges():
    data = make_data(R)
    A = design(data.inputs)
    limit = 2 / np.linalg.eigvalsh(2 * A.T @ A / len(A))[-1]
    assert fit_regression(replace(R, lr=round(limit * 1.05, 4))).stop_epoch is not None
    run = fit_regression(replace(R, lr=round(limit * 0.9, 4), epochs=1000))
    assert run.stop_epoch is None and run.cond.epochs is not None
    assert fit_regression(replace(R, lr=round(limit * 1.05, 4))).cond.epochs is None


def test_scaling_changes_the_coordinates_not_the_line():
    raw = fit_regression(replace(R, lr=0.08, epochs=1000))
    scaled = fit_regression(replace(R, scale=True, lr=0.5, epochs=20))
    np.testing.assert_allclose(raw.original[-1], scaled.original[-1], atol=1e-3)
    assert scaled.cond.kappa == pytest.approx(1.0) and raw.cond.kappa > 10


def test_seeded_runs_are_the_same_in_parallel_threads():
    cfgs = [replace(R, seed=s) for s in (1, 2)]
    alone = [fit_regression(c).path for c in cfgs]
    results: dict[int, np.ndarray] = {}

    def work(k: int) -> None:
        for _ in range(5):
            results[k] = fit_regression(cfgs[k]).path

    threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for k in range(2):
        np.testing.assert_array_equal(results[k], alone[k])
    assert not np.array_equal(alone[0], alone[1])


def test_two_features_map_holds_b_at_its_optimum():
    run = fit_regression(replace(R, dataset="diabetes", features="bmi,s5", scale=True, lr=0.3))
    direct = mse_grid(run.data, run.ws[:3], run.bs[:2], run.optimum)
    np.testing.assert_allclose(direct, run.grid[:2, :3], rtol=1e-12)
    assert run.path.shape[1] == 3 and run.original.shape[1] == 3


@pytest.mark.parametrize(
    "cfg", CONVERGING + [replace(R, slope=s, seed=k) for s in (-5.0, -0.3, 0.0, 0.7, 4.9) for k in (0, 3)]
)
def test_the_snapped_map_box_holds_the_path_and_the_optimum_with_a_margin(cfg):
    run = fit_regression(cfg)
    half = (run.ws[-1] - run.ws[0]) / 2
    assert np.isclose(run.bs[-1] - run.bs[0], 2 * half)  # square: a round bowl looks round
    points = np.vstack([run.path[:, :2], run.optimum[:2]])
    margin = 0.05 * half
    assert (points[:, 0] > run.ws[0] + margin).all() and (points[:, 0] < run.ws[-1] - margin).all()
    assert (points[:, 1] > run.bs[0] + margin).all() and (points[:, 1] < run.bs[-1] - margin).all()
    spread = np.ptp(points, axis=0).max()
    assert half <= 0.6 * spread * (1 + 1 / 6) + 1e-9 or spread < 1e-6  # at most a step wider than before
