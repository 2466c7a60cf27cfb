"""The CNN page's last section: train a small CNN on digits, then show its filters, maps and scores."""

from __future__ import annotations

import time

import streamlit as st

from core.cnn.conv import KERNELS
from core.cnn.digits import closest_kernels, learned_maps, train_digit_cnn
from ui.chart import chart, figure_cache
from ui.page import metric_row
from ui.state import lang, seed, t
from viz import cnn_filters as viz


@figure_cache
def learned_figures(run_id: int, _run, language: str):
    names, cos = closest_kernels(_run.filters[-1])
    return (
        viz.learned_filters_figure(_run, names=names, cos=cos, kernels=KERNELS, lang=language),
        viz.training_figure(_run, lang=language),
        viz.confusion_figure(_run.confusion, lang=language),
    )


def learned_filters() -> None:
    """A train button with a progress bar; the kept run's filters, per-digit maps, curve and confusion matrix."""
    st.subheader(t("cnn.learned_header"))
    st.markdown(t("cnn.learned_intro"))
    if st.button(t("cnn.train"), key="cnn_train", type="primary", icon=":material/model_training:"):
        bar = st.progress(0.0, text=t("cnn.training"))
        start = time.perf_counter()
        run = train_digit_cnn(
            seed(), lambda e, n, acc: bar.progress(e / n, text=t("cnn.training_epoch", e=e, n=n, acc=acc))
        )
        st.session_state["cnn_trained"] = (seed(), run, time.perf_counter() - start, time.time_ns())
        bar.empty()
    if not (trained := st.session_state.get("cnn_trained")):
        st.info(t("cnn.train_hint"), icon=":material/school:")
        return
    run_seed, run, secs, run_id = trained
    fig_learned, fig_curve, fig_confusion = learned_figures(run_id, run, lang())
    m = metric_row()
    m.metric(t("cnn.metric_acc"), f"{run.test_acc[-1]:.1%}")
    m.metric(t("cnn.metric_time"), f"{secs:.1f} s")
    m.metric(t("cnn.metric_seed"), run_seed)
    chart(fig_learned, key="cnn_learned")
    st.caption(t("cnn.learned_caption"))
    idx = st.slider(t("cnn.digit_pick"), 0, len(run.test_labels) - 1, 0, key="cnn_digit", help=t("cnn.digit_pick_help"))
    st.caption(t("cnn.digit_label", y=run.test_labels[idx], pred=run.test_pred[idx]))
    maps, pooled = learned_maps(run, idx)
    chart(viz.learned_maps_figure(run.test_images[idx], maps=maps, pooled=pooled, lang=lang()), key="cnn_maps")
    g = st.columns(2)
    chart(fig_curve, key="cnn_curve", where=g[0])
    chart(fig_confusion, key="cnn_confusion", where=g[1])
