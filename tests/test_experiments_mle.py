"""Try this on /mle: each experiment, applied through the page, shows what its text claims,
checked on the numbers the core computes with the settings the page now holds."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core.mle import MLEConfig, ascend, landscape
from tests.apptest_helpers import page_fixture, state_config_of
from tests.test_experiments import apply_experiment

page = page_fixture("views/mle.py")


def run_of(at):
    cfg = state_config_of(at, MLEConfig)
    run = ascend(cfg)
    return cfg, run, landscape(cfg, run)


def half_width(land) -> float:
    """Width of the p interval where the likelihood is above half its maximum."""
    above = land.xs[land.rel > 0.5]
    return float(above.max() - above.min())


def test_gaussian_climb_starts_at_0_1_and_ends_on_the_star(page):
    cfg, run, land = run_of(apply_experiment(page, "gauss"))
    assert cfg.dist == "gaussian"
    np.testing.assert_allclose(run.path[0], [0.0, 1.0])
    assert run.gap < 1e-6
    # The fitted density at the last frame is the closed form's.
    x = land.density_x
    closed = np.exp(-((x - run.mle[0]) ** 2) / (2 * run.mle[1] ** 2)) / (run.mle[1] * math.sqrt(2 * math.pi))
    np.testing.assert_allclose(land.density[-1], closed, atol=1e-5)


def test_500_tosses_give_a_sharp_peak_near_the_truth_and_an_underflowing_likelihood(page):
    cfg, run, land = run_of(apply_experiment(page, "many"))
    assert cfg.n == 500 and cfg.dist == "coin"
    assert half_width(land) < 0.1
    assert abs(run.mle[0] - cfg.p) < 0.05
    assert -141 < run.max_ll / math.log(10) < -138, "the text says about 10⁻¹³⁹"
    assert np.float32(math.exp(run.max_ll)) == 0.0, "the likelihood itself still fits in a float32"


def test_5_tosses_give_a_wide_hill(page):
    cfg, _, land = run_of(apply_experiment(page, "few"))
    assert cfg.n == 5
    assert half_width(land) > 0.3


def test_the_loaded_die_climbs_from_a_sixth_to_the_frequency_of_six(page):
    cfg, run, _ = run_of(apply_experiment(page, "die"))
    assert cfg.dist == "die" and cfg.die == "loaded" and cfg.n == 100
    assert run.path[0, 5] == pytest.approx(1 / 6)
    assert run.mle[5] > 0.4
    assert abs(run.path[-1, 5] - run.mle[5]) < 1e-6


def test_a_tiny_learning_rate_stops_well_short(page):
    cfg, run, _ = run_of(apply_experiment(page, "slow"))
    assert cfg.lr == pytest.approx(0.005)
    assert run.gap > 0.05
    assert page.warning, "no message says the climb has not arrived"
