"""Shared figure defaults: one plotly template (fonts, margins, colours, legend), arrows, and client-side animation.

The template is registered once as ``pio.templates["dlviz"]``; ``base_layout`` applies it with a figure's height
and title, so a builder writes only what is particular to its figure.
"""

from __future__ import annotations

import copy
import json
import re

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from core.common.plotdata import frame_steps
from i18n import t
from viz.palette import COLORS, SERIES  # noqa: F401  (COLORS: kept importable from here while pages move to viz.palette)

FONT_SIZE = 15  # readable from the back of a lecture room
# Latin first, then the Korean fonts of Linux (fonts-noto-cjk, Nanum), macOS and Windows: the browser
# falls back per glyph, so Hangul never shows as empty boxes where any of them is installed.
FONT_FAMILY = (
    '"Open Sans", "Helvetica Neue", Arial, "Noto Sans KR", "Noto Sans CJK KR", "Source Han Sans KR", '
    '"Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", sans-serif'
)
DECIMALS = 5  # arrow coordinates are sent as rounded JSON numbers
# A white halo round text written over data (plotly.js textfont.shadow): labels stay readable on lines and points
HALO = "0 0 3px white, 0 0 3px white, 0 0 2px white"


LOG_FLOOR = 1e-20  # log axes cannot show 0: a value that lands exactly on it is drawn here


def log_safe(values) -> np.ndarray:
    """``values`` raised to at least LOG_FLOOR, for a log axis."""
    return np.maximum(np.asarray(values, dtype=np.float64), LOG_FLOOR)


def rounded(values) -> np.ndarray:
    """``values`` as float32: plotly ships them as 4-byte base64, half the payload of float64."""
    return np.asarray(values, dtype=np.float32)


FONT = {"size": FONT_SIZE, "family": FONT_FAMILY}
MARGIN = {"l": 60, "r": 30, "t": 40, "b": 40}
TITLE_MARGIN = 70  # top margin of a figure with a title
# One row above the plot, left-aligned, on no background: plotly sizes a legend's box a few pixels taller after
# Plotly.react than on a fresh load, and an opaque box then covered the descenders of the title above it
# (relu's "Where each unit fires", once a dead unit adds the legend's second item).
LEGEND = {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "bgcolor": "rgba(0,0,0,0)"}
LEGEND_BELOW = {"orientation": "h", "yanchor": "top", "x": 0, "bgcolor": "rgba(0,0,0,0)"}  # under the x axis title

# plotly_white with the app's fonts, margins, palette and legend; y tick labels stand off their axis: at a
# subplot's lower-left corner the lowest y label and the first x label would otherwise touch (projector size).
TEMPLATE = go.layout.Template(pio.templates["plotly_white"])
TEMPLATE.layout.update(
    font=FONT, margin=MARGIN, legend=LEGEND, hoverlabel={"font_size": FONT_SIZE}, colorway=list(SERIES),
    title={"x": 0, "xanchor": "left"},
)  # fmt: skip
TEMPLATE.layout.yaxis.ticklabelstandoff = 10
# One number format on every axis: 1.6×10⁻⁵, never SI suffixes such as 16µ, 10n or 1p.
TEMPLATE.layout.xaxis.exponentformat = TEMPLATE.layout.yaxis.exponentformat = "power"
# Tick labels are not checked for running past the figure: plotly.js's default ("hide past div") measures every
# label's box after each draw of an axis or colour bar, a forced layout per label (~10 ms of a /linear-regression
# update whose ranges change). Our margins and automargin hold the labels inside the figure.
TEMPLATE.layout.xaxis.ticklabeloverflow = TEMPLATE.layout.yaxis.ticklabeloverflow = "allow"
for _kind in ("heatmap", "contour", "histogram2d", "surface", "scatter", "scattergl", "scatter3d", "bar"):
    for _trace in getattr(TEMPLATE.data, _kind):
        (_trace.colorbar if "colorbar" in _trace else _trace.marker.colorbar).ticklabeloverflow = "allow"
pio.templates["dlviz"] = TEMPLATE
# Every figure starts from it: plotly.py applies the default template to a new figure as the registered object
# (0.5 ms); assigning it to each figure in base_layout validated it again (~12 ms a figure, for every new value).
pio.templates.default = "dlviz"


def base_layout(fig: go.Figure, *, height: int, title: str | None = None, legend_y: float | None = None,
                margin: dict | None = None) -> go.Figure:  # fmt: skip
    """Apply the app's layout to ``fig`` with its height (and title) and return it (the template, TEMPLATE,
    is every figure's default).

    ``legend_y`` puts the legend under the plot at that paper height (below the x axis title) instead of above
    it; ``margin`` overrides some of the template's margins (room for that legend, an animation slider, ...).
    """
    fig.update_layout(
        height=height,
        font=FONT,  # also on the figure itself: a theme swap must not lose the Korean font fallbacks
        margin=MARGIN | {"t": TITLE_MARGIN if title else MARGIN["t"]} | (margin or {}),
        legend=LEGEND if legend_y is None else LEGEND_BELOW | {"y": legend_y},
        hoverlabel={"font_size": FONT_SIZE},
    )
    if title:
        fig.update_layout(title={"text": title, "x": 0, "xanchor": "left"})
    return fig


class _TracesAsGiven:
    """A figure's trace validator that builds each added trace without checking it again (see ``Figure``)."""

    def __init__(self, validator):
        self._validator = validator

    def validate_coerce(self, v, skip_invalid=False, _validate=False):
        items = v if isinstance(v, (list, tuple)) else [v]
        items = [_plotly_order(item) if isinstance(item, dict) else item for item in items]
        return self._validator.validate_coerce(items, skip_invalid, _validate=False)

    def __getattr__(self, name):
        return getattr(self._validator, name)


class Figure(go.Figure):
    """``go.Figure`` whose ``add_trace``/``add_traces`` keep each trace as it was given.

    plotly.py validated every trace twice: once where a builder writes ``go.Scatter(...)`` and again when
    ``add_trace`` rebuilt it from its properties (and a trace given as a dict once, there); a page's new value
    built dozens of traces. Here the trace is built from its properties unvalidated, with its keys in the
    validated order, so the figure's JSON is the same text; tests/test_figure_json_pages.py validates every
    figure every page draws and finds the same JSON. Reading a trace (``fig.data[0].marker.color``) works as on
    ``go.Figure``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._data_validator = _TracesAsGiven(self._data_validator)

    # ``update_xaxes(row=, col=)`` found its axes by reading every property of the layout (each read validated)
    # and matching them against the grid: 0.5-1 ms a call, five to ten calls a figure. The grid names them.
    def _cell_axes(self, prefix: str, row, col, secondary_y) -> list[str] | None:
        """The layout keys that plotly.py's select_xaxes/select_yaxes(row=, col=, secondary_y=) yield, read off the
        subplot grid; None where plotly.py's own search is needed (no grid, or no row or column given)."""
        grid = self.__dict__.get("_grid_ref")
        if not (grid and type(row) is int and type(col) is int and 0 < row <= len(grid) and 0 < col <= len(grid[0])):
            return None
        cells: dict[str, tuple] = {}  # as plotly.py maps them: the last cell naming a key wins
        for r, subplot_row in enumerate(grid):
            for c, refs in enumerate(subplot_row):
                for i, ref in enumerate(refs or ()):
                    cells.update({key: (r + 1, c + 1, i == 1) for key in ref.layout_keys if key.startswith(prefix)})
        keys = [k for k, (r, c, second) in cells.items() if (r, c) == (row, col) and secondary_y in (None, second)]
        return sorted(keys, key=lambda k: int(k[len(prefix) :] or 1))

    def update_xaxes(self, patch=None, selector=None, overwrite=False, row=None, col=None, **kwargs):
        keys = None if selector is not None else self._cell_axes("xaxis", row, col, None)
        if keys is None:
            return super().update_xaxes(patch, selector, overwrite, row, col, **kwargs)
        for key in keys:
            self.layout[key].update(patch, overwrite=overwrite, **kwargs)
        return self

    def update_yaxes(self, patch=None, selector=None, overwrite=False, row=None, col=None, secondary_y=None, **kwargs):
        keys = None if selector is not None else self._cell_axes("yaxis", row, col, secondary_y)
        if keys is None:
            return super().update_yaxes(patch, selector, overwrite, row, col, secondary_y, **kwargs)
        for key in keys:
            self.layout[key].update(patch, overwrite=overwrite, **kwargs)
        return self


WIDE_TOP = [[{"colspan": 2}, None], [{}, {}]]  # one wide panel over two
WIDE_BOTTOM = [[{}, {}], [{"colspan": 2}, None]]  # two panels over one wide


_GRIDS: dict[str, tuple[dict, object, str]] = {}  # subplots(): the layout and grid of each set of arguments
GRIDS_KEPT = 256  # sets of arguments (a few per page and language)


def subplots(*, then: tuple | None = None, **kwargs) -> go.Figure:
    """``make_subplots(**kwargs)``, worked out once per set of arguments and then copied.

    plotly.py's make_subplots validates the whole grid's layout (every axis with its domain and anchor, and the
    subplot titles) for each figure: 5-7 ms of every new value's figure, up to three times per page. The copy is
    that layout as plain data, which plotly.py keeps as it is and validates when Python reads a part of it
    (``fig.update_xaxes(row=..., col=...)`` and ``fig.add_trace(..., row=..., col=...)`` work as on the original:
    the figure carries the same grid). Its JSON is the same text (tests/test_viz_common.py).

    ``then``: (function, *args) that sets up the grid's axes further, ``function(fig, *args)``, kept in the copy
    too (a function of the layout alone: the figure has no trace yet)."""
    key = json.dumps(
        [kwargs, then and [f"{then[0].__module__}.{then[0].__qualname__}", *then[1:]]], sort_keys=True, default=repr
    )
    grid = _GRIDS.get(key)
    if grid is None:
        made = make_subplots(**kwargs)
        if then:
            then[0](made, *then[1:])
        layout = {k: v for k, v in made.to_plotly_json()["layout"].items() if k != "template"}
        grid = (layout, made.__dict__.get("_grid_ref"), made.__dict__.get("_grid_str"))
        if len(_GRIDS) >= GRIDS_KEPT:
            _GRIDS.clear()
        _GRIDS[key] = grid
    layout, grid_ref, grid_str = grid
    fig = Figure()
    try:
        fig.layout._validate = False
        for name, value in copy.deepcopy(layout).items():
            fig.layout[name] = value
    except (AttributeError, TypeError):  # pragma: no cover - a plotly.py without unvalidated properties
        fig = make_subplots(**kwargs)
        if then:
            then[0](fig, *then[1:])
        return fig
    finally:
        fig.layout._validate = True
    fig.__dict__["_grid_ref"] = grid_ref
    fig.__dict__["_grid_str"] = grid_str
    return fig


def panel_row(
    titles: list[str], *, widths: list[float] | None = None, spacing: float = 0.08, then: tuple | None = None
):
    """Panels side by side in one row: their titles, relative widths (equal if None) and the gap between them
    (``then``: as in ``subplots``)."""
    return subplots(rows=1, cols=len(titles), column_widths=widths, horizontal_spacing=spacing,
                    subplot_titles=list(titles), then=then)  # fmt: skip


def three_panels(specs: list, *, heights: tuple[float, float], spacing: tuple[float, float], titles: list[str]):
    """A 2×2 grid with one panel spanning a row (``WIDE_TOP`` or ``WIDE_BOTTOM``): row heights, (vertical,
    horizontal) spacing and the three panel titles."""
    return subplots(rows=2, cols=2, specs=specs, row_heights=list(heights), vertical_spacing=spacing[0],
                    horizontal_spacing=spacing[1], subplot_titles=list(titles))  # fmt: skip


def arrow_segments(x0, y0, x1, y1, head: float = 0.25) -> tuple[list, list]:
    """Polyline coordinates (None-separated) drawing arrows from (x0, y0) to (x1, y1)."""
    xs: list = []
    ys: list = []
    for ax, ay, bx, by in zip(np.atleast_1d(x0), np.atleast_1d(y0), np.atleast_1d(x1), np.atleast_1d(y1), strict=True):
        dx, dy = bx - ax, by - ay
        length = float(np.hypot(dx, dy))
        if length == 0 or not np.isfinite(length):
            continue
        ux, uy = dx / length, dy / length
        h = head * length
        left = (bx - h * (ux * 0.87 - uy * 0.5), by - h * (uy * 0.87 + ux * 0.5))
        right = (bx - h * (ux * 0.87 + uy * 0.5), by - h * (uy * 0.87 - ux * 0.5))
        xs += [ax, bx, None, left[0], bx, right[0], None]
        ys += [ay, by, None, left[1], by, right[1], None]
    return [None if v is None else round(float(v), DECIMALS) for v in xs], [
        None if v is None else round(float(v), DECIMALS) for v in ys
    ]


def prefix(values: np.ndarray, k: int, max_points: int = 80) -> np.ndarray:
    """values[0..k], thinned to at most ``max_points`` rows but always keeping both ends."""
    head = values[: k + 1]
    if len(head) <= max_points:
        return head
    return head[frame_steps(k, max_points)]


def _merged(style: dict, data: dict) -> dict:
    """``style`` with ``data`` merged in at every depth, as plotly.js merges a frame into its trace (a frame's
    ``marker.line.color`` keeps the style's ``marker.symbol``)."""
    out = dict(style)
    for key, value in data.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def add_animated_traces(fig: go.Figure, traces: list[dict], frame_data, count: int, **subplot) -> list[dict]:
    """Add ``traces`` (styles) showing the last frame, and return the frames as light dicts.

    ``frame_data(j)`` gives, for frame j, one dict of data keys (x, y, ...) per trace, plus an
    optional ``"layout"`` entry. Frames carry data only: plotly merges them into the styled
    traces, which keeps both the payload and the build time small.
    """
    start = len(fig.data)
    last = frame_data(count - 1)
    for style, data in zip(traces, last["data"], strict=True):
        fig.add_trace(_merged(style, data), **subplot)
    if "layout" in last:
        fig.update_layout(last["layout"])
    indices = list(range(start, start + len(traces)))
    frames = []
    for j in range(count):
        frame = frame_data(j)
        frames.append(
            {
                "name": frame["name"],
                "traces": indices,
                "data": [{"type": style["type"]} | data for style, data in zip(traces, frame["data"], strict=True)],
            }
            | ({"layout": frame["layout"]} if "layout" in frame else {})
        )
    return frames


class _PlainFrame(go.Frame):
    """A frame kept as the plain dict it was given: sent as it is, validated only if Python reads it.

    ``fig.to_json()`` sends a frame's own properties (``_props``), so a figure with these frames serialises
    without a validated trace object per trace per frame; reading a property (``frame.data[0].x`` in a test)
    answers from a validated copy, built once.
    """

    def __init__(self, frame: dict):
        super().__init__(_validate=False, **frame)

    def __getitem__(self, prop):
        checked = self.__dict__.get("_checked")
        if checked is None:
            checked = self.__dict__["_checked"] = go.Frame(self._props)
        return checked[prop]


def set_frames(fig: go.Figure, frames: list[dict]) -> None:
    """``fig.frames = frames`` without plotly.py building a validated trace object for every trace of every frame.

    Our frames are data only (``add_animated_traces``: x, y, ... per animated trace, and maybe axis ranges), written
    by our builders, and plotly.js checks them as it draws. Validating them in Python was ~40 % of building the
    gradient-descent figure (~50 of 125 ms for each new learning rate). The figure's JSON is the same either way
    and ``fig.frames`` reads back as validated frames (tests/test_viz_common.py).
    """
    try:
        plain = tuple(_PlainFrame(frame) for frame in frames)
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - a plotly.py without unvalidated objects
        fig.frames = frames
        return
    fig._frame_objs = plain  # what the frames setter stores, less the validation


def _plotly_order(value, inside_args: bool = False):
    """``value`` with its objects' keys in the order plotly.py's validation writes them (sorted), except
    in a menu's or step's ``args`` (free values that plotly.py keeps as given). A list is gone through only
    if it starts with an object or a list: a trace's lists of numbers are kept as they are."""
    if isinstance(value, dict):
        items = value.items() if inside_args else sorted(value.items())
        return {k: _plotly_order(v, inside_args or k == "args") for k, v in items}
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], (dict, list, tuple)):
        return [_plotly_order(v, inside_args) for v in value]
    return value


def set_plain_layout(fig: go.Figure, **props) -> None:
    """``fig.update_layout(**props)`` for our own play buttons and frame slider, without plotly.py validating
    them: it built a validated object per slider step and deep-copied them all (~10 ms of every new value's
    figure with 100 frames). plotly.py keeps the values as plain data and validates them if Python reads them
    (``fig.layout.sliders``); the JSON is the same text (tests/test_viz_common.py), and plotly.js checks
    them as it draws."""
    layout = fig.layout
    try:
        layout._validate = False
        for name, value in props.items():
            layout[name] = _plotly_order(value)
    except (AttributeError, TypeError):  # pragma: no cover - a plotly.py without unvalidated properties
        layout._validate = True
        fig.update_layout(**props)
    finally:
        layout._validate = True


def add_animation(
    fig: go.Figure,
    frames: list[dict],
    lang: str,
    *,
    redraw: bool = False,
    active: int | None = None,
    prefix_key: str = "anim.step",
    frame_ms: int = 120,
    y: float = 0,
) -> go.Figure:
    """Attach ``frames`` with plotly's own slider and play/pause buttons (scrubbing stays in the browser).

    ``redraw``: the frames change more than scatter traces (heatmaps, contours, bars, the title), so plotly.js
    must redraw the figure for each. The figure sent to our chart element goes without it where the element
    draws those traces itself (``ui.figcache.drop_redraw``, ui/chart.js ``framedDraw``); this figure stays right
    in any plotly.js viewer."""
    set_frames(fig, frames)
    active = len(frames) - 1 if active is None else active
    set_plain_layout(
        fig,
        updatemenus=[
            {
                "type": "buttons",
                "direction": "left",
                "x": 0,
                "y": y,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"t": 50, "r": 10},
                "showactive": False,
                "buttons": [
                    {
                        "label": t("anim.play", lang),
                        "method": "animate",
                        "args": [
                            None,
                            {
                                "frame": {"duration": frame_ms, "redraw": redraw},
                                "fromcurrent": False,
                                "transition": {"duration": 0},
                                "mode": "immediate",
                            },
                        ],
                    },
                    {
                        "label": t("anim.pause", lang),
                        "method": "animate",
                        "args": [[None], {"frame": {"duration": 0, "redraw": redraw}, "mode": "immediate"}],
                    },
                ],
            }
        ],
        sliders=[
            {
                "active": active,
                "x": 0.16,
                "len": 0.84,
                "y": y,
                "yanchor": "top",
                "pad": {"t": 35},
                "currentvalue": {"prefix": t(prefix_key, lang), "font": {"size": FONT_SIZE}, "xanchor": "right"},
                "transition": {"duration": 0},
                "steps": [
                    {
                        "label": f["name"],
                        "method": "animate",
                        "args": [
                            [f["name"]],
                            {
                                "frame": {"duration": 0, "redraw": redraw},
                                "mode": "immediate",
                                "transition": {"duration": 0},
                            },
                        ],
                    }
                    for f in frames
                ],
            }
        ],
    )
    fig.update_layout(margin={"b": max(fig.layout.margin.b or 0, 120)})
    return fig


def pin_image_axes(fig: go.Figure) -> None:
    """Give the image subplots of ``fig`` the ranges plotly's autorange gives them: subplots whose axes are
    tied by ``scaleanchor``, both automatic, and filled only by heatmaps placed by ``x0``/``dx`` (each
    cell's edges, e.g. -0.5 to width − 0.5; rows downward where the y axis is ``reversed``).

    A fresh load draws such a subplot exactly so. ``Plotly.react`` kept the previous fit of automatic tied
    axes instead (a feature map that shrank at stride 2 kept the full domain and a range padded past the
    image), and autoranging them again after every react cost a second full plot (~230 ms a change on
    the CNN page). With the ranges set, react and a fresh load agree at no extra cost.
    """
    # plotly.py's own dict of the layout, read as it is: to_plotly_json() deep-copies the whole layout first,
    # sliders and all (~20 ms of a new value's figure on /optimizers, for the few axes read here)
    layout = fig._layout if isinstance(getattr(fig, "_layout", None), dict) else fig.layout.to_plotly_json()
    for name, yaxis in list(layout.items()):
        if not re.fullmatch(r"yaxis\d*", name) or not isinstance(yaxis, dict):
            continue
        x_id, y_id = yaxis.get("scaleanchor"), "y" + name[5:]
        x_name = f"xaxis{x_id[1:]}" if isinstance(x_id, str) else None
        if x_name is None or yaxis.get("range") is not None or (layout.get(x_name) or {}).get("range") is not None:
            continue
        if yaxis.get("autorange") not in (None, True, "reversed"):
            continue
        cells = [trace for trace in fig.data if (trace.xaxis or "x") == x_id and (trace.yaxis or "y") == y_id]
        if not cells or any(not _placed_heatmap(trace) for trace in cells):
            continue
        xs, ys = zip(*(_heatmap_edges(trace) for trace in cells), strict=True)
        x_range = [min(lo for lo, _ in xs), max(hi for _, hi in xs)]
        y_range = [min(lo for lo, _ in ys), max(hi for _, hi in ys)]
        if yaxis.get("autorange") == "reversed":
            y_range.reverse()
        fig.layout[name].update(range=y_range, autorange=None)
        fig.layout[x_name].update(range=x_range)


def _placed_heatmap(trace) -> bool:
    return (
        trace.type == "heatmap" and trace.x is None and trace.y is None and not trace.transpose and trace.z is not None
    )


def _heatmap_edges(trace) -> tuple[tuple[float, float], tuple[float, float]]:
    rows = len(trace.z)
    cols = len(trace.z[0]) if rows else 0
    x0, dx = (trace.x0 if trace.x0 is not None else 0), (trace.dx if trace.dx is not None else 1)
    y0, dy = (trace.y0 if trace.y0 is not None else 0), (trace.dy if trace.dy is not None else 1)
    return (x0 - dx / 2, x0 + (cols - 0.5) * dx), (y0 - dy / 2, y0 + (rows - 0.5) * dy)
