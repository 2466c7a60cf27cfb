"""Final loss after k steps for ~50 log-spaced learning rates, all in one batched pass (rates on dim 0)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.gradient_descent import EXPLODE_FACTOR
from core.learning_rate import hessian_at, loss_floor, schedule_factors
from core.learning_rate_rule import classify_runs
from core.surfaces import SURFACES

SWEEP_RATES = 50
SPAN_BELOW, SPAN_ABOVE = 10**2.5, 10**0.5  # sweep from 2/λ_max ÷ 316 to 2/λ_max × 3.16


@dataclass(frozen=True)
class Sweep:
    lrs: np.ndarray  # (S,) log-spaced base rates η
    final_gap: np.ndarray  # (S,) L(θ_n) − L_min, or at the stop for a diverged run
    stop_step: np.ndarray  # (S,) step a run was stopped as diverged, −1 if it finished
    labels: np.ndarray  # (S,) the page's rule applied to each run
    eigvals: np.ndarray  # (2,) Hessian eigenvalues at θ_0, ascending
    critical: float  # 2/λ_max (exact on quadratics, local at θ_0 otherwise); inf without upward curvature


def sweep_range(surface: str, x0: float, y0: float, lrs: tuple[float, ...]) -> tuple[float, float]:
    """Rates to sweep: around 2/λ_max at θ_0 (or the typed rates without curvature), always covering ``lrs``."""
    lam = float(hessian_at(surface, x0, y0)[0][-1])
    center = 2 / lam if lam > 0 else max(lrs)
    return min(center / SPAN_BELOW, min(lrs) / 1.5), max(center * SPAN_ABOVE, max(lrs) * 1.5)


def run_sweep(surface: str, x0: float, y0: float, steps: int, schedule: str, lo: float, hi: float) -> Sweep:
    """Batched gradient descent θ_r ← θ_r − η_r·f_k·∇L(θ_r) for S rates η_r; f_k from the torch scheduler."""
    fn = SURFACES[surface].fn
    eta = torch.logspace(np.log10(lo), np.log10(hi), SWEEP_RATES, dtype=torch.float64)  # (S,)
    factors = torch.from_numpy(schedule_factors(schedule, steps))  # (n,)
    theta = torch.tensor([x0, y0], dtype=torch.float64).repeat(SWEEP_RATES, 1)  # (S, 2)
    stop = torch.full((SWEEP_RATES,), -1)
    paths, losses = [], []
    for k in range(steps + 1):
        theta.requires_grad_(True)
        loss = fn(theta[:, 0], theta[:, 1])  # (S,)
        (grad,) = torch.autograd.grad(loss.sum(), theta)  # (S, 2) rows are independent
        theta, loss = theta.detach(), loss.detach()
        if k == 0:
            limit = EXPLODE_FACTOR * loss.abs().clamp_min(1.0)
        alive = stop < 0
        finite = torch.isfinite(theta).all(1) & torch.isfinite(loss) & torch.isfinite(grad).all(1)
        stop = torch.where(alive & (~finite | (loss.abs() > limit)), k, stop)
        if k > 0:  # inf/NaN are never recorded; a stopped run keeps its last point
            hold = ~finite | ~alive
            theta = torch.where(hold[:, None], paths[-1], theta)
            loss = torch.where(hold, losses[-1], loss)
        paths.append(theta)
        losses.append(loss)
        if k < steps:
            moving = (stop < 0)[:, None]
            theta = torch.where(moving, theta - (eta * factors[k])[:, None] * grad, theta)
    eigvals, eigvecs = hessian_at(surface, x0, y0)
    loss_min = loss_floor(surface)
    paths_np = torch.stack(paths, dim=1).numpy()  # (S, n+1, 2)
    losses_np = torch.stack(losses, dim=1).numpy()  # (S, n+1)
    stop_np = stop.numpy()
    final_rate = eta.numpy() * (factors[-1].item() if steps else 1.0)
    labels = classify_runs(
        paths_np, losses_np, stop_np, final_rate, loss_min, eigvals, eigvecs, SURFACES[surface].quadratic
    )
    last = np.where(stop_np >= 0, stop_np, steps)
    lam = float(eigvals[-1])
    return Sweep(
        lrs=eta.numpy(),
        final_gap=losses_np[np.arange(SWEEP_RATES), last] - loss_min,
        stop_step=stop_np,
        labels=labels,
        eigvals=eigvals,
        critical=2 / lam if lam > 0 else float("inf"),
    )
