"""Helpers that shape results into plot data: animation frame choice and browser-friendly arrays."""

from __future__ import annotations

import numpy as np

MAX_FRAMES = 60
FLOAT32_LIMIT = 1e30  # larger magnitudes (a diverged run) are clipped before the float32 cast


def frame_steps(last: int, max_frames: int = MAX_FRAMES) -> np.ndarray:
    """At most ``max_frames`` evenly spread step indices from 0 to ``last``, both included."""
    if last <= 0:
        return np.zeros(1, dtype=np.int64)
    count = min(last + 1, max_frames)
    return np.unique(np.round(np.linspace(0, last, count)).astype(np.int64))


def to_f32(values) -> np.ndarray:
    """``values`` as float32, with non-finite or huge entries clipped to ±1e30."""
    a = np.asarray(values, dtype=np.float64)
    return np.clip(
        np.nan_to_num(a, nan=0.0, posinf=FLOAT32_LIMIT, neginf=-FLOAT32_LIMIT), -FLOAT32_LIMIT, FLOAT32_LIMIT
    ).astype(np.float32)
