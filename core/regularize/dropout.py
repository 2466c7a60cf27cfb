"""Inverted dropout with explicit generators, the MLP it regularizes, and the training loop."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.common.init import init_like_torch
from core.common.plotdata import frame_steps, to_f32
from core.regularize.data import Data, DropoutConfig

LR = 0.005  # Adam, one full batch per epoch
DTYPE = torch.float32  # twice as fast as float64 for these small matrices
DIAGRAM_UNITS = 12  # units per hidden layer drawn in the network diagram
MAX_FRAMES = 30  # training snapshots: each carries a full decision map


class InvertedDropout(nn.Module):
    """Zero each unit with probability p and scale survivors by 1/(1−p), so E[output] = input.

    Masks come from ``torch.bernoulli(..., generator=g)`` with the layer's own generator rather than
    ``nn.Dropout``'s global RNG: Streamlit sessions are threads of one process, so a global seed set
    in one session would change another's masks. In eval mode the layer passes its input through.
    """

    def __init__(self, p: float, generator: torch.Generator):
        super().__init__()
        self.p, self.generator = p, generator
        self.last_mask: torch.Tensor | None = None  # (batch, units) 1 = kept, from the latest train-mode call

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p == 0:
            return h
        mask = torch.bernoulli(torch.full_like(h, 1 - self.p), generator=self.generator)  # 1 = kept
        self.last_mask = mask
        return h * mask / (1 - self.p)


def build_mlp(d_in: int, hidden: int, p: float, batchnorm: bool, seed: int) -> nn.Sequential:
    """d_in → hidden → hidden → 1 with ReLU, optional BatchNorm before each ReLU, dropout after it."""
    g_init = torch.Generator().manual_seed(seed)
    g_mask = torch.Generator().manual_seed(seed + 1)
    layers: list[nn.Module] = []
    for fan_in in (d_in, hidden):
        layers.append(nn.Linear(fan_in, hidden, dtype=DTYPE))
        if batchnorm:
            layers.append(nn.BatchNorm1d(hidden, dtype=DTYPE))
        layers += [nn.ReLU(), InvertedDropout(p, g_mask)]
    layers.append(nn.Linear(hidden, 1, dtype=DTYPE))
    return init_like_torch(nn.Sequential(*layers), g_init)


def loss_fn(task: str):
    """Binary cross-entropy on the logit for classification, mean squared error for regression."""
    return nn.BCEWithLogitsLoss() if task == "classification" else nn.MSELoss()


@dataclass(frozen=True)
class Run:
    train_loss: np.ndarray  # (E+1,) loss on the training set in eval mode after epoch e (e = 0: at init)
    val_loss: np.ndarray  # (E+1,) loss on the validation set in eval mode
    frames: np.ndarray  # (K,) epochs snapshotted, K ≤ MAX_FRAMES
    pred: np.ndarray  # (K, G) P(class 1) or ŷ on data.grid at each framed epoch
    masks: np.ndarray  # (K, 2, DIAGRAM_UNITS) first training example's dropout masks in that epoch's first step
    weight_norm: np.ndarray  # (E+1,) ‖W‖ over all Linear weight matrices: what weight decay shrinks
    best_epoch: int  # epoch of lowest validation loss: where early stopping would keep the weights
    stop_epoch: int | None  # epoch at which the loss became NaN/inf, None if training finished


def _predict(model: nn.Module, x: torch.Tensor, task: str) -> torch.Tensor:
    out = model(x)[:, 0]
    return torch.sigmoid(out) if task == "classification" else out


def train(data: Data, cfg: DropoutConfig):
    """Train the MLP of ``cfg`` with Adam, one full batch per epoch; returns (Run, trained model)."""
    hidden, epochs, p, weight_decay, batchnorm, seed = (
        cfg.hidden,
        cfg.epochs,
        cfg.p,
        cfg.weight_decay,
        cfg.batchnorm,
        cfg.seed,
    )
    arrays = (data.x_train, data.y_train, data.x_val, data.y_val, data.grid)
    x, y, xv, yv, grid = (torch.as_tensor(a, dtype=DTYPE) for a in arrays)
    model = build_mlp(x.shape[1], hidden, p, batchnorm, seed)
    drops = [m for m in model if isinstance(m, InvertedDropout)]
    criterion = loss_fn(data.task)
    # weight_decay = λ adds λ·w to every gradient: the same as adding (λ/2)·‖w‖² to the loss.
    optimizer = torch.optim.Adam(model.parameters(), lr=LR, weight_decay=weight_decay, foreach=True)
    frames = frame_steps(epochs, MAX_FRAMES)
    both = torch.cat([x, xv])  # one eval pass gives the training and the validation loss
    weights = [m.weight for m in model if isinstance(m, nn.Linear)]
    losses, norms, preds, masks, stop = [], [], [], [], None
    for epoch in range(epochs + 1):
        if epoch > 0:  # one full-batch step per epoch: the few training samples are one batch
            model.train()
            optimizer.zero_grad()
            criterion(model(x)[:, 0], y).backward()
            optimizer.step()
            if epoch in frames:
                masks.append([d.last_mask[0, :DIAGRAM_UNITS] if d.p > 0 else torch.ones(DIAGRAM_UNITS) for d in drops])
        model.eval()
        with torch.no_grad():
            out = model(both)[:, 0]
            losses.append((criterion(out[: len(x)], y).item(), criterion(out[len(x) :], yv).item()))
            norms.append(torch.sqrt(sum((w**2).sum() for w in weights)).item())
            if not np.isfinite(losses[-1]).all():
                stop = epoch
                break
            if epoch in frames:
                preds.append(_predict(model, grid, data.task))
                if epoch == 0:
                    masks.append([torch.ones(DIAGRAM_UNITS)] * 2)
    last = len(losses) - 1 if stop is None else stop - 1  # last epoch with finite losses
    losses, norms, kept = np.array(losses[: last + 1]), norms[: last + 1], frames[frames <= last]
    run = Run(
        train_loss=to_f32(losses[:, 0]),
        val_loss=to_f32(losses[:, 1]),
        weight_norm=to_f32(norms),
        frames=kept,
        pred=to_f32(torch.stack(preds).numpy()),
        masks=np.array([[m.numpy() for m in pair] for pair in masks[: len(kept)]], dtype=np.float32),
        best_epoch=int(np.argmin(losses[:, 1])),
        stop_epoch=stop,
    )
    return run, model
