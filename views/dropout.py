"""Dropout and regularization (chapters 12, 14): one wide MLP trained plain and regularized from the same start."""

import streamlit as st

from core.dropout import InvertedDropout, build_mlp, train
from core.dropout_data import TASKS, make_data
from core.dropout_probe import bn_activations, compare, mc_dropout, mean_check
from i18n.numbers import num
from ui.chart import chart
from ui.options import option
from ui.page import Experiment, applied_experiment, bound, code_expander, control_row, header, try_this, workspace
from ui.state import lang, seed, t
from viz import dropout as viz

DEFAULTS = {"task": "classification", "n": 40, "noise": 0.3, "hidden": 64, "p": 0.5, "epochs": 200}
DEFAULTS |= {"weight_decay": 0.0, "batchnorm": False}
VERDICT = {"same": (st.info, "info"), "helps": (st.success, "verified"), "hurts": (st.warning, "trending_up")}
VERDICT["no_overfit"] = (st.info, "trending_flat")


@st.cache_data(max_entries=32, show_spinner=False)
def compute(task: str, n: int, noise: float, hidden: int, epochs: int, p: float, wd: float, bn: bool, seed: int):
    return compare(task, n, noise, hidden, epochs, p, wd, bn, seed)


@st.cache_resource(max_entries=16, show_spinner=False)
def figures(task: str, n: int, noise: float, hidden: int, epochs: int, p: float, wd: float, bn: bool, sd: int, lg: str):
    cmp = compute(task, n, noise, hidden, epochs, p, wd, bn, sd)
    labels = viz.model_labels(p, wd, bn, lg)
    return {
        "compare": viz.comparison_figure(cmp, labels, lg),
        "net": viz.network_figure(cmp.reg, cmp.data.x_train.shape[1], hidden, p, lg),
        "mean": viz.mean_figure(cmp.mean, p, lg),
        "mc": viz.mc_figure(cmp.mc, cmp.data, lg) if cmp.mc else None,
        "weights": viz.weight_figure(cmp.plain, cmp.reg, labels, lg),
        "bn": viz.bn_figure(cmp.bn, lg) if cmp.bn else None,
    }


formula = r"\begin{aligned} \tilde h &= \tfrac{m \odot h}{1-p}, \quad \mathbb{E}[\tilde h] = h \\ m_i &\sim \mathrm{Bernoulli}(1-p) \end{aligned}"
header("dropout", "drop.intro", formula, "drop.formula_note", "drop.intro_more")
controls, main = workspace()

with controls:
    c = control_row(controls, 4)
    task = option(c[0].selectbox, "task", "drop.task", TASKS, "drop.task")
    n = bound(c[1].slider, "n", "drop.n", min_value=10, max_value=200, value=DEFAULTS["n"], step=5)
    noise = bound(c[2].slider, "noise", "drop.noise", min_value=0.0, max_value=0.6, value=DEFAULTS["noise"], step=0.05)
    hidden = bound(c[3].slider, "hidden", "drop.hidden", min_value=16, max_value=128, value=DEFAULTS["hidden"], step=16)
    c = control_row(controls, 4)
    p = bound(c[0].slider, "p", "drop.p", min_value=0.0, max_value=0.9, value=DEFAULTS["p"], step=0.05)
    epochs = bound(c[1].slider, "epochs", "drop.epochs", min_value=20, max_value=400, value=DEFAULTS["epochs"], step=10)
    wd = bound(
        c[2].slider, "weight_decay", "drop.wd", min_value=0.0, max_value=0.1, value=0.0, step=0.001, format="%.3f"
    )
    bn = bound(c[3].toggle, "batchnorm", "drop.bn", value=False)
    try_this(
        "drop",
        [
            Experiment("overfit", DEFAULTS | {"hidden": 128}),
            Experiment("strong", DEFAULTS | {"p": 0.85, "hidden": 16}),
            Experiment("more_data", DEFAULTS | {"n": 200}),
            Experiment("weight_decay", DEFAULTS | {"p": 0.0, "weight_decay": 0.03}),
            Experiment("batchnorm", DEFAULTS | {"p": 0.0, "batchnorm": True}),
            Experiment("mc", DEFAULTS | {"task": "regression", "n": 20, "noise": 0.3, "p": 0.2, "epochs": 300}),
        ],
        DEFAULTS,
    )

with st.spinner(t("drop.training")):
    cmp = compute(task, n, noise, hidden, epochs, p, wd, bn, seed())
    figs = figures(task, n, noise, hidden, epochs, p, wd, bn, seed(), lang())
plain, reg, mean = cmp.plain, cmp.reg, cmp.mean
with main:
    applied_experiment("drop")
    chart(figs["compare"], key="drop_compare")
    st.caption(t("drop.compare_caption") + " " + t("ui.scrub_hint"))
    stopped = next((r.stop_epoch for r in (plain, reg) if r.stop_epoch is not None), None)
    if stopped is not None:
        st.error(t("drop.stopped", epoch=stopped), icon=":material/warning:")
    kind, text = viz.verdict_text(cmp, p, wd, bn, lang())
    VERDICT[kind][0](text, icon=f":material/{VERDICT[kind][1]}:")
    m, final = st.columns(4), float(plain.val_loss[-1])
    for i, (run, who) in enumerate(((plain, "plain"), (reg, "reg"))):
        name, value = t(f"drop.short_{who}"), float(run.val_loss[-1])
        delta = f"{value - final:+.3f}" if who == "reg" else None
        m[i].metric(
            t("drop.metric_val", model=name),
            num(value),
            delta,
            delta_color="inverse",
            help=t("drop.metric_val_help"),
        )
        m[i + 2].metric(t("drop.metric_best", model=name), run.best_epoch, help=t("drop.metric_best_help"))

st.subheader(t("drop.net_heading"))
st.markdown(t("drop.net_text"))
chart(figs["net"], key="drop_net")
chart(figs["mean"], key="drop_mean")
fmt = {"h": mean.mean_eval, "ht": mean.mean_train, "hu": mean.mean_unscaled, "keep": 1 - p}
st.markdown(t("drop.mean_text", rate=mean.drop_rate, p=p, **fmt))

st.subheader(t("drop.mc_heading"))
if cmp.mc is None:
    st.info(t("drop.mc_needs_regression"), icon=":material/info:")
else:
    st.markdown(t("drop.mc_text"))
    chart(figs["mc"], key="drop_mc")
    if p == 0:
        st.warning(t("drop.mc_zero"), icon=":material/info:")
    else:
        wider = "wider" if cmp.mc.width_edges > cmp.mc.width_inside else "not_wider"
        st.caption(t(f"drop.mc_{wider}", inside=cmp.mc.width_inside, edge=cmp.mc.width_edges))

st.subheader(t("drop.others_heading"))
st.markdown(t("drop.others_text"))
c = st.columns(2)
chart(figs["weights"], key="drop_weights", where=c[0])
c[0].caption(t("drop.weight_caption", plain=float(plain.weight_norm[-1]), reg=float(reg.weight_norm[-1])))
if cmp.bn:
    chart(figs["bn"], key="drop_bn", where=c[1])
    c[1].caption(t("drop.bn_caption"))
else:
    c[1].info(t("drop.bn_off"), icon=":material/info:")

code_expander(compare, make_data, build_mlp, InvertedDropout, train, mean_check, mc_dropout, bn_activations)
