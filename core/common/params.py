"""Declared page parameters: one frozen dataclass per page, one field per control.

A page's parameters are written once, as the fields of a frozen dataclass::

    @dataclass(frozen=True)
    class FitConfig:
        dataset: str = choice("moons", DATASETS)            # ?dataset=moons, a selectbox of IDs
        noise: float = slider(0.2, 0.0, 0.5, 0.05)          # ?noise=0.2
        epochs: int = slider(200, 10, 500, 10)
        seed: int = seed_field()                            # the global ?seed=, not drawn

The same declaration draws the bound widgets (``ui.params.controls``), gives "Try this" its
defaults (``defaults``/``experiment``), is the one argument core takes, and is what tests and
benchmarks build (``Config()``, ``replace(Config(), lr=0.5)``). ``from_query`` reads a URL the way
the widgets do (unknown or out-of-range values fall back to the default), ``to_query`` writes one.
Widget labels are i18n keys ``<prefix>.<name>`` (help ``<prefix>.<name>_help``); option labels are
``<labels>.<id>`` (``labels`` defaults to the field's text key; ``None`` shows the ID itself).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from typing import Any

KINDS = ("slider", "number", "choice", "choices", "toggle", "text", "seed")


def _field(default, kind: str, **meta):
    if isinstance(default, list):
        raise TypeError("use a tuple for a list default: configs are frozen and hashable")
    return dataclasses.field(default=default, metadata={"kind": kind, **meta})


def slider(default, lo, hi, step=None, *, fmt: str | None = None, text: str | None = None):
    """A slider over [lo, hi] (ints when every bound is an int)."""
    assert lo <= default <= hi, (lo, default, hi)
    return _field(default, "slider", min=lo, max=hi, step=step, format=fmt, text=text)


def number(default, lo, hi, step, *, fmt: str | None = None, text: str | None = None):
    """A number input over [lo, hi]."""
    assert lo <= default <= hi, (lo, default, hi)
    return _field(default, "number", min=lo, max=hi, step=step, format=fmt, text=text)


def choice(default: str, options: Sequence[str], *, labels: str | None = "", widget: str = "selectbox",
           text: str | None = None):  # fmt: skip
    """One option ID out of ``options`` (selectbox, radio, pills or segmented_control)."""
    options = tuple(options)
    assert default in options, (default, options)
    return _field(default, "choice", options=options, labels=labels, widget=widget, text=text)


def choices(default: tuple, options: Sequence[str], *, labels: str | None = "", widget: str = "multiselect",
            text: str | None = None):  # fmt: skip
    """Any subset of ``options`` (a multiselect or multi pills), as a tuple in option order."""
    options = tuple(options)
    assert set(default) <= set(options), (default, options)
    return _field(tuple(default), "choices", options=options, labels=labels, widget=widget, text=text)


def toggle(default: bool, *, text: str | None = None):
    return _field(bool(default), "toggle", text=text)


def text_field(default: str, *, max_chars: int = 200, text: str | None = None):
    """Free text (any Unicode); the page validates it and says what it accepts."""
    return _field(default, "text", max_chars=max_chars, text=text)


def seed_field():
    """The global ``?seed=``: part of the config (core takes it), drawn once in the sidebar by the app."""
    return _field(0, "seed")


def declared(cls) -> tuple[dataclasses.Field, ...]:
    """The fields of a config class, in declaration order."""
    return dataclasses.fields(cls)


def kind(f: dataclasses.Field) -> str:
    return f.metadata.get("kind", "fixed")


def highest(cls, name: str):
    """The top of field ``name``'s range (a slider's or number field's ``hi``)."""
    return next(f.metadata["max"] for f in declared(cls) if f.name == name)


def defaults(cls) -> dict[str, Any]:
    """Field name -> default value of every control a page draws (the global seed is not one)."""
    return {f.name: f.default for f in declared(cls) if kind(f) != "seed"}


def experiment(cls, **changes) -> dict[str, Any]:
    """The full settings of one "Try this" experiment: the defaults with ``changes``.

    Names and values are checked here, so a typo fails when the page module is imported.
    """
    names = set(defaults(cls))
    unknown = set(changes) - names
    if unknown:
        raise TypeError(f"{cls.__name__} has no parameter {sorted(unknown)}")
    bad = [f.name for f in declared(cls) if f.name in changes and not valid(f, changes[f.name])]
    if bad:
        raise ValueError(f"{cls.__name__}: out-of-range values for {bad}")
    return defaults(cls) | changes


def valid(f: dataclasses.Field, value) -> bool:
    """Whether ``value`` is one the field's widget could hold."""
    m, k = f.metadata, kind(f)
    if k in ("slider", "number"):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return False
        return m["min"] <= value <= m["max"]
    if k == "choice":
        return value in m["options"]
    if k == "choices":
        return isinstance(value, (tuple, list)) and all(v in m["options"] for v in value)
    if k == "toggle":
        return isinstance(value, bool)
    if k == "text":
        return isinstance(value, str) and len(value) <= m["max_chars"]
    if k == "seed":
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return True


def _parse(f: dataclasses.Field, raw: str | list[str]):
    k, default = kind(f), f.default
    if k == "choices":
        values = raw if isinstance(raw, list) else [raw]
        return (
            tuple(o for o in f.metadata["options"] if o in values)
            if all(v in f.metadata["options"] for v in values if v)
            else None
        )
    raw = raw[-1] if isinstance(raw, list) else raw
    if k in ("slider", "number", "seed"):
        try:
            value = float(raw)
        except ValueError:
            return None
        if isinstance(default, int) and not isinstance(default, bool):
            return int(value) if value.is_integer() else None
        return value
    if k == "toggle":
        return {"true": True, "false": False}.get(raw.lower())
    return raw


def held(cls, state, seed: int):
    """The config that widget state holds (``state``: a session-state mapping keyed by field names), with
    ``seed`` for the seed field and defaults for fields no widget holds yet."""
    values = {f.name: seed for f in declared(cls) if kind(f) == "seed"}
    for f in declared(cls):
        if kind(f) != "seed" and f.name in state:
            values[f.name] = tuple(state[f.name]) if kind(f) == "choices" else state[f.name]
    return cls(**values)


def from_query(cls, query: Mapping[str, str | list[str]]):
    """The config a URL describes: every valid value taken, anything else left at its default."""
    values = {}
    for f in declared(cls):
        if f.name in query:
            value = _parse(f, query[f.name])
            if value is not None and valid(f, value):
                values[f.name] = value
    return cls(**values)


def _format(value) -> str | list[str]:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, tuple):
        return list(value) or [""]
    if isinstance(value, float) and value.is_integer():
        return str(value)
    return str(value)


def to_query(config) -> dict[str, str | list[str]]:
    """The URL parameters of ``config``: only values that differ from the defaults (as bound widgets do)."""
    return {
        f.name: _format(getattr(config, f.name)) for f in declared(type(config)) if getattr(config, f.name) != f.default
    }
