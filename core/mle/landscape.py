"""The log-likelihood over the parameters: a curve (coin), a slice through the MLE (die), a map over (μ, σ)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.mle.config import DICE, MLEConfig
from core.mle.fit import Ascent

GRID = 201  # points along a probability axis
MAP = 81  # μ × σ grid points per side
FACE = 5  # the die's slice moves P(face 6) and keeps the other faces' fitted ratios
DENSITY = 161  # points where Gaussian densities are drawn


@dataclass(frozen=True)
class Landscape:
    xs: np.ndarray  # (G,) p of heads, P(face 6), or μ
    ys: np.ndarray | None  # (M,) σ, Gaussian only
    ll: np.ndarray  # (G,) or (M, G) log L
    rel: np.ndarray  # same shape: L / L(MLE) = exp(log L − max log L), in [0, 1]
    density_x: np.ndarray | None  # (DENSITY,) Gaussian only: where densities are drawn
    density: np.ndarray | None  # (K, DENSITY) the density at each frame's parameters
    true_density: np.ndarray | None  # (DENSITY,) with the true μ, σ
    truth: np.ndarray  # the true parameters: (p,), the 6 face probabilities, or (μ, σ)


def die_slice(mle: np.ndarray, t: np.ndarray) -> np.ndarray:
    """(len(t), 6) probabilities with P(face 6) = t and the other faces in their fitted proportions."""
    rest = np.delete(mle, FACE)
    share = rest / rest.sum() if rest.sum() > 0 else np.full(5, 0.2)
    probs = np.insert(share[None, :] * (1 - t)[:, None], FACE, t, axis=1)
    return probs


def _categorical_ll(counts: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """Σ counts·log p per row, with 0·log 0 = 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(counts > 0, counts * np.log(probs), 0.0)
    return terms.sum(axis=-1)


def gaussian_ll(x: np.ndarray, mu: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    """Σᵢ log N(xᵢ | μ, σ) from the sufficient statistics n, x̄ and the biased variance (any broadcast shape)."""
    n, mean, var = len(x), x.mean(), x.var()
    return -n * np.log(sigma) - n / 2 * math.log(2 * math.pi) - n * (var + (mean - mu) ** 2) / (2 * sigma**2)


def landscape(cfg: MLEConfig, run: Ascent) -> Landscape:
    """log L and the relative likelihood over a grid, plus the fitted Gaussian density at every frame."""
    x, mle = run.x, run.mle
    truth = {"coin": np.array([cfg.p]), "die": np.array(DICE[cfg.die])}.get(cfg.dist, np.array([cfg.mu, cfg.sigma]))
    if cfg.dist != "gaussian":
        t = np.linspace(0, 1, GRID)[1:-1]
        counts = np.bincount(x, minlength=cfg.faces).astype(np.float64)
        probs = np.column_stack([1 - t, t]) if cfg.dist == "coin" else die_slice(mle, t)
        ll = _categorical_ll(counts, probs)
        return Landscape(t, None, ll, np.exp(ll - run.max_ll), None, None, None, truth)
    mean, sd = mle
    # The view holds the top, the start (0, 1) and the whole climb, and not much more.
    lo, hi = min(mean - 2 * sd, run.path[:, 0].min()), max(mean + 2 * sd, run.path[:, 0].max())
    pad = 0.08 * (hi - lo)
    mus = np.linspace(lo - pad, hi + pad, MAP)
    low = min(sd / 3, run.path[:, 1].min() * 0.9)
    top = max(2.2 * sd, run.path[:, 1].max() * 1.08)
    sigmas = np.linspace(max(low, 0.02), top, MAP)
    ll = gaussian_ll(x, mus[None, :], sigmas[:, None])
    spread = max(4 * sd, 4 * cfg.sigma)
    dx = np.linspace(min(mean, cfg.mu) - spread, max(mean, cfg.mu) + spread, DENSITY)

    def pdf(mu, sigma):
        return np.exp(-((dx - mu) ** 2) / (2 * sigma**2)) / (sigma * math.sqrt(2 * math.pi))

    frames = run.path[run.frames]
    return Landscape(
        mus, sigmas, ll, np.exp(ll - run.max_ll), dx,
        np.array([pdf(m, s) for m, s in frames]), pdf(cfg.mu, cfg.sigma), truth,
    )  # fmt: skip
