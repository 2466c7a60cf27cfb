"""The logistic-regression figures carry the run's data in their traces, frames and slider steps."""

import numpy as np
import pytest

from core.classify.train import ClassifyConfig, train_classifier
from viz.logistic_regression import boundary_figure, region_values, units_figure

BASE = {
    "dataset": "moons", "n": 200, "noise": 0.2, "classes": 2, "split": 30, "model": "logistic",
    "hidden": "8,8", "activation": "tanh", "optimizer": "adam", "lr": 0.05, "epochs": 60, "batch": "full", "seed": 0,
}  # fmt: skip


@pytest.fixture(scope="module")
def binary():
    r = train_classifier(ClassifyConfig(**BASE))
    return r, boundary_figure(r, lang="en")


@pytest.fixture(scope="module")
def softmax():
    r = train_classifier(ClassifyConfig(**(BASE | {"dataset": "blobs", "classes": 4})))
    return r, boundary_figure(r, lang="ko")


def animated(fig, j, trace):
    frame = fig.frames[j]
    return frame.data[list(frame.traces).index(trace)]


def test_binary_frames_carry_the_probability_map_and_the_sigmoid_points(binary):
    r, fig = binary
    assert len(fig.frames) == len(r.frames) and [s.label for s in fig.layout.sliders[0].steps] == [
        str(k) for k in r.frames
    ]
    first = min(fig.frames[0].traces)
    assert fig.data[first].type == "contour" and fig.data[first].contours.start == 0.5
    assert fig.layout.updatemenus[0].buttons[0].args[1]["frame"]["redraw"] is True
    for j in (0, 7, len(r.frames) - 1):
        np.testing.assert_allclose(animated(fig, j, first).z, r.probs[j, ..., 1], rtol=1e-6)
        dots = animated(fig, j, first + 1)
        z = r.sample_logits[j, :, 0]
        np.testing.assert_allclose(dots.y, 1 / (1 + np.exp(-z)), rtol=1e-5)


def test_title_shows_the_boundary_equation_of_each_frame(binary):
    r, fig = binary
    w, b = r.w[5, 0], r.b[5, 0]
    title = fig.frames[5].layout.title.text
    assert title.startswith(f"Epoch {r.frames[5]} ") and f"{w[0]:.2f}x₁" in title and f"{abs(b):.2f}" in title


def test_loss_and_accuracy_lines_grow_to_the_frame_epoch(binary):
    r, fig = binary
    first = min(fig.frames[0].traces)
    j = 10
    k = int(r.frames[j])
    train_loss = animated(fig, j, first + 2)
    assert train_loss.x[-1] == k
    np.testing.assert_allclose(train_loss.y, r.losses[: k + 1, 0], rtol=1e-6)
    np.testing.assert_allclose(animated(fig, j, first + 5).y, r.accuracy[: k + 1, 1], rtol=1e-6)


def test_the_loss_axis_keeps_its_top_between_neighbouring_settings(binary):
    """Every loss in view under a top with room for it, and the same top for noise 0.20 and 0.25 (their losses
    start 4·10⁻⁵ apart; a top that followed them exactly relaid the axis out at every change of the slider)."""
    r, fig = binary
    top = fig.layout.yaxis3.range[1]
    assert fig.layout.yaxis3.range[0] == 0 and 1.05 * r.losses.max() <= top <= 1.25 * r.losses.max()
    near = train_classifier(ClassifyConfig(**(BASE | {"noise": 0.25})))
    assert near.losses.max() != r.losses.max()  # the data moved
    assert boundary_figure(near, lang="en").layout.yaxis3.range[1] == top


def test_softmax_regions_and_stacked_bars(softmax):
    r, fig = softmax
    first = min(fig.frames[0].traces)
    assert fig.data[first].type == "heatmap"
    z = np.asarray(animated(fig, 3, first).z)
    np.testing.assert_array_equal(np.floor(z), r.probs[3].argmax(axis=-1))
    bars = [animated(fig, 3, first + 1 + c).x for c in range(4)]
    np.testing.assert_allclose(np.sum(bars, axis=0), 1, rtol=1e-5)
    assert fig.layout.barmode == "stack"
    assert fig.frames[3].layout.title.text.startswith(f"{r.frames[3]} 에포크")
    assert "소프트맥스" in " ".join(a.text for a in fig.layout.annotations)


def test_region_values_encode_class_and_confidence():
    probs = np.array([[0.25, 0.25, 0.25, 0.25], [0.1, 0.7, 0.1, 0.1], [0, 0, 0, 1.0]])
    np.testing.assert_allclose(region_values(probs), [0, 1 + (0.7 - 0.25) / 0.75, 3.998])


def test_units_figure_has_one_small_map_per_hidden_unit():
    r = train_classifier(ClassifyConfig(**(BASE | {"model": "mlp", "hidden": "16,4"})))
    fig = units_figure(r, lang="en")
    maps = [tr for tr in fig.data if tr.type == "heatmap"]
    assert len(maps) == 20 and len(fig.frames) == len(r.frames)
    z = np.asarray(fig.frames[-1].data[18].z)
    assert z.dtype == np.int8 and np.abs(z).max() == 127
    expected = r.units[1][-1, 2]
    np.testing.assert_array_equal(z, np.round(127 * expected / np.abs(expected).max()).astype(np.int8))
    assert "layer 2 · unit 3" in [a.text for a in fig.layout.annotations]


def test_heaviest_settings_stay_within_the_payload_budget():
    r = train_classifier(
        ClassifyConfig(**(BASE | {"dataset": "spiral", "classes": 5, "model": "mlp", "hidden": "16,16", "epochs": 300}))
    )
    size = len(boundary_figure(r, lang="ko").to_json()) + len(units_figure(r, lang="ko").to_json())
    assert size < 1_500_000
