"""Figures of the gradient-descent page: 2-D map + loss + 1-D slice, and the 3-D surface."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from i18n import t
from viz.common import Figure, add_animated_traces, add_animation, arrow_segments, base_layout, prefix, rounded
from viz.descent import add_landmarks, finish_map, loss_height, map_figure, surface_contour
from viz.fmt import log_axis
from viz.palette import COLORS

# descent_figure traces in map coordinates (contour, minima, start, path): a click on one picks a start point
MAP_POINT_TRACES = {0, 2, 3, 5}


def _map_layer(fig: go.Figure, grid, field, surface, box, path0, lang: str) -> None:
    fig.add_trace(surface_contour(grid, surface, lang, click=t("gd.trace_click", lang)), row=1, col=1)
    cell = 0.6 * (box[1] - box[0]) / np.sqrt(len(field.x))
    norm = np.hypot(field.gx, field.gy)
    safe = np.where(norm > 0, norm, 1)
    fx, fy = arrow_segments(
        field.x, field.y, field.x - cell * field.gx / safe, field.y - cell * field.gy / safe, head=0.35
    )
    fig.add_trace(
        go.Scatter(
            x=fx,
            y=fy,
            mode="lines",
            line={"color": "rgba(255,255,255,0.6)", "width": 1},
            name=t("gd.trace_field", lang),
            hoverinfo="skip",
        ),
        row=1,
        col=1,
    )
    add_landmarks(fig, surface, path0, lang)


def descent_figure(run, slices, grid, field, surface, box, lang: str) -> go.Figure:
    """Contour map with the path and −∇L arrows, loss per step, and the 1-D slice with its tangent."""
    kind = slices.kind
    titles = [t("gd.map_title", lang), t("gd.loss_title", lang), t(f"gd.slice_title_{kind}", lang)]
    fig = map_figure(titles, widths=(0.54, 0.46), gaps=(0.2, 0.2))
    _map_layer(fig, grid, field, surface, box, run.path[0], lang)
    fig.add_trace(
        go.Scatter(
            x=np.arange(len(run.losses)),
            y=rounded(run.losses),
            mode="lines",
            line={"color": COLORS["grey"], "width": 1, "dash": "dot"},
            name=t("gd.trace_loss_all", lang),
        ),
        row=1,
        col=2,
    )
    styles = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": t("gd.trace_path", lang),
            "xaxis": "x",
            "yaxis": "y",
            "line": {"color": COLORS["orange"], "width": 3},
            "marker": {"size": 5},
            "hovertemplate": "θ = (%{x:.3f}, %{y:.3f})<extra></extra>",
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": t("gd.trace_step", lang),
            "xaxis": "x",
            "yaxis": "y",
            "line": {"color": COLORS["vermillion"], "width": 3},
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": t("gd.trace_loss", lang),
            "xaxis": "x2",
            "yaxis": "y2",
            "line": {"color": COLORS["blue"], "width": 3},
        },
        {
            "type": "scatter",
            "mode": "markers",
            "showlegend": False,
            "xaxis": "x2",
            "yaxis": "y2",
            "marker": {"size": 11, "color": COLORS["blue"]},
            "hovertemplate": "k = %{x}<br>L = %{y:.4g}<extra></extra>",
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": t("gd.trace_curve", lang),
            "xaxis": "x3",
            "yaxis": "y3",
            "line": {"color": COLORS["green"], "width": 3},
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": t("gd.trace_tangent", lang),
            "xaxis": "x3",
            "yaxis": "y3",
            "line": {"color": COLORS["black"], "width": 2, "dash": "dash"},
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": t("gd.trace_gap", lang),
            "xaxis": "x3",
            "yaxis": "y3",
            "line": {"color": COLORS["purple"], "width": 2, "dash": "dot"},
        },
        {
            "type": "scatter",
            "mode": "markers+text",
            "showlegend": False,
            "xaxis": "x3",
            "yaxis": "y3",
            "text": [t("gd.trace_now", lang), t("gd.trace_next", lang)],
            "textposition": ["top left", "bottom right"],  # apart even when θₖ and θₖ₊₁ nearly coincide
            "marker": {
                "size": [13, 11],
                "color": [COLORS["vermillion"], "white"],
                "symbol": ["circle", "circle-open"],
                "line": {"width": 2, "color": COLORS["vermillion"]},
            },
        },
    ]

    def frame_data(j: int) -> dict:
        k = int(slices.frames[j])
        path = prefix(run.path, k)
        nxt = run.path[k] - run.lr * run.grads[k]
        ax, ay = arrow_segments(run.path[k, 0], run.path[k, 1], nxt[0], nxt[1], head=0.3)
        steps = prefix(np.arange(k + 1), k)
        at, nat = float(slices.at[j]), float(slices.next_at[j])
        span = max(abs(nat - at), 0.2)
        tx = np.array([min(at, nat) - 0.3 * span, max(at, nat) + 0.3 * span])
        ty = slices.at_value[j] + slices.slope[j] * (tx - at)
        promise = slices.at_value[j] + slices.slope[j] * (nat - at)
        ys = np.concatenate([slices.values[j], [slices.at_value[j], slices.next_value[j]]])
        pad = 0.08 * max(float(np.ptp(ys)), 1e-9)
        return {
            "name": str(k),
            "data": [
                {"x": rounded(path[:, 0]), "y": rounded(path[:, 1])},
                {"x": ax, "y": ay},
                {"x": steps, "y": rounded(run.losses[steps])},
                {"x": [k], "y": rounded([run.losses[k]])},
                {"x": rounded(slices.t[j]), "y": rounded(slices.values[j])},
                {"x": rounded(tx), "y": rounded(ty)},
                {"x": rounded([nat, nat]), "y": rounded([promise, slices.next_value[j]])},
                {"x": rounded([at, nat]), "y": rounded([slices.at_value[j], slices.next_value[j]])},
            ],
            "layout": {
                "xaxis3": {"range": [float(slices.t[j].min()), float(slices.t[j].max())]},
                # Room below the lowest point for θₖ₊₁'s label (drawn under its point): at the minimum, where the
                # page opens, a plain pad clipped it on the axis line.
                "yaxis3": {"range": [float(ys.min()) - 3 * pad, float(ys.max()) + pad]},
            },
        }

    fig.update_xaxes(title_text=t("gd.axis_step", lang), row=1, col=2)
    log_loss = bool(np.all(run.losses > 0))
    fig.update_yaxes(
        title_text=t("gd.axis_loss", lang), **(log_axis(run.losses) if log_loss else {"type": "linear"}), row=1, col=2
    )
    fig.update_xaxes(title_text=t(f"gd.axis_slice_{kind}", lang), row=2, col=2)
    fig.update_yaxes(title_text=t("gd.axis_slice_value", lang), row=2, col=2)
    return finish_map(fig, styles, frame_data, len(slices.frames), box, lang, height=820, legend_y=-0.5, bottom=200,
                      slider_y=-0.2)  # fmt: skip


def mesh_height(xs, ys, z, px, py) -> np.ndarray:
    """Bilinear height of the mesh z[i, j] (rows along ys, columns along xs) at the points (px, py)."""
    i = np.clip(np.searchsorted(ys, py) - 1, 0, len(ys) - 2)
    j = np.clip(np.searchsorted(xs, px) - 1, 0, len(xs) - 2)
    ty = np.clip((py - ys[i]) / (ys[i + 1] - ys[i]), 0, 1)
    tx = np.clip((px - xs[j]) / (xs[j + 1] - xs[j]), 0, 1)
    top = z[i, j] * (1 - tx) + z[i, j + 1] * tx
    bottom = z[i + 1, j] * (1 - tx) + z[i + 1, j + 1] * tx
    return top * (1 - ty) + bottom * ty


def surface3d_figure(run, grid, surface, frames: np.ndarray, lang: str) -> go.Figure:
    """3-D surface with the descent path drawn on it, one animation frame per framed step."""
    floor = float(grid.z.min())
    zd = loss_height(grid.z, floor, surface.log_view)
    # Ride above the drawn mesh, not only the true loss: between its vertices a coarse mesh of a convex
    # surface lies above the function, and a path drawn at the true height would vanish inside it.
    mesh = mesh_height(grid.xs[::2], grid.ys[::2], zd[::2, ::2], run.path[:, 0], run.path[:, 1])
    path_z = np.maximum(loss_height(run.losses, floor, surface.log_view), mesh) + 0.01 * float(np.ptp(zd) or 1)
    # A 40×40 opaque mesh: software WebGL (headless, projectors on old laptops) pays for every
    # transparent pass and vertex, and the path reads just as well.
    fig = Figure(
        go.Surface(
            x=rounded(grid.xs[::2]),
            y=rounded(grid.ys[::2]),
            z=rounded(zd[::2, ::2]),
            colorscale="Viridis",
            showscale=False,
            hoverinfo="skip",
        )
    )
    styles = [
        {
            "type": "scatter3d",
            "mode": "lines+markers",
            "name": t("gd.trace_path", lang),
            "line": {"color": COLORS["orange"], "width": 7},
            "marker": {"size": 3, "color": COLORS["orange"]},
        },
        {
            "type": "scatter3d",
            "mode": "markers",
            "name": t("gd.trace_now", lang),
            "marker": {"size": 7, "color": COLORS["vermillion"]},
        },
    ]

    def frame_data(j: int) -> dict:
        k = int(frames[j])
        path = prefix(np.column_stack([run.path, path_z]), k)
        return {
            "name": str(k),
            "data": [
                {"x": rounded(path[:, 0]), "y": rounded(path[:, 1]), "z": rounded(path[:, 2])},
                {"x": rounded([run.path[k, 0]]), "y": rounded([run.path[k, 1]]), "z": rounded([path_z[k]])},
            ],
        }

    anim = add_animated_traces(fig, styles, frame_data, len(frames))
    z_title = t("gd.axis_loss_log", lang) if surface.log_view else t("gd.axis_loss", lang)
    fig.update_layout(
        scene={
            "xaxis_title": "x",
            "yaxis_title": "y",
            "zaxis_title": z_title,
            "camera": {"eye": {"x": 1.4, "y": -1.5, "z": 1.0}},
            "aspectmode": "manual",
            "aspectratio": {"x": 1, "y": 1, "z": 0.6},
        }
    )
    base_layout(fig, height=560, title=t("gd.surface3d_title", lang))
    return add_animation(fig, anim, lang, redraw=True)
