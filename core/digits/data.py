"""The 1,797 bundled 8×8 digits: a stratified train/validation/test split and train-only statistics."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from core.common.sampling import stratified_split
from core.common.shipped import digits

CLASSES = 10
SIDE = 8
INK = 16.0  # pixel values run 0..16 (ink strength)
VAL_SHARE = 0.2
TEST_SHARE = 0.2
STD_FLOOR = 1.0  # one ink level: border pixels that are (almost) always blank in train do not blow up


@functools.cache
def _digits() -> tuple[np.ndarray, np.ndarray]:
    x, y = digits()
    x = x.astype(np.float32)
    x.flags.writeable = y.flags.writeable = False  # shared by every split: nobody may change it
    return x, y


@dataclass(frozen=True)
class DigitsSplit:
    x_train: np.ndarray  # (n_train, 64) raw ink 0..16, float32
    y_train: np.ndarray  # (n_train,) int64
    x_val: np.ndarray  # (n_val, 64)
    y_val: np.ndarray  # (n_val,)
    x_test: np.ndarray  # (n_test, 64)
    y_test: np.ndarray  # (n_test,)
    idx_train: np.ndarray  # (n_train,) rows of load_digits() each set took
    idx_val: np.ndarray
    idx_test: np.ndarray
    mean: np.ndarray  # (64,) per-pixel mean over the training set only
    std: np.ndarray  # (64,) per-pixel std over the training set only, at least STD_FLOOR


def train_stats(x_train: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-pixel mean and (floored) std of the training images: the only statistics normalisation uses."""
    x = x_train.astype(np.float64)
    return x.mean(axis=0).astype(np.float32), np.maximum(x.std(axis=0), STD_FLOOR).astype(np.float32)


def make_split(seed: int, val_share: float = VAL_SHARE, test_share: float = TEST_SHARE) -> DigitsSplit:
    """Stratified train/validation/test split of load_digits (every digit in the same proportion in each)."""
    x, y = _digits()
    rest, idx_test = stratified_split(y, test_share, seed)
    train, val = stratified_split(y[rest], val_share / (1 - test_share), seed)
    idx_train, idx_val = rest[train], rest[val]
    mean, std = train_stats(x[idx_train])
    return DigitsSplit(
        x_train=x[idx_train], y_train=y[idx_train], x_val=x[idx_val], y_val=y[idx_val],
        x_test=x[idx_test], y_test=y[idx_test], idx_train=idx_train, idx_val=idx_val, idx_test=idx_test,
        mean=mean, std=std,
    )  # fmt: skip


def normalise(x: np.ndarray, split: DigitsSplit) -> np.ndarray:
    """(x − train mean) / train std, pixel by pixel."""
    return (x - split.mean) / split.std


def class_counts(split: DigitsSplit) -> np.ndarray:
    """(3, 10) images of each digit in train, validation and test."""
    return np.stack([np.bincount(y, minlength=CLASSES) for y in (split.y_train, split.y_val, split.y_test)])


def examples(split: DigitsSplit, per_class: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The first ``per_class`` training images of each digit, (10·per_class, 8, 8) ink 0..16, and their labels."""
    rows = [np.flatnonzero(split.y_train == c)[:per_class] for c in range(CLASSES)]
    pick = np.concatenate(rows)
    return split.x_train[pick].reshape(-1, SIDE, SIDE), split.y_train[pick]
