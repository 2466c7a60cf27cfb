"""Two-parameter loss surfaces L(x, y) written in torch (autograd gives their gradients), with each page's preset."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field

import numpy as np
import torch

from core.common.params import valid
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
    start: tuple[float, float]  # the start θ₀ that shows the surface well
    # page (a config's PAGE) -> the values its controls take when this surface is picked; "start" overrides θ₀
    presets: dict = field(default_factory=dict, compare=False, hash=False)


SURFACES: dict[str, Surface] = {
    s.name: s
    for s in (
        Surface("bowl", bowl, (-3, 3, -3, 3), ((0.0, 0.0),), True, False, (2.0, 1.5), {
            "gd": {"lr": 0.1, "steps": 30},
            "lr": {"lrs": "0.05,0.2,0.9,1.1", "steps": 30},
            "opt": {"lr": 0.05, "steps": 80},
        }),
        Surface("valley", valley, (-4, 4, -3, 3), ((0.0, 0.0),), True, False, (-3.5, 1.0), {
            "gd": {"lr": 0.3, "steps": 60},
            "lr": {"lrs": "0.02,0.2,0.45,0.55", "steps": 100},
            "opt": {"lr": 0.1, "steps": 60},
        }),
        Surface("rosenbrock", rosenbrock, (-2, 2, -1, 3), ((1.0, 1.0),), False, True, (-1.5, 2.0), {
            "gd": {"lr": 0.002, "steps": 200},
            "lr": {"lrs": "0.0005,0.0015,0.002,0.0025", "steps": 300},
            "opt": {"lr": 0.002, "steps": 300},
        }),
        Surface("saddle", saddle, (-2.5, 2.5, -2.5, 2.5), ((0.0, 2**0.5), (0.0, -(2**0.5))), False, False,
                (2.0, 0.01), {
            "gd": {"lr": 0.05, "steps": 150},
            "lr": {"lrs": "0.02,0.1,0.9,1.1", "steps": 100},
            "opt": {"lr": 0.03, "steps": 120},
        }),
        Surface(
            "himmelblau",
            himmelblau,
            (-5, 5, -5, 5),
            ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)),
            False,
            True,
            (0.0, 0.0),
            {
                "gd": {"lr": 0.01, "steps": 60},
                "lr": {"lrs": "0.002,0.01,0.02,0.04", "steps": 60, "start": (0.0, -1.0)},
                "opt": {"lr": 0.01, "steps": 100},
            },
        ),
    )
}  # fmt: skip


def start_of(surface: str, page: str) -> tuple[float, float]:
    """θ₀ of ``surface`` on ``page`` (a page without a start control starts every run there)."""
    spec = SURFACES[surface]
    return spec.presets[page].get("start", spec.start)


def preset(cls, surface: str) -> dict:
    """The values the controls of config class ``cls`` take when ``surface`` is picked (the start, if a control)."""
    names = {f.name for f in dataclasses.fields(cls)}
    values = {"x0": SURFACES[surface].start[0], "y0": SURFACES[surface].start[1]}
    values |= SURFACES[surface].presets[cls.PAGE]
    return {k: v for k, v in values.items() if k in names}


def apply_preset(state: MutableMapping, cls) -> None:
    """Picking a surface moves the other controls (``state``: the session's widget values) to its preset."""
    state.update(preset(cls, state["surface"]))


@functools.cache
def with_preset(cls, surface: str):
    """``cls`` with ``surface``'s preset as its defaults: the widget defaults, and what its URL leaves out."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    changes = preset(cls, surface)
    assert all(valid(fields[k], v) for k, v in changes.items()), changes
    namespace = {k: dataclasses.field(default=v, metadata=fields[k].metadata) for k, v in changes.items()}
    namespace["__annotations__"] = {k: fields[k].type for k in changes}
    return dataclass(frozen=True)(type(cls.__name__, (cls,), namespace))


def plain(cfg):
    """A config of a ``with_preset`` class as its page's own config class (same values)."""
    base = next(c for c in type(cfg).__mro__ if "PAGE" in vars(c))
    return base(**{f.name: getattr(cfg, f.name) for f in dataclasses.fields(base)})


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


def _mesh(box: tuple[float, float, float, float], n: int) -> tuple[torch.Tensor, torch.Tensor]:
    x_min, x_max, y_min, y_max = box
    ys = torch.linspace(y_min, y_max, n, dtype=torch.float64)
    xs = torch.linspace(x_min, x_max, n, dtype=torch.float64)
    yy, xx = torch.meshgrid(ys, xs, indexing="ij")
    return xx, yy


def surface_grid(name: str, box: tuple[float, float, float, float], n: int = 80) -> Grid:
    """Loss values of surface ``name`` on an n×n grid over ``box`` (float32 for the browser)."""
    xx, yy = _mesh(box, n)
    with torch.no_grad():
        z = SURFACES[name].fn(xx, yy)
    return Grid(to_f32(xx[0]), to_f32(yy[:, 0]), to_f32(z))


@dataclass(frozen=True)
class Field:
    x: np.ndarray  # (n*n,) arrow tails
    y: np.ndarray  # (n*n,)
    gx: np.ndarray  # (n*n,) ∂L/∂x
    gy: np.ndarray  # (n*n,) ∂L/∂y


def gradient_field(name: str, box: tuple[float, float, float, float], n: int = 11) -> Field:
    """∇L from autograd on an n×n grid over ``box`` (the arrows show −∇L)."""
    xx, yy = _mesh(box, n)
    xx, yy = xx.flatten().requires_grad_(), yy.flatten().requires_grad_()
    gx, gy = torch.autograd.grad(SURFACES[name].fn(xx, yy).sum(), (xx, yy))
    return Field(to_f32(xx.detach()), to_f32(yy.detach()), to_f32(gx), to_f32(gy))


def hessian(name: str, x: float, y: float) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues (ascending) and unit eigenvectors (columns) of the Hessian of ``name`` at (x, y), from autograd."""
    fn = SURFACES[name].fn
    h = torch.autograd.functional.hessian(lambda p: fn(p[0], p[1]), torch.tensor([x, y], dtype=torch.float64))
    vals, vecs = torch.linalg.eigh(h)
    return vals.numpy(), vecs.numpy()


def critical_rate(lam_max: float) -> float:
    """2/λ_max, the largest stable η on a quadratic (local elsewhere); inf without upward curvature."""
    return 2 / lam_max if lam_max > 0 else float("inf")


def loss_floor(name: str) -> float:
    """L_min: the lowest value of ``name`` at its listed minima; loss gaps L − L_min are measured from it."""
    minima = torch.tensor(SURFACES[name].minima, dtype=torch.float64)  # (M, 2)
    with torch.no_grad():
        return SURFACES[name].fn(minima[:, 0], minima[:, 1]).min().item()


def nearest_minimum(name: str, points: np.ndarray) -> np.ndarray:
    """(..., ) distance from each point (..., 2) to the nearest listed minimum."""
    minima = np.array(SURFACES[name].minima)  # (M, 2)
    return np.linalg.norm(np.asarray(points)[..., None, :] - minima, axis=-1).min(axis=-1)
