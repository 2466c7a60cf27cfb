"""The one palette every figure uses: Okabe–Ito colours, class colours, one diverging scale, optimizers, train/test.

Okabe–Ito stays distinguishable with the common colour-vision deficiencies; where
colour carries meaning a second cue (dash, symbol, pattern) carries it too.
"""

from __future__ import annotations

COLORS = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#222222",
    "grey": "#9A9A9A",
}


def rgba(hex_color: str, alpha: float) -> str:
    """``#rrggbb`` with transparency ``alpha`` (0…1)."""
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def tint(hex_color: str, white: float) -> str:
    """``#rrggbb`` mixed with ``white`` (0…1) parts of white."""
    r, g, b = (round(c + (255 - c) * white) for c in (int(hex_color[i : i + 2], 16) for i in (1, 3, 5)))
    return f"rgb({r},{g},{b})"


# Class k is drawn in CLASS[k] on every page (class 0 blue, class 1 orange, …).
CLASS = tuple(COLORS[c] for c in ("blue", "orange", "green", "vermillion", "purple"))
# P(class 1) from 0 to 1: class 0's colour, white at 0.5, class 1's colour.
CLASS_SCALE = [[0, tint(CLASS[0], 0.4)], [0.5, "white"], [1, tint(CLASS[1], 0.4)]]

# Signed values (kernel weights, feature maps, hidden states): negative blue, zero white, positive vermillion.
# Use with zmid=0 or a symmetric zmin/zmax so white means zero.
NEGATIVE, POSITIVE = COLORS["blue"], COLORS["vermillion"]
DIVERGING = [[0, NEGATIVE], [0.5, "white"], [1, POSITIVE]]

# One colour per optimizer, the same wherever optimizers are compared.
OPTIMIZER = {
    "sgd": COLORS["black"],
    "momentum": COLORS["blue"],
    "nesterov": COLORS["sky"],
    "rmsprop": COLORS["green"],
    "adagrad": COLORS["purple"],
    "adam": COLORS["vermillion"],
}

# Training data solid, held-out (test/validation) data dashed, in these colours.
TRAIN, TEST = COLORS["black"], COLORS["vermillion"]

# Several runs of one kind (learning rates, hidden units), in order.
SERIES = tuple(COLORS[c] for c in ("blue", "green", "orange", "vermillion", "purple", "sky"))
