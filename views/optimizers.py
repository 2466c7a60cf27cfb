"""Optimizer race (chapters 10–11): six torch.optim optimizers on one surface, and momentum/Adam by hand."""

import streamlit as st

from core import surfaces
from core.optimizers import OPTIMIZERS, Hyper, first_to_finish, gradient_noise, make_optimizer, noise_sigma, race
from core.optimizers_scratch import SCRATCH, adam_step, from_scratch, momentum_step
from core.common.plotdata import frame_steps
from ui.chart import chart
from ui.options import option
from ui.page import Experiment, applied_experiment, bound, code_expander, control_row, header, try_this, workspace
from ui.state import lang, seed, t
from viz.optimizers import race_figure, results_table, scratch_figure

# Start point, learning rate and length that make a good race on each surface; picking a surface applies them.
PRESETS = {
    "bowl": {"start": (2.0, 1.5), "lr": 0.05, "steps": 80},
    "valley": {"start": (-3.5, 1.0), "lr": 0.1, "steps": 60},
    "rosenbrock": {"start": (-1.5, 2.0), "lr": 0.002, "steps": 300},
    "saddle": {"start": (2.0, 0.01), "lr": 0.03, "steps": 120},
    "himmelblau": {"start": (0.0, 0.0), "lr": 0.01, "steps": 100},
}
HYPER = {"momentum": 0.9, "beta1": 0.9, "beta2": 0.999, "alpha": 0.99, "eps": 1e-8, "noise": 0.0}
DEFAULTS = (
    {"surface": "valley", "optims": list(OPTIMIZERS)} | {k: PRESETS["valley"][k] for k in ("lr", "steps")} | HYPER
)
THREE = {"optims": ["sgd", "momentum", "adam"]}
EXPERIMENTS = [
    Experiment("valley", DEFAULTS | {"optims": ["sgd", "momentum", "rmsprop"]}),
    Experiment("noise", DEFAULTS | THREE | {"lr": 0.02, "steps": 150, "noise": 0.2}),
    Experiment("banana", DEFAULTS | THREE | {"surface": "rosenbrock", "lr": 0.002, "steps": 300}),
    Experiment("banana_adam", DEFAULTS | THREE | {"surface": "rosenbrock", "lr": 0.05, "steps": 500}),
    Experiment("saddle", DEFAULTS | {"surface": "saddle", "lr": 0.03, "steps": 120}),
    Experiment(
        "overshoot",
        DEFAULTS
        | {"surface": "bowl", "optims": ["sgd", "momentum", "nesterov"]}
        | {"lr": 0.05, "steps": 150, "momentum": 0.97},
    ),
]
SLIDERS = {  # hyperparameter: (min, max, step, format)
    "momentum": (0.05, 0.99, 0.01, None),
    "beta1": (0.0, 0.99, 0.01, None),
    "beta2": (0.9, 0.9999, 0.0001, "%.4f"),
    "alpha": (0.5, 0.999, 0.001, "%.3f"),
}
EPS_OPTIONS = [1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 0.1, 1.0]
FINISH = 0.05  # a run has finished once it stays this close to a minimum


@st.cache_data(max_entries=32, show_spinner=False)
def compute(surface: str, names: tuple, steps: int, h: Hyper, seed_: int):
    x0, y0 = PRESETS[surface]["start"]
    runs = race(surface, names + tuple(n for n in SCRATCH if n not in names), x0, y0, steps, h, seed_)
    by_name = {r.name: r for r in runs}
    scratch = {n: from_scratch(surface, n, x0, y0, len(by_name[n].path) - 1, h, seed_) for n in SCRATCH}
    box = surfaces.view_box(surface, x0, y0)
    return [by_name[n] for n in names], by_name, scratch, surfaces.surface_grid(surface, box), box


@st.cache_resource(max_entries=16, show_spinner=False)
def figures(surface: str, names: tuple, steps: int, h: Hyper, seed_: int, language: str):
    runs, by_name, scratch, grid, box = compute(surface, names, steps, h, seed_)
    spec = surfaces.SURFACES[surface]
    race_fig = race_figure(runs, grid, spec, box, frame_steps(steps), language) if runs else None
    return race_fig, {
        n: scratch_figure(scratch[n], by_name[n], frame_steps(len(scratch[n].path) - 1), h, language) for n in SCRATCH
    }


def apply_preset() -> None:
    preset = PRESETS[st.session_state["surface"]]
    st.session_state.update(lr=preset["lr"], steps=preset["steps"])


def comma_list_from_url() -> None:
    """Accept ?optims=sgd,adam (the documented form) as well as Streamlit's own ?optims=sgd&optims=adam."""
    raw = st.query_params.get_all("optims")
    if "optims" not in st.session_state and any("," in v for v in raw):
        picked = [n for v in raw for n in v.split(",") if n in OPTIMIZERS]
        st.session_state["optims"] = list(dict.fromkeys(picked)) or DEFAULTS["optims"]


header(
    "optimizers",
    "opt.intro",
    r"\begin{aligned}\text{momentum:}\;& v_k = \mu v_{k-1} + g_k\\ & \theta_k = \theta_{k-1} - \eta\, v_k\\"
    r"\text{Adam:}\;& \theta_k = \theta_{k-1} - \eta\,\tfrac{\hat m_k}{\sqrt{\hat v_k}+\varepsilon}\end{aligned}",
    "opt.formula_note",
    "opt.intro_more",
)
comma_list_from_url()
controls, main = workspace()

with controls:
    c = control_row(controls, 4)
    surface = option(
        c[0].selectbox, "surface", "opt.surface", PRESETS, "opt.surface", list(PRESETS)[1], on_change=apply_preset
    )
    preset = PRESETS[surface]  # a link naming only the surface gets that surface's preset
    c[0].caption(t("opt.start", x=preset["start"][0], y=preset["start"][1]))
    lr = bound(
        c[1].number_input, "lr", "opt.lr", min_value=1e-4, max_value=10.0, value=preset["lr"], step=1e-4, format="%.4f"
    )
    steps = bound(c[2].slider, "steps", "opt.steps", min_value=5, max_value=500, value=preset["steps"])
    noise = bound(c[3].slider, "noise", "opt.noise", min_value=0.0, max_value=2.0, value=HYPER["noise"], step=0.05)
    optims = option(st.multiselect, "optims", "opt.optims", OPTIMIZERS, "opt.name", list(DEFAULTS["optims"]))
    hyper = st.expander(t("opt.hyper"), icon=":material/tune:")
    c = control_row(hyper, 5)
    picked = {
        key: bound(col.slider, key, f"opt.{key}", min_value=lo, max_value=hi, value=HYPER[key], step=step, format=fmt)
        for col, (key, (lo, hi, step, fmt)) in zip(c, SLIDERS.items(), strict=False)
    }
    eps = bound(c[4].select_slider, "eps", "opt.eps", options=EPS_OPTIONS, value=HYPER["eps"])
    try_this("opt", EXPERIMENTS, DEFAULTS)

names = tuple(n for n in OPTIMIZERS if n in optims)  # book order, whatever order they were picked in
h = Hyper(lr=lr, eps=float(eps), noise=noise, **picked)
runs, by_name, scratch, grid, box = compute(surface, names, steps, h, seed())
race_fig, scratch_figs = figures(surface, names, steps, h, seed(), lang())

with main:
    applied_experiment("opt")
    if not runs:
        st.warning(t("opt.pick_one"), icon=":material/touch_app:")
    else:
        chart(race_fig, key="opt_race")
        st.caption(t("ui.scrub_hint"))
        winner = first_to_finish(runs, FINISH)
        if winner:
            st.success(
                t("opt.winner", name=t(f"opt.name.{winner[1]}"), tol=FINISH, step=winner[0]), icon=":material/flag:"
            )
        else:
            best = min(runs, key=lambda r: r.dists[-1])
            st.info(t("opt.no_winner", tol=FINISH, steps=steps, name=t(f"opt.name.{best.name}"), dist=best.dists[-1]))
    for run in runs:
        if run.stop_step is not None:
            name = t(f"opt.name.{run.name}")
            st.error(
                t(f"opt.diverged_{run.stop_reason}", name=name, step=run.stop_step, lr=lr), icon=":material/warning:"
            )
    if noise > 0:
        st.info(
            t("opt.noise_on", sigma=noise_sigma(surface, *preset["start"], noise), seed=seed()), icon=":material/grain:"
        )

if runs:
    st.subheader(t("opt.table_title"))
    st.caption(t("opt.table_caption"))
    st.dataframe(results_table(runs, FINISH, lang()), hide_index=True, width="stretch")

st.subheader(t("opt.scratch_title"))
st.caption(t("opt.scratch_caption"))
for tab, name in zip(st.tabs([t("opt.tab_momentum"), t("opt.tab_adam")]), SCRATCH, strict=True):
    chart(scratch_figs[name], key=f"opt_scratch_{name}", where=tab)

code_expander(race, make_optimizer, gradient_noise, noise_sigma, from_scratch, momentum_step, adam_step)
