"""/gradient-descent's "Try this": each experiment, applied through the page, shows what its text claims,
checked on the run core computes with the settings now on the page."""

from __future__ import annotations

import numpy as np
import pytest

from core.descent.gradient import DescentConfig, run_gradient_descent
from tests.apptest_helpers import open_page, state_config_of
from tests.test_experiments import apply_experiment


@pytest.fixture(scope="module")
def applied():
    """Apply a Try-this experiment on one page session; the run core computes with what the page then holds."""
    at = open_page("views/gradient_descent.py", lang="en")

    def run_of(name: str):
        return run_gradient_descent(state_config_of(apply_experiment(at, name), DescentConfig))

    run_of.page = at
    return run_of


def test_gd_valley_zigzags_across_and_crawls_along(applied):
    run = applied("valley")
    y = run.path[:12, 1]
    assert np.all(np.sign(y[1:]) == -np.sign(y[:-1])), "the steep coordinate does not flip sign every step"
    x = run.path[:12, 0]
    assert np.all(np.diff(x) > 0) and np.all(x < 0), "the flat coordinate does not crawl toward 0"


def test_gd_zigzag_jumps_across_the_minimum_and_converges(applied):
    run = applied("zigzag")
    x = run.path[:, 0]
    assert np.all(np.sign(x[1:]) == -np.sign(x[:-1]))
    np.testing.assert_allclose(x[1:] / x[:-1], -0.8, rtol=1e-5)  # 1 − 2η with η = 0.9
    assert run.losses[-1] < 1e-2 * run.losses[0]


def test_gd_diverge_stops_and_says_why(applied):
    assert applied("diverge").stop_step is not None
    assert applied.page.error, "no message says why the run stopped"


def test_gd_banana_drops_fast_then_walks_the_floor(applied):
    run = applied("banana")
    dist = np.hypot(*(run.path - np.array([1.0, 1.0])).T)
    assert run.losses[40] < 0.01 * run.losses[0], "no fast drop into the valley"
    assert dist[-1] < dist[50] < dist[0], "no walk along the floor toward (1, 1)"
    assert (dist[50] - dist[-1]) / 150 < 1e-3, "the walk along the floor is not slow"


def test_gd_saddle_lingers_then_escapes(applied):
    run = applied("saddle")
    near_origin = np.hypot(*run.path.T) < 0.5
    assert near_origin.sum() >= 10, "the path does not linger near the saddle"
    assert abs(abs(run.path[-1, 1]) - np.sqrt(2)) < 0.1, "the path does not escape to y = ±√2"
