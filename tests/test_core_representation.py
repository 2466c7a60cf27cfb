"""core.digits.autoencoder: PCA against scikit-learn, the reported MSE against the arrays, probes against
scikit-learn's LogisticRegression (the probe's loss against autograd), decoding and the interpolation strip."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from core.digits.autoencoder import (
    GRID,
    STRIP,
    ReprConfig,
    StripConfig,
    build_autoencoder,
    decode,
    pca_2d,
    probe_accuracy,
    probe_loss,
    strip,
    train_autoencoder,
)
from core.digits.data import make_split


@pytest.fixture(scope="module")
def run():
    return train_autoencoder(ReprConfig())


@pytest.mark.parametrize("seed", [0, 3])
def test_pca_projection_equals_sklearn(seed):
    s = make_split(seed)
    x_tr, x_te = s.x_train.astype(np.float64) / 16, s.x_test.astype(np.float64) / 16
    proj, comps, mean = pca_2d(x_tr, x_te)
    ref = PCA(n_components=2, svd_solver="full").fit(x_tr)
    np.testing.assert_allclose(comps, ref.components_, atol=1e-10)
    np.testing.assert_allclose(proj, ref.transform(x_te), atol=1e-9)
    np.testing.assert_allclose(mean, ref.mean_, atol=1e-12)


def test_the_run_shows_sklearns_pca_of_the_test_images(run):
    ref = PCA(n_components=2, svd_solver="full").fit(run.split.x_train.astype(np.float64) / 16)
    np.testing.assert_allclose(run.pca_test, ref.transform(run.x_test.astype(np.float64)), atol=1e-6)
    recon = ref.inverse_transform(ref.transform(run.x_test.astype(np.float64)))
    assert run.pca_mse == pytest.approx(np.mean((recon - run.x_test) ** 2), rel=1e-6)


def test_reported_reconstruction_error_is_the_mse_of_the_arrays(run):
    assert run.mse == pytest.approx(
        np.mean((run.recon.astype(np.float64) - run.x_test.astype(np.float64)) ** 2), rel=1e-9
    )
    assert run.mse == pytest.approx(run.loss[-1, 1], rel=1e-5)  # and the last test point of the curve
    np.testing.assert_allclose(run.x_test, run.split.x_test / 16.0)


def test_reconstructions_are_the_decoder_of_the_encoder(run):
    decoded = decode(ReprConfig(), run, run.codes[-1])
    np.testing.assert_allclose(decoded.reshape(len(decoded), -1), run.recon, atol=1e-5)


def _sk_probe(f_tr, y_tr, f_te, y_te) -> float:
    sc = StandardScaler().fit(f_tr)
    return LogisticRegression(max_iter=2000).fit(sc.transform(f_tr), y_tr).score(sc.transform(f_te), y_te)


PROBE_SLACK = 2  # test images: both fits stop at a gradient tolerance, ours in float32, so a borderline digit may flip


def test_the_latent_probe_scores_as_sklearns_logistic_regression(run):
    s = run.split
    ref = _sk_probe(run.train_codes, s.y_train, run.codes[-1], s.y_test)
    assert abs(run.probes["latent"] - ref) <= PROBE_SLACK / len(s.y_test)
    assert run.probes["pca"] < run.probes["latent"] < run.probes["raw"]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_pca_and_pixel_probes_score_as_sklearns_logistic_regression(seed):
    s = make_split(seed)
    x_tr, x_te = s.x_train.astype(np.float64) / 16, s.x_test.astype(np.float64) / 16
    ref = PCA(n_components=2, svd_solver="full").fit(x_tr)
    for f_tr, f_te in ((ref.transform(x_tr), ref.transform(x_te)), (x_tr, x_te)):
        ours = probe_accuracy(f_tr, s.y_train, f_te, s.y_test)
        assert abs(ours - _sk_probe(f_tr, s.y_train, f_te, s.y_test)) <= PROBE_SLACK / len(s.y_test)


def test_probe_loss_and_its_gradient_equal_autograd_of_cross_entropy_plus_l2():
    g = torch.Generator().manual_seed(0)
    x = torch.cat([torch.randn(50, 6, generator=g, dtype=torch.float64), torch.ones(50, 1, dtype=torch.float64)], 1)
    y = torch.randint(0, 10, (50,), generator=g)
    theta = torch.randn(7, 10, generator=g, dtype=torch.float64, requires_grad=True)
    loss, grad = probe_loss(theta.detach(), x, F.one_hot(y, 10).double())
    ref = F.cross_entropy(x @ theta, y) + theta[:-1].square().sum() / (2 * 50)  # C = 1: ||W||²/2 over the summed loss
    ref.backward()
    assert loss.item() == pytest.approx(ref.item(), rel=1e-12)
    torch.testing.assert_close(grad, theta.grad, rtol=1e-10, atol=1e-12)


def test_default_training_learns_a_better_code_than_pca(run):
    assert run.mse < run.pca_mse
    assert run.loss[-1, 0] < 0.5 * run.loss[0, 0]
    assert run.codes.shape == (len(run.frames), 360, 2) and run.frames[-1] == ReprConfig().epochs


def test_strip_ends_are_the_chosen_digits_and_the_pixel_row_blends_them(run):
    ends, latent, blend = strip(ReprConfig(), run, StripConfig(start="3", end="8"))
    y = run.split.y_test
    assert (y[ends[0]], y[ends[1]]) == (3, 8)
    assert latent.shape == blend.shape == (STRIP, 8, 8)
    np.testing.assert_allclose(blend[0].ravel(), run.x_test[ends[0]], atol=1e-6)
    np.testing.assert_allclose(blend[-1].ravel(), run.x_test[ends[1]], atol=1e-6)
    np.testing.assert_allclose(blend[STRIP // 2].ravel(), run.x_test[ends].mean(0), atol=1e-6)
    np.testing.assert_allclose(latent[0].ravel(), run.recon[ends[0]], atol=1e-5)  # the first end's own decoding


def test_grid_images_decode_the_grid_points(run):
    assert run.grid_images.shape == (GRID, GRID, 8, 8)
    i, j = 4, 9
    np.testing.assert_allclose(
        run.grid_images[i, j], decode(ReprConfig(), run, [[run.grid_x[j], run.grid_y[i]]])[0], atol=1e-6
    )


def test_first_layer_weights_are_the_encoders():
    cfg = replace(ReprConfig(), epochs=1, hidden="16")
    r = train_autoencoder(cfg)
    assert r.enc_w1.shape == (16, 64)
    enc, _ = build_autoencoder(cfg, torch.Generator().manual_seed(cfg.seed))
    assert not np.allclose(r.enc_w1, enc[0].weight.detach().numpy())  # trained away from its init


def test_same_seed_same_codes_and_other_seed_other_codes():
    cfg = replace(ReprConfig(), epochs=2)
    np.testing.assert_array_equal(train_autoencoder(cfg).codes, train_autoencoder(cfg).codes)
    assert not np.allclose(train_autoencoder(replace(cfg, seed=1)).codes[-1][:5], train_autoencoder(cfg).codes[-1][:5])
