"""Learning rate (chapter 6): slow, converging, oscillating and diverging runs side by side, a sweep and schedules."""

import streamlit as st

from core.common.params import defaults, experiment, from_query
from core.descent.engine import descend
from core.descent.labels import classify_runs
from core.descent.rates import (
    LIMITS,
    RateConfig,
    format_lrs,
    make_scheduler,
    parse_lrs,
    rate_scene,
    run_rates,
    run_sweep,
    schedule_params,
)
from core.descent.surfaces import SURFACES, apply_preset, plain, preset, start_of, with_preset
from i18n.numbers import num
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, metric_row, start, try_this
from ui.params import controls
from ui.state import lang, t
from ui.table import table
from ui.text import inert
from viz.learning_rate import runs_figure, runs_table, stop_messages, sweep_figure

C = RateConfig
# The round bowl puts every path on one line through the minimum; the valley's two curvatures bend them apart.
VALLEY = {"surface": "valley"} | preset(C, "valley")
EXPERIMENTS = [
    Experiment("four", experiment(C, **VALLEY)),
    Experiment("edge", experiment(C, **VALLEY | {"lrs": "0.45,0.495,0.5,0.505"})),
    Experiment("cosine", experiment(C, **VALLEY | {"lrs": "0.3,0.55,0.65", "steps": 60, "schedule": "cosine"})),
    Experiment("step", experiment(C, **VALLEY | {"lrs": "0.45,0.55", "schedule": "step"})),
    Experiment("banana", experiment(C, surface="rosenbrock", **preset(C, "rosenbrock"))),
]
compute = cache_data(max_entries=64)(rate_scene)


@figure_cache
def figures(cfg: RateConfig, lrs: tuple[float, ...], language: str):
    s = compute(cfg, lrs)
    return runs_figure(s.runs, s.grid, SURFACES[cfg.surface], s.box, language), sweep_figure(s.sweep, s.runs, language)


place, main = start("learning-rate")

with place:
    # The widgets' defaults are the picked surface's preset: a link naming only the surface gets it.
    surface = st.session_state.get("surface") or from_query(C, st.query_params).surface
    on_pick = {"surface": {"on_change": apply_preset, "args": (st.session_state, C)}}
    cfg = plain(controls(with_preset(C, surface), "lr", place, per_row=4, options=on_pick))
    (x0, y0), sizes = start_of(cfg.surface, C.PAGE), schedule_params(cfg.schedule, cfg.steps)
    place.caption(t("lr.start", x0=x0, y0=y0) + " " + t(f"lr.schedule.{cfg.schedule}", **sizes))
    try_this("lr", EXPERIMENTS, defaults(C), main=main)

parsed = parse_lrs(cfg.lrs)
kept = st.session_state.get("_lr_valid") or parse_lrs(preset(C, cfg.surface)["lrs"]).rates  # the last list that parsed
lrs = kept if parsed.error else parsed.rates
st.session_state["_lr_valid"] = lrs
runs, sweep = (scene := compute(cfg, lrs)).runs, scene.sweep
fig_runs, fig_sweep = figures(cfg, lrs, lang())

with main:
    chart(fig_runs, key="lr_runs", scrub=True)
    if parsed.error:
        st.warning(
            t(f"lr.bad.{parsed.error}", bad=inert(parsed.bad), kept=format_lrs(kept), **LIMITS),
            icon=":material/edit_off:",
        )
    elif parsed.truncated:
        st.warning(t("lr.truncated", kept=format_lrs(lrs), **LIMITS), icon=":material/filter_list:")
    stops = stop_messages(runs, lang())
    if stops:
        st.warning("\n\n".join(stops), icon=":material/warning:")
    m = metric_row()
    m.metric(t("lr.metric_lmin"), num(runs.eigvals[0]), help=t("lr.metric_eig_help"))
    m.metric(t("lr.metric_lmax"), num(runs.eigvals[1]), help=t("lr.metric_eig_help"))
    limit_text = num(runs.critical) if runs.critical < float("inf") else t("lr.no_limit")
    m.metric(t("lr.metric_limit"), limit_text, help=t("lr.metric_limit_help"))
    st.caption(t("lr.note_quadratic", limit=runs.critical) if runs.quadratic else t("lr.note_local"))

st.subheader(t("lr.table_title"))
table(runs_table(runs, lang()), key="lr_runs")
with st.container(border=True):
    st.markdown(f"**{t('lr.rule_title')}**")
    st.markdown(t("lr.rule"))

chart(fig_sweep, key="lr_sweep")
st.caption(t("lr.sweep_caption", count=len(sweep.lrs)))

code_expander(run_rates, make_scheduler, descend, run_sweep, classify_runs, parse_lrs)
