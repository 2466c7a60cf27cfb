"""Tensors page: the core call its view runs, from the page's own declared config."""

from dataclasses import replace

from core.tensors import TensorConfig, explore

PAGE = "tensors"
DEFAULT = TensorConfig()
HEAVIEST = replace(DEFAULT, op="matmul", a="6,6,6", b="6,6,6")

CASES = {
    "default": lambda: explore(DEFAULT),
    "memory": lambda: explore(replace(DEFAULT, mode="memory", layout="t_contiguous", shape="6,6,6")),
    "heaviest": lambda: explore(HEAVIEST),
}
