"""Try this on /relu: each experiment, applied through the page, shows what its text claims,
checked on the fits and depth studies the core computes with the settings the page now holds."""

from __future__ import annotations

import numpy as np
import pytest

from core.activations.depth import DEPTH_ACTIVATIONS, depth_study
from core.activations.functions import ReluConfig
from core.activations.hinges import fit_curves, fit_relu_units
from tests.apptest_helpers import figures, page_fixture, state_config_of
from tests.test_experiments import apply_experiment

SIGMOID, TANH, RELU = (DEPTH_ACTIVATIONS.index(a) for a in ("sigmoid", "tanh", "relu"))


def fit_of(at):
    return fit_relu_units(state_config_of(at, ReluConfig))


def study_of(at):
    return depth_study(state_config_of(at, ReluConfig))


page = page_fixture("views/relu.py")


@pytest.fixture(scope="module")
def default_fit(page):
    return fit_of(page.button(key="try_relu_reset").click().run())


def test_deep_sigmoid_highlights_sigmoid_and_its_first_layer_gets_no_signal(page):
    at = apply_experiment(page, "deep_sigmoid")
    bold = [d for d in figures(at)[0]["data"] if d.get("line", {}).get("width", 0) >= 3]
    assert bold and all(d["name"] == "Sigmoid" for d in bold), "the gallery does not highlight sigmoid"
    study = study_of(at)
    ratio = study.grad_norms[:, 0] / study.grad_norms[:, -1]
    assert ratio[SIGMOID] < 1e-17
    assert np.all(study.movement[SIGMOID, :, 0] == 0), "sigmoid's first layer moved"
    assert min(ratio[TANH], ratio[RELU]) > 1e6 * ratio[SIGMOID], "tanh and ReLU do not shrink by far less"


def test_one_hinge_fits_a_hinge(page):
    fit = fit_of(apply_experiment(page, "one_unit"))
    assert fit.pieces[-1] == 2, "not two pieces"
    assert fit.losses[-1] < 0.3 * fit.y.var(), "MSE is not well under the data's variance"
    _, _, fx, fy = fit_curves(fit, -1)
    assert np.interp(3.0, fx, fy) - np.interp(0.5, fx, fy) > 0.5, "f levels off above the jump: not one hinge"


def test_many_units_make_more_kinks_and_half_the_error(page, default_fit):
    fit = fit_of(apply_experiment(page, "many_units"))
    kinks = np.isfinite(fit.kinks[-1]).sum()
    assert kinks >= 3 * np.isfinite(default_fit.kinks[-1]).sum()
    assert fit.losses[-1] < 0.6 * default_fit.losses[-1]
    assert fit.pieces[-1] < 32 + 1 and (fit.dead[-1] > 0 or kinks < 32)


def test_step_is_a_steep_ramp_of_opposite_hinges(page):
    fit = fit_of(apply_experiment(page, "step"))
    near = np.abs(fit.kinks[-1]) < 0.3
    slopes = (fit.v[-1] * fit.w[-1])[near]
    assert (slopes > 0.1).any() and (slopes < -0.1).any(), "no two close hinges with opposite slopes"
    _, _, fx, fy = fit_curves(fit, -1)
    assert np.interp(0.3, fx, fy) - np.interp(-0.3, fx, fy) > 0.8, "the ramp does not imitate the jump"


def test_kill_leaves_dead_units_and_fewer_pieces(page, default_fit):
    fit = fit_of(apply_experiment(page, "kill"))
    assert fit.dead[:50].max() > 0, "no unit dies in the first epochs"
    assert fit.dead[-1] >= 3 and default_fit.dead[-1] == 0
    assert fit.pieces[-1] < default_fit.pieces[-1] and fit.losses[-1] > 10 * default_fit.losses[-1]


def test_he_init_keeps_relu_gradients_within_a_factor_of_30(page):
    study = study_of(apply_experiment(page, "he_init"))
    g = study.grad_norms
    assert g.shape[1] == 21
    assert g[RELU].max() / g[RELU].min() < 30
    assert g[SIGMOID, 0] / g[SIGMOID, -1] < 1e-10
