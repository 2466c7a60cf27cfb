"""Backpropagation through time: how much of the last step's loss gradient reaches each earlier h_t."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.rnn.sequences import RnnConfig, Sequence, make_sequence
from core.rnn.unroll import Unroll, make_model, output_size, unroll

# The chart's curves: (name, cell, LSTM forget-gate bias of 1).
VARIANTS = (("rnn", "rnn", False), ("lstm", "lstm", True), ("lstm0", "lstm", False), ("gru", "gru", False))


def step_loss(seq: Sequence, y_t: torch.Tensor, t: int) -> torch.Tensor:
    """The loss of step t alone: squared error (sine) or cross-entropy of the next character (text)."""
    if seq.kind == "sine":
        return (y_t[0] - float(seq.target[t])) ** 2
    return torch.nn.functional.cross_entropy(y_t[None], torch.tensor([int(seq.target[t])]))


def hidden_gradients(rnn: torch.nn.Module, head: torch.nn.Module, seq: Sequence) -> torch.Tensor:
    """∂L_T/∂h_t for t = 1 … T, where L_T is the last step's loss; returns (T, H).

    The module runs one step at a time so that every h_t is a node of the graph: its ``.grad``
    is the total derivative, through all later steps h_{t+1}, …, h_T.
    """
    dtype = next(rnn.parameters()).dtype
    x = torch.from_numpy(seq.x).to(dtype)[None]  # (1, T, D)
    state, hs = None, []
    for t in range(x.shape[1]):
        _, state = rnn(x[:, t : t + 1], state)
        h_t = state[0] if isinstance(state, tuple) else state  # LSTM state is (h_t, c_t)
        h_t.retain_grad()
        hs.append(h_t)
    step_loss(seq, head(hs[-1].reshape(-1)), x.shape[1] - 1).backward()
    return torch.stack([h.grad.reshape(-1) for h in hs])


@dataclass(frozen=True)
class Gradients:
    names: tuple[str, ...]  # ("rnn", "lstm", "lstm0", "gru"): lstm0 is the LSTM without the forget-gate bias
    norms: np.ndarray  # (4, T) ‖∂L_T/∂h_t‖ for each variant at initialisation


def bptt_gradients(seq: Sequence, cfg: RnnConfig) -> Gradients:
    """Gradient norms ‖∂L_T/∂h_t‖ for RNN, LSTM (forget bias 1 and 0) and GRU, each freshly seeded."""
    hidden, seed = cfg.hidden, cfg.seed
    norms = []
    for _name, cell, forget_bias in VARIANTS:
        rnn, head = make_model(cell, seq.x.shape[1], hidden, output_size(seq), seed, forget_bias)
        norms.append(hidden_gradients(rnn, head, seq).norm(dim=1).numpy())
    return Gradients(tuple(v[0] for v in VARIANTS), np.array(norms, dtype=np.float64))


def first_step_ratios(grads: Gradients) -> dict[str, float]:
    """log10 of how much larger ‖∂L_T/∂h_1‖ is for each variant than for the plain RNN (inf if the RNN's is 0)."""
    rnn = grads.norms[0, 0]
    tiny = np.finfo(np.float64).tiny
    return {
        name: float(np.log10(max(grads.norms[i, 0], tiny)) - np.log10(max(rnn, tiny)))
        for i, name in enumerate(grads.names)
    }


VANISH_DECADES = 2  # the gated cells' gradient at step 1 at least 100× the RNN's: "the RNN's gradient vanishes"


def gradient_verdict(ratios: dict[str, float], forget_bias: bool) -> str:
    """ "vanish" when both the LSTM (with the chosen forget bias) and the GRU keep ≥ 100× the RNN's gradient
    at the first step, else "mixed"."""
    lstm = RnnConfig(forget_bias=forget_bias).lstm
    return "vanish" if min(ratios[lstm], ratios["gru"]) >= VANISH_DECADES else "mixed"


@dataclass(frozen=True)
class Unrolled:
    seq: Sequence
    run: Unroll
    grads: Gradients


def unroll_and_gradients(cfg: RnnConfig) -> Unrolled:
    """The page's first two sections: the sequence, nn.RNN against the hand loop, and the BPTT gradient norms.

    Raises SequenceError for a text with no characters."""
    seq = make_sequence(cfg)
    return Unrolled(seq, unroll(seq, cfg), bptt_gradients(seq, cfg))
