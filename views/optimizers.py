"""Optimizer race (chapters 10–11): six torch.optim optimizers on one surface, and momentum/Adam by hand."""

from dataclasses import replace

import streamlit as st

from core.common.params import defaults, experiment, from_query
from core.common.plotdata import frame_steps
from core.descent.engine import ByHand, Together, adam_step, descend, momentum_step
from core.descent.race import (
    OPTIMIZERS,
    SCRATCH,
    RaceConfig,
    comma_list,
    gradient_noise,
    make_optimizer,
    race,
    race_scene,
)
from core.descent.surfaces import SURFACES, apply_preset, plain, start_of, with_preset
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.options import option
from ui.page import Experiment, code_expander, start, try_this
from ui.params import controls
from ui.state import lang, t
from ui.table import table
from viz.optimizers import race_figure, race_messages, results_table, scratch_figure

C = RaceConfig
THREE = ["sgd", "momentum", "adam"]  # lists, as the multiselect holds them
EXPERIMENTS = [
    Experiment("valley", experiment(C, optims=["sgd", "momentum", "rmsprop"])),
    Experiment("noise", experiment(C, optims=THREE, lr=0.02, steps=150, noise=0.2)),
    Experiment("banana", experiment(C, optims=THREE, surface="rosenbrock", lr=0.002, steps=300)),
    Experiment("banana_adam", experiment(C, optims=THREE, surface="rosenbrock", lr=0.05, steps=500)),
    Experiment("saddle", experiment(C, surface="saddle", lr=0.03, steps=120)),
    Experiment("overshoot", experiment(C, surface="bowl", optims=["sgd", "momentum", "nesterov"], lr=0.05, steps=150,
                                       momentum=0.97)),
]  # fmt: skip
HYPER = ("momentum", "beta1", "beta2", "alpha", "eps")  # in the "hyperparameters" expander
compute = cache_data(max_entries=32)(race_scene)


@figure_cache
def race_chart(cfg: RaceConfig, language: str):
    s = compute(cfg)
    return (
        race_figure(s.runs, s.grid, SURFACES[cfg.surface], s.box, frame_steps(cfg.steps), language) if s.runs else None
    )


@figure_cache
def ledger_chart(cfg: RaceConfig, name: str, language: str):
    s = compute(cfg)
    return scratch_figure(s.scratch[name], s.by_name[name], frame_steps(len(s.scratch[name].path) - 1), cfg, language)


place, main = start("optimizers")
if "optims" not in st.session_state and (picked := comma_list(st.query_params.get_all("optims"))):
    st.session_state["optims"] = picked  # ?optims=sgd,adam, the documented form, beside ?optims=sgd&optims=adam

with place:
    # The widgets' defaults are the picked surface's preset: a link naming only the surface gets it.
    P = with_preset(C, st.session_state.get("surface") or from_query(C, st.query_params).surface)
    on_pick = {"surface": {"on_change": apply_preset, "args": (st.session_state, C)}}
    cfg = controls(P, "opt", place, per_row=4, only=("surface", "lr", "steps", "noise", "optims"), options=on_pick)
    place.caption(t("opt.start", x=start_of(cfg.surface, C.PAGE)[0], y=start_of(cfg.surface, C.PAGE)[1]))
    hyper = controls(P, "opt", place.expander(t("opt.hyper"), icon=":material/tune:"), per_row=5, only=HYPER)
    cfg = plain(replace(cfg, **{name: getattr(hyper, name) for name in HYPER}))
    try_this("opt", EXPERIMENTS, defaults(C) | {"optims": list(OPTIMIZERS)}, main=main)

scene = compute(cfg)
race_fig = race_chart(cfg, lang())

with main:
    if not scene.runs:
        st.warning(t("opt.pick_one"), icon=":material/touch_app:")
    else:
        chart(race_fig, key="opt_race", scrub=True)
    for kind, text, icon in race_messages(scene, cfg, lang()):  # who finished first, who diverged, the noise
        getattr(st, kind)(text, icon=icon)

if scene.runs:
    st.subheader(t("opt.table_title"))
    st.caption(t("opt.table_caption"))
    rows = results_table(scene.runs, lang())
    table({column: [row[column] for row in rows] for column in rows[0]}, key="opt_results")

st.subheader(t("opt.scratch_title"))
st.caption(t("opt.scratch_caption"))
# One ledger at a time, picked by a control (?ledger=adam links to Adam's): st.tabs drew both, and its tab panels
# search their whole content for a focusable element after every render (react-aria useHasTabbableChild),
# ~27 times a change on this page, 30 ms of the browser's time per new value.
ledger = option(st.segmented_control, "ledger", "opt.ledger", SCRATCH, lambda name: t(f"opt.tab_{name}"), SCRATCH[0],
                required=True)  # fmt: skip
chart(ledger_chart(cfg, ledger, lang()), key="opt_scratch")

code_expander(race, make_optimizer, descend, Together.step, gradient_noise, ByHand.step, momentum_step, adam_step)
