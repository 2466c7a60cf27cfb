"""Dropout and regularization (chapters 12, 14): one wide MLP trained plain and regularized from the same start."""

import streamlit as st

from core.dropout import InvertedDropout, build_mlp, train
from core.dropout_data import TASKS, make_data
from core.dropout_probe import bn_activations, compare, mc_dropout, mean_check
from ui.page import Experiment, bound, code_expander, formula, header, try_this
from ui.state import lang, seed, t
from viz.dropout import bn_figure, comparison_figure, mc_figure, mean_figure, network_figure, weight_figure

DEFAULTS = {
    "task": "classification",
    "n": 40,
    "noise": 0.3,
    "hidden": 64,
    "p": 0.5,
    "epochs": 200,
    "weight_decay": 0.0,
    "batchnorm": False,
}
RISE = 1.1  # a final validation loss 10 % above its minimum counts as overfitting


@st.cache_data(max_entries=32, show_spinner=False)
def compute(task: str, n: int, noise: float, hidden: int, epochs: int, p: float, wd: float, bn: bool, seed: int):
    return compare(task, n, noise, hidden, epochs, p, wd, bn, seed)


def labels_for(p: float, wd: float, bn: bool) -> dict[str, str]:
    parts = [t("drop.part_dropout", p=p)] * (p > 0) + [t("drop.part_l2", wd=wd)] * (wd > 0) + [t("drop.part_bn")] * bn
    return {"plain": t("drop.model_plain"), "reg": " + ".join(parts) or t("drop.model_same")}


@st.cache_resource(max_entries=16, show_spinner=False)
def figures(task: str, n: int, noise: float, hidden: int, epochs: int, p: float, wd: float, bn: bool, sd: int, lg: str):
    cmp = compute(task, n, noise, hidden, epochs, p, wd, bn, sd)
    return {
        "compare": comparison_figure(cmp, labels_for(p, wd, bn), lg),
        "net": network_figure(cmp.reg, cmp.data.x_train.shape[1], hidden, p, lg),
        "mean": mean_figure(cmp.mean, p, lg),
        "mc": mc_figure(cmp.mc, cmp.data, lg) if cmp.mc else None,
        "weights": weight_figure(cmp.plain, cmp.reg, labels_for(p, wd, bn), lg),
        "bn": bn_figure(cmp.bn, lg) if cmp.bn else None,
    }


header("dropout", "drop.intro")
formula(
    r"\tilde h = \frac{m \odot h}{1-p},\quad m_i \sim \mathrm{Bernoulli}(1-p),\quad \mathbb{E}[\tilde h] = h",
    "drop.formula_note",
)

with st.container(border=True):
    c = st.columns(4)
    task = bound(c[0].selectbox, "task", "drop.task", options=list(TASKS))
    c[0].caption(t(f"drop.task.{task}"))
    n = bound(c[1].slider, "n", "drop.n", min_value=10, max_value=200, value=DEFAULTS["n"], step=5)
    noise = bound(c[2].slider, "noise", "drop.noise", min_value=0.0, max_value=0.6, value=DEFAULTS["noise"], step=0.05)
    hidden = bound(c[3].slider, "hidden", "drop.hidden", min_value=16, max_value=256, value=DEFAULTS["hidden"], step=16)
    c = st.columns(4)
    p = bound(c[0].slider, "p", "drop.p", min_value=0.0, max_value=0.9, value=DEFAULTS["p"], step=0.05)
    epochs = bound(c[1].slider, "epochs", "drop.epochs", min_value=20, max_value=500, value=DEFAULTS["epochs"], step=10)
    wd = bound(
        c[2].slider, "weight_decay", "drop.wd", min_value=0.0, max_value=0.1, value=0.0, step=0.001, format="%.3f"
    )
    bn = bound(c[3].toggle, "batchnorm", "drop.bn", value=False)

with st.spinner(t("drop.training")):
    cmp = compute(task, n, noise, hidden, epochs, p, wd, bn, seed())
    figs = figures(task, n, noise, hidden, epochs, p, wd, bn, seed(), lang())
plain, reg = cmp.plain, cmp.reg
names = labels_for(p, wd, bn)
stopped = next((r.stop_epoch for r in (plain, reg) if r.stop_epoch is not None), None)
if stopped is not None:
    st.error(t("drop.stopped", epoch=stopped), icon=":material/warning:")
best, final, reg_final = float(plain.val_loss[plain.best_epoch]), float(plain.val_loss[-1]), float(reg.val_loss[-1])
fmt = {"best": best, "e": plain.best_epoch, "final": final, "reg": names["reg"], "reg_final": reg_final}
if p == 0 and wd == 0 and not bn:
    st.info(t("drop.verdict_same"), icon=":material/info:")
elif final > RISE * best and reg_final < final:
    st.success(t("drop.verdict_helps", pct=100 * (1 - reg_final / final), **fmt), icon=":material/verified:")
elif final > RISE * best:
    st.warning(t("drop.verdict_hurts", **fmt), icon=":material/trending_up:")
else:
    st.info(t("drop.verdict_no_overfit", **fmt), icon=":material/trending_flat:")

m = st.columns(4)
m[0].metric(t("drop.metric_val", model=t("drop.short_plain")), f"{final:.3f}", help=t("drop.metric_val_help"))
m[1].metric(
    t("drop.metric_val", model=t("drop.short_reg")),
    f"{reg_final:.3f}",
    f"{reg_final - final:+.3f}",
    delta_color="inverse",
)
m[2].metric(t("drop.metric_best", model=t("drop.short_plain")), plain.best_epoch, help=t("drop.metric_best_help"))
m[3].metric(t("drop.metric_best", model=t("drop.short_reg")), reg.best_epoch, help=t("drop.metric_best_help"))

st.plotly_chart(figs["compare"], key="drop_compare", width="stretch", config={"displaylogo": False})
st.caption(t("drop.compare_caption") + " " + t("ui.scrub_hint"))

st.subheader(t("drop.net_heading"))
st.markdown(t("drop.net_text"))
st.plotly_chart(figs["net"], key="drop_net", width="stretch", config={"displaylogo": False})
mc = cmp.mean
st.plotly_chart(figs["mean"], key="drop_mean", width="stretch", config={"displaylogo": False})
st.markdown(
    t("drop.mean_text", rate=mc.drop_rate, p=p, h=mc.mean_eval, ht=mc.mean_train, hu=mc.mean_unscaled, keep=1 - p)
)

st.subheader(t("drop.mc_heading"))
if figs["mc"] is None:
    st.info(t("drop.mc_needs_regression"), icon=":material/info:")
else:
    st.markdown(t("drop.mc_text"))
    st.plotly_chart(figs["mc"], key="drop_mc", width="stretch", config={"displaylogo": False})
    inside = float(cmp.mc.std[(cmp.data.grid[:, 0] >= -3) & (cmp.data.grid[:, 0] <= 3)].mean())
    if p == 0:
        st.warning(t("drop.mc_zero"), icon=":material/info:")
    else:
        st.caption(t("drop.mc_numbers", inside=2 * inside, edge=2 * float(cmp.mc.std[[0, -1]].mean())))

st.subheader(t("drop.others_heading"))
st.markdown(t("drop.others_text"))
c = st.columns(2)
c[0].plotly_chart(figs["weights"], key="drop_weights", width="stretch", config={"displaylogo": False})
c[0].caption(t("drop.weight_caption", plain=float(plain.weight_norm[-1]), reg=float(reg.weight_norm[-1])))
if figs["bn"] is None:
    c[1].info(t("drop.bn_off"), icon=":material/info:")
else:
    c[1].plotly_chart(figs["bn"], key="drop_bn", width="stretch", config={"displaylogo": False})
    c[1].caption(t("drop.bn_caption"))

try_this(
    "drop",
    [
        Experiment("overfit", DEFAULTS),
        Experiment("strong", DEFAULTS | {"p": 0.85}),
        Experiment("more_data", DEFAULTS | {"n": 200}),
        Experiment("weight_decay", DEFAULTS | {"p": 0.0, "weight_decay": 0.03}),
        Experiment("batchnorm", DEFAULTS | {"p": 0.0, "batchnorm": True}),
        Experiment("mc", DEFAULTS | {"task": "regression", "n": 20, "noise": 0.3, "p": 0.2, "epochs": 300}),
    ],
    DEFAULTS,
)

code_expander(compare, make_data, build_mlp, InvertedDropout, train, mean_check, mc_dropout, bn_activations)
