"""2-D toy classification datasets with one signature: ``fn(n, noise, classes, seed) -> (x, y)``.

Every shape fits roughly in [-1.5, 1.5]²; ``noise`` is the std of the Gaussian jitter in those units.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.common.sampling import make_blobs, make_moons, stratified_split

BLOB_SPREAD = 0.2  # base std of a blob before the jitter
XOR_MARGIN = 0.1  # clean XOR points keep this far from the axes
SPIRAL_TURNS = 1.5


def _counts(n: int, classes: int) -> np.ndarray:
    """Points per class: as equal as possible, the first classes taking the remainder."""
    return np.full(classes, n // classes) + (np.arange(classes) < n % classes)


def _labels(n: int, classes: int) -> np.ndarray:
    return np.repeat(np.arange(classes), _counts(n, classes))


def blobs(n: int, noise: float, classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian blobs centred on the unit circle: linearly separable when the noise is small."""
    angles = 2 * np.pi * np.arange(classes) / classes + np.pi / 4
    centers = np.column_stack([np.cos(angles), np.sin(angles)])
    std = float(np.hypot(BLOB_SPREAD, noise))  # base spread and jitter add as independent Gaussians
    return make_blobs(_counts(n, classes).tolist(), centers, std, seed)


def moons(n: int, noise: float, classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's two interleaving half circles, centred on the origin (always 2 classes)."""
    x, y = make_moons(n, noise, seed)
    return x - np.array([0.5, 0.25]), y


def circles(n: int, noise: float, classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Concentric rings, class c at radius 1 − c/classes (2 classes: make_circles with factor 0.5)."""
    rng = np.random.default_rng(seed)
    y = _labels(n, classes)
    radius = 1 - y / classes
    angle = rng.uniform(0, 2 * np.pi, n)
    x = radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return x + rng.normal(0, noise, (n, 2)), y


def xor(n: int, noise: float, classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Four squares, opposite corners sharing a class: class 1 where x₁·x₂ < 0 (always 2 classes)."""
    rng = np.random.default_rng(seed)
    y = _labels(n, 2)
    magnitude = rng.uniform(XOR_MARGIN, 1, (n, 2))
    sign_1 = rng.choice([-1.0, 1.0], n)
    sign_2 = np.where(y == 1, -sign_1, sign_1)
    x = magnitude * np.column_stack([sign_1, sign_2])
    return x + rng.normal(0, noise, (n, 2)), y


def spiral(n: int, noise: float, classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Interleaved spiral arms, one per class, each turning 1.5 times from the centre."""
    rng = np.random.default_rng(seed)
    y = _labels(n, classes)
    r = rng.uniform(0.1, 1, n)
    angle = 2 * np.pi * (y / classes + SPIRAL_TURNS * r)
    x = r[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return x + rng.normal(0, noise, (n, 2)), y


@dataclass(frozen=True)
class DatasetSpec:
    name: str
    fn: Callable[[int, float, int, int], tuple[np.ndarray, np.ndarray]]
    max_classes: int  # moons and XOR are two-class shapes
    linear: bool  # a straight line (or softmax's straight pieces) can separate the clean classes


DATASETS: dict[str, DatasetSpec] = {
    s.name: s
    for s in (
        DatasetSpec("blobs", blobs, 5, True),
        DatasetSpec("moons", moons, 2, False),
        DatasetSpec("circles", circles, 5, False),
        DatasetSpec("xor", xor, 2, False),
        DatasetSpec("spiral", spiral, 5, False),
    )
}


@dataclass(frozen=True)
class Split:
    x_train: np.ndarray  # (n_train, 2)
    y_train: np.ndarray  # (n_train,) class index
    x_test: np.ndarray  # (n_test, 2)
    y_test: np.ndarray  # (n_test,)
    classes: int  # classes actually generated (≤ the number asked for)


def make_split(name: str, n: int, noise: float, classes: int, test_frac: float, seed: int) -> Split:
    """Generate dataset ``name`` and split it into stratified train and test parts."""
    spec = DATASETS[name]
    classes = min(classes, spec.max_classes)
    x, y = spec.fn(n, noise, classes, seed)
    train, test = stratified_split(y, test_frac, seed)
    return Split(x[train], y[train], x[test], y[test], classes)
