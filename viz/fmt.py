"""One number format for figures: log axes tick at powers of ten, written 10⁻⁴ (never 100µ, 10n or 1p)."""

from __future__ import annotations

import math

import numpy as np

MAX_TICKS = 6  # more power labels than this collide on a short panel (14 decades in 250 px did)


def log_axis(values=None) -> dict:
    """Axis settings for a log axis: ticks at powers of ten, labelled as powers (10⁻⁴).

    With ``values`` the range is widened to whole decades (at least two ticks show even when the data
    spans less than one decade) and the ticks step by as many decades as keep at most MAX_TICKS labels.
    Without, every power of ten in the range plotly finds is labelled.
    """
    axis = {"type": "log", "dtick": 1, "exponentformat": "power", "showexponent": "all"}
    if values is not None:
        v = np.asarray(values, dtype=np.float64)
        v = v[np.isfinite(v) & (v > 0)]
        if v.size:
            lo, hi = math.floor(math.log10(v.min())), math.ceil(math.log10(v.max()))
            hi = max(hi, lo + 1)
            pad = 0.05 + 0.04 * (hi - lo)  # the end labels clear the other axis's labels at the corners
            axis |= {"range": [lo - pad, hi + pad], "dtick": max(1, math.ceil((hi - lo) / (MAX_TICKS - 1)))}
    return axis
