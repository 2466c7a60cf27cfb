"""Figures of /digits-project and /representation, read from fig.data and fig.frames."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from core.digits.autoencoder import ReprConfig, train_autoencoder
from core.digits.evaluate import confusion_matrix, evaluate
from core.digits.mlp import ProjectConfig, train_digits
from viz import digits_project as dp
from viz import representation as rp
from viz.digits import mosaic
from viz.palette import DIVERGING

CFG = replace(ProjectConfig(), epochs=5)


@pytest.fixture(scope="module")
def run():
    return train_digits(CFG)


@pytest.fixture(scope="module")
def ae():
    return train_autoencoder(replace(ReprConfig(), epochs=4, hidden="16"))


def test_training_figure_has_one_frame_per_epoch_with_the_validation_confusion(run):
    fig = dp.training_figure(run, "en")
    assert [f.name for f in fig.frames] == [str(e) for e in range(6)]
    heat = fig.frames[2].data[-1]
    np.testing.assert_array_equal(np.asarray(heat.z), confusion_matrix(run.split.y_val, run.val_pred[2].astype(int)))
    assert fig.frames[3].data[0].x == (3,) and fig.frames[3].data[0].y[0] == pytest.approx(run.loss[3, 0], rel=1e-6)
    assert fig.layout.yaxis.type == "log"


def test_live_figure_draws_the_epochs_so_far_without_frames(run):
    fig = dp.live_figure(run.loss[:3], run.acc[:3], run.val_pred[2], run.split.y_val, 5, "ko")
    assert not fig.frames and len(fig.data[0].x) == 3
    assert fig.layout.xaxis.range == (0, 5)
    assert "교차 엔트로피" in fig.layout.annotations[0].text


def test_results_and_canvas_figures_show_the_evaluation(run):
    ev = evaluate(CFG, run.state, run.split)
    fig = dp.results_figure(ev, "en")
    np.testing.assert_array_equal(np.asarray(fig.data[0].z), ev.confusion)
    np.testing.assert_allclose(fig.data[1].y, ev.per_class, rtol=1e-6)
    probs = np.full(10, 0.1)
    probs[7] = 0.2
    canvas = dp.canvas_figure(np.eye(8) * 16, probs / probs.sum(), "en")
    assert (
        np.asarray(canvas.data[0].z).shape == (8, 8)
        and canvas.data[1].marker.color[7] != canvas.data[1].marker.color[0]
    )


def test_mosaic_places_tiles_with_blank_gaps():
    tiles = np.arange(3 * 64, dtype=float).reshape(3, 8, 8)
    m = mosaic(tiles, 2)
    assert m.shape == (17, 17)
    np.testing.assert_array_equal(m[9:, :8], tiles[2])
    assert np.isnan(m[8]).all() and np.isnan(m[9:, 9:]).all()


def test_latent_figure_animates_the_code_beside_a_static_pca(ae):
    fig = rp.latent_figure(ae, "en")
    assert len(fig.data) == 20 and len(fig.frames) == len(ae.frames)
    y = ae.split.y_test
    np.testing.assert_allclose(fig.data[3].x, ae.pca_test[y == 3, 0], rtol=1e-5)
    np.testing.assert_allclose(fig.frames[1].data[4].x, ae.codes[1][y == 4, 0], rtol=1e-6)
    assert fig.data[10].marker.symbol != fig.data[11].marker.symbol  # a shape per digit, not colour alone


def test_the_latent_map_keeps_its_box_while_the_codes_move_a_little(ae):
    """Every code in view with room to spare, and a box that stays put while a slider moves the codes a little
    (one epoch more or less moved the extent by ~1 %): a box that followed the extent exactly was laid out again
    in the browser at every change."""
    fig = rp.latent_figure(ae, "en")
    for axis, z in ((fig.layout.xaxis, ae.codes[..., 0]), (fig.layout.yaxis, ae.codes[..., 1])):
        lo, hi, span = z.min(), z.max(), np.ptp(z)
        assert axis.range[0] <= lo - 0.05 * span and axis.range[1] >= hi + 0.05 * span, (axis.range, lo, hi)
        assert axis.range[1] - axis.range[0] <= 1.5 * span, (axis.range, span)
        boxes = {tuple(rp._range(z * s + d * span)) for s in np.linspace(0.99, 1.01, 11) for d in (-0.005, 0, 0.005)}
        assert len(boxes) <= 6, sorted(boxes)  # of 33 moves; each had a box of its own before


def test_weights_figure_uses_the_diverging_scale_around_zero(ae):
    fig = rp.weights_figure(ae.enc_w1, "en")
    heat = fig.data[0]
    assert heat.zmid == 0 and heat.zmin == -heat.zmax
    assert heat.colorscale[0][1] == DIVERGING[0][1] and heat.colorscale[-1][1] == DIVERGING[-1][1]


def test_quality_figure_bars_are_the_three_probes(ae):
    fig = rp.quality_figure(ae, "en")
    np.testing.assert_allclose(fig.data[-1].y, [ae.probes[k] for k in ("latent", "pca", "raw")], rtol=1e-6)
