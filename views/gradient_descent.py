"""Gradient descent (chapter 6): θ ← θ − η∇L on five loss surfaces."""

import numpy as np
import streamlit as st

from core import surfaces
from core.gradient_descent import descent_slices, run_gradient_descent
from i18n.numbers import num
from ui.chart import chart
from ui.options import option
from ui.page import (
    Experiment,
    applied_experiment,
    bound,
    code_expander,
    control_row,
    header,
    try_this,
    workspace,
)
from ui.state import lang, t
from viz.gradient_descent import MAP_POINT_TRACES, descent_figure, surface3d_figure

# A start, rate and length that show each surface well; picking a surface applies its preset.
PRESETS = {
    "bowl": {"x0": 2.0, "y0": 1.5, "lr": 0.1, "steps": 30},
    "valley": {"x0": -3.5, "y0": 1.0, "lr": 0.3, "steps": 60},
    "rosenbrock": {"x0": -1.5, "y0": 2.0, "lr": 0.002, "steps": 200},
    "saddle": {"x0": 2.0, "y0": 0.01, "lr": 0.05, "steps": 150},
    "himmelblau": {"x0": 0.0, "y0": 0.0, "lr": 0.01, "steps": 60},
}
DEFAULTS = {"surface": "bowl"} | PRESETS["bowl"]
START_LIMIT = 5.0


@st.cache_data(max_entries=64, show_spinner=False)
def compute(surface: str, x0: float, y0: float, lr: float, steps: int):
    run = run_gradient_descent(surface, x0, y0, lr, steps)
    box = surfaces.view_box(surface, x0, y0)
    return (
        run,
        descent_slices(surface, run),
        surfaces.surface_grid(surface, box),
        surfaces.gradient_field(surface, box),
        box,
    )


@st.cache_resource(max_entries=12, show_spinner=False)
def figure(kind: str, surface: str, x0: float, y0: float, lr: float, steps: int, language: str):
    run, slices, grid, field, box = compute(surface, x0, y0, lr, steps)
    spec = surfaces.SURFACES[surface]
    if kind == "3d":
        return surface3d_figure(run, grid, spec, slices.frames, language)
    return descent_figure(run, slices, grid, field, spec, box, language)


def apply_preset() -> None:
    st.session_state.update(PRESETS[st.session_state["surface"]])


def start_from_click(points: list[dict]) -> None:
    """Chart click → new start point (runs as a callback, before the sliders are drawn)."""
    picked = [p for p in points if p.get("curve_number") in MAP_POINT_TRACES]
    if picked:
        st.session_state["x0"] = float(np.clip(round(picked[0]["x"], 2), -START_LIMIT, START_LIMIT))
        st.session_state["y0"] = float(np.clip(round(picked[0]["y"], 2), -START_LIMIT, START_LIMIT))


header("gradient-descent", "gd.intro", r"\theta_{k+1} = \theta_k - \eta\,\nabla L(\theta_k)", "gd.formula_note")
controls, main = workspace()

with controls:
    c = control_row(controls, 5)
    names = list(surfaces.SURFACES)
    surface = option(c[0].selectbox, "surface", "gd.surface", names, "gd.surface", on_change=apply_preset)
    preset = PRESETS[surface]  # a link naming only the surface gets that surface's preset
    x0 = bound(c[1].slider, "x0", "gd.x0", min_value=-START_LIMIT, max_value=START_LIMIT, value=preset["x0"], step=0.05)
    y0 = bound(c[2].slider, "y0", "gd.y0", min_value=-START_LIMIT, max_value=START_LIMIT, value=preset["y0"], step=0.05)
    lr = bound(
        c[3].number_input,
        "lr",
        "gd.lr",
        min_value=0.0001,
        max_value=10.0,
        value=preset["lr"],
        step=0.0001,
        format="%.4f",
    )
    steps = bound(c[4].slider, "steps", "gd.steps", min_value=1, max_value=500, value=preset["steps"])
    # Opt-in: a WebGL scene costs about 1 s per change where the browser renders without a GPU.
    view3d = bound(c[4].toggle, "view3d", "gd.view3d", value=False)
    try_this(
        "gd",
        [
            Experiment("valley", {"surface": "valley", "x0": -3.5, "y0": 1.0, "lr": 0.45, "steps": 60}),
            Experiment("zigzag", DEFAULTS | {"lr": 0.9, "steps": 20}),
            Experiment("diverge", DEFAULTS | {"lr": 1.1, "steps": 60}),  # long enough to cross the stop rule
            Experiment("banana", {"surface": "rosenbrock"} | PRESETS["rosenbrock"]),
            Experiment("saddle", {"surface": "saddle"} | PRESETS["saddle"]),
            Experiment("converge", DEFAULTS),
        ],
        DEFAULTS,
    )

run, slices, grid, field, box = compute(surface, x0, y0, lr, steps)
params = (surface, x0, y0, lr, steps, lang())
with main:
    applied_experiment("gd")
    chart(figure("2d", *params), key="gd_map", on_click=start_from_click)
    l0, ln = run.losses[0], run.losses[-1]
    limit = 2 / run.lambda_max if run.lambda_max > 0 else float("inf")
    if run.stop_step is not None:
        reason = f"gd.diverged_{run.stop_reason}"
        st.error(
            t(reason, step=run.stop_step, loss=ln, l0=l0, lr=lr, lam=run.lambda_max, limit=limit),
            icon=":material/warning:",
        )
    elif ln < l0:
        st.success(t("gd.converged", steps=steps, l0=l0, ln=ln), icon=":material/trending_down:")
    else:
        st.warning(t("gd.not_decreasing", steps=steps, l0=l0, ln=ln), icon=":material/trending_flat:")
    m = st.columns(3)
    m[0].metric(t("gd.metric_final"), num(ln))
    nearest = min(np.hypot(*(run.path[-1] - np.array(p))) for p in surfaces.SURFACES[surface].minima)
    m[1].metric(t("gd.metric_dist"), num(nearest))
    m[2].metric(
        t("gd.metric_limit"), num(limit) if np.isfinite(limit) else t("gd.no_limit"), help=t("gd.metric_limit_help")
    )
    st.caption(t("gd.click_hint") + " " + t("ui.scrub_hint"))
    if view3d:
        chart(figure("3d", *params), key="gd_surface3d")

st.subheader(t("gd.table_title"))
st.caption(t("gd.table_caption"))
rows = min(len(run.path), 11)
st.dataframe(
    {
        t("gd.col_step"): np.arange(rows),
        "x": run.path[:rows, 0],
        "y": run.path[:rows, 1],
        "∂L/∂x": run.grads[:rows, 0],
        "∂L/∂y": run.grads[:rows, 1],
        t("gd.col_loss"): run.losses[:rows],
    },
    hide_index=True,
    width="stretch",
)

code_expander(run_gradient_descent, surfaces.SURFACES[surface].fn, descent_slices)
