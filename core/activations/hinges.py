"""One hidden layer of N ReLU units fitting a 1-D target: hinges, kinks, linear pieces and dead units."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.activations.functions import X_RANGE, ReluConfig, init_linear, target_data
from core.common.plotdata import frame_steps, to_f32

MERGE_TOL = 1e-9  # kinks closer than this (relative to the x range) are one kink
SLOPE_TOL = 1e-7  # a kink whose slope change is below this (relative to the largest) changes nothing


@dataclass(frozen=True)
class HingeFit:
    x: np.ndarray  # (n,) training inputs
    y: np.ndarray  # (n,) targets
    frames: np.ndarray  # (K,) epoch of each animation frame
    w: np.ndarray  # (K, N) hidden weights w_i
    b: np.ndarray  # (K, N) hidden biases b_i
    v: np.ndarray  # (K, N) output weights v_i
    c: np.ndarray  # (K,) output bias
    kinks: np.ndarray  # (K, N) x = −b_i/w_i where unit i bends inside X_RANGE, NaN otherwise
    fires: np.ndarray  # (K, N, 2) the interval of X_RANGE where unit i fires (NaN, NaN if none)
    losses: np.ndarray  # (E+1,) mean squared error before each update (E = epochs run)
    pieces: np.ndarray  # (E+1,) number of linear pieces of f on X_RANGE at each epoch
    dead: np.ndarray  # (E+1,) units that fire on no training input at each epoch
    units: int
    epochs: int  # epochs asked for
    stop_epoch: int | None  # epoch at which the loss became NaN/inf, None if the run finished


def count_pieces(w, b, v, lo: float = X_RANGE[0], hi: float = X_RANGE[1]) -> tuple[np.ndarray, np.ndarray]:
    """Kink positions (NaN where none) and piece count of f(x) = c + Σ v_i·relu(w_i x + b_i) on (lo, hi).

    Unit i bends at x = −b_i/w_i, where the slope of f changes by v_i·|w_i|. Kinks at the same x
    merge (their slope changes add up); a kink whose total change is zero is not a kink.
    """
    w, b, v = (np.asarray(a, dtype=np.float64) for a in (w, b, v))
    with np.errstate(divide="ignore", invalid="ignore"):
        at = np.where(w != 0, -b / w, np.nan)
    inside = (at > lo) & (at < hi)
    change = np.where(inside, v * np.abs(w), 0.0)
    scale = SLOPE_TOL * max(float(np.max(np.abs(change), initial=0.0)), 1e-12)
    order = np.argsort(np.where(inside, at, np.inf))
    count, last, total = 0, None, 0.0
    for i in order[: int(inside.sum())]:
        if last is not None and at[i] - last > MERGE_TOL * (hi - lo):
            count += abs(total) > scale
            total = 0.0
        last, total = at[i], total + change[i]
    count += last is not None and abs(total) > scale
    kinks = np.where(inside & (np.abs(change) > scale), at, np.nan)
    return kinks, np.int64(count + 1)


def firing_intervals(w, b, lo: float = X_RANGE[0], hi: float = X_RANGE[1]) -> np.ndarray:
    """(N, 2) the part of [lo, hi] where w_i x + b_i > 0 (NaN, NaN when the unit never fires there)."""
    w, b = np.asarray(w, dtype=np.float64), np.asarray(b, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        at = np.where(w != 0, -b / w, np.nan)
    left = np.where(w > 0, np.clip(at, lo, hi), lo)
    right = np.where(w < 0, np.clip(at, lo, hi), hi)
    flat = w == 0
    left = np.where(flat, np.where(b > 0, lo, np.nan), left)
    right = np.where(flat, np.where(b > 0, hi, np.nan), right)
    empty = ~(right > left)
    return np.stack([np.where(empty, np.nan, left), np.where(empty, np.nan, right)], axis=-1)


def fit_relu_units(cfg: ReluConfig) -> HingeFit:
    """Fit f(x) = c + Σ v_i·relu(w_i x + b_i) to ``cfg.target`` with Adam on full-batch MSE."""
    target, units, lr, epochs, seed = cfg.target, cfg.units, cfg.lr, cfg.epochs, cfg.seed
    g = torch.Generator().manual_seed(seed)
    x_np, y_np = target_data(target, seed)
    x = torch.from_numpy(x_np)[:, None]  # (n, 1)
    y = torch.from_numpy(y_np)[:, None]  # (n, 1)
    hidden = torch.nn.Linear(1, units, dtype=torch.float64)
    out = torch.nn.Linear(units, 1, dtype=torch.float64)
    init_linear(hidden, g)
    init_linear(out, g)
    model = torch.nn.Sequential(hidden, torch.nn.ReLU(), out)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    history, losses, stop_epoch = [], [], None
    for epoch in range(epochs + 1):
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        if not torch.isfinite(loss):
            stop_epoch = epoch
            break
        history.append(torch.cat([hidden.weight[:, 0], hidden.bias, out.weight[0], out.bias]).detach().clone())
        losses.append(loss.detach())
        if epoch < epochs:
            loss.backward()
            optimizer.step()
    params = torch.stack(history).numpy()  # (E+1, 3N+1)
    w, b, v, c = params[:, :units], params[:, units : 2 * units], params[:, 2 * units : 3 * units], params[:, -1]
    # w·x + b is linear in x, so its largest value on the data is at the smallest or largest x.
    dead = ((w * x_np.min() + b <= 0) & (w * x_np.max() + b <= 0)).sum(axis=1)  # (E+1,) units firing on no input
    counted = [count_pieces(w[e], b[e], v[e]) for e in range(len(params))]
    frames = frame_steps(len(params) - 1)
    return HingeFit(
        x=x_np,
        y=y_np,
        frames=frames,
        w=w[frames],
        b=b[frames],
        v=v[frames],
        c=c[frames],
        kinks=np.array([counted[e][0] for e in frames]),
        fires=np.array([firing_intervals(w[e], b[e]) for e in frames]),
        losses=to_f32(torch.stack(losses).numpy()),
        pieces=np.array([p for _, p in counted]),
        dead=dead,
        units=units,
        epochs=epochs,
        stop_epoch=stop_epoch,
    )


def fit_status(fit: HingeFit) -> str:
    """ "diverged" (the loss became NaN/inf), "dead" (some units fire on no input at the end) or "ok"."""
    if fit.stop_epoch is not None:
        return "diverged"
    return "dead" if fit.dead[-1] > 0 else "ok"


def fit_curves(fit: HingeFit, j: int, lo: float = X_RANGE[0], hi: float = X_RANGE[1]) -> tuple:
    """Exact polylines of frame j: each hinge at (lo, kink, hi), and f at lo, its kinks and hi."""
    w, b, v, c = fit.w[j], fit.b[j], fit.v[j], fit.c[j]
    with np.errstate(divide="ignore", invalid="ignore"):
        bend = np.where(w != 0, np.clip(-b / w, lo, hi), (lo + hi) / 2)
    hx = np.stack([np.full_like(w, lo), bend, np.full_like(w, hi)], axis=1)  # (N, 3)
    hy = v[:, None] * np.maximum(w[:, None] * hx + b[:, None], 0)  # (N, 3) each unit's v_i·relu(w_i x + b_i)
    kinks = np.sort(fit.kinks[j][np.isfinite(fit.kinks[j])])
    fx = np.concatenate([[lo], kinks, [hi]])
    fy = c + (v * np.maximum(np.outer(fx, w) + b, 0)).sum(axis=1)
    return hx, hy, fx, fy
