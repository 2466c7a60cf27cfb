"""The project's model: an MLP on normalised 8×8 digits, built from the page's controls, trained epoch by epoch."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from core.common.init import init_like_torch
from core.common.params import choice, number, seed_field, slider, toggle
from core.digits.data import CLASSES, SIDE, DigitsSplit, make_split

ACTIVATIONS = {"relu": nn.ReLU, "leaky_relu": nn.LeakyReLU, "gelu": nn.GELU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}
OPTIMIZERS = {
    "adam": lambda p, lr: torch.optim.Adam(p, lr=lr),
    "adamw": lambda p, lr: torch.optim.AdamW(p, lr=lr),
    "sgd": lambda p, lr: torch.optim.SGD(p, lr=lr),
    "momentum": lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9),
    "rmsprop": lambda p, lr: torch.optim.RMSprop(p, lr=lr),
}
WIDTHS = ("16", "32", "64", "128", "256")
BATCHES = ("16", "32", "64", "128", "full")


@dataclass(frozen=True)
class ProjectConfig:
    """What /digits-project's controls hold (and ?depth=2&width=128&... in its URL)."""

    depth: int = slider(2, 1, 4)  # hidden layers
    width: str = choice("128", WIDTHS, labels=None)  # units per hidden layer
    activation: str = choice("relu", tuple(ACTIVATIONS))
    dropout: float = slider(0.1, 0.0, 0.6, 0.05)
    batchnorm: bool = toggle(False)
    optimizer: str = choice("adam", tuple(OPTIMIZERS))
    lr: float = number(0.001, 0.0001, 1.0, 0.0005, fmt="%.4f")
    epochs: int = slider(25, 1, 60)
    batch: str = choice("64", BATCHES)
    seed: int = seed_field()


class Standardize(nn.Module):
    """(x − mean) / std with the training set's statistics kept as buffers: they travel in the state_dict."""

    def __init__(self, mean: torch.Tensor, std: torch.Tensor):
        super().__init__()
        self.register_buffer("mean", mean.clone())
        self.register_buffer("std", std.clone())

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # x: (B, 64) ink 0..16
        return (x - self.mean) / self.std


class SeededDropout(nn.Module):
    """Inverted dropout whose masks come from the run's generator (nn.Dropout would use the global RNG)."""

    def __init__(self, p: float, g: torch.Generator):
        super().__init__()
        self.p, self.g = p, g

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p == 0:
            return x
        keep = torch.bernoulli(torch.full_like(x, 1 - self.p), generator=self.g)
        return x * keep / (1 - self.p)


def build_mlp(cfg: ProjectConfig, mean: np.ndarray, std: np.ndarray, g: torch.Generator) -> nn.Sequential:
    """Standardize → [Linear → (BatchNorm) → activation → (Dropout)] × depth → Linear(…, 10), torch's init from g."""
    width = int(cfg.width)
    layers: list[nn.Module] = [Standardize(torch.from_numpy(mean), torch.from_numpy(std))]
    fan_in = SIDE * SIDE
    for _ in range(cfg.depth):
        layers.append(nn.Linear(fan_in, width))
        if cfg.batchnorm:
            layers.append(nn.BatchNorm1d(width))
        layers.append(ACTIVATIONS[cfg.activation]())
        if cfg.dropout > 0:
            layers.append(SeededDropout(cfg.dropout, g))
        fan_in = width
    layers.append(nn.Linear(fan_in, CLASSES))
    return init_like_torch(nn.Sequential(*layers), g)


@dataclass
class History:
    """Per-epoch numbers, row 0 = the untrained model (filled while training; read by the live chart)."""

    loss: list = field(default_factory=list)  # (train, val) mean cross-entropy
    acc: list = field(default_factory=list)  # (train, val) accuracy
    val_pred: list = field(default_factory=list)  # (n_val,) validation predictions


@dataclass(frozen=True)
class ProjectRun:
    split: DigitsSplit
    epochs: int  # epochs asked for
    epochs_done: int  # epochs trained (fewer if stopped or diverged)
    stopped: bool  # the Stop button ended it early
    diverged_at: int | None  # first epoch with a non-finite loss (the weights before it are kept)
    loss: np.ndarray  # (epochs_done+1, 2) train, val cross-entropy
    acc: np.ndarray  # (epochs_done+1, 2) train, val accuracy
    val_pred: np.ndarray  # (epochs_done+1, n_val) int8 validation predictions after each epoch
    state: dict  # name -> np.ndarray: the final state_dict as arrays (what Download saves)
    seconds: float  # wall time of the training


def _measure(net: nn.Sequential, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float, np.ndarray]:
    """Mean cross-entropy, accuracy and predictions of ``net`` (eval mode) on (x, y)."""
    net.eval()
    with torch.no_grad():
        logits = net(x)
        pred = logits.argmax(1)
        return F.cross_entropy(logits, y).item(), (pred == y).float().mean().item(), pred.numpy().astype(np.int8)


def train_digits(
    cfg: ProjectConfig,
    on_epoch: Callable[[History], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    split: DigitsSplit | None = None,
) -> ProjectRun:
    """Train the MLP of ``cfg`` with cross-entropy, one epoch at a time; ``on_epoch(history)`` after each,
    ``should_stop()`` checked between mini-batches (a stop keeps what was learned so far)."""
    start = time.perf_counter()
    split = split or make_split(cfg.seed)
    g = torch.Generator().manual_seed(cfg.seed)
    net = build_mlp(cfg, split.mean, split.std, g)
    opt = OPTIMIZERS[cfg.optimizer](net.parameters(), cfg.lr)
    x, y = torch.from_numpy(split.x_train), torch.from_numpy(split.y_train)
    xv, yv = torch.from_numpy(split.x_val), torch.from_numpy(split.y_val)
    batch = len(x) if cfg.batch == "full" else int(cfg.batch)
    history, stopped, diverged_at = History(), False, None

    def record() -> None:
        (tl, ta, _), (vl, va, vp) = _measure(net, x, y), _measure(net, xv, yv)
        history.loss.append((tl, vl))
        history.acc.append((ta, va))
        history.val_pred.append(vp)

    record()
    if on_epoch:
        on_epoch(history)
    kept = {k: v.clone() for k, v in net.state_dict().items()}
    for epoch in range(1, cfg.epochs + 1):
        net.train()
        for idx in torch.randperm(len(x), generator=g).split(batch):
            if should_stop and should_stop():
                stopped = True
                break
            if len(idx) < 2 and cfg.batchnorm:  # batch norm needs two rows to have a batch statistic
                continue
            opt.zero_grad()
            F.cross_entropy(net(x[idx]), y[idx]).backward()
            opt.step()
        if stopped:
            break
        record()
        if not all(math.isfinite(v) for v in history.loss[-1]):
            diverged_at = epoch
            for part in (history.loss, history.acc, history.val_pred):
                part.pop()
            net.load_state_dict(kept)
            break
        kept = {k: v.clone() for k, v in net.state_dict().items()}
        if on_epoch:
            on_epoch(history)
    if stopped:  # the mini-batches of the unfinished epoch were learned: keep them
        kept = {k: v.clone() for k, v in net.state_dict().items()}
    return ProjectRun(
        split=split,
        epochs=cfg.epochs,
        epochs_done=len(history.loss) - 1,
        stopped=stopped,
        diverged_at=diverged_at,
        loss=np.array(history.loss),
        acc=np.array(history.acc),
        val_pred=np.stack(history.val_pred),
        state={k: v.numpy().copy() for k, v in kept.items()},
        seconds=time.perf_counter() - start,
    )


def load_model(cfg: ProjectConfig, state: dict) -> nn.Sequential:
    """The MLP of ``cfg`` in eval mode with ``state`` (name -> array or tensor) loaded."""
    zeros = np.zeros(SIDE * SIDE, np.float32)
    net = build_mlp(cfg, zeros, zeros + 1, torch.Generator().manual_seed(0))
    net.load_state_dict({k: torch.as_tensor(v) for k, v in state.items()}, strict=True)
    return net.eval()


def expected_shapes(cfg: ProjectConfig) -> dict[str, tuple[int, ...]]:
    """state_dict key -> shape for the MLP of ``cfg`` (what an upload must match)."""
    zeros = np.zeros(SIDE * SIDE, np.float32)
    net = build_mlp(cfg, zeros, zeros + 1, torch.Generator().manual_seed(0))
    return {k: tuple(v.shape) for k, v in net.state_dict().items()}
