"""Figures of the backprop page: the computational graph stepped backward, and the three gradients side by side."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import plotly.graph_objects as go

from i18n import t
from i18n.numbers import num
from viz.common import HALO, Figure, add_animated_traces, add_animation, base_layout, rounded
from viz.palette import COLORS, SERIES, rgba, tint

NODE_FONT = 16  # node boxes: the presenter size everywhere, so frames never shrink them
BOX_HEIGHT = (
    44  # px inside the border: two lines of NODE_FONT text (38 px as Chromium sets them) and 3 px above and below
)
BOX_PAD = 3  # px between a box's text and its border, left and right
BORDER, BORDER_SENDER = 2, 3  # px
BOLD = 1.09  # a bold character's width over a regular one's (Arial: 1.0-1.1)
LINE_EW = 1.4  # plotly.js draws a "line-ew" marker of size s as a line 1.4 s long
EDGE_FONT = 13
HEIGHT = {"network": 760, "expression": 560}
MARGIN = {"t": 60, "b": 120}  # title above the graph; legend, play button and step slider below it
SUB = str.maketrans("0123456789o", "₀₁₂₃₄₅₆₇₈₉ₒ")
# Node positions (x: left to right along the forward pass, y: up). Leaves feeding one node sit around it.
NETWORK = {
    "w11": (0, 8.6), "w12": (0, 7.6), "b1": (0, 6.6), "x1": (0, 4.6), "x2": (0, 3.4),
    "w21": (0, 1.4), "w22": (0, 0.4), "b2": (0, -0.6),
    "z1": (2.0, 7.6), "z2": (2.0, 0.4), "h1": (3.4, 7.6), "h2": (3.4, 0.4),
    "v1": (3.4, 9.5), "bo": (3.4, 4.0), "v2": (3.4, -1.5), "o": (4.8, 4.0),
}  # fmt: skip
# The nodes after o: MSE reads o directly, BCE goes through p = σ(o). BCE's loss sits under p, with the target
# under it, so both graphs span the same width: with L one column further right, the leaves' edges into z₁
# and z₂ were too short for their labels, which ran under the leaf boxes.
TAIL = {
    "mse": {"y": (4.8, 6.3), "L": (6.0, 4.0)},
    "bce": {"p": (6.0, 4.0), "L": (6.0, 2.2), "y": (6.0, 0.4)},
}
LIFT_PX = 38  # a level edge's label sits this far above its line, clear of the boxes at both ends ...
ON_LINE = {"w12", "w22"}  # ... except where the labels of the slanted edges beside it need that room
EXPRESSION = {"a": (0, 3.2), "b": (0, 1.8), "e": (1.3, 2.5), "c": (1.3, 0.6), "f": (2.6, 1.6), "d": (2.6, -0.3),
              "g": (3.9, 0.7), "L": (5.2, 0.7)}  # fmt: skip
KIND_COLOR = {"param": COLORS["blue"], "input": COLORS["black"], "const": COLORS["grey"]}
GRAD_COLOR = COLORS["green"]  # gradients in every chart of the page
CURRENT = COLORS["orange"]  # the node sending its gradient back, and its edges


def label(name: str) -> str:
    """w11 → w₁₁, bo → bₒ: node ids as written in the formulas."""
    return name[0] + name[1:].translate(SUB) if len(name) > 1 else name


def positions(run) -> dict[str, tuple[float, float]]:
    if run.mode == "expression":
        return EXPRESSION
    return NETWORK | TAIL["bce" if "p" in run.names else "mse"]


def _short(value: float) -> str:
    """Three significant digits, a real minus sign."""
    return num(value, 3).replace("-", "−")


def _factor(value: float) -> str:
    text = _short(value)
    return f"({text})" if value < 0 else text


def _edge_text(run, e: int, walked: bool, current: bool) -> str:
    """local × upstream once the gradient has come back along edge ``e``; local × ? before (known after forward)."""
    text = f"{_factor(run.local[e])}×{_factor(run.upstream[e]) if walked else '?'}"
    return f"<b>{text}</b>" if current else text


def _node_text(run, i: int, known: float, partial: bool, lang: str) -> str:
    """A box's text: name = forward value, then ∇ = ∂L/∂node once the backward pass has reached it ("…" while
    more is still to come), or the target's note."""
    head = f"<b>{label(run.names[i])}</b> = {_short(run.values[i])}"
    if run.ops[i] == "const":
        return f"{head}<br><i>{t('bp.target_note', lang)}</i>"
    grad = "∇ ?" if np.isnan(known) else f"∇ {_short(known)}{' …' if partial else ''}"
    return f"{head}<br><span style='color:{GRAD_COLOR}'>{grad}</span>"


def _op_hover(run, i: int, lang: str) -> str:
    op = run.ops[i]
    key = f"bp.kind.{op}" if op in ("param", "input", "const") else f"bp.op.{op}"
    return t(key, lang)


def graph_figure(run, lang: str) -> go.Figure:
    """The computational graph: forward values in every node; frames step the chain rule back from L."""
    pos = positions(run)
    xy = np.array([pos[n] for n in run.names], dtype=float)
    src, dst = run.edges[:, 0], run.edges[:, 1]
    mid = (xy[src] + xy[dst]) / 2
    y_range = (xy[:, 1].min() - 0.6, xy[:, 1].max() + 0.6)
    lift = LIFT_PX * (y_range[1] - y_range[0]) / (HEIGHT[run.mode] - MARGIN["t"] - MARGIN["b"])
    level = (xy[src, 1] == xy[dst, 1]) & ~np.isin(np.array(run.names)[src], list(ON_LINE))
    mid[:, 1] += np.where(level, lift, 0.0)
    fig = Figure()
    const = [i for i, op in enumerate(run.ops) if op == "const"]
    ex, ey = [], []
    for s, d in [*run.edges.tolist(), *[(i, len(run.names) - 1) for i in const]]:
        ex += [xy[s, 0], xy[d, 0], None]
        ey += [xy[s, 1], xy[d, 1], None]
    fig.add_trace(
        go.Scatter(x=ex, y=ey, mode="lines", line={"color": tint(COLORS["grey"], 0.45), "width": 2},
                   name=t("bp.trace_edges", lang), hoverinfo="skip")
    )  # fmt: skip
    steps = len(run.steps)
    count = steps + 2  # frame 0: forward values only; 1: ∂L/∂L = 1; then one frame per backward step
    box_styles, boxes = _box_traces(run, xy, count, lang)

    def segments(mask) -> dict:
        xs, ys = [], []
        for e in np.flatnonzero(mask):
            xs += [xy[src[e], 0], xy[dst[e], 0], None]
            ys += [xy[src[e], 1], xy[dst[e], 1], None]
        if not xs:  # a zero-length stroke under the loss box: the trace stays drawn (a frame never empties it)
            xs, ys = [xy[-1, 0]] * 2, [xy[-1, 1]] * 2
        return {"x": xs, "y": ys}

    def frame_data(j: int) -> dict:
        k = j - 1  # backward steps done
        walked = run.edge_step <= k if j > 0 else np.zeros(len(src), bool)
        current = run.edge_step == k
        labels = [_edge_text(run, e, walked[e], current[e]) for e in range(len(src))]
        if j == 0:
            title = t("bp.frame_forward", lang, loss=run.loss_value)
        elif j == 1:
            title = t("bp.frame_seed", lang)
        else:
            node = run.steps[k - 1]
            title = t("bp.frame_step", lang, k=k, s=steps, node=label(run.names[node]), g=_short(run.grads[node]))
        return {
            "name": str(j),
            "data": [segments(walked & ~current), segments(current), {"text": labels}, *boxes(j)],
            "layout": {"title": {"text": title}},
        }

    styles = [
        {"type": "scatter", "mode": "lines", "line": {"color": rgba(GRAD_COLOR, 0.55), "width": 4},
         "name": t("bp.trace_walked", lang), "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines", "line": {"color": CURRENT, "width": 6},
         "name": t("bp.trace_current", lang), "hoverinfo": "skip"},
        {"type": "scatter", "mode": "text", "x": rounded(mid[:, 0]), "y": rounded(mid[:, 1]),
         "textposition": "middle center", "textfont": {"size": EDGE_FONT, "color": COLORS["black"], "shadow": HALO},
         "name": t("bp.trace_edge_labels", lang), "showlegend": False,
         "hovertext": [t("bp.hover_edge", lang, dst=label(run.names[d]), src=label(run.names[s]),
                         local=_short(run.local[e]), up=_short(run.upstream[e]),
                         prod=_short(run.local[e] * run.upstream[e]))
                       for e, (s, d) in enumerate(run.edges.tolist())],
         "hoverinfo": "text"},
        *box_styles,
    ]  # fmt: skip
    base_layout(fig, height=HEIGHT[run.mode], title=" ")
    frames = add_animated_traces(fig, styles, frame_data, count)
    pad = 0.62
    fig.update_xaxes(visible=False, range=[xy[:, 0].min() - pad, xy[:, 0].max() + pad], fixedrange=True)
    fig.update_yaxes(visible=False, range=list(y_range), fixedrange=True)
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": MARGIN["t"]},
        legend={"y": -0.02, "yanchor": "top", "orientation": "h", "x": 0},
        hovermode="closest",
        plot_bgcolor="white",
    )
    return add_animation(fig, frames, lang, redraw=True, prefix_key="bp.step_prefix", y=-0.08)  # frames set the title


def _nodes(run, j: int, lang: str) -> list[tuple[str, str, str, bool]]:
    """Each node at frame j: its text (``_node_text``), its border colour, its fill, and whether it is the node
    sending its gradient back."""
    k = j - 1
    known = run.grad_after[min(max(k, 0), len(run.steps))] if j > 0 else np.full(len(run.names), np.nan)
    sender = run.steps[k - 1] if k >= 1 else (len(run.names) - 1 if j == 1 else -1)
    nodes = []
    for i, name in enumerate(run.names):
        later = run.edge_step[run.edges[:, 0] == i]
        partial = bool(np.any(later > k)) and not np.isnan(known[i])
        kind = run.ops[i] if run.ops[i] in KIND_COLOR else "op"
        border = KIND_COLOR.get(kind, COLORS["black"] if name == "L" else COLORS["grey"])
        fill = "white" if kind != "param" else tint(COLORS["blue"], 0.88)
        text = _node_text(run, i, known[i], partial, lang)
        nodes.append((text, CURRENT, tint(CURRENT, 0.7), True) if i == sender else (text, border, fill, False))
    return nodes


def _char_em(ch: str) -> float:
    """Width of one character of a node's text in em, a little over its width in Arial and Helvetica (the
    figure font's fallbacks, measured in Chromium) so that Open Sans, the first choice and a few per cent
    wider, fits too."""
    if ch in "fijlt.,:; ":
        return 0.3
    if ch in "()[]-r":
        return 0.36
    if ch in "mwMW":
        return 0.86
    if "₀" <= ch <= "₉" or ch == "ₒ":
        return 0.42
    if ord(ch) < 0x2000 or ch == "−":
        return 0.6  # digits, letters, =, ×, ?
    return 1.0  # ∇, …, Hangul


def text_px(text: str, size: float = NODE_FONT) -> float:
    """Width in pixels of the widest line of a node's text (plotly's markup: <br> breaks lines, <b> is bold)."""
    widest = 0.0
    for line in text.split("<br>"):
        em, bold = 0.0, False
        for part in re.split(r"(<[^>]*>)", line):
            if part.startswith("<"):
                bold = part == "<b>" or (bold and part != "</b>")
                continue
            em += sum(_char_em(ch) for ch in part) * (BOLD if bold else 1.0)
        widest = max(widest, em * size)
    return widest


def _box_traces(run, xy: np.ndarray, count: int, lang: str) -> tuple[list[dict], Callable[[int], list[dict]]]:
    """The node boxes as traces, so a frame changes only their arrays (plotly.js redrew every annotation of the
    figure for a frame, ~35 ms; these move like a curve): the styles of the borders, the fills and the texts,
    and their data for frame j.

    A box is a marker of plotly's "line-ew" symbol (a horizontal line 1.4 × its size long) whose line is as
    thick as the box is tall: a rectangle in pixels, which keeps its size however wide the chart is, as the
    annotations it replaces did. Each box is as wide as its longest text in any frame; the markers are opaque
    (plotly.js makes markers of several sizes 70 % opaque by default)."""
    states = [_nodes(run, j, lang) for j in range(count)]
    inner = np.array([max(text_px(s[i][0]) for s in states) for i in range(len(run.names))]) + 2 * BOX_PAD
    widths = {False: BORDER, True: BORDER_SENDER}

    def data(j: int) -> list[dict]:
        nodes = states[j]
        edge = np.array([2 * widths[n[3]] for n in nodes])
        return [
            {"marker": {"size": rounded((inner + edge) / LINE_EW), "line": {"width": BOX_HEIGHT + edge,
                                                                              "color": [n[1] for n in nodes]}}},
            {"marker": {"line": {"color": [n[2] for n in nodes]}}},
            {"text": [n[0] for n in nodes]},
        ]  # fmt: skip

    at = {"x": rounded(xy[:, 0]), "y": rounded(xy[:, 1])}
    styles = [
        at | {"type": "scatter", "mode": "markers", "marker": {"symbol": "line-ew", "opacity": 1},
              "showlegend": False, "name": t("bp.trace_nodes", lang), "hoverinfo": "text",
              "hovertext": [f"{label(name)}: {_op_hover(run, i, lang)}" for i, name in enumerate(run.names)]},
        at | {"type": "scatter", "mode": "markers", "showlegend": False, "hoverinfo": "skip",
              "marker": {"symbol": "line-ew", "opacity": 1, "size": rounded(inner / LINE_EW),
                         "line": {"width": BOX_HEIGHT}}},
        at | {"type": "scatter", "mode": "text", "textposition": "middle center", "showlegend": False,
              "textfont": {"size": NODE_FONT, "color": COLORS["black"]}, "hoverinfo": "skip"},
    ]  # fmt: skip
    return styles, data


def compare_figure(run, lang: str) -> go.Figure:
    """∂L/∂leaf three ways: the graph's chain rule, torch's .grad after loss.backward(), central differences."""
    leaves = [i for i, op in enumerate(run.ops) if op in ("param", "input")]
    names = [label(run.names[i]) for i in leaves]
    fig = Figure()
    for series, (values, key, pattern) in enumerate(
        ((run.grads, "bp.col_graph", ""), (run.autograd, "bp.col_torch", "/"), (run.numeric, "bp.col_fd", "."))
    ):
        fig.add_trace(
            go.Bar(
                x=names,
                y=rounded(values[leaves]),
                name=t(key, lang),
                marker={"color": SERIES[series], "pattern": {"shape": pattern}},
                hovertemplate="%{x}: %{y:.6g}<extra>" + t(key, lang) + "</extra>",
            )
        )
    base_layout(fig, height=360, title=t("bp.compare_title", lang))
    fig.update_layout(barmode="group", legend={"y": -0.22, "yanchor": "top"}, margin={"b": 90})
    fig.update_yaxes(title_text=t("bp.axis_grad", lang), zeroline=True, zerolinecolor=COLORS["grey"])
    return fig
