"""RNN unrolling's "Try this": each experiment, applied through the page, shows what its text claims,
checked on the sequence, gradients and training the core computes with the settings the page now has."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core.rnn.bptt import bptt_gradients, first_step_ratios
from core.rnn.sequences import RnnConfig, make_sequence
from core.rnn.train import train
from tests.apptest_helpers import figures, page_fixture, state_config_of
from tests.test_experiments import apply_experiment

page = page_fixture("views/rnn_unrolling.py")


def config(at) -> RnnConfig:
    return replace(state_config_of(at, RnnConfig), seed=0)


def sequence(at):
    return make_sequence(config(at))


def gradients(at):
    return bptt_gradients(sequence(at), config(at))


def training(at):
    return train(sequence(at), config(at))


def test_korean_word_unrolls_five_steps_and_learns_what_follows(page):
    at = apply_experiment(page, "korean")
    seq = sequence(at)
    assert seq.tokens == tuple("안녕하세요")
    assert [f["name"] for f in figures(at)[0]["frames"]] == ["1", "2", "3", "4", "5"]
    run = training(at)
    nyeong = seq.vocab.index("녕")
    assert run.guess[0][0] != nyeong, "the untrained network already knows what follows 안"
    assert run.guess[-1][0] == nyeong, "the trained network does not guess 녕 after 안"


def test_vanish_the_rnn_gradient_falls_in_a_straight_line_a_million_times_below_the_lstm(page):
    at = apply_experiment(page, "vanish")
    grads = gradients(at)
    assert first_step_ratios(grads)["lstm"] >= 5.5, "not about a million times below the LSTM at step 1"
    slope = np.diff(np.log10(grads.norms[grads.names.index("rnn")]))
    assert np.all(slope > 0) and np.std(slope) < 0.5 * np.mean(slope), "the RNN's log-gradient is not a straight line"
    assert "gradient vanishes" in at.success[-1].value


def test_nobias_lstm_gradient_drops_as_steeply_as_the_rnn(page):
    at = apply_experiment(page, "nobias")
    assert at.session_state["cell"] == "lstm"
    ratios = first_step_ratios(gradients(at))
    assert abs(ratios["lstm0"]) < 1, "the LSTM without forget bias is not within 10× of the RNN at step 1"
    assert ratios["lstm"] - ratios["lstm0"] > 4, "the forget bias makes no difference"


def test_long_sequence_loses_several_more_orders(page):
    at = apply_experiment(page, "long")
    assert at.session_state["T"] == 60
    short = bptt_gradients(
        make_sequence(RnnConfig(sequence="sine", T=40)), RnnConfig(hidden=at.session_state["hidden"], seed=0)
    )
    long = gradients(at)
    drop = np.log10(short.norms[0, 0]) - np.log10(long.norms[0, 0])
    assert drop >= 3, f"only {drop:.1f} more orders of magnitude"
    assert len(figures(at)[0]["frames"]) == 60


def test_noise_the_gru_memorises_below_the_noise_floor(page):
    at = apply_experiment(page, "noise")
    assert (at.session_state["cell"], at.session_state["noise"]) == ("gru", 0.3)
    loss = training(at).loss
    below = np.flatnonzero(loss < 0.3**2)
    assert below.size and 30 <= below[0] <= 70, "the training loss does not sink below σ² within about 50 epochs"
    assert loss[-1] < 0.5 * 0.3**2, "the final training loss is not well below the noise variance"
