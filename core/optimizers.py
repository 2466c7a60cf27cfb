"""The optimizer race: torch.optim's SGD, momentum, Nesterov, RMSprop, Adagrad and Adam on one 2-D surface."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch

from core.surfaces import SURFACES

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
EXPLODE_FACTOR = 1e6  # |L| above this multiple of max(1, |L_0|) counts as diverged


@dataclass(frozen=True)
class Hyper:
    lr: float
    momentum: float = 0.9  # μ of momentum and Nesterov
    beta1: float = 0.9  # Adam's first-moment decay
    beta2: float = 0.999  # Adam's second-moment decay
    alpha: float = 0.99  # RMSprop's squared-gradient decay
    eps: float = 1e-8  # RMSprop, Adagrad, Adam: keeps the division finite
    noise: float = 0.0  # gradient-noise std per coordinate, in units of ‖∇L(θ₀)‖


@dataclass(frozen=True)
class OptRun:
    name: str
    path: np.ndarray  # (n+1, 2) θ_0 … θ_n; n < steps when the run was stopped
    losses: np.ndarray  # (n+1,) true L(θ_k), without noise
    gaps: np.ndarray  # (n+1,) L(θ_k) − L*, the loss above the lowest minimum
    dists: np.ndarray  # (n+1,) distance from θ_k to the nearest minimum
    grads: np.ndarray  # (n, 2) g_k = ∇L(θ_{k-1}) + noise_k, the gradient step k used
    state: np.ndarray  # (n+1, S, 2) torch.optim state after step k (zeros at k = 0), S = len(STATE_KEYS[name])
    stop_step: int | None  # step at which divergence was detected, None if the run finished
    stop_reason: str | None  # "nonfinite" or "exploded"


def make_optimizer(name: str, params: list[torch.Tensor], h: Hyper) -> torch.optim.Optimizer:
    """The torch.optim optimizer called ``name`` over ``params`` with hyperparameters ``h``."""
    single = {"foreach": False}  # one 2-vector per optimizer: the multi-tensor kernels only add overhead
    if name == "sgd":
        return torch.optim.SGD(params, lr=h.lr, **single)
    if name in ("momentum", "nesterov"):
        # At μ = 0 Nesterov is plain SGD, and torch refuses nesterov=True without momentum.
        nesterov = name == "nesterov" and h.momentum > 0
        return torch.optim.SGD(params, lr=h.lr, momentum=h.momentum, nesterov=nesterov, **single)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=h.lr, alpha=h.alpha, eps=h.eps, **single)
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=h.lr, eps=h.eps, **single)
    if name == "adam":
        return torch.optim.Adam(params, lr=h.lr, betas=(h.beta1, h.beta2), eps=h.eps, **single)
    raise ValueError(f"unknown optimizer {name!r}")


def noise_sigma(surface: str, x0: float, y0: float, noise: float) -> float:
    """Gradient-noise std per coordinate: ``noise`` in units of the gradient's size at the start, ‖∇L(θ₀)‖."""
    theta = torch.tensor([x0, y0], dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(SURFACES[surface].fn(theta[0], theta[1]), theta)
    return noise * grad.norm().item()


def gradient_noise(surface: str, x0: float, y0: float, steps: int, noise: float, seed: int) -> torch.Tensor:
    """(steps, 2) noise added to the gradient at each step, σ·N(0, I), drawn from a generator seeded with ``seed``."""
    g = torch.Generator().manual_seed(seed)
    draws = torch.randn(steps, 2, generator=g, dtype=torch.float64)  # every optimizer sees the same draws
    return noise_sigma(surface, x0, y0, noise) * draws


def race(
    surface: str, names: tuple[str, ...], x0: float, y0: float, steps: int, h: Hyper, seed: int
) -> tuple[OptRun, ...]:
    """Run every optimizer in ``names`` for ``steps`` ≥ 1 steps from (x0, y0) on ``surface``, same noise for all."""
    fn = SURFACES[surface].fn
    minima = torch.tensor(SURFACES[surface].minima, dtype=torch.float64)  # (M, 2)
    with torch.no_grad():
        optimum = fn(minima[:, 0], minima[:, 1]).min().item()  # L*
    noise = gradient_noise(surface, x0, y0, steps, h.noise, seed)  # (steps, 2)
    thetas = [torch.tensor([x0, y0], dtype=torch.float64, requires_grad=True) for _ in names]
    optims = [make_optimizer(name, [theta], h) for name, theta in zip(names, thetas, strict=True)]
    rec = [{"path": [], "losses": [], "grads": [], "state": []} for _ in names]
    stops: list[tuple[int | None, str | None]] = [(None, None)] * len(names)
    live = list(range(len(names)))  # runs still going
    zero = {name: np.zeros((len(STATE_KEYS[name]), 2)) for name in names}  # the state before the first step()
    limit = math.inf
    for k in range(steps + 1):
        # All live runs go through one batched forward and backward: the runs do not interact, and
        # a handful of tensor calls per step (not a handful per run) is what keeps the race fast.
        with torch.no_grad():
            theta_k = torch.stack([thetas[i] for i in live])  # (L, 2)
        theta_k.requires_grad_()
        loss = fn(theta_k[:, 0], theta_k[:, 1])  # (L,)
        (grad_k,) = torch.autograd.grad(loss.sum(), theta_k)  # (L, 2) true ∇L(θ_k), row j for run live[j]
        theta_k, loss = theta_k.detach(), loss.detach()
        finite = (torch.isfinite(grad_k).all(dim=1) & torch.isfinite(loss)).tolist()
        noisy = grad_k + noise[min(k, steps - 1)]  # (L, 2) what the optimizers see
        values = loss.tolist()
        theta_np, noisy_np = theta_k.numpy(), noisy.numpy()  # fresh tensors each step: their rows can be kept
        if k == 0:
            limit = EXPLODE_FACTOR * max(1.0, abs(values[0]))
        for j, i in enumerate(list(live)):
            value = values[j]
            if not finite[j]:
                stops[i] = (k, "nonfinite")
            else:
                rec[i]["path"].append(theta_np[j])
                rec[i]["losses"].append(value)
                state = optims[i].state[thetas[i]]
                keys = STATE_KEYS[names[i]]
                # Copied now: torch.optim updates its state tensors in place at the next step().
                rec[i]["state"].append([state[key].numpy().copy() for key in keys] if state else zero[names[i]])
                if abs(value) > limit:
                    stops[i] = (k, "exploded")
            if stops[i][0] is not None:
                live.remove(i)
            elif k < steps:
                thetas[i].grad = noisy[j]
                rec[i]["grads"].append(noisy_np[j])
                optims[i].step()
        if not live:
            break
    runs = []
    for i, name in enumerate(names):
        r = rec[i]
        path = np.array(r["path"])  # (n+1, 2)
        runs.append(
            OptRun(
                name=name,
                path=path,
                losses=np.array(r["losses"]),
                gaps=np.maximum(np.array(r["losses"]) - optimum, 0),  # listed minima are rounded to 6 digits
                dists=np.linalg.norm(path[:, None, :] - minima.numpy()[None], axis=2).min(axis=1),
                grads=np.array(r["grads"][: len(path) - 1]).reshape(-1, 2),
                state=np.array(r["state"]).reshape(len(path), len(STATE_KEYS[name]), 2),
                stop_step=stops[i][0],
                stop_reason=stops[i][1],
            )
        )
    return tuple(runs)


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
