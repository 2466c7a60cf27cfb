"""Grids for maps drawn over a plane: the points of a rectangle, row by row, and a box snapped to steps."""

from __future__ import annotations

import numpy as np


def snap_outward(lo, hi, step: float):
    """``lo`` down and ``hi`` up to multiples of ``step`` (numbers or arrays): a map's box that keeps its edges
    while the data inside moves a little, so the browser moves the map in place instead of laying it out again."""
    return np.floor(np.asarray(lo) / step + 1e-9) * step, np.ceil(np.asarray(hi) / step - 1e-9) * step


def nice_step(size: float) -> float:
    """The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least ``size`` (> 0): the step to
    snap a box to when its scale follows the data (a box that moves by such steps stays put for small moves)."""
    power = 10.0 ** np.floor(np.log10(size))
    return float(next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= size * (1 - 1e-12)))


def snapped(lo: float, hi: float, parts: int = 12) -> tuple[float, float]:
    """[lo, hi] snapped outward to a nice step of about ``1/parts`` of its size: an axis range or a box that
    follows the data, and keeps its ends while the data moves by less than that step (a range that followed the
    data exactly was laid out again in the browser at every change of a control, and the picture jumped)."""
    if not hi > lo:
        return float(lo), float(hi)
    a, b = snap_outward(lo, hi, nice_step((hi - lo) / parts))
    return float(a), float(b)


def plane(box: tuple[float, float, float, float], nx: int, ny: int | None = None):
    """Axes xs (nx,), ys (ny,) over ``box`` = (x_lo, x_hi, y_lo, y_hi) and the (ny·nx, 2) points,
    x fastest: row i of a heatmap is ys[i]."""
    xs, ys = np.linspace(box[0], box[1], nx), np.linspace(box[2], box[3], ny or nx)
    xx, yy = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([xx.ravel(), yy.ravel()])
