"""Figures of the SGD page: paths per batch size on the loss map with loss curves, and the gradient noise."""

from __future__ import annotations

import functools

import numpy as np
import plotly.graph_objects as go

from core.common.plotdata import frame_steps
from core.sgd import iteration_of
from i18n import t
from i18n.numbers import num
from viz.common import (
    add_animated_traces,
    add_animation,
    arrow_segments,
    base_layout,
    panel_row,
    rounded,
    subplots,
)
from viz.fmt import log_axis
from viz.palette import COLORS, rgba, tint

# One colour, dash and marker per batch size, the same in every chart of the page; the full batch is black.
STYLE = {
    "1": ("blue", "solid", "circle"),
    "2": ("sky", "dot", "triangle-up"),
    "4": ("green", "dash", "square"),
    "8": ("orange", "longdash", "diamond"),
    "16": ("purple", "dashdot", "triangle-down"),
    "32": ("vermillion", "dot", "pentagon"),
    "64": ("grey", "dash", "hexagon"),
    "full": ("black", "longdashdot", "star"),
}
MAP_SCALE = [[0, "white"], [1, tint(COLORS["grey"], 0.35)]]  # light grey: low loss white, high loss grey
PATH_POINTS = 100  # each path is thinned to this many points per frame
CURVE_POINTS = 80


def color(batch: str) -> str:
    return COLORS[STYLE[batch][0]]


def batch_name(batch: str, n: int, lang: str) -> str:
    return t("sgd.name_full", lang, n=n) if batch == "full" else f"B = {batch}"


def _log_picks(last: int, count: int) -> np.ndarray:
    """Iterations 1..last, log-spaced (a log axis shows them evenly), at most ``count``."""
    if last < 1:
        return np.zeros(0, dtype=np.int64)
    return np.unique(np.round(np.geomspace(1, last, min(count, last))).astype(np.int64))


@functools.lru_cache(maxsize=1024)
def _frame_picks(k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows a frame at iteration ``k`` draws of a path (``viz.common.prefix``'s thinning), of its loss
    against iterations (log-spaced) and against epochs (even). Every frame of every path asked again, and
    converted each slice to float32: with the path and loss converted once, the paths figure builds in
    9.3 ms instead of 16.5 (each new value of /sgd)."""
    picks = (frame_steps(k, PATH_POINTS), _log_picks(k, CURVE_POINTS), frame_steps(k, CURVE_POINTS))
    for p in picks:
        p.setflags(write=False)
    return picks


def paths_figure(run, lang: str) -> go.Figure:
    """Loss map with every batch size's path; loss against iterations and against epochs; frames over epochs."""
    n = len(run.data.x)
    fig = subplots(
        rows=2,
        cols=2,
        specs=[[{"rowspan": 2}, {}], [None, {}]],
        column_widths=[0.54, 0.46],
        horizontal_spacing=0.16,  # the right panels' y titles clear the map on a projector (ko, 18 px) and with
        # the long tick labels of the Try-this runs at the desk
        vertical_spacing=0.26,
        subplot_titles=[t("sgd.map_title", lang), t("sgd.iter_title", lang), t("sgd.epoch_title", lang)],
    )
    fig.add_trace(
        go.Contour(
            x=rounded(run.ws),
            y=rounded(run.bs),
            z=rounded(np.log10(np.maximum(run.surface, 1e-12))),
            colorscale=MAP_SCALE,
            ncontours=22,
            showscale=False,
            contours={"coloring": "fill", "showlines": True},
            line={"color": tint(COLORS["grey"], 0.2), "width": 0.6},
            name=t("sgd.trace_map", lang),
            hovertemplate="w = %{x:.2f}<br>b = %{y:.2f}<extra></extra>",
        ),
        row=1,
        col=1,
    )
    start = run.paths[0].params[0] if run.paths else np.zeros(2)
    fig.add_trace(
        go.Scatter(x=[start[0]], y=[start[1]], mode="markers", name=t("sgd.trace_start", lang),
                   marker={"symbol": "circle-open", "size": 16, "color": COLORS["black"], "line": {"width": 3}}),
        row=1, col=1,
    )  # fmt: skip
    if run.optimum is not None:
        fig.add_trace(
            go.Scatter(x=[run.optimum[0]], y=[run.optimum[1]], mode="markers", name=t("sgd.trace_optimum", lang),
                       marker={"symbol": "x", "size": 14, "color": COLORS["black"]}),
            row=1, col=1,
        )  # fmt: skip
    styles = []
    for path in run.paths:
        c, dash, symbol = STYLE[path.batch]
        name = batch_name(path.batch, n, lang)
        common = {"type": "scatter", "legendgroup": path.batch, "name": name}
        width = 2 if path.batch in ("1", "2") else 3
        styles += [
            common | {"mode": "lines", "xaxis": "x", "yaxis": "y", "line": {"color": rgba(COLORS[c], 0.85), "width": width, "dash": dash}},
            common | {"mode": "markers", "xaxis": "x", "yaxis": "y", "showlegend": False,
                      "marker": {"symbol": symbol, "size": 13, "color": COLORS[c], "line": {"width": 1.5, "color": "white"}}},
            common | {"mode": "lines", "xaxis": "x2", "yaxis": "y2", "showlegend": False, "line": {"color": COLORS[c], "width": 2.5, "dash": dash}},
            common | {"mode": "lines", "xaxis": "x3", "yaxis": "y3", "showlegend": False, "line": {"color": COLORS[c], "width": 2.5, "dash": dash}},
        ]  # fmt: skip

    kept = [(rounded(path.params).T, rounded(loss)) for path, loss in zip(run.paths, run.losses, strict=True)]

    def frame_data(j: int) -> dict:
        epochs = float(run.progress[j])
        data = []
        for path, (params, loss) in zip(run.paths, kept, strict=True):
            k = iteration_of(path, epochs)
            shown, its, ep = _frame_picks(k)
            data += [
                {"x": params[0, shown], "y": params[1, shown]},  # the path so far, thinned (viz.common.prefix)
                {"x": params[0, k : k + 1], "y": params[1, k : k + 1]},
                {"x": its, "y": loss[its]}
                if len(its)  # before the first update: a zero-length stroke
                else {"x": [1, 1], "y": loss[[0, 0]]},  # at the axis start keeps the trace drawn
                {"x": rounded(ep / path.per_epoch), "y": loss[ep]},
            ]
        return {"name": num(epochs, 3), "data": data}

    base_layout(fig, height=760, title=t("sgd.main_title", lang, total=run.progress[-1]))
    frames = add_animated_traces(fig, styles, frame_data, len(run.progress))
    fig.update_xaxes(range=[run.ws[0], run.ws[-1]], title_text=t("sgd.axis_w", lang), row=1, col=1)
    fig.update_yaxes(range=[run.bs[0], run.bs[-1]], title_text=t("sgd.axis_b", lang), row=1, col=1)
    every = np.concatenate([v[np.isfinite(v)] for v in run.losses]) if run.losses else np.ones(1)
    longest = max((len(p.params) - 1 for p in run.paths), default=1)
    fig.update_xaxes(**log_axis([1, max(longest, 10)]), title_text=t("sgd.axis_iter", lang), row=1, col=2)
    fig.update_yaxes(**log_axis(every), title_text=t("sgd.axis_loss", lang), row=1, col=2)
    fig.update_xaxes(range=[0, run.progress[-1]], title_text=t("sgd.axis_epoch", lang), row=2, col=2)
    fig.update_yaxes(**log_axis(every), title_text=t("sgd.axis_loss", lang), row=2, col=2)
    fig.update_layout(legend={"y": -0.5, "yanchor": "top", "x": 0}, margin={"b": 330}, hovermode="closest")
    return add_animation(fig, frames, lang, prefix_key="sgd.epoch_prefix", y=-0.13)


def time_axis(ms) -> dict:
    """The log axis of the time-per-epoch bars, with room above the tallest bar for its value label.

    The times are measured, so the tallest bar can end just under a power of ten (99 ms), where a range cut at
    whole decades left its label above the plot, on the panel's title (seen at projector size on a loaded
    machine). The range reaches at least 2.5× the tallest bar: 0.4 decade of room for the label.
    """
    ms = np.asarray(ms, dtype=np.float64)
    finite = ms[np.isfinite(ms) & (ms > 0)]
    return log_axis(np.append(finite, 2.5 * finite.max()) if finite.size else None)


def noise_figure(noise, run, lang: str) -> go.Figure:
    """One epoch of minibatch gradients around the full gradient; spread against B; measured time per epoch."""
    b = str(noise.size)
    fig = panel_row(
        [
            t("sgd.cloud_title", lang, b=noise.size, k=len(noise.batches)),
            t("sgd.spread_title", lang),
            t("sgd.time_title", lang),
        ],
        widths=[0.42, 0.29, 0.29],
        spacing=0.14,  # each y title clear of the panel on its left in the presenter view (18 px)
    )
    xs, ys = arrow_segments(np.zeros(len(noise.batches)), np.zeros(len(noise.batches)), noise.batches[:, 0],
                            noise.batches[:, 1], head=0.08)  # fmt: skip
    fig.add_trace(
        go.Scatter(x=xs, y=ys, mode="lines", line={"color": rgba(color(b), 0.35), "width": 1.5},
                   name=t("sgd.trace_minibatch", lang, b=noise.size), hoverinfo="skip"),
        row=1, col=1,
    )  # fmt: skip
    fx, fy = arrow_segments(0, 0, noise.full[0], noise.full[1], head=0.12)
    fig.add_trace(
        go.Scatter(x=fx, y=fy, mode="lines", line={"color": COLORS["black"], "width": 4},
                   name=t("sgd.trace_full_grad", lang), hoverinfo="skip"),
        row=1, col=1,
    )  # fmt: skip
    angle = np.linspace(0, 2 * np.pi, 73)
    for radius, key, dash in (
        (noise.predicted, "sgd.trace_predicted", "dash"),
        (noise.spread, "sgd.trace_measured", "solid"),
    ):
        fig.add_trace(
            go.Scatter(x=rounded(noise.full[0] + radius * np.cos(angle)), y=rounded(noise.full[1] + radius * np.sin(angle)),
                       mode="lines", line={"color": COLORS["black"] if dash == "dash" else color(b), "width": 2, "dash": dash},
                       name=t(key, lang), hoverinfo="skip"),
            row=1, col=1,
        )  # fmt: skip
    mean = noise.batches.mean(axis=0)
    fig.add_trace(
        go.Scatter(x=[mean[0]], y=[mean[1]], mode="markers", name=t("sgd.trace_mean", lang),
                   marker={"symbol": "cross-thin", "size": 18, "line": {"width": 3, "color": color(b)}},
                   hovertemplate="∂L/∂w = %{x:.4f}<br>∂L/∂b = %{y:.4f}<extra></extra>"),
        row=1, col=1,
    )  # fmt: skip
    sizes = noise.sizes
    fig.add_trace(
        go.Scatter(x=sizes, y=rounded(noise.predictions), mode="lines", line={"color": COLORS["black"], "dash": "dash", "width": 2},
                   name=t("sgd.trace_formula", lang), showlegend=False, hovertemplate="B = %{x}: %{y:.4g}<extra></extra>"),
        row=1, col=2,
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(x=sizes, y=rounded(noise.spreads), mode="markers", showlegend=False, name=t("sgd.trace_measured", lang),
                   marker={"size": 11, "color": [color(str(s)) for s in sizes], "symbol": [STYLE[str(s)][2] for s in sizes],
                           "line": {"width": 1, "color": COLORS["black"]}},
                   hovertemplate="B = %{x}: %{y:.4g}<extra></extra>"),
        row=1, col=2,
    )  # fmt: skip
    names = [t("sgd.batches.full", lang) if p.batch == "full" else p.batch for p in run.paths]
    ms = [1000 * float(np.mean(p.epoch_seconds)) for p in run.paths]
    fig.add_trace(
        go.Bar(x=names, y=rounded(ms), marker={"color": [color(p.batch) for p in run.paths]}, showlegend=False,
               name=t("sgd.trace_time", lang), text=[num(v, 2) for v in ms], textposition="outside",
               hovertemplate="%{x}: %{y:.3g} ms<extra></extra>"),
        row=1, col=3,
    )  # fmt: skip
    base_layout(fig, height=460, title=None)
    reach = float(np.abs(np.vstack([noise.batches, noise.full[None]])).max()) * 1.1 or 1.0
    fig.update_xaxes(range=[-reach, reach], title_text="∂L/∂w", zeroline=True, row=1, col=1)
    fig.update_yaxes(
        range=[-reach, reach], title_text="∂L/∂b", scaleanchor="x", scaleratio=1, zeroline=True, row=1, col=1
    )
    fig.update_xaxes(
        type="log", tickvals=sizes, ticktext=[str(s) for s in sizes], title_text=t("sgd.axis_batch", lang), row=1, col=2
    )
    fig.update_yaxes(
        **log_axis(np.concatenate([noise.spreads, noise.predictions])),
        title_text=t("sgd.axis_spread", lang),
        row=1,
        col=2,
    )
    fig.update_yaxes(**time_axis(ms), title_text=t("sgd.axis_ms", lang), row=1, col=3)
    fig.update_xaxes(title_text=t("sgd.axis_batch", lang), row=1, col=3)
    fig.update_layout(legend={"y": -0.22, "yanchor": "top"}, margin={"t": 60, "b": 110})
    return fig
