"""The stable chart element's figure payload: serialised once per figure object, with the content
hash of every trace no animation frame touches (the browser keeps those objects across reruns)."""

import json

import plotly.graph_objects as go

from ui.chart import figure_json, static_traces


def animated_figure() -> go.Figure:
    fig = go.Figure([go.Contour(z=[[1, 2], [3, 4]]), go.Scatter(x=[0], y=[0]), go.Scatter(x=[1], y=[1])])
    fig.frames = [go.Frame(data=[go.Scatter(x=[i], y=[i])], traces=[1], name=str(i)) for i in range(3)]
    return fig


def test_only_traces_no_frame_touches_are_static():
    fig = animated_figure()
    static = static_traces(json.loads(fig.to_json()))
    assert [i for i, _ in static] == [0, 2]


def test_frames_without_trace_lists_animate_their_first_traces():
    fig = go.Figure([go.Scatter(x=[0]), go.Scatter(x=[1]), go.Heatmap(z=[[1]])])
    fig.frames = [go.Frame(data=[go.Scatter(x=[2]), go.Scatter(x=[3])])]
    assert [i for i, _ in static_traces(json.loads(fig.to_json()))] == [2]


def test_a_static_trace_keeps_its_hash_while_the_animated_ones_change():
    a, b = animated_figure(), animated_figure()
    b.data[1].x = [5]
    b.frames[0].data[0].x = [9]
    (_, rev_a, static_a), (_, rev_b, static_b) = figure_json(a), figure_json(b)
    assert rev_a != rev_b and static_a == static_b
    c = animated_figure()
    c.data[0].z = [[1, 2], [3, 5]]
    assert figure_json(c)[2][0] != static_a[0] and figure_json(c)[2][1] == static_a[1]


def test_the_payload_is_computed_once_per_figure_object():
    fig = animated_figure()
    assert figure_json(fig) is figure_json(fig)
