"""Figures of the linear-regression page: the line (or plane) with its residual squares beside the (w, b)
path on the loss map, per epoch; and the distance to the optimum with and without feature scaling."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.common.grids import snapped
from i18n import t
from i18n.numbers import num
from viz.common import Figure, add_animated_traces, add_animation, base_layout, panel_row, prefix, rounded, subplots
from viz.fmt import log_axis
from viz.palette import COLORS, SERIES, rgba, tint

MAP_SCALE = [[0, tint(COLORS["blue"], 0.96)], [1, tint(COLORS["blue"], 0.3)]]
LEVELS = (0.0, 0.01, 0.05, 0.2, 0.5, 0.8)  # colour-bar marks, fractions of the largest excess loss on the map:
# none at the very top, where the bar ends (plotly.js ends it at a contour level) and its title sits
PLANE = 12  # the plane is drawn on a PLANE × PLANE grid


def _map_traces(run, lang: str) -> list[go.BaseTraceType]:
    """The loss map as √(L − L*) (quadratic bowls become evenly spaced rings), the start and the optimum."""
    excess = np.maximum(run.grid - run.optimum_loss, 0)
    top = float(excess.max())
    marks = [run.optimum_loss + f * top for f in LEVELS]
    d = len(run.optimum) - 1
    return [
        go.Contour(
            x=rounded(run.ws), y=rounded(run.bs), z=rounded(np.sqrt(excess)), colorscale=MAP_SCALE, ncontours=18,
            line={"width": 0.6, "color": rgba(COLORS["black"], 0.25)}, name="MSE",
            customdata=rounded(run.grid), hovertemplate="(%{x:.3f}, %{y:.3f})<br>MSE = %{customdata:.4g}<extra></extra>",
            colorbar={"title": {"text": "MSE", "side": "top"}, "tickvals": [float(np.sqrt(m - run.optimum_loss)) for m in marks],
                      "ticktext": [num(m, 3) for m in marks], "len": 0.75, "thickness": 12, "x": 1.01},
        ),
        go.Scatter(x=[float(run.optimum[0])], y=[float(run.optimum[1])], mode="markers",
                   name=t("lin.trace_optimum", lang),
                   marker={"symbol": "star", "size": 20, "color": COLORS["yellow"], "line": {"width": 1.5, "color": COLORS["black"]}},
                   hovertemplate=t("lin.hover_optimum", lang) + (" (%{x:.4g}, %{y:.4g})" if d else "") + "<extra></extra>"),
    ]  # fmt: skip


def _squares(x: np.ndarray, y: np.ndarray, fit: np.ndarray, ratio: float) -> tuple[np.ndarray, np.ndarray]:
    """Closed outlines of one square per point: vertical side from the line to the point, horizontal side
    ratio·|r| in x units, so the locked axes (1 y unit = ratio x units on screen) draw it square."""
    r = y - fit
    side = ratio * np.abs(r)
    xs = np.column_stack([x, x + side, x + side, x, x, np.full_like(x, np.nan)]).ravel()
    ys = np.column_stack([fit, fit, y, y, fit, np.full_like(x, np.nan)]).ravel()
    return xs, ys


def _frame_name(epoch: int) -> str:
    return str(int(epoch))


def regression_figure(run, lang: str) -> go.Figure:
    """One feature: data + line + residual squares | (w, b) path on the loss map. Two: a 3-D plane instead."""
    if run.data.x.shape[1] == 2:
        return _plane_figure(run, lang)
    x, y = run.data.x[:, 0], run.data.y
    theta = run.original[run.frames]  # (K, 2) the line in the data's own units
    fits = theta[:, :1] * x[None, :] + theta[:, 1:]
    x_lo, x_hi = float(x.min()), float(x.max())
    # The panel holds the data and the line training ended on; a diverged run's last line (10⁷ and more away)
    # would shrink the data to a dot, so its panel holds the first line instead and the line flies off it.
    kept = fits[-1] if run.stop_epoch is None else fits[0]
    y_lo, y_hi = float(min(y.min(), kept.min())), float(max(y.max(), kept.max()))
    # Snapped outward to steps of at most a sixth of the span: the axes (tied, so squares stay square) keep
    # their ranges while the slope slider moves the data a little, and the browser moves the chart in place.
    y_lo, y_hi = snapped(y_lo, y_hi)
    x_pad, y_pad = 0.08 * (x_hi - x_lo), 0.08 * (y_hi - y_lo)
    ratio = (x_hi - x_lo) / max(y_hi - y_lo, 1e-9)  # one y unit is drawn as long as `ratio` x units
    # spacing: the map's y title clear of the data panel
    fig = panel_row([t("lin.data_title", lang), t("lin.map_title", lang)], spacing=0.13)
    fig.add_trace(
        go.Scatter(x=rounded(x), y=rounded(y), mode="markers", name=t("lin.trace_data", lang),
                   marker={"color": COLORS["black"], "size": 7, "line": {"color": "white", "width": 1}},
                   hovertemplate=f"{run.data.names[0]} = %{{x:.3g}}<br>y = %{{y:.4g}}<extra></extra>"),
        row=1, col=1,
    )  # fmt: skip
    for trace in _map_traces(run, lang):
        fig.add_trace(trace, row=1, col=2)
    fig.add_trace(
        go.Scatter(x=[float(run.path[0, 0])], y=[float(run.path[0, 1])], mode="markers", name=t("lin.trace_start", lang),
                   marker={"symbol": "circle-open", "size": 14, "color": COLORS["black"], "line": {"width": 2.5}}),
        row=1, col=2,
    )  # fmt: skip
    xs_line = np.array([x_lo - x_pad, x_hi + x_pad])
    alpha = min(0.25, 8 / len(x))  # hundreds of overlapping squares stay a readable haze
    styles = [
        {"type": "scatter", "mode": "lines", "name": t("lin.trace_squares", lang), "fill": "toself",
         "fillcolor": rgba(COLORS["orange"], alpha), "line": {"color": rgba(COLORS["orange"], min(0.9, 4 * alpha)), "width": 1},
         "hoverinfo": "skip", "xaxis": "x", "yaxis": "y"},
        {"type": "scatter", "mode": "lines", "name": t("lin.trace_line", lang), "xaxis": "x", "yaxis": "y",
         "line": {"color": COLORS["blue"], "width": 4}, "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines+markers", "name": t("lin.trace_path", lang), "xaxis": "x2", "yaxis": "y2",
         "line": {"color": COLORS["vermillion"], "width": 2.5}, "marker": {"size": 4},
         "hovertemplate": "(%{x:.4g}, %{y:.4g})<extra></extra>"},
        {"type": "scatter", "mode": "markers", "showlegend": False, "xaxis": "x2", "yaxis": "y2",
         "marker": {"size": 13, "color": COLORS["vermillion"], "line": {"color": "white", "width": 1.5}},
         "hovertemplate": "(%{x:.4g}, %{y:.4g})<extra></extra>"},
    ]  # fmt: skip

    def frame(j: int) -> dict:
        epoch = int(run.frames[j])
        sx, sy = _squares(x, y, fits[j], ratio)
        path = prefix(run.path, epoch)
        return {
            "name": _frame_name(epoch),
            "data": [
                {"x": rounded(sx), "y": rounded(sy)},
                {"x": rounded(xs_line), "y": rounded(theta[j, 0] * xs_line + theta[j, 1])},
                {"x": rounded(path[:, 0]), "y": rounded(path[:, 1])},
                {"x": [float(run.path[epoch, 0])], "y": [float(run.path[epoch, 1])]},
            ],
        }

    frames = add_animated_traces(fig, styles, frame, len(run.frames))
    base_layout(fig, height=520)
    fig.update_layout(legend={"y": 1.12}, margin={"t": 100})
    square_top = y_hi + y_pad
    fig.update_xaxes(range=[x_lo - x_pad, x_hi + x_pad + ratio * 0.25 * (y_hi - y_lo)], title_text=_x_title(run, lang),
                     constrain="domain", row=1, col=1)  # fmt: skip
    fig.update_yaxes(range=[y_lo - y_pad, square_top], title_text="y", scaleanchor="x", scaleratio=ratio,
                     constrain="domain", row=1, col=1)  # fmt: skip
    w_name, b_name = _param_names(run, lang)
    fig.update_xaxes(range=[float(run.ws[0]), float(run.ws[-1])], title_text=w_name, constrain="domain", row=1, col=2)
    fig.update_yaxes(range=[float(run.bs[0]), float(run.bs[-1])], title_text=b_name, scaleanchor="x2",
                     scaleratio=1, constrain="domain", row=1, col=2)  # fmt: skip
    return add_animation(fig, frames, lang, prefix_key="lin.epoch_prefix", y=-0.16)


def _x_title(run, lang: str) -> str:
    name = run.data.names[0]
    return "x" if name == "x" else t(f"lin.features.{name}", lang)


def _param_names(run, lang: str) -> tuple[str, str]:
    scaled = bool(np.any(run.data.std != 1) or np.any(run.data.mean != 0))
    suffix = t("lin.scaled_suffix", lang) if scaled else ""
    if len(run.optimum) == 2:
        return "w" + suffix, "b" + suffix
    return "w₁" + suffix, "w₂" + suffix


def _plane_figure(run, lang: str) -> go.Figure:
    """Two features: the points and the fitted plane in 3-D (per epoch) beside the (w₁, w₂) path on the map."""
    x, y = run.data.x, run.data.y
    names = [t(f"lin.features.{n}", lang) for n in run.data.names]
    fig = subplots(rows=1, cols=2, specs=[[{"type": "scene"}, {"type": "xy"}]], horizontal_spacing=0.1,
                   column_widths=[0.55, 0.45], subplot_titles=[t("lin.plane_title", lang), t("lin.plane_map_title", lang)])  # fmt: skip
    fig.add_trace(go.Scatter3d(x=rounded(x[:, 0]), y=rounded(x[:, 1]), z=rounded(y), mode="markers",
                               name=t("lin.trace_data", lang), marker={"size": 3, "color": COLORS["black"]}),
                  row=1, col=1)  # fmt: skip
    for trace in _map_traces(run, lang):
        fig.add_trace(trace, row=1, col=2)
    g1 = np.linspace(x[:, 0].min(), x[:, 0].max(), PLANE)
    g2 = np.linspace(x[:, 1].min(), x[:, 1].max(), PLANE)
    styles = [
        {"type": "surface", "name": t("lin.trace_plane", lang), "showscale": False, "opacity": 0.6,
         "colorscale": [[0, tint(COLORS["blue"], 0.5)], [1, tint(COLORS["blue"], 0.2)]], "scene": "scene",
         "showlegend": True, "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines+markers", "name": t("lin.trace_path", lang), "xaxis": "x", "yaxis": "y",
         "line": {"color": COLORS["vermillion"], "width": 2.5}, "marker": {"size": 4}},
        {"type": "scatter", "mode": "markers", "showlegend": False, "xaxis": "x", "yaxis": "y",
         "marker": {"size": 13, "color": COLORS["vermillion"], "line": {"color": "white", "width": 1.5}}},
    ]  # fmt: skip

    def frame(j: int) -> dict:
        epoch = int(run.frames[j])
        theta = run.original[epoch]
        path = prefix(run.path, epoch)
        plane = theta[0] * g1[None, :] + theta[1] * g2[:, None] + theta[2]
        return {
            "name": _frame_name(epoch),
            "data": [
                {"x": rounded(g1), "y": rounded(g2), "z": rounded(plane)},
                {"x": rounded(path[:, 0]), "y": rounded(path[:, 1])},
                {"x": [float(run.path[epoch, 0])], "y": [float(run.path[epoch, 1])]},
            ],
        }

    frames = add_animated_traces(fig, styles, frame, len(run.frames))
    base_layout(fig, height=560)
    fig.update_layout(legend={"y": 1.1}, margin={"t": 100},
                      scene={"xaxis": {"title": {"text": names[0]}, "tickfont": {"size": 11}, "nticks": 4},
                             "yaxis": {"title": {"text": names[1]}, "tickfont": {"size": 11}, "nticks": 4},
                             "zaxis": {"title": {"text": "y"}, "tickfont": {"size": 11}, "nticks": 4},
                             "camera": {"eye": {"x": 1.6, "y": -1.6, "z": 0.9}}})  # fmt: skip
    w_name, b_name = _param_names(run, lang)
    fig.update_xaxes(range=[float(run.ws[0]), float(run.ws[-1])], title_text=w_name, constrain="domain")
    fig.update_yaxes(range=[float(run.bs[0]), float(run.bs[-1])], title_text=b_name, scaleanchor="x",
                     scaleratio=1, constrain="domain")  # fmt: skip
    return add_animation(fig, frames, lang, redraw=True, prefix_key="lin.epoch_prefix", y=-0.16)


def distance_figure(run, scaled: bool, tol: float, lang: str) -> go.Figure:
    """‖θ − θ*‖ / ‖θ₀ − θ*‖ per epoch: predicted for both scaling settings at this η, measured for this run;
    ``tol`` is the threshold the epochs to converge are counted against."""
    names = [t("lin.setting_scaled" if s else "lin.setting_raw", lang) for s in (scaled, not scaled)]
    fig = Figure()
    for k, (name, cond) in enumerate(zip(names, (run.cond, run.other), strict=True)):
        fig.add_trace(go.Scatter(
            x=run.curve_epochs, y=rounded(np.clip(run.curve[k], 1e-12, 1e3)), mode="lines",
            name=t("lin.trace_predicted", lang, name=name, kappa=cond.kappa),
            line={"color": SERIES[k], "width": 3, "dash": "solid" if k == 0 else "dash"},
            hovertemplate="%{x}: %{y:.3g}<extra></extra>",
        ))  # fmt: skip
    shown = np.arange(len(run.measured))
    pick = np.unique(np.linspace(0, len(shown) - 1, min(len(shown), 40)).round().astype(int))
    fig.add_trace(go.Scatter(x=shown[pick], y=rounded(np.maximum(run.measured[pick], 1e-12)), mode="markers",
                             name=t("lin.trace_measured", lang),
                             marker={"color": SERIES[0], "size": 8, "symbol": "circle-open", "line": {"width": 2}}))  # fmt: skip
    fig.add_hline(y=tol, line={"color": COLORS["grey"], "dash": "dot", "width": 1.5})
    fig.add_annotation(x=0.01, xref="x domain", y=np.log10(tol), text=t("lin.tol_label", lang), showarrow=False,
                       xanchor="left", yanchor="top", font={"color": COLORS["grey"]})  # fmt: skip
    base_layout(fig, height=380)
    values = np.concatenate([run.curve.ravel(), [tol / 10]])
    fig.update_yaxes(**log_axis(np.clip(values, 1e-8, 10)), title_text=t("lin.axis_distance", lang))
    fig.update_xaxes(title_text=t("lin.axis_epoch", lang), range=[0, float(run.curve_epochs[-1])])
    fig.update_layout(legend={"y": 1.05})
    return fig


def equation(theta: np.ndarray, names: tuple[str, ...]) -> str:
    """The fitted model written out: "ŷ = 2.01·x − 0.48" (weights for ``names``, then the bias)."""
    terms = " ".join(f"{'−' if w < 0 else '+'} {num(abs(w))}·{n}" for w, n in zip(theta[:-1], names, strict=True))
    first = terms.removeprefix("+ ").replace("− ", "−", 1) if terms.startswith("− ") else terms.removeprefix("+ ")
    return f"ŷ = {first} {'−' if theta[-1] < 0 else '+'} {num(abs(theta[-1]))}"
