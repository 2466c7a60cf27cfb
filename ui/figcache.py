"""The pages' figure caches: figures kept as what the chart element sends, in one LRU bounded in bytes.

``st.cache_resource(max_entries=16)`` on every page kept whole ``plotly`` figure objects (validated
property trees several times the size of their JSON) plus that JSON, and bounded each page by a count,
so 18 pages x 16 entries had no bound in megabytes (877 MB of server RSS after the benchmark had
opened every page; 674 MB with this cache). Here a builder's
figures are turned into ``ui.chart.Drawn`` (the JSON text and its hashes, all the chart element needs)
as they are built, and every page's builders share one LRU bounded by ``DL_FIGURE_CACHE_MB``
(default 120) of what they hold; the oldest entries go first, whichever page they belong to.

    @figure_cache
    def figures(cfg: DropoutConfig, language: str) -> dict: ...

Keys follow Streamlit's convention: arguments whose name starts with ``_`` are not hashed (the caller
names them by another argument, e.g. an image by its hash). A builder is identified by its file,
qualified name and compiled code, so an edited page does not get the figures of its old code.
"""

from __future__ import annotations

import functools
import inspect
import os
import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np
import plotly.graph_objects as go

from ui.chart import Drawn, drawn

BUDGET = int(float(os.environ.get("DL_FIGURE_CACHE_MB", "120")) * 2**20)

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


def size_of(value) -> int:
    """Bytes an entry holds (its figures' JSON text and hashes, its arrays); small objects count 64."""
    if isinstance(value, Drawn):
        return len(value.text) + 64 * (2 + len(value.static))
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, (tuple, list)):
        return 64 + sum(size_of(v) for v in value)
    if isinstance(value, dict):
        return 64 + sum(size_of(v) for v in value.values())
    return 64


def held_bytes() -> int:
    """Bytes held by every page's figure cache together."""
    return _bytes


def clear() -> None:
    global _bytes
    with _lock:
        _entries.clear()
        _bytes = 0


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
            if key not in _entries:
                _entries[key] = (value, size)
                _bytes += size
            while _bytes > BUDGET and len(_entries) > 1:
                _, (_, freed) = _entries.popitem(last=False)
                _bytes -= freed
        return value

    return cached
