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
                    assert axis.get("exponentformat") == "power", (page, name, axis)
                    assert axis.get("dtick", 1) == int(axis.get("dtick", 1)) >= 1, (page, name, axis)  # whole decades


def test_log_axis_helper():
    assert log_axis() == {"type": "log", "dtick": 1, "exponentformat": "power", "showexponent": "all"}
    lo, hi = log_axis([0.2, 0.7])["range"]
    assert lo < -1 and hi > 0  # less than a decade still shows the two decades around it
    lo, hi = log_axis([3e-5, 2.0, 0.0])["range"]
    assert -5.5 < lo < -5 and 1 < hi < 1.5 and log_axis([3e-5, 2.0])["dtick"] == 2
    assert log_axis([1e-14, 1.0])["dtick"] == 3  # 14 decades: a label every third, not 15 on top of each other
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


def _scale_bar(trace: dict) -> dict | None:
    """The colour bar a trace shows (its own, or its markers'), or None."""
    for holder in (trace, trace.get("marker") or {}):
        shows = holder.get("showscale", trace.get("type") in ("heatmap", "contour", "surface", "histogram2d"))
        if "colorscale" in holder and shows:
            return holder.get("colorbar") or {}
    return None


@pytest.mark.parametrize("page", PAGES)
def test_no_axis_or_colour_bar_measures_its_tick_labels_for_overflow(page):
    """plotly.js's default "hide past div" measures every tick label's box after each draw (a forced layout per
    label, ~10 ms of a /linear-regression update): each axis and colour bar drawn leaves its labels alone."""
    for fig in figures(page):
        template = fig["layout"]["template"]
        for name, axis in fig["layout"].items():
            if re.fullmatch(r"[xy]axis\d*", name):
                kind = name[0] + "axis"
                assert axis.get("ticklabeloverflow", template["layout"][kind].get("ticklabeloverflow")) == "allow"
        for trace in fig["data"]:
            bar = _scale_bar(trace)
            if bar is not None:
                (default,) = template["data"][trace.get("type", "scatter")]
                held = default.get("colorbar") or (default.get("marker") or {}).get("colorbar") or {}
                assert bar.get("ticklabeloverflow", held.get("ticklabeloverflow")) == "allow", (page, trace.get("name"))
