"""Representation learning (chapter 16): an autoencoder's 2-D code beside PCA, what it decodes, how good a feature it is."""

import numpy as np
import streamlit as st

from core.common.params import defaults, experiment
from core.digits.autoencoder import (
    ReprConfig,
    StripConfig,
    build_autoencoder,
    decode,
    pca_2d,
    probe_accuracy,
    strip,
    train_autoencoder,
)
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.state import lang, t
from viz import representation as viz

C, S = ReprConfig, StripConfig
EXPERIMENTS = [
    Experiment("linear", experiment(C, activation="linear") | defaults(S)),
    Experiment("early", experiment(C, epochs=3) | defaults(S)),
    Experiment("wide", experiment(C, hidden="128", epochs=150) | defaults(S)),
    Experiment("morph", defaults(C) | experiment(S, start="0", end="6")),
]
compute = cache_data(max_entries=16)(train_autoencoder)


@figure_cache
def figures(cfg: ReprConfig, language: str):
    run = compute(cfg)
    return viz.latent_figure(run, language), viz.weights_figure(run.enc_w1, language), viz.quality_figure(run, language)


@figure_cache
def decoder_figure(cfg: ReprConfig, index: int, language: str, _run):
    """What the decoder makes of test digit ``index``'s code after training, beside the digit."""
    z = _run.codes[-1][index]
    return viz.decoder_figure(_run, decode(cfg, _run, z[None])[0], _run.x_test[index].reshape(8, 8), language)


@figure_cache
def strip_figure(cfg: ReprConfig, ends: StripConfig, language: str, _run):
    _, latent, blend = strip(cfg, _run, ends)
    return viz.strip_figure(latent, blend, language)


def pick_point(points: list[dict]) -> None:
    """A click on a digit in either scatter (traces 0-9: PCA, 10-19: latent, one per digit): remember which."""
    p = points[0]
    st.session_state["repr_pick"] = (int(p["curve_number"]) % 10, int(p["point_number"]))


place, main = start("representation")
with place:
    cfg = controls(C, "repr", place)
    try_this("repr", EXPERIMENTS, defaults(C) | defaults(S), main=main)

with main:
    with st.spinner(t("repr.training")):
        run = compute(cfg)
        fig_latent, fig_weights, fig_quality = figures(cfg, lang())
    chart(fig_latent, key="repr_main", on_click=pick_point, caption=t("repr.main_caption"), scrub=True)
    if not np.isfinite(run.mse):
        st.error(t("repr.diverged", lr=cfg.lr), icon=":material/warning:")
    m = metric_row()
    m.metric(t("repr.metric_mse"), f"{run.mse:.4f}", help=t("repr.metric_mse_help"))
    m.metric(t("repr.metric_pca_mse"), f"{run.pca_mse:.4f}")
    m.metric(t("repr.metric_probe_latent"), f"{run.probes['latent']:.1%}", help=t("repr.metric_probe_help"))
    m.metric(t("repr.metric_probe_pca"), f"{run.probes['pca']:.1%}")

y = run.split.y_test
digit, point = st.session_state.get("repr_pick") or (int(y[0]), 0)
rows = np.flatnonzero(y == digit)
index = int(rows[point]) if 0 <= point < len(rows) else 0
z = run.codes[-1][index]  # its code after training, whatever epoch the scatter shows
st.subheader(t("repr.decoder_heading"))
st.caption(t("repr.decoder_caption", z1=float(z[0]), z2=float(z[1]), d=int(y[index])))
chart(decoder_figure(cfg, index, lang(), run), key="repr_decoder")

st.subheader(t("repr.strip_heading"))
s = st.columns(4)
ends = S(controls(S, "repr", s[0], only=("start",)).start, controls(S, "repr", s[1], only=("end",)).end)
chart(strip_figure(cfg, ends, lang(), run), key="repr_strip")
st.caption(t("repr.strip_caption", a=ends.start, b=ends.end))

st.subheader(t("repr.weights_heading"))
st.caption(t("repr.weights_caption", h=int(cfg.hidden)))
chart(fig_weights, key="repr_weights")

st.subheader(t("repr.quality_heading"))
st.caption(t("repr.quality_caption", latent=run.probes["latent"], pca=run.probes["pca"], raw=run.probes["raw"]))
chart(fig_quality, key="repr_quality")

code_expander(build_autoencoder, train_autoencoder, pca_2d, probe_accuracy, strip)
