"""Maximum likelihood (chapter 17): the likelihood of a coin, a die or a Gaussian, climbed with torch."""

import numpy as np
import streamlit as st

from core.common.params import defaults, experiment
from core.mle import MLEConfig, ascend, closed_form, identities, identity_rows, landscape, outcome
from core.mle.fit import mean_log_likelihood
from i18n.numbers import num
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.state import lang, t
from ui.table import table
from viz.mle import closed_text, mle_figure, power_of_ten

C = MLEConfig
EXPERIMENTS = [
    Experiment("gauss", experiment(C, dist="gaussian")),
    Experiment("many", experiment(C, n=500)),
    Experiment("few", experiment(C, n=5)),
    Experiment("die", experiment(C, dist="die", n=100)),
    Experiment("slow", experiment(C, dist="gaussian", lr=0.005)),
]
MESSAGES = {"diverged": (st.error, "warning"), "boundary": (st.warning, "border_outer"),
            "not_reached": (st.warning, "trending_up"), "reached": (st.success, "flag")}  # fmt: skip
compute = cache_data(max_entries=32)(ascend)
compute_identities = cache_data(max_entries=32)(lambda cfg: identities(cfg, compute(cfg)))


@figure_cache
def figure(cfg: MLEConfig, language: str):
    run = compute(cfg)
    return mle_figure(cfg.dist, run, landscape(cfg, run), language)


place, main = start("mle")
with place:
    cfg = controls(
        C, "mle", place, options={"dist": {"horizontal": False}},
        disabled={"p": lambda v: v["dist"] != "coin", "die": lambda v: v["dist"] != "die",
                  "mu": lambda v: v["dist"] != "gaussian", "sigma": lambda v: v["dist"] != "gaussian"},
    )  # fmt: skip
    try_this("mle", EXPERIMENTS, defaults(C), main=main)

with main:
    run = compute(cfg)
    chart(figure(cfg, lang()), key="mle_main", caption=t(f"mle.caption.{cfg.dist}"), scrub=True)
    message, icon = MESSAGES[kind := outcome(cfg.dist, run)]
    message(t(f"mle.{kind}", step=run.stop_step, steps=cfg.steps, gap=run.gap, closed=closed_text(cfg.dist, run.mle),
              ll=run.max_ll), icon=f":material/{icon}:")  # fmt: skip
    m = metric_row()
    m.metric(t("mle.metric_ll"), num(run.max_ll))
    m.metric(t("mle.metric_gap"), num(run.gap), help=t("mle.metric_gap_help"))
    if cfg.dist == "gaussian":
        m.metric(t("mle.metric_mean"), num(run.mle[0]))
        unbiased = float(np.std(run.x, ddof=1))
        m.metric(t("mle.metric_std"), num(run.mle[1]), help=t("mle.metric_std_help", unbiased=unbiased))
    elif cfg.dist == "coin":
        m.metric(t("mle.metric_coin"), f"{int(run.x.sum())} / {len(run.x)} = {num(run.mle[0])}")
    else:
        m.metric(t("mle.metric_p6"), num(run.mle[5]))
    st.caption(t("mle.tiny", value=power_of_ten(run.max_ll), n=cfg.n))

st.subheader(t("mle.id_heading"))
ident = compute_identities(cfg)
LATEX = {"mse": r"-\tfrac{1}{n}\log L = \tfrac12\log(2\pi\sigma^2) + \frac{\mathrm{MSE}}{2\sigma^2}",
         "ce": r"\mathrm{CE} = -\tfrac{1}{n}\sum_i \log \mathrm{softmax}(z)_{x_i} = -\tfrac{1}{n}\log L"}  # fmt: skip
texts = {"mse": t("mle.id_mse_text", w=ident.w, b=ident.b, n=cfg.n, sigma=cfg.sigma),
         "ce": t(f"mle.id_ce_text.{cfg.dist}", n=len(ident.targets))}  # fmt: skip
for col, name, rows in zip(st.columns(2), ("mse", "ce"), identity_rows(ident), strict=True):
    col.markdown(f"**{t(f'mle.id_{name}_title')}**")
    col.latex(LATEX[name])
    col.markdown(texts[name])
    table({t("mle.col_quantity"): [t(f"mle.row_{k}") for k, _ in rows], t("mle.col_value"): [v for _, v in rows]},
          key=f"mle_{name}", where=col, formats={t("mle.col_value"): lambda v: num(v, 10)})  # fmt: skip
st.caption(t("mle.id_caption"))

code_expander(ascend, mean_log_likelihood, closed_form, landscape, identities)
