"""Train nn.Linear with MSE and torch.optim.SGD, one full-batch step per epoch; the loss over the (w, b)
plane; and the conditioning that decides how many epochs gradient descent needs."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.common.grids import nice_step
from core.common.init import init_like_torch
from core.common.plotdata import frame_steps
from core.linreg import RegressionConfig
from core.linreg.data import Data, make_data

MAX_FRAMES = 50
GRID = 61  # loss map: GRID × GRID points
TOL = 1e-3  # converged: θ is within TOL × its starting distance of the optimum
CURVE_EPOCHS = 5000  # the distance chart looks this far ahead at most
BLOWUP = 1e12  # a loss this many times the first one counts as diverged


def design(inputs: np.ndarray) -> np.ndarray:
    """(n, d+1) the inputs with a column of ones, so θ = [w₁ … w_d, b] and ŷ = Aθ."""
    return np.column_stack([inputs, np.ones(len(inputs))])


def train_sgd(data: Data, lr: float, epochs: int, seed: int) -> tuple[np.ndarray, np.ndarray, int | None]:
    """θ after each epoch (E+1, d+1), the loss at each (E+1,), and the epoch where the loss blew up (or None)."""
    X, y = torch.tensor(data.inputs), torch.tensor(data.y)
    model = init_like_torch(nn.Linear(X.shape[1], 1).double(), torch.Generator().manual_seed(seed))
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    path, losses, stop = [], [], None
    for epoch in range(epochs + 1):
        path.append(torch.cat([model.weight.detach()[0], model.bias.detach()]).numpy().copy())
        loss = loss_fn(model(X).squeeze(1), y)
        losses.append(loss.item())
        if not math.isfinite(losses[-1]) or losses[-1] > BLOWUP * losses[0]:
            stop = epoch
            path, losses = path[:-1], losses[:-1]
            break
        if epoch < epochs:  # full batch: one epoch is one step
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return np.array(path), np.array(losses), stop


@dataclass(frozen=True)
class Conditioning:
    eigenvalues: np.ndarray  # (d+1,) of the MSE's Hessian 2AᵀA/n, ascending
    coords: np.ndarray  # (d+1,) the start's offset from the optimum along each eigenvector
    kappa: float  # condition number λ_max / λ_min
    epochs: int | None  # epochs until ‖θ − θ*‖ < TOL·‖θ₀ − θ*‖ at the given η; None if η ≥ 2/λ_max (no convergence)
    epochs_best: int  # the same at η = 1/λ_max, the largest step that never overshoots any direction


def epochs_to_converge(eigenvalues: np.ndarray, coords: np.ndarray, lr: float) -> int | None:
    """Full-batch GD on a quadratic: after k steps the distance to the optimum is ‖θₖ − θ*‖² = Σ (1 − ηλᵢ)^{2k} cᵢ²
    (cᵢ: the start's offset along eigenvector i). The first k where it falls below TOL of its start."""
    rho = np.abs(1 - lr * eigenvalues)
    weight = coords**2
    live = weight > 1e-300
    if not live.any():
        return 0
    if rho[live].max() >= 1:
        return None

    def excess(k: int) -> float:
        return float(np.sum(weight[live] * rho[live] ** (2 * k)))

    target, hi = TOL**2 * excess(0), 1
    while excess(hi) > target:
        hi *= 2
    lo = hi // 2
    while lo < hi:  # the first k below target (the distance shrinks with k)
        mid = (lo + hi) // 2
        lo, hi = (mid + 1, hi) if excess(mid) > target else (lo, mid)
    return lo


def conditioning(data: Data, theta0: np.ndarray, optimum: np.ndarray, lr: float) -> Conditioning:
    """The Hessian's spectrum, κ and the epochs GD needs from ``theta0`` at η = ``lr`` and at η = 1/λ_max."""
    A = design(data.inputs)
    values, vectors = np.linalg.eigh(2 * A.T @ A / len(A))
    coords = vectors.T @ (theta0 - optimum)
    return Conditioning(
        eigenvalues=values,
        coords=coords,
        kappa=float(values[-1] / values[0]),
        epochs=epochs_to_converge(values, coords, lr),
        epochs_best=epochs_to_converge(values, coords, 1 / values[-1]),
    )


def distance(cond: Conditioning, lr: float, ks: np.ndarray) -> np.ndarray:
    """(K,) ‖θₖ − θ*‖ / ‖θ₀ − θ*‖ of full-batch GD at η = ``lr`` after each number of steps in ``ks``."""
    rho = np.abs(1 - lr * cond.eigenvalues)
    with np.errstate(over="ignore"):
        sq = (cond.coords[None, :] ** 2 * rho[None, :] ** (2 * ks[:, None].astype(np.float64))).sum(axis=1)
    return np.sqrt(sq / max(float(np.sum(cond.coords**2)), 1e-300))


def mse_grid(data: Data, ws: np.ndarray, bs: np.ndarray, fixed: np.ndarray) -> np.ndarray:
    """(G, G) MSE over a plane of parameters: one feature → θ = (w, b) with w = ws[j], b = bs[i];
    two features → θ = (w₁, w₂, b) with w₁ = ws[j], w₂ = bs[i] and b = fixed[-1]."""
    A, y = design(data.inputs), data.y
    gram, cross, yy = A.T @ A / len(A), A.T @ y / len(A), float(y @ y) / len(A)
    theta = np.broadcast_to(fixed, (len(bs), len(ws), len(fixed))).copy()
    theta[..., 0] = ws[None, :]
    theta[..., 1] = bs[:, None]
    return np.einsum("...i,ij,...j->...", theta, gram, theta) - 2 * theta @ cross + yy


@dataclass(frozen=True)
class RegressionRun:
    data: Data
    epochs: int
    stop_epoch: int | None  # the epoch whose loss blew up (training stopped there), else None
    path: np.ndarray  # (E+1, d+1) [w…, b] after each epoch, in the units the model was trained in
    losses: np.ndarray  # (E+1,) MSE after each epoch
    frames: np.ndarray  # (K,) epochs shown as animation frames
    optimum: np.ndarray  # (d+1,) closed-form least squares, in the trained units
    optimum_loss: float
    original: np.ndarray  # (E+1, d+1) θ after each epoch in the data's own units (scaling undone)
    ws: np.ndarray  # (G,) loss-map axes: w (or w₁)
    bs: np.ndarray  # (G,) b (or w₂, with b held at its optimum)
    grid: np.ndarray  # (G, G) MSE over the map, row i = bs[i]
    cond: Conditioning
    other: Conditioning  # the same with the other scaling setting, at the same η
    measured: np.ndarray  # (E+1,) ‖θ − θ*‖ / ‖θ₀ − θ*‖ of the torch run after each epoch
    curve_epochs: np.ndarray  # (M,) epochs where the two predicted distance curves are evaluated
    curve: np.ndarray  # (2, M) predicted ‖θ − θ*‖ / ‖θ₀ − θ*‖: this setting, the other scaling setting


def unscale(data: Data, theta: np.ndarray) -> np.ndarray:
    """(…, d+1) θ for standardised inputs → the same lines in the features' own units."""
    w = theta[..., :-1] / data.std
    return np.concatenate([w, theta[..., -1:] - w @ data.mean[:, None]], axis=-1)


def _box(points: np.ndarray, optimum: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Square map axes (one span for both, so a round bowl looks round) around the path and the optimum."""
    keep = np.vstack([points[:, :2], optimum[:2]])
    lo, hi = keep.min(axis=0), keep.max(axis=0)
    half = 0.6 * max(float(np.max(hi - lo)), 1e-3 * (1 + float(np.abs(optimum[:2]).max())))
    # Snapped to steps of a sixth of the half-width or less: a small change of the data (the slope slider) keeps
    # the box, so the browser moves the map in place instead of laying out both tied panels again. The path
    # lies within half / 1.2 of the centre, which moves by at most step / 2 ≤ half / 12: it stays inside.
    step = nice_step(half / 12)
    mid = np.round((lo + hi) / 2 / step) * step
    half = float(np.ceil(half / step - 1e-9) * step)
    return np.linspace(mid[0] - half, mid[0] + half, GRID), np.linspace(mid[1] - half, mid[1] + half, GRID)


def fit_regression(cfg: RegressionConfig) -> RegressionRun:
    """Train on the data ``cfg`` describes and measure everything the page draws."""
    data = make_data(cfg)
    path, losses, stop = train_sgd(data, cfg.lr, cfg.epochs, cfg.seed)
    A = design(data.inputs)
    optimum = np.linalg.lstsq(A, data.y, rcond=None)[0]
    shown = path if stop is None else path[:1]  # a diverged path would stretch the map to nothing
    ws, bs = _box(shown, optimum)
    other = make_data(dataclasses.replace(cfg, scale=not cfg.scale))
    other_optimum = np.linalg.lstsq(design(other.inputs), other.y, rcond=None)[0]
    cond = conditioning(data, path[0], optimum, cfg.lr)
    other_cond = conditioning(other, path[0], other_optimum, cfg.lr)
    needed = [e for e in (cond.epochs, other_cond.epochs) if e is not None]
    last = int(min(max([cfg.epochs, *needed]) * 1.1, CURVE_EPOCHS))
    ks = np.unique(np.linspace(0, last, 301).round().astype(np.int64))
    start = max(float(np.linalg.norm(path[0] - optimum)), 1e-300)
    return RegressionRun(
        data=data,
        epochs=cfg.epochs,
        stop_epoch=stop,
        path=path,
        losses=losses,
        frames=frame_steps(len(path) - 1, MAX_FRAMES),
        optimum=optimum,
        optimum_loss=float(np.mean((A @ optimum - data.y) ** 2)),
        original=unscale(data, path),
        ws=ws,
        bs=bs,
        grid=mse_grid(data, ws, bs, optimum),
        cond=cond,
        other=other_cond,
        measured=np.linalg.norm(path - optimum, axis=1) / start,
        curve_epochs=ks,
        curve=np.array([distance(cond, cfg.lr, ks), distance(other_cond, cfg.lr, ks)]),
    )
