"""Figures of the overfitting page: polynomial fits with the U of validation error, the learning curve,
and an MLP's loss curves with the early-stopping epoch."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from i18n import t
from viz.common import Figure, add_animated_traces, add_animation, base_layout, prefix, rounded, subplots
from viz.fmt import log_axis
from viz.palette import COLORS, SERIES, TEST, TRAIN, rgba

Y_RANGE = (-2.4, 2.4)  # the curve's own range is ±1; wild polynomials are cut at the panel edge
FIT, KEPT = SERIES[0], COLORS["green"]
# An interpolating polynomial's training error (~10⁻²⁹) is drawn at ERR_FLOOR and a wild one's validation error
# (up to ~10⁹) at ERR_CAP: five decades keep the U readable; hover shows the true values.
ERR_FLOOR, ERR_CAP = 1e-4, 10.0


def _clip(values: np.ndarray) -> np.ndarray:
    """Values beyond the panel drawn just past its edge, so a wild polynomial leaves the panel instead of vanishing."""
    return rounded(np.clip(values, Y_RANGE[0] - 0.5, Y_RANGE[1] + 0.5))


def _data_traces(fig: go.Figure, data, lang: str, **where) -> None:
    fig.add_trace(
        go.Scatter(
            x=rounded(data.grid), y=rounded(data.truth), mode="lines", name=t("over.trace_truth", lang),
            line={"color": COLORS["grey"], "width": 2, "dash": "dot"}, hoverinfo="skip",
        ), **where,
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=rounded(data.x_val), y=rounded(data.y_val), mode="markers", name=t("over.trace_val_points", lang),
            marker={"color": TEST, "size": 6, "symbol": "circle-open", "line": {"width": 1.5}, "opacity": 0.7},
            hovertemplate="x = %{x:.2f}<br>y = %{y:.2f}<extra></extra>",
        ), **where,
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=rounded(data.x_train), y=rounded(data.y_train), mode="markers", name=t("over.trace_train_points", lang),
            marker={"color": TRAIN, "size": 10, "line": {"width": 1.5, "color": "white"}},
            hovertemplate="x = %{x:.2f}<br>y = %{y:.2f}<extra></extra>",
        ), **where,
    )  # fmt: skip


def _err(values) -> np.ndarray:
    """Errors as drawn on a log axis: within [ERR_FLOOR, ERR_CAP]."""
    return rounded(np.clip(np.asarray(values, dtype=np.float64), ERR_FLOOR, ERR_CAP))


def _error_axis(*arrays) -> dict:
    """A log axis spanning every drawn error (zeros, such as a noise floor of 0, left out)."""
    values = np.concatenate([np.asarray(a, dtype=np.float64).ravel() for a in arrays])
    return log_axis(np.clip(values[values > 0], ERR_FLOOR, ERR_CAP))


def _noise_floor(fig: go.Figure, floor: float, lang: str, **where) -> None:
    """A dashed line at σ²: no model can do better than this on new points, on average."""
    if floor > 0:
        fig.add_hline(
            y=floor, line={"color": COLORS["grey"], "width": 2, "dash": "dash"},
            annotation={"text": t("over.noise_floor", lang), "font": {"color": COLORS["black"]}},
            annotation_position="bottom right", **where,
        )  # fmt: skip


def _with_active(fig: go.Figure, frames: list[dict], active: int) -> None:
    """Show frame ``active`` (not the last) when the page opens: the traces and title take its data."""
    frame = frames[active]
    for index, data in zip(frame["traces"], frame["data"], strict=True):
        fig.data[index].update({k: v for k, v in data.items() if k != "type"})
    if "layout" in frame:
        fig.update_layout(frame["layout"])


def poly_figure(sweep, degree: int, lang: str) -> go.Figure:
    """The fitted polynomial of each degree (frames) beside train and validation error against degree."""
    fig = subplots(
        rows=1, cols=2, column_widths=[0.52, 0.48], horizontal_spacing=0.16,
        subplot_titles=[t("over.fit_title", lang), t("over.u_title", lang)],
    )  # fmt: skip
    _data_traces(fig, sweep.data, lang, row=1, col=1)
    degrees = sweep.degrees
    for values, key, color, dash, symbol in (
        (sweep.train_mse, "over.trace_train_err", TRAIN, "solid", "circle"),
        (sweep.val_mse, "over.trace_val_err", TEST, "dash", "square"),
    ):
        fig.add_trace(
            go.Scatter(
                x=degrees, y=_err(values), customdata=rounded(values), mode="lines+markers", name=t(key, lang),
                line={"color": color, "width": 3, "dash": dash}, marker={"symbol": symbol, "size": 7, "color": color},
                hovertemplate=t("over.hover_degree", lang) + "<extra></extra>",
            ), row=1, col=2,
        )  # fmt: skip
    best = sweep.best_degree
    fig.add_trace(
        go.Scatter(
            x=[best], y=_err([sweep.val_mse[best - 1]]), mode="markers+text", text=[t("over.best_label", lang)],
            textposition="bottom center", textfont={"color": KEPT, "size": 15},
            marker={"symbol": "star", "size": 18, "color": KEPT, "line": {"width": 1, "color": "white"}},
            name=t("over.trace_best_degree", lang, d=best), hoverinfo="skip",
        ), row=1, col=2,
    )  # fmt: skip
    _noise_floor(fig, sweep.noise_floor, lang, row=1, col=2)
    axis = _error_axis(sweep.train_mse, sweep.val_mse, [sweep.noise_floor])
    low, high = (10**v for v in axis["range"])
    styles = [
        {"type": "scatter", "mode": "lines", "xaxis": "x", "yaxis": "y", "name": t("over.trace_fit", lang),
         "line": {"color": FIT, "width": 4}, "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines", "xaxis": "x2", "yaxis": "y2", "showlegend": False,
         "line": {"color": FIT, "width": 2, "dash": "dot"}, "hoverinfo": "skip"},
        {"type": "scatter", "mode": "markers", "xaxis": "x2", "yaxis": "y2", "showlegend": False,
         "marker": {"color": FIT, "size": 14, "symbol": ["circle", "square"], "line": {"width": 2, "color": "white"}},
         "hoverinfo": "skip"},
    ]  # fmt: skip

    def frame_data(j: int) -> dict:
        d = int(degrees[j])
        train, val = float(sweep.train_mse[j]), float(sweep.val_mse[j])
        title = t("over.frame_title", lang, d=d, train=train, val=val)
        return {
            "name": str(d),
            "data": [
                {"x": rounded(sweep.data.grid), "y": _clip(sweep.curves[j])},
                {"x": [d, d], "y": [low, high]},
                {"x": [d, d], "y": _err([train, val])},
            ],
            "layout": {"title": {"text": title}},
        }

    base_layout(fig, height=760, title=" ")
    frames = add_animated_traces(fig, styles, frame_data, len(degrees))
    _with_active(fig, frames, degree - 1)
    fig.update_xaxes(range=[-0.02, 1.02], title_text="x", row=1, col=1)
    fig.update_yaxes(range=list(Y_RANGE), title_text="y", row=1, col=1)
    fig.update_xaxes(range=[0.5, 15.5], tick0=1, dtick=2, title_text=t("over.axis_degree", lang), row=1, col=2)
    fig.update_yaxes(**axis, title_text=t("over.axis_mse", lang), row=1, col=2)
    fig.update_layout(legend={"y": -0.5, "yanchor": "top"}, margin={"b": 350})
    return add_animation(fig, frames, lang, active=degree - 1, prefix_key="over.degree_prefix", frame_ms=400, y=-0.17)


def size_figure(sweep, n: int, lang: str) -> go.Figure:
    """Train and validation error against the number of training points, for the chosen degree (and 15)."""
    fig = Figure()
    for i, d in enumerate(sweep.size_degrees):
        main = i == 0
        for values, key, color, dash, symbol in (
            (sweep.size_train[i], "over.trace_train_size", TRAIN, "solid", "circle"),
            (sweep.size_val[i], "over.trace_val_size", TEST, "dash", "square"),
        ):
            fig.add_trace(
                go.Scatter(
                    x=sweep.sizes, y=_err(values), customdata=rounded(values), mode="lines+markers",
                    name=t(key, lang, d=d), opacity=1.0 if main else 0.45,
                    line={"color": color, "width": 4 if main else 2, "dash": dash},
                    marker={"symbol": symbol if main else f"{symbol}-open", "size": 9 if main else 7, "color": color},
                    hovertemplate=t("over.hover_size", lang) + "<extra></extra>",
                )
            )  # fmt: skip
    fig.add_vline(x=n, line={"color": FIT, "width": 2, "dash": "dot"})
    fig.add_annotation(
        x=n, y=1, yref="paper", yanchor="bottom", text=t("over.size_now", lang, n=n), showarrow=False,
        font={"color": FIT}, xanchor="left",
    )  # fmt: skip
    _noise_floor(fig, sweep.noise_floor, lang)
    base_layout(fig, height=460, title=t("over.size_title", lang))
    fig.update_xaxes(title_text=t("over.axis_size", lang), range=[0, 210])
    fig.update_yaxes(
        **_error_axis(sweep.size_train, sweep.size_val, [sweep.noise_floor]), title_text=t("over.axis_mse", lang)
    )
    fig.update_layout(legend={"y": -0.25, "yanchor": "top", "x": 0}, margin={"b": 130, "t": 90})
    return fig


def mlp_figure(run, lang: str) -> go.Figure:
    """The MLP's prediction at each epoch (frames) beside its train and validation loss, early stopping marked."""
    fig = subplots(
        rows=1, cols=2, column_widths=[0.45, 0.55], horizontal_spacing=0.13,
        subplot_titles=[t("over.mlp_fit_title", lang), t("over.loss_title", lang)],
    )  # fmt: skip
    _data_traces(fig, run.data, lang, row=1, col=1)
    fig.add_trace(
        go.Scatter(
            x=rounded(run.data.grid), y=_clip(run.best_curve), mode="lines", name=t("over.trace_kept", lang),
            line={"color": KEPT, "width": 3, "dash": "dash"}, hoverinfo="skip",
        ), row=1, col=1,
    )  # fmt: skip
    epochs = np.arange(len(run.train_loss))
    best, stop = run.best_epoch, run.stop_epoch
    end = stop if stop is not None else epochs[-1]
    fig.add_vrect(x0=best, x1=end, fillcolor=rgba(KEPT, 0.12), line_width=0, row=1, col=2, exclude_empty_subplots=False)
    fig.add_vline(x=best, line={"color": KEPT, "width": 3, "dash": "dash"}, row=1, col=2, exclude_empty_subplots=False)
    fig.add_annotation(
        x=best, y=0.98, xref="x2", yref="y2 domain", yanchor="top", xanchor="right", showarrow=False,
        text=t("over.best_epoch_label", lang, e=best), font={"color": KEPT}, bgcolor="rgba(255,255,255,0.8)",
    )  # fmt: skip
    if stop is not None:
        fig.add_vline(
            x=stop,
            line={"color": COLORS["grey"], "width": 2, "dash": "dot"},
            row=1,
            col=2,
            exclude_empty_subplots=False,
        )
        fig.add_annotation(
            x=stop, y=0.86, xref="x2", yref="y2 domain", yanchor="top", xanchor="left", showarrow=False,
            text=t("over.stop_label", lang, e=stop), font={"color": COLORS["black"]}, bgcolor="rgba(255,255,255,0.8)",
        )  # fmt: skip
    styles = [
        {"type": "scatter", "mode": "lines", "xaxis": "x", "yaxis": "y", "name": t("over.trace_mlp", lang),
         "line": {"color": FIT, "width": 4}, "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines", "xaxis": "x2", "yaxis": "y2", "name": t("over.trace_train_loss", lang),
         "line": {"color": TRAIN, "width": 3}},
        {"type": "scatter", "mode": "lines", "xaxis": "x2", "yaxis": "y2", "name": t("over.trace_val_loss", lang),
         "line": {"color": TEST, "width": 3, "dash": "dash"}},
    ]  # fmt: skip

    def frame_data(j: int) -> dict:
        k = int(run.frames[j])
        steps = prefix(epochs, k, 200)
        title = t("over.mlp_frame_title", lang, e=k, train=float(run.train_loss[k]), val=float(run.val_loss[k]))
        return {
            "name": str(k),
            "data": [
                {"x": rounded(run.data.grid), "y": _clip(run.curves[j])},
                {"x": steps, "y": rounded(run.train_loss[steps])},
                {"x": steps, "y": rounded(run.val_loss[steps])},
            ],
            "layout": {"title": {"text": title}},
        }

    base_layout(fig, height=760, title=" ")
    frames = add_animated_traces(fig, styles, frame_data, len(run.frames))
    fig.update_xaxes(range=[-0.02, 1.02], title_text="x", row=1, col=1)
    fig.update_yaxes(range=list(Y_RANGE), title_text="y", row=1, col=1)
    fig.update_xaxes(range=[0, epochs[-1]], title_text=t("over.axis_epoch", lang), row=1, col=2)
    # A linear axis zoomed on the validation minimum: the rise after it is the point (early epochs leave the top).
    top = max(2.5 * float(run.val_loss.min()), 1.15 * float(run.val_loss[-1]))
    fig.update_yaxes(range=[0, top], title_text=t("over.axis_mse", lang), row=1, col=2)
    fig.update_layout(legend={"y": -0.5, "yanchor": "top"}, margin={"b": 350})
    return add_animation(fig, frames, lang, prefix_key="over.epoch_prefix", y=-0.17)
