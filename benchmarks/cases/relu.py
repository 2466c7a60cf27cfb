"""ReLU page: everything the view computes (activation gallery, hinge fit, depth study), from its config."""

from dataclasses import replace

from core.activations.depth import depth_study
from core.activations.functions import ReluConfig, activation_curves
from core.activations.hinges import fit_relu_units

PAGE = "relu"
DEFAULT = ReluConfig()
HEAVIEST = replace(DEFAULT, target="cubic", units=64, epochs=3000, depth=20, init="he")


def _page(cfg: ReluConfig) -> None:
    activation_curves()
    fit_relu_units(cfg.fit_part)
    depth_study(cfg.depth_part)


CASES = {"default": lambda: _page(DEFAULT), "heaviest": lambda: _page(HEAVIEST)}

run = _page  # the page's compute for any config (benchmarks.cases.for_query)
