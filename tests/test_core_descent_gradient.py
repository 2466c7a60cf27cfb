"""Gradient descent and the surfaces against closed forms, hand-derived gradients and finite differences."""

import math

import numpy as np
import pytest
import torch

from core.common.plotdata import MAX_FRAMES, frame_steps, to_f32
from core.descent import surfaces
from core.descent.engine import EXPLODE_FACTOR
from core.descent.gradient import DescentConfig, descent_slices
from core.descent.gradient import run_gradient_descent as run_config


def run_gradient_descent(surface, x0, y0, lr, steps):
    return run_config(DescentConfig(surface=surface, x0=x0, y0=y0, lr=lr, steps=steps))


def eigenvalues(name, x, y):
    return surfaces.hessian(name, x, y)[0]


TOL = 1e-12


@pytest.mark.parametrize(
    ("surface", "ax", "ay", "lr"),
    [("bowl", 1.0, 1.0, lr) for lr in (0.05, 0.2, 0.45, 0.9)] + [("valley", 0.1, 2.0, lr) for lr in (0.05, 0.2, 0.45)],
)
def test_quadratic_path_matches_closed_form(surface, ax, ay, lr):
    # For L = a·x², x_k = x0·(1 − 2ηa)^k; the two coordinates are independent.
    x0, y0, steps = 2.0, -1.5, 25
    run = run_gradient_descent(surface, x0, y0, lr, steps)
    k = np.arange(steps + 1)
    np.testing.assert_allclose(run.path[:, 0], x0 * (1 - 2 * lr * ax) ** k, rtol=TOL, atol=TOL)
    np.testing.assert_allclose(run.path[:, 1], y0 * (1 - 2 * lr * ay) ** k, rtol=TOL, atol=TOL)
    np.testing.assert_allclose(run.losses, ax * run.path[:, 0] ** 2 + ay * run.path[:, 1] ** 2, rtol=TOL)
    assert run.stop_step is None


def analytic_gradient(name, x, y):
    if name == "bowl":
        return 2 * x, 2 * y
    if name == "valley":
        return 0.2 * x, 4 * y
    if name == "rosenbrock":
        return -2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)
    if name == "saddle":
        return 2 * x, -2 * y + y**3
    if name == "himmelblau":
        return 4 * x * (x**2 + y - 11) + 2 * (x + y**2 - 7), 2 * (x**2 + y - 11) + 4 * y * (x + y**2 - 7)
    raise KeyError(name)


@pytest.mark.parametrize("name", sorted(surfaces.SURFACES))
def test_autograd_gradient_matches_hand_derivation(name):
    rng = np.random.default_rng(0)
    pts = rng.uniform(-3, 3, size=(50, 2))
    x = torch.tensor(pts[:, 0], requires_grad=True)
    y = torch.tensor(pts[:, 1], requires_grad=True)
    gx, gy = torch.autograd.grad(surfaces.SURFACES[name].fn(x, y).sum(), (x, y))
    ex, ey = analytic_gradient(name, pts[:, 0], pts[:, 1])
    np.testing.assert_allclose(gx.numpy(), ex, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(gy.numpy(), ey, rtol=1e-12, atol=1e-9)


@pytest.mark.parametrize("name", sorted(surfaces.SURFACES))
def test_listed_minima_are_stationary_and_lowest_nearby(name):
    s = surfaces.SURFACES[name]
    for mx, my in s.minima:
        gx, gy = analytic_gradient(name, mx, my)
        assert math.hypot(gx, gy) < 1e-4, (name, mx, my)
        eig = eigenvalues(name, mx, my)
        assert eig[0] > 0, f"{name}: ({mx}, {my}) is not a minimum"


def test_hessian_eigenvalues_closed_forms():
    np.testing.assert_allclose(eigenvalues("bowl", 0.3, -2.0), [2, 2], rtol=TOL)
    np.testing.assert_allclose(eigenvalues("valley", 1.0, 1.0), [0.2, 4], rtol=TOL)
    # Rosenbrock at (1, 1): [[802, −400], [−400, 200]]
    np.testing.assert_allclose(
        eigenvalues("rosenbrock", 1.0, 1.0), np.linalg.eigvalsh([[802, -400], [-400, 200]]), rtol=1e-10
    )
    # Saddle at the origin: one upward, one downward direction.
    np.testing.assert_allclose(eigenvalues("saddle", 0.0, 0.0), [-2, 2], rtol=TOL)


def test_uses_the_same_update_as_a_hand_written_loop():
    run = run_gradient_descent("himmelblau", 0.5, -0.5, 0.01, 40)
    theta = np.array([0.5, -0.5])
    for k in range(41):
        np.testing.assert_allclose(run.path[k], theta, rtol=1e-12, atol=1e-12)
        theta = theta - 0.01 * np.array(analytic_gradient("himmelblau", *theta))


def test_explosion_is_detected_at_the_predicted_step():
    # Bowl with η = 1.1: L_k = L_0 · (1 − 2η)^(2k) = L_0 · 1.44^k; stop at the first k with L_k > 1e6·L_0.
    run = run_gradient_descent("bowl", 2.0, 1.5, 1.1, 500)
    expected = math.floor(math.log(EXPLODE_FACTOR) / math.log(1.44)) + 1
    assert run.stop_reason == "exploded"
    assert run.stop_step == expected
    assert len(run.path) == expected + 1 and np.isfinite(run.path).all()
    assert run.losses[-1] > EXPLODE_FACTOR * run.losses[0] > run.losses[-2]


def test_lr_5_on_the_bowl_stops_at_step_4():
    run = run_gradient_descent("bowl", 2.0, 1.5, 5.0, 30)
    # (1 − 2·5)^(2k) = 81^k: 81^3 < 1e6 < 81^4
    assert (run.stop_step, run.stop_reason) == (4, "exploded")
    assert run.lambda_max == pytest.approx(2.0)


def test_non_finite_values_stop_the_run_and_are_not_recorded():
    run = run_gradient_descent("bowl", 2.0, 1.5, 1e308, 10)
    assert (run.stop_step, run.stop_reason) == (1, "nonfinite")
    assert len(run.path) == 1 and np.isfinite(run.path).all()


def test_a_finished_run_reports_no_divergence():
    run = run_gradient_descent("rosenbrock", -1.5, 2.0, 0.002, 200)
    assert run.stop_step is None and len(run.path) == 201
    assert run.losses[-1] < 0.01 < run.losses[0]
    assert np.linalg.norm(run.path[-1] - [1, 1]) < 0.1


def test_bowl_slice_is_the_books_parabola():
    run = run_gradient_descent("bowl", 2.0, 1.5, 0.1, 30)
    s = descent_slices("bowl", run)
    assert s.kind == "x"
    np.testing.assert_allclose(s.values, s.t**2, rtol=1e-6)
    np.testing.assert_allclose(s.at, run.path[s.frames, 0], rtol=1e-6)
    np.testing.assert_allclose(s.slope, 2 * run.path[s.frames, 0], rtol=1e-6)
    np.testing.assert_allclose(s.next_at[:-1], run.path[s.frames[:-1] + 1, 0], rtol=1e-5, atol=1e-7)


def test_a_diverging_bowl_slice_shows_every_next_point():
    """lr 1.1 ("Too large: divergence"): each step lands 1.2× farther out on the other side, and the run stops
    before its last θₖ₊₁ enters the path; the slice still reaches it (its label was cut at the slice's edge)."""
    run = run_gradient_descent("bowl", 2.0, 1.5, 1.1, 60)
    s = descent_slices("bowl", run)
    assert run.stop_step is not None
    assert np.all(s.t.min(1) <= np.minimum(s.at, s.next_at)) and np.all(s.t.max(1) >= np.maximum(s.at, s.next_at))


@pytest.mark.parametrize("name", ["valley", "rosenbrock", "saddle", "himmelblau"])
def test_gradient_slice_tangent_and_next_point(name):
    run = run_gradient_descent(name, -1.0, 1.2, 0.001 if name in ("rosenbrock", "himmelblau") else 0.05, 30)
    s = descent_slices(name, run)
    assert s.kind == "gradient"
    np.testing.assert_allclose(s.at_value, run.losses[s.frames], rtol=1e-5)
    inner = s.frames < len(run.losses) - 1
    np.testing.assert_allclose(s.next_value[inner], run.losses[s.frames[inner] + 1], rtol=1e-5, atol=1e-6)
    # The tangent's slope is the directional derivative along −∇L: compare with a finite difference.
    fn = surfaces.SURFACES[name].fn
    for j, k in enumerate(s.frames[:5]):
        g = run.grads[k]
        d = -g / np.linalg.norm(g)
        h = 1e-6
        p = torch.tensor(run.path[k] + h * d), torch.tensor(run.path[k] - h * d)
        fd = (fn(p[0][0], p[0][1]) - fn(p[1][0], p[1][1])).item() / (2 * h)
        assert s.slope[j] == pytest.approx(fd, rel=1e-4)


def test_frame_steps_bounds():
    for last in (0, 1, 5, 59, 60, 61, 200, 500):
        f = frame_steps(last)
        assert f[0] == 0 and f[-1] == last and len(f) <= MAX_FRAMES
        assert np.all(np.diff(f) > 0)
    assert len(frame_steps(30)) == 31


def test_to_f32_clips_what_float32_cannot_hold():
    out = to_f32([1.5, np.inf, -np.inf, np.nan, 1e300])
    assert out.dtype == np.float32 and np.isfinite(out).all()
    assert out[0] == 1.5 and out[1] > 1e29 and out[2] < -1e29 and out[3] == 0


def test_view_box_keeps_the_start_inside():
    box = surfaces.view_box("rosenbrock", 4.5, -3.0)
    assert box[0] < 4.5 < box[1] and box[2] < -3.0 < box[3]
    assert surfaces.view_box("bowl", 0, 0) == surfaces.SURFACES["bowl"].box


def test_gradient_field_matches_autograd_formula():
    f = surfaces.gradient_field("himmelblau", (-5, 5, -5, 5), n=7)
    ex, ey = analytic_gradient("himmelblau", f.x.astype(float), f.y.astype(float))
    np.testing.assert_allclose(f.gx, ex, rtol=1e-5, atol=1e-3)
    np.testing.assert_allclose(f.gy, ey, rtol=1e-5, atol=1e-3)
