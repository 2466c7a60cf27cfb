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


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_text(value: float, digits: int = 3) -> str:
    """``value`` written with a power of ten, as on the log axes: 10⁻⁴, 5×10⁻², 1.5 (no power for 0.1 … 10)."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    exponent = math.floor(math.log10(abs(value)))
    mantissa = float(f"{value / 10**exponent:.{digits}g}")
    if abs(mantissa) >= 10:  # rounding carried into the next decade
        mantissa, exponent = mantissa / 10, exponent + 1
    if -1 <= exponent <= 1:
        return f"{value:.{digits}g}"
    power = "10" + str(exponent).translate(_SUPERSCRIPT)
    return power if mantissa == 1 else f"{mantissa:g}×{power}"
