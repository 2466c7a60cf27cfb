"""Figures of the loss-functions page: lines fitted with each loss as an outlier moves, the losses of a
residual with their derivatives, and the classification losses."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.common.grids import snapped
from i18n import t
from i18n.numbers import num
from viz.common import add_animated_traces, add_animation, base_layout, rounded, subplots
from viz.palette import CLASS, COLORS, SERIES, rgba

LOSS_COLOR = {"mse": SERIES[0], "mae": SERIES[1], "huber": SERIES[2]}
LOSS_DASH = {"mse": "solid", "mae": "dash", "huber": "dot"}
X_RANGE = (0.0, 10.0)


def fits_figure(fits, delta: float, lang: str) -> go.Figure:
    """Three panels (MSE, MAE, Huber): the inliers, each loss's line, and the outlier moving into place."""
    names = ("mse", "mae", "huber")
    titles = [t(f"loss.name.{n}", lang) + (f" (δ = {delta:g})" if n == "huber" else "") for n in names]
    fig = subplots(rows=1, cols=3, subplot_titles=titles, shared_yaxes=True, horizontal_spacing=0.04)
    heights = np.concatenate([fits.y, fits.outlier_y])
    # a unit beyond the points, snapped: the outlier slider moves the top by 0.5 a step, and a range that followed
    # it exactly laid all three panels out again at every step; it now moves every third or fourth
    lo, hi = snapped(float(heights.min()) - 1.0, float(heights.max()) + 1.0)
    xs = np.array(X_RANGE)
    x_all = np.append(fits.x, fits.outlier_x)
    for k in range(3):
        col = k + 1
        w0, b0 = fits.theta[k, 0]
        fig.add_trace(
            go.Scatter(x=xs, y=rounded(w0 * xs + b0), mode="lines", name=t("loss.trace_clean", lang),
                       legendgroup="clean", showlegend=k == 0, hoverinfo="skip",
                       line={"color": COLORS["grey"], "width": 2, "dash": "dash"}),
            row=1, col=col,
        )  # fmt: skip
        fig.add_trace(
            go.Scatter(x=rounded(fits.x), y=rounded(fits.y), mode="markers", name=t("loss.trace_points", lang),
                       legendgroup="points", showlegend=k == 0,
                       marker={"color": COLORS["black"], "size": 9, "line": {"color": "white", "width": 1}},
                       hovertemplate="x = %{x:.2f}<br>y = %{y:.2f}<extra></extra>"),
            row=1, col=col,
        )  # fmt: skip
    styles = []
    for k, name in enumerate(names):
        axes = {"xaxis": "x" if k == 0 else f"x{k + 1}", "yaxis": "y" if k == 0 else f"y{k + 1}"}
        styles += [
            {"type": "scatter", "mode": "lines", "showlegend": False, "hoverinfo": "skip",
             "line": {"color": rgba(COLORS["vermillion"], 0.5), "width": 1.5}} | axes,
            {"type": "scatter", "mode": "lines", "name": t(f"loss.name.{name}", lang), "showlegend": False,
             "line": {"color": LOSS_COLOR[name], "width": 4, "dash": LOSS_DASH[name]},
             "hovertemplate": "w = %{customdata[0]:.3f}<br>b = %{customdata[1]:.3f}<extra></extra>"} | axes,
            {"type": "scatter", "mode": "markers", "name": t("loss.trace_outlier", lang), "legendgroup": "outlier",
             "showlegend": k == 0,
             "marker": {"color": COLORS["vermillion"], "size": 15, "symbol": "diamond",
                        "line": {"color": COLORS["black"], "width": 1.5}},
             "hovertemplate": "x = %{x:.2f}<br>y = %{y:.2f}<extra></extra>"} | axes,
        ]  # fmt: skip

    def frame(j: int) -> dict:
        data = []
        for k in range(3):
            w, b = fits.theta[k, j]
            y_all = np.append(fits.y, fits.outlier_y[j])
            seg_x = np.column_stack([x_all, x_all, np.full_like(x_all, np.nan)]).ravel()
            seg_y = np.column_stack([y_all, w * x_all + b, np.full_like(x_all, np.nan)]).ravel()
            data += [
                {"x": rounded(seg_x), "y": rounded(seg_y)},
                {"x": xs, "y": rounded(w * xs + b), "customdata": [[w, b]] * 2},
                {"x": [fits.outlier_x], "y": [float(fits.outlier_y[j])]},
            ]
        return {"name": f"{fits.offsets[j]:+.1f}", "data": data}

    frames = add_animated_traces(fig, styles, frame, len(fits.offsets))
    base_layout(fig, height=500)
    fig.update_layout(legend={"y": 1.13}, margin={"t": 100})
    fig.update_xaxes(range=X_RANGE, title_text="x")
    fig.update_yaxes(range=[lo, hi])
    fig.update_yaxes(title_text="y", row=1, col=1)
    return add_animation(fig, frames, lang, prefix_key="loss.outlier_prefix", y=-0.2)


def residual_figure(curves, delta: float, lang: str) -> go.Figure:
    """ℓ(r) and dℓ/dr of MSE, MAE and Huber(δ), with ±δ marked."""
    fig = subplots(rows=1, cols=2, subplot_titles=[t("loss.curve_title", lang), t("loss.grad_title", lang)],
                   horizontal_spacing=0.12)  # fmt: skip
    for k, name in enumerate(("mse", "mae", "huber")):
        for col, values in ((1, curves.loss[k]), (2, curves.grad[k])):
            fig.add_trace(
                go.Scatter(x=rounded(curves.r), y=rounded(values), mode="lines", name=t(f"loss.name.{name}", lang),
                           legendgroup=name, showlegend=col == 1,
                           line={"color": LOSS_COLOR[name], "width": 3, "dash": LOSS_DASH[name]},
                           hovertemplate="r = %{x:.2f}<br>%{y:.3f}<extra></extra>"),
                row=1, col=col,
            )  # fmt: skip
    for col in (1, 2):
        for side in (-delta, delta):
            fig.add_vline(x=side, line={"color": COLORS["grey"], "width": 1, "dash": "dot"}, row=1, col=col)
    fig.add_annotation(x=delta, y=0.92, yref="y domain", text="δ", showarrow=False, xanchor="left", yanchor="top",
                       font={"size": 18}, row=1, col=1)  # fmt: skip
    base_layout(fig, height=400)
    fig.update_layout(legend={"y": 1.16}, margin={"t": 110})
    fig.update_xaxes(title_text=t("loss.axis_residual", lang))
    fig.update_yaxes(range=[0, 8], title_text="ℓ(r)", row=1, col=1)
    fig.update_yaxes(range=[-4.5, 4.5], title_text="dℓ/dr", row=1, col=2)
    return fig


def class_figure(c, temperature: float, dtype: str, lang: str) -> go.Figure:
    """BCE/CE vs p(true class); BCE vs MSE-on-sigmoid gradients; softmax(z/T); stable vs naive BCE."""
    titles = [t("loss.ce_title", lang), t("loss.sat_title", lang), t("loss.softmax_title", lang, T=temperature),
              t("loss.naive_title", lang, dtype=dtype)]  # fmt: skip
    # spacing: the right panels' y titles clear of the left ones
    fig = subplots(rows=2, cols=2, subplot_titles=titles, horizontal_spacing=0.15, vertical_spacing=0.22)
    line = {"width": 3}
    fig.add_trace(go.Scatter(x=rounded(c.p), y=rounded(c.ce), name=t("loss.trace_ce", lang),
                             line=line | {"color": SERIES[3]}, legend="legend"), row=1, col=1)  # fmt: skip
    fig.add_trace(go.Scatter(x=rounded(c.p), y=rounded(c.mse_p), name=t("loss.trace_mse_p", lang),
                             line=line | {"color": SERIES[0], "dash": "dash"}, legend="legend"), row=1, col=1)  # fmt: skip
    fig.add_trace(go.Scatter(x=rounded(c.z), y=rounded(c.grad_bce), name=t("loss.trace_grad_bce", lang),
                             line=line | {"color": SERIES[3]}, legend="legend2"), row=1, col=2)  # fmt: skip
    fig.add_trace(go.Scatter(x=rounded(c.z), y=rounded(c.grad_mse), name=t("loss.trace_grad_mse", lang),
                             line=line | {"color": SERIES[0], "dash": "dash"}, legend="legend2"), row=1, col=2)  # fmt: skip
    labels = [t("loss.class_label", lang, k=k) for k in range(len(c.softmax))]
    fig.add_trace(go.Bar(x=labels, y=rounded(c.softmax_1), name="T = 1", marker={"color": "rgba(0,0,0,0)",
                         "line": {"color": COLORS["black"], "width": 2}}, width=0.8, legend="legend3"), row=2, col=1)  # fmt: skip
    fig.add_trace(go.Bar(x=labels, y=rounded(c.softmax), name=f"T = {temperature:g}", width=0.5,
                         marker={"color": [CLASS[0], *[COLORS["grey"]] * (len(labels) - 1)]},
                         text=[f"{p:.2f}" for p in c.softmax], textposition="outside", legend="legend3"), row=2, col=1)  # fmt: skip
    fig.add_trace(go.Scatter(x=rounded(c.wide), y=rounded(c.stable), name="BCEWithLogitsLoss",
                             line=line | {"color": SERIES[1]}, legend="legend4"), row=2, col=2)  # fmt: skip
    finite = np.isfinite(c.naive)
    fig.add_trace(go.Scatter(x=rounded(c.wide), y=np.where(finite, c.naive, np.nan), name=t("loss.trace_naive", lang),
                             line=line | {"color": SERIES[3], "dash": "dash"}, legend="legend4"), row=2, col=2)  # fmt: skip
    top = 130.0
    for mark, where, symbol in (("inf", np.isinf(c.naive), "triangle-up"), ("nan", np.isnan(c.naive), "x")):
        if where.any():
            fig.add_trace(go.Scatter(x=rounded(c.wide[where][::4]), y=np.full(len(c.wide[where][::4]), top - 8.0),
                                     mode="markers", name=t(f"loss.trace_{mark}", lang), legend="legend4",
                                     marker={"symbol": symbol, "size": 9, "color": COLORS["vermillion"]},
                                     hovertemplate="z = %{x}<br>" + mark + "<extra></extra>"),
                          row=2, col=2)  # fmt: skip
    base_layout(fig, height=760)
    # One legend inside each panel, in its emptiest corner.
    box = {"bgcolor": "rgba(255,255,255,0.85)", "orientation": "v", "font": {"size": 14}}
    corners = {"legend": (1, "right", "top"), "legend2": (2, "left", "middle"), "legend3": (3, "right", "top"),
               "legend4": (4, "right", "middle")}  # fmt: skip
    for name, (panel, xanchor, yanchor) in corners.items():
        xd = fig.layout[f"xaxis{'' if panel == 1 else panel}"].domain
        yd = fig.layout[f"yaxis{'' if panel == 1 else panel}"].domain
        x = xd[1] - 0.01 if xanchor == "right" else xd[0] + 0.01
        y = yd[1] - 0.01 if yanchor == "top" else (yd[0] + yd[1]) / 2
        fig.update_layout({name: box | {"x": x, "y": y, "xanchor": xanchor, "yanchor": yanchor}})
    fig.update_layout(barmode="overlay")
    fig.update_xaxes(title_text=t("loss.axis_p", lang), row=1, col=1)
    fig.update_yaxes(range=[0, 5], title_text=t("loss.axis_loss", lang), row=1, col=1)
    fig.update_xaxes(title_text=t("loss.axis_z", lang), row=1, col=2)
    fig.update_yaxes(title_text="dL/dz", row=1, col=2)
    fig.update_yaxes(range=[0, 1.12], title_text=t("loss.axis_prob", lang), row=2, col=1)
    fig.update_xaxes(title_text=t("loss.axis_z", lang), row=2, col=2)
    fig.update_yaxes(range=[0, top], title_text=t("loss.axis_loss", lang), row=2, col=2)
    return fig


def table_rows(c, lang: str) -> dict:
    """The naive-vs-stable table as columns of text (inf and nan written as such)."""

    def cell(v: float) -> str:
        return "nan" if np.isnan(v) else ("inf" if np.isposinf(v) else "−inf" if np.isneginf(v) else num(v))

    cols = ("loss.col_naive", "loss.col_naive_grad", "loss.col_stable", "loss.col_stable_grad")
    return {"z": [f"{z:g}" for z in c.table_z]} | {
        t(key, lang): [cell(v) for v in c.table[:, i]] for i, key in enumerate(cols)
    }
