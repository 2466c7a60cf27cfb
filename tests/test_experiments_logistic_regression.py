"""Try this on /logistic-regression: each experiment, applied through the page, shows what its text claims,
checked on the run the core computes with the settings the page now holds."""

from __future__ import annotations

import numpy as np

from core.classify.train import ClassifyConfig, train_classifier
from tests.apptest_helpers import page_fixture, state_config_of
from tests.test_experiments import apply_experiment


def run_of(at):
    return train_classifier(state_config_of(at, ClassifyConfig))


page = page_fixture("views/logistic_regression.py")


def test_moons_mlp_bends_the_boundary_past_95_percent(page):
    run = run_of(apply_experiment(page, "moons_mlp"))
    assert run.units, "no hidden layer"
    assert run.accuracy[-1, 1] > 0.95
    line = run_of(apply_experiment(page, "moons_mlp").button(key="try_logit_reset").click().run())
    assert run.accuracy[-1, 1] > line.accuracy[-1, 1] + 0.05, "the curve does no better than the line"


def test_line_settles_within_a_few_epochs_and_w_keeps_growing(page):
    run = run_of(apply_experiment(page, "line"))
    assert run.w is not None and run.accuracy[-1, 1] > 0.95
    assert run.accuracy[20, 1] > 0.9, "the boundary is not in place after 20 epochs"
    norms = np.hypot(*run.w[:, 0].T)
    late = norms[len(norms) // 2 :]
    assert np.all(np.diff(late) > 0), "|w| stops growing"


def test_xor_defeats_the_line(page):
    run = run_of(apply_experiment(page, "xor_fail"))
    assert run.w is not None
    assert abs(run.accuracy[-1, 1] - 0.5) < 0.15, "accuracy is not near a coin flip"
    p = 1 / (1 + np.exp(-run.sample_logits[-1, :, 0]))
    assert np.all(np.abs(p - 0.5) < 0.2), "A–F are not near σ = 0.5"


def test_one_hidden_layer_of_four_units_solves_xor(page):
    run = run_of(apply_experiment(page, "xor_mlp"))
    assert len(run.units) == 1 and run.units[0].shape[1] == 4
    assert run.accuracy[-1, 1] > 0.9


def test_softmax_cuts_four_straight_edged_regions(page):
    run = run_of(apply_experiment(page, "softmax"))
    assert run.w is not None and run.w.shape[1] == 4, "not one weight row per class"
    picked = run.probs[-1].argmax(axis=-1)
    assert set(np.unique(picked)) == {0, 1, 2, 3}, "not four regions"
    assert run.accuracy[-1, 1] > 0.85


def test_spiral_winds_out_and_the_test_curve_follows(page):
    run = run_of(apply_experiment(page, "spiral"))
    assert run.split.classes == 3 and run.units
    acc = run.accuracy[:, 1]
    assert acc[0] < 0.5 < acc[len(acc) // 4] < acc[-1], "the regions do not form step by step"
    assert acc[-1] > 0.85, "the model does not generalise to the test arms"
