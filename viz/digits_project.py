"""Figures of /digits-project: the data, the training curves (live, then animated), results, the drawing grid."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.common.plotdata import frame_steps
from core.digits.data import CLASSES, INK, SIDE
from core.digits.evaluate import confusion_matrix
from i18n import t
from viz.common import add_animated_traces, add_animation, base_layout, panel_row, rounded
from viz.digits import COUNT, DIGIT, as_image, mosaic
from viz.digits import INK as INK_SCALE
from viz.fmt import log_axis
from viz.palette import COLORS, SERIES, TEST, TRAIN, tint

MAX_FRAMES = 40
CANVAS = [[0, tint(COLORS["grey"], 0.8)], [1, COLORS["black"]]]  # blank cells stay visible as light squares
SPLITS = ("train", "val", "test")


def data_figure(split, lang: str) -> go.Figure:
    """Three training images of each digit, how many images of each digit every set holds, the train mean image."""
    rows = [np.flatnonzero(split.y_train == c)[:3] for c in range(CLASSES)]
    tiles = split.x_train[np.stack(rows).T.ravel()].reshape(-1, SIDE, SIDE)  # row r: the r-th example of 0..9
    fig = panel_row(
        [t("dp.data_examples", lang), t("dp.data_counts", lang), t("dp.data_mean", lang)],
        widths=[0.5, 0.32, 0.18],
        spacing=0.07,
    )
    fig.add_trace(go.Heatmap(z=rounded(mosaic(tiles, CLASSES)), colorscale=INK_SCALE, zmin=0, zmax=INK,
                             showscale=False, hoverinfo="skip"), row=1, col=1)  # fmt: skip
    counts = [np.bincount(y, minlength=CLASSES) for y in (split.y_train, split.y_val, split.y_test)]
    for i, (name, c) in enumerate(zip(SPLITS, counts, strict=True)):
        fig.add_trace(
            go.Bar(x=list(range(CLASSES)), y=c, name=t(f"dp.set.{name}", lang), marker_color=SERIES[i],
                   marker_pattern_shape=("", "/", ".")[i],
                   hovertemplate=t(f"dp.set.{name}", lang) + " · %{x}: %{y}<extra></extra>"),
            row=1, col=2,
        )  # fmt: skip
    fig.add_trace(go.Heatmap(z=rounded(split.mean.reshape(SIDE, SIDE)), colorscale=INK_SCALE, zmin=0, zmax=INK,
                             showscale=False, hovertemplate="%{z:.1f}<extra></extra>"), row=1, col=3)  # fmt: skip
    as_image(fig, 1, 1)
    as_image(fig, 1, 3)
    fig.update_yaxes(scaleanchor="x", row=1, col=1)
    fig.update_yaxes(scaleanchor="x3", row=1, col=3)
    fig.update_xaxes(title_text=t("dp.axis_digit", lang), dtick=1, row=1, col=2)
    # No y title: the panel's title says what the bars count, and a title there sat on the digit strip.
    base_layout(fig, height=330)
    fig.update_layout(barmode="group", legend={"y": -0.3, "yanchor": "top", "x": 0.5}, margin={"t": 50, "b": 90})
    return fig


def _curve_panels(lang: str) -> go.Figure:
    fig = panel_row(
        [t("dp.curve_loss", lang), t("dp.curve_acc", lang), t("dp.curve_confusion", lang)],
        widths=[0.34, 0.34, 0.32],
        spacing=0.1,  # room for the matrix's y title clear of the accuracy plot
    )
    fig.update_xaxes(title_text=t("dp.axis_epoch", lang), row=1, col=1)
    fig.update_xaxes(title_text=t("dp.axis_epoch", lang), row=1, col=2)
    fig.update_xaxes(title_text=t("dp.axis_pred", lang), dtick=1, row=1, col=3, constrain="domain")
    fig.update_yaxes(title_text=t("dp.axis_true", lang), dtick=1, autorange="reversed", scaleanchor="x3",
                     constrain="domain", row=1, col=3)  # fmt: skip
    fig.update_yaxes(tickformat=".0%", row=1, col=2)
    return fig


def _curves(fig: go.Figure, loss: np.ndarray, acc: np.ndarray, lang: str) -> None:
    epochs = np.arange(len(loss))
    for j, (name, color, dash) in enumerate((("train", TRAIN, "solid"), ("val", TEST, "dash"))):
        label = t(f"dp.set.{name}", lang)
        for col, values, legend in ((1, loss[:, j], True), (2, acc[:, j], False)):
            fig.add_trace(go.Scatter(x=epochs, y=rounded(values), name=label, mode="lines", showlegend=legend,
                                     line={"color": color, "dash": dash, "width": 2.5}, legendgroup=name,
                                     hovertemplate=label + " %{x}: %{y:.4g}<extra></extra>"), row=1, col=col)  # fmt: skip
    fig.update_yaxes(**log_axis(loss[np.isfinite(loss)]), row=1, col=1)


def _confusion_trace(z: np.ndarray, lang: str) -> dict:
    return {"type": "heatmap", "colorscale": COUNT, "showscale": False, "zmin": 0, "texttemplate": "%{z}",
            "x": list(range(CLASSES)), "y": list(range(CLASSES)), "xaxis": "x3", "yaxis": "y3",
            "hovertemplate": t("dp.hover_confusion", lang) + "<extra></extra>"}  # fmt: skip


def live_figure(loss: np.ndarray, acc: np.ndarray, val_pred: np.ndarray | None, y_val: np.ndarray, epochs: int,
                lang: str) -> go.Figure:  # fmt: skip
    """Curves of the epochs trained so far and the latest validation confusion matrix (no frames yet)."""
    fig = _curve_panels(lang)
    _curves(fig, loss, acc, lang)
    if val_pred is not None:
        z = confusion_matrix(y_val, val_pred.astype(np.int64))
        fig.add_trace(go.Heatmap(**{k: v for k, v in _confusion_trace(z, lang).items() if k != "type"}, z=z))
    fig.update_xaxes(range=[0, max(epochs, 1)], row=1, col=1)
    fig.update_xaxes(range=[0, max(epochs, 1)], row=1, col=2)
    fig.update_yaxes(range=[0, 1.02], row=1, col=2)
    return _finish(fig)


def training_figure(run, lang: str) -> go.Figure:
    """Loss and accuracy per epoch with a marker at the frame's epoch, and the validation confusion matrix then."""
    fig = _curve_panels(lang)
    _curves(fig, run.loss, run.acc, lang)
    steps = frame_steps(run.epochs_done, MAX_FRAMES)
    y_val = run.split.y_val
    styles = [
        {"type": "scatter", "mode": "markers", "marker": {"color": c, "size": 11, "symbol": s}, "showlegend": False,
         "hoverinfo": "skip", "xaxis": ax, "yaxis": ay}
        for ax, ay in (("x", "y"), ("x2", "y2")) for c, s in ((TRAIN, "circle"), (TEST, "diamond"))
    ] + [_confusion_trace(None, lang)]  # fmt: skip

    def frame_data(j: int) -> dict:
        e = int(steps[j])
        point = [{"x": [e], "y": rounded([v])} for v in (*run.loss[e], *run.acc[e])]
        z = confusion_matrix(y_val, run.val_pred[e].astype(np.int64))
        return {"name": str(e), "data": [*point, {"z": z}]}

    frames = add_animated_traces(fig, styles, frame_data, len(steps))
    fig.update_yaxes(range=[0, 1.02], row=1, col=2)
    _finish(fig)
    return add_animation(fig, frames, lang, prefix_key="dp.epoch_prefix", frame_ms=150, y=-0.2)


def _finish(fig: go.Figure) -> go.Figure:
    base_layout(fig, height=400)
    fig.update_layout(legend={"y": 0.98, "x": 0.3, "xanchor": "right", "yanchor": "top", "orientation": "v",
                              "bgcolor": "rgba(255,255,255,0.8)"}, margin={"t": 50, "l": 60, "r": 20})  # fmt: skip
    fig.update_annotations(yshift=6)
    return fig


def results_figure(ev, lang: str) -> go.Figure:
    """Test confusion matrix beside the test accuracy of each digit."""
    fig = panel_row(
        [t("dp.results_confusion", lang), t("dp.results_per_class", lang)], widths=[0.55, 0.45], spacing=0.12
    )
    fig.add_trace(go.Heatmap(**{k: v for k, v in _confusion_trace(None, lang).items() if k not in ("type", "xaxis",
                  "yaxis")}, z=ev.confusion), row=1, col=1)  # fmt: skip
    fig.add_trace(go.Bar(x=list(range(CLASSES)), y=rounded(ev.per_class), marker_color=[DIGIT[d] for d in range(10)],
                         text=[f"{a:.0%}" for a in ev.per_class], textposition="outside", showlegend=False,
                         hovertemplate=t("dp.hover_per_class", lang) + "<extra></extra>"), row=1, col=2)  # fmt: skip
    fig.update_xaxes(title_text=t("dp.axis_pred", lang), dtick=1, row=1, col=1, constrain="domain")
    fig.update_yaxes(title_text=t("dp.axis_true", lang), dtick=1, autorange="reversed", scaleanchor="x",
                     constrain="domain", row=1, col=1)  # fmt: skip
    fig.update_xaxes(title_text=t("dp.axis_digit", lang), dtick=1, row=1, col=2)
    low = float(max(0.0, min(0.8, ev.per_class.min() - 0.1)))
    ticks = np.linspace(low, 1.0, 5)
    fig.update_yaxes(range=[low, 1.07], tickvals=ticks, ticktext=[f"{v:.0%}" for v in ticks], row=1, col=2)
    base_layout(fig, height=420)
    fig.update_layout(margin={"t": 60})
    return fig


def canvas_figure(cells: np.ndarray, probs: np.ndarray, lang: str) -> go.Figure:
    """The clickable 8×8 drawing grid beside the model's probability for each digit."""
    fig = panel_row([t("dp.canvas_title", lang), t("dp.canvas_probs", lang)], widths=[0.42, 0.58], spacing=0.1)
    fig.add_trace(go.Heatmap(z=np.asarray(cells, np.float32), x=list(range(SIDE)), y=list(range(SIDE)),
                             colorscale=CANVAS, zmin=0, zmax=INK, showscale=False, xgap=3, ygap=3,
                             hovertemplate=t("dp.hover_cell", lang) + "<extra></extra>"), row=1, col=1)  # fmt: skip
    best = int(np.argmax(probs))
    fig.add_trace(go.Bar(x=list(range(CLASSES)), y=rounded(probs), showlegend=False,
                         marker_color=[COLORS["vermillion"] if d == best else COLORS["grey"] for d in range(10)],
                         text=[f"{p:.0%}" for p in probs], textposition="outside",
                         hovertemplate=t("dp.hover_prob", lang) + "<extra></extra>"), row=1, col=2)  # fmt: skip
    as_image(fig, 1, 1)
    fig.update_yaxes(scaleanchor="x", row=1, col=1)
    fig.update_xaxes(title_text=t("dp.axis_digit", lang), dtick=1, row=1, col=2)
    fig.update_yaxes(range=[0, 1.15], tickformat=".0%", row=1, col=2)
    base_layout(fig, height=380)
    fig.update_layout(margin={"t": 60, "l": 20})
    return fig
