"""RNN-unrolling page: everything the view computes (sequence, unrolled net, BPTT gradients, training), from its config."""

from dataclasses import replace

from core.rnn.bptt import unroll_and_gradients
from core.rnn.sequences import RnnConfig
from core.rnn.train import train

PAGE = "rnn-unrolling"
LONG_TEXT = "딥러닝 교과서의 순환 신경망 장을 읽고 있어요 😀👍🏽 e\u0301 " * 3
DEFAULT = RnnConfig()
HEAVIEST = replace(DEFAULT, sequence="text", T=60, text=LONG_TEXT, hidden=32, cell="gru", epochs=300)


def _page(cfg: RnnConfig) -> None:
    train(unroll_and_gradients(cfg.unroll_part).seq, cfg)


CASES = {"default": lambda: _page(DEFAULT), "heaviest": lambda: _page(HEAVIEST)}

run = _page  # the page's compute for any config (benchmarks.cases.for_query)
