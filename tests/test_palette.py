"""Every figure on every page: one class colour per class, one sign convention, log axes in powers of ten."""

import base64
import functools
import re

import numpy as np
import pytest

from i18n.numbers import num
from tests.apptest_helpers import figures as drawn_figures
from tests.apptest_helpers import open_page
from ui import registry
from viz.fmt import log_axis
from viz.palette import CLASS, DIVERGING, NEGATIVE, POSITIVE

PAGES = [spec.file for spec in registry.built()]


@functools.cache
def figures(page: str) -> tuple[dict, ...]:
    """The plotly specs a page sends at its defaults (English)."""
    at = open_page(page, lang="en")
    assert not at.exception
    return tuple(drawn_figures(at))


def traces(page: str):
    for fig in figures(page):
        yield from fig["data"]
        for frame in fig.get("frames", []):
            yield from frame.get("data", [])


def test_class_colours_are_the_same_on_every_page():
    seen: dict[int, set[str]] = {}
    for page in PAGES:
        for trace in traces(page):
            match = re.match(r"class (\d)", trace.get("name") or "")
            color = (trace.get("marker") or {}).get("color")
            if match and isinstance(color, str):
                seen.setdefault(int(match.group(1)), set()).add(color)
    assert seen.keys() >= {0, 1}, "no class traces found"
    assert all(colors == {CLASS[k]} for k, colors in seen.items()), seen


def _values(array) -> list[float]:
    """A spec array, plain or plotly's typed-array encoding ({"dtype", "bdata"})."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def _ends(scale) -> tuple[str, str]:
    return scale[0][1], scale[-1][1]


def test_signed_maps_use_one_diverging_scale():
    signed = [
        trace
        for page in PAGES
        for trace in traces(page)
        if "colorscale" in trace and (trace.get("zmid") == 0 or (trace.get("zmin") or 0) < 0)
    ]
    assert len(signed) >= 3  # CNN kernels and feature maps, RNN hidden states, MLP units
    for trace in signed:
        assert _ends(trace["colorscale"]) == (NEGATIVE, POSITIVE), trace.get("name")
    assert _ends(DIVERGING) == (NEGATIVE, POSITIVE)


@pytest.mark.parametrize("page", PAGES)
def test_every_log_axis_ticks_at_powers_of_ten(page):
    for fig in figures(page):
        for name, axis in fig["layout"].items():
            if re.fullmatch(r"[xy]axis\d*", name) and axis.get("type") == "log":
                if "ticktext" in axis:  # marked values, in the one number format
                    assert axis["ticktext"] == [num(v, 3) for v in _values(axis["tickvals"])], name
                else:
                    assert axis.get("exponentformat") == "power" and axis.get("dtick") == 1, (page, name, axis)


def test_log_axis_helper():
    assert log_axis() == {"type": "log", "dtick": 1, "exponentformat": "power", "showexponent": "all"}
    assert log_axis([0.2, 0.7])["range"] == [-1, 0]  # less than a decade still shows two ticks
    assert log_axis([3e-5, 2.0, 0.0])["range"] == [-5, 1]
    assert [num(v) for v in (1e-4, 0.05, 0.12345, 1234.5, 2e5, 9.99996e-5, -3.2e-7, 0.0)] == [
        "0.0001",
        "0.05",
        "0.1235",
        "1234",
        "2×10⁵",
        "0.0001",
        "-3.2×10⁻⁷",
        "0",
    ]
