"""CNN filters (chapter 18): one kernel slid over an image, then ReLU and pooling, then filters a CNN learns."""

import hashlib
import time

import numpy as np
import streamlit as st

from core.cnn_filters import (
    CUSTOM_DEFAULT,
    CUSTOM_LIMIT,
    KERNELS,
    KernelError,
    convolve,
    format_custom,
    output_size,
    parse_custom,
    resize_kernel,
    sliding_window,
)
from core.cnn_filters_images import IMAGES, UploadError, load_image, patch_of, read_upload
from core.cnn_filters_train import DigitCNN, closest_kernels, learned_maps, train_digit_cnn
from ui.chart import chart
from ui.options import option
from ui.page import Experiment, bound, code_expander, formula, header, try_this
from ui.state import lang, seed, t
from ui.text import inert
from viz import cnn_filters as viz

DEFAULTS = {"image": "china", "kernel": "sobel_x", "stride": 1, "padding": 0, "dilation": 1}
IMAGE_OPTIONS = [*IMAGES, "upload"]
KERNEL_OPTIONS = [*KERNELS, "custom"]


@st.cache_data(max_entries=8, show_spinner=False)
def builtin(name: str) -> np.ndarray:
    return load_image(name)


@st.cache_resource(max_entries=8, show_spinner=False)
def figures(image_key: str, _image: np.ndarray, weights: str, stride: int, padding: int, dilation: int, language: str):
    """Feature maps and the three filter figures; ``image_key`` names ``_image`` (a built-in or an upload hash)."""
    w = parse_custom(weights)
    maps = convolve(_image, w, stride, padding, dilation)
    patch = patch_of(_image)
    fits = output_size(len(patch), len(w), stride, padding, dilation) > 0
    sliding = viz.sliding_figure(sliding_window(patch, w, stride, padding, dilation), language) if fits else None
    return maps, viz.conv_figure(_image, maps, language), viz.post_figure(maps, language), sliding


@st.cache_resource(max_entries=4, show_spinner=False)
def learned_figures(run_id: int, _run, language: str):
    names, cos = closest_kernels(_run.filters[-1])
    return (
        viz.learned_filters_figure(_run, names, cos, KERNELS, language),
        viz.training_figure(_run, language),
        viz.confusion_figure(_run.confusion, language),
    )


def on_upload() -> None:
    """Validate a new upload before it replaces anything; a bad file leaves the current image in place."""
    f = st.session_state.get("cnn_upload")
    st.session_state.pop("cnn_upload_error", None)
    if f is None:
        return
    try:
        img = read_upload(f.getvalue())
    except UploadError as err:
        st.session_state["cnn_upload_error"] = (err.code, err.info, f.name)
        return
    st.session_state["cnn_upload_image"] = (hashlib.sha1(f.getvalue()).hexdigest()[:12], img, f.name)
    st.session_state["image"] = "upload"


def edit_grid(key: str, w: np.ndarray) -> None:
    """Grid edits → the URL-bound ``custom`` text (the grid is re-created from it on the rerun)."""
    for row, cols in st.session_state[key]["edited_rows"].items():
        for col, value in cols.items():
            w[int(row), int(col)] = float(value) if value is not None and np.isfinite(value) else 0.0
    st.session_state["custom"] = format_custom(np.clip(w, -CUSTOM_LIMIT, CUSTOM_LIMIT))


def as_custom(w: np.ndarray) -> None:
    st.session_state.update(kernel="custom", custom=format_custom(w))


header("cnn-filters", "cnn.intro")
formula(
    r"y_{i,j}=\sum_{a,b} w_{a,b}\,x_{si+da-p,\;sj+db-p} \qquad H_{out}=\left\lfloor\frac{H+2p-d(k-1)-1}{s}\right\rfloor+1",
    "cnn.formula_note",
)
with st.container(border=True):
    c = st.columns([2, 2, 1, 1, 1])
    image = option(c[0].selectbox, "image", "cnn.image", IMAGE_OPTIONS, "cnn.image", DEFAULTS["image"])
    kernel = option(c[1].selectbox, "kernel", "cnn.kernel", KERNEL_OPTIONS, "cnn.kernel", DEFAULTS["kernel"])
    stride = bound(c[2].slider, "stride", "cnn.stride", min_value=1, max_value=4, value=1)
    padding = bound(c[3].slider, "padding", "cnn.padding", min_value=0, max_value=4, value=0)
    dilation = bound(c[4].slider, "dilation", "cnn.dilation", min_value=1, max_value=4, value=1)
    u = st.columns([2, 3])
    u[0].file_uploader(t("cnn.upload"), type=["png", "jpg", "jpeg"], key="cnn_upload", on_change=on_upload,
                       help=t("cnn.upload_help"))  # fmt: skip
    if kernel == "custom":
        text = bound(u[1].text_input, "custom", "cnn.custom", value=CUSTOM_DEFAULT, max_chars=600)
        try:
            w = parse_custom(text)
        except KernelError as err:
            u[1].warning(t(f"cnn.custom_err.{err.code}", **err.info), icon=":material/warning:")
            w = parse_custom(CUSTOM_DEFAULT)
        grid_key = "cnn_grid_" + hashlib.sha1(format_custom(w).encode()).hexdigest()[:10]
        u[1].data_editor({str(j): w[:, j] for j in range(len(w))}, key=grid_key, on_change=edit_grid,
                         args=(grid_key, w.copy()), width="content")  # fmt: skip
        other = 8 - len(w)  # 3 <-> 5
        u[1].button(t("cnn.resize", k=other), key="cnn_resize", on_click=as_custom, args=(resize_kernel(w, other),))
    else:
        w = KERNELS[kernel]
        u[1].button(t("cnn.edit_preset"), key="cnn_edit", on_click=as_custom, args=(w,), icon=":material/edit:")

if err := st.session_state.get("cnn_upload_error"):
    code, info, name = err
    st.error(t(f"cnn.upload_err.{code}", name=inert(name, limit=80), **info), icon=":material/block:")
if image == "upload" and "cnn_upload_image" not in st.session_state:
    st.info(t("cnn.no_upload"), icon=":material/upload:")
    image = DEFAULTS["image"]
image_key, img = st.session_state["cnn_upload_image"][:2] if image == "upload" else (image, builtin(image))
h, wd = img.shape
k = len(w)
ho, wo = (output_size(n, k, stride, padding, dilation) for n in (h, wd))
st.latex(viz.shape_latex(img.shape, k, stride, padding, dilation, (ho, wo)))
if min(ho, wo) <= 0:
    span = dilation * (k - 1) + 1
    st.error(t("cnn.no_fit", span=span, h=h + 2 * padding, w=wd + 2 * padding), icon=":material/crop_free:")
else:
    maps, fig_conv, fig_post, fig_sw = figures(image_key, img, format_custom(w), stride, padding, dilation, lang())
    m = st.columns(3)
    m[0].metric(t("cnn.metric_shape"), f"{h}×{wd} → {ho}×{wo}")
    m[1].metric(t("cnn.metric_relu"), f"{(maps.out > 1e-6).mean():.0%}", help=t("cnn.metric_relu_help"))
    m[2].metric(t("cnn.metric_params"), f"{k}×{k} = {k * k}", help=t("cnn.metric_params_help"))
    chart(fig_conv, key="cnn_conv")
    st.subheader(t("cnn.post_header"))
    st.caption(t("cnn.post_caption"))
    chart(fig_post, key="cnn_post")
    st.subheader(t("cnn.sw_header"))
    st.caption(t("cnn.sw_caption"))
    if fig_sw is None:
        st.info(t("cnn.sw_no_fit", span=dilation * (k - 1) + 1, n=8 + 2 * padding), icon=":material/crop_free:")
    else:
        chart(fig_sw, key="cnn_sliding")
        st.caption(t("ui.scrub_hint"))

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
if trained := st.session_state.get("cnn_trained"):
    run_seed, run, secs, run_id = trained
    fig_learned, fig_curve, fig_confusion = learned_figures(run_id, run, lang())
    m = st.columns(3)
    m[0].metric(t("cnn.metric_acc"), f"{run.test_acc[-1]:.1%}")
    m[1].metric(t("cnn.metric_time"), f"{secs:.1f} s")
    m[2].metric(t("cnn.metric_seed"), run_seed)
    chart(fig_learned, key="cnn_learned")
    st.caption(t("cnn.learned_caption"))
    idx = st.slider(t("cnn.digit_pick"), 0, len(run.test_labels) - 1, 0, key="cnn_digit", help=t("cnn.digit_pick_help"))
    st.caption(t("cnn.digit_label", y=run.test_labels[idx], pred=run.test_pred[idx]))
    fig_maps = viz.learned_maps_figure(run.test_images[idx], *learned_maps(run, idx), lang())
    chart(fig_maps, key="cnn_maps")
    g = st.columns(2)
    chart(fig_curve, key="cnn_curve", where=g[0])
    chart(fig_confusion, key="cnn_confusion", where=g[1])
else:
    st.info(t("cnn.train_hint"), icon=":material/school:")

try_this(
    "cnn",
    [
        Experiment("edges", DEFAULTS),
        Experiment("stripes", DEFAULTS | {"image": "stripes", "kernel": "sobel_y"}),
        Experiment("stride", DEFAULTS | {"kernel": "gaussian_blur", "stride": 2}),
        Experiment("dilation", DEFAULTS | {"image": "digit", "kernel": "laplacian", "padding": 2, "dilation": 2}),
        Experiment("custom", DEFAULTS | {"image": "shapes", "kernel": "custom", "custom": "1,1,1,0,0,0,-1,-1,-1"}),
    ],
    DEFAULTS,
)

code_expander(convolve, sliding_window, read_upload, DigitCNN, train_digit_cnn)
