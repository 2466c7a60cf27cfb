"""/optimizers: torch.optim's SGD, momentum, Nesterov, RMSprop, Adagrad and Adam on one surface, and two by hand."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

import numpy as np
import torch

from core.common.params import choice, choices, number, seed_field, slider
from core.descent.engine import ByHand, Together, TorchRule, descend
from core.descent.surfaces import SURFACES, Grid, loss_floor, nearest_minimum, start_of, surface_grid, view_box

OPTIMIZERS = ("sgd", "momentum", "nesterov", "rmsprop", "adagrad", "adam")
# torch.optim's per-parameter state that each optimizer keeps, in the order it is recorded.
STATE_KEYS = {
    "sgd": (),
    "momentum": ("momentum_buffer",),
    "nesterov": ("momentum_buffer",),
    "rmsprop": ("square_avg",),
    "adagrad": ("sum",),
    "adam": ("exp_avg", "exp_avg_sq"),
}
SCRATCH = ("momentum", "adam")  # written out by hand beside torch.optim's own state
EPS = ("1e-10", "1e-08", "1e-06", "0.0001", "0.01", "0.1", "1.0")  # ?eps= as str(float) writes it
FINISH = 0.05  # a run has finished once it stays this close to a minimum


@dataclass(frozen=True)
class RaceConfig:
    """What /optimizers' controls hold; the defaults are the valley's preset (``surfaces.with_preset``)."""

    PAGE: ClassVar[str] = "opt"
    surface: str = choice("valley", tuple(SURFACES), labels="gd.surface")
    lr: float = number(0.1, 1e-4, 10.0, 1e-4, fmt="%.4f")
    steps: int = slider(60, 5, 500)
    noise: float = slider(0.0, 0.0, 2.0, 0.05)  # gradient-noise std per coordinate, in units of ‖∇L(θ₀)‖
    optims: tuple = choices(OPTIMIZERS, OPTIMIZERS, labels="opt.name")
    momentum: float = slider(0.9, 0.05, 0.99, 0.01)  # μ of momentum and Nesterov
    beta1: float = slider(0.9, 0.0, 0.99, 0.01)  # Adam's first-moment decay
    beta2: float = slider(0.999, 0.9, 0.9999, 0.0001, fmt="%.4f")  # Adam's second-moment decay
    alpha: float = slider(0.99, 0.5, 0.999, 0.001, fmt="%.3f")  # RMSprop's squared-gradient decay
    eps: str = choice("1e-08", EPS, labels=None, widget="select_slider")  # keeps the division finite
    seed: int = seed_field()

    @property
    def epsilon(self) -> float:
        return float(self.eps)

    @property
    def names(self) -> tuple[str, ...]:
        """The optimizers in the race, in the book's order whatever order they were picked in."""
        return tuple(n for n in OPTIMIZERS if n in self.optims)


@dataclass(frozen=True)
class OptRun:
    name: str
    path: np.ndarray  # (n+1, 2) θ_0 … θ_n; n < steps when the run was stopped
    losses: np.ndarray  # (n+1,) true L(θ_k), without noise
    gaps: np.ndarray  # (n+1,) L(θ_k) − L*, the loss above the lowest minimum
    dists: np.ndarray  # (n+1,) distance from θ_k to the nearest minimum
    grads: np.ndarray  # (n, 2) g_k = ∇L(θ_{k-1}) + noise_k, the gradient step k used
    state: np.ndarray  # (n+1, S, 2) optimizer state after step k (zeros at k = 0); by hand: the terms, Δθ last
    stop_step: int | None  # step at which divergence was detected, None if the run finished
    stop_reason: str | None  # "nonfinite" or "exploded"

    @property
    def terms(self) -> np.ndarray:
        """(n+1, T, 2) the terms of a run written by hand (engine.ByHand.TERMS) after step k."""
        return self.state[:, :-1]

    @property
    def updates(self) -> np.ndarray:
        """(n, 2) Δθ_k of a run written by hand."""
        return self.state[1:, -1]


def make_optimizer(name: str, params: list[torch.Tensor], cfg: RaceConfig) -> torch.optim.Optimizer:
    """The torch.optim optimizer called ``name`` over ``params`` with the config's hyperparameters."""
    single = {"foreach": False}  # one 2-vector per optimizer: the multi-tensor kernels only add overhead
    if name == "sgd":
        return torch.optim.SGD(params, lr=cfg.lr, **single)
    if name in ("momentum", "nesterov"):
        # At μ = 0 Nesterov is plain SGD, and torch refuses nesterov=True without momentum.
        nesterov = name == "nesterov" and cfg.momentum > 0
        return torch.optim.SGD(params, lr=cfg.lr, momentum=cfg.momentum, nesterov=nesterov, **single)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=cfg.lr, alpha=cfg.alpha, eps=cfg.epsilon, **single)
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=cfg.lr, eps=cfg.epsilon, **single)
    if name == "adam":
        return torch.optim.Adam(params, lr=cfg.lr, betas=(cfg.beta1, cfg.beta2), eps=cfg.epsilon, **single)
    raise ValueError(f"unknown optimizer {name!r}")


def noise_sigma(cfg: RaceConfig) -> float:
    """Gradient-noise std per coordinate: ``noise`` in units of the gradient's size at the start, ‖∇L(θ₀)‖."""
    theta = torch.tensor(start_of(cfg.surface, cfg.PAGE), dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(SURFACES[cfg.surface].fn(theta[0], theta[1]), theta)
    return cfg.noise * grad.norm().item()


def gradient_noise(cfg: RaceConfig) -> torch.Tensor:
    """(steps, 2) noise added to the gradient at each step, σ·N(0, I), drawn from a generator seeded with ``seed``."""
    seed = cfg.seed
    g = torch.Generator().manual_seed(seed)
    draws = torch.randn(cfg.steps, 2, generator=g, dtype=torch.float64)  # every optimizer sees the same draws
    return noise_sigma(cfg) * draws


def _runs(cfg: RaceConfig, names: tuple[str, ...], rule, steps: int, widths: list) -> list[OptRun]:
    """Run ``rule`` (one run per name) and cut each run at its stop; ``widths``: how much state each keeps."""
    surface = cfg.surface
    trace = descend(SURFACES[surface].fn, start_of(surface, cfg.PAGE), rule, steps, gradient_noise(cfg)[:steps])
    floor = loss_floor(surface)
    out = []
    for r, (name, n) in enumerate(zip(names, trace.count.tolist(), strict=True)):
        stop = int(trace.stop_step[r])
        out.append(OptRun(
            name=name,
            path=trace.paths[r, :n],
            losses=trace.losses[r, :n],
            gaps=np.maximum(trace.losses[r, :n] - floor, 0),  # listed minima are rounded to 6 digits
            dists=nearest_minimum(surface, trace.paths[r, :n]),
            grads=trace.used[r, : n - 1],
            state=trace.state[r, :n, : widths[r]],
            stop_step=None if stop < 0 else stop,
            stop_reason=trace.stop_reason[r],
        ))  # fmt: skip
    return out


def race(cfg: RaceConfig, names: tuple[str, ...], by_hand: tuple[str, ...] = ()) -> list[OptRun]:
    """Every optimizer in ``names`` for ``cfg.steps`` steps from the surface's start, the same noise for all;
    then, in the same descent, each of ``by_hand`` (momentum, Adam) with its update written by hand."""
    start = start_of(cfg.surface, cfg.PAGE)
    thetas = [torch.tensor(start, dtype=torch.float64, requires_grad=True) for _ in names]
    optims = [make_optimizer(name, [theta], cfg) for name, theta in zip(names, thetas, strict=True)]
    rule = TorchRule(thetas, optims, None, tuple(STATE_KEYS[name] for name in names))
    widths = [len(STATE_KEYS[name]) for name in names] + [len(ByHand.TERMS[name]) + 1 for name in by_hand]
    if by_hand:
        rule = Together(rule, *(ByHand(name, cfg) for name in by_hand))
    return _runs(cfg, names + by_hand, rule, cfg.steps, widths)


def from_scratch(cfg: RaceConfig, name: str, steps: int) -> OptRun:
    """Momentum or Adam with the hand-written update (engine.ByHand), on the same noisy gradients as the race."""
    return _runs(cfg, (name,), ByHand(name, cfg), steps, [None])[0]


def cut(run: OptRun, n: int) -> OptRun:
    """The first ``n`` points of ``run`` (all of them if it has fewer)."""
    if n >= len(run.path):
        return run
    stop = run.stop_step if run.stop_step is not None and run.stop_step < n else None
    return replace(run, path=run.path[:n], losses=run.losses[:n], gaps=run.gaps[:n], dists=run.dists[:n],
                   grads=run.grads[: n - 1], state=run.state[:n], stop_step=stop,
                   stop_reason=run.stop_reason if stop is not None else None)  # fmt: skip


def comma_list(raw: list[str]) -> list[str] | None:
    """The optimizers a ``?optims=sgd,adam`` link names (unknown IDs dropped, all of them if none is known);
    None when no value has a comma (Streamlit's own ``?optims=sgd&optims=adam`` is read by the widget)."""
    if not any("," in v for v in raw):
        return None
    picked = [n for v in raw for n in v.split(",") if n in OPTIMIZERS]
    return list(dict.fromkeys(picked)) or list(OPTIMIZERS)


def finish_step(run: OptRun, tol: float) -> int | None:
    """First step from which the run stays within ``tol`` of a minimum to the end, None if it never settles."""
    outside = np.flatnonzero(run.dists >= tol)
    if run.stop_step is not None or (len(outside) and outside[-1] == len(run.dists) - 1):
        return None
    return int(outside[-1]) + 1 if len(outside) else 0


def first_to_finish(runs: list[OptRun], tol: float) -> tuple[int, str] | None:
    """(finish step, name) of the run that settled within ``tol`` of a minimum first, None if none settled."""
    finished = [(step, run.name) for run in runs if (step := finish_step(run, tol)) is not None]
    return min(finished) if finished else None


@dataclass(frozen=True)
class RaceScene:
    """Everything /optimizers shows for one config."""

    runs: list[OptRun]  # the picked optimizers, in the book's order
    by_name: dict[str, OptRun]  # those and the ones written by hand, by name
    scratch: dict[str, OptRun]  # SCRATCH written by hand, as long as torch.optim's run of the same name
    winner: tuple[int, str] | None  # (finish step, name) of the first run to settle within FINISH of a minimum
    sigma: float  # the gradient noise's std
    grid: Grid
    box: tuple[float, float, float, float]


def race_scene(cfg: RaceConfig) -> RaceScene:
    names = cfg.names
    everyone = names + tuple(n for n in SCRATCH if n not in names)
    runs = race(cfg, everyone, SCRATCH)  # the hand-written runs ride along: one gradient pass per step for all
    by_name = {r.name: r for r in runs[: len(everyone)]}
    # Each hand-written run is shown as long as torch.optim's run of the same name.
    scratch = {r.name: cut(r, len(by_name[r.name].path)) for r in runs[len(everyone) :]}
    box = view_box(cfg.surface, *start_of(cfg.surface, cfg.PAGE))
    picked = [by_name[n] for n in names]
    return RaceScene(picked, by_name, scratch, first_to_finish(picked, FINISH), noise_sigma(cfg),
                     surface_grid(cfg.surface, box), box)  # fmt: skip
