"""RNN unrolling (chapter 19): the unrolled graph, nn.RNN vs the hand loop, training, and BPTT gradient norms."""

import streamlit as st

from core.rnn_unrolling import MAX_STEPS, SequenceError, make_model, make_sequence, manual_unroll, unroll
from core.rnn_unrolling_bptt import bptt_gradients, first_step_ratios, gradient_verdict, hidden_gradients
from core.rnn_unrolling_train import train
from i18n.numbers import num
from ui.chart import chart
from ui.options import option
from ui.page import Experiment, applied_experiment, bound, code_expander, control_row, header, try_this, workspace
from ui.state import lang, seed, t
from ui.text import inert
from viz.rnn_unrolling import gradient_figure, ratio_text, shown_char, training_figure, unrolled_figure

DEFAULTS = {"sequence": "sine", "text": "안녕하세요", "T": 40, "hidden": 16, "freq": 0.05, "noise": 0.0}
DEFAULTS |= {"cell": "rnn", "epochs": 150, "forget_bias": True}
EXPERIMENTS = [
    Experiment("korean", DEFAULTS | {"sequence": "text", "text": "안녕하세요"}),
    Experiment("vanish", DEFAULTS),
    Experiment("nobias", DEFAULTS | {"cell": "lstm", "forget_bias": False}),
    Experiment("long", DEFAULTS | {"T": 60}),
    Experiment("noise", DEFAULTS | {"noise": 0.3, "cell": "gru", "epochs": 200}),
]


@st.cache_data(max_entries=32, show_spinner=False)
def compute(kind: str, T: int, freq: float, noise: float, text: str, hidden: int, seed_: int):
    seq = make_sequence(kind, T, freq=freq, noise=noise, text=text, seed=seed_)
    return seq, unroll(seq, hidden, seed_), bptt_gradients(seq, hidden, seed_)


@st.cache_data(max_entries=32, show_spinner=False)
def compute_training(kind, T, freq, noise, text, hidden, seed_, cell, epochs, forget_bias):
    seq = compute(kind, T, freq, noise, text, hidden, seed_)[0]
    return train(seq, cell, hidden, epochs, seed_, forget_bias)


@st.cache_resource(max_entries=16, show_spinner=False)
def unroll_figures(args: tuple, forget_bias: bool, language: str):
    seq, run, grads = compute(*args)
    return unrolled_figure(seq, run, language), gradient_figure(grads, forget_bias, language)


@st.cache_resource(max_entries=16, show_spinner=False)
def train_figure(args: tuple, cell: str, epochs: int, forget_bias: bool, language: str):
    return training_figure(compute(*args)[0], compute_training(*args, cell, epochs, forget_bias), language)


formula = r"\begin{aligned} h_t &= \tanh(W_{xh}\,x_t + W_{hh}\,h_{t-1} + b) \\ y_t &= W_{hy}\,h_t + b_y, \quad h_0 = 0 \end{aligned}"
header("rnn-unrolling", "rnn.intro", formula, "rnn.formula_note", "rnn.intro_more")
controls, main = workspace()

with controls:
    c = control_row(controls, 5)
    kinds = ["sine", "text"]
    caps = [t(f"rnn.sequence.{k}") for k in kinds]
    kind = option(c[0].radio, "sequence", "rnn.sequence", kinds, "rnn.sequence_name", captions=caps, horizontal=True)
    text = bound(c[0].text_input, "text", "rnn.text", value=DEFAULTS["text"], disabled=kind != "text") or ""
    T = bound(c[1].slider, "T", "rnn.T", min_value=2, max_value=MAX_STEPS, value=DEFAULTS["T"])
    hidden = bound(c[2].slider, "hidden", "rnn.hidden", min_value=2, max_value=32, value=DEFAULTS["hidden"])
    off = {"disabled": kind != "sine"}
    freq = bound(c[3].slider, "freq", "rnn.freq", min_value=0.01, max_value=0.25, value=0.05, step=0.01, **off)
    noise = bound(c[4].slider, "noise", "rnn.noise", min_value=0.0, max_value=0.5, value=0.0, step=0.05, **off)
    c = control_row(controls, 3)
    cells = ["rnn", "lstm", "gru"]
    caps = [t(f"rnn.cell_caption.{k}") for k in cells]
    cell = option(c[0].radio, "cell", "rnn.cell", cells, "rnn.cell_name", captions=caps, horizontal=True)
    epochs = bound(c[1].slider, "epochs", "rnn.epochs", min_value=10, max_value=300, value=150, step=10)
    forget_bias = bound(c[2].checkbox, "forget_bias", "rnn.forget_bias", value=True)
    try_this("rnn", EXPERIMENTS, DEFAULTS)

args = (kind, T, freq, noise, text, hidden, seed())
with main:
    applied_experiment("rnn")
    try:
        seq, run, grads = compute(*args)
    except SequenceError as err:
        st.error(t(f"rnn.err_{err.code}"), icon=":material/edit_note:")
        st.stop()
    fig_unrolled, fig_grads = unroll_figures(args, forget_bias, lang())
    chart(fig_unrolled, key="rnn_unrolled")
    wxh, whh, why = ("×".join(map(str, s)) for s in run.shapes)
    st.caption(t("rnn.unroll_caption", seed=seed(), wxh=wxh, whh=whh, why=why, T=len(seq.x)) + " " + t("ui.scrub_hint"))
    if seq.kind == "text":
        if seq.total > len(seq.tokens):
            st.warning(
                t("rnn.warn_cut", total=seq.total, T=len(seq.tokens), max=MAX_STEPS), icon=":material/content_cut:"
            )
        st.caption(t("rnn.text_steps", n=len(seq.tokens), vocab=inert(" ".join(shown_char(v) for v in seq.vocab))))
    st.caption(t("rnn.check_diff", diff=run.max_diff), help=t("rnn.metric_diff_help"))
    m = st.columns(2)
    m[0].metric(t("rnn.metric_steps"), len(seq.x))
    m[1].metric(t("rnn.metric_params"), f"{run.params:,}", help=t("rnn.metric_params_help"))

st.subheader(t("rnn.train_title"), divider="gray")
with st.spinner(t("rnn.training_spinner", epochs=epochs)):
    training = compute_training(*args, cell, epochs, forget_bias)
cell_name = t(f"rnn.cell.{cell if cell != 'lstm' or forget_bias else 'lstm0'}")
st.caption(t(f"rnn.train_caption_{seq.kind}", cell=cell_name, H=hidden))
chart(train_figure(args, cell, epochs, forget_bias, lang()), key="rnn_training")
l0, ln = training.loss[0], training.loss[-1]
if training.stop_epoch is not None:
    st.error(t("rnn.diverged", epoch=training.stop_epoch), icon=":material/warning:")
elif ln < l0:
    st.success(t("rnn.trained", epochs=epochs, l0=l0, ln=ln), icon=":material/trending_down:")
else:
    st.warning(t("rnn.not_trained", epochs=epochs, l0=l0, ln=ln), icon=":material/trending_flat:")

st.subheader(t("rnn.bptt_title"), divider="gray")
st.markdown(t("rnn.bptt_caption", H=hidden))
chart(fig_grads, key="rnn_gradients")
ratios, lstm = first_step_ratios(grads), "lstm" if forget_bias else "lstm0"
verdict = gradient_verdict(ratios, forget_bias)
(st.success if verdict == "vanish" else st.info)(
    t(f"rnn.verdict_{verdict}", lstm=ratio_text(ratios[lstm]), gru=ratio_text(ratios["gru"]))
)
st.caption(t("rnn.forget_effect", ratio=ratio_text(ratios["lstm"] - ratios["lstm0"])))
m = st.columns(3)
for col, name in zip(m, ("rnn", lstm, "gru"), strict=True):
    col.metric(t("rnn.metric_grad", cell=t(f"rnn.cell.{name}")), num(grads.norms[grads.names.index(name), 0]))

code_expander(make_sequence, make_model, manual_unroll, unroll, hidden_gradients, bptt_gradients, train)
