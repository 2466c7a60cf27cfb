"""The one descent loop: R runs from one start, one stop rule, driven by torch.optim or by a rule written by hand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import torch

EXPLODE_FACTOR = 1e6  # |L| above this multiple of max(1, |L_0|) counts as diverged


@dataclass(frozen=True)
class Trace:
    paths: np.ndarray  # (R, n+1, 2) θ_k; after a stop the last recorded point repeats
    losses: np.ndarray  # (R, n+1) L(θ_k), held likewise
    grads: np.ndarray  # (R, n+1, 2) ∇L(θ_k), held likewise
    used: np.ndarray  # (R, n, 2) g_k = ∇L(θ_{k-1}) + noise_k, the gradient update k was given
    state: np.ndarray  # (R, n+1, S, 2) the rule's state after update k (zeros at k = 0)
    rates: np.ndarray  # (R, n) η of update k
    stop_step: np.ndarray  # (R,) step at which a run was stopped as diverged, −1 if it finished
    stop_reason: tuple[str | None, ...]  # (R,) "nonfinite" (never recorded), "exploded" (recorded) or None

    @property
    def count(self) -> np.ndarray:
        """(R,) how many points each run recorded before it stopped."""
        n = self.paths.shape[1]
        return np.array(
            [n if s < 0 else s + (why == "exploded") for s, why in zip(self.stop_step, self.stop_reason, strict=True)]
        )


def descend(fn: Callable, start: tuple[float, float], rule, steps: int, noise: torch.Tensor | None = None) -> Trace:
    """Run ``rule.runs`` descents of ``steps`` updates from ``start`` on the loss ``fn``, all in one batched pass.

    A run stops where θ, L or ∇L is not finite (that point is not recorded), or where |L| passes
    EXPLODE_FACTOR · max(1, |L_0|) (that point is recorded); a stopped run then stays where it stopped.
    ``noise`` (steps, 2) is added to the gradient every run is given at each update.
    """
    runs = rule.runs
    theta = torch.tensor(start, dtype=torch.float64).repeat(runs, 1)  # (R, 2)
    stop = np.full(runs, -1)
    reasons: list[str | None] = [None] * runs
    paths, losses, grads, used, rates, states = [], [], [], [], [], [rule.state()]
    for k in range(steps + 1):
        theta.requires_grad_(True)
        loss = fn(theta[:, 0], theta[:, 1])  # (R,)
        (grad,) = torch.autograd.grad(loss.sum(), theta)  # (R, 2): each run only feeds its own loss
        theta, loss = theta.detach(), loss.detach()
        # The bookkeeping is numpy on views of these fresh tensors: a handful of tiny arrays per step.
        point, value, slope = theta.numpy(), loss.numpy(), grad.numpy()
        if k == 0:
            limit = EXPLODE_FACTOR * np.maximum(np.abs(value), 1.0)  # (R,)
        finite = np.isfinite(value) & np.isfinite(slope).all(1) & np.isfinite(point).all(1)
        stopping = (stop < 0) & (~finite | (np.abs(value) > limit))
        hold = stop >= 0  # runs that had stopped before this step
        if stopping.any():
            for r in np.flatnonzero(stopping):
                stop[r], reasons[r] = k, "nonfinite" if not finite[r] else "exploded"
        if k > 0 and (hold.any() or not finite.all()):  # inf/NaN are never recorded; a stopped run keeps its place
            hold |= ~finite
            point = np.where(hold[:, None], paths[-1], point)
            value = np.where(hold, losses[-1], value)
            slope = np.where(hold[:, None], grads[-1], slope)
        paths.append(point)
        losses.append(value)
        grads.append(slope)
        if k < steps:
            g = grad + noise[k] if noise is not None else grad
            rates.append(rule.rates(k))
            theta = rule.step(theta, g, stop < 0, k)
            used.append(g.numpy())
            states.append(rule.state())
    return Trace(
        paths=np.stack(paths, axis=1),
        losses=np.stack(losses, axis=1),
        grads=np.stack(grads, axis=1),
        used=np.stack(used, axis=1) if used else np.zeros((runs, 0, 2)),
        state=np.stack(states, axis=1),
        rates=np.array(rates, dtype=np.float64).T.reshape(runs, steps),
        stop_step=stop,
        stop_reason=tuple(reasons),
    )


class TorchRule:
    """torch.optim does the updates: ``params[r]`` is run r's θ, stepped by the optimizers over it.

    A stopped run's gradient is set to None, which every torch.optim optimizer skips.
    """

    def __init__(self, params: list[torch.Tensor], optimizers: list, scheduler=None, state_keys=()):
        self.params, self.optimizers, self.scheduler = params, optimizers, scheduler
        self.state_keys = state_keys  # (R,) tuple of the optimizer-state names recorded per run
        self.runs = len(params)
        self.width = max((len(keys) for keys in state_keys), default=0)
        self.groups = [(opt, group) for opt in optimizers for group in opt.param_groups]
        self.none = np.zeros((self.runs, 0, 2))  # the state of optimizers that keep none (plain SGD)
        # (state dict, θ) of each optimizer over run r's θ: where torch.optim keeps that run's state.
        self.held = [[(opt.state, p) for opt in optimizers if any(p is q for g in opt.param_groups for q in g["params"])]
                     for p in params]  # fmt: skip

    def state(self) -> np.ndarray:
        """(R, S, 2) the optimizers' per-parameter state tensors named in ``state_keys`` (zeros before any)."""
        if not self.width:
            return self.none
        out = np.zeros((self.runs, self.width, 2))
        for r, keys in enumerate(self.state_keys):
            for states, param in self.held[r] if keys else ():
                state = states.get(param)
                for s, key in enumerate(keys if state else ()):
                    out[r, s] = state[key].numpy()  # copied: torch.optim updates its state in place
        return out

    def rates(self, k: int) -> list[float]:
        return [group["lr"] for _, group in self.groups]

    def step(self, theta: torch.Tensor, g: torch.Tensor, moving: torch.Tensor, k: int) -> torch.Tensor:
        for p, grad, go in zip(self.params, g, moving, strict=True):
            p.grad = grad if go else None
        for optimizer in self.optimizers:
            optimizer.step()  # θ ← θ − η · (what this optimizer makes of θ.grad)
        if self.scheduler is not None:
            self.scheduler.step()  # η_{k+1} from the schedule
        return torch.stack([p.detach() for p in self.params])


class ScheduledSGD:
    """Plain SGD written out, θ_r ← θ_r − η_r · f_k · g, for many rates at once (checked against torch.optim.SGD)."""

    def __init__(self, lrs: torch.Tensor, factors: torch.Tensor):
        self.lrs, self.factors, self.runs = lrs, factors, len(lrs)  # (R,) base rates, (n,) f_k from the scheduler

    def state(self) -> np.ndarray:
        return np.zeros((self.runs, 0, 2))

    def rates(self, k: int) -> list[float]:
        return (self.lrs * self.factors[k]).tolist()

    def step(self, theta: torch.Tensor, g: torch.Tensor, moving: torch.Tensor, k: int) -> torch.Tensor:
        return torch.where(torch.from_numpy(moving)[:, None], theta - (self.lrs * self.factors[k])[:, None] * g, theta)


def momentum_step(v: np.ndarray, g: np.ndarray, mu: float, lr: float) -> tuple[np.ndarray, np.ndarray]:
    """Heavy-ball momentum: v ← μ·v + g, Δθ = −η·v. Returns (v, Δθ)."""
    v = mu * v + g
    return v, -lr * v


def adam_step(
    m: np.ndarray, v: np.ndarray, g: np.ndarray, k: int, h
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Adam step k ≥ 1: moments, their bias corrections and Δθ = −η·m̂/(√v̂ + ε). Returns (m, v, m̂, v̂, Δθ)."""
    m = h.beta1 * m + (1 - h.beta1) * g
    v = h.beta2 * v + (1 - h.beta2) * g * g
    m_hat = m / (1 - h.beta1**k)  # early averages are pulled toward their zero start: undo that
    v_hat = v / (1 - h.beta2**k)
    return m, v, m_hat, v_hat, -h.lr * m_hat / (v_hat**0.5 + h.epsilon)


class ByHand:
    """Momentum or Adam written out by hand (one run, plain arithmetic on 2-vectors); its state is every term, Δθ last."""

    TERMS: ClassVar[dict[str, tuple[str, ...]]] = {"momentum": ("v",), "adam": ("m", "v", "m_hat", "v_hat")}

    def __init__(self, name: str, h):
        self.name, self.h, self.runs = name, h, 1
        self.terms = np.zeros((len(self.TERMS[name]) + 1, 2))  # (T+1, 2) the terms and Δθ

    def state(self) -> np.ndarray:
        return self.terms[None]

    def rates(self, k: int) -> list[float]:
        return [self.h.lr]

    def step(self, theta: torch.Tensor, g: torch.Tensor, moving: np.ndarray, k: int) -> torch.Tensor:
        if not moving[0]:
            return theta
        g = g[0].numpy()  # the gradient came from autograd; the update itself is arithmetic on 2-vectors
        if self.name == "momentum":
            *terms, delta = momentum_step(self.terms[0], g, self.h.momentum, self.h.lr)
        else:
            *terms, delta = adam_step(self.terms[0], self.terms[1], g, k + 1, self.h)
        self.terms = np.array([*terms, delta])
        return torch.from_numpy(theta[0].numpy() + delta)[None]


class Together:
    """Several rules in one descent: their runs side by side (rule i owns a block of rows), each block
    stepped by its own rule, so one autograd pass per step serves them all. The state is padded with
    zeros to the widest rule's."""

    def __init__(self, *rules):
        self.rules = rules
        self.runs = sum(rule.runs for rule in rules)
        ends = np.cumsum([rule.runs for rule in rules])
        self.blocks = list(zip(ends - [rule.runs for rule in rules], ends, strict=True))

    def state(self) -> np.ndarray:
        parts = [rule.state() for rule in self.rules]
        out = np.zeros((self.runs, max(part.shape[1] for part in parts), 2))
        for (a, b), part in zip(self.blocks, parts, strict=True):
            out[a:b, : part.shape[1]] = part
        return out

    def rates(self, k: int) -> list[float]:
        return [rate for rule in self.rules for rate in rule.rates(k)]

    def step(self, theta: torch.Tensor, g: torch.Tensor, moving: np.ndarray, k: int) -> torch.Tensor:
        return torch.cat(
            [
                rule.step(theta[a:b], g[a:b], moving[a:b], k)
                for rule, (a, b) in zip(self.rules, self.blocks, strict=True)
            ]
        )
