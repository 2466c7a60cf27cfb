"""Several learning rates side by side: one torch.optim.SGD with a param group per rate, driven by a real scheduler."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch.optim import lr_scheduler

from core.gradient_descent import EXPLODE_FACTOR
from core.learning_rate_rule import classify_runs
from core.surfaces import SURFACES

SCHEDULES = ("constant", "step", "exponential", "cosine", "warmup")
STEP_GAMMA = 0.5  # StepLR halves η every quarter of the run
EXP_END = 0.05  # ExponentialLR's γ is chosen so η ends at 5% of its start
WARMUP_START = 0.1  # LinearLR warm-up climbs from 10% of η to η over the first fifth of the run


def make_scheduler(optimizer: torch.optim.Optimizer, schedule: str, steps: int) -> lr_scheduler.LRScheduler:
    """The torch.optim.lr_scheduler object that sets η_k for a run of ``steps`` updates."""
    if schedule == "constant":
        return lr_scheduler.ConstantLR(optimizer, factor=1.0, total_iters=0)
    if schedule == "step":
        return lr_scheduler.StepLR(optimizer, step_size=max(1, steps // 4), gamma=STEP_GAMMA)
    if schedule == "exponential":
        return lr_scheduler.ExponentialLR(optimizer, gamma=EXP_END ** (1 / max(steps, 1)))
    if schedule == "cosine":
        return lr_scheduler.CosineAnnealingLR(optimizer, T_max=max(steps, 1), eta_min=0.0)
    if schedule == "warmup":
        return lr_scheduler.LinearLR(optimizer, start_factor=WARMUP_START, total_iters=max(1, steps // 5))
    raise ValueError(f"unknown schedule {schedule!r}")


def schedule_params(schedule: str, steps: int) -> dict:
    """The numbers a schedule's one-line description names: StepLR's step size or the warm-up length, γ, T_max."""
    size = max(1, steps // 4 if schedule == "step" else steps // 5)
    return {"size": size, "gamma": EXP_END ** (1 / max(steps, 1)), "steps": steps}


def loss_floor(surface: str) -> float:
    """The lowest value of ``surface`` (its minima's height): loss gaps L − L_min are measured from it."""
    fn = SURFACES[surface].fn
    return min(
        fn(torch.tensor(x, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)).item()
        for x, y in SURFACES[surface].minima
    )


@dataclass(frozen=True)
class RateRuns:
    lrs: np.ndarray  # (R,) base rates η, one run each
    paths: np.ndarray  # (R, n+1, 2) θ_k; after a stop the last recorded point repeats
    losses: np.ndarray  # (R, n+1) L(θ_k); after a stop the last recorded value repeats
    rates: np.ndarray  # (R, n) η_k the scheduler set for update k (θ_k → θ_{k+1})
    stop_step: np.ndarray  # (R,) step where a run was stopped as diverged, −1 if it finished
    stop_reason: tuple[str | None, ...]  # (R,) "nonfinite", "exploded" or None
    labels: tuple[str, ...]  # (R,) "slow" / "converging" / "oscillating" / "diverging"
    eigvals: np.ndarray  # (2,) Hessian eigenvalues at θ_0, ascending (torch.linalg.eigvalsh)
    eigvecs: np.ndarray  # (2, 2) matching unit eigenvectors as columns
    loss_min: float  # L_min of the surface
    schedule: str


def hessian_at(surface: str, x0: float, y0: float) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues (ascending) and eigenvectors of the Hessian at (x0, y0), from autograd + torch.linalg.eigh."""
    fn = SURFACES[surface].fn
    h = torch.autograd.functional.hessian(lambda p: fn(p[0], p[1]), torch.tensor([x0, y0], dtype=torch.float64))
    vals, vecs = torch.linalg.eigh(h)
    return vals.numpy(), vecs.numpy()


def run_rates(surface: str, x0: float, y0: float, lrs: tuple[float, ...], steps: int, schedule: str) -> RateRuns:
    """θ ← θ − η_k∇L from (x0, y0) once per rate in ``lrs``, all in one SGD whose η_k come from ``schedule``."""
    fn = SURFACES[surface].fn
    thetas = [torch.tensor([x0, y0], dtype=torch.float64, requires_grad=True) for _ in lrs]
    optimizer = torch.optim.SGD([{"params": [theta], "lr": lr} for theta, lr in zip(thetas, lrs, strict=True)])
    scheduler = make_scheduler(optimizer, schedule, steps)
    count = len(lrs)
    paths, losses, rates = [], [], []
    stop_step, stop_reason = np.full(count, -1), [None] * count
    for k in range(steps + 1):
        optimizer.zero_grad()
        theta = torch.stack(thetas)  # (R, 2), differentiable view of the R parameters
        loss = fn(theta[:, 0], theta[:, 1])  # (R,)
        loss.sum().backward()  # each θ_r only feeds its own loss, so each gets its own gradient
        point, value = theta.detach().clone(), loss.detach().clone()
        if k == 0:
            limit = EXPLODE_FACTOR * value.abs().clamp_min(1.0)  # (R,)
        grad = torch.stack([t.grad for t in thetas])  # (R, 2)
        finite = torch.isfinite(point).all(1) & torch.isfinite(value) & torch.isfinite(grad).all(1)
        stopped = torch.from_numpy(stop_step >= 0)
        for r in torch.nonzero(~stopped & ~finite).flatten().tolist():
            stop_step[r], stop_reason[r] = k, "nonfinite"
        for r in torch.nonzero(~stopped & finite & (value.abs() > limit)).flatten().tolist():
            stop_step[r], stop_reason[r] = k, "exploded"
        hold = stopped | ~finite  # a stopped run stays where it stopped; inf/NaN are never recorded
        if k > 0:
            point = torch.where(hold[:, None], paths[-1], point)
            value = torch.where(hold, losses[-1], value)
        paths.append(point)
        losses.append(value)
        if k < steps:
            rates.append([group["lr"] for group in optimizer.param_groups])
            for r in np.flatnonzero(stop_step >= 0):
                thetas[r].grad.zero_()  # frozen: plain SGD moves nothing without a gradient
            optimizer.step()  # θ_r ← θ_r − η_r,k · ∇L(θ_r)
            scheduler.step()  # η_r,k+1 from the schedule
    paths_np = torch.stack(paths, dim=1).numpy()  # (R, n+1, 2)
    losses_np = torch.stack(losses, dim=1).numpy()  # (R, n+1)
    rates_np = np.array(rates, dtype=np.float64).T.reshape(count, steps)  # (R, n)
    eigvals, eigvecs = hessian_at(surface, x0, y0)
    loss_min = loss_floor(surface)
    labels = classify_runs(
        paths_np,
        losses_np,
        stop_step,
        rates_np[:, -1] if steps else np.asarray(lrs),
        loss_min,
        eigvals,
        eigvecs,
        SURFACES[surface].quadratic,
    )
    return RateRuns(
        np.asarray(lrs, dtype=np.float64),
        paths_np,
        losses_np,
        rates_np,
        stop_step,
        tuple(stop_reason),
        tuple(labels),
        eigvals,
        eigvecs,
        loss_min,
        schedule,
    )


def schedule_factors(schedule: str, steps: int) -> np.ndarray:
    """(steps,) η_k / η that the torch scheduler sets for each update k (it scales every rate alike)."""
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0)
    scheduler = make_scheduler(optimizer, schedule, steps)
    factors = []
    for _ in range(steps):
        factors.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return np.array(factors, dtype=np.float64)
