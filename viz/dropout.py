"""Figures of the dropout page: the two models side by side with their losses, the network, the mean, MC, BN."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.regularize.probes import verdict
from i18n import t
from viz.common import (
    WIDE_BOTTOM,
    Figure,
    add_animated_traces,
    add_animation,
    base_layout,
    rounded,
    subplots,
    three_panels,
)
from viz.fmt import log_axis
from viz.palette import CLASS, CLASS_SCALE, COLORS, rgba

MODEL_COLORS = {"plain": COLORS["vermillion"], "reg": COLORS["green"]}  # not the class colours
CLASS_STYLE = ({"symbol": "circle", "color": CLASS[0]}, {"symbol": "diamond", "color": CLASS[1]})


def model_labels(cfg, *, lang: str) -> dict[str, str]:
    """Names of the two models: "plain" and the regularized one, named by what is switched on."""
    p, wd = cfg.p, cfg.weight_decay
    parts = [t("drop.part_dropout", lang, p=p)] * (p > 0) + [t("drop.part_l2", lang, wd=wd)] * (wd > 0)
    parts += [t("drop.part_bn", lang)] * cfg.batchnorm
    return {"plain": t("drop.model_plain", lang), "reg": " + ".join(parts) or t("drop.model_same", lang)}


def verdict_text(cmp, *, lang: str) -> tuple[str, str]:
    """The verdict on the two validation curves (core's ``verdict``) and the sentence that explains it."""
    plain, final, reg_final = cmp.plain, float(cmp.plain.val_loss[-1]), float(cmp.reg.val_loss[-1])
    kind = verdict(cmp)
    text = t(
        f"drop.verdict_{kind}",
        lang,
        best=float(plain.val_loss[plain.best_epoch]),
        e=plain.best_epoch,
        final=final,
        reg=model_labels(cmp.cfg, lang=lang)["reg"],
        reg_final=reg_final,
        pct=100 * (1 - reg_final / final),
    )
    return kind, text


def _data_traces(fig: go.Figure, data, col: int, lang: str) -> None:
    """Training points (and the true curve for regression), static under the animated predictions."""
    show = col == 1
    if data.task == "classification":
        for c, style in enumerate(CLASS_STYLE):
            pts = data.x_train[data.y_train == c]
            fig.add_trace(
                go.Scatter(
                    x=rounded(pts[:, 0]),
                    y=rounded(pts[:, 1]),
                    mode="markers",
                    name=t(f"drop.trace_class{c}", lang),
                    legendgroup=f"class{c}",
                    showlegend=show,
                    marker=style | {"size": 10, "line": {"width": 1.5, "color": COLORS["black"]}},
                ),
                row=1,
                col=col,
            )
        return
    for trace in _curve_data(data, show, lang):
        fig.add_trace(trace, row=1, col=col)


def _curve_data(data, show: bool, lang: str) -> list[go.Scatter]:
    """The regression task's noiseless curve and its training points."""
    point = {"size": 9, "color": COLORS["orange"], "line": {"width": 1.5, "color": COLORS["black"]}}
    shown = {"truth": (data.grid[:, 0], data.truth, "lines"), "train": (data.x_train[:, 0], data.y_train, "markers")}
    style = {"truth": {"line": {"color": COLORS["grey"], "dash": "dot", "width": 2}}, "train": {"marker": point}}
    names = {"truth": "drop.trace_truth", "train": "drop.trace_train_pts"}
    return [
        go.Scatter(
            x=rounded(x),
            y=rounded(y),
            mode=mode,
            name=t(names[group], lang),
            legendgroup=group,
            showlegend=show,
            **style[group],
        )
        for group, (x, y, mode) in shown.items()
    ]


def _loss_traces(fig: go.Figure, run, key: str, label: str, lang: str) -> None:
    epochs = np.arange(len(run.train_loss))
    color = MODEL_COLORS[key]
    curves = {  # training dashed, validation solid with the gap to it shaded
        "train": (run.train_loss, {"line": {"color": color, "width": 2, "dash": "dash"}}),
        "val": (
            run.val_loss,
            {"line": {"color": color, "width": 3}, "fill": "tonexty", "fillcolor": rgba(color, 0.15)},
        ),
    }
    for which, (loss, style) in curves.items():
        name = t(f"drop.trace_{which}_loss", lang, model=label)
        fig.add_trace(go.Scatter(x=epochs, y=rounded(loss), mode="lines", name=name, **style), row=2, col=1)
    best, last = run.best_epoch, len(run.train_loss) - 1
    # the label beside its star, in from either end of the axis (centred, "best: 196" ran off the plot's edge)
    side = "left" if best > 0.85 * last else "right" if best < 0.1 * last else "center"
    fig.add_trace(
        go.Scatter(
            x=[best],
            y=rounded([run.val_loss[best]]),
            mode="markers+text",
            name=t("drop.trace_best", lang, model=label),
            text=[t("drop.best_label", lang, epoch=best)],
            textposition=f"{'bottom' if key == 'plain' else 'top'} {side}",  # apart when both bests coincide
            textfont={"color": color},
            marker={"symbol": "star", "size": 17, "color": color, "line": {"width": 1, "color": COLORS["black"]}},
        ),
        row=2,
        col=1,
    )


def comparison_figure(cmp, *, labels: dict[str, str], lang: str) -> go.Figure:
    """Both models' predictions side by side, animated over epochs, above train/val loss with the gap shaded."""
    data, runs = cmp.data, {"plain": cmp.plain, "reg": cmp.reg}
    classify = data.task == "classification"
    titles = [labels["plain"], labels["reg"], t("drop.loss_title", lang)]
    fig = three_panels(WIDE_BOTTOM, heights=(0.56, 0.44), spacing=(0.2, 0.08), titles=titles)
    for col in (1, 2):
        _data_traces(fig, data, col, lang)
    for key, run in runs.items():
        _loss_traces(fig, run, key, labels[key], lang)
    frames = cmp.plain.frames if len(cmp.plain.frames) <= len(cmp.reg.frames) else cmp.reg.frames
    all_loss = np.concatenate([r.train_loss for r in runs.values()] + [r.val_loss for r in runs.values()])
    # Losses on a log axis, whatever they span: a plain net drives its training loss down by orders of magnitude
    # (10⁻³ on noiseless data) where the regularised one levels off, which a linear axis flattens to zero. An
    # axis chosen by the spread (log above 20×) flipped between log and linear every few values of n between 55
    # and 100, where the smallest training loss came out 0.003 or 0.1 from one value to the next, and each flip
    # drew the whole figure twice in the browser. Linear only for a loss that reached 0.
    log_loss = bool(np.all(all_loss > 0))
    y_lo, y_hi = float(all_loss.min()), float(all_loss.max())
    if classify:
        side = data.grid_shape[1]
        x1, x2 = rounded(data.grid[:side, 0]), rounded(data.grid[::side, 1])  # heatmap columns and rows
        styles = [
            {
                "type": "heatmap",
                "zsmooth": "best",
                "x": x1,
                "y": x2,
                "zmin": 0,
                "zmax": 1,
                "colorscale": CLASS_SCALE,
                "showscale": col == 2,
                "colorbar": {"title": {"text": "P(y=1)", "side": "right"}, "len": 0.5, "y": 0.8, "thickness": 12},
                "hovertemplate": "x₁=%{x:.2f}, x₂=%{y:.2f}<br>P(y=1)=%{z:.2f}<extra></extra>",
                "xaxis": f"x{col if col > 1 else ''}",
                "yaxis": f"y{col if col > 1 else ''}",
            }
            for col in (1, 2)
        ]
    else:
        styles = [
            {
                "type": "scatter",
                "mode": "lines",
                "x": rounded(data.grid[:, 0]),
                "name": t("drop.trace_fit", lang, model=labels[key]),
                "line": {"color": MODEL_COLORS[key], "width": 3},
                "xaxis": f"x{col if col > 1 else ''}",
                "yaxis": f"y{col if col > 1 else ''}",
            }
            for col, key in ((1, "plain"), (2, "reg"))
        ]
    styles.append(
        {
            "type": "scatter",
            "mode": "lines",
            "name": t("drop.trace_now", lang),
            "xaxis": "x3",
            "yaxis": "y3",
            "line": {"color": COLORS["black"], "width": 1.5, "dash": "dot"},
            "hoverinfo": "skip",
        }
    )
    cursor_y = [y_lo * 0.9, y_hi * 1.1] if log_loss else [y_lo, y_hi]

    def frame_data(j: int) -> dict:
        epoch = int(frames[j])
        views = [runs[k].pred[j].reshape(data.grid_shape) for k in ("plain", "reg")]
        preds = [{"z": rounded(v)} if classify else {"y": rounded(v)} for v in views]
        return {"name": str(epoch), "data": [*preds, {"x": [epoch, epoch], "y": cursor_y}]}

    anim = add_animated_traces(fig, styles, frame_data, len(frames))

    if classify:  # one y title per row: the right map's would sit on the left map's edge
        for col in (1, 2):
            fig.update_xaxes(title_text="x₁", range=[float(x1[0]), float(x1[-1])], row=1, col=col)
            fig.update_yaxes(title_text="x₂" if col == 1 else None, range=[float(x2[0]), float(x2[-1])], row=1, col=col)
    else:
        ys = np.concatenate([data.y_train, data.truth])
        pad = 0.6 * float(np.ptp(ys))
        for col in (1, 2):
            fig.update_xaxes(title_text="x", row=1, col=col)
            fig.update_yaxes(
                title_text="y" if col == 1 else None,
                range=[float(ys.min()) - pad / 2, float(ys.max()) + pad / 2],
                row=1,
                col=col,
            )
    last = (
        max(len(r.train_loss) for r in runs.values()) - 1
    )  # epoch 0 set in from the corner, clear of the lowest loss label
    fig.update_xaxes(title_text=t("drop.axis_epoch", lang), range=[-0.03 * last, last], row=2, col=1)
    fig.update_yaxes(
        title_text=t(f"drop.axis_loss_{data.task}", lang),
        **(log_axis(all_loss) if log_loss else {"type": "linear"}),
        row=2,
        col=1,
    )
    base_layout(fig, height=1060, legend_y=-0.3, margin={"b": 320})
    fig.update_layout(hovermode="closest")
    return add_animation(fig, anim, lang, redraw=classify, prefix_key="drop.anim_epoch", y=-0.1)


def _layer_nodes(d_in: int, units: int) -> list[np.ndarray]:
    """y positions of the nodes in each drawn layer: input, hidden 1, hidden 2, output."""
    return [np.linspace(-1, 1, n) if n > 1 else np.zeros(1) for n in (d_in, units, units, 1)]


def _edges(nodes: list[np.ndarray], x0: float, alive: list[np.ndarray]) -> tuple[np.ndarray, ...]:
    """Line coordinates of edges between kept units and of edges touching a dropped unit: one segment per
    edge, then a NaN (a gap: plotly.js draws no line across it). float32 arrays ship as base64, where lists
    with None went through the JSON of every number (~20 ms of a new value's server time at 16 units)."""
    on: tuple[list, list] = ([], [])
    off: tuple[list, list] = ([], [])
    for layer in range(3):
        ya, yb = np.meshgrid(nodes[layer], nodes[layer + 1], indexing="ij")  # [i, j]: edge from unit i to j
        kept = np.outer(np.asarray(alive[layer]) > 0, np.asarray(alive[layer + 1]) > 0)
        for target, mask in ((on, kept), (off, ~kept)):
            n = int(mask.sum())
            x = np.tile(np.array([x0 + layer, x0 + layer + 1, np.nan]), n)
            y = np.stack([ya[mask], yb[mask], np.full(n, np.nan)], axis=1).ravel()
            target[0].append(x)
            target[1].append(y)
    return tuple(rounded(np.concatenate(part)) for part in (*on, *off))


def network_figure(run, *, d_in: int, hidden: int, p: float, lang: str) -> go.Figure:
    """The MLP with the units dropped at each framed epoch greyed (train mode) beside eval mode (all on)."""
    units = run.masks.shape[2]
    nodes = _layer_nodes(d_in, units)
    fig = Figure()
    eval_alive = [np.ones(len(n)) for n in nodes]
    ex, ey, _, _ = _edges(nodes, 5.0, eval_alive)
    fig.add_trace(
        go.Scatter(
            x=ex, y=ey, mode="lines", line={"color": COLORS["blue"], "width": 0.6}, hoverinfo="skip", showlegend=False
        )
    )
    fig.add_trace(
        go.Scatter(
            x=np.concatenate([np.full(len(n), 5.0 + i) for i, n in enumerate(nodes)]),
            y=rounded(np.concatenate(nodes)),
            mode="markers",
            marker={"size": 15, "color": COLORS["blue"], "line": {"width": 1, "color": COLORS["black"]}},
            name=t("drop.trace_unit_on", lang),
            hoverinfo="skip",
        )
    )
    styles = [
        {
            "type": "scatter",
            "mode": "lines",
            "line": {"color": "#E4E4E4", "width": 0.6},
            "hoverinfo": "skip",
            "showlegend": False,
        },
        {
            "type": "scatter",
            "mode": "lines",
            "line": {"color": COLORS["blue"], "width": 0.8},
            "hoverinfo": "skip",
            "showlegend": False,
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": t("drop.trace_unit_off", lang),
            "marker": {
                "size": 15,
                "color": "#D0D0D0",
                "symbol": "x-thin-open",
                "line": {"width": 2, "color": COLORS["grey"]},
            },
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "mode": "markers",
            "showlegend": False,
            "marker": {"size": 15, "color": COLORS["blue"], "line": {"width": 1, "color": COLORS["black"]}},
            "hoverinfo": "skip",
        },
    ]

    def frame_data(j: int) -> dict:
        alive = [np.ones(d_in), run.masks[j, 0], run.masks[j, 1], np.ones(1)]
        on_x, on_y, off_x, off_y = _edges(nodes, 0.0, alive)
        xs = np.concatenate([np.full(len(n), float(i)) for i, n in enumerate(nodes)])
        ys = np.concatenate(nodes)
        kept = np.concatenate(alive) > 0
        return {
            "name": str(int(run.frames[j])),
            "data": [
                {"x": off_x, "y": off_y},
                {"x": on_x, "y": on_y},
                {"x": xs[~kept], "y": rounded(ys[~kept])},
                {"x": xs[kept], "y": rounded(ys[kept])},
            ],
        }

    anim = add_animated_traces(fig, styles, frame_data, len(run.frames))
    notes = [
        {"x": 1.5, "y": 1.32, "text": f"<b>{t('drop.net_train', lang, p=p)}</b>", "font": {"size": 15}},
        {"x": 6.5, "y": 1.32, "text": f"<b>{t('drop.net_eval', lang)}</b>", "font": {"size": 15}},
    ]
    names = [t("drop.net_input", lang), t("drop.net_h1", lang), t("drop.net_h2", lang), t("drop.net_out", lang)]
    notes += [{"x": base + i, "y": -1.3, "text": name, "font": {"size": 13}} for base in (0.0, 5.0) for i, name in enumerate(names)]  # fmt: skip
    if hidden > units:
        notes.append({"x": 3.5, "y": -1.6, "text": t("drop.net_subset", lang, shown=units, hidden=hidden), "font": {"size": 13}})  # fmt: skip
    # One assignment: add_annotation validated every label before it again, each time.
    fig.update_layout(annotations=[note | {"showarrow": False} for note in notes])
    fig.update_xaxes(visible=False, range=[-0.5, 8.5])
    fig.update_yaxes(visible=False, range=[-1.75, 1.45])
    base_layout(fig, height=470, legend_y=-0.05, margin={"t": 20})
    return add_animation(fig, anim, lang, prefix_key="drop.anim_epoch", y=-0.12)


def mean_figure(check, *, p: float, lang: str) -> go.Figure:
    """Histograms of h (eval) and m ⊙ h / (1−p) (train), with both means marked."""
    centers = rounded((check.edges[:-1] + check.edges[1:]) / 2)
    width = float(check.edges[1] - check.edges[0])
    fig = Figure()
    series = (
        ("counts_eval", "drop.trace_h_eval", COLORS["blue"], check.mean_eval),
        ("counts_train", "drop.trace_h_train", COLORS["vermillion"], check.mean_train),
    )
    for field, key, color, mean in series:
        fig.add_trace(
            go.Bar(
                x=centers,
                y=getattr(check, field),
                width=width,
                name=t(key, lang, mean=mean),
                marker={"color": rgba(color, 0.55), "line": {"color": color, "width": 1}},
            )
        )
    top = float(max(check.counts_eval.max(), check.counts_train.max()))
    lines = (
        (check.mean_eval, COLORS["blue"], "solid", "drop.trace_mean_eval"),
        (check.mean_train, COLORS["vermillion"], "dash", "drop.trace_mean_train"),
        (check.mean_unscaled, COLORS["grey"], "dot", "drop.trace_mean_unscaled"),
    )
    for value, color, dash, key in lines:
        fig.add_trace(
            go.Scatter(
                x=[value, value],
                y=[0.8, top * 2],
                mode="lines",
                line={"color": color, "dash": dash, "width": 3},
                name=t(key, lang, mean=value),
            )
        )
    fig.update_layout(barmode="overlay")
    fig.update_xaxes(title_text=t("drop.axis_activation", lang))
    fig.update_yaxes(title_text=t("drop.axis_count_log", lang), **log_axis())
    base_layout(fig, height=430, title=t("drop.mean_title", lang, p=p), legend_y=-0.2, margin={"b": 150})
    return fig


def mc_figure(mc, *, data, lang: str) -> go.Figure:
    """MC dropout on the regression task: K stochastic passes, their mean and a ±2σ band."""
    x = rounded(data.grid[:, 0])
    fig = Figure()
    lo, hi = data.x_train[:, 0].min(), data.x_train[:, 0].max()
    fig.add_vrect(x0=float(lo), x1=float(hi), fillcolor=rgba(COLORS["yellow"], 0.15), line_width=0)
    fig.add_trace(
        go.Scatter(
            x=x, y=rounded(mc.mean + 2 * mc.std), mode="lines", line={"width": 0}, hoverinfo="skip", showlegend=False
        )
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=rounded(mc.mean - 2 * mc.std),
            mode="lines",
            line={"width": 0},
            fill="tonexty",
            fillcolor=rgba(COLORS["blue"], 0.25),
            name=t("drop.trace_band", lang, k=mc.passes),
        )
    )
    for i, sample in enumerate(mc.samples):
        fig.add_trace(
            go.Scatter(
                x=x,
                y=rounded(sample),
                mode="lines",
                line={"color": rgba(COLORS["blue"], 0.35), "width": 1},
                name=t("drop.trace_pass", lang),
                legendgroup="passes",
                showlegend=i == 0,
                hoverinfo="skip",
            )
        )
    lines = (
        (mc.mean, {"color": COLORS["blue"], "width": 3}, "drop.trace_mc_mean"),
        (mc.eval_pred, {"color": COLORS["black"], "width": 2, "dash": "dash"}, "drop.trace_eval_pred"),
    )
    for y, line, key in lines:
        fig.add_trace(go.Scatter(x=x, y=rounded(y), mode="lines", line=line, name=t(key, lang)))
    fig.add_traces(_curve_data(data, True, lang))
    ys = np.concatenate([data.y_train, data.truth])
    span = float(np.ptp(ys))
    fig.update_xaxes(title_text="x")
    fig.update_yaxes(title_text="y", range=[float(ys.min()) - 0.5 * span, float(ys.max()) + 0.5 * span])
    base_layout(fig, height=480, title=t("drop.mc_title", lang, k=mc.passes), legend_y=-0.18, margin={"b": 140})
    return fig


def weight_figure(plain, *, reg, labels: dict[str, str], lang: str) -> go.Figure:
    """‖W‖ of all weight matrices per epoch: weight decay keeps it small."""
    fig = Figure()
    for key, run in (("plain", plain), ("reg", reg)):
        fig.add_trace(
            go.Scatter(
                x=np.arange(len(run.weight_norm)),
                y=rounded(run.weight_norm),
                mode="lines",
                name=labels[key],
                line={"color": MODEL_COLORS[key], "width": 3, "dash": "dash" if key == "plain" else "solid"},
            )
        )
    fig.update_xaxes(title_text=t("drop.axis_epoch", lang))
    fig.update_yaxes(title_text=t("drop.axis_weight_norm", lang))
    base_layout(fig, height=400, title=t("drop.weight_title", lang))
    # The legend goes under the axis: above it, it ran into the title in the presenter view.
    fig.update_layout(legend={"y": -0.3, "yanchor": "top"}, margin={"b": 120})
    return fig


def bn_figure(layers, *, lang: str) -> go.Figure:
    """Per BatchNorm layer, the distribution of its input z and its output, overlaid."""
    fig = subplots(
        rows=1, cols=len(layers), subplot_titles=[t("drop.bn_layer", lang, i=i + 1) for i in range(len(layers))]
    )
    for i, layer in enumerate(layers):
        for side, color in (("before", COLORS["grey"]), ("after", COLORS["green"])):
            edges = getattr(layer, f"edges_{side}")
            mean, std = getattr(layer, f"mean_{side}"), getattr(layer, f"std_{side}")
            fig.add_trace(
                go.Bar(
                    x=rounded((edges[:-1] + edges[1:]) / 2),
                    y=getattr(layer, f"counts_{side}"),
                    width=float(edges[1] - edges[0]),
                    name=t(f"drop.trace_bn_{side}", lang, i=i + 1, mean=mean, std=std),
                    marker={"color": rgba(color, 0.5), "line": {"color": color, "width": 1}},
                ),
                row=1,
                col=i + 1,
            )
        fig.update_xaxes(title_text=t("drop.axis_activation", lang), row=1, col=i + 1)
    fig.update_yaxes(title_text=t("drop.axis_count", lang), row=1, col=1)
    fig.update_layout(barmode="overlay")
    base_layout(fig, height=420, legend_y=-0.25, margin={"b": 150, "t": 60})
    return fig


def lower_figures(cmp, cfg, *, lang: str) -> dict:
    """The page's figures under the comparison, by name; None for a part the run has not (MC dropout needs the
    regression task, the batch-norm panel batch norm)."""
    labels = model_labels(cfg, lang=lang)
    return {
        "net": network_figure(cmp.reg, d_in=cmp.data.x_train.shape[1], hidden=cfg.hidden, p=cfg.p, lang=lang),
        "mean": mean_figure(cmp.mean, p=cfg.p, lang=lang),
        "mc": mc_figure(cmp.mc, data=cmp.data, lang=lang) if cmp.mc else None,
        "weights": weight_figure(cmp.plain, reg=cmp.reg, labels=labels, lang=lang),
        "bn": bn_figure(cmp.bn, lang=lang) if cmp.bn else None,
    }
