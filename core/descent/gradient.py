"""/gradient-descent: plain gradient descent θ ← θ − η∇L with torch.optim.SGD, and the 1-D slice of each step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import torch

from core.common.params import choice, number, slider, toggle
from core.common.plotdata import frame_steps, to_f32
from core.descent.engine import TorchRule, descend
from core.descent.surfaces import (
    SURFACES,
    Field,
    Grid,
    critical_rate,
    gradient_field,
    hessian,
    nearest_minimum,
    surface_grid,
    view_box,
)

START_LIMIT = 5.0  # the start sliders' range, ±


@dataclass(frozen=True)
class DescentConfig:
    """What /gradient-descent's controls hold; the defaults are the bowl's preset (``surfaces.with_preset``)."""

    PAGE: ClassVar[str] = "gd"
    surface: str = choice("bowl", tuple(SURFACES))
    x0: float = slider(2.0, -START_LIMIT, START_LIMIT, 0.05)
    y0: float = slider(1.5, -START_LIMIT, START_LIMIT, 0.05)
    lr: float = number(0.1, 0.0001, 10.0, 0.0001, fmt="%.4f")
    steps: int = slider(30, 1, 500)
    view3d: bool = toggle(False)  # the 3-D view, opt-in: a WebGL scene costs ~1 s per change without a GPU


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
    limit: float  # 2/λ_max, inf without upward curvature
    nearest: float  # distance from θ_n to the nearest minimum

    @property
    def outcome(self) -> str:
        """What the page says: "diverged_<reason>", "converged" (L fell) or "not_decreasing"."""
        if self.stop_step is not None:
            return f"diverged_{self.stop_reason}"
        return "converged" if self.losses[-1] < self.losses[0] else "not_decreasing"


def run_gradient_descent(cfg: DescentConfig) -> GDRun:
    """Run ``cfg.steps`` SGD updates from (x0, y0) on ``cfg.surface``, stopping early if the run diverges."""
    theta = torch.tensor([cfg.x0, cfg.y0], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([theta], lr=cfg.lr)  # θ ← θ − lr · θ.grad at each optimizer.step()
    trace = descend(SURFACES[cfg.surface].fn, (cfg.x0, cfg.y0), TorchRule([theta], [optimizer], None, ((),)), cfg.steps)
    n = int(trace.count[0])
    stop = int(trace.stop_step[0])
    lam = float(hessian(cfg.surface, cfg.x0, cfg.y0)[0][-1])
    path = trace.paths[0, :n]
    return GDRun(
        path=path,
        grads=trace.grads[0, :n],
        losses=trace.losses[0, :n],
        lr=cfg.lr,
        steps=cfg.steps,
        stop_step=None if stop < 0 else stop,
        stop_reason=trace.stop_reason[0],
        lambda_max=lam,
        limit=critical_rate(lam),
        nearest=float(nearest_minimum(cfg.surface, path[-1])),
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
        at = theta[:, 0]
        slope = grad[:, 0]
        next_at = at - run.lr * slope
        # every θₖ and θₖ₊₁ shown: a run stopped for diverging has its last θₖ₊₁ beyond the path it kept
        reach = max(abs(x_min), abs(x_max), float(np.abs(run.path[:, 0]).max()), float(next_at.abs().max()))
        t = torch.linspace(-reach, reach, points, dtype=torch.float64).expand(len(frames), -1)
        values = t**2
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


@dataclass(frozen=True)
class DescentScene:
    """Everything /gradient-descent shows for one config."""

    run: GDRun
    slices: Slices
    grid: Grid
    field: Field
    box: tuple[float, float, float, float]


def descent_scene(cfg: DescentConfig) -> DescentScene:
    run = run_gradient_descent(cfg)
    box = view_box(cfg.surface, cfg.x0, cfg.y0)
    return DescentScene(
        run, descent_slices(cfg.surface, run), surface_grid(cfg.surface, box), gradient_field(cfg.surface, box), box
    )
