"""Try this on /overfitting: each experiment, applied through the page, shows what its text claims,
checked on the numbers the core computes with the settings the page now holds."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core.overfitting import OverfitConfig, sweep, train_mlp
from tests.apptest_helpers import page_fixture, state_config_of
from tests.test_experiments import apply_experiment

page = page_fixture("views/overfitting.py")


def config(at) -> OverfitConfig:
    return state_config_of(at, OverfitConfig)


def test_degree_15_passes_through_every_point_and_validation_is_worst(page):
    cfg = config(apply_experiment(page, "wiggle"))
    run = sweep(cfg)
    assert cfg.degree == 15 and cfg.n == 16
    assert run.train_mse[-1] < 1e-12
    assert run.val_mse[-1] == run.val_mse.max()
    assert np.abs(run.curves[-1] - run.data.truth).max() > 2, "no wild swing between the points"


def test_200_points_tame_degree_15(page):
    cfg = config(apply_experiment(page, "more_data"))
    run = sweep(cfg)
    train, val = run.train_mse[-1], run.val_mse[-1]
    assert abs(val - train) < 0.2 * run.noise_floor
    assert abs(val - run.noise_floor) < 0.3 * run.noise_floor
    assert np.abs(run.curves[-1] - run.data.truth).max() < 0.5


def test_a_line_underfits(page):
    cfg = config(apply_experiment(page, "line"))
    run = sweep(cfg)
    train, val = run.train_mse[0], run.val_mse[0]
    assert cfg.degree == 1
    assert train > 2 * run.noise_floor and val > 2 * run.noise_floor
    assert val / train < 2


def test_without_noise_degree_15_fits_new_points_too(page):
    cfg = config(apply_experiment(page, "no_noise"))
    run = sweep(cfg)
    assert cfg.noise == 0
    assert run.val_mse[-1] < 1e-8 and run.train_mse[-1] < 1e-8
    assert run.val_mse[-1] < 1e-4 * run.val_mse[2]


def test_patience_1_stops_far_too_early(page):
    cfg = config(apply_experiment(page, "impatient"))
    run, patient = train_mlp(cfg), train_mlp(replace(cfg, patience=20))
    assert cfg.patience == 1
    assert run.best_epoch == 0, "the kept weights are not the untrained ones"
    assert run.val_loss[run.best_epoch] > 2 * patient.val_loss[patient.best_epoch]
