"""Learning-rate runs, schedules, sweep and labels against closed forms on quadratics and against each other."""

import math

import numpy as np
import pytest

from core.descent.engine import EXPLODE_FACTOR
from core.descent.labels import classify_runs, reversal_share
from core.descent.rates import (
    MAX_RATES,
    SCHEDULES,
    SWEEP_RATES,
    RateConfig,
    format_lrs,
    parse_lrs,
    run_rates,
    run_sweep,
    schedule_factors,
    sweep_range,
)

CURV = {"bowl": (1.0, 1.0), "valley": (0.1, 2.0)}  # L = a·x² + b·y²
START = {"bowl": (2.0, 1.5), "valley": (-3.5, 1.0)}
TOL = 1e-12


def cfg(surface: str, steps: int, schedule: str = "constant") -> RateConfig:
    """The page's config; every run starts at the surface's preset start (START above, or the page's)."""
    return RateConfig(surface=surface, steps=steps, schedule=schedule)


def reference_factors(schedule: str, steps: int) -> np.ndarray:
    """η_k / η written from each scheduler's documented closed form (not from torch)."""
    k = np.arange(steps)
    if schedule == "constant":
        return np.ones(steps)
    if schedule == "step":
        return 0.5 ** (k // max(1, steps // 4))
    if schedule == "exponential":
        return 0.05 ** (k / steps)
    if schedule == "cosine":
        return 0.5 * (1 + np.cos(np.pi * k / steps))
    warm = max(1, steps // 5)
    return 0.1 + 0.9 * np.minimum(k, warm) / warm


def closed_form_path(surface: str, lr: float, factors: np.ndarray) -> np.ndarray:
    """θ_k for L = a·x² + b·y²: each coordinate is multiplied by (1 − 2·a·η_k) per step."""
    a, b = CURV[surface]
    x0, y0 = START[surface]
    gx = np.concatenate([[1.0], np.cumprod(1 - 2 * a * lr * factors)])
    gy = np.concatenate([[1.0], np.cumprod(1 - 2 * b * lr * factors)])
    return np.column_stack([x0 * gx, y0 * gy])


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_scheduler_sets_the_documented_rates(schedule):
    for steps in (1, 7, 30, 100):
        np.testing.assert_allclose(schedule_factors(schedule, steps), reference_factors(schedule, steps), rtol=1e-10)


@pytest.mark.parametrize("surface", ["bowl", "valley"])
@pytest.mark.parametrize("schedule", SCHEDULES)
def test_runs_follow_the_closed_form_trajectory(surface, schedule):
    steps, lrs = 40, (0.05, 0.2, 0.45)
    runs = run_rates(cfg(surface, steps, schedule), lrs)
    factors = reference_factors(schedule, steps)
    a, b = CURV[surface]
    for r, lr in enumerate(lrs):
        path = closed_form_path(surface, lr, factors)
        np.testing.assert_allclose(runs.rates[r], lr * factors, rtol=1e-10)
        np.testing.assert_allclose(runs.paths[r], path, rtol=1e-9, atol=TOL)
        np.testing.assert_allclose(runs.losses[r], a * path[:, 0] ** 2 + b * path[:, 1] ** 2, rtol=1e-9, atol=TOL)
    assert (runs.stop_step == -1).all()


def test_hessian_eigenvalues_and_critical_rate():
    runs = run_rates(cfg("valley", 5), (0.1,))
    np.testing.assert_allclose(runs.eigvals, np.linalg.eigvalsh([[0.2, 0], [0, 4.0]]), rtol=TOL)
    np.testing.assert_allclose(np.abs(runs.eigvecs), np.eye(2), atol=TOL)
    for surface, critical in (("bowl", 1.0), ("valley", 0.5)):
        sweep = run_sweep(cfg(surface, 10, "constant"), *sweep_range(cfg(surface, 10), (0.1,)))
        assert sweep.critical == pytest.approx(critical, rel=TOL)
        assert sweep.lrs[0] < critical < sweep.lrs[-1] and len(sweep.lrs) == SWEEP_RATES


@pytest.mark.parametrize("schedule", ["constant", "cosine", "warmup"])
def test_sweep_matches_closed_form_final_loss(schedule):
    steps = 30
    sweep = run_sweep(cfg("valley", steps, schedule), 0.002, 2.0)
    factors = reference_factors(schedule, steps)
    for lr, gap, stop in zip(sweep.lrs, sweep.final_gap, sweep.stop_step, strict=True):
        if stop < 0:
            path = closed_form_path("valley", lr, factors)
            expected = 0.1 * path[-1, 0] ** 2 + 2 * path[-1, 1] ** 2
            assert gap == pytest.approx(expected, rel=1e-9, abs=1e-300)
        else:  # stopped at the first step whose loss passed 10⁶ × L_0
            path = closed_form_path("valley", lr, factors)
            losses = 0.1 * path[:, 0] ** 2 + 2 * path[:, 1] ** 2
            assert stop == np.argmax(losses > EXPLODE_FACTOR * losses[0])


@pytest.mark.parametrize("surface", ["rosenbrock", "himmelblau", "saddle"])
def test_batched_sweep_equals_sgd_param_groups(surface):
    sweep = run_sweep(cfg(surface, 40, "step"), 1e-4, 0.05)
    pick = tuple(float(v) for v in sweep.lrs[::7])
    runs = run_rates(cfg(surface, 40, "step"), pick)
    last = np.where(runs.stop_step >= 0, runs.stop_step, 40)
    np.testing.assert_array_equal(runs.stop_step, sweep.stop_step[::7])
    np.testing.assert_allclose(runs.losses[np.arange(len(pick)), last] - runs.loss_min, sweep.final_gap[::7], rtol=1e-9)
    assert list(runs.labels) == list(sweep.labels[::7])


def test_default_bowl_shows_the_four_behaviours():
    runs = run_rates(cfg("bowl", 30, "constant"), (0.05, 0.2, 0.9, 1.1))
    assert list(runs.labels) == ["slow", "converging", "oscillating", "diverging"]


@pytest.mark.parametrize("surface", ["bowl", "valley"])
def test_labels_agree_with_quadratic_theory(surface):
    a, b = CURV[surface]
    steps = 30
    x0, y0 = START[surface]
    sweep = run_sweep(cfg(surface, steps, "constant"), 0.005, 3.0)
    lam_max = 2 * max(a, b)
    for lr, label in zip(sweep.lrs, sweep.labels, strict=True):
        gx, gy = (1 - 2 * a * lr) ** (2 * steps), (1 - 2 * b * lr) ** (2 * steps)
        ratio = (a * x0**2 * gx + b * y0**2 * gy) / (a * x0**2 + b * y0**2)
        if lr > 2 / lam_max:
            expected = "diverging"
        elif lr > 1 / lam_max:
            expected = "oscillating"
        else:
            expected = "slow" if ratio > 1e-3 else "converging"
        assert label == expected, (surface, lr)


@pytest.mark.parametrize("steps", [1, 2, 5, 50])
def test_any_rate_above_two_over_lambda_max_is_diverging(steps):
    for surface, lrs in (("bowl", (1.0001, 1.2, 3.0)), ("valley", (0.5001, 0.8, 4.0))):
        runs = run_rates(cfg(surface, steps, "constant"), lrs)
        assert set(runs.labels) == {"diverging"}, (surface, steps)
        runs = run_rates(cfg(surface, steps), (0.999 / max(runs.eigvals),))
        assert runs.labels[0] != "diverging"


def test_explosion_stops_at_the_predicted_step_and_freezes_the_run():
    runs = run_rates(cfg("bowl", 100, "constant"), (0.2, 1.1))
    expected = math.floor(math.log(EXPLODE_FACTOR) / math.log(1.44)) + 1  # L_k = L_0 · 1.44^k
    assert runs.stop_step.tolist() == [-1, expected] and runs.stop_reason == (None, "exploded")
    assert (runs.paths[1, expected:] == runs.paths[1, expected]).all()
    # The diverged group does not disturb its neighbour: same path as running 0.2 alone.
    alone = run_rates(cfg("bowl", 100, "constant"), (0.2,))
    np.testing.assert_array_equal(runs.paths[0], alone.paths[0])


def test_non_finite_values_are_never_recorded():
    runs = run_rates(cfg("rosenbrock", 50, "constant"), (0.001, 10.0))
    assert runs.stop_reason[1] in ("nonfinite", "exploded") and runs.labels[1] == "diverging"
    assert np.isfinite(runs.paths).all() and np.isfinite(runs.losses).all()
    sweep = run_sweep(cfg("rosenbrock", 50, "constant"), 1e-4, 10.0)
    assert np.isfinite(sweep.final_gap).all() and sweep.labels[-1] == "diverging"


def test_reversal_rule_on_hand_made_paths():
    zigzag = np.array([[[1.0, 1.0], [0.9, -0.8], [0.8, 0.6], [0.7, -0.5], [0.6, 0.4]]])  # y flips every step
    straight = np.array([[[1.0, 1.0], [0.8, 0.8], [0.6, 0.6], [0.5, 0.5], [0.45, 0.45]]])
    eye = np.eye(2)
    assert reversal_share(zigzag, np.array([4]), eye)[0] == 1.0
    assert reversal_share(straight, np.array([4]), eye)[0] == 0.0
    args = (np.array([-1]), np.array([0.1]), 0.0, np.array([1.0, 2.0]), eye, True)
    losses = (zigzag[..., 0] ** 2 + zigzag[..., 1] ** 2,)
    assert classify_runs(zigzag, *losses, *args)[0] == "oscillating"
    losses = (straight[..., 0] ** 2 + straight[..., 1] ** 2,)
    assert classify_runs(straight, *losses, *args)[0] == "slow"  # 0.405 / 2 is far above 10⁻³
    args_over = (np.array([-1]), np.array([1.01]), 0.0, np.array([1.0, 2.0]), eye, True)
    assert classify_runs(straight, *losses, *args_over)[0] == "diverging"  # η > 2/λ_max on a quadratic


@pytest.mark.parametrize(
    ("text", "rates", "error"),
    [
        ("0.05, 0.2, 0.9, 1.1", (0.05, 0.2, 0.9, 1.1), None),
        ("0.05，0.2;0.9  1.1", (0.05, 0.2, 0.9, 1.1), None),
        ("1e-3", (0.001,), None),
        ("０.５", (0.5,), None),
        ("0.1,0.1,0.2", (0.1, 0.2), None),
        (" , ,", (), "empty"),
        ("", (), "empty"),
        ("학습률", (), "not_number"),
        ("0.1, 😀", (), "not_number"),
        ("0.1, abc", (), "not_number"),
        ("-0.5", (), "out_of_range"),
        ("0", (), "out_of_range"),
        ("nan", (), "out_of_range"),
        ("inf", (), "out_of_range"),
        ("11", (), "out_of_range"),
        ("0.1," * 100, (), "too_long"),
    ],
)
def test_parse_lrs(text, rates, error):
    parsed = parse_lrs(text)
    assert parsed.rates == rates and parsed.error == error
    if error in ("not_number", "out_of_range"):
        assert parsed.bad and parsed.bad in text


def test_parse_lrs_caps_the_count():
    parsed = parse_lrs("0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9")
    assert parsed.truncated and len(parsed.rates) == MAX_RATES and parsed.error is None
    assert parse_lrs(format_lrs(parsed.rates)).rates == parsed.rates
