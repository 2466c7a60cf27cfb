"""Backprop page: the graph's forward and backward pass with autograd and central differences beside it."""

from dataclasses import replace

from core.backprop import BackpropConfig, run_backprop

PAGE = "backprop"
DEFAULT = BackpropConfig()

CASES = {
    "default": lambda: run_backprop(DEFAULT),
    "heaviest": lambda: run_backprop(replace(DEFAULT, loss="bce", act="tanh")),
}
