"""Figure pieces both digits pages share: a colour and a marker per digit, ink images, tiled mosaics."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from viz.palette import COLORS, tint

# Digit d is drawn in DIGIT[d] with marker DIGIT_SYMBOL[d]: ten colours are too many to tell apart
# by colour alone, so the marker shape says which digit it is too.
DIGIT = (
    COLORS["blue"], COLORS["orange"], COLORS["green"], COLORS["vermillion"], COLORS["purple"],
    COLORS["sky"], COLORS["black"], COLORS["grey"], COLORS["yellow"], tint(COLORS["green"], 0.55),
)  # fmt: skip
DIGIT_SYMBOL = (
    "circle", "square", "diamond", "cross", "x", "triangle-up", "triangle-down", "star", "hexagon", "pentagon",
)  # fmt: skip
INK = [[0, "white"], [1, COLORS["black"]]]  # pixel ink: white paper, black ink
COUNT = [[0, "white"], [1, COLORS["blue"]]]  # counts and probabilities: white 0, blue high
SIDE = 8


def mosaic(images: np.ndarray, cols: int, gap: int = 1) -> np.ndarray:
    """Tiles (n, 8, 8) laid out ``cols`` per row with ``gap`` blank (NaN) pixels between them."""
    n = len(images)
    rows = max(1, -(-n // cols))
    h, w = images.shape[1:]
    out = np.full((rows * (h + gap) - gap, cols * (w + gap) - gap), np.nan, dtype=np.float32)
    for i, img in enumerate(images):
        r, c = divmod(i, cols)
        out[r * (h + gap) : r * (h + gap) + h, c * (w + gap) : c * (w + gap) + w] = img
    return out


def as_image(fig: go.Figure, row: int | None = None, col: int | None = None) -> None:
    """Axes of one subplot drawn as an image: rows downward, square pixels, no ticks or grid."""
    where = {"row": row, "col": col} if row else {}
    fig.update_yaxes(autorange="reversed", scaleanchor=None, showgrid=False, showticklabels=False, zeroline=False,
                     constrain="domain", **where)  # fmt: skip
    fig.update_xaxes(showgrid=False, showticklabels=False, zeroline=False, constrain="domain", **where)


def square(fig: go.Figure, xaxis: str, yaxis: str) -> None:
    """Square pixels in the subplot whose axes are ``xaxis``/``yaxis`` (layout names: "x2", "y2")."""
    fig.layout["yaxis" + yaxis[1:]].update(scaleanchor=xaxis)


def upscale(image: np.ndarray, top: float, factor: int = 12) -> np.ndarray:
    """An 8×8 ink image (0 blank … ``top`` full ink) as an upscaled uint8 picture, black on white, hard edges."""
    img = np.asarray(image, dtype=np.float64)
    grey = 255 - np.round(255 * np.clip(img / top, 0, 1))
    return np.kron(grey, np.ones((factor, factor))).astype(np.uint8)
