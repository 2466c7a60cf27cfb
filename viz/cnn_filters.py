"""Figures of the CNN-filters page: input/kernel/feature map, ReLU + pooling, the sliding window, learned filters."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from i18n import t
from viz.common import Figure, add_animated_traces, add_animation, base_layout, panel_row, rounded, subplots
from viz.palette import COLORS, DIVERGING, TEST, TRAIN

SIGNED = DIVERGING
GRAY = "gray"
# Input, kernel, feature map: the kernel's cells wide enough for a signed weight (a 5×5 one takes more room).
CONV_COLUMNS = {3: [0.36, 0.2, 0.44], 5: [0.31, 0.29, 0.4]}
CONV_PANEL = 230  # px: the input panel's width in the desk layout's main column (about 720 px wide)
CONV_MARGINS = 60  # px above and below the panels: subplot titles
EDGE_PERCENTILE = 99.5  # feature maps saturate above this percentile of |value|; hover shows the true value


def _axes_as_images(fig: go.Figure, count: int, ticks: bool = False) -> None:
    """Every subplot shows a grid as an image: rows downward, square pixels, optional index ticks.

    A panel shorter than its cell sits at the cell's top, right under its subplot title."""
    for i in range(1, count + 1):
        n = "" if i == 1 else str(i)
        fig.layout[f"yaxis{n}"].update(
            autorange="reversed",
            scaleanchor=f"x{n}",
            constrain="domain",
            constraintoward="top",
            showgrid=False,
            showticklabels=ticks,
        )
        fig.layout[f"xaxis{n}"].update(constrain="domain", showgrid=False, showticklabels=ticks, zeroline=False)
    fig.update_yaxes(zeroline=False)


def _number(v: float, digits: int) -> str:
    if not np.isfinite(v):
        return ""
    text = f"{v:.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text  # no "-0.00"


def _numbers(z: np.ndarray, digits: int = 2) -> list[list[str]]:
    return [[_number(v, digits) for v in row] for row in np.asarray(z, dtype=float)]


def _bound(z: np.ndarray, q: float = 100) -> float:
    """Colour-scale limit: the q-th percentile of |z| (a few strong pixels would otherwise wash out the rest)."""
    m = float(np.percentile(np.abs(z), q)) if np.size(z) else 0.0
    return m if m > 0 else 1.0


def _weight(v: float) -> str:
    """A kernel weight written short enough for its cell: whole numbers without decimals, a true minus sign."""
    text = f"{v:.0f}" if float(v).is_integer() else _number(v, 1 if abs(v) >= 10 else 2)
    return text.replace("-", "−")


def _signed_ticks(m: float) -> list[float]:
    """Round colour-bar ticks at −v, 0 and v with v ≤ 0.8·m: no label at the bar's ends, under its title,
    and few enough for a bar as short as a wide image is tall."""
    e = 10 ** np.floor(np.log10(0.8 * m))
    v = float(f"{np.floor(0.8 * m / e) * e:.1g}")  # one significant digit, without float noise
    return [-v, 0.0, v]


def _kernel_heat(kernel: np.ndarray, hover: str, **kw) -> go.Heatmap:
    m = _bound(kernel)
    return go.Heatmap(
        z=rounded(kernel),
        text=[[_weight(v) for v in row] for row in np.asarray(kernel, dtype=float)],
        texttemplate="%{text}",
        textfont={"size": 15 if kernel.shape[0] <= 3 else 10},
        colorscale=SIGNED,
        zmin=-m,
        zmax=m,
        showscale=False,
        hovertemplate=hover + "<extra></extra>",
        **kw,
    )


def _nonnegative(z: np.ndarray, top: float, **style) -> go.Heatmap:
    """A ReLU output or its pooling on the shared 0 … ``top`` scale."""
    return go.Heatmap(z=rounded(z), colorscale="Viridis", zmin=0, zmax=top, **style)


def shape_latex(shape: tuple[int, int], k: int, s: int, p: int, d: int, out: tuple[int, int]) -> str:
    """The output-shape formula with this image's numbers put in, for both axes."""
    rows = r" \\ ".join(
        rf"{name}_{{out}}&=\left\lfloor\frac{{{n}+2\cdot{p}-{d}\cdot({k}-1)-1}}{{{s}}}\right\rfloor+1={o}"
        for name, n, o in zip("HW", shape, out, strict=True)
    )
    return r"\begin{aligned}" + rows + r"\end{aligned}"  # one line per axis: fits a narrow column


def conv_figure(image: np.ndarray, *, maps, lang: str) -> go.Figure:
    """Input image, kernel (with its weights written in) and the conv2d feature map, side by side."""
    h, w = image.shape
    ho, wo = maps.out.shape
    k = maps.kernel.shape[0]
    fig = panel_row(
        [
            t("cnn.fig_input", lang, h=h, w=w),
            t("cnn.fig_kernel", lang, k=k),
            t("cnn.fig_output", lang, h=ho, w=wo),
        ],
        widths=CONV_COLUMNS.get(k, CONV_COLUMNS[5]),
        spacing=0.04,
        then=(_axes_as_images, 3),
    )
    pix = t("cnn.hover_pixel", lang)
    fig.add_trace(
        go.Heatmap(
            z=np.uint8(np.round(np.clip(image, 0, 1) * 255)),  # 1 byte per pixel on the wire
            colorscale=GRAY,
            zmin=0,
            zmax=255,
            showscale=False,
            hovertemplate=pix + " (%{y}, %{x})<br>%{z} / 255<extra></extra>",
        ),
        row=1,
        col=1,
    )
    fig.add_trace(_kernel_heat(maps.kernel, "w[%{y}, %{x}] = %{z:.4g}"), row=1, col=2)
    m = _bound(maps.out, EDGE_PERCENTILE)
    fig.add_trace(
        go.Heatmap(
            z=rounded(maps.out),
            colorscale=SIGNED,
            zmin=-m,
            zmax=m,
            # The bar stops short of the top: its title sits above it, clear of the highest tick label.
            colorbar={
                "title": {"text": t("cnn.colorbar", lang), "side": "top"},
                "thickness": 12,
                "len": 0.78,
                "y": 0.8,  # its title above it in the top fifth, beside the panels' tops
                "yanchor": "top",
                "tickvals": _signed_ticks(m),
            },
            hovertemplate=t("cnn.hover_out", lang) + " (%{y}, %{x})<br>%{z:.4g}<extra></extra>",
        ),
        row=1,
        col=3,
    )
    # As tall as the image panels are at a desk's column width, so square pixels leave no empty bands.
    aspect = min(max(h / w, ho / max(wo, 1)), 1.6)
    base_layout(fig, height=CONV_MARGINS + round(CONV_PANEL * aspect), margin={"t": 40, "b": 10, "l": 10})
    return fig


def post_figure(maps, *, lang: str) -> go.Figure:
    """The feature map after ReLU and after 2×2 max-pooling, on one shared colour scale."""
    ho, wo = maps.relu.shape
    ph, pw = maps.pooled.shape
    titles = [t("cnn.fig_relu", lang, h=ho, w=wo), t("cnn.fig_pool", lang, h=ph, w=pw)]
    fig = panel_row(titles, spacing=0.06, then=(_axes_as_images, 2))
    top = _bound(maps.relu, EDGE_PERCENTILE)
    for col, z in ((1, maps.relu), (2, maps.pooled)):
        fig.add_trace(
            _nonnegative(
                z,
                top,
                showscale=col == 2,
                colorbar={"thickness": 12, "len": 0.9},
                hovertemplate="(%{y}, %{x})<br>%{z:.4g}<extra></extra>",
            ),
            row=1,
            col=col,
        )
    base_layout(fig, height=380, margin={"t": 60, "b": 20, "l": 10})
    return fig


def sliding_figure(sw, *, lang: str) -> go.Figure:
    """The kernel sliding over a small patch: window, element-wise products with their sum, output cell by cell."""
    k = sw.kernel.shape[0]
    hp, wp = sw.padded.shape
    ho, wo = sw.out.shape
    fig = panel_row(
        [
            t("cnn.sw_input", lang, h=hp, w=wp),
            t("cnn.sw_products", lang),
            t("cnn.sw_output", lang, h=ho, w=wo),
        ],
        widths=[0.42, 0.22, 0.36],
        spacing=0.06,
        then=(_axes_as_images, 3),
    )
    fig.add_trace(
        go.Heatmap(
            z=rounded(sw.padded),
            text=_numbers(sw.padded, 1),
            texttemplate="%{text}",
            textfont={"size": 11},
            colorscale=GRAY,
            zmin=0,
            zmax=1,
            showscale=False,
            hovertemplate="x[%{y}, %{x}] = %{z:.3f}<extra></extra>",
        ),
        row=1,
        col=1,
    )
    if sw.pad:  # the zero border is padding, not image
        p = sw.pad - 0.5
        fig.add_shape(
            type="rect", x0=p, y0=p, x1=wp - 1 - p, y1=hp - 1 - p,
            line={"color": COLORS["sky"], "width": 2, "dash": "dot"}, row=1, col=1,
        )  # fmt: skip
    out_m = _bound(sw.out)
    prod_m = _bound(sw.products)
    styles = [
        {
            "type": "scatter",
            "mode": "markers",
            "name": t("cnn.sw_window", lang),
            "marker": {"symbol": "square-open", "size": 26, "color": COLORS["orange"], "line": {"width": 3}},
            "hoverinfo": "skip",
            "xaxis": "x",
            "yaxis": "y",
        },
        {
            "type": "heatmap",
            "colorscale": SIGNED,
            "zmin": -prod_m,
            "zmax": prod_m,
            "showscale": False,
            "texttemplate": "%{text}",
            "textfont": {"size": 12},
            "hovertemplate": "w·x = %{z:.3f}<extra></extra>",
            "xaxis": "x2",
            "yaxis": "y2",
        },
        {
            "type": "scatter",
            "mode": "text",
            "showlegend": False,
            "textfont": {"size": 16, "color": COLORS["black"]},
            "hoverinfo": "skip",
            "xaxis": "x2",
            "yaxis": "y2",
        },
        {
            "type": "heatmap",
            "colorscale": SIGNED,
            "zmin": -out_m,
            "zmax": out_m,
            "showscale": False,
            "texttemplate": "%{text}",
            "textfont": {"size": 11 if wo <= 8 else 9},
            "hovertemplate": "y[%{y}, %{x}] = %{z:.3f}<extra></extra>",
            "xaxis": "x3",
            "yaxis": "y3",
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": t("cnn.sw_current", lang),
            "marker": {"symbol": "square-open", "size": 24, "color": COLORS["orange"], "line": {"width": 3}},
            "hoverinfo": "skip",
            "xaxis": "x3",
            "yaxis": "y3",
        },
    ]
    flat = sw.out.ravel()

    def frame_data(j: int) -> dict:
        c = int(sw.cells[j])
        i, jj = divmod(c, wo)
        rr, cc = np.meshgrid(sw.rows[j], sw.cols[j], indexing="ij")
        filled = np.where(np.arange(flat.size) <= c, flat, np.nan).reshape(ho, wo)
        total = float(sw.products[j].sum())
        return {
            "name": f"({i}, {jj})",
            "data": [
                {"x": cc.ravel().tolist(), "y": rr.ravel().tolist()},
                {"z": rounded(sw.products[j]), "text": _numbers(sw.products[j])},
                {"x": [(k - 1) / 2], "y": [k - 0.1], "text": [f"Σ = {total:.3f}"]},
                {"z": rounded(filled), "text": _numbers(filled)},
                {"x": [jj], "y": [i]},
            ],
        }

    frames = add_animated_traces(fig, styles, frame_data, len(sw.cells))
    fig.update_yaxes(range=[k + 0.4, -0.5], autorange=False, row=1, col=2)
    base_layout(fig, height=470, legend_y=-0.02, margin={"t": 60, "l": 10})
    return add_animation(fig, frames, lang, redraw=True, prefix_key="cnn.sw_cell", frame_ms=350, y=-0.1)


def learned_filters_figure(run, *, names: list[str], cos: np.ndarray, kernels: dict, lang: str) -> go.Figure:
    """Learned first-layer filters (one animation frame per epoch) above the closest hand-made kernels."""
    count = run.filters.shape[1]
    titles = [f"#{i + 1}" for i in range(count)] + [
        f"{n or t('cnn.no_match', lang)}<br>cos {c:+.2f}" for n, c in zip(names, cos, strict=True)
    ]
    fig = subplots(rows=2, cols=count, subplot_titles=titles, vertical_spacing=0.2, horizontal_spacing=0.02,
                   then=(_axes_as_images, 2 * count))  # fmt: skip
    for i, n in enumerate(names):
        if n is None:  # no classic kernel is close: the cell below stays empty
            continue
        preset = _kernel_heat(kernels[n], t(f"cnn.kernel.{n}", lang) + "<br>%{z:.3g}")
        fig.add_trace(preset.update(texttemplate=None, text=None), row=2, col=i + 1)  # too small for numbers
    bounds = np.abs(run.filters).max(axis=(0, 2, 3))  # (count,) one colour scale per filter across epochs
    styles = [
        {
            "type": "heatmap",
            "colorscale": SIGNED,
            "zmin": -float(b),
            "zmax": float(b),
            "showscale": False,
            "texttemplate": "%{text}",
            "textfont": {"size": 10},
            "hovertemplate": f"#{i + 1}: " + "w[%{y}, %{x}] = %{z:.3f}<extra></extra>",
            "xaxis": f"x{i + 1 if i else ''}",
            "yaxis": f"y{i + 1 if i else ''}",
        }
        for i, b in enumerate(bounds)
    ]

    def frame_data(e: int) -> dict:
        return {
            "name": str(e),
            "data": [{"z": rounded(f), "text": _numbers(f, 1)} for f in run.filters[e]],
        }

    frames = add_animated_traces(fig, styles, frame_data, len(run.filters))
    fig.update_annotations(font_size=12)
    base_layout(fig, height=420, title=t("cnn.learned_title", lang), margin={"t": 90, "l": 10, "r": 10})
    return add_animation(fig, frames, lang, redraw=True, prefix_key="cnn.epoch", frame_ms=400, y=-0.05)


def training_figure(run, *, lang: str) -> go.Figure:
    """Training loss and test accuracy per epoch."""
    epochs = np.arange(1, len(run.losses) + 1)
    fig = subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(
        go.Scatter(x=epochs, y=rounded(run.losses), name=t("cnn.train_loss", lang), line={"color": TRAIN}),
        secondary_y=False,
    )
    fig.add_trace(
        go.Scatter(
            x=epochs,
            y=rounded(run.test_acc * 100),
            name=t("cnn.test_acc", lang),
            line={"color": TEST, "dash": "dash"},
            mode="lines+markers",
        ),
        secondary_y=True,
    )
    fig.update_xaxes(title_text=t("cnn.axis_epoch", lang))
    fig.update_yaxes(title_text=t("cnn.train_loss", lang), secondary_y=False)
    fig.update_yaxes(
        title_text=t("cnn.test_acc", lang),
        secondary_y=True,
        range=[0, 101],
        tickmode="linear",
        dtick=20,
        showgrid=False,
    )
    return base_layout(fig, height=360)


def confusion_figure(confusion: np.ndarray, *, lang: str) -> go.Figure:
    """Test-set confusion matrix: row = true digit, column = predicted digit."""
    fig = Figure(
        go.Heatmap(
            z=confusion,
            x=list(range(10)),
            y=list(range(10)),
            text=confusion,
            texttemplate="%{text}",
            colorscale="Blues",
            showscale=False,
            hovertemplate=t("cnn.hover_confusion", lang) + "<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=t("cnn.axis_pred", lang), dtick=1, range=[-0.5, 9.5], constrain="domain")
    fig.update_yaxes(title_text=t("cnn.axis_true", lang), dtick=1, autorange="reversed", scaleanchor="x")
    return base_layout(fig, height=360)


def learned_maps_figure(digit: np.ndarray, *, maps: np.ndarray, pooled: np.ndarray, lang: str) -> go.Figure:
    """A test digit, then each learned filter's ReLU map (row 1) and its 2×2 max-pool (row 2)."""
    count = len(maps)
    specs = [[{"rowspan": 2}] + [{}] * count, [None] + [{}] * count]
    titles = [t("cnn.digit", lang)] + [f"#{i + 1}" for i in range(count)] + [""] * count
    fig = subplots(rows=2, cols=count + 1, specs=specs, subplot_titles=titles, horizontal_spacing=0.015,
                   then=(_axes_as_images, 1 + 2 * count))  # fmt: skip
    fig.add_trace(go.Heatmap(z=rounded(digit), colorscale=GRAY, showscale=False, hoverinfo="skip"), row=1, col=1)
    top = _bound(maps)
    for row, stack in ((1, maps), (2, pooled)):
        for i, z in enumerate(stack):
            fig.add_trace(
                _nonnegative(
                    z, top, showscale=False, hovertemplate=f"#{i + 1} (%{{y}}, %{{x}})<br>%{{z:.3f}}<extra></extra>"
                ),
                row=row,
                col=i + 2,
            )
    fig.update_yaxes(title_text=t("cnn.maps_relu", lang), row=1, col=2)
    fig.update_yaxes(title_text=t("cnn.maps_pool", lang), row=2, col=2)
    fig.update_annotations(font_size=12)
    base_layout(fig, height=300, margin={"t": 40, "b": 10, "l": 40, "r": 10})
    return fig
