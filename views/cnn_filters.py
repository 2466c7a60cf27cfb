"""CNN filters (chapter 18): one kernel slid over an image, then ReLU and pooling, then filters a CNN learns."""

import numpy as np
import streamlit as st

from core.cnn.conv import CnnConfig, convolve, filter_image, format_custom, parse_custom, sliding_window, span
from core.cnn.digits import DigitCNN, train_digit_cnn
from core.cnn.images import load_image, read_upload
from core.common.params import defaults, experiment
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.kernel_editor import kernel_editor, upload_box
from ui.learned_filters import learned_filters
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.state import lang, t
from viz import cnn_filters as viz

C = CnnConfig


def exp(name: str, **changes) -> Experiment:  # the custom text only where one is written: it has no widget otherwise
    return Experiment(name, {k: v for k, v in experiment(C, **changes).items() if k != "custom" or "custom" in changes})


EXPERIMENTS = [
    exp("stripes", image="stripes", kernel="sobel_y"),
    exp("stride", kernel="gaussian_blur", stride=2),
    exp("dilation", image="digit", kernel="laplacian", padding=2, dilation=2),
    exp("custom", image="shapes", kernel="custom", custom="1,1,1,0,0,0,-1,-1,-1"),
    exp("edges"),
]
builtin = cache_data(max_entries=8)(load_image)


@figure_cache
def figures(image_key: str, _image: np.ndarray, weights: str, cfg: CnnConfig, language: str):
    """Feature maps and the three filter figures; ``image_key`` names ``_image`` (a built-in or an upload hash)."""
    run = filter_image(_image, parse_custom(weights), cfg)
    sliding = viz.sliding_figure(run.window, lang=language) if run.window else None
    return (
        run.maps,
        viz.conv_figure(_image, maps=run.maps, lang=language),
        viz.post_figure(run.maps, lang=language),
        sliding,
    )


place, main = start("cnn-filters")
with place:
    cfg = controls(C, "cnn", place, per_row=5, only=("image", "kernel", "stride", "padding", "dilation"))
    try_this("cnn", EXPERIMENTS, defaults(C), main=main)

below = st.container()  # ReLU, pooling and the sliding window, drawn once the kernel below is known
w = kernel_editor(st.container(), cfg.kernel)  # full width: a 5×5 grid stays legible on a small screen
upload_box(st.container())

no_upload = cfg.image == "upload" and "cnn_upload_image" not in st.session_state
image = C().image if no_upload else cfg.image
image_key, img = st.session_state["cnn_upload_image"][:2] if image == "upload" else (image, builtin(image))
(h, wd), k = img.shape, len(w)
ho, wo = cfg.output_shape(img.shape, k)
with main:
    if fits := min(ho, wo) > 0:
        maps, fig_conv, fig_post, fig_sw = figures(image_key, img, format_custom(w), cfg, lang())
        chart(fig_conv, key="cnn_conv")
    else:
        st.error(t("cnn.no_fit", span=span(k, cfg.dilation), h=h + 2 * cfg.padding, w=wd + 2 * cfg.padding),
                 icon=":material/crop_free:")  # fmt: skip
    if no_upload:
        st.info(t("cnn.no_upload"), icon=":material/upload:")
    st.latex(viz.shape_latex(img.shape, k, cfg.stride, cfg.padding, cfg.dilation, (ho, wo)))
    if fits:
        m = metric_row()
        m.metric(t("cnn.metric_shape"), f"{h}×{wd} → {ho}×{wo}")
        m.metric(t("cnn.metric_relu"), f"{(maps.out > 1e-6).mean():.0%}", help=t("cnn.metric_relu_help"))
        m.metric(t("cnn.metric_params"), f"{k}×{k} = {k * k}", help=t("cnn.metric_params_help"))

if fits:
    with below:
        st.subheader(t("cnn.post_header"))
        st.caption(t("cnn.post_caption"))
        chart(fig_post, key="cnn_post")
        st.subheader(t("cnn.sw_header"))
        st.caption(t("cnn.sw_caption"))
        if fig_sw is None:
            st.info(t("cnn.sw_no_fit", span=span(k, cfg.dilation), n=8 + 2 * cfg.padding), icon=":material/crop_free:")
        else:
            chart(fig_sw, key="cnn_sliding", scrub=True)

learned_filters()
code_expander(convolve, sliding_window, read_upload, DigitCNN, train_digit_cnn)
