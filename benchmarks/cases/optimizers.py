"""Optimizer-race page: everything `compute` in the view runs."""

from core import surfaces
from core.optimizers import OPTIMIZERS, Hyper, race
from core.optimizers_scratch import SCRATCH, from_scratch

PAGE = "optimizers"


def _page(surface: str, start: tuple[float, float], lr: float, steps: int, noise: float = 0.0) -> None:
    h = Hyper(lr=lr, noise=noise)
    runs = {r.name: r for r in race(surface, OPTIMIZERS, *start, steps, h, 0)}
    for name in SCRATCH:
        from_scratch(surface, name, *start, len(runs[name].path) - 1, h, 0)
    surfaces.surface_grid(surface, surfaces.view_box(surface, *start))


CASES = {
    "default": lambda: _page("valley", (-3.5, 1.0), 0.1, 60),
    "heaviest": lambda: _page("rosenbrock", (-1.5, 2.0), 0.002, 500, noise=0.5),
}
