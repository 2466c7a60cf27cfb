"""A whole project on scikit-learn's digits (chapter 15): data, split, an MLP trained live, results, your own digit."""

import streamlit as st

from core.common.params import defaults, experiment
from core.digits.data import make_split, normalise, train_stats
from core.digits.evaluate import evaluate
from core.digits.mlp import ProjectConfig, build_mlp, train_digits
from core.digits.weights import read_state
from ui import digits_training as training
from ui.cache import cache_resource
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.state import lang, t
from viz import digits_project as viz

C = ProjectConfig
EXPERIMENTS = [
    Experiment("deep", experiment(C, depth=4, width="64", batchnorm=True)),
    Experiment("sgd", experiment(C, optimizer="sgd", lr=0.01)),
    Experiment("overfit", experiment(C, width="256", dropout=0.0, epochs=60, batch="16")),
    Experiment("too_fast", experiment(C, lr=0.3)),
    Experiment("tiny", experiment(C, depth=1, width="16")),
]
SHOWN = 12  # misclassified digits in the gallery


@cache_resource(max_entries=16)
def evaluation(key: str, _cfg: ProjectConfig, _state: dict):
    return evaluate(_cfg, _state, make_split(_cfg.seed))


@figure_cache
def training_figure(key: str, _run, language: str):
    return viz.training_figure(_run, language)


@figure_cache
def data_figure(seed: int, language: str, _split):
    """The split depends on the seed alone (make_split): a new learning rate or width keeps this figure."""
    return viz.data_figure(_split, language)


@figure_cache
def results_figure(key: str, _ev, language: str):
    return viz.results_figure(_ev, language)


place, main = start("digits-project")
with place:
    cfg = controls(C, "dp", place)
    try_this("dp", EXPERIMENTS, defaults(C), main=main)

with main:
    run, error = training.train(cfg)
    if error:
        st.error(t("dp.train_failed", msg=error), icon=":material/error:")
        st.stop()
    run_key = f"{hash(cfg)}-{'stopped' if run.stopped else 'complete'}-{run.epochs_done}"
    chart(training_figure(run_key, run, lang()), key="dp_main", caption=t("dp.main_caption"), scrub=True)
    if run.diverged_at is not None:
        st.error(t("dp.diverged", epoch=run.diverged_at, lr=cfg.lr), icon=":material/warning:")
    elif run.stopped:
        st.warning(t("dp.stopped", e=run.epochs_done, n=run.epochs), icon=":material/stop_circle:")
        st.button(t("dp.restart"), key="dp_restart", on_click=training.restart, icon=":material/restart_alt:")
    ev = evaluation(run_key, cfg, run.state)
    m = metric_row()
    m.metric(t("dp.metric_test"), f"{ev.accuracy:.1%}", help=t("dp.metric_test_help"))
    m.metric(t("dp.metric_val"), f"{run.acc[-1, 1]:.1%}")
    m.metric(t("dp.metric_train"), f"{run.acc[-1, 0]:.1%}")
    m.metric(t("dp.metric_time"), f"{run.seconds:.1f} s", help=t("dp.metric_time_help"))

st.subheader(t("dp.data_heading"))
st.caption(
    t("dp.data_caption", n_train=len(run.split.y_train), n_val=len(run.split.y_val), n_test=len(run.split.y_test))
)
chart(data_figure(cfg.seed, lang(), run.split), key="dp_data")

state, state_key = training.weights_section(cfg, run, run_key)
ev = evaluation(state_key, cfg, state)
st.subheader(t("dp.results_heading"))
st.success(t("dp.results_summary", acc=ev.accuracy, wrong=int((ev.pred != run.split.y_test).sum()),
             n=len(run.split.y_test)), icon=":material/task_alt:")  # fmt: skip
chart(results_figure(state_key, ev, lang()), key="dp_results")
st.caption(t("dp.results_caption"))

training.mistakes(ev, run.split, SHOWN)
training.drawing(cfg, state, state_key, run.split)

code_expander(make_split, train_stats, normalise, build_mlp, train_digits, evaluate, read_state)
