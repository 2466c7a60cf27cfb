"""Figures of the RNN-unrolling page: the unrolled graph with hidden states, training, and BPTT gradients."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from i18n import t
from viz.common import (
    WIDE_TOP,
    Figure,
    add_animated_traces,
    add_animation,
    arrow_segments,
    base_layout,
    prefix,
    rounded,
    subplots,
    three_panels,
)
from viz.fmt import log_axis
from viz.palette import COLORS, DIVERGING

WINDOW = 7  # columns visible at once in the unrolled graph (readable in a 600 px chart); longer sequences pan
SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


SUPER = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def shape_words(shapes) -> dict[str, str]:
    """The three weight matrices' shapes as the caption writes them: {"wxh": "16×4", ...}."""
    return dict(zip(("wxh", "whh", "why"), ("×".join(map(str, s)) for s in shapes), strict=True))


def ratio_text(log10: float) -> str:
    """A ratio given as its log10, written for people: 0.5, 37, 2,400, or 10⁶ for big ones."""
    if log10 >= 5:
        return "10" + str(round(log10)).translate(SUPER)
    if log10 < 2:
        return f"{10**log10:,.2g}"
    return f"{round(10**log10, 1 - int(log10)):,.0f}"  # two significant digits


def sub(n: int) -> str:
    """``n`` as subscript digits: 7 → ₇."""
    return str(n).translate(SUB)


def shown_char(c: str) -> str:
    """A character as drawn on a node: spaces made visible (∎ marks the end of the text)."""
    return "␣" if c == " " else c


def _x_label(seq, s: int) -> str:
    return shown_char(seq.tokens[s]) if seq.kind == "text" else f"{seq.x[s, 0]:.2f}"


def _y_label(seq, unroll, s: int) -> str:
    return shown_char(seq.vocab[unroll.guess[s]]) if seq.kind == "text" else f"{unroll.y[s]:.2f}"


def _flow_text(seq, unroll, s: int, lang: str) -> str:
    """The values flowing through step s+1, as two lines of text."""
    n = s + 1
    h = unroll.h_torch[s]
    comps = ", ".join(f"{v:.2f}" for v in h[:3]) + (", …" if len(h) > 3 else "")
    if seq.kind == "text":
        x = f"x{sub(n)} = onehot('{shown_char(seq.tokens[s])}')"
        y = t("rnn.flow_guess", lang, n=sub(n), c=_y_label(seq, unroll, s), p=100 * float(unroll.y[s]))
        y += t("rnn.flow_target", lang, c=shown_char(seq.vocab[seq.target[s]]))
    else:
        x = f"x{sub(n)} = {seq.x[s, 0]:.3f}"
        y = f"ŷ{sub(n)} = {unroll.y[s]:.3f}" + t(
            "rnn.flow_target", lang, c=f"{seq.target[s]:.3f}".replace("-0.000", "0.000")
        )
    h_rule = f"h{sub(n)} = tanh(W_xh x{sub(n)} + W_hh h{sub(n - 1)} + b)"
    h_value = f"h{sub(n)} = [{comps}]   ‖h{sub(n)}‖ = {np.linalg.norm(h):.2f}"
    return f"{x}   →   {h_rule}<br>{h_value}<br>→   {y}"


def _window(T: int, n: int) -> tuple[int, int]:
    """First and last column of the unrolled graph in view at step n (column 0 is h₀)."""
    if T <= WINDOW:
        return 0, T
    first = int(np.clip(n - WINDOW // 2, 0, T + 1 - WINDOW))
    return first, first + WINDOW - 1


def _shifted(trace: dict, first: int) -> dict:
    """A trace of the unrolled graph drawn in the window that starts at column ``first``."""
    return trace | {"x": [None if x is None else round(x - first, 6) for x in trace["x"]]}


GRAPH_STYLES = [
    {"type": "scatter", "mode": "lines", "line": {"color": COLORS["grey"], "width": 1.5}, "hoverinfo": "skip"},
    {
        "type": "scatter",
        "mode": "text",
        "textfont": {"size": 11, "color": COLORS["grey"]},
        "hoverinfo": "skip",
    },
] + [
    {
        "type": "scatter",
        "mode": "markers+text",
        "textfont": {"size": 13, "color": COLORS["black"]},
        "marker": {
            "size": 36,
            "symbol": symbol,
            "color": color,
            "opacity": 0.55,
            "line": {"width": 1.5, "color": color},
        },
        "hovertemplate": "%{text}" + extra + "<extra></extra>",
    }
    for symbol, color, extra in (
        ("square", COLORS["orange"], ": ‖h‖ = %{customdata:.3f}"),
        ("circle", COLORS["sky"], ""),
        ("circle", COLORS["green"], ""),
    )
]


def _graph_data(seq, unroll, first: int, last: int, norms: np.ndarray) -> list[dict]:
    """The unrolled graph between two columns: h₀ (column 0), then x_t → h_t → y_t, weights named on the edges.

    Only what is in view is drawn: a step scrolled out of the window leaves no clipped label behind.
    """
    steps = np.arange(max(first, 1), last + 1)
    T = len(steps)
    # x_t → h_t, h_t → y_t and h_{t−1} → h_t, all in one trace
    xs, ys = arrow_segments(
        np.concatenate([steps, steps, steps - 0.8]),
        np.concatenate([np.full(T, 0.14), np.full(T, 1.16), np.ones(T)]),
        np.concatenate([steps, steps, steps - 0.2]),
        np.concatenate([np.full(T, 0.84), np.full(T, 1.86), np.ones(T)]),
        head=0.2,
    )
    recurrent = steps[steps > first]  # W_hh sits between two columns in view
    labels = {
        "x": np.concatenate([steps + 0.08, steps + 0.08, recurrent - 0.5]).tolist(),
        "y": [0.5] * T + [1.5] * T + [1.12] * len(recurrent),
        "text": ["W_xh"] * T + ["W_hy"] * T + ["W_hh"] * len(recurrent),
        "textposition": ["middle right"] * (2 * T) + ["top center"] * len(recurrent),
    }
    h_cols = np.arange(first, last + 1)
    return [
        {"x": xs, "y": ys},
        labels,
        {
            "x": h_cols.tolist(),
            "y": [1] * len(h_cols),
            "text": [f"h{sub(k)}" for k in h_cols],
            "customdata": rounded(np.concatenate([[0.0], norms])[h_cols]),
        },
        {"x": steps.tolist(), "y": [0] * T, "text": [_x_label(seq, k - 1) for k in steps]},
        {"x": steps.tolist(), "y": [2] * T, "text": [_y_label(seq, unroll, k - 1) for k in steps]},
    ]


def _heatmaps(fig: go.Figure, unroll, lang: str) -> None:
    T, H = unroll.h_torch.shape
    for col, z in ((1, unroll.h_torch), (2, unroll.h_manual)):
        fig.add_trace(
            go.Heatmap(
                x=np.arange(1, T + 1),
                y=np.arange(1, H + 1),
                z=rounded(z.T),
                zmin=-1,
                zmax=1,
                colorscale=DIVERGING,
                showscale=col == 2,
                colorbar={"title": {"text": "h", "side": "top"}, "len": 0.42, "y": 0.0, "yanchor": "bottom"},
                hovertemplate="t = %{x}<br>" + t("rnn.axis_unit", lang) + " %{y}<br>h = %{z:.4f}<extra></extra>",
            ),
            row=2,
            col=col,
        )


def unrolled_figure(seq, *, unroll, lang: str) -> go.Figure:
    """The unrolled graph over T steps and the hidden states (nn.RNN vs by hand), one frame per time step."""
    T, H = unroll.h_torch.shape
    titles = [t("rnn.graph_title", lang), t("rnn.heat_torch_title", lang), t("rnn.heat_manual_title", lang)]
    fig = three_panels(WIDE_TOP, heights=(0.5, 0.5), spacing=(0.1, 0.08), titles=titles)
    _heatmaps(fig, unroll, lang)
    norms = np.linalg.norm(unroll.h_torch, axis=1)
    hl = {"color": COLORS["vermillion"], "width": 4}
    styles = [style | {"xaxis": "x", "yaxis": "y"} for style in GRAPH_STYLES] + [
        {"type": "scatter", "mode": "lines", "xaxis": "x", "yaxis": "y", "line": hl, "hoverinfo": "skip"},
        {
            "type": "scatter",
            "mode": "markers",
            "xaxis": "x",
            "yaxis": "y",
            "marker": {
                "size": 44,
                "symbol": "square-open",
                "color": COLORS["vermillion"],
                "line": {"width": 3, "color": COLORS["vermillion"]},
            },
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "mode": "text",
            "xaxis": "x",
            "yaxis": "y",
            "textfont": {"size": 14, "color": COLORS["black"]},
            "textposition": "middle right",
            "hoverinfo": "skip",
        },
        {"type": "scatter", "mode": "lines", "xaxis": "x2", "yaxis": "y2", "line": hl, "hoverinfo": "skip"},
        {
            "type": "scatter",
            "mode": "lines",
            "xaxis": "x3",
            "yaxis": "y3",
            "fill": "toself",
            "fillcolor": "rgba(255,255,255,0.93)",
            "line": {"color": COLORS["vermillion"], "width": 3},
            "hoverinfo": "skip",
        },
    ]

    # Short sequences show every step and h₀; longer ones pan a WINDOW-step view with the chosen step. The
    # view pans by drawing each column at its place in the window (step k at k − first), not by moving the
    # axis: a frame that sets an axis range makes plotly.js redraw every trace of the figure, the two
    # heatmaps too (a frame switch took 25 ms instead of 17). The axis has no tick labels to give it away.
    view = [-0.6, _window(T, 1)[1] + 0.75]  # where the first window is; room right for the last W_xh, W_hy

    def frame_data(s: int) -> dict:
        n = s + 1
        first, last = _window(T, n)
        graph = [_shifted(trace, first) for trace in _graph_data(seq, unroll, first, last, norms)]
        c = n - first  # the chosen step's column in view
        ex, ey = arrow_segments([c, c - 0.8, c], [0.14, 1.0, 1.16], [c, c - 0.2, c], [0.84, 1.0, 1.86], head=0.18)
        mask_x = [n + 0.5, T + 0.5, T + 0.5, n + 0.5, n + 0.5]
        return {
            "name": str(n),
            "data": [
                *graph,
                {"x": ex, "y": ey},
                {"x": [c, c, c], "y": [0, 1, 2]},
                {"x": [view[0] + 0.05], "y": [-0.8], "text": [_flow_text(seq, unroll, s, lang)]},
                {"x": [n - 0.5, n + 0.5, n + 0.5, n - 0.5, n - 0.5], "y": [0.5, 0.5, H + 0.5, H + 0.5, 0.5]},
                {"x": mask_x, "y": [0.5, 0.5, H + 0.5, H + 0.5, 0.5]},
            ],
        }

    frames = add_animated_traces(fig, styles, frame_data, T)
    fig.update_xaxes(showgrid=False, zeroline=False, showticklabels=False, range=view, row=1, col=1)
    fig.update_yaxes(
        range=[-1.25, 2.45],
        tickvals=[0, 1, 2],
        ticktext=[t("rnn.row_x", lang), t("rnn.row_h", lang), t("rnn.row_y", lang)],
        showgrid=False,
        zeroline=False,
        row=1,
        col=1,
    )
    for col in (1, 2):  # one y title: the right map's would sit on the left map's edge
        fig.update_xaxes(title_text=t("rnn.axis_step", lang), range=[0.5, T + 0.5], row=2, col=col)
        fig.update_yaxes(
            title_text=t("rnn.axis_unit", lang) if col == 1 else None, range=[0.5, H + 0.5], row=2, col=col
        )
    base_layout(fig, height=880, margin={"t": 50})
    fig.update_layout(showlegend=False, hovermode="closest")
    return add_animation(fig, frames, lang, prefix_key="rnn.anim_step", frame_ms=300, y=-0.07)


def training_figure(seq, *, training, lang: str) -> go.Figure:
    """Predictions vs targets per step (one frame per shown epoch) and the loss curve."""
    fig = subplots(
        rows=1,
        cols=2,
        column_widths=[0.62, 0.38],
        horizontal_spacing=0.14,  # the loss panel's y title clear of the predictions in the presenter view
        subplot_titles=[t(f"rnn.pred_title_{seq.kind}", lang), t("rnn.loss_title", lang)],
    )
    T = len(seq.target)
    steps = np.arange(1, T + 1)
    if seq.kind == "sine":
        fig.add_trace(
            go.Scatter(
                x=steps,
                y=rounded(seq.target),
                mode="lines+markers",
                name=t("rnn.trace_target", lang),
                line={"color": COLORS["black"], "width": 2, "dash": "dot"},
                marker={"symbol": "x", "size": 8},
            ),
            row=1,
            col=1,
        )
        pred_style = {"mode": "lines+markers", "name": t("rnn.trace_pred", lang), "marker": {"size": 7}}
    else:
        pred_style = {
            "mode": "lines+markers+text",
            "name": t("rnn.trace_prob", lang),
            "textposition": "top center",
            "marker": {"size": 10},
            "hovertemplate": "%{customdata}: %{y:.1%}<extra></extra>",
        }
    loss = training.loss
    epochs = np.arange(len(loss))
    fig.add_trace(
        go.Scatter(
            x=epochs,
            y=rounded(loss),
            mode="lines",
            name=t("rnn.trace_loss_all", lang),
            line={"color": COLORS["grey"], "width": 1, "dash": "dot"},
        ),
        row=1,
        col=2,
    )
    styles = [
        {"type": "scatter", "xaxis": "x", "yaxis": "y", "line": {"color": COLORS["orange"], "width": 3}} | pred_style,
        {
            "type": "scatter",
            "mode": "lines",
            "xaxis": "x2",
            "yaxis": "y2",
            "name": t("rnn.trace_loss", lang),
            "line": {"color": COLORS["blue"], "width": 3},
        },
        {
            "type": "scatter",
            "mode": "markers",
            "xaxis": "x2",
            "yaxis": "y2",
            "showlegend": False,
            "marker": {"size": 11, "color": COLORS["blue"]},
            "hovertemplate": t("rnn.axis_epoch", lang) + " %{x}<br>L = %{y:.4g}<extra></extra>",
        },
    ]

    def frame_data(j: int) -> dict:
        e = int(training.epochs[j])
        seen = prefix(epochs, e)
        pred = {"x": steps, "y": rounded(training.pred[j])}
        if seq.kind == "text":
            guesses = [shown_char(seq.vocab[g]) for g in training.guess[j]]
            pred |= {"text": guesses, "customdata": [f"{shown_char(seq.vocab[c])}" for c in seq.target]}
        return {
            "name": str(e),
            "data": [pred, {"x": seen, "y": rounded(loss[seen])}, {"x": [e], "y": rounded([loss[e]])}],
        }

    frames = add_animated_traces(fig, styles, frame_data, len(training.epochs))
    if seq.kind == "text":
        labels = [f"{shown_char(a)}→{shown_char(seq.vocab[b])}" for a, b in zip(seq.tokens, seq.target, strict=True)]
        fig.update_xaxes(tickvals=steps, ticktext=labels, tickangle=0 if T <= 16 else -90, row=1, col=1)
        fig.update_yaxes(range=[0, 1.12], tickformat=".0%", title_text=t("rnn.axis_prob", lang), row=1, col=1)
    else:
        fig.update_xaxes(title_text=t("rnn.axis_step", lang), row=1, col=1)
        fig.update_yaxes(title_text=t("rnn.axis_value", lang), row=1, col=1)
    fig.update_xaxes(title_text=t("rnn.axis_epoch", lang), row=1, col=2)
    fig.update_yaxes(title_text=t("rnn.axis_loss", lang), row=1, col=2)
    if np.all(loss > 0):
        fig.update_yaxes(**log_axis(loss), row=1, col=2)
    base_layout(fig, height=520, margin={"t": 100})
    fig.update_layout(legend={"y": 1.14})
    return add_animation(fig, frames, lang, prefix_key="rnn.anim_epoch", y=-0.16)


def gradient_figure(grads, *, forget_bias: bool, lang: str) -> go.Figure:
    """‖∂L_T/∂h_t‖ per step t on a log scale for RNN, LSTM (forget bias 1 and 0) and GRU."""
    T = grads.norms.shape[1]
    steps = np.arange(1, T + 1)
    looks = {
        "rnn": (COLORS["vermillion"], "circle", "solid"),
        "lstm": (COLORS["blue"], "square", "solid"),
        "lstm0": (COLORS["sky"], "square-open", "dash"),
        "gru": (COLORS["green"], "diamond", "solid"),
    }
    chosen = "lstm" if forget_bias else "lstm0"
    fig = Figure()
    for name, norms in zip(grads.names, grads.norms, strict=True):
        color, symbol, dash = looks[name]
        muted = name in ("lstm", "lstm0") and name != chosen
        fig.add_trace(
            go.Scatter(
                x=steps,
                y=np.maximum(norms, 1e-300),
                mode="lines+markers",
                name=t(f"rnn.cell.{name}", lang),
                line={"color": color, "width": 1.5 if muted else 3, "dash": "dot" if muted else dash},
                marker={"symbol": symbol, "size": 6 if muted else 8},
                opacity=0.55 if muted else 1.0,
                hovertemplate="t = %{x}<br>‖∂L_T/∂h_t‖ = %{y:.3e}<extra>" + t(f"rnn.cell.{name}", lang) + "</extra>",
            )
        )
    fig.update_xaxes(title_text=t("rnn.axis_step", lang))
    fig.update_yaxes(title_text=t("rnn.axis_grad", lang), **log_axis(grads.norms))
    base_layout(fig, height=460, title=t("rnn.grad_title", lang, T=T), legend_y=-0.2, margin={"b": 90})
    fig.update_layout(hovermode="x unified")
    return fig
