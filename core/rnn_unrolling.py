"""RNN unrolling (chapter 19): input sequences, seeded recurrent models, and nn.RNN against a hand-written loop."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

import numpy as np
import torch

from core.common.plotdata import to_f32

MAX_STEPS = 60  # longest sequence: one animation frame per step
END = "∎"  # target of the text's last step: "the text ends here"
CELLS = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}


class SequenceError(ValueError):
    """A sequence that cannot be built; ``code`` names the reason for the page's message."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _joins_previous(ch: str, prev: str) -> bool:
    """Whether ``ch`` belongs to the same user-perceived character as ``prev`` (a small UAX #29 subset)."""
    cp = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")  # combining accents, vowel signs
        or prev == "\u200d"  # zero-width joiner: 👨‍👩‍👧
        or cp == 0x200D
        or 0xFE00 <= cp <= 0xFE0F  # variation selectors
        or 0x1F3FB <= cp <= 0x1F3FF  # skin tones
        or 0xE0020 <= cp <= 0xE007F  # emoji tag sequences (subdivision flags)
        or 0x1160 <= cp <= 0x11FF  # Hangul medial vowels and final consonants left after NFC
        or 0xD7B0 <= cp <= 0xD7FF
    )


def graphemes(text: str, limit: int | None = None) -> list[str]:
    """``text`` (NFC-normalised, controls as spaces) split into user-perceived characters, at most ``limit``."""
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in unicodedata.normalize("NFC", text))
    out: list[str] = []
    for ch in text:
        is_flag_half = 0x1F1E6 <= ord(ch) <= 0x1F1FF
        pairs_flag = is_flag_half and out and len(out[-1]) == 1 and 0x1F1E6 <= ord(out[-1]) <= 0x1F1FF
        if out and (_joins_previous(ch, out[-1][-1]) or pairs_flag):
            out[-1] += ch
        elif limit is not None and len(out) == limit:
            break
        else:
            out.append(ch)
    return out


@dataclass(frozen=True)
class Sequence:
    kind: str  # "sine" or "text"
    x: np.ndarray  # (T, D) one input vector per step: the sine value, or a one-hot character
    target: np.ndarray  # (T,) the next value (sine) or the next character's index in vocab (text)
    tokens: tuple[str, ...]  # (T,) the characters read, one per step (text only)
    vocab: tuple[str, ...]  # (V,) text vocabulary in order of first appearance, END last
    total: int  # characters in the text as given (before cutting to T); T for the sine


def make_sequence(kind: str, T: int, *, freq: float = 0.05, noise: float = 0.0, text: str = "", seed: int = 0):
    """The task's inputs and next-step targets: a noisy sine x_t = sin(2πft) + ε, or a text, one step per character."""
    T = int(min(max(T, 1), MAX_STEPS))
    if kind == "sine":
        g = torch.Generator().manual_seed(seed)
        t = torch.arange(T + 1, dtype=torch.float64)
        s = torch.sin(2 * math.pi * freq * t) + noise * torch.randn(T + 1, generator=g, dtype=torch.float64)
        return Sequence("sine", to_f32(s[:-1, None]), to_f32(s[1:]), (), (), T)
    chars = graphemes(text.strip(), limit=T)
    if not chars:
        raise SequenceError("empty")
    vocab = (*dict.fromkeys(chars), END)
    ids = [vocab.index(c) for c in chars]
    x = np.eye(len(vocab), dtype=np.float32)[ids]  # (T, V) one-hot
    total = len(chars) if len(chars) < T else len(graphemes(text.strip()))
    return Sequence("text", x, np.array([*ids[1:], len(vocab) - 1], dtype=np.int64), tuple(chars), vocab, total)


def make_model(cell: str, input_size: int, hidden: int, output_size: int, seed: int, forget_bias: bool = True):
    """A one-layer nn.RNN/LSTM/GRU and its output layer y_t = W_hy h_t + b_hy, seeded with a torch.Generator."""
    g = torch.Generator().manual_seed(seed)
    rnn = CELLS[cell](input_size, hidden, batch_first=True)
    head = torch.nn.Linear(hidden, output_size)
    bound = 1 / math.sqrt(hidden)  # PyTorch's own default range, drawn from our generator
    for p in [*rnn.parameters(), *head.parameters()]:
        torch.nn.init.uniform_(p, -bound, bound, generator=g)
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


def unroll(seq: Sequence, hidden: int, seed: int) -> Unroll:
    """Run a freshly initialised nn.RNN over the sequence and the manual loop with its own weights."""
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
