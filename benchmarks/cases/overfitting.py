"""Overfitting page: the polynomial sweep and the MLP training its view runs, from the page's declared config."""

from dataclasses import replace

from core.overfitting import OverfitConfig, sweep, train_mlp

PAGE = "overfitting"
DEFAULT = OverfitConfig()
HEAVIEST = replace(DEFAULT, degree=15, n=200, width="256", epochs=600, patience=100)


def run(cfg: OverfitConfig):
    """The page's compute for any config (benchmarks.cases.for_query)."""
    return sweep(cfg), train_mlp(cfg)


CASES = {"default": lambda: run(DEFAULT), "heaviest": lambda: run(HEAVIEST)}
