"""Least-squares polynomials of every degree 1..15 on scaled x: the fits, their errors, the learning curve."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.overfitting.config import OverfitConfig
from core.overfitting.data import POOL, CurveData, make_data, to_unit

MAX_DEGREE = 15
SIZES = (16, 20, 24, 32, 40, 60, 80, 120, 160, POOL)  # training-set sizes of the learning curve
FAR = 2.0  # a degree whose validation error is this many times the best one's is over- or underfitting


def poly_features(u: np.ndarray, degree: int) -> np.ndarray:
    """(m, degree) columns u, u², …, u^degree (no constant column: the intercept is fitted apart)."""
    return np.asarray(u, dtype=np.float64)[:, None] ** np.arange(1, degree + 1)


def fit_poly(u: np.ndarray, y: np.ndarray, degree: int) -> tuple[float, np.ndarray]:
    """(intercept, coefficients) minimising the squared error of a degree-``degree`` polynomial in u.

    Columns and targets are centred first, so the intercept is ȳ − mean(features)·w and the least-squares
    solve (torch's SVD-based gelsd) only sees the shape of the data, as scikit-learn's LinearRegression does.
    """
    features = torch.from_numpy(poly_features(u, degree))
    target = torch.as_tensor(y, dtype=torch.float64)
    mean_x, mean_y = features.mean(dim=0), target.mean()
    w = torch.linalg.lstsq(features - mean_x, (target - mean_y)[:, None], driver="gelsd").solution[:, 0]
    return float(mean_y - mean_x @ w), w.numpy()


def predict(u: np.ndarray, intercept: float, w: np.ndarray) -> np.ndarray:
    return intercept + poly_features(u, len(w)) @ w


def mse(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean((a - b) ** 2))


def condition(u: np.ndarray, degree: int) -> float:
    """Condition number of the centred feature matrix: how many digits a least-squares solve can lose."""
    features = poly_features(u, degree)
    return float(np.linalg.cond(features - features.mean(axis=0)))


@dataclass(frozen=True)
class PolySweep:
    data: CurveData
    degrees: np.ndarray  # (D,) 1..MAX_DEGREE
    train_mse: np.ndarray  # (D,)
    val_mse: np.ndarray  # (D,)
    curves: np.ndarray  # (D, GRID) each fitted polynomial on data.grid
    best_degree: int  # the degree with the lowest validation error
    sizes: np.ndarray  # (S,) training-set sizes of the learning curve
    size_degrees: tuple[int, ...]  # cfg.degree, and MAX_DEGREE for contrast when cfg.degree is lower
    size_train: np.ndarray  # (G, S) train MSE of each of size_degrees with the first `size` points of the pool
    size_val: np.ndarray  # (G, S)
    cond_scaled: float  # condition number at cfg.degree with x scaled to [-1, 1]
    cond_raw: float  # ... and with x as drawn, in [0, 1]
    noise_floor: float  # σ²: the error even the true curve makes on new points


def sweep(cfg: OverfitConfig) -> PolySweep:
    """Fit degrees 1..15 to cfg.n noisy points; errors on train and validation; the learning curve at cfg.degree."""
    data = make_data(cfg.n, cfg.noise, cfg.seed)
    u, u_val, u_grid = to_unit(data.x_train), to_unit(data.x_val), to_unit(data.grid)
    degrees = np.arange(1, MAX_DEGREE + 1)
    train, val, curves = [], [], []
    for d in degrees:
        b, w = fit_poly(u, data.y_train, int(d))
        train.append(mse(predict(u, b, w), data.y_train))
        val.append(mse(predict(u_val, b, w), data.y_val))
        curves.append(predict(u_grid, b, w))
    pool = make_data(POOL, cfg.noise, cfg.seed)  # the same draws: the first n points are data.x_train
    size_degrees = (cfg.degree,) if cfg.degree == MAX_DEGREE else (cfg.degree, MAX_DEGREE)
    size_train, size_val = np.zeros((len(size_degrees), len(SIZES))), np.zeros((len(size_degrees), len(SIZES)))
    for i, d in enumerate(size_degrees):
        for j, m in enumerate(SIZES):
            u_m, y_m = to_unit(pool.x_train[:m]), pool.y_train[:m]
            b, w = fit_poly(u_m, y_m, d)
            size_train[i, j] = mse(predict(u_m, b, w), y_m)
            size_val[i, j] = mse(predict(u_val, b, w), data.y_val)
    return PolySweep(
        data=data,
        degrees=degrees,
        train_mse=np.array(train),
        val_mse=np.array(val),
        curves=np.array(curves),
        best_degree=int(degrees[np.argmin(val)]),
        sizes=np.array(SIZES),
        size_degrees=size_degrees,
        size_train=size_train,
        size_val=size_val,
        cond_scaled=condition(u, cfg.degree),
        cond_raw=condition(data.x_train, cfg.degree),
        noise_floor=cfg.noise**2,
    )


def fit_status(run: PolySweep, degree: int) -> str:
    """``over`` (above the best degree, validation error more than FAR × the best), ``under`` (below it,
    as far off) or ``best`` (the best degree or close enough to it)."""
    far = run.val_mse[degree - 1] > FAR * run.val_mse[run.best_degree - 1]
    if far and degree > run.best_degree:
        return "over"
    return "under" if far and degree < run.best_degree else "best"
