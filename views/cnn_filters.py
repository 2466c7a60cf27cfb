"""CNN filters (chapter 18): one kernel slid over an image, then ReLU and pooling, then filters a CNN learns."""

import hashlib

import numpy as np
import streamlit as st

from core.cnn_filters import (
    KERNELS,
    convolve,
    format_custom,
    output_size,
    parse_custom,
    patch_window,
    sliding_window,
    span,
)
from core.cnn_filters_images import IMAGES, UploadError, load_image, read_upload
from core.cnn_filters_train import DigitCNN, train_digit_cnn
from ui.chart import chart
from ui.kernel_editor import kernel_editor
from ui.learned_filters import learned_filters
from ui.options import option
from ui.page import Experiment, applied_experiment, bound, code_expander, control_row, header, try_this, workspace
from ui.state import lang, t
from ui.text import inert
from viz import cnn_filters as viz

DEFAULTS = {"image": "china", "kernel": "sobel_x", "stride": 1, "padding": 0, "dilation": 1}
IMAGE_OPTIONS = [*IMAGES, "upload"]
KERNEL_OPTIONS = [*KERNELS, "custom"]
EXPERIMENTS = [
    Experiment("stripes", DEFAULTS | {"image": "stripes", "kernel": "sobel_y"}),
    Experiment("stride", DEFAULTS | {"kernel": "gaussian_blur", "stride": 2}),
    Experiment("dilation", DEFAULTS | {"image": "digit", "kernel": "laplacian", "padding": 2, "dilation": 2}),
    Experiment("custom", DEFAULTS | {"image": "shapes", "kernel": "custom", "custom": "1,1,1,0,0,0,-1,-1,-1"}),
    Experiment("edges", DEFAULTS),
]


@st.cache_data(max_entries=8, show_spinner=False)
def builtin(name: str) -> np.ndarray:
    return load_image(name)


@st.cache_resource(max_entries=8, show_spinner=False)
def figures(image_key: str, _image: np.ndarray, weights: str, stride: int, padding: int, dilation: int, language: str):
    """Feature maps and the three filter figures; ``image_key`` names ``_image`` (a built-in or an upload hash)."""
    w = parse_custom(weights)
    maps = convolve(_image, w, stride, padding, dilation)
    sw = patch_window(_image, w, stride, padding, dilation)
    sliding = viz.sliding_figure(sw, language) if sw else None
    return maps, viz.conv_figure(_image, maps, language), viz.post_figure(maps, language), sliding


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


header("cnn-filters", "cnn.intro", r"y_{i,j}=\sum_{a,b} w_{a,b}\,x_{si+da-p,\;sj+db-p}", "cnn.formula_note",
       "cnn.intro_more")  # fmt: skip
controls, main = workspace()
with controls:
    c = control_row(controls, 5)
    image = option(c[0].selectbox, "image", "cnn.image", IMAGE_OPTIONS, "cnn.image", DEFAULTS["image"])
    kernel = option(c[1].selectbox, "kernel", "cnn.kernel", KERNEL_OPTIONS, "cnn.kernel", DEFAULTS["kernel"])
    stride = bound(c[2].slider, "stride", "cnn.stride", min_value=1, max_value=4, value=1)
    padding = bound(c[3].slider, "padding", "cnn.padding", min_value=0, max_value=4, value=0)
    dilation = bound(c[4].slider, "dilation", "cnn.dilation", min_value=1, max_value=4, value=1)
    try_this("cnn", EXPERIMENTS, DEFAULTS)

below = st.container()  # ReLU, pooling and the sliding window, drawn once the kernel below is known
u = st.columns(2, gap="medium")
w = kernel_editor(u[0], kernel)
u[1].file_uploader(t("cnn.upload"), type=["png", "jpg", "jpeg"], key="cnn_upload", on_change=on_upload,
                   help=t("cnn.upload_help"))  # fmt: skip
if err := st.session_state.get("cnn_upload_error"):
    code, info, name = err
    u[1].error(t(f"cnn.upload_err.{code}", name=inert(name, limit=80), **info), icon=":material/block:")

no_upload = image == "upload" and "cnn_upload_image" not in st.session_state
image = DEFAULTS["image"] if no_upload else image
image_key, img = st.session_state["cnn_upload_image"][:2] if image == "upload" else (image, builtin(image))
h, wd = img.shape
k = len(w)
ho, wo = (output_size(n, k, stride, padding, dilation) for n in (h, wd))
fits = min(ho, wo) > 0
with main:
    applied_experiment("cnn")
    if not fits:
        st.error(t("cnn.no_fit", span=span(k, dilation), h=h + 2 * padding, w=wd + 2 * padding),
                 icon=":material/crop_free:")  # fmt: skip
    else:
        maps, fig_conv, fig_post, fig_sw = figures(image_key, img, format_custom(w), stride, padding, dilation, lang())
        chart(fig_conv, key="cnn_conv")
    if no_upload:
        st.info(t("cnn.no_upload"), icon=":material/upload:")
    st.latex(viz.shape_latex(img.shape, k, stride, padding, dilation, (ho, wo)))
    if fits:
        m = st.columns([2, 1, 1])  # the size change is the longest value
        m[0].metric(t("cnn.metric_shape"), f"{h}×{wd} → {ho}×{wo}")
        m[1].metric(t("cnn.metric_relu"), f"{(maps.out > 1e-6).mean():.0%}", help=t("cnn.metric_relu_help"))
        m[2].metric(t("cnn.metric_params"), f"{k}×{k} = {k * k}", help=t("cnn.metric_params_help"))

if fits:
    with below:
        st.subheader(t("cnn.post_header"))
        st.caption(t("cnn.post_caption"))
        chart(fig_post, key="cnn_post")
        st.subheader(t("cnn.sw_header"))
        st.caption(t("cnn.sw_caption"))
        if fig_sw is None:
            st.info(t("cnn.sw_no_fit", span=span(k, dilation), n=8 + 2 * padding), icon=":material/crop_free:")
        else:
            chart(fig_sw, key="cnn_sliding")
            st.caption(t("ui.scrub_hint"))

learned_filters()

code_expander(convolve, sliding_window, read_upload, DigitCNN, train_digit_cnn)
