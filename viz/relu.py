"""Figures of the ReLU page: activation gallery, hinge fit, firing map, and the depth study."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.activations.functions import ReluConfig
from core.activations.hinges import fit_curves
from core.common.params import highest
from i18n import t
from viz.common import (
    HALO,
    MARGIN,
    TITLE_MARGIN,
    WIDE_TOP,
    Figure,
    add_animated_traces,
    add_animation,
    base_layout,
    rounded,
    subplots,
    three_panels,
)
from viz.fmt import log_axis
from viz.palette import COLORS, SERIES

ACT_STYLE = {  # colour and dash: the dash keeps curves apart without colour
    "sigmoid": (COLORS["blue"], "solid"),
    "tanh": (COLORS["orange"], "dash"),
    "relu": (COLORS["green"], "solid"),
    "leaky_relu": (COLORS["vermillion"], "dot"),
    "elu": (COLORS["purple"], "dashdot"),
    "gelu": (COLORS["sky"], "longdash"),
}
UNIT_COLORS = SERIES


def activation_figure(curves, *, selected: str, lang: str) -> go.Figure:
    """f(x) and its autograd derivative f'(x) for every activation, the selected one drawn bold."""
    fig = subplots(
        rows=1,
        cols=2,
        horizontal_spacing=0.13,  # f'(x)'s y title clear of the f(x) panel
        subplot_titles=[t("relu.gallery_f", lang), t("relu.gallery_df", lang)],
    )
    for i, name in enumerate(curves.names):
        color, dash = ACT_STYLE[name]
        on = name == selected
        for col, ys in ((1, curves.values[i]), (2, curves.derivs[i])):
            fig.add_trace(
                go.Scatter(
                    x=rounded(curves.x),
                    y=rounded(ys),
                    mode="lines",
                    name=t(f"relu.act.{name}", lang),
                    legendgroup=name,
                    showlegend=col == 1,
                    opacity=1.0 if on else 0.45,
                    line={"color": color, "dash": dash, "width": 5 if on else 2},
                    hovertemplate=("f" if col == 1 else "f'") + "(%{x:.2f}) = %{y:.4f}<extra>%{fullData.name}</extra>",
                ),
                row=1,
                col=col,
            )
    fig.update_xaxes(title_text="x", zeroline=True)
    fig.update_yaxes(title_text="f(x)", range=[-1.6, 4.1], row=1, col=1)
    fig.update_yaxes(title_text="f'(x)", range=[-0.15, 1.25], row=1, col=2)
    base_layout(fig, height=430, legend_y=-0.2, margin={"b": 90, "t": 50})
    return fig


def _panel_range(fit) -> list[float]:
    lo, hi = float(fit.y.min()), float(fit.y.max())
    span = max(hi - lo, 1e-3)
    return [lo - 0.55 * span, hi + 0.35 * span]


FIRING_LEGEND_PX = 22  # the firing chart's top margin holds its title and its legend
SLOT_STEP = 8  # hinge traces come in blocks of this many (unit_slots)
# A spare hinge slot: one blank point, not none. plotly.js hides a scatter with no points and computes none of
# its settings, so a unit more or fewer (a slot filled or emptied) made the browser recompute the whole
# figure's defaults on every move (ui/chart.js quickFrame); a blank point draws nothing and keeps them.
SPARE = {"x": [None], "y": [None]}
MOST_UNITS = highest(ReluConfig, "units")


def unit_slots(units: int, most: int = MOST_UNITS) -> int:
    """How many hinge traces the fit figure carries for ``units`` units: the next multiple of ``SLOT_STEP``
    above ``units`` (at most ``most``, the slider's top, and never fewer than ``units``); the spare ones hold
    ``SPARE``. One more or one fewer unit then keeps the figure's make-up, and the browser moves the curves to
    the new fit in place (ui/chart.js) instead of rebuilding the chart (a react: ~50 ms of plotly.js)."""
    return max(units, min(SLOT_STEP * (units // SLOT_STEP + 1), most))


def fit_figure(fit, *, lang: str) -> go.Figure:
    """Target, the fit f(x), each unit's hinge and the kinks (top); loss and piece/dead counts per epoch (bottom).
    The hinges take ``unit_slots(fit.units)`` traces, the spare ones blank (``SPARE``)."""
    titles = [t("relu.fit_title", lang), t("relu.loss_title", lang), t("relu.pieces_title", lang)]
    fig = three_panels(WIDE_TOP, heights=(0.66, 0.34), spacing=(0.13, 0.12), titles=titles)
    fig.add_trace(
        go.Scatter(
            x=rounded(fit.x),
            y=rounded(fit.y),
            mode="markers",
            name=t("relu.trace_target", lang),
            marker={"size": 6, "color": COLORS["grey"], "symbol": "circle-open"},
        ),
        row=1,
        col=1,
    )
    epochs = np.arange(len(fit.losses))
    fig.add_trace(
        go.Scatter(
            x=epochs,
            y=rounded(fit.losses),
            mode="lines",
            showlegend=False,
            line={"color": COLORS["grey"], "width": 1, "dash": "dot"},
            hoverinfo="skip",
        ),
        row=2,
        col=1,
    )
    hinge = t("relu.trace_hinge", lang)
    styles = [
        {
            "type": "scatter",
            "mode": "lines",
            "name": hinge,
            "legendgroup": "hinges",
            "showlegend": i == 0,
            "xaxis": "x",
            "yaxis": "y",
            "line": {"color": UNIT_COLORS[i % len(UNIT_COLORS)], "width": 1.5},
            "opacity": 0.75,
            "hovertemplate": f"{hinge} {i + 1}<br>x = %{{x:.2f}}<br>%{{y:.3f}}<extra></extra>",
        }
        for i in range(unit_slots(fit.units))
    ]
    spare = [SPARE] * (len(styles) - fit.units)
    count_text = t("relu.count_text", lang, pieces="{pieces}", kinks="{kinks}", dead="{dead}", units=fit.units)
    styles += [
        {
            "type": "scatter",
            "mode": "lines",
            "name": t("relu.trace_fit", lang),
            "xaxis": "x",
            "yaxis": "y",
            "line": {"color": COLORS["black"], "width": 4},
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": t("relu.trace_kink", lang),
            "xaxis": "x",
            "yaxis": "y",
            "marker": {"symbol": "diamond", "size": 11, "color": COLORS["yellow"], "line": {"width": 1.5}},
            "hovertemplate": t("relu.trace_kink", lang) + ": x = %{x:.3f}<extra></extra>",
        },
        {
            "type": "scatter",
            "mode": "text",
            "showlegend": False,
            "xaxis": "x",
            "yaxis": "y",
            "textposition": "top right",
            "textfont": {"size": 16, "shadow": HALO},  # the hinges and the fit can pass under it
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": t("relu.trace_loss", lang),
            "showlegend": False,
            "xaxis": "x2",
            "yaxis": "y2",
            "line": {"color": COLORS["blue"], "width": 3},
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": t("relu.trace_pieces", lang),
            "xaxis": "x3",
            "yaxis": "y3",
            "line": {"color": COLORS["green"], "width": 3, "shape": "hv"},
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": t("relu.trace_dead", lang),
            "xaxis": "x3",
            "yaxis": "y3",
            "line": {"color": COLORS["vermillion"], "width": 3, "dash": "dash", "shape": "hv"},
        },
    ]
    y_range = _panel_range(fit)

    def frame_data(j: int) -> dict:
        e = int(fit.frames[j])
        hx, hy, fx, fy = fit_curves(fit, j)
        kinks = fx[1:-1]
        so_far = np.unique(np.round(np.linspace(0, e, min(e + 1, 200))).astype(int))
        label = count_text.format(pieces=int(fit.pieces[e]), kinks=len(kinks), dead=int(fit.dead[e]))
        return {
            "name": str(e),
            "data": [{"x": rounded(hx[i]), "y": rounded(hy[i])} for i in range(fit.units)]
            + spare
            + [
                {"x": rounded(fx), "y": rounded(fy)},
                {"x": rounded(kinks), "y": rounded(fy[1:-1])},
                {"x": [float(fit.x.min())], "y": [y_range[0]], "text": [label]},
                {"x": so_far, "y": rounded(fit.losses[so_far])},
                {"x": so_far, "y": fit.pieces[so_far]},
                {"x": so_far, "y": fit.dead[so_far]},
            ],
        }

    frames = add_animated_traces(fig, styles, frame_data, len(fit.frames))
    last = len(fit.losses) - 1
    fig.update_xaxes(title_text="x", range=[float(fit.x.min()) - 0.1, float(fit.x.max()) + 0.1], row=1, col=1)
    fig.update_yaxes(title_text="y", range=y_range, row=1, col=1)
    fig.update_xaxes(title_text=t("relu.axis_epoch", lang), range=[0, max(last, 1)], row=2, col=1)
    fig.update_xaxes(title_text=t("relu.axis_epoch", lang), range=[0, max(last, 1)], row=2, col=2)
    # whole decades around the losses: autoranged, the axis showed no label for losses within a decade and was
    # relaid out at nearly every new value; decades move only when a loss crosses one
    fig.update_yaxes(title_text=t("relu.axis_mse", lang), **log_axis(fit.losses), row=2, col=1)
    top = max(int(fit.pieces.max()), int(fit.dead.max())) + 1
    fig.update_yaxes(title_text=t("relu.axis_count", lang), range=[-0.5, top + 0.5], row=2, col=2)
    base_layout(fig, height=820, margin={"t": 90})
    fig.update_layout(legend={"y": 1.05, "yanchor": "bottom"}, hovermode="closest")
    return add_animation(fig, frames, lang, y=-0.06, prefix_key="relu.anim_epoch")


def firing_figure(fit, *, lang: str) -> go.Figure:
    """Where on the data range each hidden unit fires, per epoch; dead units are marked."""
    rows = np.arange(1, fit.units + 1)
    mid = float(fit.x.mean())
    styles = [
        {
            "type": "scatter",
            "mode": "lines",
            "name": t("relu.trace_fires", lang),
            "line": {"color": COLORS["green"], "width": 9 if fit.units <= 24 else 4},
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "mode": "markers+text",
            "name": t("relu.trace_dead_unit", lang),
            "text": None,
            "textposition": "middle right",
            "marker": {"symbol": "x", "size": 12, "color": COLORS["vermillion"]},
            "textfont": {"color": COLORS["vermillion"]},
            "hovertemplate": t("relu.trace_dead_unit", lang) + ": %{y}<extra></extra>",
        },
    ]
    dead_word = t("relu.dead_word", lang)

    def frame_data(j: int) -> dict:
        e = int(fit.frames[j])
        xs: list = []
        ys: list = []
        for r, (a, b) in zip(rows, fit.fires[j], strict=True):
            if np.isfinite(a):
                xs += [float(a), float(b), None]
                ys += [int(r), int(r), None]
        dead = rows[~np.isfinite(fit.fires[j][:, 0])]
        return {
            "name": str(e),
            "data": [
                {"x": xs, "y": ys},
                {"x": [mid] * len(dead), "y": dead.tolist(), "text": [dead_word] * len(dead)},
            ],
        }

    fig = Figure()
    frames = add_animated_traces(fig, styles, frame_data, len(fit.frames))
    fig.update_xaxes(title_text=t("relu.axis_x_data", lang), range=[float(fit.x.min()) - 0.1, float(fit.x.max()) + 0.1])
    fig.update_yaxes(
        title_text=t("relu.axis_unit", lang), range=[fit.units + 0.7, 0.3], dtick=1 if fit.units <= 24 else 4
    )
    height = int(min(260 + 18 * fit.units, 900))
    top = TITLE_MARGIN + FIRING_LEGEND_PX
    base_layout(fig, height=height, title=t("relu.firing_title", lang), margin={"t": top})
    # The title at the top and the legend (two items once a unit dies) 4 px above the plot, in a margin with room
    # for both: the template's legend, 2 % of the plot above it, reached into the title on tall charts (32 units).
    fig.update_layout(title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 12}},
                      legend_y=1 + 4 / (height - top - MARGIN["b"]))  # fmt: skip
    return add_animation(fig, frames, lang, prefix_key="relu.anim_epoch")


def _layer_labels(count: int) -> list[str]:
    return [str(i) for i in range(1, count + 1)]


def grad_norm_figure(study, *, lang: str) -> go.Figure:
    """Per-layer ‖∂L/∂W_l‖ at initialisation for sigmoid, tanh and ReLU, on a log scale."""
    layers = _layer_labels(study.grad_norms.shape[1])
    fig = Figure()
    for i, name in enumerate(study.activations):
        values = np.where(study.grad_norms[i] > 0, study.grad_norms[i], np.nan)
        fig.add_bar(
            x=layers,
            y=rounded(values),
            name=t(f"relu.act.{name}", lang),
            marker={"color": ACT_STYLE[name][0], "pattern": {"shape": ["", "/", "."][i]}},
            hovertemplate=t("relu.axis_layer", lang) + " %{x}<br>‖∂L/∂W‖ = %{y:.3g}<extra>%{fullData.name}</extra>",
        )
    positive = study.grad_norms[study.grad_norms > 0]
    fig.update_xaxes(title_text=t("relu.axis_layer_dir", lang), type="category")
    # Ticks thinned as on every log axis (20 sigmoid layers span 19 decades: a label each collided); a
    # log-axis bar starts at the axis floor, so the range keeps the smallest one visible.
    fig.update_yaxes(title_text=t("relu.axis_grad_norm", lang), **log_axis(positive if positive.size else None))
    if positive.size:
        fig.update_yaxes(range=[np.log10(positive.min()) - 0.7, np.log10(positive.max()) + 0.3])
    base_layout(fig, height=440, title=t("relu.grad_title", lang))
    fig.update_layout(barmode="group")
    return fig


def movement_figure(study, *, lang: str) -> go.Figure:
    """Per-layer relative weight change ‖W_l(k) − W_l(0)‖/‖W_l(0)‖ over the first k SGD steps, log scale."""
    layers = _layer_labels(study.movement.shape[2])
    styles = [
        {
            "type": "bar",
            "name": t(f"relu.act.{name}", lang),
            "marker": {"color": ACT_STYLE[name][0], "pattern": {"shape": ["", "/", "."][i]}},
            "hovertemplate": t("relu.axis_layer", lang) + " %{x}<br>%{y:.3g}<extra>%{fullData.name}</extra>",
        }
        for i, name in enumerate(study.activations)
    ]

    def frame_data(j: int) -> dict:
        moved = study.movement[:, j]  # (A, L); zero moves have no bar on a log axis
        return {
            "name": str(int(study.frames[j])),
            "data": [{"x": layers, "y": rounded(np.where(m > 0, m, np.nan))} for m in moved],
        }

    fig = Figure()
    frames = add_animated_traces(fig, styles, frame_data, len(study.frames))
    positive = study.movement[np.isfinite(study.movement) & (study.movement > 0)]
    fig.update_xaxes(title_text=t("relu.axis_layer_dir", lang), type="category")
    fig.update_yaxes(title_text=t("relu.axis_movement", lang), **log_axis(positive if positive.size else None))
    if positive.size:  # as in grad_norm_figure
        fig.update_yaxes(range=[np.log10(positive.min()) - 0.5, np.log10(positive.max()) + 0.5])
    base_layout(fig, height=500, title=t("relu.move_title", lang))
    fig.update_layout(barmode="group")
    return add_animation(fig, frames, lang, prefix_key="relu.anim_sgd")


def dead_depth_figure(study, *, lang: str) -> go.Figure:
    """Fraction of dead units in each hidden layer of the deep ReLU net, at init and after the k steps."""
    layers = _layer_labels(len(study.dead_init))
    fig = Figure()
    for key, values, color in (
        ("relu.trace_dead_init", study.dead_init, COLORS["grey"]),
        ("relu.trace_dead_after", study.dead_after, COLORS["vermillion"]),
    ):
        fig.add_bar(
            x=layers,
            y=rounded(100 * values),
            name=t(key, lang),
            marker={"color": color},
            hovertemplate=t("relu.axis_layer", lang) + " %{x}: %{y:.0f}%<extra>%{fullData.name}</extra>",
        )
    fig.update_xaxes(title_text=t("relu.axis_hidden_layer", lang), type="category")
    fig.update_yaxes(title_text=t("relu.axis_dead_pct", lang), range=[0, 100], ticksuffix="%")
    base_layout(fig, height=380, title=t("relu.dead_depth_title", lang))
    fig.update_layout(barmode="group")
    return fig
