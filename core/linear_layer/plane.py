"""nn.Linear(2, 2) as a map of the plane: a grid, a picture and the unit square, moved from x to xWᵀ + b."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.linear_layer.config import LinearConfig

FRAMES = 25  # identity (t = 0) to W (t = 1)
REACH = 3  # grid lines at -3 … 3
# A letter F: not symmetric in any axis, so a reflection or a rotation shows (closed outline, 11 corners).
PICTURE = np.array(
    [[0.0, 0.0], [0.5, 0.0], [0.5, 1.0], [1.2, 1.0], [1.2, 1.5], [0.5, 1.5], [0.5, 2.0], [1.5, 2.0],
     [1.5, 2.5], [0.0, 2.5], [0.0, 0.0]]
)  # fmt: skip
SQUARE = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]])


def grid_lines(reach: int = REACH) -> np.ndarray:
    """(2·(2·reach+1), 2, 2) end points of the vertical and horizontal grid lines (a map keeps lines straight)."""
    ks = np.arange(-reach, reach + 1, dtype=np.float64)
    vertical = np.stack([np.stack([ks, np.full_like(ks, -reach)], 1), np.stack([ks, np.full_like(ks, reach)], 1)], 1)
    horizontal = np.stack([np.stack([np.full_like(ks, -reach), ks], 1), np.stack([np.full_like(ks, reach), ks], 1)], 1)
    return np.concatenate([vertical, horizontal])


def shoelace(polygon: np.ndarray) -> float:
    """Signed area of a closed polygon (counter-clockwise positive)."""
    x, y = polygon[:, 0], polygon[:, 1]
    return 0.5 * float(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))


@dataclass(frozen=True)
class PlaneRun:
    weight: np.ndarray  # (2, 2) W, out × in
    bias: np.ndarray  # (2,)
    det: float  # det W
    area: float  # signed area of the unit square after the map: equals det W
    ts: np.ndarray  # (K,) 0 … 1
    lines: np.ndarray  # (K, L, 2, 2) grid line end points at each t
    picture: np.ndarray  # (K, 11, 2)
    square: np.ndarray  # (K, 5, 2)
    origin: np.ndarray  # (K, 2) where 0 goes: t·b
    basis: np.ndarray  # (K, 2, 2) images of e₁, e₂ relative to the origin's image: columns of W_t
    x_batch: np.ndarray  # (N, 2) the picture's corners as one batch X
    y_batch: np.ndarray  # (N, 2) nn.Linear(X)
    device: str  # where the layer ran

    @property
    def kind(self) -> str:
        """singular (det W = 0: the plane falls onto a line), flip (det W < 0) or keeps (orientation kept)."""
        return "singular" if abs(self.det) < 1e-9 else "flip" if self.det < 0 else "keeps"


def transform(cfg: LinearConfig) -> PlaneRun:
    """Move grid, picture and unit square through nn.Linear(2, 2) with W_t = (1−t)I + tW, b_t = t·b."""
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    layer = nn.Linear(2, 2).to(device=device, dtype=torch.float64)
    w = torch.tensor(cfg.weight, dtype=torch.float64)
    b = torch.tensor(cfg.bias, dtype=torch.float64)
    lines = grid_lines()
    points = np.concatenate([lines.reshape(-1, 2), PICTURE, SQUARE, np.zeros((1, 2)), np.eye(2)])
    x = torch.from_numpy(points).to(device)
    ts = np.linspace(0.0, 1.0, FRAMES)
    moved = []
    with torch.no_grad():
        for t in ts:
            layer.weight.copy_((1 - t) * torch.eye(2, dtype=torch.float64) + t * w)
            layer.bias.copy_(t * b)
            moved.append(layer(x).cpu().numpy())  # y = x Wᵀ + b for every point at once
        y_batch = layer(torch.from_numpy(PICTURE[:-1]).to(device)).cpu().numpy()
    moved = np.array(moved)  # (K, P, 2)
    n_line, n_pic = lines.size // 2, len(PICTURE)
    picture = moved[:, n_line : n_line + n_pic]
    square = moved[:, n_line + n_pic : n_line + n_pic + 5]
    origin = moved[:, -3]
    return PlaneRun(
        weight=w.numpy(),
        bias=b.numpy(),
        det=float(torch.linalg.det(w)),
        area=shoelace(square[-1]),
        ts=ts,
        lines=moved[:, :n_line].reshape(len(ts), -1, 2, 2),
        picture=picture,
        square=square,
        origin=origin,
        basis=moved[:, -2:] - origin[:, None, :],
        x_batch=PICTURE[:-1].copy(),
        y_batch=y_batch,
        device=str(device),
    )
