"""viz.common.pin_image_axes: image subplots get the ranges plotly's autorange gives a heatmap (each
cell's edges), and nothing else is touched."""

import json

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from viz.common import pin_image_axes


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
