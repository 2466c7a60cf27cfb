"""One number format for figures: log axes tick at powers of ten, written 10⁻⁴ (never 100µ, 10n or 1p)."""

from __future__ import annotations

import math

import numpy as np


def log_axis(values=None) -> dict:
    """Axis settings for a log axis: a tick at every power of ten, labelled as a power.

    With ``values`` the range is widened to whole decades, so at least two ticks show
    even when the data spans less than one decade.
    """
    axis = {"type": "log", "dtick": 1, "exponentformat": "power", "showexponent": "all"}
    if values is not None:
        v = np.asarray(values, dtype=np.float64)
        v = v[np.isfinite(v) & (v > 0)]
        if v.size:
            lo, hi = math.floor(math.log10(v.min())), math.ceil(math.log10(v.max()))
            axis["range"] = [lo, max(hi, lo + 1)]
    return axis
