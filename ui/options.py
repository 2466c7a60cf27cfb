"""Option widgets that show translated names while the URL keeps option IDs.

Streamlit 1.67's ``bind="query-params"`` writes an option widget's *formatted*
label into the URL, so a ``format_func`` that translates would put "로젠브록 …"
into ``?surface=`` and break links across languages (streamlit#14224 asks for a
separate URL function; it is not in 1.67). So these widgets are not bound:

- the option values stay the IDs (``"rosenbrock"``), ``format_func`` shows the
  label in the page language, and ``st.session_state[key]`` holds the ID, so
  "Try this" and callbacks keep setting IDs;
- the first time a key is drawn in a session (or again after a page switch),
  its ID is read from ``?key=``; an unknown ID falls back to the default and is
  removed from the URL, with no message;
- after drawing, ``?key=`` is set to the ID (a list for multiselects), or
  removed when the value is the default, as bound widgets do; ``always=True``
  keeps it even at the default (the language, so a copied link keeps it).

Switching language changes only ``format_func``: with a user key the widget's
identity is the key, so the choice survives. The browser would keep showing the
old label (and send it back), so the value is set again once after a switch,
which makes Streamlit send the new label.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ui import state  # a module reference: ui.state imports this module too

DRAWN_IN = "_options_drawn_in"  # session_state: widget key -> the language its labels were last drawn in
MULTI = {"multiselect"}  # widgets whose value is a list (pills/segmented_control too with selection_mode="multi")


def _is_multi(widget: Callable, kwargs: dict) -> bool:
    return getattr(widget, "__name__", "") in MULTI or kwargs.get("selection_mode") == "multi"


def _from_url(key: str, options: Sequence[str], default, multi: bool):
    """The ID(s) in ``?key=`` if every one is an option, else ``default``."""
    if key not in st.query_params:
        return default
    if multi:  # ?k=a&k=b as Streamlit writes it, or the shorter ?k=a,b a person writes
        picked = list(dict.fromkeys(p for v in st.query_params.get_all(key) for p in v.split(",") if p))
        return picked if all(v in options for v in picked) else default
    value = st.query_params.get(key)
    return value if value in options else default


def _to_url(key: str, value, default, always: bool) -> None:
    """Write ``value`` to ``?key=`` (removed at the default unless ``always``), only if it changed."""
    if value == default and not always:
        if key in st.query_params:
            del st.query_params[key]
        return
    if isinstance(value, list):
        wanted = value or [""]  # ?key= with no value: an empty selection
        if st.query_params.get_all(key) != wanted:
            st.query_params[key] = wanted
    elif value is not None and st.query_params.get(key) != value:
        st.query_params[key] = value


def option(
    widget: Callable,
    key: str,
    text: str,
    options: Sequence[str],
    labels: str | Callable[[str], str],
    default=None,
    *,
    always: bool = False,
    **kwargs,
):
    """Draw ``widget`` (selectbox, radio, pills, segmented_control, multiselect) over option IDs.

    ``labels`` is an i18n prefix (label of ``id`` = ``t(f"{labels}.{id}")``) or a function of the ID;
    the widget is labelled by i18n ``text`` with help ``text``_help; ``default`` is the first option
    unless given (a list for multiselects). Returns the chosen ID(s).
    """
    options = list(options)
    multi = _is_multi(widget, kwargs)
    if default is None:
        default = [] if multi else options[0]
    if key not in st.session_state:
        st.session_state[key] = _from_url(key, options, default, multi)
    drawn_in = st.session_state.setdefault(DRAWN_IN, {})
    if drawn_in.get(key, state.lang()) != state.lang():
        # The browser keeps showing the old language's label for an unchanged choice; setting the
        # value again makes Streamlit send it with the new label.
        st.session_state[key] = st.session_state[key]
    drawn_in[key] = state.lang()
    # Labels are fixed now, in this run's language: format_func may be called after the run (AppTest).
    names = {o: labels(o) if callable(labels) else state.t(f"{labels}.{o}") for o in options}
    value = widget(
        state.t(text), options=options, format_func=names.get, key=key, help=state.t(f"{text}_help"), **kwargs
    )
    _to_url(key, list(value) if multi else value, default, always)
    return value
