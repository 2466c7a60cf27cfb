"""Learning-rate page: everything `compute` in the view runs (runs, 50-rate sweep, contour grid)."""

from core import surfaces
from core.learning_rate import run_rates
from core.learning_rate_sweep import run_sweep, sweep_range

PAGE = "learning-rate"


def _page(surface: str, start: tuple[float, float], lrs: tuple[float, ...], steps: int, schedule: str) -> None:
    x0, y0 = start
    run_rates(surface, x0, y0, lrs, steps, schedule)
    run_sweep(surface, x0, y0, steps, schedule, *sweep_range(surface, x0, y0, lrs))
    surfaces.surface_grid(surface, surfaces.view_box(surface, x0, y0))


CASES = {
    "default": lambda: _page("bowl", (2.0, 1.5), (0.05, 0.2, 0.9, 1.1), 30, "constant"),
    "heaviest": lambda: _page("rosenbrock", (-1.5, 2.0), (1e-4, 5e-4, 0.001, 0.0015, 0.002, 0.0025), 300, "cosine"),
}
