"""Figures of the maximum-likelihood page: the likelihood landscape with the climb to its top."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from i18n import t
from viz.common import add_animated_traces, add_animation, base_layout, prefix, rounded, subplots
from viz.palette import COLORS, SERIES, tint

CLIMB, MLE, TRUE = COLORS["blue"], COLORS["vermillion"], COLORS["black"]
SEQUENTIAL = [[0, "white"], [1, tint(COLORS["blue"], 0.15)]]  # relative likelihood 0 … 1
FACES = [str(k) for k in range(1, 7)]


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_ten(log_value: float) -> str:
    """exp(log_value) written as m×10ⁿ from its logarithm, so values below float64's range still print."""
    exponent10 = log_value / math.log(10)
    e = math.floor(exponent10)
    mantissa = 10 ** (exponent10 - e)
    if round(mantissa, 1) >= 10:
        mantissa, e = mantissa / 10, e + 1
    return f"{mantissa:.1f}×10" + str(e).translate(_SUPERSCRIPT)


def closed_text(dist: str, mle) -> str:
    """The closed-form maximum as the messages write it: "0.6200" or "0.4100, 1.0200", a die's as a tuple."""
    if dist == "die":
        return "(" + ", ".join(f"{v:.3f}" for v in mle) + ")"
    return ", ".join(f"{v:.4f}" for v in mle)


def _names(dist: str, lang: str) -> list[str]:
    """Parameter names as the charts write them."""
    return {"coin": ["p"], "die": [f"p{k}" for k in FACES]}.get(dist, ["μ", "σ"])


def _marker_trace(x, y, name: str, color: str, symbol: str, size: int = 16, **extra) -> go.Scatter:
    return go.Scatter(
        x=rounded(x), y=rounded(y), mode="markers", name=name,
        marker={"color": color, "symbol": symbol, "size": size, "line": {"width": 1.5, "color": "white"}},
        **extra,
    )  # fmt: skip


def mle_figure(dist: str, run, land, lang: str) -> go.Figure:
    """Left: the landscape (curve, bars or map) with the maximum and the climbing point; right: log L and the
    parameters against the step."""
    titles = {
        "coin": ("mle.title_lik_coin", "mle.title_ll_coin"),
        "die": ("mle.title_bars", "mle.title_ll_die"),
        "gaussian": ("mle.title_map", "mle.title_density"),
    }[dist]
    fig = subplots(
        rows=2, cols=2, column_widths=[0.56, 0.44], horizontal_spacing=0.15, vertical_spacing=0.2,  # y titles clear
        subplot_titles=[t(titles[0], lang), t("mle.title_climb", lang), t(titles[1], lang), t("mle.title_params", lang)],
    )  # fmt: skip
    steps = np.arange(len(run.ll))
    path = run.path
    frames_idx = run.frames
    styles: list[dict] = []
    data_fns: list = []

    if dist == "coin":
        p_hat = float(run.mle[0])
        fig.add_trace(go.Scatter(x=rounded(land.xs), y=rounded(land.rel), mode="lines", name=t("mle.trace_lik", lang),
                                 line={"color": COLORS["black"], "width": 3}, hoverinfo="skip"), row=1, col=1)  # fmt: skip
        fig.add_trace(go.Scatter(x=rounded(land.xs), y=rounded(land.ll), mode="lines", name=t("mle.trace_ll", lang),
                                 line={"color": COLORS["black"], "width": 3, "dash": "dash"}, hoverinfo="skip"),
                      row=2, col=1)  # fmt: skip
        fig.add_trace(_marker_trace([p_hat], [1.0], t("mle.trace_max", lang), MLE, "star", 26), row=1, col=1)
        fig.add_trace(_marker_trace([p_hat], [run.max_ll], t("mle.trace_max", lang), MLE, "star", 26,
                                    showlegend=False), row=2, col=1)  # fmt: skip
        fig.add_vline(
            x=float(land.truth[0]), line={"color": COLORS["grey"], "dash": "dot", "width": 2}, row="all", col=1
        )
        rel_path = np.exp(run.ll - run.max_ll)
        styles += [
            {"type": "scatter", "mode": "markers", "xaxis": "x", "yaxis": "y", "name": t("mle.trace_climb", lang),
             "marker": {"color": CLIMB, "size": 11, "line": {"width": 2, "color": "white"}}},
            {"type": "scatter", "mode": "markers", "xaxis": "x3", "yaxis": "y3", "showlegend": False,
             "marker": {"color": CLIMB, "size": 11, "line": {"width": 2, "color": "white"}}},
        ]  # fmt: skip
        data_fns.append(lambda k: [{"x": rounded([path[k, 0]]), "y": rounded([rel_path[k]])},
                                   {"x": rounded([path[k, 0]]), "y": rounded([run.ll[k]])}])  # fmt: skip
    elif dist == "die":
        freq = run.mle
        fig.add_trace(go.Bar(x=FACES, y=rounded(freq), name=t("mle.trace_freq", lang), marker={"color": tint(MLE, 0.45)},
                             hovertemplate="%{x}: %{y:.3f}<extra></extra>"), row=1, col=1)  # fmt: skip
        fig.add_trace(_marker_trace(FACES, land.truth, t("mle.trace_true_p", lang), TRUE, "line-ew-open", 30,
                                    hoverinfo="skip"), row=1, col=1)  # fmt: skip
        fig.update_traces(selector={"name": t("mle.trace_true_p", lang)}, marker_line_width=4, marker_line_color=TRUE)
        fig.add_trace(go.Scatter(x=rounded(land.xs), y=rounded(land.ll), mode="lines", name=t("mle.trace_ll", lang),
                                 line={"color": COLORS["black"], "width": 3, "dash": "dash"}, hoverinfo="skip"),
                      row=2, col=1)  # fmt: skip
        fig.add_trace(_marker_trace([freq[5]], [run.max_ll], t("mle.trace_max", lang), MLE, "star", 26), row=2, col=1)
        styles.append(
            {"type": "scatter", "mode": "markers", "xaxis": "x", "yaxis": "y", "name": t("mle.trace_climb_p", lang),
             "marker": {"color": CLIMB, "size": 16, "symbol": "diamond", "line": {"width": 2, "color": "white"}}}
        )  # fmt: skip
        data_fns.append(lambda k: [{"x": FACES, "y": rounded(path[k])}])
    else:
        fig.add_trace(go.Heatmap(x=rounded(land.xs), y=rounded(land.ys), z=rounded(land.rel), colorscale=SEQUENTIAL,
                                 zmin=0, zmax=1, name=t("mle.trace_lik", lang), showscale=False,
                                 hovertemplate="μ = %{x:.2f}<br>σ = %{y:.2f}<br>L/L̂ = %{z:.3f}<extra></extra>"),
                      row=1, col=1)  # fmt: skip
        # log L below its maximum, so the levels (every 4 down to 40 below) are the same numbers for every sample
        fig.add_trace(
            go.Contour(
                x=rounded(land.xs), y=rounded(land.ys), z=rounded(land.ll - float(run.max_ll)), showscale=False,
                autocontour=False, contours={"coloring": "lines", "start": -40, "end": -0.5, "size": 4},
                colorscale=[[0, COLORS["grey"]], [1, COLORS["grey"]]], line={"width": 1}, hoverinfo="skip",
                name=t("mle.trace_ll_lines", lang),
            ), row=1, col=1,
        )  # fmt: skip
        fig.add_trace(_marker_trace([run.mle[0]], [run.mle[1]], t("mle.trace_max", lang), MLE, "star", 26),
                      row=1, col=1)  # fmt: skip
        fig.add_trace(_marker_trace([land.truth[0]], [land.truth[1]], t("mle.trace_truth", lang), TRUE, "x-thin-open",
                                    16), row=1, col=1)  # fmt: skip
        fig.update_traces(selector={"name": t("mle.trace_truth", lang)}, marker_line_width=3, marker_line_color=TRUE)
        counts, edges = np.histogram(run.x, bins=min(30, max(8, len(run.x) // 8)), density=True)
        fig.add_trace(go.Bar(x=rounded((edges[:-1] + edges[1:]) / 2), y=rounded(counts), width=float(edges[1] - edges[0]),
                             name=t("mle.trace_hist", lang), marker={"color": tint(COLORS["grey"], 0.5)},
                             hoverinfo="skip"), row=2, col=1)  # fmt: skip
        fig.add_trace(go.Scatter(x=rounded(land.density_x), y=rounded(land.true_density), mode="lines",
                                 name=t("mle.trace_true_density", lang),
                                 line={"color": TRUE, "width": 2, "dash": "dot"}), row=2, col=1)  # fmt: skip
        styles += [
            {"type": "scatter", "mode": "lines", "xaxis": "x", "yaxis": "y", "name": t("mle.trace_climb", lang),
             "line": {"color": CLIMB, "width": 3}},
            {"type": "scatter", "mode": "markers", "xaxis": "x", "yaxis": "y", "showlegend": False,
             "marker": {"color": CLIMB, "size": 14, "line": {"width": 2, "color": "white"}}},
            {"type": "scatter", "mode": "lines", "xaxis": "x3", "yaxis": "y3", "name": t("mle.trace_density", lang),
             "line": {"color": CLIMB, "width": 4}},
        ]  # fmt: skip

        def gaussian_data(k: int, j: int) -> list[dict]:
            shown = prefix(path, k, 120)
            return [{"x": rounded(shown[:, 0]), "y": rounded(shown[:, 1])},
                    {"x": rounded([path[k, 0]]), "y": rounded([path[k, 1]])},
                    {"x": rounded(land.density_x), "y": rounded(land.density[j])}]  # fmt: skip

        data_fns.append(gaussian_data)

    styles.append({"type": "scatter", "mode": "lines", "xaxis": "x2", "yaxis": "y2", "name": t("mle.trace_ll_step", lang),
                   "line": {"color": CLIMB, "width": 3}, "showlegend": False})  # fmt: skip
    names = _names(dist, lang)
    for i, name in enumerate(names):
        styles.append({"type": "scatter", "mode": "lines", "xaxis": "x4", "yaxis": "y4", "name": name,
                       "line": {"color": SERIES[i % len(SERIES)], "width": 3}, "legendgroup": "params",
                       "showlegend": False})  # fmt: skip

    def frame_data(j: int) -> dict:
        k = int(frames_idx[j])
        data = []
        for fn in data_fns:
            data += fn(k, j) if dist == "gaussian" else fn(k)
        shown = prefix(steps, k, 120)
        data.append({"x": shown, "y": rounded(run.ll[shown])})
        for i in range(len(names)):
            data.append({"x": shown, "y": rounded(path[shown, i]), "text": [names[i]] * len(shown)})
        values = ", ".join(f"{n} = {v:.3f}" for n, v in zip(names, path[k], strict=True))
        title = t("mle.frame_title", lang, k=k, ll=float(run.ll[k]), values=values if len(names) <= 2 else "")
        return {"name": str(k), "data": data, "layout": {"title": {"text": title}}}

    base_layout(fig, height=900, title=" ")
    frames = add_animated_traces(fig, styles, frame_data, len(frames_idx))
    # The levels the climb reaches, as lines across the step axis ([0, last step], its range), drawn over the
    # curves: traces, not layout shapes, so a new sample moves them in place (ui/chart.js) instead of a react.
    last = len(run.ll) - 1
    fig.add_trace(_level(last, run.max_ll, MLE, 2, "dash"), row=1, col=2)
    for i, value in enumerate(run.mle):
        fig.add_trace(_level(last, value, SERIES[i % len(SERIES)], 1, "dot"), row=2, col=2)
    _axes(fig, dist, run, land, lang)
    fig.update_layout(legend={"y": -0.35, "yanchor": "top"}, margin={"b": 360}, barmode="overlay")
    return add_animation(fig, frames, lang, prefix_key="mle.step_prefix", frame_ms=80, y=-0.09)


def _level(last: int, value: float, colour: str, width: float, dash: str) -> go.Scatter:
    return go.Scatter(x=[0, last], y=[float(value)] * 2, mode="lines", line={"color": colour, "width": width, "dash": dash},
                      hoverinfo="skip", showlegend=False)  # fmt: skip


def _axes(fig: go.Figure, dist: str, run, land, lang: str) -> None:
    low = float(np.quantile(run.ll, 0.02))
    span = max(run.max_ll - low, 1e-3)
    fig.update_yaxes(
        range=[low - 0.05 * span, run.max_ll + 0.1 * span], title_text=t("mle.axis_ll", lang), row=1, col=2
    )
    fig.update_xaxes(title_text=t("mle.axis_step", lang), range=[0, len(run.ll) - 1], row=1, col=2)
    fig.update_xaxes(title_text=t("mle.axis_step", lang), range=[0, len(run.ll) - 1], row=2, col=2)
    fig.update_yaxes(title_text=t("mle.axis_param", lang), row=2, col=2)
    if dist == "coin":
        fig.update_xaxes(range=[0, 1], title_text="p", row=1, col=1)
        fig.update_xaxes(range=[0, 1], title_text="p", row=2, col=1)
        fig.update_yaxes(range=[-0.05, 1.1], title_text=t("mle.axis_rel", lang), row=1, col=1)
        fig.update_yaxes(range=[run.max_ll - 4 * span - 5, run.max_ll + 0.1 * span + 1], title_text=t("mle.axis_ll", lang),
                         row=2, col=1)  # fmt: skip
        fig.update_yaxes(range=[0, 1], row=2, col=2)
    elif dist == "die":
        fig.update_xaxes(title_text=t("mle.axis_face", lang), row=1, col=1)
        fig.update_yaxes(
            range=[0, max(0.6, float(run.mle.max()) * 1.15)], title_text=t("mle.axis_prob", lang), row=1, col=1
        )
        fig.update_xaxes(range=[0, 1], title_text=t("mle.axis_p6", lang), row=2, col=1)
        fig.update_yaxes(range=[run.max_ll - 4 * span - 5, run.max_ll + 0.1 * span + 1], title_text=t("mle.axis_ll", lang),
                         row=2, col=1)  # fmt: skip
        fig.update_yaxes(range=[0, max(0.6, float(run.path.max()) * 1.1)], row=2, col=2)
    else:
        fig.update_xaxes(title_text="μ", range=[float(land.xs[0]), float(land.xs[-1])], row=1, col=1)
        fig.update_yaxes(title_text="σ", range=[float(land.ys[0]), float(land.ys[-1])], row=1, col=1)
        fig.update_xaxes(title_text="x", range=[float(land.density_x[0]), float(land.density_x[-1])], row=2, col=1)
        fig.update_yaxes(title_text=t("mle.axis_density", lang), rangemode="tozero", row=2, col=1)
