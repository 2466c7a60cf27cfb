"""Deep MLPs with sigmoid, tanh and ReLU: per-layer gradient norms at initialisation, weight movement, dead units."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import torch

from core.activations.functions import ACTIVATIONS, ReluConfig, init_linear, target_data
from core.common.plotdata import frame_steps

DEPTH_ACTIVATIONS = ("sigmoid", "tanh", "relu")
WIDTH = 32  # units per hidden layer
SGD_LR = 0.01  # plain SGD: its step is proportional to the gradient, so small gradients mean small moves
STEPS = 30  # the "first k steps" whose weight movement is shown


@dataclass(frozen=True)
class DepthStudy:
    activations: tuple[str, ...]
    grad_norms: np.ndarray  # (A, L) ‖∂L/∂W_l‖ at initialisation, l = 1 … L (L = depth + 1 linear layers)
    frames: np.ndarray  # (F,) SGD step of each animation frame
    movement: np.ndarray  # (A, F, L) ‖W_l(k) − W_l(0)‖ / ‖W_l(0)‖ after k steps (NaN after a blow-up)
    losses: np.ndarray  # (A, STEPS+1) training loss per step (NaN after a blow-up)
    dead_init: np.ndarray  # (L−1,) ReLU net: fraction of each hidden layer's units that fire on no input, at init
    dead_after: np.ndarray  # (L−1,) ReLU net: the same after the k steps
    stop_step: np.ndarray  # (A,) step at which the loss became NaN/inf, −1 if none

    @property
    def first_to_last(self) -> np.ndarray:
        """(A,) ‖∂L/∂W_1‖ / ‖∂L/∂W_L‖ at initialisation: below 1, the first layer learns slower than the last."""
        return self.grad_norms[:, 0] / self.grad_norms[:, -1]


def deep_mlp(activation: str, depth: int, init: str, seed: int, width: int = WIDTH) -> torch.nn.Sequential:
    """1 → width → … → width → 1 with ``depth`` hidden layers, seeded so every activation gets the same weights."""
    g = torch.Generator().manual_seed(seed)
    sizes = [1] + [width] * depth + [1]
    layers: list[torch.nn.Module] = []
    for i, (fan_in, fan_out) in enumerate(itertools.pairwise(sizes)):
        linear = torch.nn.Linear(fan_in, fan_out, dtype=torch.float64)
        init_linear(linear, g, init)
        layers.append(linear)
        if i < depth:
            layers.append(ACTIVATIONS[activation])
    return torch.nn.Sequential(*layers)


def layer_grad_norms(model: torch.nn.Sequential, x: torch.Tensor, y: torch.Tensor) -> np.ndarray:
    """(L,) Frobenius norm of ∂MSE/∂W for each linear layer, by autograd."""
    weights = [m.weight for m in model if isinstance(m, torch.nn.Linear)]
    loss = torch.nn.functional.mse_loss(model(x), y)
    grads = torch.autograd.grad(loss, weights)
    return np.array([g.norm().item() for g in grads])


def dead_fractions(model: torch.nn.Sequential, x: torch.Tensor) -> np.ndarray:
    """(L−1,) fraction of each hidden layer's units whose pre-activation is ≤ 0 on every input."""
    out, h = [], x
    with torch.no_grad():
        for m in model:
            h = m(h)
            if isinstance(m, torch.nn.Linear) and m is not model[-1]:
                out.append((h <= 0).all(dim=0).double().mean().item())
    return np.array(out)


def depth_study(cfg: ReluConfig, steps: int = STEPS) -> DepthStudy:
    """For each activation: gradient norms per layer at init, then ``steps`` SGD steps tracking weight movement."""
    depth, target, init, seed = cfg.depth, cfg.target, cfg.init, cfg.seed
    x_np, y_np = target_data(target, seed)
    x, y = torch.from_numpy(x_np)[:, None], torch.from_numpy(y_np)[:, None]
    frames = frame_steps(steps)
    norms, moves, losses, stops = [], [], [], []
    for name in DEPTH_ACTIVATIONS:
        model = deep_mlp(name, depth, init, seed)
        weights = [m.weight for m in model if isinstance(m, torch.nn.Linear)]
        start = [w.detach().clone() for w in weights]
        norms.append(layer_grad_norms(model, x, y))
        if name == "relu":
            dead0 = dead_fractions(model, x)
        optimizer = torch.optim.SGD(model.parameters(), lr=SGD_LR)
        move = np.full((steps + 1, len(weights)), np.nan)
        loss_k = np.full(steps + 1, np.nan)
        stop = -1
        for k in range(steps + 1):
            move[k] = [((w - w0).norm() / w0.norm()).item() for w, w0 in zip(weights, start, strict=True)]
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            if not torch.isfinite(loss):
                move[k] = np.nan
                stop = k
                break
            loss_k[k] = loss.item()
            if k < steps:
                loss.backward()
                optimizer.step()
        moves.append(move[frames])
        losses.append(loss_k)
        if name == "relu":
            dead1 = dead_fractions(model, x)
        stops.append(stop)
    return DepthStudy(
        activations=DEPTH_ACTIVATIONS,
        grad_norms=np.array(norms),
        frames=frames,
        movement=np.array(moves),
        losses=np.array(losses),
        dead_init=dead0,
        dead_after=dead1,
        stop_step=np.array(stops),
    )
