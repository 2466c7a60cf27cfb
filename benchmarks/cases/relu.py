"""ReLU page: everything the view computes (activation gallery, hinge fit, depth study)."""

from core.relu import activation_curves
from core.relu_depth import depth_study
from core.relu_fit import fit_relu_units

PAGE = "relu"


def _page(target: str, units: int, lr: float, epochs: int, depth: int, init: str) -> None:
    activation_curves()
    fit_relu_units(target, units, lr, epochs, 0)
    depth_study(depth, target, init, 0)


CASES = {
    "default": lambda: _page("sine", 8, 0.02, 500, 10, "default"),
    "heaviest": lambda: _page("cubic", 64, 0.02, 3000, 20, "he"),
}
