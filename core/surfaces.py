"""Two-parameter loss surfaces L(x, y) written in torch, so autograd gives their gradients."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from core.common.plotdata import to_f32


def bowl(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Round bowl: both directions equally curved."""
    return x**2 + y**2


def valley(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Ill-conditioned quadratic: 20x more curved across the valley than along it."""
    return 0.1 * x**2 + 2.0 * y**2


def rosenbrock(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Rosenbrock's banana valley, minimum at (1, 1)."""
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def saddle(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Saddle point at the origin between two minima at (0, ±√2)."""
    return x**2 - y**2 + y**4 / 4


def himmelblau(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Himmelblau's function: four minima of equal height 0."""
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


@dataclass(frozen=True)
class Surface:
    name: str
    fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]
    box: tuple[float, float, float, float]  # x_min, x_max, y_min, y_max of the default view
    minima: tuple[tuple[float, float], ...]
    quadratic: bool  # constant Hessian, so 2/λ_max is an exact stability limit
    log_view: bool  # walls so steep that charts show log(1 + L − L_min) as height


SURFACES: dict[str, Surface] = {
    s.name: s
    for s in (
        Surface("bowl", bowl, (-3, 3, -3, 3), ((0.0, 0.0),), True, False),
        Surface("valley", valley, (-4, 4, -3, 3), ((0.0, 0.0),), True, False),
        Surface("rosenbrock", rosenbrock, (-2, 2, -1, 3), ((1.0, 1.0),), False, True),
        Surface("saddle", saddle, (-2.5, 2.5, -2.5, 2.5), ((0.0, 2**0.5), (0.0, -(2**0.5))), False, False),
        Surface(
            "himmelblau",
            himmelblau,
            (-5, 5, -5, 5),
            ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)),
            False,
            True,
        ),
    )
}


def view_box(name: str, x0: float, y0: float) -> tuple[float, float, float, float]:
    """The surface's default view, widened to keep the start point (x0, y0) inside with a margin."""
    x_min, x_max, y_min, y_max = SURFACES[name].box
    pad = 0.1 * max(x_max - x_min, y_max - y_min)
    return (min(x_min, x0 - pad), max(x_max, x0 + pad), min(y_min, y0 - pad), max(y_max, y0 + pad))


@dataclass(frozen=True)
class Grid:
    xs: np.ndarray  # (n,)
    ys: np.ndarray  # (n,)
    z: np.ndarray  # (n, n), z[i, j] = L(xs[j], ys[i])


def surface_grid(name: str, box: tuple[float, float, float, float], n: int = 80) -> Grid:
    """Loss values of surface ``name`` on an n×n grid over ``box`` (float32 for the browser)."""
    x_min, x_max, y_min, y_max = box
    xs = torch.linspace(x_min, x_max, n, dtype=torch.float64)
    ys = torch.linspace(y_min, y_max, n, dtype=torch.float64)
    yy, xx = torch.meshgrid(ys, xs, indexing="ij")
    with torch.no_grad():
        z = SURFACES[name].fn(xx, yy)
    return Grid(to_f32(xs), to_f32(ys), to_f32(z))


@dataclass(frozen=True)
class Field:
    x: np.ndarray  # (n*n,) arrow tails
    y: np.ndarray  # (n*n,)
    gx: np.ndarray  # (n*n,) ∂L/∂x
    gy: np.ndarray  # (n*n,) ∂L/∂y


def gradient_field(name: str, box: tuple[float, float, float, float], n: int = 11) -> Field:
    """∇L from autograd on an n×n grid over ``box`` (the arrows show −∇L)."""
    x_min, x_max, y_min, y_max = box
    yy, xx = torch.meshgrid(
        torch.linspace(y_min, y_max, n, dtype=torch.float64),
        torch.linspace(x_min, x_max, n, dtype=torch.float64),
        indexing="ij",
    )
    xx, yy = xx.flatten().requires_grad_(), yy.flatten().requires_grad_()
    gx, gy = torch.autograd.grad(SURFACES[name].fn(xx, yy).sum(), (xx, yy))
    return Field(to_f32(xx.detach()), to_f32(yy.detach()), to_f32(gx), to_f32(gy))


def hessian_eigenvalues(name: str, x: float, y: float) -> np.ndarray:
    """Eigenvalues (ascending) of the Hessian of surface ``name`` at (x, y), from autograd."""
    fn = SURFACES[name].fn
    point = torch.tensor([x, y], dtype=torch.float64)
    h = torch.autograd.functional.hessian(lambda p: fn(p[0], p[1]), point)
    return torch.linalg.eigvalsh(h).numpy()
