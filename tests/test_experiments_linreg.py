"""Try this on /linear-regression: each experiment, applied through the page, shows what its text claims,
checked on the run the core computes with the settings the page now holds."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression

from core.linreg import RegressionConfig
from core.linreg.train import TOL, fit_regression
from tests.apptest_helpers import page_fixture, state_config_of
from tests.test_experiments import apply_experiment

page = page_fixture("views/linear_regression.py")


def run_of(at):
    return fit_regression(state_config_of(at, RegressionConfig))


def test_scaling_makes_the_bowl_round_and_needs_far_fewer_epochs(page):
    run = run_of(apply_experiment(page, "scale"))
    assert run.cond.kappa == pytest.approx(1.0) and run.other.kappa > 20
    assert run.cond.epochs * 3 < run.other.epochs
    assert run.measured[-1] < TOL


def test_too_large_a_step_bounces_wider_and_stops(page):
    at = apply_experiment(page, "too_big")
    run = run_of(at)
    assert run.stop_epoch is not None and 2 / run.cond.eigenvalues[-1] < 0.2
    assert np.all(np.diff(run.measured[5:]) > 0), "the path does not move ever further from the optimum"
    assert at.error


def test_raw_diabetes_bmi_crawls_far_from_the_star(page):
    run = run_of(apply_experiment(page, "diabetes_raw"))
    assert run.stop_epoch is None and run.cond.kappa > 10_000
    assert run.measured[-1] > 0.5


def test_scaled_diabetes_bmi_lands_in_one_epoch(page):
    run = run_of(apply_experiment(page, "diabetes_scaled"))
    assert run.cond.kappa == pytest.approx(1.0)
    assert run.measured[1] < 1e-9 and run.cond.epochs == 1


def test_two_features_fit_a_plane_that_matches_sklearn(page):
    run = run_of(apply_experiment(page, "plane"))
    assert run.data.x.shape[1] == 2
    ref = LinearRegression().fit(run.data.x, run.data.y)
    np.testing.assert_allclose(run.original[-1], [*ref.coef_, ref.intercept_], atol=1e-3)
