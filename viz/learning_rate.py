"""Figures of the learning-rate page: paths, losses and η_k of several runs, and the 50-rate sweep."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from core.common.grids import snapped
from core.common.plotdata import frame_steps
from i18n import t
from i18n.numbers import num
from viz.common import Figure, base_layout, log_safe, prefix, rounded
from viz.descent import add_landmarks, finish_map, map_figure, surface_contour
from viz.fmt import log_axis
from viz.palette import COLORS, SERIES

RUN_DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
RUN_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "star")
LABEL_STYLE = {  # colour and marker shape, so the label is not carried by colour alone
    "slow": ("sky", "circle"),
    "converging": ("green", "square"),
    "oscillating": ("orange", "diamond"),
    "diverging": ("vermillion", "x"),
}


def run_name(lr: float, label: str, lang: str) -> str:
    """Legend name of one run: its rate and its label."""
    return f"η = {lr:g} · {t(f'lr.label.{label}', lang)}"


def _limit_name(critical: float, quadratic: bool, lang: str) -> str:
    return t("lr.trace_limit" if quadratic else "lr.trace_limit_local", lang, limit=f"{critical:.3g}")


def stop_messages(runs, lang: str) -> list[str]:
    """One sentence per run that was stopped as diverging: its rate, step and why."""
    return [
        t(f"lr.stopped_{runs.stop_reason[r]}", lang, lr=runs.lrs[r], step=runs.stop_step[r])
        for r in np.flatnonzero(runs.stop_step >= 0)
    ]


def runs_table(runs, lang: str) -> dict:
    """The per-run table: rate, label, last η_k, first and final loss gap, stop step (and |1 − η_kλ| on a quadratic)."""
    table = {
        t("lr.col_lr", lang): [f"{v:g}" for v in runs.lrs],
        t("lr.col_label", lang): [t(f"lr.label.{v}", lang) for v in runs.labels],
        t("lr.col_last_rate", lang): [f"{v:.4g}" for v in runs.rates[:, -1]],
        t("lr.col_gap0", lang): [f"{v:.4g}" for v in runs.losses[:, 0] - runs.loss_min],
        t("lr.col_gap", lang): [f"{v:.4g}" for v in runs.final_gap],
        t("lr.col_stop", lang): [str(s) if s >= 0 else "—" for s in runs.stop_step],
    }
    if runs.quadratic:
        factors = [np.abs(1 - v * runs.eigvals).max() for v in runs.rates[:, -1]]
        table[t("lr.col_factor", lang)] = [f"{v:.4g}" for v in factors]
    return table


def rate_ticks(lrs, lam: float, span: float = 0.0) -> dict:
    """The marked rates (and the limit 2/λ) as log-axis ticks in the one number format, thinned so that rates a
    few % apart (0.99, 1, 1.01) do not print their labels on top of each other. ``span``: the decades the axis
    shows, when more than the marks cover (a scheduler's η_k falls decades below them: 0.3, 0.5 and 0.65 were
    printed on one another at the top of an axis reaching down to 10⁻⁴)."""
    values = np.unique(np.concatenate([np.asarray(lrs, dtype=np.float64), [2 / lam] if lam > 0 else []]))
    logs = np.log10(values)
    gap = max(float(np.ptp(logs)), 0.3, span) / 8  # about an eighth of the axis between two labels
    kept = [0]
    for i in range(1, len(values)):
        if logs[i] - logs[kept[-1]] >= gap:
            kept.append(i)
    ticks = values[kept]
    return {"tickvals": ticks, "ticktext": [num(v, 3) for v in ticks]}


# The sweep's plot area in px at its smallest (projector width; 480 − 100 − 140 px high): label room is judged
# there, so it holds wherever the chart is wider. A rate's label is text of the app's font (15 px) beside its
# 18 px marker; the sweep's markers are 10 px.
SWEEP_PX = (560.0, 240.0)
DIGIT_PX, TEXT_PX = 9.0, 18.0
RUN_MARK_PX, SWEEP_MARK_PX = 18.0, 10.0
SIDES = ("top center", "bottom center", "middle right", "middle left", "top right", "top left", "bottom right",
         "bottom left")  # fmt: skip


def _label_box(x: float, y: float, side: str, chars: int) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) in px of a label of ``chars`` characters written at ``side`` of a run marker
    at (x, y) (px, y up), where plotly.js puts it: off the marker by its radius / 0.8 + 1 px on each side named."""
    w, h, r = chars * DIGIT_PX, TEXT_PX, RUN_MARK_PX / 2 / 0.8 + 1
    vertical, horizontal = side.split()
    left = {"left": x - r - w, "center": x - w / 2, "right": x + r}[horizontal]
    bottom = {"top": y + r, "middle": y - h / 2, "bottom": y - r - h}[vertical]
    return left, bottom, left + w, bottom + h


def _overlaps(box, other) -> bool:
    return box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]


def label_sides(runs_xy, sweep_xy, x_range, y_range, texts) -> list[str | None]:
    """Where each marked run's rate is written on the sweep: the first side of its marker (above, below, right,
    left, then the corners) where the text lies inside the plot and on no marker (the sweep's or a run's) and no
    other rate's text, or not at all (the legend names every run by its symbol). ``runs_xy``, ``sweep_xy``: (rate, loss gap)
    pairs; ``x_range``, ``y_range``: the log axes' ranges (decades). 0.45 was written on the sweep's 0.42, and
    0.55 on 0.65 ("cosine")."""
    (w, h), (x0, x1), (y0, y1) = SWEEP_PX, x_range, y_range

    def px(lr, gap):
        return (math.log10(lr) - x0) / (x1 - x0) * w, (math.log10(gap) - y0) / (y1 - y0) * h

    def mark(xy, size):
        x, y = xy
        return x - size / 2, y - size / 2, x + size / 2, y + size / 2

    runs = [px(lr, gap) if lr > 0 and gap > 0 else None for lr, gap in runs_xy]
    taken = [mark(px(lr, gap), SWEEP_MARK_PX) for lr, gap in sweep_xy if lr > 0 and gap > 0]
    taken += [mark(xy, RUN_MARK_PX) for xy in runs if xy is not None]
    sides: list[str | None] = [None] * len(runs)
    for r in sorted((i for i, xy in enumerate(runs) if xy is not None), key=lambda i: runs_xy[i][0]):
        for side in SIDES:
            box = _label_box(*runs[r], side, len(texts[r]))
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= w and box[3] <= h
            if inside and not any(_overlaps(box, other) for other in taken):
                sides[r] = side
                taken.append(box)
                break
    return sides


def runs_figure(runs, grid, surface, box, lang: str) -> go.Figure:
    """Contour map with every run's path, the loss gap per step (log) and each run's η_k, on one slider."""
    count, steps = runs.paths.shape[0], runs.paths.shape[1] - 1
    last = np.where(runs.stop_step >= 0, runs.stop_step, steps)
    gaps = log_safe(runs.losses - runs.loss_min)  # (R, n+1)
    titles = [t("lr.map_title", lang), t("lr.loss_title", lang), t("lr.rate_title", lang)]
    # the y titles of the loss gap and of η_k clear of the map, with η_k labels as wide as 2/λ = 0.000956 (Rosenbrock)
    fig = map_figure(titles, widths=(0.5, 0.5), gaps=(0.19, 0.22))
    fig.add_trace(surface_contour(grid, surface, lang), row=1, col=1)
    add_landmarks(fig, surface, runs.paths[0, 0], lang)
    lam = float(runs.eigvals[-1])
    for r in range(count):
        color = SERIES[r % len(SERIES)]
        fig.add_trace(
            go.Scatter(
                x=np.arange(steps),
                y=rounded(runs.rates[r]),
                mode="lines",
                line_shape="hv",
                legendgroup=str(r),
                showlegend=False,
                line={"color": color, "width": 2, "dash": RUN_DASHES[r % 6]},
                hovertemplate="k = %{x}<br>η_k = %{y:.4g}<extra></extra>",
            ),
            row=2,
            col=2,
        )
    if lam > 0 and steps:
        fig.add_trace(
            go.Scatter(
                x=[0, steps - 1],
                y=[2 / lam, 2 / lam],
                mode="lines",
                name=_limit_name(2 / lam, surface.quadratic, lang),
                line={"color": COLORS["black"], "width": 2, "dash": "dash"},
            ),
            row=2,
            col=2,
        )
    paths, curves = [], []  # per run: its path on the map, its loss gap per step
    for r in range(count):
        color, name = SERIES[r % len(SERIES)], run_name(runs.lrs[r], runs.labels[r], lang)
        look = {
            "type": "scatter",
            "legendgroup": str(r),
            "line": {"color": color, "width": 3, "dash": RUN_DASHES[r % 6]},
        }
        marker = {"size": 6, "symbol": RUN_SYMBOLS[r % 6], "color": color}
        paths.append(look | {"mode": "lines+markers", "name": name, "xaxis": "x", "yaxis": "y", "marker": marker,
                             "hovertemplate": name + "<br>θ = (%{x:.3f}, %{y:.3f})<extra></extra>"})  # fmt: skip
        curves.append(look | {"mode": "lines", "showlegend": False, "xaxis": "x2", "yaxis": "y2",
                              "hovertemplate": name + "<br>k = %{x}<br>L − L_min = %{y:.4g}<extra></extra>"})  # fmt: skip
    styles = paths + curves
    styles.append(
        {
            "type": "scatter",
            "mode": "lines",
            "name": t("lr.trace_now", lang),
            "xaxis": "x3",
            "yaxis": "y3",
            "line": {"color": COLORS["grey"], "width": 2},
            "hoverinfo": "skip",
        }
    )
    frames = frame_steps(steps)
    rate_lo = float(np.min(runs.rates)) if steps else 1.0
    rate_hi = max(float(np.max(runs.rates)) if steps else 1.0, 2 / lam if lam > 0 else 0)

    def frame_data(j: int) -> dict:
        k = int(frames[j])
        data = []
        for r in range(count):
            path = prefix(runs.paths[r], min(k, last[r]))
            data.append({"x": rounded(path[:, 0]), "y": rounded(path[:, 1])})
        for r in range(count):
            ks = prefix(np.arange(steps + 1), min(k, last[r]))
            data.append({"x": ks, "y": rounded(gaps[r, ks])})
        data.append({"x": [k, k], "y": rounded([rate_lo / 1.5, rate_hi * 1.5])})
        return {"name": str(k), "data": data}

    # the step axes snapped up to about an eighth of the steps: a step more or fewer keeps them, where a range that
    # ended at the last step laid both curve panels out again at every new step count
    end = snapped(0.0, float(max(steps, 1)), parts=8)[1]
    fig.update_xaxes(title_text=t("lr.axis_step", lang), range=[0, end], row=1, col=2)
    fig.update_yaxes(title_text=t("lr.axis_gap", lang), **log_axis(gaps), row=1, col=2)
    fig.update_xaxes(title_text=t("lr.axis_step", lang), range=[0, end], row=2, col=2)
    positive = runs.rates[runs.rates > 0]  # the η_k curves and the "now" line set the axis's autorange
    span = math.log10(rate_hi * 1.5 / (float(positive.min()) / 1.5)) if positive.size else 0.0
    fig.update_yaxes(title_text=t("lr.axis_rate", lang), type="log", row=2, col=2, **rate_ticks(runs.lrs, lam, span))
    fig.update_traces(colorbar_y=-0.12, selector={"type": "contour"})
    return finish_map(fig, styles, frame_data, len(frames), box, lang, height=820, legend_y=-0.5, bottom=220,
                      slider_y=-0.2)  # fmt: skip


def sweep_figure(sweep, runs, lang: str) -> go.Figure:
    """Final loss gap after the run against ~50 log-spaced rates, coloured by label, with 2/λ_max marked."""
    fig = Figure()
    for label, (color, symbol) in LABEL_STYLE.items():
        pick = np.asarray(sweep.labels) == label
        if not pick.any():
            continue
        fig.add_trace(
            go.Scatter(
                x=rounded(sweep.lrs[pick]),
                y=rounded(log_safe(sweep.final_gap[pick])),
                mode="markers",
                name=t(f"lr.label.{label}", lang),
                marker={"size": 10, "color": COLORS[color], "symbol": symbol},
                hovertemplate="η = %{x:.4g}<br>L_n − L_min = %{y:.3g}<extra>"
                + t(f"lr.label.{label}", lang)
                + "</extra>",
            )
        )
    steps = runs.paths.shape[1] - 1
    finals = log_safe(runs.final_gap)
    x_axis, y_axis = log_axis(sweep.lrs), log_axis(log_safe(sweep.final_gap))
    texts = [f"{lr:g}" for lr in runs.lrs]
    sides = label_sides(list(zip(runs.lrs, finals, strict=True)), list(zip(sweep.lrs, log_safe(sweep.final_gap), strict=True)),
                        x_axis["range"], y_axis["range"], texts)  # fmt: skip
    for r, lr in enumerate(runs.lrs):
        fig.add_trace(
            go.Scatter(
                x=[lr],
                y=rounded([finals[r]]),
                mode="markers+text",
                name=run_name(lr, runs.labels[r], lang),
                text=[texts[r]] if sides[r] else [],
                textposition=sides[r] or "top center",
                marker={
                    "size": 18,
                    "symbol": f"{RUN_SYMBOLS[r % 6]}-open",
                    "line": {"width": 3},
                    "color": SERIES[r % len(SERIES)],
                },
            )
        )
    if np.isfinite(sweep.critical):
        lines = [(sweep.critical, _limit_name(sweep.critical, sweep.quadratic, lang), "dash")]
        if sweep.quadratic:
            lines.append((sweep.critical / 2, t("lr.trace_overshoot", lang, limit=f"{sweep.critical / 2:.3g}"), "dot"))
        for (x, text, dash), side in zip(lines, ("left", "right"), strict=False):
            fig.add_vline(x=x, line={"color": COLORS["black"], "width": 2, "dash": dash})
            fig.add_annotation(
                x=np.log10(x),
                y=1,
                yref="paper",
                text=text,
                showarrow=False,
                xanchor=side,
                yanchor="bottom",
                font={"size": 13},
                xshift=4 if side == "left" else -4,
            )
    fig.update_xaxes(**x_axis, title_text=t("lr.axis_sweep_lr", lang))
    fig.update_yaxes(**y_axis, title_text=t("lr.axis_sweep_gap", lang, steps=steps))
    title = t("lr.sweep_title", lang, count=len(sweep.lrs), steps=steps)
    base_layout(fig, height=480, title=title, legend_y=-0.22, margin={"b": 140, "t": 100})
    return fig
