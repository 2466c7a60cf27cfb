"""Gradient-descent page: everything `compute` in the view runs."""

from core import surfaces
from core.gradient_descent import descent_slices, run_gradient_descent

PAGE = "gradient-descent"


def _page(surface: str, x0: float, y0: float, lr: float, steps: int) -> None:
    run = run_gradient_descent(surface, x0, y0, lr, steps)
    box = surfaces.view_box(surface, x0, y0)
    descent_slices(surface, run)
    surfaces.surface_grid(surface, box)
    surfaces.gradient_field(surface, box)


CASES = {
    "default": lambda: _page("bowl", 2.0, 1.5, 0.1, 30),
    "heaviest": lambda: _page("rosenbrock", -1.5, 2.0, 0.002, 500),
}
