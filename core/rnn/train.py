"""Training a small recurrent net on next-step prediction, with snapshots of its predictions over the epochs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.common.plotdata import frame_steps, to_f32
from core.rnn.sequences import RnnConfig, Sequence
from core.rnn.unroll import make_model, output_size

LR = 0.02
CLIP = 1.0  # gradient-norm clipping: the usual guard against exploding gradients in RNNs


@dataclass(frozen=True)
class Training:
    epochs: np.ndarray  # (K,) epoch of each snapshot (0 = before the first update)
    pred: np.ndarray  # (K, T) sine: ŷ_t; text: probability given to the correct next character
    guess: np.ndarray  # (K, T) text: index of the most likely next character (sine: zeros)
    loss: np.ndarray  # (n+1,) mean loss over the T steps after 0 … n updates
    stop_epoch: int | None  # epoch at which the loss became NaN/inf, None if training finished


def train(seq: Sequence, cfg: RnnConfig) -> Training:
    """Train nn.RNN/LSTM/GRU + a linear output with Adam to predict each step's next value or character."""
    cell, hidden, epochs, seed, forget_bias = cfg.cell, cfg.hidden, cfg.epochs, cfg.seed, cfg.forget_bias
    rnn, head = make_model(cell, seq.x.shape[1], hidden, output_size(seq), seed, forget_bias)
    params = [*rnn.parameters(), *head.parameters()]
    optimizer = torch.optim.Adam(params, lr=LR)
    x = torch.from_numpy(seq.x)[None]  # (1, T, D)
    target = torch.from_numpy(seq.target)  # (T,)
    shown = set(frame_steps(epochs).tolist())
    snaps, losses, stop_epoch = [], [], None
    for epoch in range(epochs + 1):
        out, _ = rnn(x)  # (1, T, H): every h_t, from the same weights on every step
        y = head(out[0])  # (T, O)
        if seq.kind == "sine":
            loss = torch.nn.functional.mse_loss(y[:, 0], target)
        else:
            loss = torch.nn.functional.cross_entropy(y, target)
        if not torch.isfinite(loss):
            stop_epoch = epoch
            break
        losses.append(loss.item())
        if epoch in shown:
            with torch.no_grad():
                if seq.kind == "sine":
                    snaps.append((epoch, y[:, 0].numpy().copy(), np.zeros(len(target), dtype=np.int64)))
                else:
                    probs = torch.softmax(y, dim=1)
                    snaps.append((epoch, probs[torch.arange(len(target)), target].numpy(), probs.argmax(1).numpy()))
        if epoch < epochs:
            optimizer.zero_grad()
            loss.backward()  # backpropagation through time over all T steps
            torch.nn.utils.clip_grad_norm_(params, CLIP)
            optimizer.step()
    return Training(
        epochs=np.array([s[0] for s in snaps], dtype=np.int64),
        pred=to_f32([s[1] for s in snaps]),
        guess=np.array([s[2] for s in snaps], dtype=np.int64),
        loss=np.array(losses),
        stop_epoch=stop_epoch,
    )


def training_status(run: Training) -> str:
    """ "diverged" (the loss became NaN/inf), "trained" (the loss ended below its start) or "not_trained"."""
    if run.stop_epoch is not None:
        return "diverged"
    return "trained" if run.loss[-1] < run.loss[0] else "not_trained"
