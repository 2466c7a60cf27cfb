"""RNN-unrolling page: everything `compute` and `compute_training` in the view run."""

from core.rnn_unrolling import make_sequence, unroll
from core.rnn_unrolling_bptt import bptt_gradients
from core.rnn_unrolling_train import train

PAGE = "rnn-unrolling"
LONG_TEXT = "딥러닝 교과서의 순환 신경망 장을 읽고 있어요 😀👍🏽 e\u0301 " * 3


def _page(kind: str, T: int, text: str, hidden: int, cell: str, epochs: int) -> None:
    seq = make_sequence(kind, T, freq=0.05, noise=0.0, text=text, seed=0)
    unroll(seq, hidden, 0)
    bptt_gradients(seq, hidden, 0)
    train(seq, cell, hidden, epochs, 0, True)


CASES = {
    "default": lambda: _page("sine", 40, "안녕하세요", 16, "rnn", 150),
    "heaviest": lambda: _page("text", 60, LONG_TEXT, 32, "gru", 300),
}
