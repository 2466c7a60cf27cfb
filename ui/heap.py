"""Keep Streamlit's post-run garbage collection cheap: freeze the long-lived heap once imports settle."""

from __future__ import annotations

import gc
import sys
import threading

_lock = threading.Lock()
_frozen_modules = 0


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
