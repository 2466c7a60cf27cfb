"""Try this on /backprop: each experiment, applied through the page, shows what its text claims,
checked on the graph the core computes with the settings the page now holds."""

from __future__ import annotations

import numpy as np
import pytest

from core.backprop import BackpropConfig, run_backprop
from tests.apptest_helpers import page_fixture, state_config_of
from tests.test_experiments import apply_experiment


def run_of(at):
    return run_backprop(state_config_of(at, BackpropConfig))


def grad(run, name: str) -> float:
    return float(run.grads[run.names.index(name)])


def value(run, name: str) -> float:
    return float(run.values[run.names.index(name)])


page = page_fixture("views/backprop.py")


def test_relu_unit_that_is_off_passes_no_gradient(page):
    run = run_of(apply_experiment(page, "relu_dead"))
    assert value(run, "z2") == pytest.approx(-0.3) and value(run, "h2") == 0
    assert [grad(run, n) for n in ("w21", "w22", "b2", "v2")] == [0, 0, 0, 0]
    assert all(grad(run, n) != 0 for n in ("w11", "w12", "b1", "v1"))  # the other unit still learns


def test_bce_gives_p_minus_y_at_the_output(page):
    run = run_of(apply_experiment(page, "bce"))
    assert "p" in run.names
    assert grad(run, "o") == pytest.approx(value(run, "p") - 1.0, abs=1e-14)  # y = 1 by default


def test_saturated_sigmoid_starves_the_first_layer(page):
    run = run_of(apply_experiment(page, "saturate"))
    assert value(run, "z1") == pytest.approx(8.1)
    slope = value(run, "h1") * (1 - value(run, "h1"))
    assert slope == pytest.approx(0.0003, abs=0.00005)
    for name in ("w11", "w12", "b1"):
        assert abs(grad(run, name)) * 1000 < abs(grad(run, "h1"))


def test_expression_add_copies_and_multiply_swaps(page):
    run = run_of(apply_experiment(page, "expression"))
    assert run.mode == "expression"
    assert grad(run, "e") == grad(run, "c") == grad(run, "f")
    assert grad(run, "a") == pytest.approx(value(run, "b") * grad(run, "e"), abs=1e-15)
    assert grad(run, "b") == pytest.approx(value(run, "a") * grad(run, "e"), abs=1e-15)
    np.testing.assert_allclose(run.grads, run.autograd, atol=1e-12)
