"""The server's heap: a cheap post-run garbage collection, and free pages given back after the warm-up."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import sys
import threading

_lock = threading.Lock()
_frozen_modules = 0


def trim() -> None:
    """Give the C heap's free pages back to the system (glibc malloc_trim)."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc (macOS, musl): nothing to trim
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def freeze_when_imports_settle() -> None:
    """After a run that imported new modules, collect once and ``gc.freeze()`` everything alive.

    Streamlit runs ``gc.collect()`` after every script run; with torch, plotly and Streamlit loaded
    that walk costs ~200-260 ms of CPU per rerun, holding the GIL. Frozen objects (modules, caches,
    compiled code) are skipped by later collections, which then only see what a run allocated.
    A page's first run imports more, so each run that grew the module set freezes again.
    """
    global _frozen_modules
    if len(sys.modules) <= _frozen_modules:
        return
    with _lock:
        if len(sys.modules) > _frozen_modules:
            gc.collect()
            gc.freeze()
            _frozen_modules = len(sys.modules)
