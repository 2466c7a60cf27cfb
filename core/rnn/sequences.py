"""Input sequences for the RNN page (a noisy sine, or a text read one user-perceived character a step), and its config."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, replace

import numpy as np
import torch

from core.common.errors import CodedError
from core.common.params import choice, seed_field, slider, text_field, toggle
from core.common.plotdata import to_f32

MAX_STEPS = 60  # longest sequence: one animation frame per step
END = "∎"  # target of the text's last step: "the text ends here"
KINDS = ("sine", "text")
CELL_NAMES = ("rnn", "lstm", "gru")


@dataclass(frozen=True)
class RnnConfig:
    """What /rnn-unrolling's controls hold: the sequence, the network, and its training."""

    sequence: str = choice("sine", KINDS, labels="rnn.sequence_name", widget="radio")
    text: str = text_field(
        "안녕하세요", max_chars=100_000
    )  # any paste: the page reads the first T characters and says so
    T: int = slider(40, 2, MAX_STEPS)
    hidden: int = slider(16, 2, 32)
    freq: float = slider(0.05, 0.01, 0.25, 0.01)
    noise: float = slider(0.0, 0.0, 0.5, 0.05)
    cell: str = choice("rnn", CELL_NAMES, labels="rnn.cell_name", widget="radio")
    epochs: int = slider(150, 10, 300, 10)
    forget_bias: bool = toggle(True)
    seed: int = seed_field()

    @property
    def unroll_part(self) -> RnnConfig:
        """Only what the sequence, the unrolled net and the BPTT gradients read (training settings at defaults)."""
        d = RnnConfig()
        return replace(self, cell=d.cell, epochs=d.epochs, forget_bias=d.forget_bias)

    @property
    def lstm(self) -> str:
        """The LSTM curve that goes with the forget-bias setting: "lstm" (b_f = 1) or "lstm0" (b_f = 0)."""
        return "lstm" if self.forget_bias else "lstm0"

    @property
    def variant(self) -> str:
        """The trained cell's name in the gradient chart: "lstm0" is the LSTM without the forget-gate bias."""
        return "lstm0" if self.cell == "lstm" and not self.forget_bias else self.cell


class SequenceError(CodedError):
    """A sequence that cannot be built."""


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


def make_sequence(cfg: RnnConfig) -> Sequence:
    """The task's inputs and next-step targets: a noisy sine x_t = sin(2πft) + ε, or a text, one step per character."""
    kind, T, freq, noise, text, seed = cfg.sequence, cfg.T, cfg.freq, cfg.noise, cfg.text, cfg.seed
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
