"""Learning-rate page: everything the view computes (runs, 50-rate sweep, contour grid) for one config."""

from core.descent.rates import RateConfig, rate_scene

PAGE = "learning-rate"
HEAVIEST = RateConfig(surface="rosenbrock", lrs="0.0001,0.0005,0.001,0.0015,0.002,0.0025", steps=300, schedule="cosine")

CASES = {
    "default": lambda: rate_scene(RateConfig()),
    "heaviest": lambda: rate_scene(HEAVIEST),
}
