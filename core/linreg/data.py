"""The data sets of /linear-regression: synthetic y = slope·x + 1 + noise, and sklearn's diabetes data."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.common.shipped import DIABETES_FEATURES, diabetes
from core.linreg import RegressionConfig

X_RANGE = (0.0, 4.0)  # synthetic x: off-centre on purpose, so unscaled (w, b) contours are elongated
INTERCEPT = 1.0


@dataclass(frozen=True)
class Data:
    x: np.ndarray  # (n, d) features in their own units
    y: np.ndarray  # (n,)
    names: tuple[str, ...]  # (d,) feature names
    mean: np.ndarray  # (d,) what scaling subtracts (zeros when not scaling)
    std: np.ndarray  # (d,) what scaling divides by (ones when not scaling)

    @property
    def inputs(self) -> np.ndarray:
        """(n, d) what the model sees: the features, standardised when scaling is on."""
        return (self.x - self.mean) / self.std


def make_data(cfg: RegressionConfig) -> Data:
    """The points ``cfg`` describes, with the scaling it asks for."""
    if cfg.dataset == "synthetic":
        rng = np.random.default_rng(cfg.seed)
        x = rng.uniform(*X_RANGE, size=(cfg.n, 1))
        y = cfg.slope * x[:, 0] + INTERCEPT + cfg.noise * rng.standard_normal(cfg.n)
        names = ("x",)
    else:
        features, target = diabetes()  # the raw columns (bmi in kg/m², s5 a log level, bp in mm Hg)
        index = [DIABETES_FEATURES.index(c) for c in cfg.columns]
        x, y, names = features[:, index], target, cfg.columns
    d = x.shape[1]
    mean, std = (x.mean(axis=0), x.std(axis=0)) if cfg.scale else (np.zeros(d), np.ones(d))
    return Data(x=x, y=y, names=names, mean=mean, std=std)
