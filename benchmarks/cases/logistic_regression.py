"""Logistic-regression page: everything `compute` in the view runs (training plus every snapshot)."""

from core.logistic_regression import train_classifier

PAGE = "logistic-regression"
DEFAULT = {
    "dataset": "moons", "n": 200, "noise": 0.2, "classes": 2, "test_frac": 0.3, "model": "logistic",
    "hidden": (8, 8), "activation": "tanh", "optimizer": "adam", "lr": 0.05, "epochs": 200, "batch": 0, "seed": 0,
}  # fmt: skip
HEAVIEST = DEFAULT | {
    "dataset": "spiral", "n": 500, "classes": 5, "model": "mlp", "hidden": (16, 16), "epochs": 500, "batch": 32,
}  # fmt: skip

CASES = {
    "default": lambda: train_classifier(**DEFAULT),
    "default_mlp": lambda: train_classifier(**(DEFAULT | {"model": "mlp"})),
    "heaviest": lambda: train_classifier(**HEAVIEST),
}
