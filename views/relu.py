"""ReLU and activations (chapter 9): the activation gallery, piecewise-linear fits, dead units, vanishing gradients."""

import numpy as np
import streamlit as st

from core.relu import ACTIVATIONS, FORMULAS, TARGETS, activation_curves, init_linear, target_data
from core.relu_depth import DEPTH_ACTIVATIONS, SGD_LR, STEPS, deep_mlp, depth_study, layer_grad_norms
from core.relu_fit import count_pieces, fit_relu_units
from i18n.numbers import num
from ui.chart import chart
from ui.options import option
from ui.page import Experiment, bound, code_expander, formula, header, try_this
from ui.state import lang, seed, t
from viz.relu import activation_figure, dead_depth_figure, firing_figure, fit_figure, grad_norm_figure, movement_figure

INITS = ("default", "he", "xavier")
DEFAULTS = {
    "activation": "relu",
    "target": "sine",
    "units": 8,
    "lr": 0.02,
    "epochs": 500,
    "depth": 10,
    "init": "default",
}

curves = st.cache_data(max_entries=1, show_spinner=False)(activation_curves)
fit_run = st.cache_data(max_entries=32, show_spinner=False)(fit_relu_units)
study_run = st.cache_data(max_entries=32, show_spinner=False)(depth_study)


@st.cache_resource(max_entries=16, show_spinner=False)
def gallery_figure(activation: str, language: str):
    return activation_figure(curves(), activation, language)


@st.cache_resource(max_entries=16, show_spinner=False)
def fit_figures(target: str, units: int, lr: float, epochs: int, seed_: int, language: str):
    fit = fit_run(target, units, lr, epochs, seed_)
    return fit_figure(fit, language), firing_figure(fit, language)


@st.cache_resource(max_entries=16, show_spinner=False)
def depth_figures(depth: int, target: str, init: str, seed_: int, language: str):
    study = study_run(depth, target, init, seed_)
    return grad_norm_figure(study, language), movement_figure(study, language), dead_depth_figure(study, language)


header("relu", "relu.intro")
formula(
    r"f(x) = c + \sum_{i=1}^{N} v_i\,\mathrm{ReLU}(w_i x + b_i), \qquad \mathrm{ReLU}(z) = \max(0, z)",
    "relu.formula_note",
)

st.header(t("relu.s_gallery"), divider="gray")
st.markdown(t("relu.gallery_text"))
c = st.columns([1, 3])
activation = option(c[0].selectbox, "activation", "relu.activation", ACTIVATIONS, "relu.act", "relu")
c[0].latex(FORMULAS[activation])
gallery = curves()
i = gallery.names.index(activation)
d0 = "relu.metric_d0_kink" if activation in ("relu", "leaky_relu") else "relu.metric_d0"  # not differentiable at 0
c[0].metric(t(d0), num(np.interp(0.0, gallery.x, gallery.derivs[i])), help=t(f"{d0}_help"))
c[0].metric(t("relu.metric_dmax"), num(gallery.derivs[i].max()), help=t("relu.metric_dmax_help"))
chart(gallery_figure(activation, lang()), key="relu_gallery", where=c[1])

st.header(t("relu.s_fit"), divider="gray")
st.markdown(t("relu.fit_text"))
with st.container(border=True):
    c = st.columns([2, 2, 1, 2])
    target = option(c[0].selectbox, "target", "relu.target", TARGETS, "relu.target")
    units = bound(c[1].slider, "units", "relu.units", min_value=1, max_value=64, value=DEFAULTS["units"])
    lr = bound(
        c[2].number_input,
        "lr",
        "relu.lr",
        min_value=0.0001,
        max_value=1.0,
        value=DEFAULTS["lr"],
        step=0.001,
        format="%.4f",
    )
    epochs = bound(
        c[3].slider, "epochs", "relu.epochs", min_value=50, max_value=3000, value=DEFAULTS["epochs"], step=50
    )

fit = fit_run(target, units, lr, epochs, seed())
if fit.stop_epoch is not None:
    st.error(t("relu.fit_diverged", epoch=fit.stop_epoch, lr=lr), icon=":material/warning:")
elif fit.dead[-1] > 0:
    st.warning(t("relu.fit_dead", dead=int(fit.dead[-1]), units=units, lr=lr), icon=":material/heart_broken:")
else:
    st.success(
        t("relu.fit_ok", units=units, pieces=int(fit.pieces[-1]), mse=float(fit.losses[-1])), icon=":material/check:"
    )
m = st.columns(4)
m[0].metric(t("relu.metric_pieces"), int(fit.pieces[-1]), help=t("relu.metric_pieces_help", limit=units + 1))
m[1].metric(t("relu.metric_kinks"), int(np.isfinite(fit.kinks[-1]).sum()))
m[2].metric(t("relu.metric_dead"), f"{int(fit.dead[-1])} / {units}")
m[3].metric(t("relu.metric_mse"), num(fit.losses[-1]))
fig_fit, fig_fire = fit_figures(target, units, lr, epochs, seed(), lang())
chart(fig_fit, key="relu_fit")
st.caption(t("ui.scrub_hint"))

st.header(t("relu.s_dead"), divider="gray")
st.markdown(t("relu.dead_text"))
chart(fig_fire, key="relu_firing")

st.header(t("relu.s_depth"), divider="gray")
st.markdown(t("relu.depth_text", lr=SGD_LR, k=STEPS))
with st.container(border=True):
    c = st.columns(2)
    depth = bound(c[0].slider, "depth", "relu.depth", min_value=2, max_value=20, value=DEFAULTS["depth"])
    init = option(c[1].selectbox, "init", "relu.init", INITS, "relu.init_name")
    c[1].caption(t(f"relu.init.{init}"))
study = study_run(depth, target, init, seed())
ratios = study.grad_norms[:, 0] / study.grad_norms[:, -1]
m = st.columns(3)
for col, name, ratio in zip(m, DEPTH_ACTIVATIONS, ratios, strict=True):
    col.metric(t("relu.metric_ratio", act=t(f"relu.act.{name}")), num(ratio), help=t("relu.metric_ratio_help"))
for name, stop in zip(DEPTH_ACTIVATIONS, study.stop_step, strict=True):
    if stop >= 0:
        st.warning(t("relu.depth_diverged", act=t(f"relu.act.{name}"), step=int(stop)), icon=":material/warning:")
fig_grad, fig_move, fig_dead = depth_figures(depth, target, init, seed(), lang())
chart(fig_grad, key="relu_grad")
chart(fig_move, key="relu_move")
st.caption(t("relu.move_caption"))
chart(fig_dead, key="relu_dead_depth")
st.caption(t("relu.dead_depth_caption"))

try_this(
    "relu",
    [
        Experiment("one_unit", DEFAULTS | {"units": 1, "target": "abs"}),
        Experiment("many_units", DEFAULTS | {"units": 32, "epochs": 1500}),
        Experiment("step", DEFAULTS | {"target": "step", "units": 16, "epochs": 1500}),
        Experiment("kill", DEFAULTS | {"lr": 0.3}),
        Experiment("deep_sigmoid", DEFAULTS | {"activation": "sigmoid", "depth": 20}),
        Experiment("he_init", DEFAULTS | {"depth": 20, "init": "he"}),
    ],
    DEFAULTS,
)

code_expander(
    activation_curves, fit_relu_units, count_pieces, target_data, init_linear, deep_mlp, layer_grad_norms, depth_study
)
