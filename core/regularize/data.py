"""Small noisy data sets that a wide MLP overfits (2-D two moons, a 1-D wavy curve), and the /dropout config."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from core.common.grids import plane, snap_outward
from core.common.params import choice, seed_field, slider, toggle
from core.common.sampling import make_moons

TASKS = ("classification", "regression")
VAL_SIZE = 400  # many validation points: a smooth estimate of the true error
REG_RANGE = (-3.0, 3.0)  # training inputs of the regression task
REG_VIEW = (-4.5, 4.5)  # the fitted curve is drawn beyond the data, where MC dropout grows unsure
GRID_2D = 40  # decision-map resolution (GRID_2D² points per frame)
GRID_1D = 161
BOX_STEP = 0.5  # the decision map's edges move in these steps
MOONS_HALF = np.array([1.5, 0.75])  # the centred moons without noise span ±these
BOX_SIGMAS = 3.0  # the map reaches this many noise standard deviations beyond the noiseless moons
SPARE = 0.3  # room between the map's edge and the farthest point it is built for


@dataclass(frozen=True)
class DropoutConfig:
    """What /dropout's controls hold: the data, the network, and the regularization switched on."""

    task: str = choice("classification", TASKS)
    n: int = slider(40, 10, 200, 5)
    noise: float = slider(0.3, 0.0, 0.6, 0.05)
    hidden: int = slider(64, 16, 128, 16)
    p: float = slider(0.5, 0.0, 0.9, 0.05)
    epochs: int = slider(200, 20, 400, 10)
    weight_decay: float = slider(0.0, 0.0, 0.1, 0.001, fmt="%.3f", text="drop.wd")
    batchnorm: bool = toggle(False, text="drop.bn")
    seed: int = seed_field()

    @property
    def regularized(self) -> bool:
        """Whether any regularizer is on (else the two networks are the same)."""
        return self.p > 0 or self.weight_decay > 0 or self.batchnorm

    @property
    def plain(self) -> DropoutConfig:
        """The same network and data with every regularizer off."""
        return replace(self, p=0.0, weight_decay=0.0, batchnorm=False)


def true_curve(x: np.ndarray) -> np.ndarray:
    """The regression target without noise."""
    return np.sin(1.5 * x) + 0.3 * x


@dataclass(frozen=True)
class Data:
    task: str
    x_train: np.ndarray  # (n, d) d = 2 for classification, 1 for regression
    y_train: np.ndarray  # (n,) class 0/1 or target value
    x_val: np.ndarray  # (VAL_SIZE, d)
    y_val: np.ndarray  # (VAL_SIZE,)
    grid: np.ndarray  # (G, d) inputs where predictions are drawn
    grid_shape: tuple[int, ...]  # (GRID_2D, GRID_2D) with x₁ fastest, or (GRID_1D,)
    truth: np.ndarray  # (G,) noiseless regression target on the grid; empty for classification


def map_box(x_train: np.ndarray, noise: float) -> tuple[np.ndarray, np.ndarray]:
    """The decision map's corners: where the moons can fall at this noise (BOX_SIGMAS standard deviations
    beyond the noiseless moons, SPARE to spare, at least [-2, 2]², the edges on a BOX_STEP grid), widened only
    for a training point beyond that. The box followed the sample before: at noise 0.3 it moved at 16 to 22
    of the 38 steps of n from 10 to 200, each a jump of the picture and a layout of both maps again in the
    browser; by the noise, it moves at about 1 in 70 steps over noises 0 to 0.6 and six seeds."""
    reach = MOONS_HALF + BOX_SIGMAS * noise + SPARE
    lo, hi = snap_outward(-reach, reach, BOX_STEP)
    lo, hi = np.minimum(lo, -2.0), np.maximum(hi, 2.0)
    far_lo, far_hi = snap_outward(x_train.min(0) - SPARE, x_train.max(0) + SPARE, BOX_STEP)
    return np.minimum(lo, far_lo), np.maximum(hi, far_hi)


def _moons(n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    x, y = make_moons(n, noise, seed)
    return x - [0.5, 0.25], y.astype(np.float64)  # centre the moons on the origin


def _curve(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    x = rng.uniform(*REG_RANGE, size=(n, 1))
    return x, true_curve(x[:, 0]) + noise * rng.standard_normal(n)


def make_data(task: str, n: int, noise: float, seed: int) -> Data:
    """``n`` noisy samples to train on and VAL_SIZE to validate on, from the same distribution."""
    if task == "classification":
        x_train, y_train = _moons(n, noise, seed)
        x_val, y_val = _moons(VAL_SIZE, noise, seed + 1_000_003)
        lo, hi = map_box(x_train, noise)
        grid = plane((lo[0], hi[0], lo[1], hi[1]), GRID_2D)[2]
        return Data(task, x_train, y_train, x_val, y_val, grid, (GRID_2D, GRID_2D), np.zeros(0))
    if task == "regression":
        x_train, y_train = _curve(n, noise, np.random.default_rng(seed))
        x_val, y_val = _curve(VAL_SIZE, noise, np.random.default_rng(seed + 1_000_003))
        grid = np.linspace(*REG_VIEW, GRID_1D)[:, None]
        return Data(task, x_train, y_train, x_val, y_val, grid, (GRID_1D,), true_curve(grid[:, 0]))
    raise ValueError(f"unknown task {task!r}")
