"""A whole project on scikit-learn's digits (chapter 15): data, split, an MLP trained live, results, your own digit."""

import numpy as np
import streamlit as st

from core.common.params import defaults, experiment
from core.digits.data import INK, SIDE, make_split, normalise, train_stats
from core.digits.evaluate import drawn_image, evaluate, predict_proba
from core.digits.mlp import ProjectConfig, build_mlp, train_digits
from core.digits.weights import read_state
from ui import digits_training as training
from ui.chart import chart
from ui.page import Experiment, applied_experiment, code_expander, header, try_this, workspace
from ui.params import controls
from ui.state import lang, t
from viz import digits_project as viz
from viz.digits import upscale

C = ProjectConfig
EXPERIMENTS = [
    Experiment("deep", experiment(C, depth=4, width="64", batchnorm=True)),
    Experiment("sgd", experiment(C, optimizer="sgd", lr=0.01)),
    Experiment("overfit", experiment(C, width="256", dropout=0.0, epochs=60, batch="16")),
    Experiment("too_fast", experiment(C, lr=0.3)),
    Experiment("tiny", experiment(C, depth=1, width="16")),
]
SHOWN = 12  # misclassified digits in the gallery


@st.cache_resource(max_entries=16, show_spinner=False)
def evaluation(key: str, _cfg: ProjectConfig, _state: dict):
    return evaluate(_cfg, _state, make_split(_cfg.seed))


@st.cache_resource(max_entries=16, show_spinner=False)
def figures(key: str, _run, language: str):
    return viz.training_figure(_run, language), viz.data_figure(_run.split, language)


header("digits-project", "dp.intro", r"\mathcal{L} = -\frac{1}{N}\sum_i \log p_\theta(y_i \mid x_i)", "dp.formula_note",
       "dp.intro_more")  # fmt: skip
place, main = workspace()
with place:
    cfg = controls(C, "dp", place)
    try_this("dp", EXPERIMENTS, defaults(C))

with main:
    applied_experiment("dp")
    run, error = training.train(cfg)
    if error:
        st.error(t("dp.train_failed", msg=error), icon=":material/error:")
        st.stop()
    run_key = f"{hash(cfg)}-{'stopped' if run.stopped else 'complete'}-{run.epochs_done}"
    fig_train, fig_data = figures(run_key, run, lang())
    chart(fig_train, key="dp_main")
    st.caption(t("dp.main_caption") + " " + t("ui.scrub_hint"))
    if run.diverged_at is not None:
        st.error(t("dp.diverged", epoch=run.diverged_at, lr=cfg.lr), icon=":material/warning:")
    elif run.stopped:
        st.warning(t("dp.stopped", e=run.epochs_done, n=run.epochs), icon=":material/stop_circle:")
        st.button(t("dp.restart"), key="dp_restart", on_click=training.restart, icon=":material/restart_alt:")
    state, state_key = run.state, run_key
    ev = evaluation(state_key, cfg, state)
    m = st.columns(4)
    m[0].metric(t("dp.metric_test"), f"{ev.accuracy:.1%}", help=t("dp.metric_test_help"))
    m[1].metric(t("dp.metric_val"), f"{run.acc[-1, 1]:.1%}")
    m[2].metric(t("dp.metric_train"), f"{run.acc[-1, 0]:.1%}")
    m[3].metric(t("dp.metric_time"), f"{run.seconds:.1f} s", help=t("dp.metric_time_help"))

st.subheader(t("dp.data_heading"))
st.caption(
    t("dp.data_caption", n_train=len(run.split.y_train), n_val=len(run.split.y_val), n_test=len(run.split.y_test))
)
chart(fig_data, key="dp_data")

state, state_key = training.weights_section(cfg, run, run_key)
ev = evaluation(state_key, cfg, state)
st.subheader(t("dp.results_heading"))
st.success(t("dp.results_summary", acc=ev.accuracy, wrong=int((ev.pred != run.split.y_test).sum()),
             n=len(run.split.y_test)), icon=":material/task_alt:")  # fmt: skip
chart(viz.results_figure(ev, lang()), key="dp_results")
st.caption(t("dp.results_caption"))

st.subheader(t("dp.gallery_heading"))
if not len(ev.wrong):
    st.info(t("dp.gallery_none"), icon=":material/celebration:")
cols = st.columns(6)
for i, k in enumerate(ev.wrong[:SHOWN]):
    with cols[i % 6]:
        st.image(upscale(run.split.x_test[k].reshape(SIDE, SIDE), INK), width=96)
        top = " · ".join(f"{d}: {p:.0%}" for d, p in zip(ev.top[i], ev.top_p[i], strict=True))
        st.caption(t("dp.gallery_item", y=run.split.y_test[k], pred=ev.pred[k], top=top))

st.subheader(t("dp.canvas_heading"))
st.caption(t("dp.canvas_caption"))
cells = st.session_state.setdefault("dp_cells", np.zeros((SIDE, SIDE), np.float32))
probs = predict_proba(cfg, state, drawn_image(cells))[0]
chart(viz.canvas_figure(cells, probs, lang()), key="dp_canvas", on_click=training.click_cell)
b = st.columns(3)
b[0].button(t("dp.canvas_clear"), key="dp_clear", icon=":material/ink_eraser:",
            on_click=lambda: st.session_state.update(dp_cells=np.zeros((SIDE, SIDE), np.float32)))  # fmt: skip
b[1].button(t("dp.canvas_sample"), key="dp_sample", icon=":material/casino:", on_click=training.sample_digit,
            args=(run.split,))  # fmt: skip
b[2].markdown(t("dp.canvas_pred", d=int(np.argmax(probs)), p=float(probs.max())))

code_expander(make_split, train_stats, normalise, build_mlp, train_digits, evaluate, read_state)
