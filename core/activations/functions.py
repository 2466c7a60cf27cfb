"""Activation functions with their autograd derivatives, the 1-D targets the ReLU page fits, and its config."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import torch

from core.common.init import init_like_torch
from core.common.params import choice, number, seed_field, slider

LEAKY_SLOPE = 0.1  # larger than torch's 0.01 default so the negative side is visible on screen
ACTIVATIONS = {
    "sigmoid": torch.nn.Sigmoid(),
    "tanh": torch.nn.Tanh(),
    "relu": torch.nn.ReLU(),
    "leaky_relu": torch.nn.LeakyReLU(LEAKY_SLOPE),
    "elu": torch.nn.ELU(alpha=1.0),
    "gelu": torch.nn.GELU(),  # exact form x·Φ(x)
}
KINKED = ("relu", "leaky_relu")  # not differentiable at 0: f'(0) is a convention there
FORMULAS = {  # LaTeX shown beside the gallery (the same in both languages)
    "sigmoid": r"\sigma(x) = \frac{1}{1 + e^{-x}}",
    "tanh": r"\tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
    "relu": r"\max(0, x)",
    "leaky_relu": r"\max(0.1x,\ x)",
    "elu": r"x \ (x > 0), \quad e^{x} - 1 \ (x \le 0)",
    "gelu": r"x\,\Phi(x)",
}
TARGETS = ("sine", "abs", "step", "cubic")
X_RANGE = (-3.0, 3.0)  # the data's x range, also the range in which kinks and pieces are counted
N_POINTS = 100
NOISE = 0.15  # standard deviation of the noise added to the cubic
INITS = ("default", "he", "xavier")


@dataclass(frozen=True)
class ReluConfig:
    """What /relu's controls hold: the gallery's activation, the hinge fit, and the depth study."""

    activation: str = choice("relu", tuple(ACTIVATIONS), labels="relu.act")
    target: str = choice("sine", TARGETS)
    units: int = slider(8, 1, 64)
    lr: float = number(0.02, 0.0001, 1.0, 0.001, fmt="%.4f")
    epochs: int = slider(500, 50, 3000, 50)
    depth: int = slider(10, 2, 20)
    init: str = choice("default", INITS, labels="relu.init_name")
    seed: int = seed_field()

    @property
    def fit_part(self) -> ReluConfig:
        """Only what the hinge fit reads (the rest at defaults): one cached fit per fit setting."""
        return replace(ReluConfig(), target=self.target, units=self.units, lr=self.lr, epochs=self.epochs,
                       seed=self.seed)  # fmt: skip

    @property
    def depth_part(self) -> ReluConfig:
        """Only what the depth study reads."""
        return replace(ReluConfig(), target=self.target, depth=self.depth, init=self.init, seed=self.seed)


@dataclass(frozen=True)
class ActivationCurves:
    names: tuple[str, ...]
    x: np.ndarray  # (m,)
    values: np.ndarray  # (A, m) f(x) per activation
    derivs: np.ndarray  # (A, m) f'(x) from autograd

    def slopes(self, name: str) -> tuple[float, float]:
        """f'(0) (the value autograd gives at a kink: a convention) and the largest f'(x) of activation ``name``."""
        d = self.derivs[self.names.index(name)]
        return float(np.interp(0.0, self.x, d)), float(d.max())


def activation_curves(lo: float = -4.0, hi: float = 4.0, points: int = 401) -> ActivationCurves:
    """Every activation and its derivative f'(x), taken with torch.autograd, on a grid of x."""
    values, derivs = [], []
    for fn in ACTIVATIONS.values():
        x = torch.linspace(lo, hi, points, dtype=torch.float64, requires_grad=True)
        y = fn(x)
        (dy,) = torch.autograd.grad(y.sum(), x)  # each y_j depends on x_j only, so this is f'(x_j)
        values.append(y.detach().numpy())
        derivs.append(dy.numpy())
    grid = np.linspace(lo, hi, points)
    return ActivationCurves(tuple(ACTIVATIONS), grid, np.array(values), np.array(derivs))


def target_data(target: str, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``N_POINTS`` evenly spaced x in ``X_RANGE`` and the target y (the cubic gets seeded noise)."""
    x = np.linspace(*X_RANGE, N_POINTS)
    if target == "sine":
        y = np.sin(1.5 * x)
    elif target == "abs":
        y = np.abs(x) - 1.5
    elif target == "step":
        y = (x > 0).astype(np.float64)
    elif target == "cubic":
        y = 0.1 * x**3 - 0.6 * x + NOISE * np.random.default_rng(seed).standard_normal(N_POINTS)
    else:
        raise ValueError(f"unknown target {target!r}")
    return x, y


def init_linear(layer: torch.nn.Linear, g: torch.Generator, scheme: str = "default") -> None:
    """Initialise ``layer`` from generator ``g``: PyTorch's default, He (Kaiming) or Xavier (Glorot)."""
    with torch.no_grad():
        if scheme == "default":  # what nn.Linear does by itself: U(±1/√fan_in) for weights and biases
            init_like_torch(layer, g)
        elif scheme == "he":
            torch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu", generator=g)
            layer.bias.zero_()
        elif scheme == "xavier":
            torch.nn.init.xavier_normal_(layer.weight, generator=g)
            layer.bias.zero_()
        else:
            raise ValueError(f"unknown init {scheme!r}")
