"""Logistic decision boundary (chapters 8, 13): sigmoid/softmax on a straight line vs an MLP's curved one."""

import numpy as np
import streamlit as st

from core.datasets import DATASETS, make_split
from core.logistic_regression import ACTIVATIONS, OPTIMIZERS, build_model, train_classifier
from core.logistic_regression_grads import autograd_gradients, linear_gradients
from i18n.numbers import num
from ui.chart import chart
from ui.options import option
from ui.page import Experiment, bound, code_expander, formula, header, try_this
from ui.state import lang, seed, t
from viz.logistic_regression import boundary_figure, units_figure

HIDDEN = ("2", "4", "8", "16", "4,4", "8,8", "16,16", "8,8,8")
BATCHES = ("full", "64", "32")
DEFAULTS = {
    "dataset": "moons", "classes": 2, "noise": 0.2, "n": 200, "split": 30, "model": "logistic",
    "hidden": "8,8", "activation": "tanh", "optimizer": "adam", "lr": 0.05, "epochs": 200, "batch": "full",
}  # fmt: skip


@st.cache_data(max_entries=32, show_spinner=False)
def compute(dataset, n, noise, classes, split, model, hidden, activation, optimizer, lr, epochs, batch, seed_):
    widths = tuple(int(h) for h in hidden.split(","))
    size = 0 if batch == "full" else int(batch)
    return train_classifier(
        dataset, n, noise, classes, split / 100, model, widths, activation, optimizer, lr, epochs, size, seed_
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def figures(params: tuple, language: str):
    run = compute(*params)
    return boundary_figure(run, language), units_figure(run, language) if run.units else None


header("logistic-regression", "logit.intro")
formula(
    r"\hat y = \sigma(w_1x_1 + w_2x_2 + b) = \frac{1}{1 + e^{-(w_1x_1 + w_2x_2 + b)}},\qquad "
    r"L = -\frac{1}{N}\sum_{i}\big[y_i\log\hat y_i + (1-y_i)\log(1-\hat y_i)\big]",
    "logit.formula_note",
)

with st.container(border=True):
    c = st.columns([2, 1, 1, 1, 1])
    dataset = option(c[0].selectbox, "dataset", "logit.dataset", DATASETS, "logit.dataset", list(DATASETS)[1])
    two_only = DATASETS[dataset].max_classes == 2  # moons and xor: the slider would change nothing
    classes = bound(c[1].slider, "classes", "logit.classes", min_value=2, max_value=5, value=2, disabled=two_only)
    noise = bound(c[2].slider, "noise", "logit.noise", min_value=0.0, max_value=0.5, value=0.2, step=0.05)
    n = bound(c[3].slider, "n", "logit.n", min_value=50, max_value=500, value=200, step=50)
    split = bound(c[4].slider, "split", "logit.split", min_value=10, max_value=50, value=30, step=5)
    c = st.columns([2, 1, 1, 1, 1, 1, 1])
    model = option(c[0].selectbox, "model", "logit.model", ["logistic", "mlp"], "logit.model")
    linear = model == "logistic"
    hidden = option(c[1].selectbox, "hidden", "logit.hidden", HIDDEN, str, HIDDEN[5], disabled=linear)
    activation = option(
        c[2].selectbox, "activation", "logit.activation", ACTIVATIONS, "relu.act", list(ACTIVATIONS)[1], disabled=linear
    )
    optimizer = option(c[3].selectbox, "optimizer", "logit.optimizer", OPTIMIZERS, "opt.name")
    lr = bound(
        c[4].number_input, "lr", "logit.lr", min_value=0.001, max_value=10.0, value=0.05, step=0.01, format="%.3f"
    )
    epochs = bound(c[5].slider, "epochs", "logit.epochs", min_value=10, max_value=500, value=200, step=10)
    batch = option(
        c[6].selectbox, "batch", "logit.batch", BATCHES, lambda b: t(f"logit.batch_name.{b}") if b == "full" else b
    )

params = (dataset, n, noise, classes, split, model, hidden, activation, optimizer, lr, epochs, batch, seed())
with st.spinner(t("logit.training")):
    run = compute(*params)
    fig_map, fig_units = figures(params, lang())
spec = DATASETS[dataset]
train_acc, test_acc = run.accuracy[-1]
if classes > spec.max_classes:
    st.info(t("logit.classes_capped", name=t(f"logit.dataset.{dataset}"), max=spec.max_classes))
if run.stop_epoch is not None:
    st.error(t("logit.diverged", epoch=run.stop_epoch, lr=lr), icon=":material/warning:")
elif linear and not spec.linear:
    message = st.info if dataset == "moons" else st.warning  # a line still gets most moon points right
    message(t(f"logit.linear_fails.{dataset}", acc=test_acc), icon=":material/block:")
else:
    st.success(t("logit.result", epochs=len(run.losses) - 1, train=train_acc, test=test_acc), icon=":material/check:")

m = st.columns(4)
m[0].metric(t("logit.metric_train_acc"), f"{train_acc:.1%}")
m[1].metric(t("logit.metric_test_acc"), f"{test_acc:.1%}")
m[2].metric(t("logit.metric_train_loss"), num(run.losses[-1, 0]))
m[3].metric(t("logit.metric_test_loss"), num(run.losses[-1, 1]), help=t("logit.metric_test_loss_help"))

chart(fig_map, key="logit_map")
st.caption(t("logit.map_caption" if run.split.classes == 2 else "logit.map_caption_multi") + " " + t("ui.scrub_hint"))

if fig_units is not None:
    st.subheader(t("logit.units_heading"))
    st.caption(t("logit.units_caption"))
    chart(fig_units, key="logit_units")
else:
    st.subheader(t("logit.weights_heading" if run.split.classes == 2 else "logit.weights_heading_multi"))
    w, b = run.w[-1], run.b[-1]
    if run.split.classes == 2:
        st.latex(rf"{w[0, 0]:.3f}\,x_1 {w[0, 1]:+.3f}\,x_2 {b[0]:+.3f} = 0")
        st.caption(t("logit.weights_caption", w1=w[0, 0], w2=w[0, 1], b=b[0], norm=float(np.hypot(*w[0]))))
    else:
        st.caption(t("logit.weights_caption_multi"))
        st.dataframe({t("logit.col_class"): np.arange(len(b)), "w₁": w[:, 0], "w₂": w[:, 1], "b": b}, hide_index=True)
    st.subheader(t("logit.grad_heading"))
    st.latex(
        r"\frac{\partial L}{\partial W} = \frac{1}{N}(P - Y)^\top X,\qquad \frac{\partial L}{\partial b} = \frac{1}{N}\sum_i (p_i - y_i)"
    )
    st.caption(t("logit.grad_caption"))
    x, y = run.split.x_train, run.split.y_train
    hand_w, hand_b = linear_gradients(x, y, run.w[0], run.b[0])
    auto_w, auto_b = autograd_gradients(x, y, run.w[0], run.b[0])
    hand, auto = np.column_stack([hand_w, hand_b]), np.column_stack([auto_w, auto_b])
    st.dataframe(
        {
            t("logit.col_param"): [
                f"{name}{'' if len(hand) == 1 else f' ({r})'}"
                for r in range(len(hand))
                for name in ("∂L/∂w₁", "∂L/∂w₂", "∂L/∂b")
            ],
            t("logit.col_hand"): hand.ravel(),
            "torch.autograd": auto.ravel(),
            t("logit.col_diff"): np.abs(hand - auto).ravel(),
        },
        hide_index=True,
        column_config={t("logit.col_diff"): st.column_config.NumberColumn(format="%.1e")},
    )

try_this(
    "logit",
    [
        Experiment("line", DEFAULTS | {"dataset": "blobs"}),
        Experiment("xor_fail", DEFAULTS | {"dataset": "xor"}),
        Experiment("xor_mlp", DEFAULTS | {"dataset": "xor", "noise": 0.1, "model": "mlp", "hidden": "4"}),
        Experiment("moons_mlp", DEFAULTS | {"model": "mlp", "noise": 0.1}),
        Experiment("softmax", DEFAULTS | {"dataset": "blobs", "classes": 4, "noise": 0.3}),
        Experiment(
            "spiral",
            DEFAULTS
            | {
                "dataset": "spiral",
                "classes": 3,
                "noise": 0.05,
                "n": 500,
                "model": "mlp",
                "hidden": "16,16",
                "epochs": 500,
            },
        ),
    ],
    DEFAULTS,
)

code_expander(train_classifier, build_model, DATASETS[dataset].fn, make_split, linear_gradients)
