"""Plot data shared by the three views: grids of labelled cells, followed elements, failed rules."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Grid:
    """One tensor drawn as cells. ``values``/``real`` have the drawn shape (a broadcast may widen it)."""

    name: str  # "A", "B", "C", "x", "y", "s", "s2", "out", "idx": the letter on the chart
    shape: tuple[int, ...]  # the tensor's own shape, written on the chart
    values: np.ndarray  # (drawn shape) cell values
    real: np.ndarray  # (drawn shape) bool; False = a copy broadcasting makes (drawn as a ghost)
    strides: tuple[int, ...] | None = None  # memory view only


@dataclass(frozen=True)
class Step:
    """One followed element: the cells to outline in each grid and the arithmetic that made it."""

    cells: dict[str, list[tuple[int, ...]]]  # grid name -> multi-indices
    formula: str  # "C[2, 3] = A[2, 0] + B[0, 3] = 3 + 40 = 43" (maths, the same in both languages)


@dataclass(frozen=True)
class Rule:
    """A shape rule that failed, with the numbers to explain it (i18n tensors.rule.<code>)."""

    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class TensorView:
    mode: str
    code: str  # the torch expression that ran, e.g. "C = A + B"
    grids: tuple[Grid, ...]
    steps: tuple[Step, ...]  # one per element of the followed tensor, row-major
    cell: int  # the followed element (the asked index, clamped)
    error: str | None = None  # str() of the exception torch raised
    error_type: str | None = None  # its class name
    rules: tuple[Rule, ...] = ()  # what failed, in words
    axis: int | None = None  # reductions: the collapsed dim (0 … rank−1)
    op: str = ""  # broadcasting: the operation (add, mul, matmul, cat, stack)
    facts: dict = field(default_factory=dict)  # numbers for the metrics under the chart (strides, shapes)


def indices(shape: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Every multi-index of ``shape`` in row-major order (one empty index for a 0-d tensor)."""
    return list(itertools.product(*(range(s) for s in shape)))


def idx(index: tuple[int, ...]) -> str:
    """(2, 0) -> "[2, 0]"; () -> "" (a 0-d tensor is written by its name alone)."""
    return "[" + ", ".join(str(i) for i in index) + "]" if index else ""


def val(v: float) -> str:
    """A cell value as written in a formula: 3, 2.5, -1."""
    v = float(v)
    return str(int(v)) if v.is_integer() else f"{v:.3g}"


def grid(name: str, values, real=None, strides=None, shape=None) -> Grid:
    values = np.asarray(values, dtype=np.float64)
    real = np.ones(values.shape, dtype=bool) if real is None else np.asarray(real, dtype=bool)
    return Grid(name, tuple(values.shape) if shape is None else tuple(shape), values, real, strides)


def dim_range(rank: int, dim: int) -> Rule | None:
    """torch's rule for a dim argument: −rank ≤ dim < rank (a 0-d tensor takes −1 and 0)."""
    r = max(rank, 1)
    return None if -r <= dim < r else Rule("dim", {"dim": dim, "rank": rank, "lo": -r, "hi": r - 1})
