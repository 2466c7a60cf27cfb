"""ui.cache: a cached function's Streamlit wrapper is made once per process, and still caches."""

from __future__ import annotations

import io
import types

import numpy as np
import pytest
from PIL import Image

from tests.apptest_helpers import open_page
from ui import cache


def test_the_same_function_and_options_give_the_same_wrapper_and_it_caches():
    calls = []

    def square(x: int) -> int:
        calls.append(x)
        return x * x

    first = cache.cache_data(max_entries=4)(square)
    assert cache.cache_data(max_entries=4)(square) is first
    assert cache.cache_data(max_entries=5)(square) is not first  # other options: another wrapper
    assert cache.cache_resource(max_entries=4)(square) is not first  # another kind of cache
    assert first(3) == 9 and first(3) == 9 and first(4) == 16
    assert calls == [3, 4]


PAGE_SOURCE = """
def scaled(x):
    return FACTOR * x
FACTOR = 3
"""


def test_a_function_defined_in_a_script_is_the_same_one_on_every_run():
    """A page script's code is compiled once and run many times: each run defines a new function object
    from the same code, and gets the first run's wrapper (and its entries)."""
    code = compile(PAGE_SOURCE, "/virtual/page.py", "exec")
    wrappers = []
    for _ in range(3):
        module = types.ModuleType("__main__")
        exec(code, module.__dict__)
        wrappers.append(cache.cache_data(max_entries=2)(module.scaled))
    assert wrappers[0] is wrappers[1] is wrappers[2]
    assert wrappers[2](2) == 6
    edited = compile(PAGE_SOURCE.replace("FACTOR * x", "FACTOR * x + 1"), "/virtual/page.py", "exec")
    module = types.ModuleType("__main__")
    exec(edited, module.__dict__)
    fresh = cache.cache_data(max_entries=2)(module.scaled)
    assert fresh is not wrappers[0] and fresh(2) == 7  # an edited page: new code, new wrapper


@pytest.mark.integration
def test_a_page_rerun_makes_no_new_wrappers():
    at = open_page("views/relu.py", lang="en")
    made = dict(cache._made)
    assert any(key[1][1] == "fit_relu_units" for key in made)
    at.slider(key="units").set_value(at.slider(key="units").value + 1).run()
    at.run()
    assert not at.exception
    assert cache._made == made


def test_the_digit_gallery_png_is_the_upscaled_digit():
    from core.digits.data import INK, SIDE, make_split
    from ui.digits_training import _digit_png
    from viz.digits import upscale

    split = make_split(0)
    for k in (0, 7, len(split.x_test) - 1):
        pixels = np.ascontiguousarray(split.x_test[k])
        png = _digit_png(pixels.tobytes(), pixels.dtype.str)
        drawn = np.asarray(Image.open(io.BytesIO(png)))
        np.testing.assert_array_equal(drawn, upscale(split.x_test[k].reshape(SIDE, SIDE), INK))
    assert _digit_png(pixels.tobytes(), pixels.dtype.str) is png  # encoded once
