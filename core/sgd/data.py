"""The regression data of /sgd and its loss: one signature for the linear and the logistic task."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch.nn import functional as F

TRUE_W, TRUE_B = 2.0, -1.0  # the line the data come from


@dataclass(frozen=True)
class Data:
    task: str  # "linear" (MSE) or "logistic" (BCE)
    x: np.ndarray  # (N,) one feature
    y: np.ndarray  # (N,) targets (0/1 for logistic)


def make_data(task: str, n: int, noise: float, seed: int) -> Data:
    """x ~ N(1, 1); t = 2x − 1 + noise·ε. Linear: y = t (ε Gaussian). Logistic: y = [t > 0] (ε logistic).

    The rows come sorted by x, as real files often come sorted (by date, by label): only shuffling mixes them.
    """
    rng = np.random.default_rng(seed)
    x = np.sort(rng.normal(1.0, 1.0, n))
    eps = rng.normal(size=n) if task == "linear" else rng.logistic(size=n)
    t = TRUE_W * x + TRUE_B + noise * eps
    return Data(task=task, x=x, y=t if task == "linear" else (t > 0).astype(np.float64))


def loss_fn(task: str):
    """The mean loss of params (w, b) on a batch (x, y): MSE for linear, BCE on the logit w·x + b for logistic."""

    def mse(params: torch.Tensor, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return F.mse_loss(params[0] * x + params[1], y)

    def bce(params: torch.Tensor, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return F.binary_cross_entropy_with_logits(params[0] * x + params[1], y)

    return mse if task == "linear" else bce


def loss_surface(data: Data, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Full-data loss at every (w[i], b[i]) pair (any matching shapes), vectorised over the data."""
    w, b = np.asarray(w, dtype=np.float64), np.asarray(b, dtype=np.float64)
    z = w[..., None] * data.x + b[..., None]  # (..., N)
    if data.task == "linear":
        return np.mean((z - data.y) ** 2, axis=-1)
    return np.mean(np.logaddexp(0.0, z) - data.y * z, axis=-1)  # BCE with logits, stable


def optimum(data: Data) -> np.ndarray | None:
    """The (w, b) that minimises the full-data loss, or None if there is none (separable logistic data)."""
    if data.task == "linear":
        design = np.column_stack([data.x, np.ones_like(data.x)])
        return np.linalg.lstsq(design, data.y, rcond=None)[0]
    if data.y.min() == data.y.max() or data.x[data.y == 1].min() > data.x[data.y == 0].max():
        return None
    params = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    x, y = torch.from_numpy(data.x), torch.from_numpy(data.y)
    opt = torch.optim.LBFGS([params], max_iter=200, tolerance_grad=1e-12, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = loss_fn("logistic")(params, x, y)
        loss.backward()
        return loss

    opt.step(closure)
    return params.detach().numpy().copy()
