"""Figures of the optimizer race: paths on the map, loss and distance per step, and the from-scratch ledger."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.common.grids import snapped
from core.descent.race import FINISH, finish_step
from i18n import t
from viz.common import (
    LOG_FLOOR,
    WIDE_BOTTOM,
    add_animated_traces,
    add_animation,
    base_layout,
    log_safe,
    prefix,
    rounded,
    three_panels,
)
from viz.descent import add_landmarks, finish_map, map_figure, surface_contour
from viz.fmt import log_axis
from viz.palette import COLORS, OPTIMIZER

# Colour, line dash and marker: each optimizer stays identifiable without colour.
LOOK = {
    "sgd": (OPTIMIZER["sgd"], "solid", "circle"),
    "momentum": (OPTIMIZER["momentum"], "solid", "square"),
    "nesterov": (OPTIMIZER["nesterov"], "dash", "diamond"),
    "rmsprop": (OPTIMIZER["rmsprop"], "dot", "triangle-up"),
    "adagrad": (OPTIMIZER["adagrad"], "dashdot", "cross"),
    "adam": (OPTIMIZER["adam"], "solid", "hexagon"),
}


def race_messages(scene, cfg, lang: str) -> list[tuple[str, str, str]]:
    """(st function, text, icon) of each message under the race: who settled first (or who came closest),
    each optimizer that diverged, and the gradient noise if any."""
    out = []
    if scene.winner:
        step, name = scene.winner
        out.append(("success", t("opt.winner", lang, name=t(f"opt.name.{name}", lang), tol=FINISH, step=step),
                    ":material/flag:"))  # fmt: skip
    elif scene.runs:
        best = min(scene.runs, key=lambda r: r.dists[-1])
        name = t(f"opt.name.{best.name}", lang)
        text = t("opt.no_winner", lang, tol=FINISH, steps=cfg.steps, name=name, dist=best.dists[-1])
        out.append(("info", text, None))
    for run in [r for r in scene.runs if r.stop_step is not None]:
        name = t(f"opt.name.{run.name}", lang)
        text = t(f"opt.diverged_{run.stop_reason}", lang, name=name, step=run.stop_step, lr=cfg.lr)
        out.append(("error", text, ":material/warning:"))
    if cfg.noise > 0:
        out.append(("info", t("opt.noise_on", lang, sigma=scene.sigma, seed=cfg.seed), ":material/grain:"))
    return out


def results_table(runs, lang: str) -> list[dict]:
    """One row per optimizer: first step length, finish step, final loss and distance, and whether it diverged."""
    rows = []
    for run in runs:
        done = finish_step(run, FINISH)
        first = np.hypot(*(run.path[1] - run.path[0])) if len(run.path) > 1 else np.nan
        status = (
            t("opt.status_ok", lang) if run.stop_step is None else t("opt.status_diverged", lang, step=run.stop_step)
        )
        rows.append(
            {
                t("opt.col_name", lang): t(f"opt.name.{run.name}", lang),
                t("opt.col_first", lang): f"{first:.4g}",
                t("opt.col_finish", lang): "—" if done is None else str(done),
                t("opt.col_loss", lang): f"{run.losses[-1]:.4g}",
                t("opt.col_dist", lang): f"{run.dists[-1]:.4g}",
                t("opt.col_status", lang): status,
            }
        )
    return rows


def _at(run, k: int) -> int:
    """Index of the last recorded step ≤ k: a stopped run stays where it stopped."""
    return min(k, len(run.path) - 1)


def race_figure(runs, grid, surface, box, frames: np.ndarray, lang: str) -> go.Figure:
    """Every optimizer's path on the contour map, its loss gap L − L* and its distance to the nearest minimum."""
    titles = [t("opt.map_title", lang), t("opt.loss_title", lang), t("opt.dist_title", lang)]
    # 0.16 apart: room for the right column's log tick labels and titles beside the map's last tick
    fig = map_figure(titles, widths=(0.52, 0.48), gaps=(0.16, 0.2))
    fig.add_trace(
        surface_contour(grid, surface, lang, colorscale=[[0, "#f4f6f8"], [1, "#7d8fa3"]], ncontours=24, scale=False),
        row=1,
        col=1,
    )  # a pale backdrop without a colour bar: the loss chart carries the numbers
    start = runs[0].path[0]
    add_landmarks(fig, surface, start, lang, mark_color=COLORS["black"])
    names = [t(f"opt.name.{run.name}", lang) for run in runs]
    # Loss and distance curves are drawn whole; the frames move one marker per optimizer along them.
    # Per frame that is one trace per path plus three marker traces, which keeps figure building fast.
    for run, name in zip(runs, names, strict=True):
        color, dash, _ = LOOK[run.name]
        for row, values, label in ((1, run.gaps, "L − L*"), (2, run.dists, t("opt.axis_dist", lang))):
            fig.add_trace(
                go.Scatter(
                    x=np.arange(len(values)),
                    y=rounded(log_safe(values)),
                    mode="lines",
                    name=name,
                    legendgroup=run.name,
                    showlegend=False,
                    line={"color": color, "width": 2.5, "dash": dash},
                    hovertemplate=f"{name}<br>k = %{{x}}<br>{label} = %{{y:.3g}}<extra></extra>",
                ),
                row=row,
                col=2,
            )
    looks = [LOOK[run.name] for run in runs]
    marker = {
        "symbol": [symbol for _, _, symbol in looks],
        "color": [color for color, _, _ in looks],
        "size": 13,
        "line": {"width": 1.5, "color": "white"},
    }
    styles = [
        {
            "type": "scatter",
            "mode": "lines",
            "name": name,
            "legendgroup": run.name,
            "xaxis": "x",
            "yaxis": "y",
            "line": {"color": LOOK[run.name][0], "width": 3, "dash": LOOK[run.name][1]},
            "hovertemplate": f"{name}<br>θ = (%{{x:.3f}}, %{{y:.3f}})<extra></extra>",
        }
        for run, name in zip(runs, names, strict=True)
    ] + [
        {
            "type": "scatter",
            "mode": "markers",
            "showlegend": False,
            "xaxis": f"x{axis}",
            "yaxis": f"y{axis}",
            "marker": marker,
            "text": names,
            "hovertemplate": "%{text}<br>" + hover + "<extra></extra>",
        }
        for axis, hover in (("", "θₖ = (%{x:.3f}, %{y:.3f})"), ("2", "k = %{x}: %{y:.3g}"), ("3", "k = %{x}: %{y:.3g}"))
    ]

    def frame_data(j: int) -> dict:
        k = int(frames[j])
        at = [_at(run, k) for run in runs]
        paths = [prefix(run.path, i) for run, i in zip(runs, at, strict=True)]
        heads = np.array([run.path[i] for run, i in zip(runs, at, strict=True)])  # (R, 2)
        gaps = [max(run.gaps[i], LOG_FLOOR) for run, i in zip(runs, at, strict=True)]
        dists = [max(run.dists[i], LOG_FLOOR) for run, i in zip(runs, at, strict=True)]
        return {
            "name": str(k),
            "data": [{"x": rounded(p[:, 0]), "y": rounded(p[:, 1])} for p in paths]
            + [
                {"x": rounded(heads[:, 0]), "y": rounded(heads[:, 1])},
                {"x": at, "y": rounded(gaps)},
                {"x": at, "y": rounded(dists)},
            ],
        }

    # the step axes end at the last step snapped up to about an eighth of it: a step more or fewer keeps them
    # (ending at the last step, both curve panels were laid out again at every new step count)
    last = snapped(0.0, max(float(frames[-1]), 1.0), parts=8)[1]
    curves = {1: [r.gaps for r in runs], 2: [r.dists for r in runs]}
    for row, key in ((1, "opt.axis_gap"), (2, "opt.axis_dist")):
        fig.update_xaxes(range=[0, last], title_text=t("opt.axis_step", lang), row=row, col=2)
        values = log_safe(np.concatenate(curves[row])) if runs else None
        fig.update_yaxes(**log_axis(values), title_text=t(key, lang), row=row, col=2)
    return finish_map(fig, styles, frame_data, len(frames), box, lang, height=760, legend_y=-0.4, bottom=220,
                      slider_y=-0.1)  # fmt: skip


def _pair(v) -> str:
    return f"({v[0]:+.4g}, {v[1]:+.4g})"


def scratch_figure(scratch, torch_run, frames: np.ndarray, h, lang: str) -> go.Figure:
    """The hand-written update's state over the steps and, at the scrubbed step, its equations with numbers.

    ``scratch`` and ``torch_run`` cover the same steps; the ledger sets the hand-written state beside
    torch.optim's own (``optimizer.state[p]``) and shows their largest difference.
    """
    adam = scratch.name == "adam"
    n = len(scratch.path) - 1
    ks = np.arange(n + 1)
    g = np.vstack([np.full((1, 2), np.nan), scratch.grads])  # (n+1, 2) g_k, none before step 1
    if adam:
        panels = [("g", g, "dot"), ("m", scratch.terms[:, 0], "solid"), ("m̂", scratch.terms[:, 2], "dash")]
        right = [("v", scratch.terms[:, 1], "solid"), ("v̂", scratch.terms[:, 3], "dash")]
        titles = [t("opt.scratch_moment1", lang), t("opt.scratch_moment2", lang), t("opt.scratch_ledger", lang)]
    else:
        panels = [("g", g, "dot"), ("v", scratch.terms[:, 0], "solid")]
        right = [("Δθ", np.vstack([np.full((1, 2), np.nan), scratch.updates]), "solid")]
        titles = [t("opt.scratch_velocity", lang), t("opt.scratch_update", lang), t("opt.scratch_ledger", lang)]
    # Adam's ledger has 11 rows (momentum's 6): a taller figure keeps them a line apart
    fig = three_panels(WIDE_BOTTOM, heights=(0.52, 0.48) if adam else (0.56, 0.44), spacing=(0.14, 0.1), titles=titles)
    for col, series in ((1, panels), (2, right)):
        for label, values, dash in series:
            for c, axis in enumerate("xy"):
                color = COLORS["blue"] if c == 0 else COLORS["vermillion"]
                fig.add_trace(
                    go.Scatter(
                        x=ks,
                        y=rounded(values[:, c]),
                        mode="lines",
                        name=f"{label} ({axis})",
                        line={"color": color, "dash": dash, "width": 1.5 if dash == "dot" else 2.5},
                        legendgroup=f"{col}{label}{axis}",
                        hovertemplate=f"{label}<sub>{axis}</sub>, k = %{{x}}: %{{y:.4g}}<extra></extra>",
                    ),
                    row=1,
                    col=col,
                )
    if adam:
        fig.update_yaxes(**log_axis(), row=1, col=2)
    rows = _ledger_rows(adam, h, lang)
    styles = [
        {"type": "scatter", "mode": "markers", "showlegend": False, "xaxis": "x", "yaxis": "y",
         "marker": {"size": 10, "color": COLORS["black"], "symbol": "line-ns-open", "line": {"width": 2}},
         "hoverinfo": "skip"},
        {"type": "scatter", "mode": "markers", "showlegend": False, "xaxis": "x2", "yaxis": "y2",
         "marker": {"size": 10, "color": COLORS["black"], "symbol": "line-ns-open", "line": {"width": 2}},
         "hoverinfo": "skip"},
        {"type": "scatter", "mode": "text", "showlegend": False, "xaxis": "x3", "yaxis": "y3",
         "x": [0.0] * len(rows), "y": list(range(len(rows))), "text": rows, "textposition": "middle right",
         "hoverinfo": "skip"},
        {"type": "scatter", "mode": "text", "showlegend": False, "xaxis": "x3", "yaxis": "y3",
         "x": [0.52] * len(rows), "y": list(range(len(rows))), "textposition": "middle right",
         "textfont": {"family": "monospace"}, "hoverinfo": "skip"},
    ]  # fmt: skip
    left_vals = np.column_stack([values for _, values, _ in panels])  # (n+1, 2·P) every series drawn on the left
    right_vals = np.column_stack([values for _, values, _ in right])

    def frame_data(j: int) -> dict:
        k = int(frames[j])
        return {
            "name": str(k),
            "data": [
                {"x": [k] * left_vals.shape[1], "y": rounded(left_vals[k])},
                {"x": [k] * right_vals.shape[1], "y": rounded(right_vals[k])},
                {"text": rows},
                {"text": _ledger_values(scratch, torch_run, k, h, adam, lang)},
            ],
        }

    anim = add_animated_traces(fig, styles, frame_data, len(frames))
    for col in (1, 2):
        fig.update_xaxes(title_text=t("opt.axis_step", lang), row=1, col=col)
    fig.update_xaxes(visible=False, range=[0, 1], fixedrange=True, row=2, col=1)
    fig.update_yaxes(visible=False, range=[len(rows) - 0.5, -0.5], fixedrange=True, row=2, col=1)
    base_layout(fig, height=860 if adam else 800, legend_y=-0.28 if adam else -0.31, margin={"b": 230})
    fig.update_layout(hovermode="closest")
    return add_animation(fig, anim, lang, y=-0.05)


def _ledger_rows(adam: bool, h, lang: str) -> list[str]:
    """The left column of the ledger: each equation, with the hyperparameters filled in."""
    if adam:
        return [
            t("opt.row_grad", lang),
            f"m<sub>k</sub> = {h.beta1:g}·m<sub>k−1</sub> + {1 - h.beta1:.4g}·g<sub>k</sub>",
            f"v<sub>k</sub> = {h.beta2:g}·v<sub>k−1</sub> + {1 - h.beta2:.4g}·g<sub>k</sub>²",
            "1 − β₁<sup>k</sup>",  # the bias corrections on rows of their own: beside m̂ and v̂ they ran past a
            "1 − β₂<sup>k</sup>",  # narrow chart's edge (853 px with the sidebar open)
            "m̂<sub>k</sub> = m<sub>k</sub> / (1 − β₁<sup>k</sup>)",
            "v̂<sub>k</sub> = v<sub>k</sub> / (1 − β₂<sup>k</sup>)",
            f"Δθ = −{h.lr:g}·m̂<sub>k</sub> / (√v̂<sub>k</sub> + {h.epsilon:g})",
            t("opt.row_torch", lang, state="exp_avg") + " ≟ m<sub>k</sub>",
            t("opt.row_torch", lang, state="exp_avg_sq") + " ≟ v<sub>k</sub>",
            t("opt.row_diff", lang),
        ]
    return [
        t("opt.row_grad", lang),
        f"v<sub>k</sub> = {h.momentum:g}·v<sub>k−1</sub> + g<sub>k</sub>",
        f"Δθ = −{h.lr:g}·v<sub>k</sub>",
        "θ<sub>k</sub> = θ<sub>k−1</sub> + Δθ",
        t("opt.row_torch", lang, state="momentum_buffer") + " ≟ v<sub>k</sub>",
        t("opt.row_diff", lang),
    ]


def _ledger_values(scratch, torch_run, k: int, h, adam: bool, lang: str) -> list[str]:
    """The right column of the ledger at step k: the hand-written numbers, torch.optim's state, their gap."""
    hand = scratch.terms[k, :2] if adam else scratch.terms[k, :1]  # (S, 2) what torch.optim also stores
    gap = float(np.abs(hand - torch_run.state[k]).max())
    check = t("opt.match", lang, gap=gap) if gap <= 1e-6 else t("opt.mismatch", lang, gap=gap)
    if k == 0:
        zero = t("opt.before_first", lang)
        return [zero] * (len(_ledger_rows(adam, h, lang)) - 1) + [check]
    g = scratch.grads[k - 1]
    delta = scratch.updates[k - 1]
    torch_rows = [_pair(s) for s in torch_run.state[k]]
    if adam:
        m, v, m_hat, v_hat = scratch.terms[k]
        c1, c2 = 1 - h.beta1**k, 1 - h.beta2**k
        return [
            _pair(g),
            _pair(m),
            _pair(v),
            f"1 − {h.beta1:g}<sup>{k}</sup> = {c1:.4f}",
            f"1 − {h.beta2:g}<sup>{k}</sup> = {c2:.4f}",
            _pair(m_hat),
            _pair(v_hat),
            _pair(delta),
            *torch_rows,
            check,
        ]
    return [_pair(g), _pair(scratch.terms[k, 0]), _pair(delta), _pair(scratch.path[k]), *torch_rows, check]
