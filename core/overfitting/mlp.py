"""A one-hidden-layer MLP on the same points: loss per epoch on train and validation, early stopping, one test."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.common.init import init_like_torch
from core.common.plotdata import frame_steps, to_f32
from core.overfitting.config import OverfitConfig
from core.overfitting.data import CurveData, make_data, to_unit

LR = 0.05  # Adam, one full batch per epoch
# The network sees x scaled to [-4, 4]: with torch's default init its tanh units then bend within the range,
# so it can chase the noise within a few hundred epochs (on [-1, 1] it starts nearly linear and takes far longer).
INPUT_SCALE = 4.0
MAX_FRAMES = 50


class EarlyStopping:
    """Keep the epoch of the lowest validation loss; stop once ``patience`` epochs bring no new minimum."""

    def __init__(self, patience: int):
        self.patience = patience
        self.best_epoch, self.best, self.wait = 0, math.inf, 0
        self.stop_epoch: int | None = None  # the epoch at which patience ran out

    def step(self, epoch: int, val_loss: float) -> bool:
        """Record one epoch's validation loss; True when it is a new minimum (the weights worth keeping)."""
        if self.stop_epoch is not None:
            return False
        if val_loss < self.best:
            self.best_epoch, self.best, self.wait = epoch, val_loss, 0
            return True
        self.wait += 1
        if self.wait >= self.patience:
            self.stop_epoch = epoch
        return False


def early_stopping(val_losses, patience: int) -> tuple[int, int | None]:
    """(best epoch, stop epoch or None) that EarlyStopping picks on a recorded validation curve."""
    rule = EarlyStopping(patience)
    for epoch, loss in enumerate(val_losses):
        rule.step(epoch, float(loss))
    return rule.best_epoch, rule.stop_epoch


@dataclass(frozen=True)
class MLPRun:
    data: CurveData
    train_loss: np.ndarray  # (E+1,) MSE after each epoch (row 0: the initial weights)
    val_loss: np.ndarray  # (E+1,)
    best_epoch: int  # lowest validation loss before patience ran out: the weights kept
    stop_epoch: int | None  # where early stopping would have ended training (None: patience never ran out)
    test_mse: float  # the kept weights on the test set: measured once, after every choice was made
    frames: np.ndarray  # (K,) epoch of each snapshot
    curves: np.ndarray  # (K, GRID) the network's prediction on data.grid at those epochs
    best_curve: np.ndarray  # (GRID,) the prediction of the kept weights


def train_mlp(cfg: OverfitConfig) -> MLPRun:
    """Train 1 → width → 1 (tanh) on cfg.n points for every epoch, recording where early stopping would stop."""
    data = make_data(cfg.n, cfg.noise, cfg.seed)
    g = torch.Generator().manual_seed(cfg.seed)
    width = int(cfg.width)
    net = init_like_torch(nn.Sequential(nn.Linear(1, width), nn.Tanh(), nn.Linear(width, 1)), g)
    opt = torch.optim.Adam(net.parameters(), lr=LR, fused=True)  # one kernel per step: the loop is overhead-bound

    def column(values):
        return torch.tensor(values, dtype=torch.float32)[:, None]

    def inputs(xs):
        return column(INPUT_SCALE * to_unit(xs))

    x, y = inputs(data.x_train), column(data.y_train)
    x_val, y_val = inputs(data.x_val), column(data.y_val)
    both, n = torch.cat([x, x_val]), len(x)  # train and validation in one forward pass
    grid = inputs(data.grid)
    wanted = set(frame_steps(cfg.epochs, MAX_FRAMES).tolist())
    rule = EarlyStopping(cfg.patience)
    train_loss, val_loss, frames, curves = [], [], [], []
    best_state = None
    for epoch in range(cfg.epochs + 1):
        if epoch > 0:
            opt.zero_grad()
            nn.functional.mse_loss(net(x), y).backward()
            opt.step()
        with torch.no_grad():
            out = net(both)
            train_loss.append(nn.functional.mse_loss(out[:n], y))
            val_loss.append(nn.functional.mse_loss(out[n:], y_val))
            if rule.step(epoch, float(val_loss[-1])):
                best_state = {k: v.clone() for k, v in net.state_dict().items()}
            if epoch in wanted:
                frames.append(epoch)
                curves.append(net(grid)[:, 0])
    net.load_state_dict(best_state)
    with torch.no_grad():  # the only time the test set is touched
        test_mse = nn.functional.mse_loss(net(inputs(data.x_test)), column(data.y_test)).item()
        best_curve = net(grid)[:, 0]
    return MLPRun(
        data=data,
        train_loss=torch.stack(train_loss).double().numpy(),
        val_loss=torch.stack(val_loss).double().numpy(),
        best_epoch=rule.best_epoch,
        stop_epoch=rule.stop_epoch,
        test_mse=test_mse,
        frames=np.array(frames, dtype=np.int64),
        curves=to_f32(torch.stack(curves).numpy()),
        best_curve=to_f32(best_curve.numpy()),
    )
