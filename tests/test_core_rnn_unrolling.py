"""RNN unrolling core against torch layers with copied weights, NumPy loops, finite differences and closed forms."""

import math
import unicodedata
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
import torch

from core.common.plotdata import MAX_FRAMES
from core.rnn import train as rnn_unrolling_train
from core.rnn.bptt import Gradients, bptt_gradients, first_step_ratios, hidden_gradients
from core.rnn.sequences import END, MAX_STEPS, RnnConfig, SequenceError, graphemes, make_sequence
from core.rnn.train import CLIP, LR, train
from core.rnn.unroll import make_model, manual_unroll, output_size, unroll

SEQUENCES = {
    "sine": lambda T=12: make_sequence(RnnConfig(T=T, freq=0.07, noise=0.1, seed=3)),
    "korean": lambda T=12: make_sequence(RnnConfig(sequence="text", T=T, text="안녕하세요, 반가워요")),
    "emoji": lambda T=12: make_sequence(RnnConfig(sequence="text", T=T, text="hi 👋🏽 e\u0301👨‍👩‍👧")),
}


def copied(cls, src: torch.nn.Module) -> torch.nn.Module:
    """A fresh torch layer of class ``cls`` with the weights of a one-layer ``src`` copied in (float64)."""
    dst = cls(src.input_size, src.hidden_size).double()
    with torch.no_grad():
        for name, p in dst.named_parameters():
            p.copy_(getattr(src, name if hasattr(src, name) else name + "_l0"))
    return dst


# ---- sequences -----------------------------------------------------------------------------------


def test_sine_is_the_closed_form_shifted_by_one_step():
    seq = make_sequence(RnnConfig())
    t = np.arange(41)
    wave = np.sin(2 * np.pi * 0.05 * t)
    np.testing.assert_allclose(seq.x[:, 0], wave[:-1], atol=1e-6)
    np.testing.assert_allclose(seq.target, wave[1:], atol=1e-6)
    assert seq.x.shape == (40, 1) and seq.total == 40


def test_sine_noise_has_the_requested_spread_and_follows_the_seed():
    clean = make_sequence(RnnConfig(T=60)).x[:, 0]
    a = make_sequence(RnnConfig(T=60, noise=0.3, seed=1)).x[:, 0]
    b = make_sequence(RnnConfig(T=60, noise=0.3, seed=2)).x[:, 0]
    assert 0.2 < np.std(a - clean) < 0.4
    assert not np.allclose(a, b)
    np.testing.assert_array_equal(a, make_sequence(RnnConfig(T=60, noise=0.3, seed=1)).x[:, 0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("안녕하세요", ["안", "녕", "하", "세", "요"]),
        (unicodedata.normalize("NFD", "한국어"), ["한", "국", "어"]),  # decomposed jamo typed on some systems
        ("e\u0301a\u0300", ["é", "à"]),  # combining accents stay on their letter
        ("👍🏽!", ["👍🏽", "!"]),  # skin-tone modifier
        ("👨‍👩‍👧x", ["👨‍👩‍👧", "x"]),  # zero-width-joiner family
        ("🇰🇷🇯🇵", ["🇰🇷", "🇯🇵"]),  # flags are pairs of regional indicators
        ("❤️a", ["❤️", "a"]),  # variation selector
        ("a\tb\nc", ["a", " ", "b", " ", "c"]),  # control characters become spaces
    ],
)
def test_graphemes_are_what_the_eye_sees(text, expected):
    assert graphemes(text) == [unicodedata.normalize("NFC", e) for e in expected]


def test_text_is_one_hot_with_next_character_targets_and_an_end_token():
    seq = make_sequence(RnnConfig(sequence="text", text="  안녕 안녕  "))
    assert seq.tokens == ("안", "녕", " ", "안", "녕")
    assert seq.vocab == ("안", "녕", " ", END)
    np.testing.assert_array_equal(seq.x.sum(axis=1), 1)
    assert [seq.vocab[i] for i in seq.x.argmax(axis=1)] == list(seq.tokens)
    assert [seq.vocab[i] for i in seq.target] == ["녕", " ", "안", "녕", END]
    assert output_size(seq) == 4 and output_size(make_sequence(RnnConfig(T=5))) == 1


def test_a_10000_character_paste_is_cut_to_T_and_reports_its_length():
    seq = make_sequence(RnnConfig(sequence="text", T=60, text="가나다라마바사" * 1428 + "아자아자"))
    assert len(seq.tokens) == 60 == len(seq.x) == len(seq.target) == MAX_STEPS
    assert seq.total == 10_000
    assert seq.tokens[:3] == ("가", "나", "다")
    short = make_sequence(RnnConfig(sequence="text", text="hello"))
    assert short.total == 5 == len(short.tokens)


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_is_refused_with_a_code(text):
    with pytest.raises(SequenceError) as err:
        make_sequence(RnnConfig(sequence="text", text=text))
    assert err.value.code == "empty"


def test_T_is_clamped_to_the_supported_range():
    assert len(make_sequence(RnnConfig(T=10_000)).x) == MAX_STEPS
    assert len(make_sequence(RnnConfig(T=0)).x) == 1


# ---- nn.RNN vs the loop by hand -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SEQUENCES))
@pytest.mark.parametrize("hidden", [2, 16])
def test_manual_unroll_matches_nn_rnn_with_copied_weights(name, hidden):
    seq = SEQUENCES[name]()
    run = unroll(seq, RnnConfig(hidden=hidden, seed=5))
    rnn, head = make_model("rnn", seq.x.shape[1], hidden, output_size(seq), seed=5)
    reference = torch.nn.RNN(seq.x.shape[1], hidden, batch_first=True)  # a fresh layer, weights copied in
    reference.load_state_dict(rnn.state_dict())
    with torch.no_grad():
        h_ref = reference(torch.from_numpy(seq.x)[None])[0][0].numpy()
    np.testing.assert_allclose(run.h_manual, h_ref, rtol=0, atol=1e-6)
    np.testing.assert_allclose(run.h_torch, h_ref, rtol=0, atol=1e-6)
    assert run.max_diff == pytest.approx(np.abs(run.h_torch - run.h_manual).max())
    assert run.max_diff < 1e-6
    # The same recurrence in float64 NumPy, written independently.
    w = {k: v.double().numpy() for k, v in rnn.state_dict().items()}
    h = np.zeros(hidden)
    for t, x_t in enumerate(seq.x.astype(np.float64)):
        h = np.tanh(w["weight_ih_l0"] @ x_t + w["bias_ih_l0"] + w["weight_hh_l0"] @ h + w["bias_hh_l0"])
        np.testing.assert_allclose(run.h_manual[t], h, atol=1e-5)
    # Outputs y_t = W_hy h_t + b_hy: the sine's value, or the top next-character probability for text.
    y = h_ref.astype(np.float64) @ head.weight.detach().double().numpy().T + head.bias.detach().double().numpy()
    if seq.kind == "sine":
        np.testing.assert_allclose(run.y, y[:, 0], atol=1e-5)
    else:
        p = np.exp(y - y.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        np.testing.assert_array_equal(run.guess, p.argmax(axis=1))
        np.testing.assert_allclose(run.y, p.max(axis=1), atol=1e-5)


def test_manual_unroll_in_float64_matches_nn_rnn_to_1e12():
    g = torch.Generator().manual_seed(0)
    rnn = torch.nn.RNN(3, 5, batch_first=True).double()
    for p in rnn.parameters():
        torch.nn.init.normal_(p, 0, 0.5, generator=g)
    x = torch.randn(30, 3, generator=g, dtype=torch.float64)
    with torch.no_grad():
        h = manual_unroll(x, rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0)
        ref = rnn(x[None])[0][0]
    torch.testing.assert_close(h, ref, rtol=1e-12, atol=1e-12)


def test_unroll_reports_shapes_and_shared_parameter_count():
    seq = make_sequence(RnnConfig(sequence="text"))  # V = 6 with the end token
    run = unroll(seq, RnnConfig())
    assert run.shapes == ((16, 6), (16, 16), (6, 16))
    assert run.params == 16 * 6 + 16 * 16 + 2 * 16 + 6 * 16 + 6


def test_models_follow_the_seed_and_pytorch_default_range():
    a, _ = make_model("gru", 1, 8, 1, seed=1)
    b, _ = make_model("gru", 1, 8, 1, seed=1)
    c, _ = make_model("gru", 1, 8, 1, seed=2)
    torch.testing.assert_close(a.weight_hh_l0, b.weight_hh_l0, rtol=0, atol=0)
    assert not torch.equal(a.weight_hh_l0, c.weight_hh_l0)
    assert a.weight_hh_l0.abs().max() <= 1 / math.sqrt(8)


def test_forget_bias_sets_the_forget_gate_and_only_it():
    on, _ = make_model("lstm", 2, 4, 1, seed=0, forget_bias=True)
    off, _ = make_model("lstm", 2, 4, 1, seed=0, forget_bias=False)
    total = (on.bias_ih_l0 + on.bias_hh_l0).detach()
    torch.testing.assert_close(total[4:8], torch.ones(4))
    for name, p in on.named_parameters():
        keep = torch.ones_like(p, dtype=torch.bool)
        if name.startswith("bias"):
            keep[4:8] = False
        torch.testing.assert_close(p[keep], dict(off.named_parameters())[name][keep], rtol=0, atol=0)
    # Behaviour, not layout: with every weight and other bias zeroed, c_1 = σ(1)·c_0 + σ(0)·tanh(0) = σ(1)·c_0.
    with torch.no_grad():
        for p in on.parameters():
            p.zero_()
        on.bias_ih_l0[4:8] = 1.0
        _, (_, c1) = on(torch.zeros(1, 1, 2), (torch.zeros(1, 1, 4), torch.ones(1, 1, 4)))
    torch.testing.assert_close(c1.reshape(-1), torch.full((4,), 1 / (1 + math.exp(-1))))


# ---- backpropagation through time ----------------------------------------------------------------

REFERENCE_CELLS = {"rnn": torch.nn.RNNCell, "lstm": torch.nn.LSTMCell, "gru": torch.nn.GRUCell}


def last_loss_with_bump(seq, cell, rnn, head, t_bump: int, unit: int, eps: float) -> float:
    """L_T computed with nn.*Cell (weights copied) after adding eps to unit ``unit`` of h_{t_bump}."""
    ref = copied(REFERENCE_CELLS[cell], rnn)
    w, b = head.weight.detach().double(), head.bias.detach().double()
    h = torch.zeros(1, rnn.hidden_size, dtype=torch.float64)
    c = torch.zeros_like(h)
    with torch.no_grad():
        for t, x_t in enumerate(torch.from_numpy(seq.x).double()):
            if cell == "lstm":
                h, c = ref(x_t[None], (h, c))
            else:
                h = ref(x_t[None], h)
            if t == t_bump:
                h = h.clone()
                h[0, unit] += eps
        y = h[0] @ w.T + b
    if seq.kind == "sine":
        return float((y[0] - float(seq.target[-1])) ** 2)
    return float(torch.logsumexp(y, 0) - y[int(seq.target[-1])])


@pytest.mark.parametrize("name", ["sine", "korean"])
@pytest.mark.parametrize(("cell", "forget_bias"), [("rnn", False), ("lstm", True), ("lstm", False), ("gru", False)])
def test_bptt_gradients_match_finite_differences(name, cell, forget_bias):
    seq = SEQUENCES[name](T=5)
    rnn, head = make_model(cell, seq.x.shape[1], 3, output_size(seq), seed=7, forget_bias=forget_bias)
    rnn, head = rnn.double(), head.double()
    grads = hidden_gradients(rnn, head, seq)  # (T, H)
    assert grads.shape == (5, 3)
    eps = 1e-6
    fd = np.zeros((5, 3))
    for t in range(5):
        for i in range(3):
            up = last_loss_with_bump(seq, cell, rnn, head, t, i, eps)
            down = last_loss_with_bump(seq, cell, rnn, head, t, i, -eps)
            fd[t, i] = (up - down) / (2 * eps)
    np.testing.assert_allclose(grads.numpy(), fd, rtol=1e-6, atol=1e-9)
    assert np.abs(fd).max() > 1e-3  # the check compares real, non-zero gradients


def test_bptt_norms_are_the_norms_of_hidden_gradients():
    seq = make_sequence(RnnConfig(T=8))
    grads = bptt_gradients(seq, RnnConfig(hidden=4, seed=2))
    assert grads.names == ("rnn", "lstm", "lstm0", "gru") and grads.norms.shape == (4, 8)
    rnn, head = make_model("gru", 1, 4, 1, seed=2)
    np.testing.assert_allclose(grads.norms[3], hidden_gradients(rnn, head, seq).norm(dim=1).numpy(), rtol=1e-6)


def test_done_when_default_task_lstm_and_gru_keep_orders_of_magnitude_more_gradient():
    # The page's default: sine, f = 0.05, T = 40, H = 16, seed 0.
    grads = bptt_gradients(make_sequence(RnnConfig()), RnnConfig())
    ratios = first_step_ratios(grads)
    assert ratios["lstm"] >= 3 and ratios["gru"] >= 2, ratios
    assert ratios["lstm"] > ratios["lstm0"] + 3  # the forget-gate bias is what keeps the LSTM's gradient
    rnn = grads.norms[0]
    assert rnn[0] < 1e-6 * rnn[-1]  # the plain RNN's gradient vanishes on the way back


def test_the_gap_is_not_a_lucky_seed():
    seq = make_sequence(RnnConfig())
    ratios = [first_step_ratios(bptt_gradients(seq, RnnConfig(seed=s))) for s in range(6)]
    assert np.median([r["lstm"] for r in ratios]) >= 3
    assert np.median([r["gru"] for r in ratios]) >= 2


def test_first_step_ratios_closed_form():
    norms = np.array([[1e-9, 1.0], [1e-3, 1.0], [0.0, 1.0], [1e-7, 1.0]])
    ratios = first_step_ratios(Gradients(("rnn", "lstm", "lstm0", "gru"), norms))
    assert ratios["rnn"] == 0 and ratios["lstm"] == pytest.approx(6) and ratios["gru"] == pytest.approx(2)
    assert ratios["lstm0"] < -290  # a gradient that underflowed to 0 stays comparable


# ---- training ------------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_training_learns_the_sine(cell):
    run = train(make_sequence(RnnConfig(T=30)), RnnConfig(cell=cell, hidden=8, epochs=120))
    assert run.stop_epoch is None and len(run.loss) == 121
    assert run.loss[-1] < 0.05 * run.loss[0]
    assert run.epochs[0] == 0 and run.epochs[-1] == 120 and len(run.epochs) <= MAX_FRAMES
    assert run.pred.shape == (len(run.epochs), 30)


def test_first_loss_and_first_adam_step_match_a_hand_replay():
    seq = make_sequence(RnnConfig(T=12, noise=0.1, seed=4))
    run = train(seq, RnnConfig(hidden=6, epochs=3, seed=9))
    rnn, head = make_model("rnn", 1, 6, 1, seed=9)
    cell = copied(torch.nn.RNNCell, rnn).float()
    params = [*cell.parameters(), *head.parameters()]
    opt = torch.optim.Adam(params, lr=LR)

    def predict():
        h, ys = torch.zeros(1, 6), []
        for x_t in torch.from_numpy(seq.x):
            h = cell(x_t[None], h)
            ys.append(head(h)[0, 0])
        return torch.stack(ys)

    def loss_now():
        return ((predict() - torch.from_numpy(seq.target)) ** 2).mean()

    np.testing.assert_allclose(run.pred[0], predict().detach().numpy(), rtol=1e-5, atol=1e-6)
    for k in range(3):
        loss = loss_now()
        assert run.loss[k] == pytest.approx(loss.item(), rel=1e-5)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, CLIP)
        opt.step()
    assert run.loss[3] == pytest.approx(loss_now().item(), rel=1e-5)


def test_training_learns_the_next_korean_character():
    seq = make_sequence(RnnConfig(sequence="text"))
    run = train(seq, RnnConfig(cell="lstm"))
    assert run.pred[0].max() < 0.5  # before training: close to uniform over 6 symbols
    assert run.pred[-1].min() > 0.9
    np.testing.assert_array_equal(run.guess[-1], seq.target)
    assert run.loss[0] == pytest.approx(math.log(6), rel=0.15)  # cross-entropy of a near-uniform guess


def test_a_run_that_blows_up_stops_and_says_when(monkeypatch):
    monkeypatch.setattr(rnn_unrolling_train, "LR", 1e30)
    run = train(make_sequence(RnnConfig(T=10)), RnnConfig(hidden=4, epochs=50))
    assert run.stop_epoch is not None and 0 < run.stop_epoch <= 50
    assert len(run.loss) == run.stop_epoch and np.isfinite(run.loss).all()
    assert run.epochs.max() < run.stop_epoch


# ---- seeding is per call, not global --------------------------------------------------------------


def _everything(seed: int):
    seq = make_sequence(RnnConfig(T=20, noise=0.2, seed=seed))
    return (
        seq.x,
        bptt_gradients(seq, RnnConfig(hidden=6, seed=seed)).norms,
        train(seq, RnnConfig(cell="gru", hidden=6, epochs=30, seed=seed)).loss,
    )


def test_two_seeds_in_parallel_threads_equal_their_single_threaded_runs():
    alone = {s: _everything(s) for s in (1, 2)}
    with ThreadPoolExecutor(max_workers=2) as pool:
        together = dict(zip((1, 2), pool.map(_everything, (1, 2)), strict=True))
    for s in (1, 2):
        for a, b in zip(alone[s], together[s], strict=True):
            np.testing.assert_array_equal(a, b)
    assert not np.array_equal(alone[1][0], alone[2][0])
