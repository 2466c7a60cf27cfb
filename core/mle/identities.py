"""Two identities with numbers from fitted models: MSE is a Gaussian NLL, cross-entropy a categorical NLL."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import torch
from torch import nn

from core.mle.config import MLEConfig
from core.mle.fit import Ascent, ascend

SLOPE, INTERCEPT = 2.0, 0.5  # the line behind the regression data


@dataclass(frozen=True)
class Identities:
    # A straight line fitted by least squares to n points y = 0.5 + 2x + N(0, σ²)
    w: float
    b: float
    mse: float  # F.mse_loss at the fit
    nll_unit: float  # F.gaussian_nll_loss(full=True) with variance 1
    nll_fitted: float  # ... with the fitted variance σ̂² = MSE
    sweep_mse: np.ndarray  # (S,) MSE for slopes around the fitted one
    sweep_nll: np.ndarray  # (S,) Gaussian NLL (variance 1) for the same slopes
    # The categorical fitted by climbing the log-likelihood (the coin, the die, or the die for a Gaussian page)
    faces: int
    probs: np.ndarray  # (K,) fitted probabilities
    targets: np.ndarray  # (n,) observed classes
    cross_entropy: float  # F.cross_entropy(logits, targets)
    nll_categorical: float  # −(1/n) Σ log p̂(xᵢ), from torch.distributions.Categorical


def identities(cfg: MLEConfig, fitted: Ascent | None = None) -> Identities:
    """Both identities' numbers; ``fitted`` is the coin/die climb already run for ``cfg`` (else run here)."""
    rng = np.random.default_rng(cfg.seed + 1)
    x = torch.as_tensor(rng.uniform(-1, 1, cfg.n), dtype=torch.float64)
    y = INTERCEPT + SLOPE * x + cfg.sigma * torch.as_tensor(rng.standard_normal(cfg.n))
    design = torch.stack([x, torch.ones_like(x)], dim=1)
    w, b = torch.linalg.lstsq(design, y[:, None]).solution[:, 0].tolist()
    line = nn.Linear(1, 1, dtype=torch.float64)
    with torch.no_grad():
        line.weight.fill_(w)
        line.bias.fill_(b)
        y_hat = line(x[:, None])[:, 0]
        mse = nn.functional.mse_loss(y_hat, y).item()
        nll_unit = nn.functional.gaussian_nll_loss(y_hat, y, torch.ones_like(y), full=True).item()
        nll_fitted = nn.functional.gaussian_nll_loss(y_hat, y, torch.full_like(y, mse), full=True).item()
        slopes = w + torch.linspace(-2, 2, 41, dtype=torch.float64)
        preds = slopes[:, None] * x[None, :] + b
        sweep_mse = ((preds - y) ** 2).mean(dim=1)
        sweep_nll = torch.stack([nn.functional.gaussian_nll_loss(p, y, torch.ones_like(y), full=True) for p in preds])

    if cfg.dist == "gaussian" or fitted is None:
        fitted = ascend(replace(cfg, dist="die" if cfg.dist == "gaussian" else cfg.dist))
    end = fitted.path[-1]
    probs = torch.as_tensor(np.array([1 - end[0], end[0]]) if len(end) == 1 else end)
    targets = torch.as_tensor(fitted.x, dtype=torch.int64)
    logits = probs.log().expand(len(targets), -1)
    cross_entropy = nn.functional.cross_entropy(logits, targets).item()
    nll = -torch.distributions.Categorical(probs=probs).log_prob(targets).mean().item()
    return Identities(
        w=w, b=b, mse=mse, nll_unit=nll_unit, nll_fitted=nll_fitted,
        sweep_mse=sweep_mse.numpy(), sweep_nll=sweep_nll.numpy(),
        faces=len(probs), probs=probs.numpy(), targets=fitted.x, cross_entropy=cross_entropy, nll_categorical=nll,
    )  # fmt: skip


def gaussian_nll(mse: float, variance: float) -> float:
    """½ log(2πσ²) + MSE / (2σ²): the Gaussian negative log-likelihood per sample, written with the MSE."""
    return 0.5 * math.log(2 * math.pi * variance) + mse / (2 * variance)


def identity_rows(ident: Identities) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """The two identity tables as (row id, value): torch's losses beside the closed forms, and their differences."""
    unit, fitted = gaussian_nll(ident.mse, 1.0), gaussian_nll(ident.mse, ident.mse)
    mse = [("mse", ident.mse), ("nll_unit", ident.nll_unit), ("formula_unit", unit),
           ("diff", abs(ident.nll_unit - unit)), ("nll_fit", ident.nll_fitted), ("formula_fit", fitted),
           ("diff", abs(ident.nll_fitted - fitted))]  # fmt: skip
    ce = [("ce", ident.cross_entropy), ("nll_cat", ident.nll_categorical),
          ("diff", abs(ident.cross_entropy - ident.nll_categorical))]  # fmt: skip
    return mse, ce
