"""ReLU and activations (chapter 9): the activation gallery, piecewise-linear fits, dead units, vanishing gradients."""

import numpy as np
import streamlit as st

from core.activations.depth import DEPTH_ACTIVATIONS, SGD_LR, STEPS, deep_mlp, depth_study, layer_grad_norms
from core.activations.functions import FORMULAS, KINKED, ReluConfig, activation_curves, init_linear, target_data
from core.activations.hinges import count_pieces, fit_relu_units, fit_status
from core.common.params import defaults, experiment
from i18n.numbers import num
from ui.cache import cache_data, cache_resource
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls, state_config
from ui.present import presenting
from ui.state import lang, t
from viz import relu as viz

C = ReluConfig
EXPERIMENTS = [
    Experiment("deep_sigmoid", experiment(C, activation="sigmoid", depth=20)),
    Experiment("one_unit", experiment(C, units=1, target="step")),
    Experiment("many_units", experiment(C, units=32, epochs=1500)),
    Experiment("step", experiment(C, target="step", units=16, epochs=1500)),
    Experiment("kill", experiment(C, lr=0.3)),
    Experiment("he_init", experiment(C, depth=20, init="he")),
]
STATUS = {"diverged": (st.error, "warning"), "dead": (st.warning, "heart_broken"), "ok": (st.success, "check")}
curves = cache_data(max_entries=1)(activation_curves)
fit_run = cache_data(max_entries=32)(fit_relu_units)
study_run = cache_data(max_entries=32)(depth_study)
gallery_figure = cache_resource(max_entries=8)(lambda a, lg: viz.activation_figure(curves(), selected=a, lang=lg))  # fmt: skip


@figure_cache
def figures(part: str, cfg: ReluConfig, language: str):
    if part == "fit":
        fit = fit_run(cfg)
        return fit, viz.fit_figure(fit, lang=language), viz.firing_figure(fit, lang=language)
    study = study_run(cfg)
    return study, *(f(study, lang=language) for f in (viz.grad_norm_figure, viz.movement_figure, viz.dead_depth_figure))


def section(name: str, text: str, fields: tuple[str, ...] = ()) -> ReluConfig:  # heading, prose, a row of controls
    st.header(t(f"relu.s_{name}"), divider="gray")
    if not presenting():
        st.markdown(text)
    if fields:
        with st.container(border=True):
            controls(C, "relu", st.container(horizontal=True), only=fields, per_row=len(fields))
    return state_config(C)


place, main = start("relu")
with place:
    st.markdown(f"**{t('relu.s_gallery')}**")
    activation = controls(C, "relu", place, only=("activation",)).activation
    st.latex(FORMULAS[activation])
    try_this("relu", EXPERIMENTS, defaults(C), main=main)

with main:
    chart(gallery_figure(activation, lang()), key="relu_gallery")
    if not presenting():  # the room reads the picture, not the prose
        st.caption(t("relu.gallery_text"))
    (slope_0, slope_max), m = curves().slopes(activation), metric_row()
    d0 = "relu.metric_d0_kink" if activation in KINKED else "relu.metric_d0"
    m.metric(t(d0), num(slope_0), help=t(f"{d0}_help"))
    m.metric(t("relu.metric_dmax"), num(slope_max), help=t("relu.metric_dmax_help"))

cfg = section("fit", t("relu.fit_text"), ("target", "units", "lr", "epochs"))
fit, fig_fit, fig_fire = figures("fit", cfg.fit_part, lang())
chart(fig_fit, key="relu_fit", scrub=True)
units, pieces, dead, mse = cfg.units, int(fit.pieces[-1]), int(fit.dead[-1]), float(fit.losses[-1])
message, icon = STATUS[status := fit_status(fit)]
message(t(f"relu.fit_{status}", epoch=fit.stop_epoch, lr=cfg.lr, dead=dead, units=units, pieces=pieces, mse=mse),
        icon=f":material/{icon}:")  # fmt: skip
m = metric_row()
m.metric(t("relu.metric_pieces"), pieces, help=t("relu.metric_pieces_help", limit=units + 1))
m.metric(t("relu.metric_kinks"), int(np.isfinite(fit.kinks[-1]).sum()))
m.metric(t("relu.metric_dead"), f"{dead} / {units}")
m.metric(t("relu.metric_mse"), num(mse))
section("dead", t("relu.dead_text"))
chart(fig_fire, key="relu_firing")
cfg = section("depth", t("relu.depth_text", lr=SGD_LR, k=STEPS), ("depth", "init"))
st.caption(t(f"relu.init.{cfg.init}"))
study, fig_grad, fig_move, fig_dead = figures("depth", cfg.depth_part, lang())
chart(fig_grad, key="relu_grad")
for name, stop in [(n, s) for n, s in zip(DEPTH_ACTIVATIONS, study.stop_step, strict=True) if s >= 0]:
    st.warning(t("relu.depth_diverged", act=t(f"relu.act.{name}"), step=int(stop)), icon=":material/warning:")
m = metric_row()
for name, ratio in zip(DEPTH_ACTIVATIONS, study.first_to_last, strict=True):
    m.metric(t("relu.metric_ratio", act=t(f"relu.act.{name}")), num(ratio), help=t("relu.metric_ratio_help"))
chart(fig_move, key="relu_move")
st.caption(t("relu.move_caption"))
chart(fig_dead, key="relu_dead_depth")
st.caption(t("relu.dead_depth_caption"))
code_expander(activation_curves, fit_relu_units, count_pieces, target_data, init_linear, deep_mlp, layer_grad_norms,
              depth_study)  # fmt: skip
