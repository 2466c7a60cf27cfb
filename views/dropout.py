"""Dropout and regularization (chapters 12, 14): one wide MLP trained plain and regularized from the same start."""

import streamlit as st

from core.common.params import defaults, experiment
from core.regularize.data import DropoutConfig, make_data
from core.regularize.dropout import InvertedDropout, build_mlp, train
from core.regularize.probes import bn_activations, compare, mc_dropout, mean_check
from i18n.numbers import num
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.state import lang, t
from viz import dropout as viz

C = DropoutConfig
EXPERIMENTS = [
    Experiment("overfit", experiment(C, hidden=128)),
    Experiment("strong", experiment(C, p=0.85, hidden=16)),
    Experiment("more_data", experiment(C, n=200)),
    Experiment("weight_decay", experiment(C, p=0.0, weight_decay=0.03)),
    Experiment("batchnorm", experiment(C, p=0.0, batchnorm=True)),
    Experiment("mc", experiment(C, task="regression", n=20, noise=0.3, p=0.2, epochs=300)),
]
VERDICT = {"same": (st.info, "info"), "helps": (st.success, "verified"), "hurts": (st.warning, "trending_up")}
VERDICT["no_overfit"] = (st.info, "trending_flat")
compute = cache_data(max_entries=32)(compare)


@figure_cache
def compare_figure(cfg: DropoutConfig, language: str):
    return viz.comparison_figure(compute(cfg), labels=viz.model_labels(cfg, lang=language), lang=language)


@figure_cache
def figures(cfg: DropoutConfig, language: str) -> dict:  # built after the first is sent, while the browser draws it
    return viz.lower_figures(compute(cfg), cfg, lang=language)


place, main = start("dropout")
with place:
    cfg = controls(C, "drop", place, per_row=4)
    try_this("drop", EXPERIMENTS, defaults(C), main=main)

with st.spinner(t("drop.training")):
    cmp, compared = compute(cfg), compare_figure(cfg, lang())
plain, reg, mean, p = cmp.plain, cmp.reg, cmp.mean, cfg.p
with main:
    chart(compared, key="drop_compare", caption=t("drop.compare_caption"), scrub=True)
    if (stopped := next((r.stop_epoch for r in (plain, reg) if r.stop_epoch is not None), None)) is not None:
        st.error(t("drop.stopped", epoch=stopped), icon=":material/warning:")
    kind, text = viz.verdict_text(cmp, lang=lang())
    VERDICT[kind][0](text, icon=f":material/{VERDICT[kind][1]}:")
    m, final = metric_row(), float(plain.val_loss[-1])
    runs = ((plain, t("drop.short_plain")), (reg, t("drop.short_reg")))
    for run, name in runs:
        value = float(run.val_loss[-1])
        delta = f"{value - final:+.3f}" if run is reg else None
        m.metric(t("drop.metric_val", model=name), num(value), delta, delta_color="inverse",
                 help=t("drop.metric_val_help"))  # fmt: skip
    for run, name in runs:
        m.metric(t("drop.metric_best", model=name), run.best_epoch, help=t("drop.metric_best_help"))
figs = figures(cfg, lang())
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
