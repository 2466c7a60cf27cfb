"""The backprop figures, read from fig.data / fig.frames / layout annotations."""

from dataclasses import replace

import numpy as np
import pytest

from core.backprop import BackpropConfig, run_backprop
from viz.backprop import compare_figure, graph_figure, label, positions


@pytest.fixture(scope="module")
def run():
    return run_backprop(BackpropConfig())


def test_one_frame_per_backward_step_plus_forward_and_seed(run):
    fig = graph_figure(run, "en")
    assert len(fig.frames) == len(run.steps) + 2
    assert [f.name for f in fig.frames] == [str(j) for j in range(len(fig.frames))]
    assert [s.label for s in fig.layout.sliders[0].steps] == [f.name for f in fig.frames]
    assert fig.layout.sliders[0].active == len(fig.frames) - 1


def test_forward_frame_has_values_and_no_gradients_the_last_has_all(run):
    fig = graph_figure(run, "en")
    first, last = fig.frames[0].layout.annotations, fig.frames[-1].layout.annotations
    assert len(first) == len(last) == len(run.names)
    assert all("∇ ?" in a.text for a, op in zip(first, run.ops, strict=True) if op != "const")
    for a, name, g in zip(last, run.names, run.grads, strict=True):
        assert f"<b>{label(name)}</b>" in a.text
        if not np.isnan(g):
            assert "∇ ?" not in a.text and " …" not in a.text
    assert all(t.endswith("×?") for t in fig.frames[0].data[2].text), "upstream shown before the backward pass"


def test_edge_labels_are_local_times_upstream_of_walked_edges(run):
    fig = graph_figure(run, "en")
    for j, frame in enumerate(fig.frames):
        texts = frame.data[2].text
        walked = run.edge_step <= j - 1
        assert [not t.endswith("×?") for t in texts] == list(walked)
    last = fig.frames[-1].data[2].text
    for e, text in enumerate(last):
        a, b = (
            text.replace("<b>", "").replace("</b>", "").replace("−", "-").replace("(", "").replace(")", "").split("×")
        )
        assert float(a) * float(b) == pytest.approx(run.local[e] * run.upstream[e], rel=2e-2, abs=1e-3)


def test_the_sender_of_each_step_is_highlighted(run):
    fig = graph_figure(run, "en")
    for j in range(2, len(fig.frames)):
        sender = run.steps[j - 2]
        widths = [a.borderwidth for a in fig.frames[j].layout.annotations]
        assert widths[sender] == 3 and sorted(widths)[-2] == 2


@pytest.mark.parametrize(("mode", "loss"), [("network", "mse"), ("network", "bce"), ("expression", "mse")])
def test_every_node_has_a_place_and_labels_stay_apart(mode, loss):
    run = run_backprop(replace(BackpropConfig(), mode=mode, loss=loss))
    pos = positions(run)
    assert set(run.names) <= set(pos)
    fig = graph_figure(run, "ko")
    xy = np.column_stack([fig.data[3].x, fig.data[3].y])  # edge label anchors
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
