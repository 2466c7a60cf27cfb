"""Learning rate (chapter 6): slow, converging, oscillating and diverging runs side by side, a sweep and schedules."""

import streamlit as st

from core import surfaces
from core.learning_rate import SCHEDULES, make_scheduler, run_rates, schedule_params
from core.learning_rate_input import LR_MAX, LR_MIN, MAX_RATES, format_lrs, parse_lrs
from core.learning_rate_rule import classify_runs
from core.learning_rate_sweep import run_sweep, sweep_range
from i18n.numbers import num
from ui.chart import chart
from ui.options import option
from ui.page import Experiment, applied_experiment, bound, code_expander, control_row, header, try_this, workspace
from ui.state import lang, t
from ui.text import inert
from viz.learning_rate import runs_figure, runs_table, stop_messages, sweep_figure

# A start, rates and length that show each surface's behaviours; picking a surface applies its preset.
PRESETS = {
    "bowl": {"start": (2.0, 1.5), "lrs": "0.05,0.2,0.9,1.1", "steps": 30},
    "valley": {"start": (-3.5, 1.0), "lrs": "0.02,0.2,0.45,0.55", "steps": 100},
    "rosenbrock": {"start": (-1.5, 2.0), "lrs": "0.0005,0.0015,0.002,0.0025", "steps": 300},
    "saddle": {"start": (2.0, 0.01), "lrs": "0.02,0.1,0.9,1.1", "steps": 100},
    "himmelblau": {"start": (0.0, -1.0), "lrs": "0.002,0.01,0.02,0.04", "steps": 60},
}
DEFAULTS = {"surface": "bowl", "lrs": PRESETS["bowl"]["lrs"], "steps": 30, "schedule": "constant"}
VALLEY = {"surface": "valley", "lrs": PRESETS["valley"]["lrs"], "steps": 100, "schedule": "constant"}
# The round bowl puts every path on one line through the minimum; the valley's two curvatures bend them apart.
EXPERIMENTS = [
    Experiment("four", VALLEY),
    Experiment("edge", VALLEY | {"lrs": "0.45,0.495,0.5,0.505"}),
    Experiment("cosine", VALLEY | {"lrs": "0.3,0.55,0.65", "steps": 60, "schedule": "cosine"}),
    Experiment("step", VALLEY | {"lrs": "0.45,0.55", "schedule": "step"}),
    Experiment("banana", VALLEY | {"surface": "rosenbrock"} | {k: PRESETS["rosenbrock"][k] for k in ("lrs", "steps")}),
]
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


header(
    "learning-rate",
    "lr.intro",
    r"\begin{gathered}\theta_{k+1} = \theta_k - \eta_k \nabla L(\theta_k)\\"
    r"|e_k| \to 0 \iff 0 < \eta < 2/\lambda_{\max}\end{gathered}",
    "lr.formula_note",
    "lr.intro_more",
)
controls, main = workspace()

with controls:
    c = control_row(controls, 4)
    surface = option(c[0].selectbox, "surface", "lr.surface", surfaces.SURFACES, "gd.surface", on_change=apply_preset)
    preset = PRESETS[surface]  # a link naming only the surface gets that surface's preset
    text = c[1].text_input(
        t("lr.lrs"), value=preset["lrs"], key="lrs", help=t("lr.lrs_help", **LIMITS), bind="query-params"
    )
    c[1].caption(t("lr.start", x0=preset["start"][0], y0=preset["start"][1]))
    steps = bound(c[2].slider, "steps", "lr.steps", min_value=1, max_value=300, value=preset["steps"])
    schedule = option(c[3].selectbox, "schedule", "lr.schedule", SCHEDULES, "lr.schedule_name")
    c[3].caption(t(f"lr.schedule.{schedule}", **schedule_params(schedule, steps)))
    try_this("lr", EXPERIMENTS, DEFAULTS)

parsed = parse_lrs(text)
kept = st.session_state.get("_lr_valid") or parse_lrs(preset["lrs"]).rates  # the last list that parsed
lrs = kept if parsed.error else parsed.rates
st.session_state["_lr_valid"] = lrs
runs, sweep, grid, box = compute(surface, lrs, steps, schedule)
quadratic = surfaces.SURFACES[surface].quadratic
fig_runs, fig_sweep = figures(surface, lrs, steps, schedule, lang())

with main:
    applied_experiment("lr")
    chart(fig_runs, key="lr_runs")
    st.caption(t("ui.scrub_hint"))
    if parsed.error:
        st.warning(
            t(f"lr.bad.{parsed.error}", bad=inert(parsed.bad), kept=format_lrs(kept), **LIMITS),
            icon=":material/edit_off:",
        )
    elif parsed.truncated:
        st.warning(t("lr.truncated", max=MAX_RATES, kept=format_lrs(lrs)), icon=":material/filter_list:")
    stops = stop_messages(runs, lang())
    if stops:
        st.warning("\n\n".join(stops), icon=":material/warning:")
    lam_min, lam_max = runs.eigvals
    m = st.columns(3)
    m[0].metric(t("lr.metric_lmin"), num(lam_min), help=t("lr.metric_eig_help"))
    m[1].metric(t("lr.metric_lmax"), num(lam_max), help=t("lr.metric_eig_help"))
    limit_text = num(2 / lam_max) if lam_max > 0 else t("lr.no_limit")
    m[2].metric(t("lr.metric_limit"), limit_text, help=t("lr.metric_limit_help"))
    st.caption(t("lr.note_quadratic", limit=2 / lam_max) if quadratic else t("lr.note_local"))

st.subheader(t("lr.table_title"))
st.dataframe(runs_table(runs, quadratic, lang()), hide_index=True, width="stretch")
with st.container(border=True):
    st.markdown(f"**{t('lr.rule_title')}**")
    st.markdown(t("lr.rule"))

chart(fig_sweep, key="lr_sweep")
st.caption(t("lr.sweep_caption", count=len(sweep.lrs)))

code_expander(run_rates, make_scheduler, run_sweep, classify_runs, parse_lrs)
