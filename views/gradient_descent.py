"""Gradient descent (chapter 6): θ ← θ − η∇L on five loss surfaces."""

import numpy as np
import streamlit as st

from core.common.params import defaults, experiment, from_query
from core.descent.engine import TorchRule, descend
from core.descent.gradient import START_LIMIT, DescentConfig, descent_scene, descent_slices, run_gradient_descent
from core.descent.surfaces import SURFACES, apply_preset, plain, preset, with_preset
from i18n.numbers import num
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.state import lang, t
from ui.table import table
from viz.gradient_descent import MAP_POINT_TRACES, descent_figure, surface3d_figure

C = DescentConfig
KEEP_3D = lambda settings: {k: v for k, v in settings.items() if k != "view3d"}  # noqa: E731 - a view, not a setting
EXPERIMENTS = [
    Experiment(id_, KEEP_3D(experiment(C, **changes)))
    for id_, changes in (
        ("valley", {"surface": "valley", "x0": -3.5, "y0": 1.0, "lr": 0.45, "steps": 60}),
        ("zigzag", {"lr": 0.9, "steps": 20}),
        ("diverge", {"lr": 1.1, "steps": 60}),  # long enough to cross the stop rule
        ("banana", {"surface": "rosenbrock"} | preset(C, "rosenbrock")),
        ("saddle", {"surface": "saddle"} | preset(C, "saddle")),
        ("converge", {}),
    )
]
OUTCOME = {  # run.outcome -> how the page says it
    "converged": (st.success, ":material/trending_down:"),
    "not_decreasing": (st.warning, ":material/trending_flat:"),
    "diverged_exploded": (st.error, ":material/warning:"),
    "diverged_nonfinite": (st.error, ":material/warning:"),
}
compute = cache_data(max_entries=64)(descent_scene)


@figure_cache
def figure(kind: str, cfg: DescentConfig, language: str):
    s, spec = compute(cfg), SURFACES[cfg.surface]
    if kind == "3d":
        return surface3d_figure(s.run, s.grid, spec, s.slices.frames, language)
    return descent_figure(s.run, s.slices, s.grid, s.field, spec, s.box, language)


def start_from_click(points: list[dict]) -> None:
    """Chart click → new start point (runs as a callback, before the sliders are drawn)."""
    picked = [p for p in points if p.get("curve_number") in MAP_POINT_TRACES]
    if picked:
        st.session_state["x0"] = float(np.clip(round(picked[0]["x"], 2), -START_LIMIT, START_LIMIT))
        st.session_state["y0"] = float(np.clip(round(picked[0]["y"], 2), -START_LIMIT, START_LIMIT))


place, main = start("gradient-descent")

with place:
    # The widgets' defaults are the picked surface's preset: a link naming only the surface gets it.
    surface = st.session_state.get("surface") or from_query(C, st.query_params).surface
    on_pick = {"surface": {"on_change": apply_preset, "args": (st.session_state, C)}}
    cfg = plain(controls(with_preset(C, surface), "gd", place, per_row=5, options=on_pick))
    try_this("gd", EXPERIMENTS, KEEP_3D(defaults(C)), main=main)

scene = compute(cfg)
run = scene.run
with main:
    chart(figure("2d", cfg, lang()), key="gd_map", on_click=start_from_click)
    l0, ln = run.losses[0], run.losses[-1]
    show, icon = OUTCOME[run.outcome]
    facts = {"step": run.stop_step, "steps": cfg.steps, "loss": ln, "l0": l0, "ln": ln, "lr": cfg.lr}
    show(t(f"gd.{run.outcome}", lam=run.lambda_max, limit=run.limit, **facts), icon=icon)
    m = metric_row()
    m.metric(t("gd.metric_final"), num(ln))
    m.metric(t("gd.metric_dist"), num(run.nearest))
    limit = num(run.limit) if np.isfinite(run.limit) else t("gd.no_limit")
    m.metric(t("gd.metric_limit"), limit, help=t("gd.metric_limit_help"))
    st.caption(t("gd.click_hint") + " " + t("ui.scrub_hint"))
    if cfg.view3d:
        chart(figure("3d", cfg, lang()), key="gd_surface3d")

st.subheader(t("gd.table_title"))
st.caption(t("gd.table_caption"))
rows = min(len(run.path), 11)
table(
    {
        t("gd.col_step"): range(rows),
        "x": run.path[:rows, 0],
        "y": run.path[:rows, 1],
        "∂L/∂x": run.grads[:rows, 0],
        "∂L/∂y": run.grads[:rows, 1],
        t("gd.col_loss"): run.losses[:rows],
    },
    key="gd_steps",
)

code_expander(run_gradient_descent, descend, TorchRule.step, SURFACES[cfg.surface].fn, descent_slices)
