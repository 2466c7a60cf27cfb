"""Loss-functions page: the three fits as the outlier moves, the residual curves and the classification panels."""

from dataclasses import replace

from core.losses import LossConfig
from core.losses.classification import class_curves
from core.losses.regression import fit_outlier, residual_curves

PAGE = "loss-functions"
DEFAULT = LossConfig()
HEAVIEST = replace(DEFAULT, outlier=-12.0, outlier_x=0.0, delta=0.2, temperature=0.1, dtype="float64")


def run(cfg: LossConfig) -> None:
    fit_outlier(cfg)
    residual_curves(cfg)
    class_curves(cfg)


CASES = {"default": lambda: run(DEFAULT), "heaviest": lambda: run(HEAVIEST)}
