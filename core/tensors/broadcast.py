"""Two tensors A, B combined by add, mul, matmul, cat or stack: torch computes, we draw what went where."""

from __future__ import annotations

import math

import numpy as np
import torch

from core.tensors.config import TensorConfig
from core.tensors.grids import Rule, Step, TensorView, dim_range, grid, idx, indices, val
from core.tensors.shapes import parse_shape, shape_text

SYMBOL = {"add": "+", "mul": "×"}
CODE = {
    "add": "C = A + B",
    "mul": "C = A * B",
    "matmul": "C = A @ B",
    "cat": "C = torch.cat([A, B], dim={dim})",
    "stack": "C = torch.stack([A, B], dim={dim})",
}


def operands(a_shape: tuple[int, ...], b_shape: tuple[int, ...]) -> tuple[torch.Tensor, torch.Tensor]:
    """A = 1, 2, 3, … and B = 10, 20, 30, … in the given shapes: each result shows where it came from."""
    a = torch.arange(1, math.prod(a_shape) + 1, dtype=torch.float64).reshape(a_shape)
    b = 10 * torch.arange(1, math.prod(b_shape) + 1, dtype=torch.float64).reshape(b_shape)
    return a, b


def _padded(shape: tuple[int, ...], rank: int) -> tuple[int, ...]:
    return (1,) * (rank - len(shape)) + tuple(shape)


def broadcast_rules(sa: tuple[int, ...], sb: tuple[int, ...], code: str = "broadcast") -> list[Rule]:
    """The broadcasting rule, dim by dim from the right: equal sizes, or one of them is 1."""
    rank = max(len(sa), len(sb))
    pa, pb = _padded(sa, rank), _padded(sb, rank)
    return [
        Rule(code, {"dim": d, "right": rank - d, "sa": pa[d], "sb": pb[d], "a": shape_text(sa), "b": shape_text(sb)})
        for d in range(rank)
        if pa[d] != pb[d] and 1 not in (pa[d], pb[d])
    ]


def diagnose(op: str, sa: tuple[int, ...], sb: tuple[int, ...], dim: int) -> list[Rule]:
    """Every shape rule ``op`` breaks for shapes ``sa``, ``sb`` (empty: torch will compute it)."""
    a, b = shape_text(sa), shape_text(sb)
    if op in ("add", "mul"):
        return broadcast_rules(sa, sb)
    if op == "matmul":
        ka, kb = sa[-1], sb[0] if len(sb) == 1 else sb[-2]
        rules = [] if ka == kb else [Rule("matmul_inner", {"ka": ka, "kb": kb, "a": a, "b": b})]
        return rules + broadcast_rules(sa[:-2], sb[:-2], "matmul_batch")
    if op == "cat":
        if len(sa) != len(sb):
            return [Rule("cat_rank", {"ra": len(sa), "rb": len(sb), "a": a, "b": b})]
        bad = dim_range(len(sa), dim)
        if bad:
            return [bad]
        d = dim % len(sa)
        return [
            Rule("cat_size", {"dim": d, "other": k, "sa": sa[k], "sb": sb[k], "a": a, "b": b})
            for k in range(len(sa))
            if k != d and sa[k] != sb[k]
        ]
    bad = dim_range(len(sa) + 1, dim)  # stack: the new dim may go anywhere, one past the end included
    return ([bad] if bad else []) + ([] if sa == sb else [Rule("stack_shape", {"a": a, "b": b})])


def _elementwise_steps(op: str, a, b, c) -> tuple[list, list]:
    """Drawn A, B (broadcast to C's shape, copies marked) and one step per element of C."""
    rank = c.dim()
    drawn, real = [], []
    for t in (a, b):
        padded = _padded(tuple(t.shape), rank)
        stretched = [d for d in range(rank) if padded[d] == 1 and c.shape[d] > 1]
        full = np.broadcast_to(t.numpy().reshape(padded), tuple(c.shape))
        mask = np.ones(full.shape, dtype=bool)
        for d in stretched:
            mask &= np.moveaxis(np.indices(full.shape)[d] == 0, 0, 0)
        drawn.append(full)
        real.append(mask)
    steps = []
    for i in indices(tuple(c.shape)):
        own = [
            tuple(0 if t.shape[k - (rank - t.dim())] == 1 else i[k] for k in range(rank - t.dim(), rank))
            for t in (a, b)
        ]
        va, vb = a[own[0]].item(), b[own[1]].item()
        steps.append(
            Step(
                {"A": [i], "B": [i], "C": [i]},
                f"C{idx(i)} = A{idx(own[0])} {SYMBOL[op]} B{idx(own[1])} = {val(va)} {SYMBOL[op]} {val(vb)} = {val(c[i].item())}",
            )
        )
    return list(zip(drawn, real, strict=True)), steps


def _matmul_steps(a, b, c) -> tuple[list, list]:
    """A and B with their batch dims broadcast to C's, and for each C[..., i, j] the row and column it used."""
    batch = tuple(c.shape[: c.dim() - (a.dim() > 1) - (b.dim() > 1)])
    drawn = []
    for t in (a, b):
        if t.dim() == 1:
            drawn.append((t.numpy(), np.ones(t.shape, dtype=bool)))
            continue
        own = _padded(tuple(t.shape[:-2]), len(batch))
        full = np.broadcast_to(t.numpy().reshape(own + tuple(t.shape[-2:])), batch + tuple(t.shape[-2:]))
        where = np.indices(full.shape)
        mask = np.ones(full.shape, dtype=bool)
        for d in range(len(batch)):
            if own[d] == 1 and batch[d] > 1:
                mask &= where[d] == 0
        drawn.append((full, mask))
    k = a.shape[-1]
    steps = []
    for i in indices(tuple(c.shape)):
        bi, rest = i[: len(batch)], i[len(batch) :]
        row = rest[0] if a.dim() > 1 else None
        col = rest[-1] if b.dim() > 1 else None
        a_cells = [(*bi, row, t) if row is not None else (t,) for t in range(k)]
        b_cells = [(*bi, t, col) if col is not None else (t,) for t in range(k)]
        a_own, b_own = [_own(a, cell) for cell in a_cells], [_own(b, cell) for cell in b_cells]
        products = " + ".join(f"{val(a[p].item())}·{val(b[q].item())}" for p, q in zip(a_own, b_own, strict=True))
        a_idx = _written((*a_own[0][:-1], ":")) if a.dim() > 1 else "[:]"
        b_idx = _written((*b_own[0][:-2], ":", b_own[0][-1])) if b.dim() > 1 else "[:]"
        formula = f"C{idx(i)} = A{a_idx} · B{b_idx} = {products} = {val(c[i].item())}"
        steps.append(Step({"A": a_cells, "B": b_cells, "C": [i]}, formula))
    return drawn, steps


def _own(t: torch.Tensor, cell: tuple[int, ...]) -> tuple[int, ...]:
    """The index into ``t`` itself of a drawn cell (batch dims ``t`` has size 1 in, or lacks, read at 0)."""
    padded = _padded(tuple(t.shape), len(cell))
    return tuple(0 if s == 1 else x for s, x in zip(padded, cell, strict=True))[len(cell) - t.dim() :]


def _written(index: tuple) -> str:
    return "[" + ", ".join(str(i) for i in index) + "]"


def _joined_steps(op: str, a, b, c, dim: int) -> list[Step]:
    """For each element of cat/stack's C: the one cell of A or of B it is a copy of."""
    steps = []
    for i in indices(tuple(c.shape)):
        if op == "cat":
            d = dim % a.dim()
            src, j = ("A", i) if i[d] < a.shape[d] else ("B", (*i[:d], i[d] - a.shape[d], *i[d + 1 :]))
        else:
            d = dim % c.dim()
            src, j = ("A" if i[d] == 0 else "B"), i[:d] + i[d + 1 :]
        v = (a if src == "A" else b)[j].item()
        steps.append(Step({src: [j], "C": [i]}, f"C{idx(i)} = {src}{idx(j)} = {val(v)}"))
    return steps


def combine(cfg: TensorConfig) -> TensorView:
    """A ``cfg.op`` B with torch; on failure torch's own message and the rule that failed, in words."""
    sa, sb = parse_shape(cfg.a), parse_shape(cfg.b)
    a, b = operands(sa, sb)
    code = CODE[cfg.op].format(dim=cfg.dim)
    try:
        if cfg.op == "add":
            c = a + b
        elif cfg.op == "mul":
            c = a * b
        elif cfg.op == "matmul":
            c = a @ b
        elif cfg.op == "cat":
            c = torch.cat([a, b], dim=cfg.dim)
        else:
            c = torch.stack([a, b], dim=cfg.dim)
    except (RuntimeError, IndexError) as error:
        grids = (grid("A", a.numpy()), grid("B", b.numpy()))
        return TensorView("broadcast", code, grids, (), 0, str(error), type(error).__name__,
                          tuple(diagnose(cfg.op, sa, sb, cfg.dim)), op=cfg.op)  # fmt: skip
    if cfg.op in ("add", "mul"):
        (da, db), steps = _elementwise_steps(cfg.op, a, b, c)
    elif cfg.op == "matmul":
        (da, db), steps = _matmul_steps(a, b, c)
    else:
        da, db = (a.numpy(), np.ones(sa, dtype=bool)), (b.numpy(), np.ones(sb, dtype=bool))
        steps = _joined_steps(cfg.op, a, b, c, cfg.dim)
    grids = (
        grid("A", da[0], da[1], shape=sa),
        grid("B", db[0], db[1], shape=sb),
        grid("C", c.numpy()),
    )
    facts = {"copies": int(sum((~g.real).sum() for g in grids))}
    if cfg.op in ("add", "mul"):  # the copies are a stride-0 view: no memory is used for them
        facts |= {"a_expand": tuple(a.expand(c.shape).stride()), "b_expand": tuple(b.expand(c.shape).stride())}
    return TensorView("broadcast", code, grids, tuple(steps), min(cfg.cell, len(steps) - 1), op=cfg.op, facts=facts)
