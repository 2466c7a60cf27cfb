"""Backpropagation (chapter 9): a 2-2-1 network or a scalar expression as a graph, the chain rule node by node."""

import streamlit as st

from core.backprop import BackpropConfig, run_backprop, torch_expression, torch_network
from core.backprop.graph import backward, central_differences
from core.common.params import defaults, experiment
from i18n.numbers import num
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.state import lang, t
from ui.table import table
from viz.backprop import compare_figure, graph_figure, label

C = BackpropConfig
NETWORK = ("act", "loss", "x1", "x2", "y")
WEIGHTS = ("w11", "w12", "w21", "w22", "b1", "b2", "v1", "v2", "bo")
EXPRESSION = ("a", "b", "c", "d")
GRADS = ("bp.col_graph", "bp.col_torch", "bp.col_fd")  # the table's three columns of ∂L/∂node
EXPERIMENTS = [
    Experiment("relu_dead", experiment(C, act="relu")),
    Experiment("bce", experiment(C, loss="bce")),
    Experiment("saturate", experiment(C, x1=2.0, x2=-2.0, w11=2.0, w12=-2.0)),
    Experiment("expression", experiment(C, mode="expression")),
]
compute = cache_data(max_entries=32)(run_backprop)


@figure_cache
def figures(cfg: BackpropConfig, language: str):
    run = compute(cfg)
    return graph_figure(run, language), compare_figure(run, language)


place, main = start("backprop")
with place:
    mode = controls(C, "bp", place, only=("mode",)).mode
    shown = NETWORK if mode == "network" else EXPRESSION
    parts = [controls(C, "bp", place, only=shown)]
    if mode == "network":
        with place.expander(t("bp.weights"), icon=":material/tune:"):
            parts.append(controls(C, "bp", st.container(), only=WEIGHTS))
    values = {n: getattr(p, n) for p, names in zip(parts, (shown, WEIGHTS), strict=False) for n in names}
    cfg = C(mode=mode, **values)
    try_this("bp", EXPERIMENTS, defaults(C), main=main)

run = compute(cfg)
fig_graph, fig_compare = figures(cfg, lang())
with main:
    chart(fig_graph, key="bp_graph", caption=t("bp.graph_caption"), scrub=True)
    if not run.finite:
        st.warning(t("bp.saturated"), icon=":material/warning:")
    else:
        torch_gap, fd_gap = run.gaps
        st.success(t("bp.agree", n=len(run.checked), torch=torch_gap, fd=fd_gap), icon=":material/check:")
        m = metric_row()
        m.metric(t("bp.metric_loss"), num(run.loss_value))
        m.metric(t("bp.metric_torch"), num(torch_gap), help=t("bp.metric_torch_help"))
        m.metric(t("bp.metric_fd"), num(fd_gap), help=t("bp.metric_fd_help"))

st.subheader(t("bp.compare_heading"))
st.markdown(t(f"bp.compare_text.{cfg.mode}"))
left, right = st.columns(2)
chart(fig_compare, key="bp_compare", where=left)
rows = run.checked  # the target y gets no gradient
table(
    {t("bp.col_node"): [label(run.names[i]) for i in rows]}
    | {t(k): values[rows] for k, values in zip(GRADS, (run.grads, run.autograd, run.numeric), strict=True)},
    key="bp_grads",
    where=right,
    formats={t(k): "z.6f" for k in GRADS},  # six decimals, as the three ways agree; no "-0.000000"
)
code_expander(run_backprop, backward, central_differences, torch_network if mode == "network" else torch_expression)
