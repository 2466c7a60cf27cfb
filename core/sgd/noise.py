"""Gradient noise at one point: one epoch of minibatch gradients around the full-batch gradient."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch.func import grad, vmap

from core.sgd.data import Data, loss_fn


def per_batch_gradients(data: Data, point, order: np.ndarray, size: int) -> np.ndarray:
    """(N/B, 2) the autograd gradient of the mean loss on each batch of ``size`` examples taken in ``order``."""
    params = torch.tensor(point, dtype=torch.float64)
    idx = torch.from_numpy(np.asarray(order)).reshape(-1, size)
    x, y = torch.from_numpy(data.x)[idx], torch.from_numpy(data.y)[idx]
    return vmap(grad(loss_fn(data.task)), in_dims=(None, 0, 0))(params, x, y).numpy()


@dataclass(frozen=True)
class GradientNoise:
    size: int  # B
    full: np.ndarray  # (2,) ∇L on all N examples
    batches: np.ndarray  # (N/B, 2) one epoch of minibatch gradients (no replacement)
    per_example_var: float  # tr Σ: mean squared distance of a single example's gradient from the full one
    spread: float  # √(mean ‖g_B − ∇L‖²) over this epoch's batches
    predicted: float  # √(tr Σ · (N − B) / (B (N − 1)))
    sizes: np.ndarray  # (K,) every batch size of the page
    spreads: np.ndarray  # (K,) measured spread for each (one epoch each)
    predictions: np.ndarray  # (K,) the formula for each


def shrink(n: int, size: int) -> float:
    """Var(minibatch mean) / Var(one example) when B of N examples are drawn without replacement."""
    return (n - size) / (size * (n - 1))


def gradient_noise(data: Data, point, size: int, sizes, seed: int) -> GradientNoise:
    """Minibatch gradients of one shuffled epoch at ``point`` for batch size ``size`` (and a spread for each of ``sizes``)."""
    n = len(data.x)
    order = np.random.default_rng(seed).permutation(n)

    def whole(b: int) -> np.ndarray:
        return order[: n - n % b]  # equal batches only (an n from a URL may not divide)

    full = per_batch_gradients(data, point, np.arange(n), n)[0]
    singles = per_batch_gradients(data, point, np.arange(n), 1)
    var = float(np.mean(np.sum((singles - full) ** 2, axis=1)))
    spreads = []
    for b in sizes:
        g = per_batch_gradients(data, point, whole(b), b)
        spreads.append(float(np.sqrt(np.mean(np.sum((g - full) ** 2, axis=1)))))
    sizes = np.asarray(sizes)
    predictions = np.sqrt(var * np.array([shrink(n, b) for b in sizes]))
    k = int(np.flatnonzero(sizes == size)[0])
    return GradientNoise(
        size=size,
        full=full,
        batches=per_batch_gradients(data, point, whole(size), size),
        per_example_var=var,
        spread=spreads[k],
        predicted=float(predictions[k]),
        sizes=sizes,
        spreads=np.array(spreads),
        predictions=predictions,
    )
