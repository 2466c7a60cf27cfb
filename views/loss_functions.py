"""Loss functions (chapter 5): MSE, MAE and Huber against one outlier; BCE, CE, softmax and a stable BCE."""

import numpy as np
import streamlit as st

from core.common.params import defaults, experiment
from core.losses import LossConfig
from core.losses.classification import class_curves, mse_on_sigmoid, naive_bce, stable_bce
from core.losses.regression import fit_huber, fit_mae, fit_mse, fit_outlier, pointwise, residual_curves
from i18n.numbers import num
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.present import presenting
from ui.state import lang, t
from ui.table import table
from viz.losses import class_figure, fits_figure, residual_figure, table_rows

C = LossConfig
EXPERIMENTS = [
    Experiment("far", experiment(C, outlier=12.0)),
    Experiment("small_delta", experiment(C, delta=0.2)),
    Experiment("big_delta", experiment(C, delta=5.0, outlier=3.0)),
    Experiment("cold", experiment(C, temperature=0.2)),
    Experiment("hot", experiment(C, temperature=5.0, dtype="float64")),
]
fits = cache_data(max_entries=32)(fit_outlier)
curves = cache_data(max_entries=32)(residual_curves)
classes = cache_data(max_entries=32)(class_curves)


@figure_cache
def regression_figures(cfg: LossConfig, language: str):
    return fits_figure(fits(cfg), cfg.delta, language), residual_figure(curves(cfg), cfg.delta, language)


@figure_cache
def classification_figure(cfg: LossConfig, language: str):
    return class_figure(classes(cfg), cfg.temperature, cfg.dtype, language)


place, main = start("loss-functions")
with place:
    cfg = controls(C, "loss", place, only=("outlier", "outlier_x", "delta"))
    try_this("loss", EXPERIMENTS, defaults(C), main=main)

with main:
    fig_fits, fig_curves = regression_figures(cfg, lang())
    chart(fig_fits, key="loss_fits")
    if not presenting():
        st.caption(t("loss.fits_caption") + " " + t("ui.scrub_hint"))
    run = fits(cfg)
    moved = run.theta[:, -1, 0] - run.theta[:, 0, 0]
    m = metric_row()
    for k, name in enumerate(("mse", "mae", "huber")):
        m.metric(t("loss.metric_slope", name=name.upper() if name != "huber" else "Huber"),
                    num(run.theta[k, -1, 0]), delta=num(moved[k]), delta_color="off",
                    help=t("loss.metric_slope_help"))  # fmt: skip
    st.info(t("loss.moved", mse=moved[0], huber=moved[2], mae=moved[1]), icon=":material/straighten:")

st.subheader(t("loss.curves_heading"))
chart(fig_curves, key="loss_curves")
if not presenting():
    st.caption(t("loss.curves_caption"))

st.subheader(t("loss.class_heading"))
side, right = (st.container(border=True), st.container()) if presenting() else st.columns([1, 3], gap="medium")
with side:
    # The classification controls sit beside their charts; the regression charts stay cached when they move.
    ccfg = controls(C, "loss", side.container(border=True) if not presenting() else side,
                    only=("temperature", "dtype"))  # fmt: skip
    c = classes(ccfg)
with right:
    chart(classification_figure(ccfg, lang()), key="loss_class")
    if not presenting():
        st.caption(t("loss.class_caption", ce=c.ce_t))
st.subheader(t("loss.naive_heading"))
nan, inf = c.wide[np.isnan(c.naive)], c.wide[np.isinf(c.naive)]
breaks = {"inf": inf.max()} if inf.size else {}
st.warning(t("loss.naive_breaks" if inf.size else "loss.naive_breaks_nan", dtype=ccfg.dtype, nan=nan.min(), **breaks),
           icon=":material/warning:")  # fmt: skip
table(table_rows(c, lang()), key="loss_naive")

CODE = (fit_outlier, fit_mse, fit_mae, fit_huber, pointwise, residual_curves, naive_bce, stable_bce, mse_on_sigmoid)
code_expander(*CODE, class_curves)
