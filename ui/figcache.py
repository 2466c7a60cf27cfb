"""What the chart element sends for a figure (``Drawn``: its JSON, the hashes of its static traces,
its moving parts), and the pages' figure cache: figures kept as Drawn, in one LRU bounded in bytes.

``st.cache_resource(max_entries=16)`` on every page kept whole ``plotly`` figure objects (validated
property trees several times the size of their JSON) plus that JSON, and bounded each page by a count,
so 18 pages x 16 entries had no bound in megabytes (877 MB of server RSS after the benchmark had
opened every page; 674 MB with this cache, 638 MB with its JSON compressed). Here a builder's figures are turned into ``Drawn``
(all the chart element needs) as they are built, and every page's builders share one LRU bounded by ``DL_FIGURE_CACHE_MB``
(default 48, counted compressed) of what they hold; the oldest entries go first, whichever page they belong to.

    from ui.chart import chart, figure_cache  # pages import both from the element's module

    @figure_cache
    def figures(cfg: DropoutConfig, language: str) -> dict: ...

Keys follow Streamlit's convention: arguments whose name starts with ``_`` are not hashed (the caller
names them by another argument, e.g. an image by its hash). A builder is identified by its file,
qualified name and compiled code, so an edited page does not get the figures of its old code.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import inspect
import json
import os
import re
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
import plotly.graph_objects as go

from viz.common import pin_image_axes
from viz.plotly_speed import figure_data


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _framed(frame: dict) -> list[int]:
    """The traces a frame sets: its ``traces``, else its first ones, as many as it has data for."""
    return list(frame.get("traces", range(len(frame.get("data", [])))))


def static_traces(figure: dict) -> list[tuple[int, str]]:
    """(index, content hash) of every trace no animation frame touches (contours, heatmaps, surfaces).

    The browser keeps the object it drew for such a trace and passes the same object to
    ``Plotly.react`` while the hash is unchanged: plotly.js treats a data array with an unchanged
    identity as unchanged, so a contour map is not traced again when only the path moved. Animated
    traces are always taken fresh: playing frames writes their data into the drawn trace objects.
    """
    animated = {i for frame in figure.get("frames") or [] for i in _framed(frame)}
    return [
        (i, _digest(json.dumps(trace, sort_keys=True, separators=(",", ":"))))
        for i, trace in enumerate(figure.get("data", []))
        if i not in animated
    ]


AXIS = re.compile(r"^[xy]axis\d*$")


def _colour_bar_follows(trace: dict) -> bool:
    """A heatmap or contour whose colour bar is drawn and ranges with its data (plotly.js redraws colour bars
    only with the whole figure)."""
    fixed = isinstance(trace.get("zmin"), (int, float)) and isinstance(trace.get("zmax"), (int, float))
    return "coloraxis" in trace or (trace.get("showscale") is not False and not fixed)


def drop_redraw(figure: dict) -> bool:
    """Set ``redraw: false`` in the slider's steps and the Play/Pause buttons of a figure whose frames the chart
    element can draw without a redraw, and say whether anything changed.

    plotly.js animates scatter traces alone, so frames that change a heatmap, a contour map or bars are
    redrawn whole (``viz.common.add_animation(redraw=True)``): the slider, the margins and every subplot,
    ~110 ms a frame on the logistic map. The chart element (ui/chart.js ``framedDraw``) draws the layers that
    hold a frame's traces from the frame's data instead, which is the same picture when the frames change
    no layout but the title (set in place) and no framed trace has a colour bar that follows its data."""
    frames = figure.get("frames") or []
    layout = figure.get("layout", {})
    commands = [step for slider in layout.get("sliders") or [] for step in slider.get("steps") or []]
    commands += [button for menu in layout.get("updatemenus") or [] for button in menu.get("buttons") or []]
    redrawn = [
        options["frame"]
        for command in commands
        if command.get("method") == "animate"
        for options in (command.get("args") or [None, None])[1:2]
        if isinstance(options, dict) and isinstance(options.get("frame"), dict) and options["frame"].get("redraw")
    ]
    if not frames or not redrawn:
        return False
    data = figure.get("data", [])
    for frame in frames:
        if set(frame.get("layout") or {}) - {"title"}:
            return False  # annotations, shapes: only a redraw draws them
        for index in _framed(frame):
            trace = data[index] if index < len(data) else {}
            if trace.get("type", "scatter") not in ("scatter", "bar") and _colour_bar_follows(trace):
                return False
    for options in redrawn:
        options["redraw"] = False
    return True


def moving_parts(figure: dict) -> dict | None:
    """What a widget change may update in place, or None if the figure must go through ``Plotly.react``.

    A figure animated without redraw (paths, curves, points moving over a fixed map; see ``drop_redraw``)
    whose frames change only data, axis ranges and the title, or a figure with no frames at all: the browser can move its
    animated traces to the new data the way a scrub does, swap the frames and set what changed on the
    axes, if everything else is as on screen. ``shape`` is the hash of that everything else: the layout
    without the axes' settings, the title's text and the sliders' position and steps, the axes' names,
    and the type of every trace (the static ones are compared by their own hashes). A new number of
    steps (frames) is swapped in with the frames, a new title text set with the axes (a title that counts
    the epochs or steps changes with the parameter; ~8 ms to set instead of a react, 30-80 ms).

    ``forms`` holds, for each static trace the browser can move (``_movable``), the hash of everything in
    it but its data (``_form``): a static trace that follows the parameters (the start marker, the full
    run's faint curve, every curve, heatmap and bar chart of a figure without frames) is moved with the
    animated ones when only its data changed, instead of forcing a react. Axes without a set range
    autorange again after such a move.
    """
    frames = figure.get("frames") or []
    sliders = figure.get("layout", {}).get("sliders") or []
    if bool(frames) != bool(sliders):
        return None  # frames played by buttons alone, or a slider of another kind: leave them to react
    first_steps = sliders[0].get("steps", [])[:1] if sliders else []
    if any(step.get("args", [None, {}])[1].get("frame", {}).get("redraw", True) for step in first_steps):
        return None  # frames redrawn whole (heatmaps, bars): a move cannot show them
    moved: set[str] = set()
    for frame in frames:
        moved |= set(frame.get("layout") or {})
    if not all(AXIS.match(k) or k == "title" for k in moved):
        return None  # a frame changes an annotation: only a redraw shows that
    # Axes may differ (the loss axis follows the run: its range, its ticks): the browser sets them with
    # one relayout, which redraws the subplots on those axes but recomputes nothing; the rest is shape.
    axes = sorted(k for k in figure["layout"] if AXIS.match(k))
    layout = {k: v for k, v in figure["layout"].items() if k not in axes}
    if isinstance(layout.get("title"), dict):  # its text is set in place ("5 epochs" → "6 epochs"): one relayout
        layout["title"] = {k: v for k, v in layout["title"].items() if k != "text"}
    layout["sliders"] = [{k: v for k, v in slider.items() if k not in ("active", "steps")} for slider in sliders]
    animated = sorted({i for frame in frames for i in _framed(frame)})
    data = figure.get("data", [])
    kinds = [trace.get("type") for trace in data]
    shape = _digest(json.dumps([layout, axes, kinds, animated], sort_keys=True, separators=(",", ":")))
    forms = {str(i): _form(trace) for i, trace in enumerate(data) if i not in animated and _movable(trace)}
    return {"shape": shape, "animated": animated, "axes": axes, "forms": forms}


def _movable(trace: dict) -> bool:
    """A static trace the browser can move to new data without a redraw: a scatter (a band filled to the
    trace before it too: ui/chart.js moves it only with that trace), or a heatmap, contour map or bars,
    which it draws again (ui/chart.js ``framedDraw``). A colour bar of the trace's own is drawn again after
    the move where its range or ticks changed (ui/chart.js ``redrawColourBars``); a colour axis shared by
    traces keeps its range in the layout, which only a react sets."""
    kind = trace.get("type", "scatter")
    if kind == "scatter":
        return trace.get("fill") in (None, "none", "toself", "tozeroy", "tozerox", "tonexty", "tonextx", "tonext")
    if kind == "bar":
        return True
    return kind in ("heatmap", "contour") and "coloraxis" not in trace


# What a move sets on a static trace besides its points: per-point labels and their places, hover text,
# bar widths, and a marker colour that no colour scale maps; on heatmaps and contour maps, also the colour
# range and the ticks of their colour bar (a /cnn-filters feature map's symmetric range follows the kernel).
MOVED_KEYS = {
    "scatter": ("x", "y", "customdata", "text", "textposition", "hovertext"),
    "bar": ("x", "y", "customdata", "text", "textposition", "hovertext", "width"),
    "heatmap": ("x", "y", "z", "customdata", "text", "zmin", "zmax", "zmid"),
    "contour": ("x", "y", "z", "customdata", "text", "zmin", "zmax", "zmid"),
}
COLOUR_BAR_MOVED = ("tickvals", "ticktext")


def _form(trace: dict) -> str:
    """Hash of what a move cannot change in ``trace``: all but the keys it sets again (``MOVED_KEYS``).

    A move hands plotly.js the whole new trace; it takes every key and draws the trace again from its
    computed data. Its colour scale, mode, line and legend name stay as they were: a change of those
    needs a react (a legend entry is drawn only then). An axis without a set range autoranges again to the
    data moved onto it."""
    kind = trace.get("type", "scatter")
    moved = MOVED_KEYS.get(kind, ("x", "y"))
    form = {k: v for k, v in trace.items() if k not in moved}
    if isinstance(form.get("colorbar"), dict):
        form["colorbar"] = {k: v for k, v in form["colorbar"].items() if k not in COLOUR_BAR_MOVED}
        if not form["colorbar"]:
            del form["colorbar"]  # ticks given where none were
    marker = form.get("marker")
    if isinstance(marker, dict) and not any(k in marker for k in ("colorscale", "coloraxis", "showscale")):
        form["marker"] = {k: v for k, v in marker.items() if k != "color"}  # plain colours, one per point
        if not form["marker"]:
            del form["marker"]  # a colour given where none was
    return _digest(json.dumps(form, sort_keys=True))


def keep_labels(figure: dict) -> bool:
    """Send each empty per-point label of a scatter (its traces and frames) as a space; say whether any was.

    plotly.js removes the text node of a point whose label is empty and never adds one back: when a later
    frame or move gives that point a label, it is not drawn (logistic regression lost "B,D" after a scrub
    from a frame where B and D shared one label). A space draws nothing and keeps the node."""
    changed = False
    data = figure.get("data") or []
    scatter = [trace.get("type", "scatter") == "scatter" for trace in data]
    traces = [trace for trace, kept in zip(data, scatter, strict=True) if kept]
    for frame in figure.get("frames") or []:
        for i, trace in zip(_framed(frame), frame.get("data") or [], strict=False):
            if i < len(data) and scatter[i]:
                traces.append(trace)
    for trace in traces:
        text = trace.get("text")
        if isinstance(text, list) and "" in text:
            trace["text"] = [" " if label == "" else label for label in text]
            changed = True
    return changed


class Drawn:
    """A figure as the chart element sends it: all a page needs to keep of a figure it has built.

    ``text`` is the figure's JSON; a cached Drawn keeps it zlib-compressed (``pack()``, once the page
    that built it has it): plotly's JSON (base64 arrays, repeated keys) shrinks about 3x at level 1, for
    ~9 ms per MB once and ~3 ms per MB each time a rerun sends it (the figures sent last are also kept as
    text). JSON that would shrink less than ``MIN_SHRINK`` (mostly base64 of map frames) stays text.
    """

    __slots__ = ("_body", "moving", "revision", "static")

    def __init__(self, body: str | bytes, revision: str, static: list[tuple[int, str]], moving: dict | None):
        self._body = body  # str: the JSON; bytes: the JSON compressed
        self.revision = revision  # hash of the JSON
        self.static = static  # static_traces
        self.moving = moving  # moving_parts

    @property
    def text(self) -> str:
        body = self._body
        if not isinstance(body, bytes):
            return body
        return _recent_text(self.revision) or _keep_text(self.revision, zlib.decompress(body).decode())

    @property
    def nbytes(self) -> int:
        """Bytes the JSON takes as kept."""
        return len(self._body)

    def packed(self) -> Drawn:
        """The same figure with its JSON compressed, for keeping; kept as text if it would shrink less than
        ``MIN_SHRINK`` (judged on a sample from its middle, where a large figure's frames are)."""
        if isinstance(self._body, bytes):
            return self
        raw = self._body.encode()
        if len(raw) > 4 * SAMPLE:
            middle = raw[len(raw) // 2 - SAMPLE // 2 :][:SAMPLE]
            if len(zlib.compress(middle, 1)) * MIN_SHRINK > len(middle):
                return self
        return Drawn(zlib.compress(raw, 1), self.revision, self.static, self.moving)

    def pack(self) -> None:
        """Compress this figure's JSON in place (``packed``), keeping the text among the recent ones: the
        page that built it sends it again on its next rerun."""
        body = self._body
        if isinstance(body, bytes):
            return
        packed = self.packed()
        if packed is not self:
            _keep_text(self.revision, body)
            self._body = packed._body


# Frames of maps are mostly base64 of float32 noise, which zlib shrinks ~1.5x at ~20 ms per MB: /logistic-regression's
# boundary figure (585 kB) took 12 ms of every new value to save 210 kB of cache, before it was sent. Such a figure
# is kept as text; the cache's budget counts the bytes either way.
SAMPLE = 1 << 16
MIN_SHRINK = 2


# The JSON of the figures sent last, uncompressed: every rerun sends each chart of the page again, and a student
# moving a slider back and forth sends the same few figures, whose decompression was ~20 % of a cached rerun's
# server CPU (dropout). Shared by every session, bounded in bytes; the oldest go first.
TEXT_BUDGET = int(float(os.environ.get("DL_RECENT_FIGURES_MB", "8")) * 2**20)
_text_lock = threading.Lock()
_texts: OrderedDict[str, str] = OrderedDict()
_text_bytes = 0


def _recent_text(revision: str) -> str | None:
    with _text_lock:
        text = _texts.get(revision)
        if text is not None:
            _texts.move_to_end(revision)
        return text


def _keep_text(revision: str, text: str) -> str:
    global _text_bytes
    with _text_lock:
        if revision not in _texts and len(text) <= TEXT_BUDGET:
            _texts[revision] = text
            _text_bytes += len(text)
            while _text_bytes > TEXT_BUDGET:
                _text_bytes -= len(_texts.popitem(last=False)[1])
    return text


def drawn(fig: go.Figure) -> Drawn:
    """``fig`` as Drawn, computed once per figure object: cached figures cost nothing."""
    cached = getattr(fig, "_dl_json", None)
    if cached is None:
        pin_image_axes(fig)  # as a fresh load fits them, so that react draws them the same way
        figure = figure_data(fig)  # the JSON data of fig.to_json(), written once below (~15 ms a pass on a map)
        drop_redraw(figure)
        keep_labels(figure)
        text = json.dumps(figure, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        cached = Drawn(text, _digest(text), static_traces(figure), moving_parts(figure))
        fig._dl_json = cached
    return cached


BUDGET = int(float(os.environ.get("DL_FIGURE_CACHE_MB", "48")) * 2**20)  # compressed: ~150 MB of JSON

_lock = threading.Lock()
_entries: OrderedDict[tuple, tuple[object, int]] = OrderedDict()
_bytes = 0


def _light(value):
    """``value`` with every plotly figure in it (alone, in a tuple/list or a dict's values) as Drawn."""
    if isinstance(value, go.Figure):
        return drawn(value)
    if isinstance(value, (tuple, list)):
        return type(value)(_light(v) for v in value)
    if isinstance(value, dict):
        return {k: _light(v) for k, v in value.items()}
    return value


def _drawn_in(value) -> list[Drawn]:
    if isinstance(value, Drawn):
        return [value]
    if isinstance(value, (tuple, list)):
        return [d for v in value for d in _drawn_in(v)]
    if isinstance(value, dict):
        return [d for v in value.values() for d in _drawn_in(v)]
    return []


# A new entry's figures are compressed after the page has them, on a thread of their own: compressing (and
# decompressing to send) was on the way from a new value's compute to its chart, 2-8 ms a new value
# (/representation 7.7, /linear-regression 4.1, /sgd 2.2). zlib lets go of the GIL while it works.
_packer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="figure-packer")
_pending: set[Future] = set()


def _pack_entry(key: tuple, value) -> None:
    global _bytes
    for figure in _drawn_in(value):
        figure.pack()
    with _lock:
        entry = _entries.get(key)
        if entry is not None and entry[0] is value:
            size = size_of(value)
            _entries[key] = (value, size)
            _bytes += size - entry[1]
        _evict(BUDGET)


def _evict(budget: int) -> None:
    """Drop the least recently used entries until they hold ``budget`` bytes or one is left (under _lock)."""
    global _bytes
    while _bytes > budget and len(_entries) > 1:
        _, (_, freed) = _entries.popitem(last=False)
        _bytes -= freed


def settle() -> None:
    """Wait until every figure built so far is packed (tests and measurements that read sizes)."""
    while _pending:
        for future in list(_pending):
            future.result()


def size_of(value) -> int:
    """Bytes an entry holds (its figures' JSON text and hashes, its arrays, in containers and dataclasses: the
    feature maps /cnn-filters keeps with its figures, ~0.4 MB an entry, were counted as 64); small objects 64."""
    if isinstance(value, Drawn):
        return value.nbytes + 64 * (2 + len(value.static))
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, (tuple, list)):
        return 64 + sum(size_of(v) for v in value)
    if isinstance(value, dict):
        return 64 + sum(size_of(v) for v in value.values())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return 64 + sum(size_of(getattr(value, field.name)) for field in dataclasses.fields(value))
    return 64


def held_bytes() -> int:
    """Bytes held by every page's figure cache together."""
    return _bytes


def clear() -> None:
    global _bytes, _text_bytes
    settle()
    with _lock:
        _entries.clear()
        _bytes = 0
    with _text_lock:
        _texts.clear()
        _text_bytes = 0


def figure_cache(build: Callable) -> Callable:
    """Cache ``build``'s result with its figures as Drawn, in the shared LRU bounded by ``BUDGET``."""
    signature = inspect.signature(build)
    code = build.__code__
    identity = (code.co_filename, build.__qualname__, hash(code.co_code), hash(code.co_consts))

    @functools.wraps(build)
    def cached(*args, **kwargs):
        global _bytes
        bound = signature.bind(*args, **kwargs)
        key = (identity, tuple((k, v) for k, v in bound.arguments.items() if not k.startswith("_")))
        with _lock:
            hit = _entries.get(key)
            if hit is not None:
                _entries.move_to_end(key)
                return hit[0]
        value = _light(build(*args, **kwargs))
        size = size_of(value)
        with _lock:
            stored = key not in _entries
            if stored:
                _entries[key] = (value, size)
                _bytes += size
            _evict(BUDGET + BUDGET // 8)  # room for the figures not packed yet: the packer evicts to BUDGET
        if stored and _drawn_in(value):
            future = _packer.submit(_pack_entry, key, value)
            _pending.add(future)
            future.add_done_callback(_pending.discard)
        return value

    return cached
