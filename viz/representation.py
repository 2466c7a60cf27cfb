"""Figures of /representation: latent space beside PCA, the decoder's map, an interpolation strip, filters, probes."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.common.grids import snapped
from core.digits.autoencoder import GRID
from i18n import t
from viz.common import Figure, add_animated_traces, add_animation, base_layout, rounded, subplots
from viz.digits import DIGIT, DIGIT_SYMBOL, INK, as_image, mosaic
from viz.palette import COLORS, DIVERGING, SERIES, TEST, TRAIN

PROBES = ("latent", "pca", "raw")


def _range(points: np.ndarray) -> list[float]:
    """The codes' extent, padded by 6 % and snapped outward to steps of a twelfth of it: the map keeps its axes
    while a slider moves the codes a little (a few epochs more or less), so the browser moves the points in
    place; a box that followed the extent exactly was laid out again at every change."""
    lo, hi = float(np.nanmin(points)), float(np.nanmax(points))
    pad = 0.06 * (hi - lo) if hi > lo else 1.0
    return list(snapped(lo - pad, hi + pad))


def _marker(d: int) -> dict:
    return {"color": DIGIT[d], "symbol": DIGIT_SYMBOL[d], "size": 8, "opacity": 0.85,
            "line": {"width": 0.5, "color": COLORS["black"]}}  # fmt: skip


def latent_figure(run, lang: str) -> go.Figure:
    """Test digits in the autoencoder's 2-D latent space (one frame per snapshot epoch) beside PCA's 2 components."""
    y = run.split.y_test
    fig = subplots(cols=2, horizontal_spacing=0.13,  # PCA's y title clear of the latent map
                   subplot_titles=[t("repr.latent_title", lang), t("repr.pca_title", lang)])  # fmt: skip
    for d in range(10):
        rows = y == d
        fig.add_trace(go.Scatter(x=rounded(run.pca_test[rows, 0]), y=rounded(run.pca_test[rows, 1]), mode="markers",
                                 name=t("repr.digit", lang, d=d), legendgroup=str(d), showlegend=False,
                                 marker=_marker(d), hovertemplate=t("repr.digit", lang, d=d) + ": (%{x:.2f}, %{y:.2f})<extra></extra>"),
                      row=1, col=2)  # fmt: skip
    styles = [
        {"type": "scatter", "mode": "markers", "name": str(d), "legendgroup": str(d),
         "marker": _marker(d), "xaxis": "x", "yaxis": "y",
         "hovertemplate": t("repr.digit", lang, d=d) + ": (%{x:.2f}, %{y:.2f})<extra></extra>"}
        for d in range(10)
    ]  # fmt: skip

    def frame_data(j: int) -> dict:
        z = run.codes[j]
        return {"name": str(int(run.frames[j])),
                "data": [{"x": rounded(z[y == d, 0]), "y": rounded(z[y == d, 1])} for d in range(10)]}  # fmt: skip

    frames = add_animated_traces(fig, styles, frame_data, len(run.frames))
    fig.update_xaxes(title_text="z₁", range=_range(run.codes[..., 0]), row=1, col=1)
    fig.update_yaxes(title_text="z₂", range=_range(run.codes[..., 1]), row=1, col=1)
    fig.update_xaxes(title_text=t("repr.pc1", lang), row=1, col=2)
    fig.update_yaxes(title_text=t("repr.pc2", lang), row=1, col=2)
    base_layout(fig, height=470)
    fig.update_layout(legend={"orientation": "h", "x": 0, "y": 1.09, "yanchor": "bottom", "itemsizing": "constant",
                              "title": {"text": t("repr.legend", lang)}}, margin={"t": 95, "r": 10})  # fmt: skip
    return add_animation(fig, frames, lang, prefix_key="repr.epoch_prefix", frame_ms=150, y=-0.14)


def decoder_figure(run, pick: np.ndarray, original: np.ndarray | None, lang: str) -> go.Figure:
    """What the decoder draws across the latent plane, and at the picked point (beside the original, if any)."""
    fig = subplots(cols=3, column_widths=[0.56, 0.22, 0.22], horizontal_spacing=0.06,
                   subplot_titles=[t("repr.grid_title", lang), t("repr.pick_title", lang),
                                        t("repr.original_title", lang)])  # fmt: skip
    tiles = run.grid_images[::-1].reshape(GRID * GRID, 8, 8)  # top row = largest z₂, as on the scatter
    fig.add_trace(go.Heatmap(z=rounded(mosaic(tiles, GRID)), colorscale=INK, zmin=0, zmax=1, showscale=False,
                             hoverinfo="skip"), row=1, col=1)  # fmt: skip
    fig.add_trace(go.Heatmap(z=rounded(pick), colorscale=INK, zmin=0, zmax=1, showscale=False,
                             hovertemplate="%{z:.2f}<extra></extra>"), row=1, col=2)  # fmt: skip
    blank = np.full((8, 8), np.nan) if original is None else original
    fig.add_trace(go.Heatmap(z=rounded(blank), colorscale=INK, zmin=0, zmax=1, showscale=False,
                             hovertemplate="%{z:.2f}<extra></extra>"), row=1, col=3)  # fmt: skip
    for col in (1, 2, 3):
        as_image(fig, 1, col)
    fig.update_yaxes(scaleanchor="x", row=1, col=1)
    fig.update_yaxes(scaleanchor="x2", row=1, col=2)
    fig.update_yaxes(scaleanchor="x3", row=1, col=3)
    fig.update_xaxes(title_text=t("repr.grid_axis", lang), row=1, col=1)
    base_layout(fig, height=420)
    fig.update_layout(margin={"t": 50, "l": 20, "r": 20})
    return fig


def strip_figure(latent: np.ndarray, blend: np.ndarray, lang: str) -> go.Figure:
    """Row 1: decoded points on the line between two codes; row 2: the two images mixed pixel by pixel."""
    n = len(latent)
    z = mosaic(np.concatenate([latent, blend]), n)
    fig = Figure(go.Heatmap(z=rounded(z), colorscale=INK, zmin=0, zmax=1, showscale=False, hoverinfo="skip"))
    as_image(fig)
    fig.update_yaxes(scaleanchor="x", showticklabels=True, tickvals=[3.5, 12.5],
                     ticktext=[t("repr.strip_latent", lang), t("repr.strip_pixels", lang)])  # fmt: skip
    fig.update_xaxes(showticklabels=True, tickvals=[3.5 + 9 * i for i in range(n)],
                     ticktext=[f"{v:.0%}" for v in np.linspace(0, 1, n)], title_text=t("repr.strip_axis", lang))  # fmt: skip
    base_layout(fig, height=300)
    fig.update_layout(margin={"t": 20, "l": 150, "b": 60})
    return fig


def weights_figure(w1: np.ndarray, lang: str) -> go.Figure:
    """The encoder's first-layer weights, one 8×8 tile per hidden unit (blue negative, red positive)."""
    cols = 16 if len(w1) > 32 else 8
    bound = float(np.percentile(np.abs(w1), 99)) or 1.0  # a few large weights would wash out the rest
    tiles = w1.reshape(-1, 8, 8)
    fig = Figure(go.Heatmap(z=rounded(mosaic(tiles, cols)), colorscale=DIVERGING, zmin=-bound, zmax=bound, zmid=0,
                               colorbar={"title": {"text": "w", "side": "right"}, "thickness": 14},
                               hovertemplate="w = %{z:.3f}<extra></extra>"))  # fmt: skip
    as_image(fig)
    fig.update_yaxes(scaleanchor="x")
    rows = -(-len(tiles) // cols)
    base_layout(fig, height=int(40 + rows * 900 / cols))  # about square tiles across a ~900 px wide chart
    fig.update_layout(margin={"t": 20, "l": 20, "b": 20})
    return fig


def quality_figure(run, lang: str) -> go.Figure:
    """Reconstruction error per epoch (PCA's as a line) beside the linear probes' test accuracy."""
    fig = subplots(cols=2, column_widths=[0.55, 0.45], horizontal_spacing=0.12,
                   subplot_titles=[t("repr.mse_title", lang), t("repr.probe_title", lang)])  # fmt: skip
    epochs = np.arange(len(run.loss))
    for j, (name, color, dash) in enumerate((("train", TRAIN, "solid"), ("test", TEST, "dash"))):
        fig.add_trace(go.Scatter(x=epochs, y=rounded(run.loss[:, j]), mode="lines", name=t(f"repr.set.{name}", lang),
                                 line={"color": color, "dash": dash, "width": 2.5}), row=1, col=1)  # fmt: skip
    fig.add_trace(go.Scatter(x=[0, epochs[-1]], y=rounded([run.pca_mse] * 2), mode="lines", name=t("repr.pca_line", lang),
                             line={"color": COLORS["blue"], "dash": "dot", "width": 2}), row=1, col=1)  # fmt: skip
    acc = [run.probes[k] for k in PROBES]
    fig.add_trace(go.Bar(x=[t(f"repr.probe.{k}", lang) for k in PROBES], y=rounded(acc), showlegend=False,
                         marker_color=[SERIES[0], SERIES[1], COLORS["grey"]], marker_pattern_shape=["", "/", "."],
                         text=[f"{a:.1%}" for a in acc], textposition="outside",
                         hovertemplate="%{x}: %{y:.1%}<extra></extra>"), row=1, col=2)  # fmt: skip
    fig.update_xaxes(title_text=t("repr.axis_epoch", lang), row=1, col=1)
    fig.update_yaxes(title_text="MSE", rangemode="tozero", row=1, col=1)
    fig.update_yaxes(range=[0, 1.12], tickvals=[0, 0.25, 0.5, 0.75, 1], ticktext=["0%", "25%", "50%", "75%", "100%"],
                     row=1, col=2)  # fmt: skip
    base_layout(fig, height=380)
    fig.update_layout(legend={"x": 0.53, "xanchor": "right", "y": 0.98, "yanchor": "top", "orientation": "v",
                              "bgcolor": "rgba(255,255,255,0.8)"}, margin={"t": 50})  # fmt: skip
    fig.update_xaxes(range=[0, max(epochs[-1], 1)], row=1, col=1)
    return fig
