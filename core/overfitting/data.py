"""Noisy samples of one smooth curve: a training pool, a validation set and a test set."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

X_RANGE = (0.0, 1.0)  # where x is drawn, in its own units
POOL = 200  # training points drawn; the first n are used, so more data only ever adds points
HELD_OUT = 100  # validation points, and as many test points
GRID = 160  # points where fitted curves are drawn


def truth(x: np.ndarray) -> np.ndarray:
    """The curve the data come from: one period of a sine."""
    return np.sin(2 * np.pi * x)


def to_unit(x: np.ndarray) -> np.ndarray:
    """x mapped from X_RANGE to [-1, 1]: powers up to x^15 then stay within [-1, 1] (well conditioned)."""
    lo, hi = X_RANGE
    return 2 * (np.asarray(x, dtype=np.float64) - lo) / (hi - lo) - 1


@dataclass(frozen=True)
class CurveData:
    x_train: np.ndarray  # (n,) in X_RANGE
    y_train: np.ndarray  # (n,)
    x_val: np.ndarray  # (HELD_OUT,)
    y_val: np.ndarray
    x_test: np.ndarray  # (HELD_OUT,) looked at once, at the very end
    y_test: np.ndarray
    grid: np.ndarray  # (GRID,) x where curves are drawn
    truth: np.ndarray  # (GRID,) the noise-free curve there


def make_data(n: int, noise: float, seed: int) -> CurveData:
    """n training points (a prefix of one seeded pool of POOL), HELD_OUT validation and test points."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(*X_RANGE, size=POOL + 2 * HELD_OUT)
    y = truth(x) + noise * rng.standard_normal(x.size)
    val, test = slice(POOL, POOL + HELD_OUT), slice(POOL + HELD_OUT, None)
    grid = np.linspace(*X_RANGE, GRID)
    return CurveData(x[:n], y[:n], x[val], y[val], x[test], y[test], grid, truth(grid))
