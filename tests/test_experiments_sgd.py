"""Try this on /sgd: each experiment, applied through the page, shows what its text claims,
checked on the runs the core computes with the settings the page now holds."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from core.sgd import SGDConfig, gradient_noise, make_data, run_sgd
from tests.apptest_helpers import page_fixture, state_config_of
from tests.test_experiments import apply_experiment


def config_of(at) -> SGDConfig:
    return state_config_of(at, SGDConfig)


def by_batch(run) -> dict:
    return {p.batch: (p, loss) for p, loss in zip(run.paths, run.losses, strict=True)}


page = page_fixture("views/sgd.py")


def test_sorted_data_without_shuffling_is_pulled_off_at_every_epoch_end(page):
    cfg = config_of(apply_experiment(page, "sorted"))
    assert cfg.shuffle is False
    path, loss = by_batch(run_sgd(cfg))["1"]
    ends = loss[path.per_epoch :: path.per_epoch]
    halfway = loss[path.per_epoch // 2 :: path.per_epoch][: len(ends)]
    assert np.all(ends > halfway), "the loss is not higher at every epoch's end"
    _, shuffled = by_batch(run_sgd(replace(cfg, shuffle=True)))["1"]
    assert loss[-1] > shuffled[-1]


def test_steep_single_examples_throw_batch_one_off(page):
    cfg = config_of(apply_experiment(page, "steep"))
    runs = by_batch(run_sgd(cfg))
    full = runs["full"][1][-1]
    assert runs["full"][0].stop is None and full < 3, "the full batch does not converge"
    assert runs["1"][1][-1] > 100 * full


def test_logistic_small_batches_reach_the_minimum_first(page):
    cfg = config_of(apply_experiment(page, "logistic"))
    run = run_sgd(cfg)
    runs = by_batch(run)
    distance = {b: float(np.hypot(*(p.params[-1] - run.optimum))) for b, (p, _) in runs.items()}
    assert distance["8"] < 0.5 and distance["full"] > 3
    assert runs["1"][1][-1] < runs["full"][1][-1]


def test_more_data_batch_one_is_close_after_one_epoch_but_slow(page):
    cfg = config_of(apply_experiment(page, "more_data"))
    run = run_sgd(cfg)
    runs = by_batch(run)
    path, loss = runs["1"]
    assert path.per_epoch == 1024
    best = float(np.mean((run.data.x * run.optimum[0] + run.optimum[1] - run.data.y) ** 2))
    assert loss[path.per_epoch] < 1.1 * best
    assert np.mean(path.epoch_seconds) > 10 * np.mean(runs["full"][0].epoch_seconds)


def test_cloud_of_single_examples_is_the_widest(page):
    cfg = config_of(apply_experiment(page, "cloud_one"))
    assert cfg.cloud == "1"
    data = make_data(cfg.task, cfg.n, cfg.noise, cfg.seed)
    noise = gradient_noise(data, (cfg.w0, cfg.b0), 1, [1, 2, 4, 8, 16, 32, 64], cfg.seed)
    assert noise.spread == pytest.approx(np.sqrt(noise.per_example_var), rel=1e-12)
    assert noise.predicted == pytest.approx(noise.spread, rel=1e-12)
    assert noise.spreads[0] == noise.spreads.max()
