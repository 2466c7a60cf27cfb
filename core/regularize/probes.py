"""What the trained networks show: inverted dropout's mean, MC-dropout bands, BatchNorm activations."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.common.plotdata import to_f32
from core.regularize.data import Data, DropoutConfig, make_data
from core.regularize.dropout import DTYPE, InvertedDropout, Run, train

BINS = 40
MC_PASSES = 100


@dataclass(frozen=True)
class MeanCheck:
    edges: np.ndarray  # (BINS+1,) shared bin edges
    counts_eval: np.ndarray  # (BINS,) histogram of h = first hidden layer's ReLU output (eval mode)
    counts_train: np.ndarray  # (BINS,) histogram of m ⊙ h / (1−p) for one sampled mask (train mode)
    mean_eval: float  # mean of h
    mean_train: float  # mean of m ⊙ h / (1−p): close to mean_eval
    mean_unscaled: float  # mean of m ⊙ h without the 1/(1−p): about (1−p) · mean_eval
    drop_rate: float  # fraction of mask entries that are 0: close to p


def _first_hidden(model: nn.Sequential, x: torch.Tensor) -> torch.Tensor:
    """Output of the first ReLU (before its dropout), in eval mode."""
    model.eval()
    relu = next(i for i, m in enumerate(model) if isinstance(m, nn.ReLU))
    with torch.no_grad():
        return model[: relu + 1](x)


def mean_check(model: nn.Sequential, data: Data, p: float, seed: int) -> MeanCheck:
    """Apply inverted dropout once to the first hidden layer's activations and compare the means."""
    h = _first_hidden(model, torch.as_tensor(data.x_val, dtype=DTYPE)).flatten()
    drop = InvertedDropout(p, torch.Generator().manual_seed(seed + 3)).train()
    with torch.no_grad():
        h_tilde = drop(h)
    mask = drop.last_mask if p > 0 else torch.ones_like(h)
    edges = np.linspace(0.0, max(float(h_tilde.max()), 1e-6), BINS + 1)
    return MeanCheck(
        edges=to_f32(edges),
        counts_eval=np.histogram(h.numpy(), edges)[0],
        counts_train=np.histogram(h_tilde.numpy(), edges)[0],
        mean_eval=h.mean().item(),
        mean_train=h_tilde.mean().item(),
        mean_unscaled=(h * mask).mean().item(),
        drop_rate=1 - mask.mean().item(),
    )


@dataclass(frozen=True)
class MCBand:
    samples: np.ndarray  # (8, G) a few single stochastic passes, drawn faintly
    mean: np.ndarray  # (G,) average of the K passes with dropout on
    std: np.ndarray  # (G,) their standard deviation: the band is mean ± 2·std
    eval_pred: np.ndarray  # (G,) the ordinary eval-mode prediction (dropout off)
    passes: int
    width_inside: float  # mean band half-width 2σ over grid points inside the training inputs' range
    width_edges: float  # mean 2σ at the two ends of the grid, away from the data


def mc_dropout(model: nn.Sequential, data: Data, passes: int, seed: int) -> MCBand:
    """K forward passes with dropout kept on (BatchNorm stays in eval mode) on the regression grid."""
    grid = torch.as_tensor(data.grid, dtype=DTYPE)
    model.eval()
    with torch.no_grad():
        eval_pred = model(grid)[:, 0]
        for m in model:
            if isinstance(m, InvertedDropout):
                m.train()
                m.generator = torch.Generator().manual_seed(seed + 4)
        # All K passes in one batch: every row draws its own mask, so rows are independent passes.
        out = model(grid.repeat(passes, 1))[:, 0].reshape(passes, len(grid))
    model.eval()
    std = out.std(0, correction=0).numpy()
    x = data.grid[:, 0]
    inside = (x >= data.x_train[:, 0].min()) & (x <= data.x_train[:, 0].max())
    return MCBand(
        samples=to_f32(out[:8]),
        mean=to_f32(out.mean(0)),
        std=to_f32(std),
        eval_pred=to_f32(eval_pred),
        passes=passes,
        width_inside=2 * float(std[inside].mean()),
        width_edges=2 * float(std[[0, -1]].mean()),
    )


@dataclass(frozen=True)
class BNLayer:
    edges_before: np.ndarray  # (BINS+1,)
    counts_before: np.ndarray  # (BINS,) Linear output z, all units and validation inputs pooled
    edges_after: np.ndarray  # (BINS+1,)
    counts_after: np.ndarray  # (BINS,) BatchNorm output γ·(z − μ)/σ + β
    mean_before: float
    std_before: float
    mean_after: float
    std_after: float


def bn_activations(model: nn.Sequential, data: Data) -> tuple[BNLayer, ...]:
    """Per BatchNorm layer, the distribution of its input and output on the validation set (eval mode)."""
    seen: list[tuple[torch.Tensor, torch.Tensor]] = []
    hooks = [
        m.register_forward_hook(lambda _m, inp, out: seen.append((inp[0], out)))
        for m in model
        if isinstance(m, nn.BatchNorm1d)
    ]
    model.eval()
    with torch.no_grad():
        model(torch.as_tensor(data.x_val, dtype=DTYPE))
    for hook in hooks:
        hook.remove()
    layers = []
    for z, a in seen:
        e_b, e_a = np.histogram_bin_edges(z.numpy(), BINS), np.histogram_bin_edges(a.numpy(), BINS)
        layers.append(
            BNLayer(
                *(to_f32(e_b), np.histogram(z.numpy(), e_b)[0], to_f32(e_a), np.histogram(a.numpy(), e_a)[0]),
                *(z.mean().item(), z.std(correction=0).item(), a.mean().item(), a.std(correction=0).item()),
            )
        )
    return tuple(layers)


RISE = 1.1  # a final validation loss 10 % above its minimum counts as overfitting


@dataclass(frozen=True)
class Comparison:
    cfg: DropoutConfig
    data: Data
    plain: Run  # no regularization
    reg: Run  # dropout p, weight decay λ and BatchNorm as chosen; same seed, same initial weights
    mean: MeanCheck
    mc: MCBand | None  # regression only
    bn: tuple[BNLayer, ...]  # empty without BatchNorm


def compare(cfg: DropoutConfig) -> Comparison:
    """Train the plain and the regularized network on the same data from the same start, then probe them."""
    data = make_data(cfg.task, cfg.n, cfg.noise, cfg.seed)
    plain, _ = train(data, cfg.plain)
    reg, model = train(data, cfg)
    return Comparison(
        cfg=cfg,
        data=data,
        plain=plain,
        reg=reg,
        mean=mean_check(model, data, cfg.p, cfg.seed),
        mc=mc_dropout(model, data, MC_PASSES, cfg.seed) if cfg.task == "regression" else None,
        bn=bn_activations(model, data) if cfg.batchnorm else (),
    )


def verdict(cmp: Comparison, regularized: bool | None = None) -> str:
    """ "same" (nothing switched on), "helps", "hurts" (overfits, regularized not lower) or "no_overfit"."""
    plain_final, reg_final = cmp.plain.val_loss[-1], cmp.reg.val_loss[-1]
    if not (cmp.cfg.regularized if regularized is None else regularized):
        return "same"
    if plain_final <= RISE * cmp.plain.val_loss[cmp.plain.best_epoch]:
        return "no_overfit"
    return "helps" if reg_final < plain_final else "hurts"
