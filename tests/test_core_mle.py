"""MLE core against independent references: scipy.stats log-probabilities and fits, closed forms, and the
two loss identities."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
import torch
from scipy import stats

from core.mle import DICE, MLEConfig, ascend, closed_form, identities, landscape, log_likelihood, sample
from core.mle.fit import distribution, mean_log_likelihood
from core.mle.landscape import die_slice

C = MLEConfig()
SETTINGS = [
    {"dist": "coin"},
    {"dist": "coin", "n": 500, "p": 0.2},
    {"dist": "die"},
    {"dist": "die", "die": "skewed", "n": 400},
    {"dist": "gaussian"},
    {"dist": "gaussian", "mu": -2.0, "sigma": 0.5, "n": 200},
]


def scipy_ll(dist: str, params, x) -> float:
    """Σ log p(xᵢ) from scipy.stats."""
    if dist == "coin":
        return float(stats.bernoulli.logpmf(x, params[0]).sum())
    if dist == "die":
        onehot = np.eye(6, dtype=int)[x]
        return float(stats.multinomial.logpmf(onehot, 1, params).sum())
    return float(stats.norm.logpdf(x, params[0], params[1]).sum())


@pytest.mark.parametrize("settings", SETTINGS)
def test_the_mle_equals_the_closed_form_and_scipy_fits(settings):
    cfg = replace(C, **settings)
    x = sample(cfg)
    mle = closed_form(cfg.dist, x)
    if cfg.dist == "gaussian":
        np.testing.assert_allclose(mle, stats.norm.fit(x), rtol=1e-10)  # scipy's MLE: mean and the ddof=0 std
        assert mle[1] < np.std(x, ddof=1)  # the biased estimate, not the unbiased one
    elif cfg.dist == "coin":
        assert mle[0] == pytest.approx(x.sum() / len(x))  # heads / tosses
    else:
        np.testing.assert_allclose(mle, np.bincount(x, minlength=6) / len(x))
    # No nearby parameter explains the data better (an independent check that the closed form is the top).
    rng = np.random.default_rng(1)
    top = scipy_ll(cfg.dist, mle, x)
    for _ in range(50):
        if cfg.dist == "gaussian":
            other = mle + rng.normal(0, 0.05, 2) * np.array([1, mle[1]])
        elif cfg.dist == "coin":
            other = np.clip(mle + rng.normal(0, 0.03, 1), 1e-6, 1 - 1e-6)
        else:
            other = rng.dirichlet(1 + 300 * mle)
        assert scipy_ll(cfg.dist, other, x) <= top + 1e-9


@pytest.mark.parametrize("settings", SETTINGS)
def test_gradient_ascent_ends_at_the_closed_form(settings):
    run = ascend(replace(C, **settings))
    assert run.stop_step is None
    assert run.gap < 1e-6, run.gap
    assert run.ll[-1] == pytest.approx(run.max_ll, abs=1e-6)
    assert run.ll[-1] >= run.ll[0]


@pytest.mark.parametrize("settings", SETTINGS)
def test_log_likelihoods_equal_sums_of_scipy_logpmf_and_logpdf(settings):
    cfg = replace(C, **settings)
    run = ascend(cfg)
    for k in (0, 5, len(run.path) - 1):
        assert run.ll[k] == pytest.approx(scipy_ll(cfg.dist, run.path[k], run.x), rel=1e-9, abs=1e-9)
    assert run.max_ll == pytest.approx(scipy_ll(cfg.dist, run.mle, run.x), rel=1e-12)
    assert log_likelihood(cfg.dist, run.mle, run.x) == pytest.approx(run.max_ll)
    land = landscape(cfg, run)
    if cfg.dist == "gaussian":
        for i, j in ((0, 0), (40, 40), (80, 13)):
            ref = scipy_ll("gaussian", [land.xs[j], land.ys[i]], run.x)
            assert land.ll[i, j] == pytest.approx(ref, rel=1e-9)
    elif cfg.dist == "coin":
        for j in (0, 50, 198):
            assert land.ll[j] == pytest.approx(scipy_ll("coin", [land.xs[j]], run.x), rel=1e-9)
    else:
        probs = die_slice(run.mle, land.xs)
        for j in (3, 100, 190):
            assert probs[j].sum() == pytest.approx(1.0)
            assert land.ll[j] == pytest.approx(scipy_ll("die", probs[j], run.x), rel=1e-9)
        assert np.argmax(land.ll) == pytest.approx(np.argmin(np.abs(land.xs - run.mle[5])), abs=1)
    assert land.rel.max() <= 1 + 1e-9


@pytest.mark.parametrize("settings", SETTINGS)
def test_the_sufficient_statistics_give_the_same_log_likelihood_as_every_sample(settings):
    cfg = replace(C, **settings)
    x = sample(cfg)
    params = torch.tensor([0.3] if cfg.dist == "coin" else DICE["skewed"] if cfg.dist == "die" else [0.4, 1.7],
                          dtype=torch.float64)  # fmt: skip
    if cfg.dist == "gaussian":
        stats_ = torch.tensor([x.mean(), x.var()], dtype=torch.float64)
    else:
        stats_ = torch.as_tensor(np.bincount(x, minlength=cfg.faces) / len(x))
    values = torch.as_tensor(x, dtype=torch.float64) if cfg.dist != "die" else torch.as_tensor(x)
    every = distribution(cfg.dist, params).log_prob(values).mean()
    assert float(mean_log_likelihood(cfg.dist, params, stats_)) == pytest.approx(float(every), rel=1e-12)


@pytest.mark.parametrize("settings", SETTINGS)
def test_mse_is_the_gaussian_nll_up_to_a_constant_and_a_scale(settings):
    cfg = replace(C, **settings)
    ident = identities(cfg, ascend(cfg))
    assert ident.nll_unit == pytest.approx(0.5 * math.log(2 * math.pi) + ident.mse / 2, abs=1e-6)
    assert ident.nll_fitted == pytest.approx(0.5 * math.log(2 * math.pi * ident.mse) + 0.5, abs=1e-6)
    # The same line, scored with scipy's Gaussian log-density at σ = 1.
    rng = np.random.default_rng(cfg.seed + 1)
    x = rng.uniform(-1, 1, cfg.n)
    y = 0.5 + 2.0 * x + cfg.sigma * rng.standard_normal(cfg.n)
    y_hat = ident.w * x + ident.b
    assert ident.mse == pytest.approx(np.mean((y - y_hat) ** 2), rel=1e-12)
    assert ident.nll_unit == pytest.approx(-stats.norm.logpdf(y, y_hat, 1.0).mean(), abs=1e-6)
    # NLL(w) is an increasing affine function of MSE(w): one slope, one intercept, the same minimiser.
    np.testing.assert_allclose(ident.sweep_nll, 0.5 * math.log(2 * math.pi) + ident.sweep_mse / 2, atol=1e-6)
    assert np.argmin(ident.sweep_nll) == np.argmin(ident.sweep_mse) == 20


@pytest.mark.parametrize("settings", SETTINGS)
def test_cross_entropy_is_the_categorical_nll(settings):
    cfg = replace(C, **settings)
    ident = identities(cfg, ascend(cfg))
    assert ident.cross_entropy == pytest.approx(ident.nll_categorical, abs=1e-6)
    onehot = np.eye(ident.faces, dtype=int)[ident.targets]
    reference = -stats.multinomial.logpmf(onehot, 1, ident.probs).mean()
    assert ident.nll_categorical == pytest.approx(reference, abs=1e-6)
    assert ident.faces == (2 if cfg.dist == "coin" else 6)


def test_a_face_never_seen_puts_the_maximum_on_the_edge():
    cfg = replace(C, dist="die", die="loaded", n=5)
    run = ascend(cfg)
    assert run.mle.min() == 0
    assert run.gap > 1e-4 and run.stop_step is None and np.isfinite(run.ll).all()


def test_a_tiny_learning_rate_stops_short():
    run = ascend(replace(C, dist="gaussian", lr=0.005))
    assert run.gap > 0.05 and run.stop_step is None


def test_the_climbs_outcome_names_what_the_page_says():
    from dataclasses import replace as _replace

    from core.mle import MLEConfig, ascend, outcome

    cfg = MLEConfig()
    assert outcome(cfg.dist, ascend(cfg)) == "reached"
    slow = _replace(cfg, dist="gaussian", lr=0.005)
    assert outcome("gaussian", ascend(slow)) == "not_reached"


def test_identity_rows_put_torchs_losses_beside_the_closed_forms():
    from core.mle import MLEConfig, identities, identity_rows

    ident = identities(MLEConfig())
    mse, ce = identity_rows(ident)
    values = dict(mse[:3])
    assert values["formula_unit"] == pytest.approx(0.5 * math.log(2 * math.pi) + ident.mse / 2)
    assert [v for k, v in mse if k == "diff"] == pytest.approx([0, 0], abs=1e-6)
    assert ce[-1][0] == "diff" and ce[-1][1] == pytest.approx(0, abs=1e-6)
