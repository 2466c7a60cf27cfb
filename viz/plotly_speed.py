"""Four costs of plotly.py that our figures paid on every new parameter value, removed without changing
a byte of the JSON (tests/test_plotly_speed.py builds figures with and without each).

1. **The dataframe probe.** plotly.py checks every array it validates for a dataframe library first:
   each check asks narwhals, which tries every backend it knows before it hands a numpy array back
   unchanged. A figure of ours holds a few thousand arrays (frames: one scatter per step), so that
   check was ~30 % of building a figure and ~60 % of turning it into JSON (gradient descent, new
   learning rate: 240 → 170 ms and 98 → 40 ms). ``_Narwhals`` answers it at once for what our
   builders pass (numpy arrays, lists, tuples: narwhals returns those unchanged too) and leaves
   anything else to narwhals.
2. **Property paths parsed again and again.** Every ``update_layout(title_text=...)``, ``row=``/``col=``
   and nested property set parses its path string ("xaxis2.title.text", "marker_line_color") with a
   regular expression and a reduce, ~400 times per gradient-descent figure for ~20 distinct strings.
   The parse is a pure function of the string, so it is kept (``_parsed_path``): 30 % of building
   that figure (62 → 44 ms).
3. **Lists of plain numbers converted one element at a time.** A list such as a path with ``None``
   gaps is validated by a recursive per-element check for numpy scalars; a list whose elements are
   plain Python floats, ints, strings, booleans or None is copied as it is (``_plain_list``).
4. **An import per property set.** plotly looks up a property's validator with a function-level
   ``from .validator_cache import ValidatorCache`` on every call (25,000 calls per gradient-descent
   figure); ``_validator_lookup`` reads plotly's own cache directly and asks plotly on a miss (~13 %).

``figure_json`` is ``fig.to_json()`` without its deep copy of the whole figure: the arrays are encoded
as plotly.js typed arrays on the way, as plotly does after copying. ``figure_data`` is what that JSON reads
back as (``json.loads(fig.to_json())``), made without writing and reading the text.

``install()`` patches plotly once; if plotly stops working this way, the part that no longer fits is
left as it is.
"""

from __future__ import annotations

import base64
import functools
import json
import math

import numpy as np

_PLAIN = (np.ndarray, list, tuple)
_SCALARS = frozenset((float, int, str, bool, type(None)))


class _Narwhals:
    """narwhals.stable.v1 as plotly's validators see it, with ``from_native`` short-circuited."""

    def __init__(self, real):
        self._real = real

    def __getattr__(self, name):
        return getattr(self._real, name)

    def from_native(self, value, *args, **kwargs):
        if isinstance(value, _PLAIN) and kwargs.get("pass_through"):
            return value  # what narwhals returns for them: not a dataframe or series of any backend
        return self._real.from_native(value, *args, **kwargs)


def _parsed_path(parse):
    """``parse`` (plotly's ``_str_to_dict_path_full``) remembered per string; each caller gets its own
    list of positions (the tuple of keys is immutable)."""
    remembered = functools.lru_cache(maxsize=4096)(parse)

    @functools.wraps(parse)
    def parsed(key_path_str):
        if not isinstance(key_path_str, str):
            return parse(key_path_str)
        keys, positions = remembered(key_path_str)
        return keys, list(positions)

    parsed.__wrapped_parse__ = parse
    return parsed


def _plain_list(convert):
    """``convert`` (plotly's ``to_scalar_or_list``) with lists and tuples of plain scalars copied at once."""

    @functools.wraps(convert)
    def to_scalar_or_list(v):
        if type(v) is list or type(v) is tuple:
            return [e if type(e) in _SCALARS else to_scalar_or_list(e) for e in v]
        return convert(v)

    to_scalar_or_list.__wrapped_convert__ = convert
    return to_scalar_or_list


def _validator_lookup(lookup, cache: dict, get):
    """``lookup`` (plotly's ``BasePlotlyType._get_validator``) reading ``cache`` (plotly's validators by
    (path, property)) first; a miss goes to ``get``, which builds the validator and keeps it there."""

    @functools.wraps(lookup)
    def _get_validator(self, prop):
        validator = cache.get((self._path_str, prop))
        return validator if validator is not None else get(self._path_str, prop)

    _get_validator.__wrapped_lookup__ = lookup
    return _get_validator


def install() -> bool:
    """Patch plotly once (each part only if plotly still has it as expected); True if the dataframe probe
    is short-circuited."""
    try:
        from _plotly_utils import basevalidators
        from plotly import basedatatypes
    except ImportError:  # pragma: no cover - plotly without its validators
        return False
    parse = getattr(basedatatypes, "_str_to_dict_path_full", None)
    if callable(parse) and not hasattr(parse, "__wrapped_parse__"):
        basedatatypes._str_to_dict_path_full = _parsed_path(parse)
    try:
        from plotly.validator_cache import ValidatorCache
    except ImportError:  # pragma: no cover
        ValidatorCache = None
    lookup = getattr(basedatatypes.BasePlotlyType, "_get_validator", None)
    cache = getattr(ValidatorCache, "_cache", None)
    if callable(lookup) and isinstance(cache, dict) and not hasattr(lookup, "__wrapped_lookup__"):
        basedatatypes.BasePlotlyType._get_validator = _validator_lookup(lookup, cache, ValidatorCache.get_validator)
    convert = getattr(basevalidators, "to_scalar_or_list", None)
    if callable(convert) and not hasattr(convert, "__wrapped_convert__"):
        basevalidators.to_scalar_or_list = _plain_list(convert)
    current = getattr(basevalidators, "nw", None)
    if isinstance(current, _Narwhals):
        return True
    if current is None or not hasattr(current, "from_native"):
        return False
    basevalidators.nw = _Narwhals(current)
    return True


_SKIPPED = frozenset(("geojson", "layer", "layers", "range"))  # plotly's is_skipped_key: never typed arrays
_SHORT = {np.dtype(name): short for name, short in (
    ("int8", "i1"), ("uint8", "u1"), ("int16", "i2"), ("uint16", "u2"), ("int32", "i4"), ("uint32", "u4"),
    ("float32", "f4"), ("float64", "f8"))}  # fmt: skip


def _typed(array: np.ndarray, typed):
    """plotly's typed array spec for ``array``: base64 of its bytes. Here at once for the dtypes plotly.js
    reads as they are; 64-bit integers (which plotly narrows first) and anything else go to ``typed``."""
    short = _SHORT.get(array.dtype)
    if short is None or array.size == 0:
        return typed(array)
    spec = {"dtype": short, "bdata": base64.b64encode(np.ascontiguousarray(array)).decode("ascii")}
    if array.ndim > 1:
        spec["shape"] = str(array.shape)[1:-1]
    return spec


def _encoded(value, parts):
    """A copy of ``value`` (a figure's own properties) as plotly's ``convert_to_base64`` leaves its deep copy:
    a numpy array (or other homogeneous array) held by a dict, under any key but ``_SKIPPED``, becomes a
    typed array spec; one held directly by a list stays as it is."""
    typed, homogeneous = parts
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in _SKIPPED or type(item) in _SCALARS:
                out[key] = item
            elif isinstance(item, np.ndarray):
                out[key] = _typed(item, typed)
            elif isinstance(item, (dict, list, tuple)):
                out[key] = _encoded(item, parts)
            elif homogeneous(item):
                out[key] = typed(item)
            else:
                out[key] = item
        return out
    return [_encoded(item, parts) if isinstance(item, (dict, list, tuple)) else item for item in value]


@functools.cache
def _json_parts():
    """plotly's own pieces of ``to_json`` for the built-in json engine, or None where they moved or
    another engine (orjson) would be used. Read once: the app never changes plotly's JSON engine."""
    try:
        import plotly.io as pio
        from _plotly_utils.basevalidators import is_homogeneous_array
        from _plotly_utils.utils import PlotlyJSONEncoder, to_typed_array_spec
        from plotly.io._json import _safe, _swap_json
    except ImportError:  # pragma: no cover
        return None
    engine = pio.json.config.default_engine
    if engine == "auto":
        try:
            import orjson  # noqa: F401
        except ImportError:
            engine = "json"
    if engine != "json":
        return None
    return PlotlyJSONEncoder, (to_typed_array_spec, is_homogeneous_array), _safe, _swap_json


def _encoded_figure(fig, arrays, encode=_encoded) -> dict | None:
    """The figure's own properties (data, layout, frames) with their arrays encoded (by ``encode``), read
    without copying the figure; None if this plotly.py keeps them elsewhere."""
    frames = getattr(fig, "_frame_objs", None)
    if not isinstance(getattr(fig, "_data", None), list) or frames is None:
        return None
    result = {"data": encode(fig._data, arrays), "layout": encode(fig._layout, arrays)}
    if frames:
        result["frames"] = [encode(frame._props, arrays) for frame in frames]
    return result


def figure_json(fig) -> str:
    """``fig.to_json()``, the same text, without copying the figure first (a quarter of its time)."""
    parts = _json_parts()
    result = parts and _encoded_figure(fig, parts[1])
    if result is None:
        return fig.to_json()
    encoder, _, safe, swap = parts
    return safe(json.dumps(result, cls=encoder, separators=(",", ":")), swap)


class _NotPlain(Exception):
    """A value the JSON encoder would have to convert in its own way (a date, a decimal, an image, ...)."""


def _plain(value):
    """``value`` (a figure's encoded properties) as JSON reads back what plotly's encoder writes for it: tuples
    as lists, numpy scalars and arrays as Python values, NaN and infinities as None (plotly writes them as
    null)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if kind is dict:
        return {key: _plain(item) for key, item in value.items()}
    if kind is list or kind is tuple:
        return [_plain(item) for item in value]
    if isinstance(value, (np.ndarray, np.generic)) and value.dtype.kind in "biufUO":  # numbers, text, objects
        return _plain(value.tolist())
    raise _NotPlain(kind)


def _encoded_plain(value, parts):
    """``_plain(_encoded(value, parts))`` in one pass over the figure instead of two (/optimizers' race figure
    is written in 5.4 ms instead of 6.1)."""
    typed, homogeneous = parts
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            kind = type(item)
            if kind is str or kind is int or kind is bool or item is None:
                out[key] = item
            elif kind is float:
                out[key] = item if math.isfinite(item) else None
            elif key in _SKIPPED:
                out[key] = _plain(item)
            elif isinstance(item, np.ndarray):
                out[key] = _plain(_typed(item, typed))
            elif isinstance(item, (dict, list, tuple)):
                out[key] = _encoded_plain(item, parts)
            elif homogeneous(item):
                out[key] = _plain(typed(item))
            else:
                out[key] = _plain(item)
        return out
    return [_encoded_plain(item, parts) if isinstance(item, (dict, list, tuple)) else _plain(item) for item in value]


def figure_data(fig) -> dict:
    """``json.loads(fig.to_json())`` without the text: the figure's properties with their arrays encoded as in
    ``figure_json``, as JSON data. Anything the encoder would convert in its own way goes through the text."""
    parts = _json_parts()
    if parts:
        try:
            result = _encoded_figure(fig, parts[1], _encoded_plain)
        except _NotPlain:
            result = None
        if result is not None:
            return result
    return json.loads(figure_json(fig))
