"""Dropout page: everything `compute` in the view runs (both trainings and the probes), from its config."""

from dataclasses import replace

from core.regularize.data import DropoutConfig
from core.regularize.probes import compare

PAGE = "dropout"
DEFAULT = DropoutConfig()
HEAVIEST = replace(
    DEFAULT, task="regression", n=200, noise=0.6, hidden=128, epochs=400, weight_decay=0.1, batchnorm=True
)

CASES = {"default": lambda: compare(DEFAULT), "heaviest": lambda: compare(HEAVIEST)}

run = compare  # the page's compute for any config (benchmarks.cases.for_query)
