"""Momentum and Adam written out by hand, to set beside torch.optim's own internal state."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.optimizers import Hyper, gradient_noise
from core.surfaces import SURFACES

SCRATCH = ("momentum", "adam")
TERMS = {"momentum": ("v",), "adam": ("m", "v", "m_hat", "v_hat")}


@dataclass(frozen=True)
class ScratchRun:
    name: str  # "momentum" or "adam"
    path: np.ndarray  # (n+1, 2) θ_0 … θ_n from the hand-written update
    grads: np.ndarray  # (n, 2) g_k = ∇L(θ_{k-1}) + noise_k
    terms: np.ndarray  # (n+1, T, 2) TERMS[name] after step k; zeros at k = 0
    updates: np.ndarray  # (n, 2) Δθ_k = θ_k − θ_{k-1}


def momentum_step(v: np.ndarray, g: np.ndarray, mu: float, lr: float) -> tuple[np.ndarray, np.ndarray]:
    """Heavy-ball momentum: v ← μ·v + g, Δθ = −η·v. Returns (v, Δθ)."""
    v = mu * v + g
    return v, -lr * v


def adam_step(
    m: np.ndarray, v: np.ndarray, g: np.ndarray, k: int, h: Hyper
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Adam step k ≥ 1: moments, their bias corrections and Δθ = −η·m̂/(√v̂ + ε). Returns (m, v, m̂, v̂, Δθ)."""
    m = h.beta1 * m + (1 - h.beta1) * g
    v = h.beta2 * v + (1 - h.beta2) * g * g
    m_hat = m / (1 - h.beta1**k)  # early averages are pulled toward their zero start: undo that
    v_hat = v / (1 - h.beta2**k)
    return m, v, m_hat, v_hat, -h.lr * m_hat / (v_hat**0.5 + h.eps)


def from_scratch(surface: str, name: str, x0: float, y0: float, steps: int, h: Hyper, seed: int) -> ScratchRun:
    """Run momentum or Adam with the hand-written update above, on the same noisy gradients as the race."""
    fn = SURFACES[surface].fn
    noise = gradient_noise(surface, x0, y0, steps, h.noise, seed).numpy()
    theta = np.array([x0, y0])
    memory = [np.zeros(2)] * len(TERMS[name])
    path, grads, terms, updates = [theta], [], [np.array(memory)], []
    for k in range(1, steps + 1):
        point = torch.tensor(theta, requires_grad=True)
        (g,) = torch.autograd.grad(fn(point[0], point[1]), point)  # the gradient comes from autograd
        g = g.numpy() + noise[k - 1]  # the update itself is plain arithmetic on 2-vectors
        if name == "momentum":
            v, delta = momentum_step(memory[0], g, h.momentum, h.lr)
            memory = [v]
        else:
            *memory, delta = adam_step(memory[0], memory[1], g, k, h)
        theta = theta + delta
        path.append(theta)
        grads.append(g)
        terms.append(np.array(memory))
        updates.append(delta)
    return ScratchRun(
        name=name,
        path=np.array(path),
        grads=np.array(grads).reshape(-1, 2),
        terms=np.array(terms),
        updates=np.array(updates).reshape(-1, 2),
    )
