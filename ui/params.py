"""Draw a page's declared parameters (core.common.params) as URL-bound widgets; return the config.

    cfg = controls(FitConfig, "fit", place, per_row=6, disabled={"hidden": lambda v: v["model"] == "logistic"})

Every field becomes one widget keyed by its name (= the URL parameter), labelled ``<prefix>.<name>``
with help ``<prefix>.<name>_help``, with the declared default, range and options. Option fields go
through ``ui.options.option`` (translated labels, IDs in the URL). The seed field takes the global
``?seed=``. What the widgets hold is returned as the page's frozen config, the one argument of its
cached core call.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping

import streamlit as st

import i18n
from core.common.params import declared, held, kind, valid
from ui.options import option
from ui.page import COLUMN_PX, bound, control_px, control_row, control_rows, label_px
from ui.present import presenting
from ui.state import lang, seed, t

DRAWN = "_params_drawn"  # session_state: keys of the declared widgets drawn on the current page


def _labels(f: dataclasses.Field, text: str) -> Callable[[str], str]:
    prefix = f.metadata["labels"]
    if prefix is None:
        return str
    prefix = prefix or text

    def label(option_id: str) -> str:
        key = f"{prefix}.{option_id}"
        return i18n.t(key, lang()) if key in i18n.CATALOG else option_id

    return label


def _text(f: dataclasses.Field, prefix: str) -> str:
    """The i18n key of a declared field's label (its help is the key + "_help")."""
    return f.metadata.get("text") or f"{prefix}.{f.name}"


def label_of(f: dataclasses.Field, prefix: str) -> tuple[str, str]:
    """(label as shown, widget kind) of a declared field."""
    return t(_text(f, prefix)), kind(f)


def _widest_choice(f: dataclasses.Field, prefix: str, extra) -> str:
    """The longest option label a select box of ``f`` can show ("" for any other widget)."""
    if kind(f) != "choice" or f.metadata["widget"] != "selectbox":
        return ""
    labels = (extra if isinstance(extra, dict) else {}).get("labels") or _labels(f, _text(f, prefix))
    return max((labels(o) for o in f.metadata["options"]), key=label_px)


def draw(f: dataclasses.Field, prefix: str, where, **kwargs):
    """One declared field as its widget in ``where`` (a container or column); returns its value."""
    m, k = f.metadata, kind(f)
    text = _text(f, prefix)
    held = st.session_state.get(f.name)
    if held is not None and not valid(f, tuple(held) if isinstance(held, list) else held):
        del st.session_state[f.name]  # a value this widget cannot hold (another page's same key): start afresh
    st.session_state.setdefault(DRAWN, set()).add(f.name)
    if k in ("slider", "number"):
        widget = where.slider if k == "slider" else where.number_input
        extra = {"step": m["step"]} if m["step"] is not None else {}
        if m["format"]:
            extra["format"] = m["format"]
        # A narrower range (the cells of the tensor drawn) may be passed; a value outside it, held or asked
        # for by the link, goes back to the default as any value out of range does, URL included.
        lo, hi = kwargs.pop("min_value", m["min"]), kwargs.pop("max_value", m["max"])
        return bound(widget, f.name, text, min_value=lo, max_value=hi, value=min(max(f.default, lo), hi),
                     **extra | kwargs)  # fmt: skip
    if k == "choice":
        widget = getattr(where, m["widget"])
        return option(widget, f.name, text, m["options"], kwargs.pop("labels", None) or _labels(f, text), f.default,
                      **kwargs)  # fmt: skip
    if k == "choices":
        widget = getattr(where, "pills" if m["widget"] == "pills" else "multiselect")
        if m["widget"] == "pills":
            kwargs.setdefault("selection_mode", "multi")
        labels = kwargs.pop("labels", None) or _labels(f, text)
        picked = option(widget, f.name, text, m["options"], labels, list(f.default), **kwargs)
        return tuple(o for o in m["options"] if o in picked)
    if k == "toggle":
        return bound(where.toggle, f.name, text, value=f.default, **kwargs)
    if k == "text":
        return bound(where.text_input, f.name, text, value=f.default, max_chars=m["max_chars"], **kwargs)
    raise ValueError(f"{f.name}: a {k} field is not drawn")


def controls(cls, prefix: str, place, *, per_row: int = 6, only: tuple[str, ...] | None = None,
             disabled: Mapping[str, bool | Callable[[dict], bool]] | None = None,
             options: Mapping[str, dict] | None = None, base=None, row: bool = False):  # fmt: skip
    """Draw the declared fields of ``cls`` in ``place`` (all, or ``only`` these, in declaration order)
    and return ``cls`` filled with what the widgets hold.

    Beside the chart the controls stack; in the presenter view they sit in rows of ``per_row``; with
    ``row=True`` they always sit side by side (a group of controls under a later chart).
    ``disabled[name]`` is a bool or a function of the values drawn so far (a control that would change
    nothing, e.g. hidden layers of a linear model). ``options[name]`` passes extra widget arguments, or is
    a function of the values drawn so far that returns them (a slider's range that follows other choices).
    Fields not drawn keep ``base``'s values (the config an earlier group drew), else their defaults; the
    seed field takes the global seed.
    """
    disabled, options = disabled or {}, options or {}
    fields = [f for f in declared(cls) if kind(f) not in ("seed", "fixed") and (only is None or f.name in only)]
    values: dict = {}
    for group, places in _rows(fields, prefix, place, per_row, row, options):
        for f, where in zip(group, places, strict=True):
            off = disabled.get(f.name, False)
            off = off(values) if callable(off) else off
            extra = options.get(f.name, {})
            extra = extra(values) if callable(extra) else extra
            values[f.name] = draw(f, prefix, where, **({"disabled": True} if off else {}) | extra)
    for f in declared(cls):
        if kind(f) == "seed":
            values[f.name] = seed()
    return dataclasses.replace(base, **values) if base is not None else cls(**values)


def _rows(fields: list, prefix: str, place, per_row: int, row: bool, options: Mapping):
    """(fields, their places) row by row. In the presenter view, rows packed by the width each control needs
    (ui/page.py control_rows), a shorter last row as wide as the first instead of stretched; with ``row=True``
    equal columns of ``per_row``; else the stack beside the chart (every place is ``place``)."""
    if row or not presenting():
        for start in range(0, len(fields), per_row):
            group = fields[start : start + per_row]
            yield group, place.columns(len(group)) if row else control_row(place, [0] * len(group))
        return
    needs = [control_px(*label_of(f, prefix), _widest_choice(f, prefix, options.get(f.name))) for f in fields]
    rows = control_rows(needs, per_row)
    first = sum(max(1.0, needs[i] / COLUMN_PX) for i in rows[0]) if len(rows) > 1 else 0.0
    for k, indices in enumerate(rows):
        span = first if k == len(rows) - 1 else 0.0
        yield [fields[i] for i in indices], control_row(place, [needs[i] for i in indices], span)


def state_config(cls):
    """The config as the widgets of this session hold it (defaults for any not drawn yet)."""
    return held(cls, st.session_state, seed())
