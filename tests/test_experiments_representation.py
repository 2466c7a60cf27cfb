"""Try this on /representation: each experiment, applied through the page, shows what its text claims."""

from __future__ import annotations

import pytest

from core.digits.autoencoder import ReprConfig, StripConfig, strip, train_autoencoder
from tests.apptest_helpers import page_fixture, state_config_of
from tests.test_experiments import apply_experiment

page = page_fixture("views/representation.py")


@pytest.fixture(scope="module")
def default_run():
    return train_autoencoder(ReprConfig())


def run_of(at):
    return train_autoencoder(state_config_of(at, ReprConfig))


def test_linear_autoencoder_does_no_better_than_pca(page, default_run):
    run = run_of(apply_experiment(page, "linear"))
    assert abs(run.mse - run.pca_mse) < 0.1 * run.pca_mse, "the reconstruction error is not close to PCA's"
    assert run.probes["latent"] < run.probes["pca"] + 0.05, "the linear code separates digits better than PCA"
    assert run.probes["latent"] < default_run.probes["latent"] - 0.05


def test_barely_trained_code_is_worse_than_pca(page):
    run = run_of(apply_experiment(page, "early"))
    assert run.probes["latent"] < run.probes["pca"]


def test_wider_and_longer_beats_pca_clearly(page, default_run):
    run = run_of(apply_experiment(page, "wide"))
    assert run.mse < 0.75 * run.pca_mse
    assert run.probes["latent"] > run.probes["pca"] + 0.1


def test_morph_walks_from_a_zero_to_a_six(page):
    at = apply_experiment(page, "morph")
    cfg, ends_cfg = state_config_of(at, ReprConfig), state_config_of(at, StripConfig)
    assert ends_cfg == StripConfig("0", "6")
    run = train_autoencoder(cfg)
    _, latent, blend = strip(cfg, run, ends_cfg)
    mid_latent, mid_blend = latent[len(latent) // 2], blend[len(blend) // 2]
    # The pixel blend's middle is a double exposure, full of half-strength grey; the decoded middle is
    # an image of its own, as clean as the ends.
    grey = lambda img: int(((img > 0.2) & (img < 0.6)).sum())  # noqa: E731
    assert grey(mid_blend) > 1.5 * max(grey(blend[0]), grey(blend[-1]))
    assert grey(mid_latent) < 0.6 * grey(mid_blend)
