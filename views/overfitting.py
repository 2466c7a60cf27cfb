"""Overfitting (chapter 12): polynomial degree against validation error, more data, and early stopping."""

import streamlit as st

from core.common.params import defaults, experiment
from core.overfitting import EarlyStopping, OverfitConfig, fit_poly, fit_status, make_data, sweep, train_mlp
from i18n.numbers import num
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.state import lang, t
from viz.overfitting import mlp_figure, poly_figure, size_figure

C = OverfitConfig
POLY, MLP = ("degree", "n", "noise"), ("width", "epochs", "patience")
EXPERIMENTS = [
    Experiment("wiggle", experiment(C, degree=15)),
    Experiment("more_data", experiment(C, degree=15, n=200)),
    Experiment("line", experiment(C, degree=1)),
    Experiment("no_noise", experiment(C, degree=15, noise=0.0)),
    Experiment("impatient", experiment(C, patience=1)),
]
STATUS = {"over": (st.warning, "trending_up"), "under": (st.info, "trending_flat"), "best": (st.success, "check")}
compute_poly = cache_data(max_entries=32)(sweep)
compute_mlp = cache_data(max_entries=32)(train_mlp)


@figure_cache
def poly_figures(cfg: OverfitConfig, language: str):
    run = compute_poly(cfg)
    return poly_figure(run, cfg.degree, language), size_figure(run, cfg.n, language)


@figure_cache
def mlp_chart(cfg: OverfitConfig, language: str):
    return mlp_figure(compute_mlp(cfg), language)


place, main = start("overfitting")
with place:
    cfg = controls(C, "over", place, only=POLY)
    try_this("over", EXPERIMENTS, defaults(C), main=main)

with main:
    poly = compute_poly(cfg)
    fig_poly, fig_size = poly_figures(cfg, lang())
    chart(fig_poly, key="over_poly", caption=t("over.main_caption"), scrub=True)
    d, best = cfg.degree, poly.best_degree
    train, val = float(poly.train_mse[d - 1]), float(poly.val_mse[d - 1])
    words = {"d": d, "best": best, "train": train, "dval": val, "val": float(poly.val_mse[best - 1])}
    message, icon = STATUS[status := fit_status(poly, d)]
    message(t(f"over.status_{status}", ratio=val / max(train, 1e-300), **words), icon=f":material/{icon}:")
    m = metric_row()
    m.metric(t("over.metric_train", d=d), num(train))
    m.metric(t("over.metric_val", d=d), num(val))
    m.metric(t("over.metric_best"), best)
    m.metric(t("over.metric_cond"), num(poly.cond_scaled, 2), help=t("over.metric_cond_help"))
    st.caption(t("over.cond_caption", d=d, scaled=poly.cond_scaled, raw=poly.cond_raw))

st.subheader(t("over.size_heading"))
st.markdown(t("over.size_text"))
chart(fig_size, key="over_size")

st.subheader(t("over.mlp_heading"))
st.markdown(t("over.mlp_text"))
cfg = controls(C, "over", st.container(), only=MLP, base=cfg, row=True)
with st.spinner(t("over.training")):
    run = compute_mlp(cfg)
    fig_mlp = mlp_chart(cfg, lang())
chart(fig_mlp, key="over_mlp", caption=t("over.mlp_caption"), scrub=True)
best_val, last_val = float(run.val_loss[run.best_epoch]), float(run.val_loss[-1])
if run.stop_epoch is None:
    st.info(t("over.never_stopped", best=run.best_epoch, val=best_val), icon=":material/hourglass_top:")
else:
    st.info(t("over.stopped_at", best=run.best_epoch, val=best_val, patience=cfg.patience, stop=run.stop_epoch,
              last=last_val), icon=":material/front_hand:")  # fmt: skip
m = metric_row()
m.metric(t("over.metric_best_epoch"), run.best_epoch)
m.metric(t("over.metric_val_best"), num(best_val))
m.metric(t("over.metric_last_val"), num(last_val))
m.metric(t("over.metric_test"), num(run.test_mse), help=t("over.metric_test_help"))
st.success(t("over.test_line", test=run.test_mse), icon=":material/lock_open:")

code_expander(sweep, fit_poly, make_data, train_mlp, EarlyStopping)
