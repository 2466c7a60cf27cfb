"""Reductions along one dim: sum, mean, max (values and indices) and argmax, with or without keepdim."""

from __future__ import annotations

import torch

from core.tensors.config import TensorConfig
from core.tensors.grids import Step, TensorView, dim_range, grid, idx, indices, val
from core.tensors.shapes import parse_shape

CODE = {
    "sum": "out = x.sum(dim={dim}, keepdim={keepdim})",
    "mean": "out = x.mean(dim={dim}, keepdim={keepdim})",
    "max": "out, idx = x.max(dim={dim}, keepdim={keepdim})",
    "argmax": "idx = x.argmax(dim={dim}, keepdim={keepdim})",
}


def sample(shape: tuple[int, ...], seed: int) -> torch.Tensor:
    """Whole numbers 0 … 9 drawn from the page's seed (floats, so mean works)."""
    g = torch.Generator().manual_seed(seed)
    return torch.randint(0, 10, shape, generator=g).to(torch.float64)


def reduce(cfg: TensorConfig) -> TensorView:
    """x reduced along ``cfg.dim`` by ``cfg.reduce``; each output element with the line of x it collapses."""
    shape = parse_shape(cfg.shape)
    x = sample(shape, cfg.seed)
    code = CODE[cfg.reduce].format(dim=cfg.dim, keepdim=cfg.keepdim)
    bad = dim_range(x.dim(), cfg.dim)
    if bad:
        try:
            x.sum(dim=cfg.dim)
        except IndexError as error:  # torch says it in its own words; that is what the page shows
            return TensorView("reduce", code, (grid("x", x.numpy()),), (), 0, str(error), "IndexError", (bad,))
    d = cfg.dim % x.dim()
    if cfg.reduce == "sum":
        outs = {"out": x.sum(dim=cfg.dim, keepdim=cfg.keepdim)}
    elif cfg.reduce == "mean":
        outs = {"out": x.mean(dim=cfg.dim, keepdim=cfg.keepdim)}
    elif cfg.reduce == "max":
        values, where = x.max(dim=cfg.dim, keepdim=cfg.keepdim)
        outs = {"out": values, "idx": where}
    else:
        outs = {"idx": x.argmax(dim=cfg.dim, keepdim=cfg.keepdim)}
    first = next(iter(outs.values()))
    steps = []
    for i in indices(tuple(first.shape)):
        rest = i[:d] + i[d + 1 :] if cfg.keepdim else i
        line = [(*rest[:d], k, *rest[d:]) for k in range(shape[d])]
        where = idx(tuple(":" if k == d else j for k, j in enumerate(line[0])))
        terms = [val(x[c].item()) for c in line]
        if cfg.reduce == "sum":
            formula = f"out{idx(i)} = sum(x{where}) = {' + '.join(terms)} = {val(first[i].item())}"
        elif cfg.reduce == "mean":
            formula = f"out{idx(i)} = mean(x{where}) = ({' + '.join(terms)}) / {shape[d]} = {val(first[i].item())}"
        elif cfg.reduce == "max":
            formula = (f"out{idx(i)} = max({', '.join(terms)}) = {val(outs['out'][i].item())},  "
                       f"idx{idx(i)} = {outs['idx'][i].item()}")  # fmt: skip
        else:
            formula = f"idx{idx(i)} = argmax({', '.join(terms)}) = {outs['idx'][i].item()}"
        steps.append(Step({"x": line} | {name: [i] for name in outs}, formula))
    grids = (grid("x", x.numpy()), *(grid(name, t.numpy()) for name, t in outs.items()))
    return TensorView("reduce", code, grids, tuple(steps), min(cfg.cell, len(steps) - 1), axis=d)
