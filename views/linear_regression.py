"""Linear regression (chapter 7): nn.Linear + MSE + SGD, residual squares, the (w, b) path and feature scaling."""

import numpy as np
import streamlit as st

from core.common.params import defaults, experiment
from core.linreg import RegressionConfig
from core.linreg.data import make_data
from core.linreg.train import TOL, conditioning, epochs_to_converge, fit_regression, mse_grid, train_sgd
from i18n.numbers import num
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.present import presenting
from ui.state import lang, t
from ui.table import table
from viz.linreg import distance_figure, equation, regression_figure

C = RegressionConfig
EXPERIMENTS = [
    Experiment("scale", experiment(C, scale=True)),
    Experiment("too_big", experiment(C, lr=0.2)),
    Experiment("diabetes_raw", experiment(C, dataset="diabetes", lr=0.001, epochs=1000)),
    Experiment("diabetes_scaled", experiment(C, dataset="diabetes", scale=True, lr=0.5, epochs=50)),
    Experiment("plane", experiment(C, dataset="diabetes", features="bmi,s5", scale=True, lr=0.3, epochs=100)),
]
compute = cache_data(max_entries=32)(fit_regression)


@figure_cache
def figures(cfg: RegressionConfig, language: str):
    run = compute(cfg)
    return regression_figure(run, language), distance_figure(run, cfg.scale, TOL, language)


place, main = start("linear-regression")
with place:
    synthetic = lambda v: v["dataset"] == "synthetic"  # noqa: E731
    cfg = controls(C, "lin", place, disabled={"slope": lambda v: not synthetic(v), "n": lambda v: not synthetic(v),
                                              "noise": lambda v: not synthetic(v), "features": synthetic})  # fmt: skip
    try_this("lin", EXPERIMENTS, defaults(C), main=main)

with main:
    run = compute(cfg)
    fig_main, fig_distance = figures(cfg, lang())
    chart(fig_main, key="lin_main")
    if not presenting():
        key = "lin.squares_caption" if run.data.x.shape[1] == 1 else "lin.plane_caption"
        st.caption(t(key) + " " + t("ui.scrub_hint"))
    limit = 2 / run.cond.eigenvalues[-1]
    if run.stop_epoch is not None:
        st.error(t("lin.diverged", epoch=run.stop_epoch, lr=cfg.lr, limit=limit), icon=":material/warning:")
    else:
        best = np.linalg.lstsq(np.column_stack([run.data.x, np.ones(len(run.data.y))]), run.data.y, rcond=None)[0]
        fit, target = equation(run.original[-1], run.data.names), equation(best, run.data.names)
        st.success(t("lin.result", epochs=len(run.path) - 1, fit=fit, best=target), icon=":material/check:")
        if run.cond.epochs is not None and run.cond.epochs > len(run.path) - 1:
            st.info(t("lin.not_there", needed=f"{run.cond.epochs:,}"), icon=":material/hourglass_top:")
    m = metric_row()
    m.metric(t("lin.metric_loss"), num(run.losses[-1]), delta=f"L* = {num(run.optimum_loss)}", delta_color="off",
                delta_arrow="off", help=t("lin.metric_loss_help"))  # fmt: skip
    m.metric(t("lin.metric_kappa"), num(run.cond.kappa), help=t("lin.metric_kappa_help"))
    never = t("lin.never")
    m.metric(t("lin.metric_needed"), f"{run.cond.epochs:,}" if run.cond.epochs is not None else never,
                help=t("lin.metric_needed_help"))  # fmt: skip
    switch = t("lin.switch_off" if cfg.scale else "lin.switch_on")
    m.metric(t("lin.metric_other", switch=switch), f"{run.other.epochs:,}" if run.other.epochs is not None else never,
                help=t("lin.metric_needed_help"))  # fmt: skip

st.subheader(t("lin.scaling_heading"))
chart(fig_distance, key="lin_distance")
if not presenting():
    st.caption(t("lin.scaling_caption"))
rows = [(cfg.scale, run.cond), (not cfg.scale, run.other)]
table(
    {
        t("lin.col_setting"): [t("lin.setting_scaled" if s else "lin.setting_raw") for s, _ in rows],
        t("lin.col_kappa"): [c.kappa for _, c in rows],
        t("lin.col_limit"): [2 / c.eigenvalues[-1] for _, c in rows],
        t("lin.col_here"): [c.epochs if c.epochs is not None else never for _, c in rows],
        t("lin.col_best"): [c.epochs_best for _, c in rows],
    },
    key="lin_scaling",
)

code_expander(fit_regression, train_sgd, make_data, conditioning, epochs_to_converge, mse_grid)
