"""Logistic decision boundary (chapters 8, 13): sigmoid/softmax on a straight line vs an MLP's curved one."""

import numpy as np
import streamlit as st

from core.classify.datasets import DATASETS, make_split
from core.classify.gradients import gradient_check, linear_gradients
from core.classify.train import ClassifyConfig, build_model, status, train_classifier
from core.common.params import defaults, experiment
from i18n.numbers import num
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, formula, metric_row, start, try_this
from ui.params import controls
from ui.state import lang, t
from ui.table import table
from viz.logistic_regression import boundary_figure, units_figure

LOSS = r"L = -\frac{1}{N}\sum_{i}\big[y_i\log\hat y_i + (1-y_i)\log(1-\hat y_i)\big]"
GRADIENT = r"\frac{\partial L}{\partial W} = \frac{1}{N}(P - Y)^\top X,\qquad \frac{\partial L}{\partial b} = \frac{1}{N}\sum_i (p_i - y_i)"
C = ClassifyConfig
EXPERIMENTS = [
    Experiment("moons_mlp", experiment(C, model="mlp", noise=0.1)),
    Experiment("line", experiment(C, dataset="blobs")),
    Experiment("xor_fail", experiment(C, dataset="xor")),
    Experiment("xor_mlp", experiment(C, dataset="xor", noise=0.1, model="mlp", hidden="4")),
    Experiment("softmax", experiment(C, dataset="blobs", classes=4, noise=0.3)),
    Experiment(
        "spiral", experiment(C, dataset="spiral", classes=3, noise=0.05, n=500, model="mlp", hidden="16,16", epochs=500)
    ),
]
STATUS = {"diverged": (st.error, "warning"), "line_close": (st.info, "block"), "line_fails": (st.warning, "block"), "trained": (st.success, "check")}  # fmt: skip
compute = cache_data(max_entries=32)(train_classifier)


@figure_cache
def figures(cfg: ClassifyConfig, language: str):
    run = compute(cfg)
    return boundary_figure(run, lang=language), units_figure(run, lang=language) if run.units else None


place, main = start("logistic-regression")
with place:
    linear = lambda v: v["model"] == "logistic"  # noqa: E731 - hidden layers of a linear model change nothing
    two = lambda v: DATASETS[v["dataset"]].max_classes == 2  # noqa: E731 - moons and xor: always 2 classes
    cfg = controls(C, "logit", place, disabled={"classes": two, "hidden": linear, "activation": linear})
    try_this("logit", EXPERIMENTS, defaults(C), main=main)

dataset, classes, lr, spec = cfg.dataset, cfg.classes, cfg.lr, DATASETS[cfg.dataset]
with main:
    with st.spinner(t("logit.training")):
        run = compute(cfg)
        fig_map, fig_units = figures(cfg, lang())
    binary = run.split.classes == 2
    chart(fig_map, key="logit_map", caption=t("logit.map_caption" if binary else "logit.map_caption_multi"), scrub=True)
    train_acc, test_acc = run.accuracy[-1]
    if classes > spec.max_classes:
        st.info(t("logit.classes_capped", name=t(f"logit.dataset.{dataset}"), max=spec.max_classes))
    message, icon = STATUS[kind := status(cfg, run)]
    key = {"diverged": "logit.diverged", "trained": "logit.result"}.get(kind, f"logit.linear_fails.{dataset}")
    message(t(key, epoch=run.stop_epoch, lr=lr, acc=test_acc, epochs=len(run.losses) - 1, train=train_acc, test=test_acc),
            icon=f":material/{icon}:")  # fmt: skip
    m = metric_row()
    m.metric(t("logit.metric_train_acc"), f"{train_acc:.1%}")
    m.metric(t("logit.metric_test_acc"), f"{test_acc:.1%}")
    m.metric(t("logit.metric_train_loss"), num(run.losses[-1, 0]))
    m.metric(t("logit.metric_test_loss"), num(run.losses[-1, 1]), help=t("logit.metric_test_loss_help"))

if fig_units is not None:
    st.subheader(t("logit.units_heading"))
    st.caption(t("logit.units_caption"))
    chart(fig_units, key="logit_units")
else:
    st.subheader(t("logit.weights_heading" if binary else "logit.weights_heading_multi"))
    w, b = run.w[-1], run.b[-1]
    if binary:
        st.latex(rf"{w[0, 0]:.3f}\,x_1 {w[0, 1]:+.3f}\,x_2 {b[0]:+.3f} = 0")
        st.caption(t("logit.weights_caption", w1=w[0, 0], w2=w[0, 1], b=b[0], norm=float(np.hypot(*w[0]))))
    else:
        st.caption(t("logit.weights_caption_multi"))
        table({t("logit.col_class"): range(len(b)), "w₁": w[:, 0], "w₂": w[:, 1], "b": b}, key="logit_weights")
    st.subheader(t("logit.grad_heading"))
    formula(LOSS)
    st.latex(GRADIENT)
    st.caption(t("logit.grad_caption"))
    names, hand, auto = gradient_check(run.split.x_train, run.split.y_train, run.w[0], run.b[0])
    diff = t("logit.col_diff")
    table({t("logit.col_param"): names, t("logit.col_hand"): hand, "torch.autograd": auto, diff: abs(hand - auto)},
          key="logit_grads", formats={diff: lambda v: num(v, 2)})  # fmt: skip

code_expander(train_classifier, build_model, DATASETS[dataset].fn, make_split, linear_gradients)
