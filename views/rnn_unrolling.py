"""RNN unrolling (chapter 19): the unrolled graph, nn.RNN vs the hand loop, training, and BPTT gradient norms."""

import streamlit as st

from core.common.init import init_like_torch
from core.common.params import defaults, experiment
from core.rnn.bptt import bptt_gradients, first_step_ratios, gradient_verdict, hidden_gradients, unroll_and_gradients
from core.rnn.sequences import CELL_NAMES, KINDS, MAX_STEPS, RnnConfig, SequenceError, make_sequence
from core.rnn.train import train, training_status
from core.rnn.unroll import make_model, manual_unroll, unroll
from i18n.numbers import num
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.state import lang, t
from ui.text import inert
from viz.rnn_unrolling import gradient_figure, ratio_text, shape_words, shown_char, training_figure, unrolled_figure

C = RnnConfig
EXPERIMENTS = [
    Experiment("korean", experiment(C, sequence="text", text="안녕하세요")),
    Experiment("vanish", experiment(C)),
    Experiment("nobias", experiment(C, cell="lstm", forget_bias=False)),
    Experiment("long", experiment(C, T=60)),
    Experiment("noise", experiment(C, noise=0.3, cell="gru", epochs=200)),
]
STATUS = {"diverged": (st.error, "warning"), "trained": (st.success, "trending_down"), "not_trained": (st.warning, "trending_flat")}  # fmt: skip
compute = cache_data(max_entries=32)(unroll_and_gradients)


@cache_data(max_entries=32)
def compute_training(cfg: RnnConfig):
    return train(compute(cfg.unroll_part).seq, cfg)


@figure_cache
def figures(part: RnnConfig, forget_bias: bool, language: str):
    out = compute(part)
    unrolled = unrolled_figure(out.seq, unroll=out.run, lang=language)
    return unrolled, gradient_figure(out.grads, forget_bias=forget_bias, lang=language)


@figure_cache
def train_figure(cfg: RnnConfig, language: str):
    return training_figure(compute(cfg.unroll_part).seq, training=compute_training(cfg), lang=language)


place, main = start("rnn-unrolling")
with place:
    captions = {"sequence": [t(f"rnn.sequence.{k}") for k in KINDS], "cell": [t(f"rnn.cell_caption.{k}") for k in CELL_NAMES]}  # fmt: skip
    radios = {name: {"captions": caps, "horizontal": True} for name, caps in captions.items()}
    sine = lambda v: v["sequence"] != "sine"  # noqa: E731 - the sine's settings change nothing for a text
    cfg = controls(C, "rnn", place, per_row=5, options=radios,
                   disabled={"text": lambda v: v["sequence"] != "text", "freq": sine, "noise": sine})  # fmt: skip
    try_this("rnn", EXPERIMENTS, defaults(C), main=main)

with main:
    try:
        seq, run, grads = (out := compute(cfg.unroll_part)).seq, out.run, out.grads
    except SequenceError as err:
        st.error(t(f"rnn.err_{err.code}"), icon=":material/edit_note:")
        st.stop()
    fig_unrolled, fig_grads = figures(cfg.unroll_part, cfg.forget_bias, lang())
    words = shape_words(run.shapes)
    chart(fig_unrolled, key="rnn_unrolled", caption=t("rnn.unroll_caption", seed=cfg.seed, T=len(seq.x), **words), scrub=True)  # fmt: skip
    if seq.kind == "text":
        if seq.total > len(seq.tokens):
            st.warning(
                t("rnn.warn_cut", total=seq.total, T=len(seq.tokens), max=MAX_STEPS), icon=":material/content_cut:"
            )
        st.caption(t("rnn.text_steps", n=len(seq.tokens), vocab=inert(" ".join(shown_char(v) for v in seq.vocab))))
    st.caption(t("rnn.check_diff", diff=run.max_diff), help=t("rnn.metric_diff_help"))
    m = metric_row()
    m.metric(t("rnn.metric_steps"), len(seq.x))
    m.metric(t("rnn.metric_params"), f"{run.params:,}", help=t("rnn.metric_params_help"))

st.subheader(t("rnn.train_title"), divider="gray")
with st.spinner(t("rnn.training_spinner", epochs=cfg.epochs)):
    training = compute_training(cfg)
st.caption(t(f"rnn.train_caption_{seq.kind}", cell=t(f"rnn.cell.{cfg.variant}"), H=cfg.hidden))
chart(train_figure(cfg, lang()), key="rnn_training")
message, icon = STATUS[status := training_status(training)]
message(t(f"rnn.{status}", epoch=training.stop_epoch, epochs=cfg.epochs, l0=training.loss[0], ln=training.loss[-1]),
        icon=f":material/{icon}:")  # fmt: skip

st.subheader(t("rnn.bptt_title"), divider="gray")
st.markdown(t("rnn.bptt_caption", H=cfg.hidden))
chart(fig_grads, key="rnn_gradients")
verdict = gradient_verdict(ratios := first_step_ratios(grads), cfg.forget_bias)
(st.success if verdict == "vanish" else st.info)(t(f"rnn.verdict_{verdict}", lstm=ratio_text(ratios[cfg.lstm]),
                                                  gru=ratio_text(ratios["gru"])))  # fmt: skip
st.caption(t("rnn.forget_effect", ratio=ratio_text(ratios["lstm"] - ratios["lstm0"])))
m = metric_row()
for name in ("rnn", cfg.lstm, "gru"):
    m.metric(t("rnn.metric_grad", cell=t(f"rnn.cell.{name}")), num(grads.norms[grads.names.index(name), 0]))
code_expander(make_sequence, make_model, init_like_torch, manual_unroll, unroll, hidden_gradients, bptt_gradients,
              train)  # fmt: skip
