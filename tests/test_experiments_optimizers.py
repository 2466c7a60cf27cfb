"""/optimizers' "Try this": each experiment, applied through the page, shows what its text claims,
checked on the race core computes with the settings now on the page."""

from __future__ import annotations

import numpy as np
import pytest

from core.descent.race import RaceConfig, finish_step, race
from tests.apptest_helpers import page_fixture, state_config_of
from tests.test_experiments import apply_experiment

opt_page = page_fixture("views/optimizers.py")


def opt_runs(at) -> dict:
    cfg = state_config_of(at, RaceConfig)
    return {r.name: r for r in race(cfg, cfg.names)}


def first_step(run) -> float:
    return float(np.hypot(*(run.path[1] - run.path[0])))


def test_valley_sgd_crawls_momentum_swings_past_rmsprop_heads_in(opt_page):
    runs = opt_runs(apply_experiment(opt_page, "valley"))
    assert set(runs) == {"sgd", "momentum", "rmsprop"}
    sgd = runs["sgd"]
    assert abs(sgd.path[-1, 1]) < 0.01 and 0.5 < sgd.dists[-1] < 1.5, "SGD is not on the floor, about 1 away"
    x = runs["momentum"].path[:, 0]
    assert (x > 0).any() and finish_step(runs["momentum"], 0.05) is not None, "momentum does not swing past and settle"
    rms = runs["rmsprop"]
    assert np.all(rms.path[:, 0] <= 1e-6), "RMSprop does not head straight in"
    assert finish_step(rms, 0.05) <= 25


def test_noise_momentum_ends_far_closer_than_sgd(opt_page):
    runs = opt_runs(apply_experiment(opt_page, "noise"))
    assert runs["momentum"].dists[-1] < 0.6 * runs["sgd"].dists[-1]
    assert np.any(np.diff(np.sign(np.diff(runs["sgd"].path[:, 1]))) != 0), "the noise does not jitter the path"


def test_banana_same_rate_different_first_steps(opt_page):
    runs = opt_runs(apply_experiment(opt_page, "banana"))
    assert first_step(runs["sgd"]) == pytest.approx(0.3, rel=0.15)
    assert first_step(runs["adam"]) == pytest.approx(0.003, rel=0.15)
    assert runs["adam"].dists[-1] > 0.9 * runs["adam"].dists[0], "Adam moves more than 'barely'"


def test_banana_adam_sgd_blows_up_adam_walks_the_valley(opt_page):
    runs = opt_runs(apply_experiment(opt_page, "banana_adam"))
    for name in ("sgd", "momentum"):
        assert runs[name].stop_step is not None and runs[name].stop_step <= 5
    adam = runs["adam"]
    assert adam.stop_step is None and adam.dists[-1] < 0.3 * adam.dists[0]


def test_saddle_sgd_lingers_rmsprop_escapes_at_once(opt_page):
    runs = opt_runs(apply_experiment(opt_page, "saddle"))

    def escape(name: str) -> int:  # first step off the saddle's ridge, |y| > 0.5
        return int(np.argmax(np.abs(runs[name].path[:, 1]) > 0.5))

    assert 55 <= escape("sgd") <= 85
    assert 10 <= escape("momentum") <= 30 and 10 <= escape("adam") <= 30
    assert 1 <= escape("rmsprop") <= 5


def test_overshoot_momentum_keeps_swinging_nesterov_settles(opt_page):
    runs = opt_runs(apply_experiment(opt_page, "overshoot"))
    x = runs["momentum"].path[:, 0]
    assert (np.sign(x[1:]) != np.sign(x[:-1])).sum() >= 8, "momentum does not swing through the minimum"
    assert finish_step(runs["momentum"], 0.05) is None, "momentum has settled within 150 steps"
    assert finish_step(runs["nesterov"], 0.05) < 100
