"""One grid builder: the points of a rectangle, row by row, for maps drawn over a plane."""

from __future__ import annotations

import numpy as np


def plane(box: tuple[float, float, float, float], nx: int, ny: int | None = None):
    """Axes xs (nx,), ys (ny,) over ``box`` = (x_lo, x_hi, y_lo, y_hi) and the (ny·nx, 2) points,
    x fastest: row i of a heatmap is ys[i]."""
    xs, ys = np.linspace(box[0], box[1], nx), np.linspace(box[2], box[3], ny or nx)
    xx, yy = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([xx.ravel(), yy.ravel()])
