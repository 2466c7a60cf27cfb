"""/linear-layer: the plane moved by nn.Linear(2, 2) (identity → W as frames), the batch X → Y, the matmul sweep."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from i18n import t
from i18n.numbers import num
from viz.common import Figure, add_animated_traces, add_animation, arrow_segments, base_layout, panel_row, rounded
from viz.fmt import log_axis
from viz.palette import COLORS, DIVERGING, rgba, tint


def _segments(lines: np.ndarray) -> tuple[list, list]:
    """(L, 2, 2) line end points as one None-separated polyline."""
    xs, ys = [], []
    for (x0, y0), (x1, y1) in lines:
        xs += [float(x0), float(x1), None]
        ys += [float(y0), float(y1), None]
    return xs, ys


def _arrow(origin, vector) -> tuple[list, list]:
    return arrow_segments(origin[0], origin[1], origin[0] + vector[0], origin[1] + vector[1], head=0.18)


def plane_figure(run, lang: str) -> go.Figure:
    """The grid, the letter F and the unit square before (grey) and after the layer, animated from t = 0 to 1."""
    fig = Figure()
    gx, gy = _segments(run.lines[0])
    fig.add_trace(go.Scatter(x=gx, y=gy, mode="lines", line={"color": tint(COLORS["grey"], 0.55), "width": 1},
                             name=t("ll.trace.before", lang), hoverinfo="skip"))  # fmt: skip
    fig.add_trace(go.Scatter(x=run.picture[0, :, 0], y=run.picture[0, :, 1], mode="lines", hoverinfo="skip",
                             line={"color": COLORS["grey"], "width": 2, "dash": "dot"}, showlegend=False))  # fmt: skip
    styles = [
        {"type": "scatter", "mode": "lines", "name": t("ll.trace.grid", lang), "hoverinfo": "skip",
         "line": {"color": rgba(COLORS["blue"], 0.45), "width": 1.5}},
        {"type": "scatter", "mode": "lines", "name": t("ll.trace.square", lang), "fill": "toself", "hoverinfo": "skip",
         "fillcolor": rgba(COLORS["green"], 0.3), "line": {"color": COLORS["green"], "width": 2}},
        {"type": "scatter", "mode": "lines", "name": t("ll.trace.picture", lang), "fill": "toself",
         "fillcolor": rgba(COLORS["orange"], 0.45), "line": {"color": COLORS["orange"], "width": 3}},
        {"type": "scatter", "mode": "lines", "name": "W e₁", "line": {"color": COLORS["vermillion"], "width": 4},
         "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines", "name": "W e₂", "line": {"color": COLORS["purple"], "width": 4,
                                                                          "dash": "dash"}, "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines", "name": "b", "line": {"color": COLORS["black"], "width": 2.5,
                                                                  "dash": "dot"}, "hoverinfo": "skip"},
        {"type": "scatter", "mode": "text", "showlegend": False, "hoverinfo": "skip",
         "textfont": {"size": 16, "color": COLORS["black"]}},
    ]  # fmt: skip

    def frame(k: int) -> dict:
        lx, ly = _segments(run.lines[k])
        e1 = _arrow(run.origin[k], run.basis[k, 0])
        e2 = _arrow(run.origin[k], run.basis[k, 1])
        b = arrow_segments(0.0, 0.0, *run.origin[k], head=0.18) if np.hypot(*run.origin[k]) > 1e-9 else ([], [])
        centre = run.square[k, :4].mean(axis=0)
        area = abs(np.linalg.det((1 - run.ts[k]) * np.eye(2) + run.ts[k] * run.weight))
        return {
            "name": f"{run.ts[k]:.2f}",
            "data": [
                {"x": lx, "y": ly},
                {"x": rounded(run.square[k, :, 0]), "y": rounded(run.square[k, :, 1])},
                {"x": rounded(run.picture[k, :, 0]), "y": rounded(run.picture[k, :, 1])},
                {"x": e1[0], "y": e1[1]},
                {"x": e2[0], "y": e2[1]},
                {"x": b[0], "y": b[1]},
                {"x": [float(centre[0])], "y": [float(centre[1])], "text": [f"{area:.2f}"]},
            ],
        }

    frames = add_animated_traces(fig, styles, frame, len(run.ts))
    add_animation(fig, frames, lang, prefix_key="ll.anim", frame_ms=80)
    pts = np.concatenate([run.lines.reshape(-1, 2), run.picture.reshape(-1, 2)])
    reach = float(min(max(np.abs(pts).max() * 0.75, 3.2), 8.0))
    base_layout(fig, height=620, title=t("ll.plane_title", lang))
    fig.update_layout(
        xaxis={"range": [-reach, reach], "zeroline": True, "title": {"text": "x₁ → y₁"}},
        yaxis={"range": [-reach, reach], "scaleanchor": "x", "scaleratio": 1, "zeroline": True,
               "title": {"text": "x₂ → y₂"}},
        legend={"orientation": "v", "x": 1.02, "y": 1, "yanchor": "top"},
        margin={"r": 20},
    )  # fmt: skip
    return fig


def batch_figure(run, lang: str) -> go.Figure:
    """X (N × 2) → Y (N × 2) as two matrices of numbers, the layer and the shapes written on the arrow."""
    x, y = run.x_batch, run.y_batch
    n = len(x)
    top = float(max(np.abs(x).max(), np.abs(y).max()))
    fig = panel_row([f"X  ({n} × 2)", "", f"Y  ({n} × 2)"], widths=[0.3, 0.4, 0.3], spacing=0.02)
    rows = [f"{i}" for i in range(n)]
    for col, m, name in ((1, x, "X"), (3, y, "Y")):
        fig.add_trace(go.Heatmap(z=rounded(m), x=[f"{name.lower()}₁", f"{name.lower()}₂"], y=rows, text=np.round(m, 2), texttemplate="%{text}",
                                 colorscale=DIVERGING, zmin=-top, zmax=top, showscale=False, xgap=2, ygap=2,
                                 name=name, hovertemplate=name + "[%{y}]: %{x} = %{z:.3f}<extra></extra>"),
                      row=1, col=col)  # fmt: skip
        title = {"title": {"text": t("ll.batch_rows", lang)}} if col == 1 else {}
        fig.update_yaxes(autorange="reversed", **title, row=1, col=col)
    ax, ay = arrow_segments(0.05, 0.0, 0.95, 0.0, head=0.08)
    fig.add_trace(go.Scatter(x=ax, y=ay, mode="lines", line={"color": COLORS["black"], "width": 3},
                             showlegend=False, hoverinfo="skip"), row=1, col=2)  # fmt: skip
    w = run.weight
    notes = [
        (0.5, 0.55, "<b>nn.Linear(2, 2)</b>"),
        (0.5, 0.3, f"X @ Wᵀ + b   ({n}×2 @ 2×2 + 2)"),
        (0.5, -0.3, f"W = [[{w[0, 0]:.2f}, {w[0, 1]:.2f}], [{w[1, 0]:.2f}, {w[1, 1]:.2f}]]"),
        (0.5, -0.55, f"b = [{run.bias[0]:.2f}, {run.bias[1]:.2f}]"),
    ]
    fig.add_trace(go.Scatter(x=[p[0] for p in notes], y=[p[1] for p in notes], text=[p[2] for p in notes],
                             mode="text", showlegend=False, hoverinfo="skip", textfont={"size": 15}),
                  row=1, col=2)  # fmt: skip
    fig.update_xaxes(visible=False, range=[0, 1], row=1, col=2)
    fig.update_yaxes(visible=False, range=[-1, 1], row=1, col=2)
    base_layout(fig, height=max(360, 34 * n + 140))
    fig.update_layout(margin={"t": 80})
    return fig


def speed_figure(sweep, lang: str) -> go.Figure:
    """Time per product (log–log) and GFLOP/s against n, one line per device."""
    fig = panel_row([t("ll.speed_time", lang), t("ll.speed_rate", lang)], spacing=0.12)
    style = {"cpu": (COLORS["black"], "solid", "circle"), "cuda": (COLORS["vermillion"], "dash", "square")}
    for d, device in enumerate(sweep.devices):
        color, dash, symbol = style[device]
        ok = np.isfinite(sweep.seconds[d])
        for col, values in ((1, sweep.seconds[d] * 1e3), (2, sweep.gflops[d])):
            fig.add_trace(go.Scatter(x=sweep.sizes[ok], y=values[ok], mode="lines+markers",
                                     name=t(f"ll.device.{device}", lang), legendgroup=device, showlegend=col == 1,
                                     line={"color": color, "dash": dash}, marker={"symbol": symbol, "size": 9}),
                          row=1, col=col)  # fmt: skip
    finite = sweep.seconds[np.isfinite(sweep.seconds)] * 1e3
    fig.update_xaxes(**log_axis(sweep.sizes), title_text=t("ll.speed_n", lang))
    fig.update_xaxes(tickvals=list(sweep.sizes), ticktext=[num(s, 3) for s in sweep.sizes], dtick=None)
    fig.update_yaxes(**log_axis(finite), title_text=t("ll.speed_ms", lang), row=1, col=1)
    fig.update_yaxes(title_text="GFLOP/s", rangemode="tozero", row=1, col=2)
    base_layout(fig, height=420)
    fig.update_layout(legend={"y": 1.14, "yanchor": "bottom"}, margin={"t": 100})  # above the panel titles
    return fig
