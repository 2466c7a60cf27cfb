"""viz.common.pin_image_axes: image subplots get the ranges plotly's autorange gives a heatmap (each
cell's edges), and nothing else is touched."""

import json

import numpy as np
import plotly.graph_objects as go
import pytest
from plotly.subplots import make_subplots

from viz.common import Figure, add_animated_traces, pin_image_axes, subplots


def images() -> go.Figure:
    fig = make_subplots(rows=1, cols=4)
    fig.add_trace(go.Heatmap(z=np.zeros((3, 5))), row=1, col=1)  # rows downward
    fig.add_trace(go.Heatmap(z=[[1, 2], [3, 4]], x0=10, dx=2, y0=-1, dy=0.5), row=1, col=2)
    fig.add_trace(go.Heatmap(z=np.ones((4, 4))), row=1, col=3)
    fig.add_trace(go.Scatter(x=[0, 9], y=[0, 9]), row=1, col=3)  # an overlay: autorange pads for it
    fig.add_trace(go.Heatmap(z=np.ones((2, 6))), row=1, col=4)
    fig.update_yaxes(autorange="reversed", row=1, col=1)
    for n in ("", "2", "3", "4"):
        fig.layout[f"yaxis{n}"].update(scaleanchor=f"x{n}", constrain="domain")
    fig.update_xaxes(range=[0, 3], row=1, col=4)  # set by the figure: kept as it is
    return fig


def test_an_image_subplot_gets_its_cell_edges_with_rows_downward_where_reversed():
    fig = images()
    pin_image_axes(fig)
    assert list(fig.layout.xaxis.range) == [-0.5, 4.5]
    assert list(fig.layout.yaxis.range) == [2.5, -0.5]  # reversed: row 0 on top
    assert fig.layout.yaxis.autorange is None  # the range alone decides, as plotly.js reads it
    assert list(fig.layout.xaxis2.range) == [9.0, 13.0]  # x0 = 10, dx = 2, 2 columns: 10 ± 1 and 12 ± 1
    assert list(fig.layout.yaxis2.range) == [-1.25, -0.25]


def test_subplots_with_other_traces_or_a_set_range_stay_as_they_were():
    fig = images()
    pin_image_axes(fig)
    assert fig.layout.xaxis3.range is None and fig.layout.yaxis3.range is None
    assert list(fig.layout.xaxis4.range) == [0, 3] and fig.layout.yaxis4.range is None


def test_a_figure_without_tied_axes_is_unchanged():
    fig = go.Figure(go.Heatmap(z=np.eye(3)))
    before = fig.to_json()
    pin_image_axes(fig)
    assert fig.to_json() == before


def _page_figures() -> list:
    """Animated figures of two pages: frames of curves and points, and frames that also change a title."""
    from core.descent.gradient import DescentConfig, descent_scene
    from core.descent.surfaces import SURFACES
    from core.mle import MLEConfig, ascend, landscape
    from viz.gradient_descent import descent_figure
    from viz.mle import mle_figure

    s, cfg = descent_scene(DescentConfig()), DescentConfig()
    run = ascend(MLEConfig())
    return [
        descent_figure(s.run, s.slices, s.grid, s.field, SURFACES[cfg.surface], s.box, "en"),
        mle_figure("coin", run, landscape(MLEConfig(), run), "ko"),
    ]


def test_plain_frames_send_the_same_figure_and_read_back_as_validated_frames(monkeypatch):
    import viz.common

    plain = _page_figures()
    monkeypatch.setattr(viz.common, "set_frames", lambda fig, frames: setattr(fig, "frames", frames))
    validated = _page_figures()
    for fast, slow in zip(plain, validated, strict=True):
        assert type(fast.frames[0]).__name__ == "_PlainFrame" and type(slow.frames[0]) is go.Frame
        assert json.loads(fast.to_json()) == json.loads(slow.to_json())  # what the browser gets
        assert len(fast.frames) == len(slow.frames) > 1
        for a, b in zip(fast.frames, slow.frames, strict=True):  # what Python reads
            assert a.name == b.name and a.traces == b.traces and a.layout == b.layout
            for trace_a, trace_b in zip(a.data, b.data, strict=True):
                assert trace_a.type == trace_b.type
                np.testing.assert_array_equal(np.asarray(trace_a.x, float), np.asarray(trace_b.x, float))
                np.testing.assert_array_equal(np.asarray(trace_a.y, float), np.asarray(trace_b.y, float))


def test_every_figure_gets_the_app_template_as_it_is_registered():
    """base_layout no longer assigns the template: a new figure, subplots too, starts from it as the default."""
    from viz.common import TEMPLATE, base_layout

    expected = json.loads(go.Figure(layout={"template": TEMPLATE}).to_json())["layout"]["template"]  # assigned
    for fig in (base_layout(go.Figure(), height=300), base_layout(make_subplots(rows=1, cols=2), height=300)):
        assert json.loads(fig.to_json())["layout"]["template"] == expected


def test_plain_menus_and_slider_send_the_json_plotly_validation_writes():
    """add_animation sets its buttons and slider without plotly.py's validation (set_plain_layout): the figure's
    JSON is the same text as with it, and Python still reads them as validated objects."""
    import plotly.graph_objects as go

    from viz import common
    from viz.common import add_animation

    def build(plain: bool) -> go.Figure:
        fig = go.Figure(go.Scatter(x=[0, 1], y=[0, 1]))
        frames = [{"name": str(k), "data": [{"type": "scatter", "x": [0, k], "y": [0, k]}]} for k in range(12)]
        if not plain:
            original = common.set_plain_layout
            common.set_plain_layout = lambda f, **props: f.update_layout(**props)
            try:
                return add_animation(fig, frames, "ko", redraw=True, active=3, y=-0.2)
            finally:
                common.set_plain_layout = original
        return add_animation(fig, frames, "ko", redraw=True, active=3, y=-0.2)

    plain, validated = build(True), build(False)
    assert plain.to_json() == validated.to_json()
    slider = plain.layout.sliders[0]
    assert isinstance(slider, go.layout.Slider) and slider.active == 3 and len(slider.steps) == 12
    assert slider.steps[5].label == "5" and list(slider.steps[5].args[0]) == ["5"]
    assert plain.layout.updatemenus[0].buttons[0].method == "animate"
    assert plain.layout.margin.b == 120


def test_animated_traces_show_the_last_frame_merged_into_their_style_at_every_depth():
    """The figure's trace is what plotly.js shows after the last frame: the frame's nested keys join the style's
    (a frame setting marker.line.color keeps the style's marker.symbol and marker.line.width)."""
    fig = go.Figure()
    style = {"type": "scatter", "mode": "markers", "marker": {"symbol": "line-ew", "line": {"width": 4}}}

    def frame(j):
        return {"name": str(j), "data": [{"x": [j], "y": [j], "marker": {"line": {"color": ["red", "blue"][j]}}}]}

    frames = add_animated_traces(fig, [style], frame, 2)
    marker = fig.data[0].marker
    assert (marker.symbol, marker.line.width, marker.line.color) == ("line-ew", 4, "blue")
    assert list(fig.data[0].x) == [1]
    assert frames[0]["data"][0] == {"type": "scatter", "x": [0], "y": [0], "marker": {"line": {"color": "red"}}}
    assert style == {"type": "scatter", "mode": "markers", "marker": {"symbol": "line-ew", "line": {"width": 4}}}


SUBPLOT_ARGS = [  # the kinds of grid the pages ask for
    {"rows": 1, "cols": 3, "column_widths": [0.34, 0.34, 0.32], "horizontal_spacing": 0.1, "subplot_titles": ["a", "b", "c"]},
    {"rows": 2, "cols": 2, "specs": [[{"colspan": 2}, None], [{}, {}]], "row_heights": [0.6, 0.4],
     "vertical_spacing": 0.12, "horizontal_spacing": 0.1, "subplot_titles": ["손실", "b", "c"]},
    {"specs": [[{"secondary_y": True}]]},
    {"rows": 1, "cols": 2, "specs": [[{"type": "scene"}, {"type": "xy"}]], "horizontal_spacing": 0.1},
    {"rows": 1, "cols": 3, "subplot_titles": ["x", "y", "z"], "shared_yaxes": True, "horizontal_spacing": 0.04},
    {"cols": 2, "horizontal_spacing": 0.13},
]  # fmt: skip


def _grid_json(make, kwargs: dict) -> str:
    """A grid built by ``make``, then used as the builders use one."""
    fig = make(**kwargs)
    secondary = bool(kwargs.get("specs") and kwargs["specs"][0][0] and kwargs["specs"][0][0].get("secondary_y"))
    scene = bool(kwargs.get("specs") and kwargs["specs"][0][0] and kwargs["specs"][0][0].get("type") == "scene")
    fig.add_trace(go.Scatter3d(x=[1], y=[2], z=[3]) if scene else go.Scatter(x=[1, 2], y=[3, 4]), row=1, col=1)
    if secondary:
        fig.add_trace(go.Scatter(x=[1], y=[9]), row=1, col=1, secondary_y=True)
        fig.update_yaxes(title_text="right", secondary_y=True)
    else:
        fig.add_trace(go.Heatmap(z=[[1, 2], [3, 4]]), row=kwargs.get("rows", 1), col=kwargs.get("cols", 1))
        fig.update_xaxes(title_text="x", row=kwargs.get("rows", 1), col=kwargs.get("cols", 1))
        fig.update_yaxes(scaleanchor="x", constrain="domain", row=1, col=kwargs.get("cols", 1))
    fig.update_annotations(yshift=6)
    fig.update_layout(height=300, title="t")
    return fig.to_json()


@pytest.mark.parametrize("kwargs", SUBPLOT_ARGS)
def test_a_grid_copied_from_the_cache_is_the_grid_make_subplots_builds(kwargs):
    """subplots() works make_subplots out once per set of arguments and copies it: the same JSON, before and
    after the usual edits by row and column, on the first call and on later ones (no copy shares its layout)."""
    reference = _grid_json(make_subplots, kwargs)
    assert _grid_json(subplots, kwargs) == reference
    assert _grid_json(subplots, kwargs) == reference, "the first copy's edits reached the cache"
    assert subplots(**kwargs).to_json() == make_subplots(**kwargs).to_json()


def test_real_figures_are_the_same_with_grids_from_the_cache(monkeypatch):
    """/cnn-filters' three figures and /optimizers' race and scratch figures, built on make_subplots' own grids
    and on cached ones: the same figures (the cnn grids are set up as images before they are cached)."""
    import viz.cnn_filters as cnn
    import viz.common as common
    import viz.descent as descent
    from core.cnn.conv import CnnConfig, filter_image, parse_custom
    from core.cnn.images import load_image
    from core.common.plotdata import frame_steps
    from core.descent.race import RaceConfig, race_scene
    from core.descent.surfaces import SURFACES
    from viz.optimizers import race_figure, scratch_figure

    image = load_image("shapes")
    run = filter_image(image, parse_custom("0,-1,0,-1,4,-1,0,-1,0"), CnnConfig())
    cfg = RaceConfig()
    scene = race_scene(cfg)

    def build() -> list[str]:
        figs = [cnn.conv_figure(image, maps=run.maps, lang="ko"), cnn.post_figure(run.maps, lang="en"),
                race_figure(scene.runs, scene.grid, SURFACES[cfg.surface], scene.box, frame_steps(cfg.steps), "en")]  # fmt: skip
        if run.window:
            figs.append(cnn.sliding_figure(run.window, lang="en"))
        for name in ("momentum", "adam"):
            path = scene.scratch[name]
            figs.append(scratch_figure(path, scene.by_name[name], frame_steps(len(path.path) - 1), cfg, "ko"))
        return [fig.to_json() for fig in figs]

    def reference(then=None, **kwargs):
        fig = make_subplots(**kwargs)
        if then:
            then[0](fig, *then[1:])
        return fig

    cached = build()
    for module in (common, cnn, descent):
        monkeypatch.setattr(module, "subplots", reference)
    assert [json.loads(text) for text in build()] == [json.loads(text) for text in cached]


def test_traces_added_unchecked_are_the_traces_plotly_validates():
    """viz.common.Figure keeps added traces as given, in validated key order: the same JSON text as go.Figure
    (also on a subplot grid), and the traces read back as validated objects."""
    traces = [
        go.Scatter(x=np.arange(3), y=[1.0, 2.0, 3.0], line={"width": 2, "color": "red"}, name="a"),
        {"type": "scatter", "mode": "markers", "x": [0, 1], "y": [1, 0],
         "marker": {"size": 5, "color": ["red", "blue"], "line": {"width": 1, "color": "white"}}},
        {"type": "heatmap", "z": [[1, 2]], "colorscale": [[0, "#ffffff"], [1, "#000000"]], "showscale": False},
    ]  # fmt: skip
    pairs = ((Figure(), go.Figure(), {}),
             (subplots(rows=1, cols=2), make_subplots(rows=1, cols=2), {"rows": [1, 1, 1], "cols": [1, 2, 2]}))  # fmt: skip
    for ours, theirs, grid in pairs:
        for fig in (ours, theirs):
            fig.add_traces([go.Scatter(traces[0]), dict(traces[1]), dict(traces[2])], **grid)
            fig.add_trace({"type": "bar", "x": ["p", "q"], "y": [3, 4], "marker": {"color": "green"}})
        assert ours.to_json() == theirs.to_json()
        assert ours.data[1].marker.line.color == "white" and ours.data[3].marker.color == "green"
        assert isinstance(ours.data[2], go.Heatmap) and list(ours.data[0].x) == [0, 1, 2]


GRIDS = [
    {"rows": 2, "cols": 2, "specs": [[{}, {}], [{"colspan": 2}, None]]},
    {"rows": 2, "cols": 3, "specs": [[{"colspan": 2}, None, {}], [{}, {}, {}]], "shared_xaxes": True},
    {"rows": 1, "cols": 2, "specs": [[{"secondary_y": True}, {}]]},
    {"rows": 3, "cols": 4},  # xaxis10 .. xaxis12: the keys sort as numbers
]


@pytest.mark.parametrize("kwargs", GRIDS)
def test_axes_updated_by_cell_are_the_axes_plotly_finds(kwargs):
    """Figure.update_xaxes/update_yaxes(row=, col=, secondary_y=) read the axes off the grid: the same axes as
    plotly.py's own search, in every cell (a spanned one names none), with or without a selector or a row alone."""

    def edit(fig):
        for row in range(1, kwargs["rows"] + 1):
            for col in range(1, kwargs["cols"] + 1):
                fig.update_xaxes(title_text=f"x{row}{col}", row=row, col=col)
                fig.update_yaxes({"title_text": f"y{row}{col}"}, row=row, col=col, secondary_y=False)
                fig.update_yaxes(range=[row, col], row=row, col=col, secondary_y=True)
                fig.update_yaxes(tickformat=f".{row}f", row=row, col=col)
        fig.update_xaxes(showgrid=False, row=1)
        fig.update_yaxes(dtick=2, selector={"title": {"text": "y11"}})
        return json.loads(fig.to_json())["layout"]

    assert edit(subplots(**kwargs)) == edit(make_subplots(**kwargs))
