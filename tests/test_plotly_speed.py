"""viz.plotly_speed: plotly's array validation without the dataframe probe gives the same figures."""

import narwhals.stable.v1 as narwhals
import numpy as np
import pytest
from _plotly_utils import basevalidators

import viz  # noqa: F401 - installs the patch
from core.common.params import experiment
from core.descent.gradient import DescentConfig, descent_scene
from core.descent.surfaces import SURFACES
from core.tensors import TensorConfig, explore
from viz.gradient_descent import descent_figure
from viz.plotly_speed import _Narwhals, install
from viz.tensors import tensor_figure


def gd_json() -> str:
    cfg = DescentConfig(**experiment(DescentConfig, lr=0.2))
    s = descent_scene(cfg)
    return descent_figure(s.run, s.slices, s.grid, s.field, SURFACES[cfg.surface], s.box, "ko").to_json()


BUILDERS = {"gradient descent (frames, contour)": gd_json, "tensors (heatmaps, text)": lambda: tensor_figure(explore(TensorConfig()), "en").to_json()}  # fmt: skip


def test_installed_once_over_the_real_narwhals():
    assert isinstance(basevalidators.nw, _Narwhals)
    assert install() and install()
    assert basevalidators.nw._real is narwhals  # not wrapped twice


@pytest.mark.parametrize(
    "value",
    [
        np.arange(5.0),
        np.array([["a", "b"]], dtype=object),
        [1, 2, 3],
        (0.5, None),
        [],
        np.float32(2.0),
        {"a": 1},
        "text",
    ],
    ids=repr,
)
def test_from_native_answers_as_narwhals_does(value):
    patched = basevalidators.nw.from_native(value, allow_series=True, pass_through=True)
    real = narwhals.from_native(value, allow_series=True, pass_through=True)
    assert patched is real


def test_without_pass_through_narwhals_still_decides():
    with pytest.raises(TypeError):
        basevalidators.nw.from_native(np.arange(3.0))  # narwhals refuses a numpy array outright


@pytest.mark.parametrize("build", list(BUILDERS.values()), ids=list(BUILDERS))
def test_figures_are_the_same_json_with_and_without_the_patch(build, monkeypatch):
    patched = build()
    monkeypatch.setattr(basevalidators, "nw", narwhals)
    assert build() == patched
