"""Try this on /linear-layer: each experiment, applied through the page, shows what its text claims."""

from __future__ import annotations

import numpy as np
import pytest

from core.linear_layer.config import LinearConfig
from core.linear_layer.plane import PICTURE, shoelace, transform
from tests.apptest_helpers import page_fixture, state_config_of
from tests.test_experiments import apply_experiment


def run_of(at):
    return transform(state_config_of(at, LinearConfig))


def lengths(p):
    return np.hypot(*np.diff(p, axis=0).T)


page = page_fixture("views/linear_layer.py")


def test_rotation_keeps_lengths_and_area(page):
    run = run_of(apply_experiment(page, "rotation"))
    moved = run.picture[-1] - run.origin[-1]
    np.testing.assert_allclose(lengths(moved), lengths(PICTURE), atol=1e-12)
    assert run.area == pytest.approx(1.0)


def test_reflection_keeps_area_and_flips_orientation(page):
    run = run_of(apply_experiment(page, "reflection"))
    assert run.det == pytest.approx(-1.0) and run.area == pytest.approx(-1.0)
    assert np.sign(shoelace(run.picture[-1])) == -np.sign(shoelace(PICTURE))


def test_shear_leans_the_square_but_keeps_its_area(page):
    run = run_of(apply_experiment(page, "shear"))
    assert run.area == pytest.approx(1.0)
    edge = run.square[-1, 3] - run.square[-1, 0]  # the image of the square's left side leans
    assert edge[0] != pytest.approx(0.0)


def test_singular_puts_every_point_on_one_line(page):
    run = run_of(apply_experiment(page, "singular"))
    points = np.concatenate([run.picture[-1], run.lines[-1].reshape(-1, 2)]) - run.origin[-1]
    assert np.linalg.matrix_rank(points, tol=1e-9) == 1 and run.area == pytest.approx(0.0, abs=1e-12)


def test_shift_moves_every_point_by_b(page):
    run = run_of(apply_experiment(page, "shift"))
    np.testing.assert_allclose(run.picture[-1] - PICTURE, np.tile([1.5, 1.0], (len(PICTURE), 1)), atol=1e-12)
