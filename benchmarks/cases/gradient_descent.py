"""Gradient-descent page: everything the view computes (its cached core call) for one config."""

from dataclasses import replace

from core.descent.gradient import DescentConfig, descent_scene
from core.descent.surfaces import preset

PAGE = "gradient-descent"
HEAVIEST = replace(DescentConfig(surface="rosenbrock", **preset(DescentConfig, "rosenbrock")), steps=500)

CASES = {
    "default": lambda: descent_scene(DescentConfig()),
    "heaviest": lambda: descent_scene(HEAVIEST),
}
