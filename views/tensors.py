"""Tensors and shapes (chapter 3): broadcasting, memory layout and reductions, drawn as grids of cells."""

import streamlit as st

from core.common.params import defaults, experiment
from core.tensors import TensorConfig, checked, explore
from core.tensors.broadcast import combine, operands
from core.tensors.memory import relayout, storage_of
from core.tensors.reduce import reduce, sample
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.state import lang, seed, t
from ui.text import inert
from viz.tensors import tensor_figure

C = TensorConfig
EXPERIMENTS = [
    Experiment("bias", experiment(C, a="4,3", b="3")),
    Experiment("mismatch", experiment(C, a="2,3", b="3,2")),
    Experiment("view_error", experiment(C, mode="memory", layout="t_view", target="12")),
    Experiment("contiguous", experiment(C, mode="memory", layout="t_contiguous")),
    Experiment("keepdim", experiment(C, mode="reduce", dim=1, keepdim=True)),
]
CODE = {"broadcast": (combine, operands), "memory": (relayout, storage_of), "reduce": (reduce, sample)}
compute = cache_data(max_entries=32)(explore)


def cell_range(values: dict) -> dict:
    """The followed-element slider's range for the controls drawn so far: the elements of the tensor drawn, not
    the largest one the page allows; disabled when there is no second element to follow."""
    cfg, _ = checked(C(**values, seed=seed()))
    last = len(compute(cfg).steps) - 1  # cached per shape: moving the slider itself computes nothing here
    return {"max_value": max(last, 1), "disabled": last < 1}


@figure_cache
def figure(cfg: TensorConfig, language: str):
    return tensor_figure(compute(cfg), language)


place, main = start("tensors")
with place:
    cfg = controls(
        C, "tensors", place, disabled={
            "a": lambda v: v["mode"] != "broadcast", "b": lambda v: v["mode"] != "broadcast",
            "op": lambda v: v["mode"] != "broadcast", "shape": lambda v: v["mode"] == "broadcast",
            "layout": lambda v: v["mode"] != "memory",
            "target": lambda v: v["mode"] != "memory" or v["layout"] in ("transpose", "permute", "t_contiguous"),
            "reduce": lambda v: v["mode"] != "reduce", "keepdim": lambda v: v["mode"] != "reduce",
            "dim": lambda v: not (v["mode"] == "reduce" or (v["mode"] == "broadcast" and v["op"] in ("cat", "stack"))),
        },
        options={"cell": cell_range},
    )  # fmt: skip
    try_this("tensors", EXPERIMENTS, defaults(C), main=main)

cfg, problems = checked(cfg)
view = compute(cfg)
with main:
    for name, error in problems:
        st.error(t(f"tensors.shape_error.{error.code}", field=t(f"tensors.{name}"), part=inert(error.part, 12))
                 + " " + t("tensors.shape_error.hint"), icon=":material/error:")  # fmt: skip
    chart(figure(cfg, lang()), key="tensors_main")
    if view.error:
        st.error(t("tensors.torch_error", kind=view.error_type) + "  \n" + inert(view.error), icon=":material/block:")
        for rule in view.rules:
            st.info(t(f"tensors.rule.{rule.code}", **rule.params), icon=":material/rule:")
    if view.steps:
        st.markdown(f"**{t('tensors.followed')}** " + inert(view.steps[view.cell].formula))
    st.caption(t(f"tensors.caption.{cfg.mode}") + " " + t("ui.scrub_hint"))
    f, m = view.facts, metric_row()
    shown = [g for g in view.grids if g.name not in ("s", "s2")]
    for g in shown[:2] if cfg.mode == "memory" else shown:
        m.metric(t("tensors.metric.shape", name=g.name), str(g.shape))
    if cfg.mode == "broadcast" and "a_expand" in f:
        m.metric(t("tensors.metric.copies"), 0, help=t("tensors.metric.copies_help"))
        st.caption(f"A.expand(C.shape).stride() = {f['a_expand']},  B.expand(C.shape).stride() = {f['b_expand']}")
    if cfg.mode == "memory" and not view.error:
        m.metric("y.stride()", str(f["stride"]))
        m.metric("y.is_contiguous()", str(f["contiguous"]))
        m.metric(t("tensors.metric.shares"), t("tensors.yes" if f["shares"] else "tensors.no"))

code_expander(explore, *CODE[cfg.mode])
