"""Loss functions (chapter 5): what MSE, MAE, Huber, BCE and cross-entropy punish, computed with torch.

``LossConfig`` is what /loss-functions' controls hold; ``regression`` fits a line with each loss to data
with one movable outlier; ``classification`` draws BCE/CE, their gradients, softmax with a temperature
and the naive log(sigmoid) that overflows.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.common.params import choice, seed_field, slider

DTYPES = ("float32", "float64")


@dataclass(frozen=True)
class LossConfig:
    """?outlier=8&outlier_x=9&delta=1&temperature=1&dtype=float32"""

    outlier: float = slider(8.0, -12.0, 12.0, 0.5)  # how far the outlier sits above (+) or below the trend
    outlier_x: float = slider(9.0, 0.0, 10.0, 0.5)  # where along x the outlier sits
    delta: float = slider(1.0, 0.2, 5.0, 0.1)  # Huber's δ: quadratic inside |r| ≤ δ, linear outside
    temperature: float = slider(1.0, 0.1, 5.0, 0.1)  # softmax(z / T)
    dtype: str = choice("float32", DTYPES, widget="segmented_control")  # for the naive-vs-stable BCE
    seed: int = seed_field()
