"""Dropout page: everything `compute` in the view runs (both trainings and the probes)."""

from core.dropout_probe import compare

PAGE = "dropout"

CASES = {
    "default": lambda: compare("classification", 40, 0.3, 64, 200, 0.5, 0.0, False, 0),
    "heaviest": lambda: compare("regression", 200, 0.6, 128, 400, 0.5, 0.1, True, 0),
}
