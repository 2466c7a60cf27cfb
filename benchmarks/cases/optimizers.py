"""Optimizer-race page: everything the view computes (the race, both by-hand runs, the map) for one config."""

from core.descent.race import RaceConfig, race_scene

PAGE = "optimizers"

CASES = {
    "default": lambda: race_scene(RaceConfig()),
    "heaviest": lambda: race_scene(RaceConfig(surface="rosenbrock", lr=0.002, steps=500, noise=0.5)),
}
