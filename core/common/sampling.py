"""scikit-learn's two toy generators and its stratified train/test split, redone draw for draw.

Each takes an integer seed and consumes ``np.random.RandomState(seed)`` in the order scikit-learn does, so a
seed gives exactly scikit-learn's points and split (tests compare them), without importing scikit-learn.
"""

from __future__ import annotations

import math

import numpy as np


def _shuffled(x: np.ndarray, y: np.ndarray, rng: np.random.RandomState) -> tuple[np.ndarray, np.ndarray]:
    order = np.arange(len(y))
    rng.shuffle(order)
    return x[order], y[order]


def make_moons(n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``sklearn.datasets.make_moons(n, noise=noise, random_state=seed)``: points (n, 2) and labels (n,) int64."""
    n_upper = n // 2
    t_upper, t_lower = np.linspace(0, np.pi, n_upper), np.linspace(0, np.pi, n - n_upper)
    x = np.column_stack([
        np.concatenate([np.cos(t_upper), 1 - np.cos(t_lower)]),
        np.concatenate([np.sin(t_upper), 1 - np.sin(t_lower) - 0.5]),
    ])  # fmt: skip
    y = (np.arange(n) >= n_upper).astype(np.int64)
    rng = np.random.RandomState(seed)
    x, y = _shuffled(x, y, rng)  # shuffled before the noise is drawn
    return x + rng.normal(scale=noise, size=x.shape), y


def make_blobs(counts: list[int], centers: np.ndarray, std: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``sklearn.datasets.make_blobs(counts, centers=centers, cluster_std=std, random_state=seed)``: points
    (sum(counts), d) and labels int64, counts[c] Gaussian points around centers[c] (c, d)."""
    rng = np.random.RandomState(seed)
    x = np.concatenate([rng.normal(loc=c, scale=std, size=(k, len(c))) for k, c in zip(counts, centers, strict=True)])
    y = np.repeat(np.arange(len(counts)), counts)
    return _shuffled(x, y, rng)


def _per_class(counts: np.ndarray, total: int, rng: np.random.RandomState) -> np.ndarray:
    """How many of ``total`` draws each class gets: its floored share, the rest going to the largest
    remainders (ties drawn at random)."""
    share = counts / counts.sum() * total
    taken = np.floor(share)
    missing = int(total - taken.sum())
    remainder = share - taken
    for r in np.unique(remainder)[::-1]:
        if missing == 0:
            break
        tied = np.flatnonzero(remainder == r)
        chosen = rng.choice(tied, size=min(len(tied), missing), replace=False)
        taken[chosen] += 1
        missing -= len(chosen)
    return taken.astype(np.int64)


def stratified_split(y: np.ndarray, test_size: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Row indices (train, test) of ``train_test_split(..., test_size=test_size, stratify=y, random_state=seed)``:
    each class in the same proportion in both parts, both parts in random order."""
    n_test = math.ceil(test_size * len(y))
    _, label, counts = np.unique(y, return_inverse=True, return_counts=True)
    rows = np.split(np.argsort(label, kind="stable"), np.cumsum(counts)[:-1])  # row indices, class by class
    rng = np.random.RandomState(seed)
    n_train = _per_class(counts, len(y) - n_test, rng)
    n_held = _per_class(counts - n_train, n_test, rng)
    train, test = [], []
    for r, a, b in zip(rows, n_train, n_held, strict=True):
        r = r[rng.permutation(len(r))]
        train.append(r[:a])
        test.append(r[a : a + b])
    return rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))
