"""What /overfitting's controls hold (and ?degree=3&n=20&... in its URL)."""

from __future__ import annotations

from dataclasses import dataclass

from core.common.params import choice, seed_field, slider

WIDTHS = ("16", "64", "256")  # hidden units of the MLP's one hidden layer


@dataclass(frozen=True)
class OverfitConfig:
    degree: int = slider(3, 1, 15)  # the polynomial shown (the animation scrubs every degree)
    n: int = slider(16, 16, 200, 4)  # training points; at least 16 so degree 15 (16 coefficients) is determined
    noise: float = slider(0.3, 0.0, 0.6, 0.05)  # standard deviation of the noise on y
    width: str = choice("64", WIDTHS, labels=None)
    epochs: int = slider(300, 50, 600, 50)
    patience: int = slider(20, 1, 100)  # epochs without a new validation minimum before stopping
    seed: int = seed_field()
