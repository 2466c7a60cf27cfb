"""/learning-rate's "Try this": each experiment, applied through the page, shows what its text claims,
checked on the runs core computes with the settings now on the page."""

from __future__ import annotations

import numpy as np
import pytest

from core.descent.rates import RateConfig, parse_lrs, run_rates
from tests.apptest_helpers import page_fixture, state_config_of
from tests.test_experiments import apply_experiment

lr_page = page_fixture("views/learning_rate.py")


def lr_runs(at):
    cfg = state_config_of(at, RateConfig)
    return run_rates(cfg, parse_lrs(cfg.lrs).rates)


def by_rate(runs) -> dict:
    return {float(lr): r for r, lr in enumerate(runs.lrs)}


def test_four_shows_four_behaviours_on_paths_that_bend_apart(lr_page):
    runs = lr_runs(apply_experiment(lr_page, "four"))
    assert runs.labels == ("slow", "converging", "oscillating", "diverging")
    start = runs.paths[0, 0]
    toward_min = -start / np.hypot(*start)  # the valley's minimum is the origin
    off = runs.paths[:, :20] - start  # (R, 20, 2)
    sideways = np.abs(off[..., 0] * toward_min[1] - off[..., 1] * toward_min[0])
    assert sideways.max() > 0.3, "every path stays on the line from the start to the minimum"
    y = runs.paths[2, :10, 1]  # η = 0.45: the steep coordinate overshoots every step
    assert np.all(np.sign(y[1:]) == -np.sign(y[:-1]))
    x = runs.paths[0, :, 0]  # η = 0.02: the flat coordinate crawls
    assert np.all(np.diff(x) > 0) and x[-1] < 0.5 * x[0]


def test_edge_bounces_at_the_limit_and_escapes_just_above(lr_page):
    runs = lr_runs(apply_experiment(lr_page, "edge"))
    r = by_rate(runs)
    y = runs.paths[r[0.5], :, 1]
    np.testing.assert_allclose(np.abs(y), 1.0, atol=1e-5)  # +1, −1, +1, … forever
    assert np.all(np.sign(y[1:]) == -np.sign(y[:-1]))
    x = runs.paths[r[0.5], :, 0]
    assert abs(x[-1]) < 0.1 * abs(x[0]), "x does not creep in"
    escaping = np.abs(runs.paths[r[0.505], :, 1])
    assert np.all(np.diff(escaping) > 0) and escaping[-1] > 2, "1% above the limit does not escape"
    assert runs.labels[r[0.505]] == "diverging"


@pytest.mark.parametrize("experiment, rescued", [("cosine", (0.55, 0.65)), ("step", (0.55,))])
def test_decay_rescues_rates_above_the_limit(lr_page, experiment, rescued):
    runs = lr_runs(apply_experiment(lr_page, experiment))
    limit = 2 / runs.eigvals[-1]
    r = by_rate(runs)
    for lr in rescued:
        i = r[lr]
        assert runs.rates[i, 0] > limit and runs.rates[i, -1] < limit
        assert np.abs(runs.paths[i, :, 1]).max() > 1.0, f"η = {lr} does not bounce outwards first"
        assert runs.stop_step[i] < 0 and runs.losses[i, -1] - runs.loss_min < 1e-3 * runs.losses[i, 0]


def test_banana_has_no_single_good_rate(lr_page):
    runs = lr_runs(apply_experiment(lr_page, "banana"))
    r = by_rate(runs)
    assert 0 <= runs.stop_step[r[0.0025]] <= 10, "0.0025 does not blow up within a few steps"
    assert np.hypot(*(runs.paths[r[0.002], -1] - 1.0)) < 0.1, "0.002 does not reach the minimum (1, 1)"
    for lr in (0.0005, 0.0015):
        assert runs.labels[r[lr]] == "slow" and runs.stop_step[r[lr]] < 0
