"""viz.plotly_speed: plotly without the dataframe probe, with remembered property paths and plain lists
copied at once builds the same figures, and ``figure_json`` writes the same JSON as ``fig.to_json()``.
(Every page's figures: tests/test_figure_json_pages.py.)"""

import json

import narwhals.stable.v1 as narwhals
import numpy as np
import pytest
from _plotly_utils import basevalidators
from plotly import basedatatypes

import viz  # noqa: F401 - installs the patch
from core.backprop import BackpropConfig, run_backprop
from core.common.params import experiment
from core.descent.gradient import DescentConfig, descent_scene
from core.descent.surfaces import SURFACES
from core.tensors import TensorConfig, explore
from viz.backprop import graph_figure
from viz.gradient_descent import descent_figure
from viz.plotly_speed import _Narwhals, figure_data, figure_json, install
from viz.tensors import tensor_figure


def gd_json() -> str:
    cfg = DescentConfig(**experiment(DescentConfig, lr=0.2))
    s = descent_scene(cfg)
    return descent_figure(s.run, s.slices, s.grid, s.field, SURFACES[cfg.surface], s.box, "ko").to_json()


def backprop_json() -> str:
    return graph_figure(run_backprop(BackpropConfig(mode="network", loss="bce")), "ko").to_json()


BUILDERS = {
    "gradient descent (frames, contour, subplots)": gd_json,
    "tensors (heatmaps, text)": lambda: tensor_figure(explore(TensorConfig()), "en").to_json(),
    "backprop (annotations, text lists, frames with layout)": backprop_json,
}


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
@pytest.mark.parametrize("undone", ["dataframe probe", "property paths", "plain lists", "validator lookup", "all"])
def test_figures_are_the_same_json_with_and_without_the_patch(build, undone, monkeypatch):
    patched = build()
    if undone in ("dataframe probe", "all"):
        monkeypatch.setattr(basevalidators, "nw", narwhals)
    if undone in ("property paths", "all"):
        parse = basedatatypes._str_to_dict_path_full
        monkeypatch.setattr(basedatatypes, "_str_to_dict_path_full", parse.__wrapped_parse__)
    if undone in ("validator lookup", "all"):
        lookup = basedatatypes.BasePlotlyType._get_validator
        monkeypatch.setattr(basedatatypes.BasePlotlyType, "_get_validator", lookup.__wrapped_lookup__)
    if undone in ("plain lists", "all"):
        monkeypatch.setattr(basevalidators, "to_scalar_or_list", basevalidators.to_scalar_or_list.__wrapped_convert__)
    assert build() == patched


def test_the_patches_are_installed_once():
    assert hasattr(basedatatypes._str_to_dict_path_full, "__wrapped_parse__")
    assert not hasattr(basedatatypes._str_to_dict_path_full.__wrapped_parse__, "__wrapped_parse__")
    assert not hasattr(basevalidators.to_scalar_or_list.__wrapped_convert__, "__wrapped_convert__")
    assert not hasattr(basedatatypes.BasePlotlyType._get_validator.__wrapped_lookup__, "__wrapped_lookup__")


def test_a_validator_looked_up_is_the_one_plotly_gives():
    import plotly.graph_objects as go

    lookup = basedatatypes.BasePlotlyType._get_validator
    for obj, prop in [
        (go.Scatter(), "x"),
        (go.Layout(), "xaxis7"),
        (go.layout.XAxis(), "title"),
        (go.Heatmap(), "type"),
    ]:
        assert lookup(obj, prop) is lookup.__wrapped_lookup__(obj, prop)


@pytest.mark.parametrize(
    "path", ["xaxis2.title.text", "marker_line_color", "annotations[3].font.size", "title_text", "a__b_", "xaxis"]
)
def test_a_remembered_path_is_the_parse_and_its_positions_are_the_callers_own(path):
    parse = basedatatypes._str_to_dict_path_full
    assert parse(path) == parse.__wrapped_parse__(path)
    _keys, positions = parse(path)
    positions.append("scribbled")
    assert parse(path)[1] == parse.__wrapped_parse__(path)[1]


@pytest.mark.parametrize(
    "value",
    [[1.5, None, 2, "a", True], (0.5, None), [[1.0, 2.0], [3.0, None]], [np.float32(2.5), 1.0],
     [np.arange(3), [np.int64(4)]], np.arange(4.0), np.float64(3.0), [], "text"],
    ids=repr,
)  # fmt: skip
def test_plain_lists_convert_as_plotly_converts_them(value):
    convert = basevalidators.to_scalar_or_list
    fast, real = convert(value), convert.__wrapped_convert__(value)
    assert fast == real
    assert [type(v) for v in np.ravel(np.array(fast, dtype=object))] == [
        type(v) for v in np.ravel(np.array(real, dtype=object))
    ]


@pytest.mark.parametrize("build", list(BUILDERS.values()), ids=list(BUILDERS))
def test_figure_json_is_plotlys_json(build, monkeypatch):
    import plotly.graph_objects as go

    built = []
    monkeypatch.setattr(go.Figure, "to_json", lambda self, *a, **k: built.append(self) or "")
    build()
    monkeypatch.undo()
    (fig,) = built
    assert figure_json(fig) == fig.to_json()
    assert json.dumps(figure_data(fig)) == json.dumps(json.loads(fig.to_json())), "the data, in the same order"


def test_figure_json_types_every_kind_of_array_as_plotly_does():
    import plotly.graph_objects as go

    fig = go.Figure(
        [
            go.Heatmap(
                z=np.arange(12.0).reshape(3, 4), x=np.arange(4, dtype=np.int64), y=np.array([1, 2, 3], np.uint64)
            ),
            go.Scatter(x=np.array([1e12, 2e12], np.int64), y=np.array([1, 2], np.float32), text=np.array(["a", "b"])),
            go.Scatter(x=[], y=np.array([], float), customdata=np.array([[1, 2], [3, 4]], np.int16)),
        ],
        layout={"xaxis": {"range": np.array([0.0, 3.0])}, "title": {"text": "<b>é 한</b> & </script>"}},
        frames=[go.Frame(data=[go.Heatmap(z=np.ones((2, 2)))], name="0")],
    )
    assert figure_json(fig) == fig.to_json()


def test_figure_data_reads_as_plotlys_json_with_every_kind_of_value():
    """NaN and infinities as null, numpy scalars and arrays of numbers, text and objects as Python values,
    tuples as lists, every typed array as plotly encodes it; a date goes through plotly's encoder."""
    import datetime

    import plotly.graph_objects as go

    fig = go.Figure(
        [
            go.Heatmap(z=np.array([[1.0, np.nan], [np.inf, -np.inf]]), x=np.arange(2, dtype=np.int64), zmin=np.float32(0.5)),
            go.Scatter(x=[1.0, None, float("nan")], y=np.array([1, 2, 3], np.float32), text=np.array(["a", "한"]),
                       customdata=np.array([None, "b", 1.5], dtype=object), marker={"size": np.int64(7)}),
            go.Bar(x=("a", "b"), y=[np.float64(1.5), np.nan], visible=np.bool_(True)),
        ],
        layout={"xaxis": {"range": (0, np.float64(3.0))}, "title": {"text": "<b>é 한</b> & </script>"}},
        frames=[go.Frame(data=[go.Heatmap(z=np.ones((2, 2)))], name="0")],
    )  # fmt: skip
    data = figure_data(fig)
    assert json.dumps(data) == json.dumps(json.loads(fig.to_json()))
    assert data["data"][1]["x"] == [1.0, None, None]
    dated = go.Figure(go.Scatter(x=[datetime.date(2026, 12, 4)], y=[1]))
    assert json.dumps(figure_data(dated)) == json.dumps(json.loads(dated.to_json()))
