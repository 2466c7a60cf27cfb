"""Linear regression (chapter 7): nn.Linear + MSE + torch.optim.SGD on synthetic 1-D data or the diabetes data.

``RegressionConfig`` is what /linear-regression's controls hold; ``data`` builds the data set,
``train`` fits it epoch by epoch and ``surface`` gives the loss over the (w, b) plane and the
conditioning that decides how many epochs gradient descent needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.common.params import choice, number, seed_field, slider, toggle

DATASETS = ("synthetic", "diabetes")
FEATURES = ("bmi", "s5", "bp", "bmi,s5", "bmi,bp")  # columns of sklearn's diabetes data; two draw a plane


@dataclass(frozen=True)
class RegressionConfig:
    """?dataset=synthetic&slope=2&n=40&noise=1&features=bmi&scale=false&lr=0.05&epochs=200"""

    dataset: str = choice("synthetic", DATASETS, widget="segmented_control")
    slope: float = slider(2.0, -5.0, 5.0, 0.1)  # synthetic: y = slope·x + 1 + noise
    n: int = slider(40, 10, 200, 10)  # synthetic: number of points
    noise: float = slider(1.0, 0.0, 3.0, 0.1)  # synthetic: standard deviation of the noise
    features: str = choice("bmi", FEATURES)  # diabetes: one or two columns
    scale: bool = toggle(False)  # standardise the features (zero mean, unit variance) before training
    lr: float = number(0.05, 0.0001, 2.0, 0.01, fmt="%.4f")
    epochs: int = slider(200, 10, 1000, 10)
    seed: int = seed_field()

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self.features.split(","))
