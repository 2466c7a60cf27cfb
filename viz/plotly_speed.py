"""plotly.py checks every array it validates for a dataframe library first: each check asks narwhals,
which tries every backend it knows before it hands a numpy array back unchanged. A figure of ours
holds a few thousand arrays (frames: one scatter per step), so that check was ~30 % of building a
figure and ~60 % of turning it into JSON (gradient descent, new learning rate: 240 → 170 ms and
98 → 40 ms).

``install()`` answers the check at once for what our builders pass (numpy arrays, lists, tuples:
narwhals returns those unchanged too) and leaves anything else to narwhals. The JSON is the same
byte for byte (tests/test_plotly_speed.py). If plotly stops validating this way, nothing is patched.
"""

from __future__ import annotations

import numpy as np

_PLAIN = (np.ndarray, list, tuple)


class _Narwhals:
    """narwhals.stable.v1 as plotly's validators see it, with ``from_native`` short-circuited."""

    def __init__(self, real):
        self._real = real

    def __getattr__(self, name):
        return getattr(self._real, name)

    def from_native(self, value, *args, **kwargs):
        if isinstance(value, _PLAIN) and kwargs.get("pass_through"):
            return value  # what narwhals returns for them: not a dataframe or series of any backend
        return self._real.from_native(value, *args, **kwargs)


def install() -> bool:
    """Patch plotly's validators once; True if they are patched."""
    try:
        from _plotly_utils import basevalidators
    except ImportError:  # pragma: no cover - plotly without its validators
        return False
    current = getattr(basevalidators, "nw", None)
    if isinstance(current, _Narwhals):
        return True
    if current is None or not hasattr(current, "from_native"):
        return False
    basevalidators.nw = _Narwhals(current)
    return True
