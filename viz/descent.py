"""The contour map the three surface pages share: the loss surface, its minima and the start, beside two panels."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from i18n import t
from i18n.numbers import num
from viz.common import add_animated_traces, add_animation, base_layout, rounded, subplots
from viz.palette import COLORS


def loss_height(z, floor: float, log_view: bool) -> np.ndarray:
    """What the charts draw as height: L itself, or log10(1 + L − L_min) for steep surfaces."""
    z = np.asarray(z, dtype=np.float64)
    return np.log10(1 + np.maximum(z - floor, 0)) if log_view else z


def loss_colorbar(floor: float, top: float, log_view: bool, lang: str) -> dict:
    # Horizontal, under the map: a vertical bar would collide with the right-hand panels' axes.
    bar = {
        "title": {"text": t("gd.colorbar", lang), "side": "bottom"},  # "top" would sit on the x-axis title
        "orientation": "h",
        "x": 0,
        "xanchor": "left",
        "len": 0.4,
        "y": -0.1,
        "yanchor": "top",
        "thickness": 10,
    }
    if log_view:
        bar["tickvals"], bar["ticktext"] = log_view_ticks(floor, top)
    return bar


def log_view_ticks(floor: float, top: float) -> tuple[list[float], list[str]]:
    """Colour-bar ticks of a log view (height log10(1 + L − L_min)): the minimum, labelled with its value, then
    L_min + 10, 100, ... labelled as powers of ten. L_min + 1 (0.3 of a decade up) only when it is the sole other
    tick: beside the minimum's label it was drawn on top of it (Rosenbrock: "0.000163" on "1")."""
    offsets = [10**k for k in range(6) if floor + 10**k <= top]
    if len(offsets) > 1:
        offsets = offsets[1:]
    heights = [0.0] + [float(loss_height(floor + o, floor, True)) for o in offsets]
    labels = [num(floor)] + [str(o) if o < 100 else f"10<sup>{round(math.log10(o))}</sup>" for o in offsets]
    return heights, labels


def surface_contour(
    grid, surface, lang: str, *, colorscale="Viridis", ncontours: int = 28, scale: bool = True, click: str = ""
):
    """The loss surface as a filled contour (log height where walls are steep), with a loss colour bar.

    With ``click`` (what a click does, e.g. "click to start here"), hovering shows θ and the loss there and a
    click reports the nearest grid point: the map itself is the click target, not a grid of invisible markers
    (400 SVG nodes, styled again on every update)."""
    floor = float(grid.z.min())
    hover = (
        {
            "customdata": rounded(grid.z),
            "hovertemplate": f"θ = (%{{x:.2f}}, %{{y:.2f}})<br>L = %{{customdata:.4g}}<br>{click}<extra></extra>",
        }
        if click
        else {"hoverinfo": "skip"}
    )
    return go.Contour(
        x=rounded(grid.xs),
        y=rounded(grid.ys),
        z=rounded(loss_height(grid.z, floor, surface.log_view)),
        colorscale=colorscale,
        ncontours=ncontours,
        showscale=scale,
        colorbar=loss_colorbar(floor, float(grid.z.max()), surface.log_view, lang) if scale else None,
        line={"width": 0.5},
        showlegend=False,
        **hover,
    )


def add_landmarks(fig: go.Figure, surface, start, lang: str, *, mark_color: str = "white") -> None:
    """The surface's minima (×) and the start point θ₀ (★) on the map in row 1, column 1."""
    mins = np.array(surface.minima)
    marks = (
        (mins[:, 0], mins[:, 1], "gd.trace_min", {"symbol": "x-thin", "size": 14, "line": {"width": 3, "color": mark_color}}),
        ([float(start[0])], [float(start[1])], "gd.trace_start",
         {"symbol": "star", "size": 16, "color": COLORS["yellow"], "line": {"width": 1}}),
    )  # fmt: skip
    for x, y, key, marker in marks:
        fig.add_trace(go.Scatter(x=x, y=y, mode="markers", name=t(key, lang), marker=marker), row=1, col=1)


def map_figure(titles: list[str], *, widths: tuple[float, float], gaps: tuple[float, float]) -> go.Figure:
    """The map spanning the left column, two panels stacked on the right (``gaps``: horizontal, vertical)."""
    return subplots(
        rows=2,
        cols=2,
        specs=[[{"rowspan": 2}, {}], [None, {}]],
        column_widths=list(widths),
        horizontal_spacing=gaps[0],
        vertical_spacing=gaps[1],
        subplot_titles=titles,
    )


def finish_map(fig: go.Figure, styles: list[dict], frame_data, count: int, box, lang: str, *, height: int,
               legend_y: float, bottom: int, slider_y: float) -> go.Figure:  # fmt: skip
    """Add the animated traces, square the map on ``box``, lay the legend under the charts and attach the slider."""
    anim = add_animated_traces(fig, styles, frame_data, count)
    # constrain="domain": the square map shrinks its frame instead of padding the range with empty bands. Where
    # its cell is taller than wide (the presenter view at projector size), the frame keeps to the top, under its
    # title: centred, /optimizers' sat 115 px below it, its lower half off the projector's 480 px.
    fig.update_xaxes(range=[box[0], box[1]], title_text="x", constrain="domain", row=1, col=1)
    fig.update_yaxes(range=[box[2], box[3]], title_text="y", scaleanchor="x", scaleratio=1, constrain="domain",
                     constraintoward="top", row=1, col=1)  # fmt: skip
    base_layout(fig, height=height, legend_y=legend_y, margin={"b": bottom})
    # The loss colour bar (if shown) is set under the map's x-axis title in the browser (ui/chart.js placeBarUnder):
    # where the squared frame ends depends on the width the page gets.
    fig.update_layout(hovermode="closest", meta={"barUnder": "x"})
    return add_animation(fig, anim, lang, y=slider_y)
