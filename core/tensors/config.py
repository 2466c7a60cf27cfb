"""What /tensors' controls hold: one declaration for the widgets, "Try this", core, tests and benchmarks."""

from __future__ import annotations

from dataclasses import dataclass

from core.common.params import choice, seed_field, slider, text_field, toggle

MODES = ("broadcast", "memory", "reduce")
OPS = ("add", "mul", "matmul", "cat", "stack")
LAYOUTS = ("view", "reshape", "transpose", "permute", "t_view", "t_reshape", "t_contiguous")
REDUCTIONS = ("sum", "mean", "max", "argmax")
MAX_CELL = 6**3 - 1  # the followed element: a flat index, clamped to the tensor drawn


@dataclass(frozen=True)
class TensorConfig:
    """?mode=broadcast&a=3,1&b=1,4&op=add ... (shapes are text, read by core.tensors.shapes)."""

    mode: str = choice("broadcast", MODES)
    a: str = text_field("3,1")  # shape of A (broadcasting)
    b: str = text_field("1,4")  # shape of B
    op: str = choice("add", OPS)
    shape: str = text_field("3,4")  # shape of x (memory, reductions)
    layout: str = choice("transpose", LAYOUTS)
    target: str = text_field("2,6")  # the shape view/reshape asks for
    reduce: str = choice("sum", REDUCTIONS)
    dim: int = slider(0, -3, 2)  # cat, stack and the reductions
    keepdim: bool = toggle(False)
    cell: int = slider(0, 0, MAX_CELL)  # the element whose sources are traced (row-major index)
    seed: int = seed_field()
