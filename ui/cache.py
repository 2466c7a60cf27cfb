"""``st.cache_data`` and ``st.cache_resource`` wrappers made once per process, not on every rerun.

A page script runs again on every widget change, so a module-level ``compute = st.cache_data(...)(f)``
in it makes a new wrapper each time, and making one reads the function's source back from its file
and tokenizes it (``inspect.getsource``, for the cache's identity): 10-15 ms of server CPU per change
on a page with four cached functions (py-spy, /relu), a fifth of its whole cached change. The cache
itself is not affected: a new wrapper finds the old entries. Here the wrapper is made on the first run
and handed back on later ones.

    from ui.cache import cache_data
    compute = cache_data(max_entries=32)(descent_scene)

    @cache_data(max_entries=32)
    def compute_training(cfg): ...

A function is the same one when its module, qualified name and compiled code are (a page's code is
compiled once and kept, so a function defined in a page script is the same one on every run; an edited
file compiles to new code and gets a new wrapper). For a function defined in a page, the wrapper keeps
the first run's function object and with it that run's module globals: like any cached function, it
must depend only on its arguments, imports and constants. Options are Streamlit's own; ``show_spinner``
defaults to False here (our pages show their own progress).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import streamlit as st

_made: dict[tuple, Callable] = {}
_lock = threading.Lock()


def _identity(func: Callable) -> tuple:
    # A callable without code (a functools.partial) is keyed by itself: held in the key, it is never freed,
    # so no later object can take its place the way a reused id() could.
    code = getattr(func, "__code__", None)
    return (getattr(func, "__module__", None), getattr(func, "__qualname__", None), code if code is not None else func)


def _once(kind: str, options: dict) -> Callable[[Callable], Callable]:
    options = {"show_spinner": False} | options

    def decorate(func: Callable) -> Callable:
        key = (kind, _identity(func), tuple(sorted(options.items())))
        with _lock:
            wrapper = _made.get(key)
            if wrapper is None:
                wrapper = _made[key] = getattr(st, kind)(**options)(func)
        return wrapper

    return decorate


def cache_data(**options) -> Callable[[Callable], Callable]:
    """``st.cache_data(**options)``, its wrapper made once per function per process."""
    return _once("cache_data", options)


def cache_resource(**options) -> Callable[[Callable], Callable]:
    """``st.cache_resource(**options)``, its wrapper made once per function per process."""
    return _once("cache_resource", options)
