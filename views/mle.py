"""Maximum likelihood (chapter 17): the likelihood of a coin, a die or a Gaussian, climbed with torch."""

import math

import numpy as np
import streamlit as st

from core.common.params import defaults, experiment
from core.mle import MLEConfig, ascend, closed_form, identities, landscape
from core.mle.fit import mean_log_likelihood
from i18n.numbers import num
from ui.chart import chart
from ui.page import Experiment, applied_experiment, code_expander, header, try_this, workspace
from ui.params import controls
from ui.state import lang, t
from viz.mle import mle_figure, power_of_ten

C = MLEConfig
EXPERIMENTS = [
    Experiment("gauss", experiment(C, dist="gaussian")),
    Experiment("many", experiment(C, n=500)),
    Experiment("few", experiment(C, n=5)),
    Experiment("die", experiment(C, dist="die", n=100)),
    Experiment("slow", experiment(C, dist="gaussian", lr=0.005)),
]
GAP_OK = 1e-4  # the climb counts as arrived within this distance of the closed form
compute = st.cache_data(max_entries=32, show_spinner=False)(ascend)
compute_identities = st.cache_data(max_entries=32, show_spinner=False)(lambda cfg: identities(cfg, compute(cfg)))


@st.cache_resource(max_entries=16, show_spinner=False)
def figure(cfg: MLEConfig, language: str):
    run = compute(cfg)
    return mle_figure(cfg.dist, run, landscape(cfg, run), language)


header("mle", "mle.intro", r"\hat\theta = \arg\max_\theta \sum_{i=1}^{n} \log p(x_i \mid \theta)", "mle.formula_note",
       "mle.intro_more")  # fmt: skip
place, main = workspace()
with place:
    cfg = controls(
        C, "mle", place, options={"dist": {"horizontal": False}},
        disabled={"p": lambda v: v["dist"] != "coin", "die": lambda v: v["dist"] != "die",
                  "mu": lambda v: v["dist"] != "gaussian", "sigma": lambda v: v["dist"] != "gaussian"},
    )  # fmt: skip
    try_this("mle", EXPERIMENTS, defaults(C))

with main:
    applied_experiment("mle")
    run = compute(cfg)
    chart(figure(cfg, lang()), key="mle_main")
    st.caption(t(f"mle.caption.{cfg.dist}") + " " + t("ui.scrub_hint"))
    closed = (
        ", ".join(f"{v:.4f}" for v in run.mle)
        if cfg.dist != "die"
        else "(" + ", ".join(f"{v:.3f}" for v in run.mle) + ")"
    )
    boundary = cfg.dist != "gaussian" and (np.min(run.mle) == 0 or (cfg.dist == "coin" and run.mle[0] in (0, 1)))
    if run.stop_step is not None:
        st.error(t("mle.diverged", step=run.stop_step), icon=":material/warning:")
    elif boundary and run.gap > GAP_OK:
        st.warning(t("mle.boundary", gap=run.gap), icon=":material/border_outer:")
    elif run.gap > GAP_OK:
        st.warning(t("mle.not_reached", steps=cfg.steps, gap=run.gap, closed=closed), icon=":material/trending_up:")
    else:
        st.success(t("mle.reached", steps=cfg.steps, gap=run.gap, closed=closed, ll=run.max_ll), icon=":material/flag:")
    m = st.columns(4)
    m[0].metric(t("mle.metric_ll"), num(run.max_ll))
    m[1].metric(t("mle.metric_gap"), num(run.gap), help=t("mle.metric_gap_help"))
    if cfg.dist == "gaussian":
        m[2].metric(t("mle.metric_mean"), num(run.mle[0]))
        unbiased = float(np.std(run.x, ddof=1))
        m[3].metric(t("mle.metric_std"), num(run.mle[1]), help=t("mle.metric_std_help", unbiased=unbiased))
    elif cfg.dist == "coin":
        m[2].metric(t("mle.metric_coin"), f"{int(run.x.sum())} / {len(run.x)} = {num(run.mle[0])}")
    else:
        m[2].metric(t("mle.metric_p6"), num(run.mle[5]))
    st.caption(t("mle.tiny", value=power_of_ten(run.max_ll), n=cfg.n))

st.subheader(t("mle.id_heading"))
ident = compute_identities(cfg)
left, right = st.columns(2)
with left:
    st.markdown(f"**{t('mle.id_mse_title')}**")
    st.latex(r"-\tfrac{1}{n}\log L = \tfrac12\log(2\pi\sigma^2) + \frac{\mathrm{MSE}}{2\sigma^2}")
    st.markdown(t("mle.id_mse_text", w=ident.w, b=ident.b, n=cfg.n, sigma=cfg.sigma))
    unit = 0.5 * math.log(2 * math.pi) + ident.mse / 2
    fitted = 0.5 * math.log(2 * math.pi * ident.mse) + 0.5
    rows = [("mle.row_mse", ident.mse), ("mle.row_nll_unit", ident.nll_unit), ("mle.row_formula_unit", unit),
            ("mle.row_diff", abs(ident.nll_unit - unit)), ("mle.row_nll_fit", ident.nll_fitted),
            ("mle.row_formula_fit", fitted), ("mle.row_diff", abs(ident.nll_fitted - fitted))]  # fmt: skip
    st.dataframe({t("mle.col_quantity"): [t(k) for k, _ in rows], t("mle.col_value"): [f"{v:.10g}" for _, v in rows]},
                 hide_index=True, width="stretch")  # fmt: skip
with right:
    st.markdown(f"**{t('mle.id_ce_title')}**")
    st.latex(r"\mathrm{CE} = -\tfrac{1}{n}\sum_i \log \mathrm{softmax}(z)_{x_i} = -\tfrac{1}{n}\log L")
    st.markdown(t(f"mle.id_ce_text.{cfg.dist}", n=len(ident.targets)))
    rows = [("mle.row_ce", ident.cross_entropy), ("mle.row_nll_cat", ident.nll_categorical),
            ("mle.row_diff", abs(ident.cross_entropy - ident.nll_categorical))]  # fmt: skip
    st.dataframe({t("mle.col_quantity"): [t(k) for k, _ in rows], t("mle.col_value"): [f"{v:.10g}" for _, v in rows]},
                 hide_index=True, width="stretch")  # fmt: skip
st.caption(t("mle.id_caption"))

code_expander(ascend, mean_log_likelihood, closed_form, landscape, identities)
