"""The backprop figures, read from fig.data and fig.frames."""

from dataclasses import replace

import numpy as np
import pytest

from core.backprop import BackpropConfig, run_backprop
from viz.backprop import BOX_HEIGHT, LINE_EW, compare_figure, graph_figure, label, positions, text_px

# The graph's traces: the edges, then the animated ones (walked edges, this step's edges, edge labels, box
# borders, box fills, box texts).
EDGES, WALKED, CURRENT, EDGE_LABELS, BORDERS, FILLS, TEXTS = range(7)
ANIMATED = [WALKED, CURRENT, EDGE_LABELS, BORDERS, FILLS, TEXTS]


@pytest.fixture(scope="module")
def run():
    return run_backprop(BackpropConfig())


def test_one_frame_per_backward_step_plus_forward_and_seed(run):
    fig = graph_figure(run, "en")
    assert len(fig.frames) == len(run.steps) + 2
    assert [f.name for f in fig.frames] == [str(j) for j in range(len(fig.frames))]
    assert [s.label for s in fig.layout.sliders[0].steps] == [f.name for f in fig.frames]
    assert fig.layout.sliders[0].active == len(fig.frames) - 1


def frame_texts(fig, j: int, trace: int) -> list[str]:
    return list(fig.frames[j].data[ANIMATED.index(trace)].text)


def test_every_frame_sets_the_animated_traces_and_only_the_title():
    fig = graph_figure(run_backprop(BackpropConfig()), "en")
    for frame in fig.frames:
        assert list(frame.traces) == ANIMATED
        assert set(frame.layout.to_plotly_json()) == {"title"}, "a layout change would need a redraw per frame"


def test_forward_frame_has_values_and_no_gradients_the_last_has_all(run):
    fig = graph_figure(run, "en")
    first, last = frame_texts(fig, 0, TEXTS), frame_texts(fig, -1, TEXTS)
    assert list(fig.data[TEXTS].text) == last, "the figure shows the last frame"
    assert len(first) == len(last) == len(run.names)
    for texts in (first, last):
        for text, name, value in zip(texts, run.names, run.values, strict=True):
            head = text.split("<br>")[0]
            assert head.startswith(f"<b>{label(name)}</b> = ") and text.count("<br>") == 1
            assert float(head.split("= ")[1].replace("−", "-")) == pytest.approx(value, rel=1e-2, abs=1e-3)
    assert all(text.endswith("∇ ?</span>") for text, op in zip(first, run.ops, strict=True) if op != "const")
    for text, g in zip(last, run.grads, strict=True):
        if not np.isnan(g):
            assert "∇ ?" not in text and " …" not in text
            grad = text.split("∇ ")[1].removesuffix("</span>")
            assert float(grad.replace("−", "-")) == pytest.approx(g, rel=1e-2, abs=1e-3)
    assert all(t.endswith("×?") for t in frame_texts(fig, 0, EDGE_LABELS)), "upstream shown before the backward pass"


def test_edge_labels_are_local_times_upstream_of_walked_edges(run):
    fig = graph_figure(run, "en")
    for j, frame in enumerate(fig.frames):
        texts = frame.data[ANIMATED.index(EDGE_LABELS)].text
        walked = run.edge_step <= j - 1
        assert [not t.endswith("×?") for t in texts] == list(walked)
    last = fig.frames[-1].data[ANIMATED.index(EDGE_LABELS)].text
    for e, text in enumerate(last):
        a, b = (
            text.replace("<b>", "").replace("</b>", "").replace("−", "-").replace("(", "").replace(")", "").split("×")
        )
        assert float(a) * float(b) == pytest.approx(run.local[e] * run.upstream[e], rel=2e-2, abs=1e-3)


def test_the_sender_of_each_step_is_highlighted(run):
    fig = graph_figure(run, "en")
    for j in range(2, len(fig.frames)):
        sender = run.steps[j - 2]
        border = fig.frames[j].data[ANIMATED.index(BORDERS)].marker
        fill = fig.frames[j].data[ANIMATED.index(FILLS)].marker
        widths = np.asarray(border.line.width) - BOX_HEIGHT  # twice the border's width
        assert widths[sender] == 6 and sorted(widths)[-2] == 4
        assert len(set(border.line.color)) > 1 and list(border.line.color).count(border.line.color[sender]) == 1
        assert list(fill.line.color).count(fill.line.color[sender]) == 1, "the sender's fill is its own"


@pytest.mark.parametrize(("mode", "loss", "lang"), [("network", "mse", "en"), ("network", "bce", "ko"),
                                                    ("expression", "mse", "ko")])  # fmt: skip
def test_each_box_holds_its_widest_text_of_any_frame(mode, loss, lang):
    """A box is a "line-ew" marker (a line 1.4 × its size long, as thick as its line width): its inner width
    is the widest line of its text, in any frame, plus the padding, and its border goes round it."""
    run = run_backprop(replace(BackpropConfig(), mode=mode, loss=loss))
    fig = graph_figure(run, lang)
    inner = np.asarray(fig.data[FILLS].marker.size, dtype=float) * LINE_EW
    assert fig.data[FILLS].marker.line.width == BOX_HEIGHT
    for i in range(len(run.names)):
        texts = [frame_texts(fig, j, TEXTS)[i] for j in range(len(fig.frames))]
        assert inner[i] == pytest.approx(max(map(text_px, texts)) + 6, abs=0.01)
    for frame in fig.frames:
        border = frame.data[ANIMATED.index(BORDERS)].marker
        edge = np.asarray(border.line.width, dtype=float) - BOX_HEIGHT
        np.testing.assert_allclose(np.asarray(border.size, dtype=float) * LINE_EW, inner + edge, atol=0.01)
    assert fig.data[BORDERS].marker.opacity == fig.data[FILLS].marker.opacity == 1, "no edge shows through a box"


def test_text_px_measures_the_widest_line_with_bold_wider():
    """Against the widths Chromium gives these texts in Arial metrics at 16 px (the figure font's fallback):
    the estimate is never under them, and never more than 12 % over."""
    measured = {"∇ −0.0725": 79, "<b>x₁</b> = 1": 42, "<b>w₁₂</b> = −0.4": 75, "<b>h₁</b> = 0.711": 74,
                "<i>target</i>": 41, "<b>L</b> = 0.37": 59, "∇ 1": 29, "∇ 0.256": 61}  # fmt: skip
    for text, px in measured.items():
        assert px <= text_px(text) <= 1.12 * px, text
    assert text_px("<b>x₁</b> = 1<br>∇ −0.0725") == text_px("∇ −0.0725"), "the widest line, not the sum"
    assert text_px("<b>abc</b>") > text_px("abc")
    assert text_px("목표값") > text_px("abc"), "Hangul is wider than Latin"


@pytest.mark.parametrize(("mode", "loss"), [("network", "mse"), ("network", "bce"), ("expression", "mse")])
def test_every_node_has_a_place_and_labels_stay_apart(mode, loss):
    run = run_backprop(replace(BackpropConfig(), mode=mode, loss=loss))
    pos = positions(run)
    assert set(run.names) <= set(pos)
    fig = graph_figure(run, "ko")
    xy = np.column_stack([fig.data[EDGE_LABELS].x, fig.data[EDGE_LABELS].y])  # edge label anchors
    gaps = np.hypot(*(xy[:, None] - xy[None]).transpose(2, 0, 1)) + np.eye(len(xy)) * 9
    assert gaps.min() > 0.4, "two edge labels share a place"


def test_compare_figure_has_three_series_per_leaf(run):
    fig = compare_figure(run, "en")
    assert [d.name for d in fig.data] == ["graph (chain rule)", "torch .grad", "central difference"]
    leaves = [i for i, op in enumerate(run.ops) if op in ("param", "input")]
    for d, values in zip(fig.data, (run.grads, run.autograd, run.numeric), strict=True):
        assert list(d.x) == [label(run.names[i]) for i in leaves]
        np.testing.assert_allclose(d.y, values[leaves], rtol=1e-6)
    assert len({d.marker.pattern.shape for d in fig.data}) == 3  # not colour alone
