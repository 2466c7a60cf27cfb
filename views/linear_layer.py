"""The linear layer (chapter 4): y = xWᵀ + b as a map of the plane, a batch, parameter counts, CPU or GPU."""

from dataclasses import replace

import streamlit as st
import torch

from core.common.params import defaults, experiment
from core.linear_layer.config import PRESETS, LinearConfig
from core.linear_layer.plane import transform
from core.linear_layer.speed import matmul_sweep, time_matmul
from core.linear_layer.stack import count_parameters, count_table, widths_or_default
from i18n.numbers import num
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.state import lang, t
from ui.table import table
from ui.text import inert
from viz.linear_layer import batch_figure, plane_figure, speed_figure

L = LinearConfig
PLANE = ("preset", "w11", "w12", "w21", "w22", "b1", "b2")
EXPERIMENTS = [
    Experiment("rotation", experiment(L, preset="rotation")),
    Experiment("reflection", experiment(L, preset="reflection")),
    Experiment("shear", experiment(L, preset="shear")),
    Experiment("singular", experiment(L, preset="singular")),
    Experiment("shift", experiment(L, w11=1.0, w12=0.0, w21=0.0, w22=1.0, b1=1.5, b2=1.0)),
]
STATUS = {"singular": (st.warning, ":material/compress:"), "flip": (st.info, ":material/flip:"),
          "keeps": (st.success, ":material/check:")}  # fmt: skip
compute = cache_data(max_entries=32)(transform)


@figure_cache
def figures(cfg: LinearConfig, language: str):
    run = compute(cfg)
    return plane_figure(run, language), batch_figure(run, language)


def preset_to_sliders() -> None:
    """A chosen preset's W goes into the sliders too, so 'from the sliders' starts from it."""
    w = PRESETS.get(st.session_state.get("preset"))
    if w:
        st.session_state.update({f"w{i + 1}{j + 1}": round(w[i][j], 2) for i in range(2) for j in range(2)})


place, main = start("linear-layer")
with place:
    fixed = lambda v: v["preset"] != "custom"  # noqa: E731 - a preset's W, not the sliders'
    cfg = controls(L, "ll", place, only=PLANE, disabled={f"w{i}{j}": fixed for i in (1, 2) for j in (1, 2)},
                   options={"preset": {"on_change": preset_to_sliders}})  # fmt: skip
    try_this("ll", EXPERIMENTS, defaults(L), main=main)

run = compute(cfg)
fig_plane, fig_batch = figures(cfg, lang())
with main:
    chart(fig_plane, key="ll_plane", caption=t("ll.caption"), scrub=True)
    status, icon = STATUS[run.kind]
    status(t(f"ll.{run.kind}", det=run.det, area=abs(run.det)), icon=icon)
    m = metric_row()
    m.metric(t("ll.metric.det"), num(run.det))
    m.metric(t("ll.metric.area"), num(run.area), help=t("ll.metric.area_help"))
    m.metric(t("ll.metric.params"), 2 * 2 + 2)
    m.metric(t("ll.metric.device"), run.device)

st.subheader(t("ll.batch_heading"))
chart(fig_batch, key="ll_batch")
st.caption(t("ll.batch_caption"))
st.subheader(t("ll.stack_heading"))
left, right = st.columns([1, 2])
cfg = replace(cfg, widths=controls(L, "ll", left, only=("widths",)).widths)
widths, error = widths_or_default(cfg.widths, L().widths)
if error:
    left.error(t(f"ll.widths_error.{error.code}", part=inert(error.part, 12)) + " " + t("ll.widths_error.hint"))
layers = count_parameters(widths)
table({t(f"ll.col.{k}"): v for k, v in count_table(layers).items()}, key="ll_counts", where=right)
left.metric(t("ll.stack_total"), f"{sum(c.weights + c.biases for c in layers):,}")
st.caption(t("ll.stack_caption"))
st.subheader(t("ll.device_heading"))
d, cuda = st.columns([1, 2]), torch.cuda.is_available()  # [1, 3] cut the metric's label at 853 px
d[0].metric("torch.cuda.is_available()", str(cuda))
d[1].info(t("ll.gpu", name=torch.cuda.get_device_name(0)) if cuda else t("ll.no_gpu"), icon=":material/memory:")
if st.button(t("ll.measure"), key="ll_measure", help=t("ll.measure_help"), icon=":material/speed:"):
    bar = st.progress(0.0)
    st.session_state["ll_sweep"] = matmul_sweep(progress=lambda f, what: bar.progress(f, t("ll.measuring", what=what)))
    bar.empty()
sweep = st.session_state.get("ll_sweep")
if sweep is not None:
    chart(speed_figure(sweep, lang()), key="ll_speed")
    skipped = t("ll.skipped", n=sweep.sizes[sweep.measured]) if sweep.measured < len(sweep.sizes) else ""
    rate, n = sweep.best
    st.caption(t("ll.speed_result", s=sweep.elapsed, threads=sweep.threads, small=sweep.gflops[0, 0], best=rate, n=n)
               + " " + skipped)  # fmt: skip
    st.info(t("ll.crossover", n=sweep.crossover) if sweep.crossover else t("ll.no_crossover"), icon=":material/speed:")

code_expander(transform, count_parameters, matmul_sweep, time_matmul)
