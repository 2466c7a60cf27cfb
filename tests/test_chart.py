"""The stable chart element's figure payload: serialised once per figure object, with the content
hash of every trace no animation frame touches (the browser keeps those objects across reruns)."""

import json

import plotly.graph_objects as go

from core.common.params import experiment
from core.descent.gradient import DescentConfig, descent_scene
from core.descent.surfaces import SURFACES
from ui.figcache import drawn, moving_parts, static_traces
from viz.gradient_descent import descent_figure


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
    (rev_a, static_a), (rev_b, static_b) = (drawn(a).revision, drawn(a).static), (drawn(b).revision, drawn(b).static)
    assert rev_a != rev_b and static_a == static_b
    c = animated_figure()
    c.data[0].z = [[1, 2], [3, 5]]
    assert drawn(c).static[0] != static_a[0] and drawn(c).static[1] == static_a[1]


def test_the_payload_is_computed_once_per_figure_object():
    fig = animated_figure()
    assert drawn(fig) is drawn(fig)


def gd_figure(**changes) -> dict:
    cfg = DescentConfig(**experiment(DescentConfig, **changes))
    s = descent_scene(cfg)
    return json.loads(descent_figure(s.run, s.slices, s.grid, s.field, SURFACES[cfg.surface], s.box, "en").to_json())


def test_a_new_learning_rate_moves_the_path_in_place_and_a_new_surface_redraws():
    """moving_parts: the browser may update the gradient-descent map by moving its animated traces
    when only the run changed; a different surface (another contour map) must go through react."""
    a, b, c = gd_figure(lr=0.1), gd_figure(lr=0.2), gd_figure(surface="rosenbrock")
    moving_a, moving_b, moving_c = moving_parts(a), moving_parts(b), moving_parts(c)
    assert moving_a is not None and moving_a["animated"] == sorted({i for f in a["frames"] for i in f["traces"]})
    assert moving_a["shape"] == moving_b["shape"] and a["data"] != b["data"]
    assert moving_c is None or moving_c["shape"] != moving_a["shape"]
    assert {k for f in a["frames"] for k in f.get("layout", {})} <= set(moving_a["axes"])
    assert a["layout"]["yaxis2"] != b["layout"]["yaxis2"] and "yaxis2" in moving_a["axes"]  # set, not a new shape


def test_a_new_start_moves_the_start_marker_with_the_path():
    """A static scatter that follows the parameters (the start marker, the full run's curve) changes its
    hash but not its form, so the browser moves it with the path instead of redrawing the map."""
    a, b = gd_figure(x0=2.0), gd_figure(x0=2.05)
    moving_a, moving_b = moving_parts(a), moving_parts(b)
    assert moving_a["shape"] == moving_b["shape"]
    changed = [i for (i, h), (_, g) in zip(static_traces(a), static_traces(b), strict=True) if h != g]
    names = [a["data"][i]["name"] for i in changed]
    assert changed and any("θ₀" in n for n in names), names
    assert all(moving_a["forms"][str(i)] == moving_b["forms"][str(i)] for i in changed)
    assert moving_a["forms"]["0"] == moving_b["forms"]["0"]  # the contour map is movable, and the same here


def test_a_new_number_of_frames_keeps_the_shape_and_new_data_keeps_the_form():
    fig = animated_figure()
    fig.layout.sliders = [{"steps": [{"args": [[str(i)], {"frame": {"redraw": False}}], "method": "animate"}
                                     for i in range(3)]}]  # fmt: skip
    longer = go.Figure(fig)
    longer.frames = [*fig.frames, go.Frame(data=[go.Scatter(x=[3], y=[3])], traces=[1], name="3")]
    longer.layout.sliders[0].steps = [*fig.layout.sliders[0].steps, fig.layout.sliders[0].steps[0]]
    short, long = moving_parts(json.loads(fig.to_json())), moving_parts(json.loads(longer.to_json()))
    assert short["shape"] == long["shape"]
    assert set(short["forms"]) == {"0", "2"}  # the static heatmap and scatter
    moved = go.Figure(fig)
    moved.data[2].y = [7]  # on an autoranged axis too: the browser autoranges it again after the move
    assert moving_parts(json.loads(moved.to_json()))["forms"] == short["forms"]
    moved.data[2].marker.color = "red"  # a plain marker colour is set by the move
    assert moving_parts(json.loads(moved.to_json()))["forms"] == short["forms"]
    moved.data[2].marker.size = 20  # anything else is a new form: a react draws it
    assert moving_parts(json.loads(moved.to_json()))["forms"] != short["forms"]


def test_a_figure_without_frames_moves_its_scatter_curves_and_redraws_the_rest():
    fig = go.Figure([go.Heatmap(z=[[0, 1], [1, 0]]), go.Scatter(x=[0, 1], y=[2, 3], name="fit")])
    parts = moving_parts(json.loads(fig.to_json()))
    assert parts is not None and parts["animated"] == [] and set(parts["forms"]) == {"0", "1"}
    fig.data[1].y = [4, 5]
    assert moving_parts(json.loads(fig.to_json()))["forms"] == parts["forms"]
    fig.data[1].fill = "tonexty"  # a band to the trace before: movable, with that trace (ui/chart.js fillsMoveTogether)
    banded = moving_parts(json.loads(fig.to_json()))["forms"]
    assert set(banded) == {"0", "1"} and banded["1"] != parts["forms"]["1"]  # the fill is part of the form
    fig.data[1].fill = "toself"
    assert moving_parts(json.loads(fig.to_json()))["forms"] not in (banded, parts["forms"])
    fig.layout.sliders = [{"steps": [{"method": "restyle", "args": ["visible", [True]]}]}]  # not a frame slider
    assert moving_parts(json.loads(fig.to_json())) is None


def test_figures_redrawn_per_frame_or_with_changing_annotations_are_not_moved_in_place():
    fig = animated_figure()
    fig.layout.sliders = [{"steps": [{"args": [["0"], {"frame": {"redraw": True}}], "method": "animate"}]}]
    assert moving_parts(json.loads(fig.to_json())) is None
    fig.layout.sliders = [{"steps": [{"args": [["0"], {"frame": {"redraw": False}}], "method": "animate"}]}]
    assert moving_parts(json.loads(fig.to_json())) is not None
    fig.frames[0].layout = {"title": {"text": "step 0"}}  # a frame's title is set in place on a scrub
    assert moving_parts(json.loads(fig.to_json())) is not None
    fig.frames[0].layout = {"title": {"text": "step 0"}, "annotations": [{"text": "here", "x": 0, "y": 0}]}
    assert moving_parts(json.loads(fig.to_json())) is None


def heatmap_frames_figure(annotated: bool = False, **heatmap) -> go.Figure:
    """A heatmap and a point animated together, with plotly's slider and buttons asking for a redraw."""
    from viz.common import add_animated_traces, add_animation

    fig = go.Figure()
    styles = [{"type": "heatmap"} | heatmap, {"type": "scatter", "mode": "markers"}]

    def frame_data(j):
        notes = {"annotations": [{"text": f"at {j}", "x": j, "y": 0}]} if annotated else {}
        return {"name": str(j), "data": [{"z": [[j, 1], [2, 3]]}, {"x": [j], "y": [j]}],
                "layout": {"title": {"text": f"step {j}"}} | notes}  # fmt: skip

    return add_animation(fig, add_animated_traces(fig, styles, frame_data, 3), "en", redraw=True)


def redraws(figure: dict) -> list[bool]:
    layout = figure["layout"]
    steps = [step["args"][1] for step in layout["sliders"][0]["steps"]]
    return [
        options["frame"]["redraw"] for options in steps + [b["args"][1] for b in layout["updatemenus"][0]["buttons"]]
    ]


def test_heatmap_frames_go_without_a_redraw_where_the_browser_draws_them_itself():
    """ui/chart.js draws a frame's heatmaps from its data; the full redraw plotly.js would do is dropped
    from the slider and the buttons when that shows everything: no layout but the title changes, and no
    colour bar follows the data (plotly.js redraws colour bars only with the whole figure)."""
    from ui.figcache import drop_redraw

    fixed = json.loads(heatmap_frames_figure(zmin=0, zmax=3).to_json())
    assert redraws(fixed) == [True] * 5
    assert drop_redraw(fixed) is True and redraws(fixed) == [False] * 5
    assert drop_redraw(fixed) is False  # nothing left to drop
    no_bar = json.loads(heatmap_frames_figure(showscale=False).to_json())
    assert drop_redraw(no_bar) is True
    following = json.loads(heatmap_frames_figure(zmin=0).to_json())  # a colour bar ranging with each frame's z
    assert drop_redraw(following) is False and redraws(following) == [True] * 5
    annotated = json.loads(heatmap_frames_figure(True, showscale=False).to_json())
    assert drop_redraw(annotated) is False and redraws(annotated) == [True] * 5


def test_the_figure_sent_has_the_redraw_dropped_and_moves_its_heatmap_frames_in_place():
    sent = json.loads(drawn(heatmap_frames_figure(showscale=False)).text)
    assert redraws(sent) == [False] * 5
    parts = moving_parts(sent)
    assert parts is not None and parts["animated"] == [0, 1]
    assert json.loads(drawn(heatmap_frames_figure(zmin=0)).text)["layout"]["sliders"][0]["steps"][0]["args"][1][
        "frame"
    ]["redraw"]


def test_a_static_heatmap_or_bar_chart_moves_with_new_data_and_a_new_style_redraws():
    fig = go.Figure([go.Heatmap(z=[[0, 1], [1, 0]], zmin=0, zmax=1, text=[["a", "b"], ["c", "d"]]),
                     go.Bar(x=[0, 1], y=[1, 2]), go.Heatmap(z=[[0, 1], [1, 0]], xaxis="x2")])  # fmt: skip
    parts = moving_parts(json.loads(fig.to_json()))
    assert set(parts["forms"]) == {"0", "1", "2"}  # the last one's colour bar, following its z, drawn again
    fig.data[0].z, fig.data[0].text, fig.data[1].y = [[1, 1], [0, 0]], [["e", "f"], ["g", "h"]], [3, 1]
    assert moving_parts(json.loads(fig.to_json()))["forms"] == parts["forms"]
    fig.data[0].colorscale = "Viridis"
    fig.data[1].marker.opacity = 0.5
    changed = moving_parts(json.loads(fig.to_json()))["forms"]
    assert changed["0"] != parts["forms"]["0"] and changed["1"] != parts["forms"]["1"]


def test_a_new_title_text_keeps_the_shape_and_a_new_title_style_does_not():
    """A title that counts what the parameter sets ("5 epochs" → "6 epochs") is set in place by the browser."""
    fig = animated_figure()
    fig.layout.sliders = [{"steps": [{"args": [["0"], {"frame": {"redraw": False}}], "method": "animate"}]}]
    fig.layout.title = {"text": "5 epochs", "x": 0}
    five = moving_parts(json.loads(fig.to_json()))
    fig.layout.title.text = "6 epochs"
    assert moving_parts(json.loads(fig.to_json()))["shape"] == five["shape"]
    fig.layout.title.x = 0.5
    assert moving_parts(json.loads(fig.to_json()))["shape"] != five["shape"]
    fig.layout.title = None
    assert moving_parts(json.loads(fig.to_json()))["shape"] != five["shape"]


def test_the_payload_is_a_head_line_then_the_figure_as_sent():
    from ui.chart import pack, unpack

    text = go.Figure(go.Scatter(x=[0, 1], y=[1, 0], name="line\nbreak ㄱ")).to_json()
    head = {"revision": "abc", "key": "chart_x", "static": [[0, "f00"]], "moving": None, "note": "새\n줄"}
    payload = pack(head, text)
    assert payload.count(b"\n") == 1  # JSON escapes line breaks: the only raw one ends the head
    assert unpack(payload) == (head, text)


def forms_of(fig: go.Figure) -> dict:
    return moving_parts(json.loads(fig.to_json()))["forms"]


def test_labels_colours_widths_and_colour_ranges_are_moved_in_place():
    """A move hands plotly.js the whole trace, and it draws labels, their places, plain marker colours,
    bar widths and a heatmap's colour range from it; ui/chart.js draws a shown colour bar again where its
    range or ticks changed. A new colour scale, mode, legend name or colour bar style needs a react."""
    fig = go.Figure(
        [
            go.Scatter(
                x=[0, 1],
                y=[0, 1],
                mode="markers+text",
                text=["A", ""],
                textposition=["top left", "top right"],
                marker={"color": ["red", "blue"], "size": 9},
                name="points",
            ),
            go.Bar(x=[0, 1], y=[3, 4], width=[0.8, 0.8], text=["3", "4"], marker={"color": ["grey", "blue"]}),
            go.Heatmap(z=[[0, 1], [1, 0]], zmin=0, zmax=1, showscale=False),
            go.Heatmap(z=[[0, 1], [1, 0]], zmin=0, zmax=1, showscale=True),
            go.Scatter(x=[0, 1], y=[1, 0], mode="markers", marker={"color": [0.1, 0.9], "colorscale": "Viridis"}),
        ]
    )
    forms = forms_of(fig)
    assert set(forms) == {"0", "1", "2", "3", "4"}
    moved = go.Figure(fig)
    moved.data[0].update(
        text=["", "B"], textposition=["bottom left", "top right"], marker_color=["blue", "red"], y=[1, 2]
    )
    moved.data[1].update(width=[0.5, 0.9], text=["5", "6"], marker_color=["blue", "grey"], y=[5, 6])
    moved.data[2].update(zmin=-1, zmax=2, z=[[1, 1], [0, 0]])
    moved.data[3].update(zmin=-2, zmax=2, colorbar_tickvals=[-2, 0, 2], colorbar_ticktext=["-2", "0", "2"])
    assert forms_of(moved) == forms
    for change, index in ((lambda f: f.data[0].update(mode="markers"), 0), (lambda f: f.data[0].update(name="p"), 0),
                          (lambda f: f.data[3].update(colorbar_thickness=20), 3), (lambda f: f.data[4].update(marker_color=[0.5, 0.5]), 4),
                          (lambda f: f.data[1].update(marker_line_width=2), 1)):  # fmt: skip
        other = go.Figure(fig)
        change(other)
        changed = {i for i in forms if forms_of(other)[i] != forms[i]}
        assert changed == {str(index)}


def test_a_heatmap_on_a_shared_colour_axis_is_left_to_react():
    """A colour axis keeps its range in the layout, which a move does not set."""
    fig = go.Figure([go.Heatmap(z=[[0, 1], [1, 0]], coloraxis="coloraxis"), go.Heatmap(z=[[1]], showscale=False)])
    assert set(forms_of(fig)) == {"1"}


def test_an_empty_point_label_is_sent_as_a_space_in_every_scatter_and_frame():
    """plotly.js drops the text node of an empty label for good (a later label is never drawn); a space keeps
    it and draws nothing. Every figure the chart element sends goes through ``drawn``."""
    from viz.common import add_animated_traces

    labels = [["A", "", "C"], ["", "B,C", ""], ["A,B,C", "", ""]]

    def frame_data(j):
        return {"name": str(j), "data": [{"x": [0, 1, 2], "y": [j, j, j], "text": labels[j]}, {"x": [j], "y": [j]}]}

    fig = go.Figure(go.Bar(x=[0, 1], y=[1, 2], text=["", "2"]))  # a bar's empty label is drawn as nothing anyway
    styles = [{"type": "scatter", "mode": "markers+text"}, {"type": "scatter", "mode": "lines"}]
    fig.frames = add_animated_traces(fig, styles, frame_data, len(labels))
    fig.add_scatter(x=[0, 1], y=[0, 1], mode="text", text=["", "static"])
    sent = json.loads(drawn(fig).text)
    assert sent["data"][1]["text"] == ["A,B,C", " ", " "] and sent["data"][3]["text"] == [" ", "static"]
    assert [f["data"][0]["text"] for f in sent["frames"]] == [["A", " ", "C"], [" ", "B,C", " "], ["A,B,C", " ", " "]]
    assert all("text" not in f["data"][1] for f in sent["frames"])
    assert sent["data"][0]["text"] == ["", "2"]
    assert labels[1] == ["", "B,C", ""], "the caller's lists are not changed"
    plain = go.Figure(go.Scatter(x=[1, 2], text=["a", "b"]))
    assert json.loads(drawn(plain).text)["data"][0]["text"] == ["a", "b"]


def test_the_korean_plotly_locale_is_keyed_by_plotly_js_own_english_words():
    """plotly.js looks its words up by their English source text: each key of our dictionary must be one it
    uses, word for word, or the tooltip stays English."""
    from ui.chart import PLOTLY_JS, PLOTLY_WORDS, plotly_locale

    source = PLOTLY_JS.read_text()  # the copy the app serves (tests/test_assets.py)
    locale = plotly_locale("ko")
    assert locale["name"] == "ko" and len(locale["dictionary"]) == len(PLOTLY_WORDS) >= 10
    missing = [en for en in locale["dictionary"] if f'"{en}"' not in source]
    assert not missing, f"not plotly.js's words: {missing}"
    assert all(ko != en and any("\uac00" <= ch <= "\ud7a3" for ch in ko) for en, ko in locale["dictionary"].items())
    assert plotly_locale("en") is None  # plotly.js's own words
