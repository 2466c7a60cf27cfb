"""Regression losses as functions of the residual, and a line fitted with each to data with one outlier."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from core.losses import LossConfig

INLIERS = 14
TRUE_W, TRUE_B, NOISE = 0.6, 1.0, 0.5
FRAMES = 25  # the outlier moves from the trend to its place in this many frames
RESIDUALS = np.linspace(-4.0, 4.0, 161)
IRLS_STEPS = 60
LOSSES = ("mse", "mae", "huber")


def pointwise(name: str, r: torch.Tensor, delta: float) -> torch.Tensor:
    """Each residual's penalty, with torch.nn.functional (reduction="none"; the target is 0)."""
    zero = torch.zeros_like(r)
    if name == "mse":
        return F.mse_loss(r, zero, reduction="none")
    if name == "mae":
        return F.l1_loss(r, zero, reduction="none")
    return F.huber_loss(r, zero, reduction="none", delta=delta)


@dataclass(frozen=True)
class Curves:
    r: np.ndarray  # (R,) residuals
    loss: np.ndarray  # (3, R) MSE, MAE, Huber(δ) of each residual
    grad: np.ndarray  # (3, R) their derivatives dℓ/dr, from autograd


def residual_curves(cfg: LossConfig) -> Curves:
    """ℓ(r) and dℓ/dr for MSE, MAE and Huber(δ) over a range of residuals (autograd gives the derivatives)."""
    r = torch.tensor(RESIDUALS, dtype=torch.float64, requires_grad=True)
    losses, grads = [], []
    for name in LOSSES:
        value = pointwise(name, r, cfg.delta)
        (grad,) = torch.autograd.grad(value.sum(), r)
        losses.append(value.detach().numpy())
        grads.append(grad.numpy())
    return Curves(r=RESIDUALS.copy(), loss=np.array(losses), grad=np.array(grads))


def fit_mse(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Least squares for each row: (F, n) points -> (F, 2) [w, b], with torch.linalg.lstsq."""
    X = torch.stack([x, torch.ones_like(x)], dim=-1)  # (F, n, 2)
    return torch.linalg.lstsq(X, y.unsqueeze(-1)).solution.squeeze(-1)


def fit_mae(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Least absolute deviations for each row, exactly: the best line passes through two of the points
    (a vertex of the linear program), so every line through two points is tried and the lowest L1 kept."""
    i, j = torch.triu_indices(x.shape[1], x.shape[1], offset=1)
    dx = x[:, j] - x[:, i]  # (F, P) one line per pair of points
    ok = dx.abs() > 1e-12
    w = torch.where(ok, (y[:, j] - y[:, i]) / torch.where(ok, dx, 1.0), 0.0)
    b = y[:, i] - w * x[:, i]
    mae = F.l1_loss(w.unsqueeze(-1) * x.unsqueeze(1) + b.unsqueeze(-1), y.unsqueeze(1).expand(-1, w.shape[1], -1),
                    reduction="none").mean(-1)  # fmt: skip
    best = torch.where(ok, mae, torch.inf).argmin(dim=1, keepdim=True)
    return torch.cat([w.gather(1, best), b.gather(1, best)], dim=1)


def fit_huber(x: torch.Tensor, y: torch.Tensor, delta: float) -> torch.Tensor:
    """Huber(δ) for each row by iteratively reweighted least squares from the least-squares line:
    weights min(1, δ/|r|) make the weighted squares' gradient equal Huber's, so the fixed point is its minimum."""
    theta = fit_mse(x, y)
    X = torch.stack([x, torch.ones_like(x)], dim=-1)
    for _ in range(IRLS_STEPS):
        r = X @ theta.unsqueeze(-1) - y.unsqueeze(-1)  # (F, n, 1)
        weight = (delta / r.abs().clamp_min(1e-12)).clamp(max=1.0)
        XtW = (X * weight).transpose(1, 2)
        theta = torch.linalg.solve(XtW @ X, (XtW @ y.unsqueeze(-1))).squeeze(-1)
    return theta


def fit(name: str, x: torch.Tensor, y: torch.Tensor, delta: float) -> torch.Tensor:
    return {"mse": fit_mse, "mae": fit_mae}[name](x, y) if name != "huber" else fit_huber(x, y, delta)


def outlier_data(cfg: LossConfig) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Inliers near y = 0.6x + 1 (x, y of shape (14,)) and the outlier's heights, one per frame (FRAMES,)."""
    rng = np.random.default_rng(cfg.seed)
    x = np.linspace(0.5, 9.5, INLIERS) + rng.uniform(-0.25, 0.25, INLIERS)
    y = TRUE_W * x + TRUE_B + NOISE * rng.standard_normal(INLIERS)
    heights = TRUE_W * cfg.outlier_x + TRUE_B + np.linspace(0.0, cfg.outlier, FRAMES)
    return x, y, heights


@dataclass(frozen=True)
class OutlierFits:
    x: np.ndarray  # (14,) inliers
    y: np.ndarray  # (14,)
    outlier_x: float
    outlier_y: np.ndarray  # (FRAMES,) the outlier's height in each frame (the last is the chosen one)
    offsets: np.ndarray  # (FRAMES,) its distance above the trend
    theta: np.ndarray  # (3, FRAMES, 2) [w, b] of the MSE, MAE and Huber lines in each frame
    objective: np.ndarray  # (3, FRAMES) each loss's mean value at its own line


def fit_outlier(cfg: LossConfig) -> OutlierFits:
    """Fit a line with MSE, MAE and Huber(δ) while the outlier moves from the trend to ``cfg.outlier``."""
    x, y, heights = outlier_data(cfg)
    xs = torch.tensor(np.append(x, cfg.outlier_x), dtype=torch.float64).expand(FRAMES, -1)
    ys = torch.cat([torch.tensor(y).expand(FRAMES, -1), torch.tensor(heights).unsqueeze(1)], dim=1)
    theta = torch.stack([fit(name, xs, ys, cfg.delta) for name in LOSSES])  # (3, FRAMES, 2)
    r = theta[..., :1] * xs + theta[..., 1:] - ys  # (3, FRAMES, n)
    objective = torch.stack([pointwise(name, r[k], cfg.delta).mean(-1) for k, name in enumerate(LOSSES)])
    return OutlierFits(
        x=x,
        y=y,
        outlier_x=cfg.outlier_x,
        outlier_y=heights,
        offsets=np.linspace(0.0, cfg.outlier, FRAMES),
        theta=theta.numpy(),
        objective=objective.numpy(),
    )
