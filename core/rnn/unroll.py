"""Seeded recurrent models, and nn.RNN unrolled against a hand-written loop over the same weights."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.common.init import init_like_torch
from core.rnn.sequences import RnnConfig, Sequence

CELLS = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}


def make_model(cell: str, input_size: int, hidden: int, output_size: int, seed: int, forget_bias: bool = True):
    """A one-layer nn.RNN/LSTM/GRU and its output layer y_t = W_hy h_t + b_hy, seeded with a torch.Generator."""
    g = torch.Generator().manual_seed(seed)
    rnn = CELLS[cell](input_size, hidden, batch_first=True)
    head = torch.nn.Linear(hidden, output_size)
    init_like_torch(rnn, g)  # PyTorch's own default ranges, U(±1/√hidden) for both, drawn from our generator
    init_like_torch(head, g)
    if cell == "lstm" and forget_bias:
        with torch.no_grad():  # gate order i, f, g, o: b_f = 1 keeps c_t ≈ 0.73·c_{t−1} at the start
            rnn.bias_ih_l0[hidden : 2 * hidden] = 1.0
            rnn.bias_hh_l0[hidden : 2 * hidden] = 0.0
    return rnn, head


def output_size(seq: Sequence) -> int:
    """1 for the sine (a value), the vocabulary size for text (logits)."""
    return 1 if seq.kind == "sine" else len(seq.vocab)


@dataclass(frozen=True)
class Unroll:
    h_torch: np.ndarray  # (T, H) h_1 … h_T returned by nn.RNN
    h_manual: np.ndarray  # (T, H) the same recurrence, one step at a time by hand
    y: np.ndarray  # (T,) sine: ŷ_t; text: probability of the most likely next character
    guess: np.ndarray  # (T,) text: index of the most likely next character (sine: zeros)
    max_diff: float  # max |h_torch − h_manual|
    shapes: tuple[tuple[int, int], ...]  # shapes of W_xh, W_hh, W_hy
    params: int  # weights and biases of the cell and the output layer, shared by every step


def manual_unroll(x: torch.Tensor, w_ih, w_hh, b_ih, b_hh) -> torch.Tensor:
    """h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh) for t = 1 … T from h_0 = 0; returns (T, H)."""
    h = torch.zeros(w_hh.shape[0], dtype=x.dtype)
    states = []
    for x_t in x:  # the same four weights on every step
        h = torch.tanh(w_ih @ x_t + b_ih + w_hh @ h + b_hh)
        states.append(h)
    return torch.stack(states)


def unroll(seq: Sequence, cfg: RnnConfig) -> Unroll:
    """Run a freshly initialised nn.RNN over the sequence and the manual loop with its own weights."""
    hidden, seed = cfg.hidden, cfg.seed
    rnn, head = make_model("rnn", seq.x.shape[1], hidden, output_size(seq), seed)
    x = torch.from_numpy(seq.x)  # (T, D)
    with torch.no_grad():
        h_torch, _ = rnn(x[None])  # (1, T, H)
        h_manual = manual_unroll(x, rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0)
        y = head(h_torch[0])  # (T, O)
    if seq.kind == "sine":
        value, guess = y[:, 0], torch.zeros(len(x), dtype=torch.int64)
    else:
        value, guess = torch.softmax(y, dim=1).max(dim=1)
    return Unroll(
        h_torch=h_torch[0].numpy(),
        h_manual=h_manual.numpy(),
        y=value.numpy(),
        guess=guess.numpy(),
        max_diff=float((h_torch[0] - h_manual).abs().max()),
        shapes=(tuple(rnn.weight_ih_l0.shape), tuple(rnn.weight_hh_l0.shape), tuple(head.weight.shape)),
        params=sum(p.numel() for p in [*rnn.parameters(), *head.parameters()]),
    )
