"""Samples, closed-form maximum likelihood estimates, log-likelihoods, and the climb to the maximum with torch."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
from torch.distributions import Bernoulli, Categorical, Normal

from core.common.plotdata import frame_steps
from core.mle.config import DICE, MLEConfig

MAX_FRAMES = 60
SETTLE = 0.3  # the last 30 % of the steps shrink the learning rate linearly to 0, so Adam lands on the top


def sample(cfg: MLEConfig) -> np.ndarray:
    """cfg.n draws: 0/1 (tails/heads), faces 0..5, or real numbers."""
    rng = np.random.default_rng(cfg.seed)
    if cfg.dist == "coin":
        return (rng.random(cfg.n) < cfg.p).astype(np.int64)
    if cfg.dist == "die":
        return rng.choice(6, size=cfg.n, p=np.array(DICE[cfg.die]))
    return rng.normal(cfg.mu, cfg.sigma, size=cfg.n)


def closed_form(dist: str, x: np.ndarray) -> np.ndarray:
    """The MLE in closed form: (P(heads),) = the frequency; the 6 face frequencies; (mean, biased std)."""
    if dist == "coin":
        return np.array([x.mean()])
    if dist == "die":
        return np.bincount(x, minlength=6) / len(x)
    return np.array([x.mean(), x.std()])  # ddof=0: the maximum of the likelihood, not the unbiased estimate


def distribution(dist: str, params: torch.Tensor):
    """The torch distribution with these parameters: (p,), (p₁..p₆) or (μ, σ)."""
    if dist == "coin":
        return Bernoulli(probs=params[0], validate_args=False)
    if dist == "die":
        return Categorical(probs=params, validate_args=False)
    return Normal(params[0], params[1], validate_args=False)


def log_likelihood(dist: str, params, x: np.ndarray) -> float:
    """log L(params) = Σᵢ log p(xᵢ | params), with torch.distributions."""
    values = torch.as_tensor(x, dtype=torch.float64 if dist == "gaussian" else torch.int64)
    d = distribution(dist, torch.as_tensor(np.asarray(params, dtype=np.float64)))
    return float(d.log_prob(values.double() if dist == "coin" else values).sum())


def _unconstrained(dist: str, raw: torch.Tensor) -> torch.Tensor:
    """Parameters from free numbers: logits -> probabilities (softmax), (μ, log σ) -> (μ, σ)."""
    if dist == "gaussian":
        return torch.stack([raw[0], raw[1].exp()])
    probs = torch.softmax(raw, dim=0)
    return probs[1:] if dist == "coin" else probs


@dataclass(frozen=True)
class Ascent:
    x: np.ndarray  # (n,) the samples
    mle: np.ndarray  # (P,) the closed form
    max_ll: float  # log L at the closed form
    path: np.ndarray  # (steps+1, P) parameters after each step (row 0: the start)
    ll: np.ndarray  # (steps+1,) log L along the path
    frames: np.ndarray  # (K,) steps shown as animation frames
    stop_step: int | None  # first step whose log-likelihood was not finite, else None
    gap: float  # largest |parameter − closed form| at the end


def mean_log_likelihood(dist: str, params: torch.Tensor, stats: torch.Tensor) -> torch.Tensor:
    """(1/n) log L from sufficient statistics: face frequencies, or (x̄, biased variance) for the Gaussian.

    Equal to ``distribution(dist, params).log_prob(x).mean()`` (tested), without a pass over the samples
    on every step of the climb.
    """
    if dist == "gaussian":
        mu, sigma = params
        return -sigma.log() - 0.5 * math.log(2 * math.pi) - (stats[1] + (stats[0] - mu) ** 2) / (2 * sigma**2)
    probs = torch.cat([1 - params, params]) if dist == "coin" else params
    return (stats * probs.log()).nansum()  # a face never seen adds 0 · log p = 0


def ascend(cfg: MLEConfig) -> Ascent:
    """Climb the mean log-likelihood with Adam (maximize=True) from a fair coin/die or N(0, 1)."""
    x = sample(cfg)
    mle = closed_form(cfg.dist, x)
    if cfg.dist == "gaussian":
        stats = torch.tensor([x.mean(), x.var()], dtype=torch.float64)
        raw = torch.zeros(2, dtype=torch.float64, requires_grad=True)  # μ = 0, log σ = 0
    else:
        stats = torch.as_tensor(np.bincount(x, minlength=cfg.faces) / len(x))
        raw = torch.zeros(cfg.faces, dtype=torch.float64, requires_grad=True)  # logits of a fair coin/die
    opt = torch.optim.Adam([raw], lr=cfg.lr, maximize=True, fused=True)  # one kernel per step: tiny tensors
    settle = max(1, round(cfg.steps * SETTLE))  # the steps over which the learning rate falls to 0
    path = torch.empty(cfg.steps + 1, len(raw) if cfg.dist != "coin" else 1, dtype=torch.float64)
    ll = torch.empty(cfg.steps + 1, dtype=torch.float64)
    stop_step = None
    for step in range(cfg.steps + 1):
        params = _unconstrained(cfg.dist, raw)
        mean_ll = mean_log_likelihood(cfg.dist, params, stats)
        path[step], ll[step] = params.detach(), mean_ll.detach()
        if not torch.isfinite(mean_ll):
            stop_step = step
            break
        if step < cfg.steps:
            opt.param_groups[0]["lr"] = cfg.lr * min(1.0, (cfg.steps - step) / settle)
            opt.zero_grad()
            mean_ll.backward()
            opt.step()
    last = cfg.steps if stop_step is None else stop_step - 1
    path_arr, ll_arr = path[: last + 1].numpy(), ll[: last + 1].numpy() * len(x)
    return Ascent(
        x=x,
        mle=mle,
        max_ll=log_likelihood(cfg.dist, mle, x),
        path=path_arr,
        ll=ll_arr,
        frames=frame_steps(len(path_arr) - 1, MAX_FRAMES),
        stop_step=stop_step,
        gap=float(np.abs(path_arr[-1] - mle).max()),
    )


GAP_OK = 1e-4  # the climb counts as arrived within this distance of the closed form


def outcome(dist: str, run: Ascent) -> str:
    """What the page says of a climb: ``diverged``, ``boundary`` (the maximum sits on the edge of the
    parameter space, e.g. a face never rolled, and the climb could not reach it), ``not_reached`` or ``reached``."""
    if run.stop_step is not None:
        return "diverged"
    if run.gap <= GAP_OK:
        return "reached"
    on_edge = dist != "gaussian" and (np.min(run.mle) == 0 or (dist == "coin" and run.mle[0] in (0, 1)))
    return "boundary" if on_edge else "not_reached"
