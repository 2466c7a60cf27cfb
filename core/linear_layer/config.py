"""What /linear-layer's controls hold: W and b of one nn.Linear(2, 2), a preset, and a stack to count."""

from __future__ import annotations

import math
from dataclasses import dataclass

from core.common.params import choice, slider, text_field

_C, _S = math.cos(math.radians(30)), math.sin(math.radians(30))
# Named maps of the plane, as W (row i = output i): y = x Wᵀ + b.
PRESETS = {
    "rotation": ((_C, -_S), (_S, _C)),  # 30° counter-clockwise, lengths and areas kept
    "scaling": ((1.5, 0.0), (0.0, 0.5)),  # x stretched, y squeezed
    "shear": ((1.0, 1.0), (0.0, 1.0)),  # x slides by y: area kept
    "reflection": ((-1.0, 0.0), (0.0, 1.0)),  # mirror in the y axis: orientation flips
    "singular": ((1.0, 0.5), (2.0, 1.0)),  # rows are parallel: the plane falls onto a line
}
W_RANGE = (-2.0, 2.0, 0.05)


@dataclass(frozen=True)
class LinearConfig:
    """?preset=custom&w11=1&w12=0.6&... (W from the sliders unless a preset is chosen)."""

    preset: str = choice("custom", ("custom", *PRESETS))
    w11: float = slider(1.0, *W_RANGE)
    w12: float = slider(0.6, *W_RANGE)
    w21: float = slider(-0.4, *W_RANGE)
    w22: float = slider(1.2, *W_RANGE)
    b1: float = slider(0.5, *W_RANGE)
    b2: float = slider(-0.25, *W_RANGE)
    widths: str = text_field("2,64,64,10")  # a stack of nn.Linear layers, for the parameter count

    @property
    def weight(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """W (out × in) of the layer: the preset's, or the sliders'."""
        if self.preset in PRESETS:
            return PRESETS[self.preset]
        return ((self.w11, self.w12), (self.w21, self.w22))

    @property
    def bias(self) -> tuple[float, float]:
        return (self.b1, self.b2)
