"""/tensors: tensors as grids of labelled cells; broadcast copies as ghosts; one followed element per frame."""

from __future__ import annotations

import itertools
import math

import numpy as np
import plotly.graph_objects as go

from core.common.plotdata import frame_steps
from i18n import t
from viz.common import Figure, add_animated_traces, add_animation, arrow_segments, base_layout
from viz.palette import COLORS, tint

GAP = 1.8  # columns between two grids (room for the sign between them)
WRAP = 24  # a storage strip wraps after this many cells
SIGN = {"add": "+", "mul": "×", "matmul": "@", "cat": ",", "stack": ","}
HUE = {"A": "blue", "B": "orange", "C": "green", "out": "green", "idx": "purple"}
# Original index 0 … n−1 (memory view): one colour per position, pale enough for black labels.
INDEX_SCALE = [[0, tint(COLORS["blue"], 0.55)], [0.35, tint(COLORS["sky"], 0.45)],
               [0.7, tint(COLORS["green"], 0.5)], [1, tint(COLORS["yellow"], 0.35)]]  # fmt: skip


def _label(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.3g}"


def layout_shape(g) -> tuple[int, int, int]:
    """(slices, rows, cols) a grid is drawn as: 3-D+ as slices stacked downwards, storage strips wrapped."""
    d = g.values.shape
    if g.name in ("s", "s2"):
        n = d[0]
        return 1, math.ceil(n / WRAP), min(n, WRAP)
    if len(d) <= 1:
        return 1, 1, d[0] if d else 1
    return int(np.prod(d[:-2])), d[-2], d[-1]


def size(g) -> tuple[int, int]:
    """(width, height) in cells, a blank row between slices."""
    s, r, c = layout_shape(g)
    return c, s * r + s - 1


def cell_xy(g, index: tuple[int, ...]) -> tuple[int, int]:
    """Column and row (from the grid's top-left corner) of the cell at ``index``."""
    if g.name in ("s", "s2"):
        return index[0] % WRAP, index[0] // WRAP
    d = g.values.shape
    if len(d) <= 1:
        return (index[0] if index else 0), 0
    _, r, _ = layout_shape(g)
    s = int(np.ravel_multi_index(index[:-2], d[:-2])) if len(d) > 2 else 0
    return index[-1], s * (r + 1) + index[-2]


def _place(view, lang: str) -> dict[str, tuple[float, float]]:
    """Top-left corner of every grid: storage strips on top, the tensors in one row below them, each
    far enough from the next that its title (about CHAR cells a character) does not reach it."""
    grids = {g.name: g for g in view.grids}
    row = [g for g in view.grids if g.name not in ("s", "s2")]
    wide = sum(size(g)[0] for g in row) + GAP * len(row)
    char = 0.55 * 15 / min(64.0, 620 / max(wide, 1))  # one title character in cells at the estimated scale
    corners, x, top = {}, 0.0, 0.0
    title_rows = 3.2 if any(g.strides for g in row) else 2.4
    if "s" in grids:
        corners["s"] = (0.0, 0.0)
        top = size(grids["s"])[1] + title_rows
    for g in row:
        corners[g.name] = (x, top)
        longest = max(len(line) for line in _title(g, lang).replace("<b>", "").replace("</b>", "").split("<br>"))
        x += max(size(g)[0] + GAP, longest * char + 0.8)
    if "s2" in grids:
        under = max(size(g)[1] for g in row)
        corners["s2"] = (0.0, top + under + 2.4)
    return corners


def _title(g, lang: str) -> str:
    shape = "(" + ", ".join(str(s) for s in g.shape) + ("," if len(g.shape) == 1 else "") + ")"
    name = t(f"tensors.grid.{g.name}", lang) if g.name in ("s", "s2") else g.name  # a variable keeps its name
    text = f"<b>{name}</b>  {shape}"
    if g.strides is not None:
        text += "<br>" + t("tensors.stride", lang, strides=str(g.strides))
    return text


def _cells(g, corner, view, lang: str, n_values: int) -> list[go.Heatmap]:
    """The grid as heatmaps (real cells, and broadcast copies as a paler second layer)."""
    w, h = size(g)
    traces = []
    layers = [("real", g.real)] + ([("ghost", ~g.real)] if not g.real.all() else [])
    for kind, mask in layers:
        z = np.full((h, w), np.nan)
        text = np.full((h, w), "", dtype=object)
        for index in np.ndindex(*g.values.shape) if g.values.shape else [()]:
            if not mask[index]:
                continue
            c, r = cell_xy(g, index)
            v = g.values[index]
            z[r, c] = v
            text[r, c] = _label(v)
        if view.mode == "memory":
            scale, lo, hi = INDEX_SCALE, 0, max(n_values - 1, 1)
        else:
            hue = COLORS[HUE.get(g.name, "blue")]
            white = 0.88 if kind == "ghost" else 0.62
            scale, lo, hi = [[0, tint(hue, white)], [1, tint(hue, white)]], 0, 1
            z = np.where(np.isnan(z), np.nan, 0.5)
        traces.append(go.Heatmap(
            x=corner[0] + np.arange(w), y=corner[1] + np.arange(h), z=z, text=text, texttemplate="%{text}",
            textfont={"color": COLORS["grey"] if kind == "ghost" else COLORS["black"]},
            colorscale=scale, zmin=lo, zmax=hi, showscale=False, xgap=3, ygap=3, hoverinfo="skip",
            name=t(f"tensors.legend.{kind}", lang),
        ))  # fmt: skip
    return traces


def _boxes(cells: list[tuple[float, float]], pad: float = 0.5) -> tuple[list, list]:
    xs, ys = [], []
    for cx, cy in cells:
        xs += [cx - pad, cx + pad, cx + pad, cx - pad, cx - pad, None]
        ys += [cy - pad, cy - pad, cy + pad, cy + pad, cy - pad, None]
    return xs, ys


def tensor_figure(view, lang: str) -> go.Figure:
    """Every grid of ``view`` with its title; the followed element outlined, one animation frame per element."""
    grids = {g.name: g for g in view.grids}
    corners = _place(view, lang)
    n_values = int(grids["s"].values.size) if "s" in grids else 1
    fig = Figure()
    for g in view.grids:
        for trace in _cells(g, corners[g.name], view, lang, n_values):
            fig.add_trace(trace)
    right = max(corners[n][0] + size(g)[0] for n, g in grids.items())
    bottom = max(corners[n][1] + size(g)[1] for n, g in grids.items())
    for g in view.grids:
        x0, y0 = corners[g.name]
        fig.add_annotation(x=x0 - 0.5, y=y0 - 0.6, align="left", text=_title(g, lang), showarrow=False, xanchor="left",
                           yanchor="bottom")  # fmt: skip
    _signs(fig, view, grids, corners)
    ghosts = [(corners[g.name][0] + c, corners[g.name][1] + r) for g in view.grids if not g.real.all()
              for index in np.argwhere(~g.real) for c, r in [cell_xy(g, tuple(int(i) for i in index))]]  # fmt: skip
    if ghosts:
        gx, gy = _boxes(ghosts, 0.46)
        fig.add_trace(go.Scatter(x=gx, y=gy, mode="lines", name=t("tensors.legend.ghost", lang), hoverinfo="skip",
                                 line={"color": COLORS["grey"], "width": 1.5, "dash": "dot"}))  # fmt: skip
    clear = bottom  # the lowest thing drawn above the followed element's formula
    if view.axis is not None:
        clear = max(clear, _axis_arrow(fig, grids["x"], corners["x"], view.axis, lang))
    if view.steps:
        _follow(fig, view, grids, corners, clear, lang)
    left = -3.2 if view.axis is not None else -0.9  # room for the dim arrow left of x
    top = -(2.5 if any(g.strides for g in view.grids) else 1.6)  # room for one or two title lines
    under = clear - bottom + (2.2 if view.steps else 0.6)  # the followed element's formula, when there is one
    span_w, span_h = right - left, bottom + under - top
    ppu = min(64.0, 620 / span_w)  # px per cell in the main column of a 1440-px screen
    chrome = 250 if view.steps else 150  # title, legend and the frame slider
    base_layout(fig, height=int(min(max(span_h * ppu + chrome, 300), 900)), title=view.code.replace("\n", ";  "))
    fig.update_layout(
        xaxis={"visible": False, "range": [left, right + 0.2]},
        yaxis={"visible": False, "range": [bottom + under, top], "scaleanchor": "x", "scaleratio": 1},
        plot_bgcolor="white",
        title={"font": {"family": "monospace"}, "y": 0.98, "yref": "container", "yanchor": "top"},
        legend={"y": 1.0, "yanchor": "bottom"},
        margin={"t": 110},
    )
    return fig


def _signs(fig, view, grids, corners) -> None:
    """+, ×, @ or an arrow between the tensors of the row."""
    names = [g.name for g in view.grids if g.name not in ("s", "s2")]
    for left, right in itertools.pairwise(names):
        sign = {("A", "B"): SIGN.get(view.op, ""), ("B", "C"): "="}.get((left, right), "→")
        x = (corners[left][0] + size(grids[left])[0] + corners[right][0] - 1) / 2
        y = corners[left][1] + (min(size(grids[left])[1], size(grids[right])[1]) - 1) / 2
        fig.add_annotation(x=x, y=y, text=f"<b>{sign}</b>", showarrow=False, font={"size": 22})


def _axis_arrow(fig, g, corner, axis: int, lang: str) -> float:
    """An arrow along the collapsed dim of x (rows, columns or slices), labelled dim=k. Returns how far down it
    reaches (under x for dim=-1 and its label under that: the formula below goes lower; else x's bottom)."""
    rank = g.values.ndim
    w, h = size(g)
    if rank == 3 and axis == 1:  # rows inside a slice: the arrow spans the first slice
        h = g.values.shape[1]
    x0, y0 = corner
    if rank == 1 or axis == rank - 1:  # along a row
        xs, ys = arrow_segments(x0 - 0.5, y0 + h - 0.5 + 0.9, x0 + w - 0.5, y0 + h - 0.5 + 0.9, head=min(0.3, 0.6 / w))
        at = {"x": x0 + (w - 1) / 2, "y": y0 + h + 0.9, "yanchor": "top", "xanchor": "center"}
    else:
        xs, ys = arrow_segments(x0 - 1.0, y0 - 0.5, x0 - 1.0, y0 + h - 0.5, head=min(0.3, 0.6 / h))
        at = {"x": x0 - 1.2, "y": y0 + (h - 1) / 2, "xanchor": "right", "yanchor": "middle"}
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": COLORS["vermillion"], "width": 3},
                             name=t("tensors.legend.axis", lang, dim=axis), hoverinfo="skip"))  # fmt: skip
    fig.add_annotation(text=f"<b>dim={axis}</b>", showarrow=False, font={"color": COLORS["vermillion"]}, **at)
    along_row = rank == 1 or axis == rank - 1
    return y0 + h + (0.9 + 0.6 if along_row else 0.0)  # the label's line is about 0.6 units tall at its size


def _follow(fig, view, grids, corners, bottom, lang: str) -> None:
    """The followed element's cells outlined and its arithmetic written under the grids, one frame each."""
    steps = view.steps
    picked = sorted(set(frame_steps(len(steps) - 1).tolist()) | {view.cell})

    def frame(j: int) -> dict:
        step = steps[picked[j]]
        cells = [(corners[n][0] + c, corners[n][1] + r) for n, found in step.cells.items() if n in grids
                 for c, r in [cell_xy(grids[n], i) for i in found]]  # fmt: skip
        bx, by = _boxes(cells)
        return {
            "name": str(picked[j]),
            "data": [{"x": bx, "y": by}, {"x": [-0.5], "y": [bottom + 1.3], "text": [step.formula]}],
        }

    styles = [
        {"type": "scatter", "mode": "lines", "name": t("tensors.legend.follow", lang), "hoverinfo": "skip",
         "line": {"color": COLORS["black"], "width": 4}},
        {"type": "scatter", "mode": "text", "showlegend": False, "hoverinfo": "skip", "textposition": "middle right",
         "textfont": {"size": 17, "family": "monospace", "color": COLORS["black"]}},
    ]  # fmt: skip
    frames = add_animated_traces(fig, styles, frame, len(picked))
    active = picked.index(view.cell)
    for k, data in enumerate(frame(active)["data"]):
        fig.data[len(fig.data) - 2 + k].update(data)
    add_animation(fig, frames, lang, active=active, prefix_key="tensors.anim", frame_ms=500)
