"""Plain gradient descent θ ← θ − η∇L on a 2-D loss surface, with torch.optim.SGD and autograd."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch

from core.common.plotdata import frame_steps, to_f32
from core.surfaces import SURFACES, hessian_eigenvalues

EXPLODE_FACTOR = 1e6  # |L| above this multiple of max(1, |L_0|) counts as diverged


@dataclass(frozen=True)
class GDRun:
    path: np.ndarray  # (n+1, 2) θ_0 … θ_n; n < steps when the run was stopped
    grads: np.ndarray  # (n+1, 2) ∇L(θ_k)
    losses: np.ndarray  # (n+1,) L(θ_k)
    lr: float
    steps: int  # steps asked for
    stop_step: int | None  # step at which divergence was detected, None if the run finished
    stop_reason: str | None  # "nonfinite" or "exploded"
    lambda_max: float  # largest Hessian eigenvalue at θ_0: η > 2/λ_max overshoots there


def run_gradient_descent(surface: str, x0: float, y0: float, lr: float, steps: int) -> GDRun:
    """Run ``steps`` SGD updates from (x0, y0) on ``surface``, stopping early if the run diverges."""
    loss_fn = SURFACES[surface].fn
    theta = torch.tensor([x0, y0], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([theta], lr=lr)
    path, grads, losses = [], [], []
    stop_step, stop_reason, limit = None, None, math.inf
    for k in range(steps + 1):
        optimizer.zero_grad()
        loss = loss_fn(theta[0], theta[1])
        loss.backward()
        if not (torch.isfinite(theta).all() and torch.isfinite(loss) and torch.isfinite(theta.grad).all()):
            stop_step, stop_reason = k, "nonfinite"
            break
        path.append(theta.detach().clone().numpy())
        grads.append(theta.grad.clone().numpy())
        losses.append(loss.item())
        if k == 0:
            limit = EXPLODE_FACTOR * max(1.0, abs(losses[0]))
        elif abs(losses[-1]) > limit:
            stop_step, stop_reason = k, "exploded"
            break
        if k < steps:
            optimizer.step()  # θ ← θ − lr · θ.grad
    return GDRun(
        path=np.array(path),
        grads=np.array(grads),
        losses=np.array(losses),
        lr=lr,
        steps=steps,
        stop_step=stop_step,
        stop_reason=stop_reason,
        lambda_max=float(hessian_eigenvalues(surface, x0, y0)[-1]),
    )


@dataclass(frozen=True)
class Slices:
    frames: np.ndarray  # (K,) step index k of each animation frame
    t: np.ndarray  # (K, m) slice coordinate: x for the bowl, distance along −∇L otherwise
    values: np.ndarray  # (K, m) L along the slice through θ_k
    at: np.ndarray  # (K,) coordinate of θ_k on its slice
    slope: np.ndarray  # (K,) dL/dt at θ_k, the tangent line's slope
    next_at: np.ndarray  # (K,) coordinate of θ_{k+1} = θ_k − η∇L on the same slice
    at_value: np.ndarray  # (K,) slice value at θ_k
    next_value: np.ndarray  # (K,) slice value at θ_{k+1}
    kind: str  # "x" or "gradient"


def descent_slices(surface: str, run: GDRun, points: int = 61) -> Slices:
    """1-D slices of the surface through each framed step, with the tangent and the step taken."""
    frames = frame_steps(len(run.path) - 1)
    theta = torch.from_numpy(run.path[frames])  # (K, 2)
    grad = torch.from_numpy(run.grads[frames])  # (K, 2)
    if surface == "bowl":
        # The bowl's coordinates decouple: x follows the book's 1-D picture f(x) = x² exactly.
        x_min, x_max = SURFACES["bowl"].box[:2]
        reach = max(abs(x_min), abs(x_max), float(np.abs(run.path[:, 0]).max()))
        t = torch.linspace(-reach, reach, points, dtype=torch.float64).expand(len(frames), -1)
        values = t**2
        at = theta[:, 0]
        slope = grad[:, 0]
        next_at = at - run.lr * slope
        at_value, next_value = at**2, next_at**2
        kind = "x"
    else:
        norm = grad.norm(dim=1, keepdim=True)  # (K, 1)
        direction = torch.where(norm > 0, -grad / norm.clamp_min(1e-300), torch.tensor([1.0, 0.0], dtype=torch.float64))
        step = (run.lr * norm).clamp_min(1e-3)  # (K, 1) length of the update
        t = torch.linspace(-0.75, 2.0, points, dtype=torch.float64) * step  # (K, m)
        pts = theta[:, None, :] + t[..., None] * direction[:, None, :]  # (K, m, 2)
        moved = theta - run.lr * grad  # (K, 2) θ_{k+1}
        with torch.no_grad():
            values = SURFACES[surface].fn(pts[..., 0], pts[..., 1])
            at_value = SURFACES[surface].fn(theta[:, 0], theta[:, 1])
            next_value = SURFACES[surface].fn(moved[:, 0], moved[:, 1])
        at = torch.zeros(len(frames), dtype=torch.float64)
        slope = -norm[:, 0]
        next_at = run.lr * norm[:, 0]
        kind = "gradient"
    arrays = (t, values, at, slope, next_at, at_value, next_value)
    return Slices(frames, *(to_f32(a) for a in arrays), kind)
