"""How many numbers a stack of nn.Linear layers learns: in·out weights + out biases per layer."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from torch import nn

MAX_LAYERS = 8
MAX_WIDTH = 4096


class WidthsError(ValueError):
    """Why the widths text is not a stack: ``code`` names the rule (i18n ll.widths_error.<code>)."""

    def __init__(self, code: str, part: str = ""):
        super().__init__(code, part)
        self.code = code  # few | not_int | many | size
        self.part = part


def parse_widths(text: str) -> tuple[int, ...]:
    """ "2,64,64,10" -> (2, 64, 64, 10): 2 to 9 widths (1 to 8 layers), each 1 … 4096."""
    parts = [p for p in re.split(r"[,\s→>-]+", text.strip().strip("()[]")) if p]
    for part in parts:
        if not re.fullmatch(r"[0-9]{1,5}", part):
            raise WidthsError("not_int", part)
    widths = tuple(int(p) for p in parts)
    if len(widths) < 2:
        raise WidthsError("few", str(len(widths)))
    if len(widths) > MAX_LAYERS + 1:
        raise WidthsError("many", str(len(widths)))
    for w in widths:
        if not 1 <= w <= MAX_WIDTH:
            raise WidthsError("size", str(w))
    return widths


def widths_or_default(text: str, default: str) -> tuple[tuple[int, ...], WidthsError | None]:
    """The stack ``text`` describes, or ``default``'s with the reason ``text`` is not one."""
    try:
        return parse_widths(text), None
    except WidthsError as error:
        return parse_widths(default), error


@dataclass(frozen=True)
class LayerCount:
    fan_in: int
    fan_out: int
    weights: int  # fan_in · fan_out, counted by torch
    biases: int  # fan_out


def count_parameters(widths: tuple[int, ...]) -> list[LayerCount]:
    """Each layer's weight and bias counts, read from real nn.Linear modules on the meta device (no memory)."""
    stack = nn.Sequential(*(nn.Linear(a, b, device="meta") for a, b in itertools.pairwise(widths)))
    return [LayerCount(m.in_features, m.out_features, m.weight.numel(), m.bias.numel()) for m in stack]


def count_table(layers: list[LayerCount]) -> dict[str, list]:
    """Column id -> values: one row per layer (layer, weights, biases, total)."""
    return {
        "layer": [f"nn.Linear({c.fan_in}, {c.fan_out})" for c in layers],
        "weights": [c.weights for c in layers],
        "biases": [c.biases for c in layers],
        "total": [c.weights + c.biases for c in layers],
    }
