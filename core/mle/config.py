"""What /mle's controls hold (and ?dist=coin&n=30&... in its URL)."""

from __future__ import annotations

from dataclasses import dataclass

from core.common.params import choice, number, seed_field, slider

DISTS = ("coin", "die", "gaussian")
# The true face probabilities of each die (?die=loaded): faces 1..6.
DICE = {
    "fair": (1 / 6,) * 6,
    "loaded": (0.1, 0.1, 0.1, 0.1, 0.1, 0.5),
    "skewed": (0.05, 0.1, 0.15, 0.2, 0.2, 0.3),
}


@dataclass(frozen=True)
class MLEConfig:
    dist: str = choice("coin", DISTS, widget="radio")
    n: int = slider(30, 2, 500)  # samples drawn
    p: float = slider(0.7, 0.05, 0.95, 0.05)  # the coin's true P(heads)
    die: str = choice("loaded", tuple(DICE))
    mu: float = slider(1.0, -3.0, 3.0, 0.1)  # the Gaussian's true mean
    sigma: float = slider(1.5, 0.3, 3.0, 0.1)  # ... and standard deviation
    lr: float = number(0.1, 0.001, 1.0, 0.01, fmt="%.3f")  # Adam's step size on the mean log-likelihood
    steps: int = slider(300, 20, 600, 10)
    seed: int = seed_field()

    @property
    def faces(self) -> int:
        return 2 if self.dist == "coin" else 6
