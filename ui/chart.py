"""The one chart element every page uses: a plotly figure that keeps its Plotly instance across reruns.

``st.plotly_chart`` derives its element's identity from the whole figure, so every changed figure
unmounts the plot and builds it again (``Plotly.newPlot``, ~250 ms of browser CPU for a multi-panel
figure). This element is keyed by the page, receives the figure as JSON (serialised once per figure
object) and updates the same plot in place with ``Plotly.react``; clicks come back as a list of points.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import plotly
import plotly.graph_objects as go
import streamlit as st

from ui.present import presenting

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"  # served at /app/static/ (server.enableStaticServing)
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
CONFIG = {"displaylogo": False, "responsive": True}


def _publish_plotly_js() -> None:
    """Copy the plotly.js that ships inside the ``plotly`` package next to the app, once per version."""
    target = STATIC / "plotly.min.js"
    stamp = STATIC / "plotly.version"
    if target.is_file() and stamp.is_file() and stamp.read_text() == plotly.__version__:
        return
    STATIC.mkdir(exist_ok=True)
    tmp = target.with_suffix(".tmp")
    shutil.copyfile(PLOTLY_JS, tmp)
    tmp.replace(target)  # atomic: a browser never loads a half-written file
    stamp.write_text(plotly.__version__)


_publish_plotly_js()
_element = st.components.v2.component(
    "dlviz.chart", js=(Path(__file__).with_name("chart.js")).read_text(), isolate_styles=False
)


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def static_traces(figure: dict) -> list[tuple[int, str]]:
    """(index, content hash) of every trace no animation frame touches (contours, heatmaps, surfaces).

    The browser keeps the object it drew for such a trace and passes the same object to
    ``Plotly.react`` while the hash is unchanged: plotly.js treats a data array with an unchanged
    identity as unchanged, so a contour map is not traced again when only the path moved. Animated
    traces are always taken fresh: playing frames writes their data into the drawn trace objects.
    """
    animated: set[int] = set()
    for frame in figure.get("frames") or []:
        animated |= set(frame.get("traces", range(len(frame.get("data", [])))))
    return [
        (i, _digest(json.dumps(trace, sort_keys=True, separators=(",", ":"))))
        for i, trace in enumerate(figure.get("data", []))
        if i not in animated
    ]


AXIS = re.compile(r"^[xy]axis\d*$")


def moving_parts(figure: dict) -> dict | None:
    """What a widget change may update in place, or None if the figure must go through ``Plotly.react``.

    A figure animated without redraw (paths, curves, points moving over a fixed map) whose frames
    change only data and axis ranges: the browser can move its animated traces to the new data the way
    a scrub does, swap the frames and set what changed on the axes, if everything else is as on screen.
    ``shape`` is the hash of that everything else: the layout without the axes' settings and the
    sliders' position, the axes' names, and the type of every trace (the static ones are compared by
    their own hashes).
    """
    frames = figure.get("frames") or []
    sliders = figure.get("layout", {}).get("sliders") or []
    if not frames or not sliders:
        return None
    if any(
        step.get("args", [None, {}])[1].get("frame", {}).get("redraw", True) for step in sliders[0].get("steps", [])[:1]
    ):
        return None
    moved: set[str] = set()
    for frame in frames:
        moved |= set(frame.get("layout") or {})
    if not all(AXIS.match(k) for k in moved):
        return None  # a frame changes a title or an annotation: only a redraw shows that
    # Axes may differ (the loss axis follows the run: its range, its ticks): the browser sets them with
    # one relayout, which redraws axes and moves data but recomputes nothing; everything else is shape.
    axes = sorted(k for k in figure["layout"] if AXIS.match(k))
    layout = {k: v for k, v in figure["layout"].items() if k not in axes}
    layout["sliders"] = [{k: v for k, v in slider.items() if k != "active"} for slider in sliders]
    animated = sorted({i for frame in frames for i in frame.get("traces", [])})
    kinds = [trace.get("type") for trace in figure.get("data", [])]
    shape = _digest(json.dumps([layout, axes, kinds, animated], sort_keys=True, separators=(",", ":")))
    return {"shape": shape, "animated": animated, "axes": sorted(axes)}


class Drawn(NamedTuple):
    """A figure as the chart element sends it: all a page needs to keep of a figure it has built."""

    text: str  # the figure's JSON
    revision: str  # hash of the text
    static: list[tuple[int, str]]  # static_traces
    moving: dict | None  # moving_parts


def drawn(fig: go.Figure) -> Drawn:
    """``fig`` as Drawn, computed once per figure object: cached figures cost nothing."""
    cached = getattr(fig, "_dl_json", None)
    if cached is None:
        text = fig.to_json()
        figure = json.loads(text)
        cached = Drawn(text, _digest(text), static_traces(figure), moving_parts(figure))
        fig._dl_json = cached
    return cached


def chart(
    fig: go.Figure | Drawn,
    *,
    key: str,
    on_click: Callable[[list[dict]], None] | None = None,
    config: dict | None = None,
    where=None,
) -> None:
    """Draw ``fig`` in the stable chart element ``key`` (inside container ``where``, if given);
    ``on_click(points)`` runs as a callback before the rerun."""
    text, revision, static, moving = fig if isinstance(fig, Drawn) else drawn(fig)
    present = presenting()
    key = f"chart_{key}"  # element class st-key-chart_*: tests find every chart before it has drawn

    def clicked() -> None:
        points = getattr(st.session_state.get(key), "click", None)
        if on_click and points:
            on_click(points)

    with where if where is not None else contextlib.nullcontext():
        _element(
            key=key,
            data={
                "figure": text,
                "static": static,
                "moving": moving,
                "revision": f"{revision}-present" if present else revision,
                "key": key,
                "config": CONFIG | (config or {}),
                "present": present,
            },
            on_click_change=clicked,
            width="stretch",
        )
