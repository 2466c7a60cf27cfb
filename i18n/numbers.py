"""One number format for messages and metrics, in both languages.

``num`` gives SIGNIFICANT significant digits, a "." decimal point (Korean uses it too),
no trailing zeros, and powers of ten beyond 10⁻⁴ … 10⁴ written as on the log axes
(``1.23×10⁻⁵``), never ``1.23e-05``.
"""

from __future__ import annotations

import math

SIGNIFICANT = 4
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def num(value: float, digits: int = SIGNIFICANT) -> str:
    """``value`` with ``digits`` significant digits; very small or large values as a×10ⁿ."""
    value = float(value)
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    exponent = math.floor(math.log10(abs(value)))
    mantissa = float(f"{value / 10**exponent:.{digits}g}")
    if abs(mantissa) >= 10:  # rounding carried into the next decade
        mantissa, exponent = mantissa / 10, exponent + 1
    if -4 <= exponent < 4:
        return f"{value:.{digits}g}" if exponent < digits else f"{round(value):d}"
    power = "10" + str(exponent).translate(_SUPERSCRIPT)
    return power if mantissa == 1 else f"{mantissa:g}×{power}"
