"""One block of memory, many shapes: x = 0 … n−1 viewed, reshaped, transposed, permuted, copied."""

from __future__ import annotations

import math

import torch

from core.tensors.config import TensorConfig
from core.tensors.grids import Grid, Rule, Step, TensorView, dim_range, grid, idx, indices
from core.tensors.shapes import parse_shape, shape_text

CODE = {
    "view": "y = x.view({target})",
    "reshape": "y = x.reshape({target})",
    "transpose": "y = x.transpose(0, 1)",
    "permute": "y = x.permute({perm})",
    "t_view": "t = x.transpose(0, 1)\ny = t.view({target})",
    "t_reshape": "t = x.transpose(0, 1)\ny = t.reshape({target})",
    "t_contiguous": "t = x.transpose(0, 1)\ny = t.contiguous()",
}


def storage_of(t: torch.Tensor) -> torch.Tensor:
    """The 1-D block of memory ``t`` reads from, in memory order."""
    return torch.tensor([], dtype=t.dtype).set_(t.untyped_storage())


def shares_memory(t: torch.Tensor, x: torch.Tensor) -> bool:
    return t.untyped_storage().data_ptr() == x.untyped_storage().data_ptr()


def view_rules(shape: tuple[int, ...], target: tuple[int, ...]) -> list[Rule]:
    """Why ``target`` cannot hold the elements of ``shape`` (-1 is inferred; only one may be)."""
    n, known = math.prod(shape), math.prod(s for s in target if s != -1)
    info = {"n": n, "target": shape_text(target), "known": known}
    if target.count(-1) > 1:
        return [Rule("view_infer", info)]
    if (-1 in target and n % known) or (-1 not in target and known != n):
        return [Rule("view_size", info)]
    return []


def _grid(name: str, t: torch.Tensor) -> Grid:
    return grid(name, t.numpy(), strides=tuple(t.stride()))


def relayout(cfg: TensorConfig) -> TensorView:
    """x = torch.arange(n).reshape(shape), then ``cfg.layout``: strides, shared memory or a copy."""
    shape = parse_shape(cfg.shape)
    target = parse_shape(cfg.target, target=True)
    x = torch.arange(math.prod(shape)).reshape(shape)
    perm = tuple(reversed(range(x.dim())))
    code = CODE[cfg.layout].format(target=", ".join(str(s) for s in target), perm=", ".join(str(p) for p in perm))
    grids = [grid("s", storage_of(x).numpy()), _grid("x", x)]
    last, error = x, None
    try:
        if cfg.layout.startswith("t_"):
            last = x.transpose(0, 1)
            grids.append(_grid("t", last))
        if cfg.layout in ("view", "t_view"):
            last = last.view(target)
        elif cfg.layout in ("reshape", "t_reshape"):
            last = last.reshape(target)
        elif cfg.layout == "transpose":
            last = x.transpose(0, 1)
        elif cfg.layout == "permute":
            last = x.permute(perm)
        else:
            last = last.contiguous()
        grids.append(_grid("y", last))
    except (RuntimeError, IndexError) as exc:
        error = exc
    storage = "s"
    if not shares_memory(last, x):  # reshape of a non-contiguous tensor and contiguous() copy
        grids.append(grid("s2", storage_of(last).numpy()))
        storage = "s2"
    steps = []
    name = grids[-1 if storage == "s" else -2].name
    for i in indices(tuple(last.shape)):
        terms = [f"{k}·{s}" for k, s in zip(i, last.stride(), strict=True)]
        offset = last.storage_offset() + sum(k * s for k, s in zip(i, last.stride(), strict=True))
        v = last[i].item()
        cells = {
            name: [i],
            storage: [(offset,)],
            "x": [tuple(int(u) for u in torch.unravel_index(torch.tensor(v), shape))],
        }
        s_name = "s" if storage == "s" else "s′"
        formula = f"{name}{idx(i)} → {' + '.join(terms) or '0'} = {offset} → {s_name}[{offset}] = {v}"
        steps.append(Step(cells, formula))
    facts = {"contiguous": last.is_contiguous(), "shares": shares_memory(last, x), "stride": tuple(last.stride())}
    if error is None:
        return TensorView("memory", code, tuple(grids), tuple(steps), min(cfg.cell, len(steps) - 1), facts=facts)
    rules = [dim_range(x.dim(), 1)] if cfg.layout not in ("view", "reshape") and x.dim() < 2 else []
    if not rules and cfg.layout in ("view", "t_view", "reshape", "t_reshape"):
        rules = view_rules(shape, target) or [Rule("view_stride", {"strides": str(tuple(last.stride()))})]
    return TensorView("memory", code, tuple(grids), tuple(steps), min(cfg.cell, len(steps) - 1), str(error),
                      type(error).__name__, tuple(r for r in rules if r), facts=facts)  # fmt: skip
