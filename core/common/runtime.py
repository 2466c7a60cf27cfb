"""Process-wide torch settings, applied once at start-up."""

from __future__ import annotations

import contextlib
import threading

import torch

_lock = threading.Lock()
_configured = False
TORCH_THREADS = 1  # tiny models gain nothing from more threads, and sessions share 2 cores


def configure_torch() -> None:
    """Set the torch thread policy once per process (later calls do nothing)."""
    global _configured
    with _lock:
        if _configured:
            return
        torch.set_num_threads(TORCH_THREADS)
        # Raises once parallel work has started in this process; the intra-op setting still applies.
        with contextlib.suppress(RuntimeError):
            torch.set_num_interop_threads(TORCH_THREADS)
        _configured = True
