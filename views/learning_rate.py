"""Learning rate (chapter 6): slow, converging, oscillating and diverging runs side by side, a sweep and schedules."""

import numpy as np
import streamlit as st

from core import surfaces
from core.learning_rate import EXP_END, SCHEDULES, make_scheduler, run_rates
from core.learning_rate_input import LR_MAX, LR_MIN, MAX_RATES, format_lrs, parse_lrs
from core.learning_rate_rule import classify_runs
from core.learning_rate_sweep import run_sweep, sweep_range
from i18n.numbers import num
from ui.chart import chart
from ui.options import option
from ui.page import Experiment, bound, code_expander, formula, header, try_this
from ui.state import lang, t
from ui.text import inert
from viz.learning_rate import runs_figure, sweep_figure

# A start, rates and length that show each surface's behaviours; picking a surface applies its preset.
PRESETS = {
    "bowl": {"start": (2.0, 1.5), "lrs": "0.05,0.2,0.9,1.1", "steps": 30},
    "valley": {"start": (-3.5, 1.0), "lrs": "0.02,0.2,0.45,0.55", "steps": 100},
    "rosenbrock": {"start": (-1.5, 2.0), "lrs": "0.0005,0.0015,0.002,0.0025", "steps": 300},
    "saddle": {"start": (2.0, 0.01), "lrs": "0.02,0.1,0.9,1.1", "steps": 100},
    "himmelblau": {"start": (0.0, -1.0), "lrs": "0.002,0.01,0.02,0.04", "steps": 60},
}
DEFAULTS = {"surface": "bowl", "lrs": PRESETS["bowl"]["lrs"], "steps": 30, "schedule": "constant"}
LIMITS = {"max": MAX_RATES, "lo": f"{LR_MIN:.6f}", "hi": f"{LR_MAX:g}"}


@st.cache_data(max_entries=64, show_spinner=False)
def compute(surface: str, lrs: tuple[float, ...], steps: int, schedule: str):
    x0, y0 = PRESETS[surface]["start"]
    box = surfaces.view_box(surface, x0, y0)
    sweep = run_sweep(surface, x0, y0, steps, schedule, *sweep_range(surface, x0, y0, lrs))
    return run_rates(surface, x0, y0, lrs, steps, schedule), sweep, surfaces.surface_grid(surface, box), box


@st.cache_resource(max_entries=24, show_spinner=False)
def figures(surface: str, lrs: tuple[float, ...], steps: int, schedule: str, language: str):
    runs, sweep, grid, box = compute(surface, lrs, steps, schedule)
    spec = surfaces.SURFACES[surface]
    return runs_figure(runs, grid, spec, box, language), sweep_figure(sweep, runs, spec.quadratic, language)


def apply_preset() -> None:
    st.session_state.update({k: PRESETS[st.session_state["surface"]][k] for k in ("lrs", "steps")})


header("learning-rate", "lr.intro")
formula(
    r"\theta_{k+1} = \theta_k - \eta_k \nabla L(\theta_k), \qquad e_{k+1} = (1 - \eta\lambda_i)\, e_k"
    r"\;\Rightarrow\; |e_k| \to 0 \iff 0 < \eta < 2/\lambda_{\max}",
    "lr.formula_note",
)

with st.container(border=True):
    c = st.columns([1.3, 2, 1.3, 1.6])
    surface = option(c[0].selectbox, "surface", "lr.surface", surfaces.SURFACES, "gd.surface", on_change=apply_preset)
    preset = PRESETS[surface]  # a link naming only the surface gets that surface's preset
    text = c[1].text_input(
        t("lr.lrs"), value=preset["lrs"], key="lrs", help=t("lr.lrs_help", **LIMITS), bind="query-params"
    )
    c[1].caption(t("lr.start", x0=preset["start"][0], y0=preset["start"][1]))
    steps = bound(c[2].slider, "steps", "lr.steps", min_value=1, max_value=300, value=preset["steps"])
    schedule = option(c[3].selectbox, "schedule", "lr.schedule", SCHEDULES, "lr.schedule_name")
    c[3].caption(
        t(
            f"lr.schedule.{schedule}",
            size=max(1, steps // 4 if schedule == "step" else steps // 5),
            gamma=EXP_END ** (1 / steps),
            steps=steps,
        )
    )

parsed = parse_lrs(text)
kept = st.session_state.get("_lr_valid") or parse_lrs(preset["lrs"]).rates  # the last list that parsed
if parsed.error:
    st.warning(
        t(f"lr.bad.{parsed.error}", bad=inert(parsed.bad), kept=format_lrs(kept), **LIMITS), icon=":material/edit_off:"
    )
    lrs = kept
else:
    lrs = st.session_state["_lr_valid"] = parsed.rates
    if parsed.truncated:
        st.warning(t("lr.truncated", max=MAX_RATES, kept=format_lrs(lrs)), icon=":material/filter_list:")

runs, sweep, grid, box = compute(surface, lrs, steps, schedule)
quadratic = surfaces.SURFACES[surface].quadratic
stops = [
    t(f"lr.stopped_{runs.stop_reason[r]}", lr=runs.lrs[r], step=runs.stop_step[r])
    for r in np.flatnonzero(runs.stop_step >= 0)
]
if stops:
    st.warning("\n\n".join(stops), icon=":material/warning:")

lam_min, lam_max = runs.eigvals
m = st.columns(3)
m[0].metric(t("lr.metric_lmin"), num(lam_min), help=t("lr.metric_eig_help"))
m[1].metric(t("lr.metric_lmax"), num(lam_max), help=t("lr.metric_eig_help"))
limit_text = num(2 / lam_max) if lam_max > 0 else t("lr.no_limit")
m[2].metric(t("lr.metric_limit"), limit_text, help=t("lr.metric_limit_help"))
st.caption(t("lr.note_quadratic", limit=2 / lam_max) if quadratic else t("lr.note_local"))

fig_runs, fig_sweep = figures(surface, lrs, steps, schedule, lang())
chart(fig_runs, key="lr_runs")
st.caption(t("ui.scrub_hint"))

st.subheader(t("lr.table_title"))
last = np.where(runs.stop_step >= 0, runs.stop_step, steps)
gaps = runs.losses[np.arange(len(lrs)), last] - runs.loss_min
table = {
    t("lr.col_lr"): [f"{v:g}" for v in runs.lrs],
    t("lr.col_label"): [t(f"lr.label.{v}") for v in runs.labels],
    t("lr.col_last_rate"): [f"{v:.4g}" for v in runs.rates[:, -1]],
    t("lr.col_gap0"): [f"{v:.4g}" for v in runs.losses[:, 0] - runs.loss_min],
    t("lr.col_gap"): [f"{v:.4g}" for v in gaps],
    t("lr.col_stop"): [str(s) if s >= 0 else "—" for s in runs.stop_step],
}
if quadratic:
    table[t("lr.col_factor")] = [f"{np.abs(1 - v * runs.eigvals).max():.4g}" for v in runs.rates[:, -1]]
st.dataframe(table, hide_index=True, width="stretch")
with st.container(border=True):
    st.markdown(f"**{t('lr.rule_title')}**")
    st.markdown(t("lr.rule"))

chart(fig_sweep, key="lr_sweep")
st.caption(t("lr.sweep_caption", count=len(sweep.lrs)))

try_this(
    "lr",
    [
        Experiment("four", DEFAULTS),
        Experiment("edge", DEFAULTS | {"lrs": "0.9,0.99,1,1.01"}),
        Experiment("cosine", DEFAULTS | {"lrs": "0.6,1.1,1.3", "steps": 60, "schedule": "cosine"}),
        Experiment(
            "valley", {"surface": "valley", "lrs": PRESETS["valley"]["lrs"], "steps": 100, "schedule": "constant"}
        ),
        Experiment("step", {"surface": "valley", "lrs": "0.45,0.55", "steps": 100, "schedule": "step"}),
        Experiment(
            "banana",
            {"surface": "rosenbrock", "lrs": PRESETS["rosenbrock"]["lrs"], "steps": 300, "schedule": "constant"},
        ),
    ],
    DEFAULTS,
)

code_expander(run_rates, make_scheduler, run_sweep, classify_runs, parse_lrs)
