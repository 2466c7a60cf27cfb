"""Dropout's "Try this": each experiment, applied through the page, shows what its text claims,
checked on the networks the core trains with the settings the page now has."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core.regularize.data import DropoutConfig
from core.regularize.probes import RISE, compare
from tests.apptest_helpers import figures, page_fixture, state_config_of
from tests.test_experiments import apply_experiment

page = page_fixture("views/dropout.py")


def settings(at) -> DropoutConfig:
    return state_config_of(at, DropoutConfig)


def run(cfg: DropoutConfig, seed: int = 0):
    return compare(replace(cfg, seed=seed))


def boundary_length(cmp, which) -> int:
    """Grid edges the final P(y=1) = 0.5 boundary crosses: a boundary that wraps single points is long."""
    inside = which.pred[-1].reshape(cmp.data.grid_shape) > 0.5
    return int((inside[1:] != inside[:-1]).sum() + (inside[:, 1:] != inside[:, :-1]).sum())


def test_overfit_plain_memorises_and_dropout_stays_lower(page):
    cmp = run(settings(apply_experiment(page, "overfit")))
    plain, reg = cmp.plain, cmp.reg
    assert plain.train_loss[-1] < 0.05, "the plain network does not drive its training loss near zero"
    assert plain.val_loss[-1] > 2 * plain.val_loss[plain.best_epoch], "validation loss does not climb past its star"
    assert reg.val_loss[-1] < 0.5 * plain.val_loss[-1], "dropout does not end much lower"
    assert boundary_length(cmp, reg) < 0.85 * boundary_length(cmp, plain), "dropout's boundary is not smoother"
    assert "regularization helps" in page.success[0].value


def test_strong_dropout_underfits(page):
    cmp = run(settings(apply_experiment(page, "strong")))
    plain, reg = cmp.plain, cmp.reg
    assert min(reg.train_loss[-1], reg.val_loss[-1]) > 0.5, "training and validation loss do not both stay high"
    assert reg.train_loss[-1] > 2 * plain.train_loss[-1]
    assert plain.val_loss[-1] < reg.val_loss[-1], "the plain network does not do better at this width"
    blur = [float(np.abs(r.pred[-1] - 0.5).mean()) for r in (plain, reg)]
    assert blur[1] < 0.5 * blur[0], "the regularized boundary is not blurry"
    assert page.warning, "the verdict does not warn"


def test_more_data_shrinks_the_gap(page):
    s = settings(apply_experiment(page, "more_data"))
    cmp, default = run(s), run(replace(s, n=40))
    gap = [float(c.plain.val_loss[-1] - c.reg.val_loss[-1]) for c in (default, cmp)]
    assert 0 <= gap[1] < 0.25 * gap[0], f"the gap does not shrink: {gap}"
    rise = [float(c.plain.val_loss[-1] / c.plain.val_loss[c.plain.best_epoch]) for c in (default, cmp)]
    assert rise[1] < rise[0], "the plain network memorises as much noise as with 40 points"


def test_weight_decay_keeps_the_weights_small_and_the_boundary_simple(page):
    cmp = run(settings(apply_experiment(page, "weight_decay")))
    assert cmp.reg.weight_norm.max() < 0.5 * cmp.plain.weight_norm[-1]
    assert cmp.reg.weight_norm[-1] < 0.25 * cmp.plain.weight_norm[-1]
    assert boundary_length(cmp, cmp.reg) < 0.75 * boundary_length(cmp, cmp.plain)


def test_batchnorm_alone_does_not_regularize_here(page):
    at = apply_experiment(page, "batchnorm")
    cmp = run(settings(at))
    reg = cmp.reg
    assert len(cmp.bn) == 2 and len(figures(at)) == 5, "no before/after distributions shown"
    assert reg.val_loss[-1] > RISE * reg.val_loss[reg.best_epoch], "its validation loss does not climb"
    assert reg.val_loss[-1] > 0.8 * cmp.plain.val_loss[-1], "it ends well below the plain network"


def test_mc_dropout_gives_a_band_that_moves_with_the_seed(page):
    at = apply_experiment(page, "mc")
    s = settings(at)
    assert s.task == "regression" and s.p == 0.2 and s.n == 20
    bands = [run(s, seed).mc for seed in (0, 2)]
    assert bands[0].passes == 100 and bands[0].width_inside > 0.05, "no band from 100 passes"
    wider = [b.width_edges > b.width_inside for b in bands]
    assert wider[0] != wider[1], "another seed does not change which side looks more uncertain"
    titles = [f["layout"].get("title", {}).get("text", "") for f in figures(at)]
    assert any(title.startswith("MC dropout") for title in titles), titles
