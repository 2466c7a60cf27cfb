"""Try this on /digits-project: each experiment, applied through the page, shows what its text claims,
checked on the run the core computes with the settings the page then holds."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core.digits.evaluate import evaluate
from core.digits.mlp import ProjectConfig, train_digits
from tests.apptest_helpers import page_fixture, state_config_of
from tests.test_experiments import apply_experiment

page = page_fixture("views/digits_project.py")


@pytest.fixture(scope="module")
def default_run():
    return train_digits(ProjectConfig())


def run_of(at):
    cfg = state_config_of(at, ProjectConfig)
    run = train_digits(cfg)
    return run, evaluate(cfg, run.state, run.split).accuracy


def test_deep_with_batch_norm_still_passes_95_percent(page):
    at = apply_experiment(page, "deep")
    _, acc = run_of(at)
    assert state_config_of(at, ProjectConfig).depth == 4 and acc > 0.95
    assert f"{acc:.1%}" == at.metric[0].value


def test_plain_sgd_ends_far_behind_adam(page, default_run):
    run, _ = run_of(apply_experiment(page, "sgd"))
    assert run.epochs_done == default_run.epochs_done == 25
    assert run.loss[-1, 1] > 2 * default_run.loss[-1, 1]


def test_memorising_drives_training_loss_to_zero_while_validation_turns_up(page):
    run, _ = run_of(apply_experiment(page, "overfit"))
    train, val = run.loss[:, 0], run.loss[:, 1]
    assert train[-1] < 1e-3
    best = int(np.argmin(val))
    assert best < 0.5 * run.epochs_done, "validation loss still falling in the second half"
    assert val[-1] > 1.2 * val[best], "validation loss did not turn up"


def test_too_large_learning_rate_leaves_a_guessing_model(page):
    run, acc = run_of(apply_experiment(page, "too_fast"))
    assert abs(run.loss[-1, 1] - math.log(10)) < 0.25
    assert acc < 0.2


def test_a_tiny_model_still_passes_90_percent(page):
    run, acc = run_of(apply_experiment(page, "tiny"))
    assert acc > 0.9
    assert sum(v.size for k, v in run.state.items() if not k.startswith("0.")) < 1300  # about 1,200 weights
