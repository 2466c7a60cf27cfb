"""Tests run under the app's torch thread policy (one thread: tiny models, shared cores)."""

from core.common.runtime import configure_torch

configure_torch()
