"""The CNN-filters figures carry the expected traces, frames and slider steps."""

import numpy as np
import pytest

from core.cnn.conv import KERNELS, convolve, sliding_window
from core.cnn.digits import EPOCHS, FILTERS, TrainedCNN, closest_kernels
from core.cnn.images import load_image, patch_of
from viz.cnn_filters import (
    confusion_figure,
    conv_figure,
    learned_filters_figure,
    learned_maps_figure,
    post_figure,
    shape_latex,
    sliding_figure,
    training_figure,
)

RNG = np.random.default_rng(3)


def fake_run() -> TrainedCNN:
    """Plot data shaped like a training run (the figures only read arrays)."""
    n = 40
    labels = RNG.integers(0, 10, n)
    return TrainedCNN(
        filters=RNG.normal(size=(EPOCHS + 1, FILTERS, 3, 3)),
        bias=RNG.normal(size=FILTERS),
        losses=np.linspace(2, 0.1, EPOCHS),
        test_acc=np.linspace(0.5, 0.97, EPOCHS),
        confusion=np.bincount(labels * 11, minlength=100).reshape(10, 10),
        test_images=RNG.uniform(size=(n, 8, 8)),
        test_labels=labels,
        test_pred=labels,
    )


def test_conv_figure_shows_input_kernel_and_feature_map():
    img = load_image("china")
    maps = convolve(img, KERNELS["sobel_x"], 2, 1, 1)
    fig = conv_figure(img, maps=maps, lang="en")
    assert [tr.type for tr in fig.data] == ["heatmap"] * 3
    np.testing.assert_array_equal(fig.data[0].z, np.round(img * 255))
    np.testing.assert_array_equal(fig.data[1].z, KERNELS["sobel_x"])
    np.testing.assert_allclose(fig.data[2].z, maps.out, rtol=1e-6)
    assert fig.data[2].zmid is None and fig.data[2].zmin == -fig.data[2].zmax  # zero is white
    titles = [a.text for a in fig.layout.annotations]
    assert titles == ["Input image (171×256)", "Kernel (3×3)", "Feature map (86×128)"]
    assert fig.layout.yaxis.autorange == "reversed" and fig.layout.yaxis.scaleanchor == "x"
    assert len(fig.to_json()) < 600_000


def test_post_figure_shares_one_scale():
    maps = convolve(load_image("shapes"), KERNELS["laplacian"], 1, 0, 1)
    fig = post_figure(maps, lang="ko")
    np.testing.assert_allclose(fig.data[0].z, maps.relu, rtol=1e-6)
    np.testing.assert_allclose(fig.data[1].z, maps.pooled, rtol=1e-6)
    assert fig.data[0].zmax == fig.data[1].zmax == pytest.approx(np.percentile(maps.relu, 99.5))
    assert 0 < fig.data[0].zmax < maps.relu.max()  # a few strong pixels do not wash out the rest
    assert fig.layout.annotations[1].text == "2×2 최대 풀링 뒤 (63×63)"


@pytest.mark.parametrize(("s", "p", "d"), [(1, 0, 1), (2, 2, 1), (1, 3, 2)])
def test_sliding_figure_frames_fill_the_output_cell_by_cell(s, p, d):
    patch = patch_of(load_image("digit"))
    sw = sliding_window(patch, KERNELS["sobel_y"], s, p, d)
    fig = sliding_figure(sw, lang="en")
    assert len(fig.frames) == len(sw.cells) <= 60
    assert len(fig.layout.sliders[0].steps) == len(fig.frames)
    assert fig.layout.sliders[0].active == len(fig.frames) - 1  # opens on the finished output
    assert all(b.args[1]["frame"]["redraw"] for b in fig.layout.updatemenus[0].buttons[:1])
    wo = sw.out.shape[1]
    previous = -1
    for j, frame in enumerate(fig.frames):
        window, products, total, output, current = frame.data
        i, jj = divmod(int(sw.cells[j]), wo)
        assert frame.name == f"({i}, {jj})"
        assert (current.x[0], current.y[0]) == (jj, i)
        filled = np.isfinite(np.asarray(output.z, dtype=float))
        assert filled.sum() == sw.cells[j] + 1 > previous
        previous = filled.sum()
        assert float(total.text[0].split("=")[1]) == pytest.approx(sw.out[i, jj], abs=1e-3)
        np.testing.assert_allclose(np.asarray(products.z, dtype=float).sum(), sw.out[i, jj], atol=1e-4)
        assert min(window.y) == i * s and min(window.x) == jj * s
        assert max(window.x) - min(window.x) == d * 2  # a 3×3 kernel spans 2d+1 pixels
    assert len(fig.to_json()) < 400_000


def test_learned_filters_figure_animates_epochs_beside_the_presets():
    run = fake_run()
    names, cos = closest_kernels(run.filters[-1])
    fig = learned_filters_figure(run, names=names, cos=cos, kernels=KERNELS, lang="en")
    assert len(fig.frames) == EPOCHS + 1
    assert [s.label for s in fig.layout.sliders[0].steps] == [str(e) for e in range(EPOCHS + 1)]
    for e in (0, EPOCHS):
        for f in range(FILTERS):
            np.testing.assert_allclose(fig.frames[e].data[f].z, run.filters[e, f], rtol=1e-6)
    named = [n for n in names if n is not None]  # a filter with no close classic kernel gets no preset below it
    presets = fig.data[: len(named)]
    for trace, name in zip(presets, named, strict=True):
        np.testing.assert_allclose(trace.z, KERNELS[name], rtol=1e-6)
    assert "cos" in fig.layout.annotations[FILTERS].text
    titles = [a.text for a in fig.layout.annotations[FILTERS:]]
    assert all(("no close classic kernel" in title) == (n is None) for title, n in zip(titles, names, strict=True))


def test_a_filter_far_from_every_classic_kernel_is_not_named():
    run = fake_run()
    names = [None, *closest_kernels(run.filters[-1])[0][1:]]
    fig = learned_filters_figure(run, names=names, cos=np.full(len(names), 0.3), kernels=KERNELS, lang="ko")
    assert fig.layout.annotations[FILTERS].text.startswith("가까운 고전 커널 없음")
    assert len(fig.data) == FILTERS + sum(n is not None for n in names)


def test_training_confusion_and_maps_figures():
    run = fake_run()
    fig = training_figure(run, lang="ko")
    assert fig.data[0].name == "학습 손실" and max(fig.data[1].y) == pytest.approx(97, rel=1e-6)
    conf = confusion_figure(run.confusion, lang="en")
    np.testing.assert_array_equal(conf.data[0].z, run.confusion)
    assert conf.layout.xaxis.title.text == "predicted digit"
    maps = RNG.uniform(size=(FILTERS, 8, 8))
    fig = learned_maps_figure(run.test_images[0], maps=maps, pooled=maps[:, ::2, ::2], lang="en")
    assert len(fig.data) == 1 + 2 * FILTERS
    assert fig.data[1].zmax == fig.data[FILTERS + 1].zmax == pytest.approx(maps.max())


def test_shape_latex_puts_in_the_numbers():
    text = shape_latex((171, 256), 5, 2, 1, 3, (80, 122))
    assert r"\frac{171+2\cdot1-3\cdot(5-1)-1}{2}" in text and text.count(r"\rfloor+1=") == 2
    assert "=122" in text and "=80" in text
