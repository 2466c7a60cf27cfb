"""Figures of the logistic-regression page: the decision map with its curves, and the hidden units."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.common.grids import snapped
from i18n import t
from viz.common import HALO, add_animated_traces, add_animation, base_layout, prefix, rounded, subplots
from viz.palette import CLASS, CLASS_SCALE, COLORS, DIVERGING, TEST, TRAIN, tint

CLASS_SYMBOLS = ["circle", "square", "triangle-up", "diamond", "star"]
LABELS = "ABCDEF"
UNIT_COLS = 8  # hidden units per row in the per-unit view
LOGIT_RANGE = (5.0, 15.0)  # the sigmoid panel shows at least ±5 and at most ±15


def _region_colorscale(classes: int) -> list:
    """Class c owns [c/C, (c+1)/C): pale where the model is unsure, deeper where it is confident."""
    scale = []
    for c in range(classes):
        scale += [[c / classes, tint(CLASS[c], 0.92)], [(c + 0.999) / classes, tint(CLASS[c], 0.4)]]
    scale[-1][0] = 1.0
    return scale


def region_values(probs: np.ndarray) -> np.ndarray:
    """(…, C) probabilities → winning class + its confidence rescaled to [0, 1) (the heatmap's z)."""
    classes = probs.shape[-1]
    confidence = (probs.max(axis=-1) - 1 / classes) / (1 - 1 / classes)
    return probs.argmax(axis=-1) + np.clip(confidence, 0, 0.998)


def _point_traces(fig: go.Figure, run, lang: str) -> None:
    split = run.split
    for c in range(split.classes):
        style = {"color": CLASS[c], "symbol": CLASS_SYMBOLS[c]}
        tr, te = split.x_train[split.y_train == c], split.x_test[split.y_test == c]
        fig.add_trace(
            go.Scatter(
                x=rounded(tr[:, 0]),
                y=rounded(tr[:, 1]),
                mode="markers",
                name=t("logit.trace_class", lang, c=c),
                legendgroup=f"class{c}",
                marker=style | {"size": 8, "line": {"width": 1, "color": "white"}},
                hovertemplate=t("logit.hover_point", lang, c=c) + "<extra></extra>",
            ),
            row=1,
            col=1,
        )
        fig.add_trace(
            go.Scatter(
                x=rounded(te[:, 0]),
                y=rounded(te[:, 1]),
                mode="markers",
                name=t("logit.trace_test", lang),
                legendgroup="test",
                showlegend=c == 0,
                marker=style | {"size": 10, "line": {"width": 2, "color": COLORS["black"]}},
                hovertemplate=t("logit.hover_test", lang, c=c) + "<extra></extra>",
            ),
            row=1,
            col=1,
        )
    picked = split.x_test[run.samples]
    box = np.array(run.box)
    text, where = _point_labels((picked - box[[0, 2]]) / (box[1] - box[0]), ("top right", "bottom left"))
    fig.add_trace(
        go.Scatter(
            x=rounded(picked[:, 0]),
            y=rounded(picked[:, 1]),
            mode="markers+text",
            text=text,
            textposition=where,
            textfont={"size": 16, "color": COLORS["black"], "shadow": HALO},  # A–F stay readable on dense points
            marker={"size": 18, "symbol": "circle-open", "color": COLORS["black"], "line": {"width": 2}},
            name=t("logit.trace_followed", lang),
            hoverinfo="skip",
        ),
        row=1,
        col=1,
    )


def _map_style(run, lang: str) -> dict:
    common = {"xaxis": "x", "yaxis": "y", "x": rounded(run.xs), "y": rounded(run.ys)}
    if run.split.classes == 2:
        return common | {
            "type": "contour",
            "colorscale": CLASS_SCALE,
            "zmin": 0,
            "zmax": 1,
            "contours": {"start": 0.5, "end": 0.5, "size": 1, "coloring": "heatmap"},
            "line": {"width": 3, "color": COLORS["black"]},
            "colorbar": {
                "title": {"text": t("logit.colorbar", lang), "side": "top"},
                "orientation": "h",
                "x": 0,
                "xanchor": "left",
                "len": 0.3,
                "y": -0.1,
                "yanchor": "top",
                "thickness": 10,
            },
            "name": t("logit.trace_boundary", lang),
            "hovertemplate": "x₁ = %{x:.2f}<br>x₂ = %{y:.2f}<br>p = %{z:.3f}<extra></extra>",
        }
    return common | {
        "type": "heatmap",
        "colorscale": _region_colorscale(run.split.classes),
        "zmin": 0,
        "zmax": run.split.classes,
        "showscale": False,
        "hoverinfo": "skip",
        "name": t("logit.trace_regions", lang),
    }


def _logit_range(run) -> float:
    reach = 1.1 * float(np.abs(run.sample_logits).max()) if run.sample_logits.size else 0.0
    return float(np.clip(reach, *LOGIT_RANGE))


def _equation(w: np.ndarray, b: float) -> str:
    """w₁x₁ + w₂x₂ + b = 0 with signs written out."""

    def term(value: float, name: str) -> str:
        return f"{'−' if value < 0 else '+'} {abs(value):.2f}{name}"

    return f"{w[0]:.2f}x₁ {term(w[1], 'x₂')} {term(b, '')} = 0"


def _point_labels(xy: np.ndarray, sides: tuple[str, str], near: float = 0.15) -> tuple[list[str], list[str]]:
    """Labels for the followed points (``xy`` in fractions of the panel's width): points closer than ``near``
    share one label ("A,C") and neighbouring labels alternate ``sides``, so no two labels overlap."""
    text, where, side = [""] * len(xy), [sides[0]] * len(xy), 0
    order = list(np.argsort(xy[:, 0], kind="stable"))
    while order:
        first = order[0]
        group = [i for i in order if np.hypot(*(xy[i] - xy[first])) < near]
        order = [i for i in order if i not in group]
        text[first] = ",".join(LABELS[i] for i in sorted(group))
        where[first] = sides[side % 2]
        side += 1
    return text, where


def boundary_figure(run, *, lang: str) -> go.Figure:
    """Probability map with the boundary and the points, sigmoid/softmax of followed points, loss and accuracy."""
    classes = run.split.classes
    binary = classes == 2
    fig = subplots(
        rows=3,
        cols=2,
        specs=[[{"rowspan": 3}, {}], [None, {}], [None, {}]],
        column_widths=[0.56, 0.44],
        horizontal_spacing=0.13,  # the right panels' y titles clear of the map, at the desk and on a projector
        vertical_spacing=0.16,
        subplot_titles=[
            t("logit.map_title" if binary else "logit.map_title_multi", lang),
            t("logit.sigmoid_title" if binary else "logit.softmax_title", lang),
            t("logit.loss_title", lang),
            t("logit.acc_title", lang),
        ],
    )
    _point_traces(fig, run, lang)
    reach = _logit_range(run)
    true = run.split.y_test[run.samples]
    if binary:
        z = np.linspace(-reach, reach, 121)
        fig.add_trace(
            go.Scatter(
                x=rounded(z),
                y=rounded(1 / (1 + np.exp(-z))),
                mode="lines",
                name="σ(z)",
                line={"color": COLORS["grey"], "width": 3},
            ),
            row=1,
            col=2,
        )
        fig.add_hline(y=0.5, line={"dash": "dot", "color": COLORS["grey"]}, row=1, col=2)
    epochs = np.arange(len(run.losses))
    for col, (values, key) in enumerate(((run.losses, "logit.trace_loss_all"), (run.accuracy, "logit.trace_acc_all"))):
        fig.add_trace(
            go.Scatter(
                x=epochs,
                y=rounded(values[:, 1]),
                mode="lines",
                line={"color": COLORS["grey"], "width": 1, "dash": "dot"},
                name=t(key, lang),
                showlegend=col == 0,
                hoverinfo="skip",
            ),
            row=2 + col,
            col=2,
        )
    styles = [_map_style(run, lang)]
    if binary:
        styles.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "xaxis": "x2",
                "yaxis": "y2",
                "textfont": {"shadow": HALO},
                "marker": {
                    "size": 13,
                    "color": [CLASS[c] for c in true],
                    "symbol": [CLASS_SYMBOLS[c] for c in true],
                    "line": {"width": 2, "color": COLORS["black"]},
                },
                "showlegend": False,
                "hovertemplate": "z = %{x:.2f}<br>σ(z) = %{y:.3f}<extra></extra>",
            }
        )
    else:
        names = [f"{LABELS[i]} · {t('logit.class_short', lang, c=c)}" for i, c in enumerate(true)]
        for c in range(classes):
            styles.append(
                {
                    "type": "bar",
                    "orientation": "h",
                    "xaxis": "x2",
                    "yaxis": "y2",
                    "y": names,
                    "marker": {"color": CLASS[c], "pattern": {"shape": ["", "/", ".", "x", "-"][c]}},
                    "name": t("logit.trace_prob", lang, c=c),
                    "legendgroup": f"class{c}",
                    "showlegend": False,
                    "hovertemplate": f"p({c}) = %{{x:.3f}}<extra></extra>",
                }
            )
    for axis, key, color, dash in (
        ("3", "logit.trace_train_loss", TRAIN, "solid"),
        ("3", "logit.trace_test_loss", TEST, "dash"),
        ("4", "logit.trace_train_acc", TRAIN, "solid"),
        ("4", "logit.trace_test_acc", TEST, "dash"),
    ):
        styles.append(
            {
                "type": "scatter",
                "mode": "lines",
                "xaxis": f"x{axis}",
                "yaxis": f"y{axis}",
                "name": t(key, lang),
                "showlegend": axis == "3",
                "line": {"color": color, "width": 3, "dash": dash},
            }
        )

    def frame_data(j: int) -> dict:
        k = int(run.frames[j])
        probs = run.probs[j]
        data = [{"z": rounded(probs[..., 1] if binary else region_values(probs))}]
        logits = run.sample_logits[j]
        if binary:
            shown = np.clip(logits[:, 0], -0.95 * reach, 0.95 * reach)
            p = 1 / (1 + np.exp(-logits[:, 0]))
            # the panel is about 1.7× wider than tall
            text, where = _point_labels(
                np.column_stack([shown / reach / 2, p / 1.2 * 0.6]), ("top left", "bottom right")
            )
            data.append({"x": rounded(shown), "y": rounded(p), "text": text, "textposition": where})
        else:
            p = np.exp(logits - logits.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            data += [{"x": rounded(p[:, c])} for c in range(classes)]
        steps = prefix(epochs, k)
        for values in (run.losses, run.accuracy):
            data += [{"x": steps, "y": rounded(values[steps, 0])}, {"x": steps, "y": rounded(values[steps, 1])}]
        acc = run.accuracy[k]
        if run.w is not None and binary:
            title = t("logit.frame_title_eq", lang, k=k, eq=_equation(run.w[j, 0], float(run.b[j, 0])), acc=acc[1])
        else:
            title = t("logit.frame_title", lang, k=k, train=acc[0], test=acc[1])
        return {"name": str(k), "data": data, "layout": {"title": {"text": title}}}

    # Left margin room for the widest x₂ tick labels ("−1.5") and title: the labels change with the data,
    # and a margin that plotly had to push wider on one setting and not on the next moved the map
    # sideways and drew the whole figure twice on every change.
    base_layout(fig, height=960, title=" ", margin={"l": 84})
    frames = add_animated_traces(fig, styles, frame_data, len(run.frames))
    box = run.box
    fig.update_xaxes(range=[box[0], box[1]], title_text="x₁", constrain="domain", row=1, col=1)
    fig.update_yaxes(
        range=[box[2], box[3]],
        title_text="x₂",
        scaleanchor="x",
        scaleratio=1,
        row=1,
        col=1,
        constrain="domain",
        constraintoward="top",  # shrink the panel, never widen the range past the map
    )
    if binary:
        fig.update_xaxes(range=[-reach, reach], title_text=t("logit.axis_logit", lang), row=1, col=2)
        fig.update_yaxes(range=[-0.08, 1.12], title_text="σ(z)", row=1, col=2)
    else:
        fig.update_xaxes(range=[0, 1], title_text=t("logit.axis_prob", lang), row=1, col=2)
        fig.update_yaxes(autorange="reversed", row=1, col=2)
    # Up to a step of about a twelfth of the largest loss: two neighbouring values of a control (noise 0.20 and 0.25)
    # start from losses 4·10⁻⁵ apart, and a top that followed them exactly relaid the axis out at every change.
    high = max(float(run.losses.max()), 1e-3) * 1.05
    top = snapped(0.0, high)[1]
    fig.update_xaxes(range=[0, max(run.epochs, 1)], row=2, col=2)
    fig.update_yaxes(range=[0, top], title_text=t("logit.axis_loss", lang), row=2, col=2)
    fig.update_xaxes(range=[0, max(run.epochs, 1)], title_text=t("logit.axis_epoch", lang), row=3, col=2)
    fig.update_yaxes(range=[0, 1.04], tickformat=".0%", title_text=t("logit.axis_acc", lang), row=3, col=2)
    fig.update_yaxes(ticklabelstandoff=8, col=2)  # keeps each y "0" clear of the x "0" under it
    # meta.barUnder: the colour bar is set under the map's x-axis title in the browser (ui/chart.js placeBarUnder):
    # the squared map keeps to the top of a cell three panels tall, and a bar placed in paper coordinates hung
    # ~300 px under it at 1440 px.
    fig.update_layout(barmode="stack", legend={"y": -0.42, "yanchor": "top"}, hovermode="closest", margin={"b": 320},
                      meta={"barUnder": "x"})  # fmt: skip
    return add_animation(fig, frames, lang, redraw=True, prefix_key="logit.epoch_prefix", y=-0.19)


def units_figure(run, *, lang: str) -> go.Figure:
    """Each hidden unit's output over the input plane, one small map per unit, animated over epochs."""
    layout_rows = [
        (layer, start) for layer, maps in enumerate(run.units) for start in range(0, maps.shape[1], UNIT_COLS)
    ]
    cols = min(UNIT_COLS, max(maps.shape[1] for maps in run.units))
    titles = []
    for layer, start in layout_rows:
        width = run.units[layer].shape[1]
        titles += [
            t("logit.unit_title", lang, layer=layer + 1, unit=j + 1) for j in range(start, min(start + cols, width))
        ]
        titles += [""] * (cols - min(cols, width - start))
    fig = subplots(
        rows=len(layout_rows),
        cols=cols,
        subplot_titles=titles,
        horizontal_spacing=0.02,
        vertical_spacing=0.12 / len(layout_rows),
    )
    styles, cells = [], []
    for row, (layer, start) in enumerate(layout_rows):
        for j in range(start, min(start + cols, run.units[layer].shape[1])):
            index = row * cols + (j - start) + 1
            suffix = "" if index == 1 else str(index)
            styles.append(
                {
                    "type": "heatmap",
                    "xaxis": f"x{suffix}",
                    "yaxis": f"y{suffix}",
                    "x": rounded(run.unit_xs),
                    "y": rounded(run.unit_ys),
                    "zmin": -127,
                    "zmax": 127,
                    "zsmooth": "best",
                    "colorscale": DIVERGING,
                    "showscale": False,
                    "hoverinfo": "skip",
                }
            )
            cells.append((layer, j))

    def frame_data(f: int) -> dict:
        data = []
        for layer, j in cells:
            values = run.units[layer][f, j]
            scale = float(np.abs(values).max()) or 1.0
            data.append({"z": np.round(127 * values / scale).astype(np.int8)})
        return {"name": str(int(run.frames[f])), "data": data}

    base_layout(fig, height=max(220, 150 * len(layout_rows) + 140), title=t("logit.units_title", lang))
    frames = add_animated_traces(fig, styles, frame_data, len(run.frames))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    for row in range(1, len(layout_rows) + 1):
        for col in range(1, cols + 1):
            index = (row - 1) * cols + col
            fig.update_yaxes(scaleanchor=f"x{'' if index == 1 else index}", row=row, col=col)
    fig.update_annotations(font={"size": 12})
    return add_animation(fig, frames, lang, redraw=True, prefix_key="logit.epoch_prefix")
