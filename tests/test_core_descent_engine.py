"""The one descent loop, its stop rule, the rules written by hand against torch.optim, and the surfaces' presets."""

import dataclasses

import numpy as np
import pytest
import torch

from core.common.params import defaults, from_query, to_query, valid
from core.descent import surfaces
from core.descent.engine import EXPLODE_FACTOR, ScheduledSGD, TorchRule, descend
from core.descent.gradient import DescentConfig, run_gradient_descent
from core.descent.race import RaceConfig, comma_list, race
from core.descent.rates import RateConfig, run_rates
from core.descent.surfaces import SURFACES, apply_preset, critical_rate, plain, preset, with_preset

CONFIGS = (DescentConfig, RateConfig, RaceConfig)


def torch_sgd(lrs, start=(2.0, 1.5)):
    params = [torch.tensor(start, dtype=torch.float64, requires_grad=True) for _ in lrs]
    optimizer = torch.optim.SGD([{"params": [p], "lr": lr} for p, lr in zip(params, lrs, strict=True)])
    return TorchRule(params, [optimizer], None, ((),) * len(lrs))


def test_the_hand_written_sgd_rule_equals_torch_optim_sgd():
    lrs = (0.05, 0.45, 0.9, 1.1, 1e308)  # converging, zig-zag, exploding, overflowing at once
    mine = descend(
        SURFACES["bowl"].fn,
        (2.0, 1.5),
        ScheduledSGD(torch.tensor(lrs, dtype=torch.float64), torch.ones(60, dtype=torch.float64)),
        60,
    )
    theirs = descend(SURFACES["bowl"].fn, (2.0, 1.5), torch_sgd(lrs), 60)
    for name in ("paths", "losses", "grads", "rates"):  # torch fuses θ − η·g: the last bit may differ
        np.testing.assert_allclose(getattr(mine, name), getattr(theirs, name), rtol=1e-12, atol=0, err_msg=name)
    np.testing.assert_array_equal(mine.stop_step, theirs.stop_step)
    assert mine.stop_reason == theirs.stop_reason == (None, None, None, "exploded", "nonfinite")


def test_one_stop_rule_recorded_points_and_held_runs():
    trace = descend(SURFACES["bowl"].fn, (2.0, 1.5), torch_sgd((0.1, 1.1, 1e308)), 60)
    assert trace.stop_step.tolist() == [-1, 38, 1]  # 1.44^38 > 10⁶ > 1.44^37; inf after one step
    assert trace.count.tolist() == [61, 39, 1]  # the exploded point is recorded, the infinite one is not
    assert trace.losses[1, 38] > EXPLODE_FACTOR * trace.losses[1, 0] > trace.losses[1, 37]
    assert (trace.paths[1, 38:] == trace.paths[1, 38]).all() and (trace.paths[2] == trace.paths[2, 0]).all()
    assert np.isfinite(trace.paths).all() and np.isfinite(trace.losses).all()


def test_every_page_stops_a_diverging_run_at_the_same_step():
    gd = run_gradient_descent(DescentConfig(lr=1.1, steps=60))
    (lr,) = run_rates(RateConfig(steps=60), (1.1,)).stop_step
    (sgd,) = race(RaceConfig(surface="bowl", lr=1.1, steps=60), ("sgd",))
    assert gd.stop_step == lr == sgd.stop_step == 38
    assert gd.outcome == "diverged_exploded" and gd.limit == pytest.approx(1.0)


def test_outcome_and_limit_say_what_the_page_says():
    assert run_gradient_descent(DescentConfig()).outcome == "converged"
    # On the saddle the start (2, 0.01) slides toward y = ±√2 below, but a rate this small barely moves.
    assert run_gradient_descent(DescentConfig(lr=1e-4, steps=1, x0=0.0, y0=0.0)).outcome == "not_decreasing"
    assert run_gradient_descent(DescentConfig(lr=1e308, steps=3)).outcome == "diverged_nonfinite"
    assert critical_rate(4.0) == 0.5 and critical_rate(0.0) == critical_rate(-2.0) == float("inf")


@pytest.mark.parametrize("cls", CONFIGS)
@pytest.mark.parametrize("surface", sorted(SURFACES))
def test_each_surface_carries_a_valid_preset_for_each_page(cls, surface):
    values = preset(cls, surface)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    assert values and all(valid(fields[k], v) for k, v in values.items())
    shown = with_preset(cls, surface)()
    assert all(getattr(shown, k) == v for k, v in values.items())
    assert shown.surface == cls().surface  # the surface's own default (and URL) is unchanged
    assert type(plain(shown)) is cls and plain(shown) == dataclasses.replace(cls(), **values)


def test_a_link_naming_only_a_surface_gets_its_preset_and_keeps_a_short_url():
    cls = with_preset(DescentConfig, "rosenbrock")
    cfg = from_query(cls, {"surface": "rosenbrock"})
    assert (cfg.x0, cfg.y0, cfg.lr, cfg.steps) == (-1.5, 2.0, 0.002, 200)
    assert to_query(cfg) == {"surface": "rosenbrock"}
    assert to_query(dataclasses.replace(cfg, lr=0.001)) == {"surface": "rosenbrock", "lr": "0.001"}
    assert defaults(DescentConfig) == {"surface": "bowl", "x0": 2.0, "y0": 1.5, "lr": 0.1, "steps": 30, "view3d": False}


def test_picking_a_surface_applies_its_preset_to_the_session():
    state = {"surface": "himmelblau", "lrs": "0.1", "steps": 7, "schedule": "cosine"}
    apply_preset(state, RateConfig)
    assert state == {"surface": "himmelblau", "lrs": "0.002,0.01,0.02,0.04", "steps": 60, "schedule": "cosine"}
    assert surfaces.start_of("himmelblau", "lr") == (0.0, -1.0) and surfaces.start_of("himmelblau", "opt") == (0.0, 0.0)


def test_one_loss_floor_and_one_hessian():
    assert surfaces.loss_floor("himmelblau") == pytest.approx(0.0, abs=1e-9)
    assert surfaces.loss_floor("saddle") == pytest.approx(-1.0)  # 2 − 4 + 16/4 … at y² = 2: −2 + 1 = −1
    vals, vecs = surfaces.hessian("valley", 1.0, 1.0)
    np.testing.assert_allclose(vals, [0.2, 4.0], rtol=1e-12)
    np.testing.assert_allclose(np.abs(vecs), np.eye(2), atol=1e-12)


@pytest.mark.parametrize(
    ("raw", "picked"),
    [(["sgd,adam"], ["sgd", "adam"]), (["adam,sgd,adam"], ["adam", "sgd"]), (["sgd,,nope"], ["sgd"]),
     (["x,y"], list(RaceConfig().optims)), (["sgd", "adam"], None), ([], None)],
)  # fmt: skip
def test_the_documented_comma_form_of_optims(raw, picked):
    assert comma_list(raw) == picked
