"""The RNN-unrolling figures carry the expected traces, frames, slider steps and values."""

import numpy as np
import pytest

from core.rnn.bptt import bptt_gradients
from core.rnn.sequences import END, RnnConfig, make_sequence
from core.rnn.train import train
from core.rnn.unroll import unroll
from viz.rnn_unrolling import WINDOW, gradient_figure, ratio_text, sub, training_figure, unrolled_figure

GRAPH_EDGES, WEIGHT_LABELS, H_NODES, X_NODES, Y_NODES = range(5)  # the graph in view, drawn per frame
HIGHLIGHT_EDGES, HIGHLIGHT_NODES, FLOW, HEAT_MARK, HEAT_MASK = range(5, 10)


def build(kind="sine", T=40, hidden=8, text="", lang="en"):
    seq = make_sequence(RnnConfig(sequence=kind, T=T, text=text))
    run = unroll(seq, RnnConfig(hidden=hidden))
    return seq, run, unrolled_figure(seq, unroll=run, lang=lang)


def frame_trace(fig, frame, which: int):
    """Data of the ``which``-th animated trace in ``frame``."""
    return frame.data[which]


def test_one_frame_per_time_step_with_the_step_highlighted():
    _seq, _run, fig = build(T=40)
    assert len(fig.frames) == 40
    slider = fig.layout.sliders[0]
    assert [s.label for s in slider.steps] == [str(n) for n in range(1, 41)]
    assert slider.active == 39
    # One view for every frame: the window pans by drawing each column at its place in view, so a frame
    # changes data alone (no axis range, which would make plotly.js redraw the heatmaps on every frame).
    lo, hi = fig.layout.xaxis.range
    assert hi - lo <= WINDOW + 0.5
    assert all(not frame.layout.xaxis.range for frame in fig.frames)
    windows = set()
    for frame in fig.frames:
        n = int(frame.name)
        nodes = frame_trace(fig, frame, HIGHLIGHT_NODES)
        column = nodes.x[0]
        assert list(nodes.x) == [column] * 3 and list(nodes.y) == [0, 1, 2] and lo < column < hi
        hidden = frame.data[H_NODES]
        assert hidden.x[list(hidden.text).index(f"h{sub(n)}")] == column  # the highlight is on step n's column
        assert column in frame.data[X_NODES].x
        shown = [x for i in (GRAPH_EDGES, WEIGHT_LABELS, H_NODES, X_NODES, Y_NODES) for x in frame.data[i].x]
        assert all(lo - 0.3 < x < hi for x in shown if x is not None)  # nothing drawn (and clipped) off the view
        windows.add(hidden.text[0])
    assert len(windows) == 40 - WINDOW + 2  # the view pans: h₀…h₆, h₁…h₇, …, h₃₄…h₄₀
    # Animated traces come after the heat maps, so scrubbing restyles only them.
    assert list(fig.frames[0].traces) == list(range(len(fig.data) - 10, len(fig.data)))


def test_flow_text_shows_the_values_of_the_chosen_step():
    seq, run, fig = build(T=12)
    frame = fig.frames[6]  # step 7
    text = frame_trace(fig, frame, FLOW).text[0]
    assert f"x{sub(7)} = {seq.x[6, 0]:.3f}" in text
    assert f"‖h{sub(7)}‖ = {np.linalg.norm(run.h_torch[6]):.2f}" in text
    assert f"ŷ{sub(7)} = {run.y[6]:.3f}" in text


def test_heatmaps_are_nn_rnn_and_the_manual_loop_and_the_mask_follows_the_step():
    _seq, run, fig = build(T=20, hidden=6)
    heat = [tr for tr in fig.data if tr.type == "heatmap"]
    assert len(heat) == 2
    np.testing.assert_allclose(np.array(heat[0].z), run.h_torch.T, atol=1e-6)
    np.testing.assert_allclose(np.array(heat[1].z), run.h_manual.T, atol=1e-6)
    assert heat[0].zmin == -1 and heat[0].zmax == 1  # tanh range
    for frame in fig.frames:
        n = int(frame.name)
        mask = frame_trace(fig, frame, HEAT_MASK)
        assert min(mask.x) == n + 0.5 and max(mask.x) == 20.5  # steps after n are not computed yet
        mark = frame_trace(fig, frame, HEAT_MARK)
        assert (min(mark.x), max(mark.x)) == (n - 0.5, n + 0.5)


def test_text_nodes_show_the_characters_and_a_short_text_shows_every_step():
    _seq, _run, fig = build("text", T=40, text="안녕 👋🏽")
    assert len(fig.frames) == 4
    inputs = fig.data[len(fig.data) - 10 + X_NODES]
    assert list(inputs.y) == [0, 0, 0, 0] and list(inputs.text) == ["안", "녕", "␣", "👋🏽"]
    assert tuple(fig.layout.xaxis.range) == (-0.6, 4.75)  # h₀ and all four steps stay in view
    for frame in fig.frames:
        assert list(frame.data[H_NODES].x) == [0, 1, 2, 3, 4] and not frame.layout.xaxis.range
    assert "onehot('👋🏽')" in fig.frames[-1].data[FLOW].text[0]
    assert END in fig.frames[-1].data[FLOW].text[0]  # the last step's target is the end of the text


def test_training_figure_frames_follow_the_snapshots():
    seq = make_sequence(RnnConfig(T=20))
    run = train(seq, RnnConfig(hidden=6, epochs=40))
    fig = training_figure(seq, training=run, lang="en")
    assert len(fig.frames) == len(run.epochs)
    assert [s.label for s in fig.layout.sliders[0].steps] == [str(e) for e in run.epochs]
    for j, frame in enumerate(fig.frames):
        np.testing.assert_allclose(frame.data[0].y, run.pred[j], rtol=1e-6)
        e = int(frame.name)
        assert frame.data[2].x[0] == e and frame.data[2].y[0] == pytest.approx(run.loss[e], rel=1e-6)
    target = fig.data[0]
    np.testing.assert_allclose(target.y, seq.target, rtol=1e-6)
    assert fig.layout.yaxis2.type == "log"


def test_training_figure_for_text_labels_each_step_with_its_next_character():
    seq = make_sequence(RnnConfig(sequence="text"))
    run = train(seq, RnnConfig(hidden=8, epochs=30))
    fig = training_figure(seq, training=run, lang="ko")
    assert list(fig.layout.xaxis.ticktext) == ["안→녕", "녕→하", "하→세", "세→요", f"요→{END}"]
    assert fig.layout.yaxis.range == (0, 1.12)
    np.testing.assert_allclose(fig.frames[-1].data[0].y, run.pred[-1], rtol=1e-6)
    assert len(fig.frames[-1].data[0].text) == 5
    assert fig.layout.updatemenus[0].buttons[0].label == "▶ 재생"


@pytest.mark.parametrize("forget_bias", [True, False])
def test_gradient_figure_plots_every_variant_on_a_log_axis(forget_bias):
    grads = bptt_gradients(make_sequence(RnnConfig(T=15)), RnnConfig(hidden=4))
    fig = gradient_figure(grads, forget_bias=forget_bias, lang="en")
    assert fig.layout.yaxis.type == "log"
    assert [tr.name for tr in fig.data] == ["RNN (tanh)", "LSTM, forget bias 1", "LSTM, forget bias 0", "GRU"]
    for tr, norms in zip(fig.data, grads.norms, strict=True):
        np.testing.assert_allclose(tr.y, norms, rtol=1e-12)
        assert list(tr.x) == list(range(1, 16))
    muted = [tr.name for tr in fig.data if tr.line.dash == "dot"]
    assert muted == (["LSTM, forget bias 0"] if forget_bias else ["LSTM, forget bias 1"])


def test_titles_follow_the_language():
    *_, fig_en = build(T=10, lang="en")
    *_, fig_ko = build(T=10, lang="ko")
    en = [a.text for a in fig_en.layout.annotations]
    ko = [a.text for a in fig_ko.layout.annotations]
    assert "hₜ from nn.RNN<br>(units × time)" in en and "nn.RNN이 계산한 hₜ<br>(유닛 × 시간)" in ko
    assert fig_ko.layout.sliders[0].currentvalue.prefix == "시간 단계 t = "


def test_heaviest_settings_stay_within_the_payload_budget():
    seq, _run, fig = build(T=60, hidden=32)
    training = train(seq, RnnConfig(hidden=32, epochs=60))  # 60 snapshots, as many as 300 epochs give
    grads = bptt_gradients(seq, RnnConfig(hidden=32))
    payload = sum(
        len(f.to_json())
        for f in (
            fig,
            training_figure(seq, training=training, lang="en"),
            gradient_figure(grads, forget_bias=1, lang="en"),
        )
    )
    assert payload < 1_500_000
    assert len(fig.frames) == 60 and all(len(f.data) == 10 for f in fig.frames)


@pytest.mark.parametrize(
    ("log10", "text"), [(0, "1"), (-0.5, "0.32"), (1.5, "32"), (2.4, "250"), (3.08, "1,200"), (6.006, "10⁶")]
)
def test_ratio_text_reads_like_a_person_would_say_it(log10, text):
    assert ratio_text(log10) == text
