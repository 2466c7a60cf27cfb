"""Overfitting core against independent references: scikit-learn's polynomial regression, nested least squares,
and the early-stopping rule checked against the recorded validation curve."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression
from sklearn.preprocessing import PolynomialFeatures

from core.overfitting import OverfitConfig, early_stopping, make_data, sweep, train_mlp
from core.overfitting.data import to_unit
from core.overfitting.poly import condition

C = OverfitConfig()


@pytest.mark.parametrize(
    ("n", "noise", "seed"), [(16, 0.3, 0), (20, 0.3, 1), (60, 0.1, 2), (200, 0.6, 3), (40, 0.0, 4)]
)
def test_every_polynomial_equals_scikit_learn(n, noise, seed):
    """PolynomialFeatures + LinearRegression on the same scaled x, on the drawing grid.

    Tolerance: 1e-6 of the curve's largest value. At degree 15 the centred features have condition
    numbers up to ~1e7, so float64 keeps ~9 digits. LinearRegression's tol is set to 1e-14: scikit-learn
    1.9 otherwise drops singular values below 1e-6·σ_max (a truncated, different fit).
    """
    run = sweep(replace(C, n=n, noise=noise, seed=seed))
    u, u_grid = to_unit(run.data.x_train)[:, None], to_unit(run.data.grid)[:, None]
    for d in run.degrees:
        features = PolynomialFeatures(int(d), include_bias=False)
        model = LinearRegression(tol=1e-14).fit(features.fit_transform(u), run.data.y_train)
        reference = model.predict(features.transform(u_grid))
        scale = max(1.0, float(np.abs(reference).max()))
        np.testing.assert_allclose(run.curves[d - 1], reference, rtol=0, atol=1e-6 * scale, err_msg=f"degree {d}")
        train = np.mean((model.predict(features.transform(u)) - run.data.y_train) ** 2)
        assert run.train_mse[d - 1] == pytest.approx(train, rel=1e-6, abs=1e-12)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("n", [16, 24, 100])
def test_training_error_never_increases_with_degree(n, seed):
    """Each degree's model class contains the previous one, so least squares can only do as well or better."""
    run = sweep(replace(C, n=n, seed=seed, noise=0.3))
    assert np.all(np.diff(run.train_mse) <= 1e-10), run.train_mse


def test_degree_15_on_16_points_interpolates_and_validation_explodes():
    run = sweep(replace(C, degree=15, n=16))
    assert run.train_mse[-1] < 1e-12
    assert run.val_mse[-1] == run.val_mse.max() and run.val_mse[-1] > 100 * run.val_mse.min()
    assert 2 <= run.best_degree <= 9


def test_scaling_x_to_minus_one_one_is_what_keeps_degree_15_well_conditioned():
    data = make_data(40, 0.3, 0)
    assert condition(to_unit(data.x_train), 15) < 1e-4 * condition(data.x_train, 15)


def test_more_data_closes_the_gap_at_degree_15():
    run = sweep(replace(C, degree=15))
    assert run.size_degrees == (15,)
    gap = run.size_val[0] - run.size_train[0]
    assert gap[0] > 100 * abs(gap[-1]) and abs(gap[-1]) < 0.05


def test_more_training_points_only_add_points():
    small, big = make_data(16, 0.3, 7), make_data(200, 0.3, 7)
    np.testing.assert_array_equal(small.x_train, big.x_train[:16])
    np.testing.assert_array_equal(small.x_val, big.x_val)
    assert not set(big.x_train) & (set(big.x_val) | set(big.x_test))


@pytest.mark.parametrize(
    ("val", "patience", "best", "stop"),
    [
        ([5, 4, 3, 3.5, 3.6, 2.0, 1.0], 2, 2, 4),  # two epochs without a new low: stop at 4, keep 2
        ([5, 4, 3, 3.5, 2.9, 3.0, 3.1], 2, 4, 6),  # a new low within patience resets the count
        ([5, 4, 3, 2, 1], 3, 4, None),  # still improving at the end
        ([1, 2, 3], 1, 0, 1),
        ([3, 3, 3, 3], 2, 0, 2),  # equal is not better
    ],
)
def test_early_stopping_on_hand_made_curves(val, patience, best, stop):
    assert early_stopping(val, patience) == (best, stop)


@pytest.mark.parametrize("patience", [1, 5, 20, 60])
@pytest.mark.parametrize("seed", [0, 1])
def test_early_stopping_picks_the_validation_minimum_within_patience(patience, seed):
    run = train_mlp(replace(C, patience=patience, seed=seed, epochs=200))
    val, best, stop = run.val_loss, run.best_epoch, run.stop_epoch
    end = stop if stop is not None else len(val) - 1
    assert best == int(np.argmin(val[: end + 1])), "the kept epoch is not the minimum seen before stopping"
    if stop is not None:
        assert stop - best == patience
        assert np.all(val[best + 1 : stop + 1] >= val[best])
    else:
        assert len(val) - 1 - best < patience
    assert (best, stop) == early_stopping(val, patience)


def test_the_kept_weights_are_the_best_epochs_and_the_test_score_is_theirs():
    run = train_mlp(C)
    k = list(run.frames).index(run.best_epoch) if run.best_epoch in run.frames else None
    if k is not None:
        np.testing.assert_allclose(run.best_curve, run.curves[k], atol=1e-6)
    assert run.train_loss[-1] < run.train_loss[run.best_epoch]  # training kept going down after the kept epoch
    assert run.val_loss[-1] > run.val_loss[run.best_epoch]  # ... while validation went up: overfitting
    assert 0 < run.test_mse < 1


def test_same_seed_same_run_other_seed_other_data():
    a, b, c = train_mlp(C), train_mlp(C), train_mlp(replace(C, seed=1))
    np.testing.assert_array_equal(a.val_loss, b.val_loss)
    assert not np.array_equal(a.data.y_train, c.data.y_train)


def test_fit_status_names_over_under_and_best_from_the_validation_errors():
    from core.overfitting import OverfitConfig, fit_status, sweep

    run = sweep(OverfitConfig())
    best = run.best_degree
    assert fit_status(run, best) == "best"
    for d in range(1, 16):
        far = run.val_mse[d - 1] > 2 * run.val_mse[best - 1]
        expected = "best" if not far else ("over" if d > best else "under")
        assert fit_status(run, d) == expected
    assert fit_status(run, 15) == "over" and fit_status(run, 1) == "under"  # the defaults show both sides
