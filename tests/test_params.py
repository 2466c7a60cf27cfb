"""Declared parameters: defaults, experiments, URL round trips, and the widgets drawn from a declaration."""

from dataclasses import dataclass, replace

import pytest

from core.classify.train import ClassifyConfig
from core.common.params import (
    choice,
    choices,
    defaults,
    experiment,
    from_query,
    number,
    seed_field,
    slider,
    to_query,
    toggle,
)
from tests.apptest_helpers import open_page, state_config_of


@dataclass(frozen=True)
class Demo:
    kind: str = choice("a", ("a", "b", "c"))
    n: int = slider(5, 1, 10)
    lr: float = number(0.1, 0.001, 1.0, 0.01)
    picks: tuple = choices(("x",), ("x", "y", "z"))
    on: bool = toggle(False)
    seed: int = seed_field()


def test_defaults_leave_out_the_global_seed():
    assert defaults(Demo) == {"kind": "a", "n": 5, "lr": 0.1, "picks": ("x",), "on": False}


def test_an_experiment_is_the_defaults_with_its_changes():
    assert experiment(Demo, n=7) == defaults(Demo) | {"n": 7}


@pytest.mark.parametrize("changes", [{"typo": 1}, {"n": 11}, {"kind": "d"}, {"lr": float("nan")}, {"seed": 3}])
def test_an_experiment_with_a_typo_or_an_out_of_range_value_fails_at_import(changes):
    with pytest.raises((TypeError, ValueError)):
        experiment(Demo, **changes)


def test_a_config_round_trips_through_its_url():
    cfg = replace(Demo(), kind="c", n=9, lr=0.5, picks=("y", "z"), on=True, seed=42)
    query = to_query(cfg)
    assert query == {"kind": "c", "n": "9", "lr": "0.5", "picks": ["y", "z"], "on": "true", "seed": "42"}
    assert from_query(Demo, query) == cfg
    assert to_query(Demo()) == {}


@pytest.mark.parametrize(
    "query",
    [{"n": "11"}, {"n": "2.5"}, {"n": "abc"}, {"kind": "<b>"}, {"lr": "inf"}, {"lr": "nan"}, {"picks": ["x", "q"]},
     {"on": "yes"}, {"seed": "-1"}],
)  # fmt: skip
def test_a_bad_url_value_falls_back_to_the_default(query):
    assert from_query(Demo, query) == Demo()


def test_the_page_draws_one_url_bound_widget_per_declared_field():
    at = open_page("views/logistic_regression.py", lang="en", noise="0.35", model="mlp", hidden="16,16", seed="7")
    cfg = state_config_of(at, ClassifyConfig)
    assert cfg == replace(ClassifyConfig(), noise=0.35, model="mlp", hidden="16,16", seed=7)
    names = {w.key for w in [*at.slider, *at.selectbox, *at.number_input]}
    assert set(defaults(ClassifyConfig)) <= names


def test_a_linear_model_disables_the_controls_it_ignores():
    at = open_page("views/logistic_regression.py", lang="en")
    assert at.selectbox(key="hidden").disabled and at.selectbox(key="activation").disabled
    assert at.slider(key="classes").disabled  # moons always has two classes
    at.selectbox(key="model").set_value("mlp").run()
    assert not at.selectbox(key="hidden").disabled


def test_seeded_init_matches_torchs_default_init_drawn_from_the_same_stream():
    import torch
    from torch import nn

    from core.common.init import init_like_torch

    torch.manual_seed(3)  # the test's own process, not a session: torch's default init uses the global RNG
    expected = nn.Linear(5, 3)
    ours = init_like_torch(nn.Linear(5, 3), torch.Generator().manual_seed(3))
    assert torch.equal(ours.weight, expected.weight) and torch.equal(ours.bias, expected.bias)


def test_a_try_this_value_does_not_follow_the_student_to_another_page():
    # "Three spirals" sets epochs=500 on /logistic-regression; /rnn-unrolling's epochs slider stops at 300.
    at = open_page("views/logistic_regression.py", lang="en")
    at.selectbox(key="try_logit_pick").set_value("spiral").run()
    at.button(key="try_logit_apply").click().run()
    assert at.slider(key="epochs").value == 500
    at.switch_page("views/rnn_unrolling.py").run()
    assert not at.exception
    assert at.slider(key="epochs").value == 150  # the page's own default, as a fresh load of its link
    at.switch_page("views/logistic_regression.py").run()
    assert not at.exception and at.slider(key="epochs").value == 200


def test_a_value_a_widget_cannot_hold_starts_it_afresh():
    at = open_page("views/rnn_unrolling.py", lang="en")
    at.session_state["epochs"] = 999  # as another page's widget of the same key could leave it
    at.run()
    assert not at.exception and at.slider(key="epochs").value == 150


def test_a_second_group_of_controls_keeps_the_first_groups_values():
    at = open_page("views/overfitting.py", lang="en", degree="9", patience="7")
    assert not at.exception
    from core.overfitting import OverfitConfig

    cfg = state_config_of(at, OverfitConfig)
    assert (cfg.degree, cfg.patience) == (9, 7)
    at.slider(key="patience").set_value(12).run()
    assert at.slider(key="degree").value == 9 and not at.exception


def test_held_reads_widget_state_with_lists_as_tuples_and_the_given_seed():
    from core.common.params import held

    assert held(Demo, {"n": 7, "picks": ["y", "z"], "other": 1}, 3) == replace(Demo(), n=7, picks=("y", "z"), seed=3)
    assert held(Demo, {}, 0) == Demo()


def test_highest_is_the_top_of_a_declared_range_and_snap_outward_widens_to_steps():
    import numpy as np

    from core.activations.functions import ReluConfig
    from core.common.grids import snap_outward
    from core.common.params import highest

    assert highest(ReluConfig, "units") == next(
        f.metadata["max"] for f in __import__("dataclasses").fields(ReluConfig) if f.name == "units"
    )
    lo, hi = snap_outward(np.array([-1.26, -0.5]), np.array([1.01, 2.0]), 0.5)
    assert lo.tolist() == [-1.5, -0.5] and hi.tolist() == [1.5, 2.0]  # edges on the grid stay where they are
    assert [float(v) for v in snap_outward(-0.2, 0.2, 0.5)] == [-0.5, 0.5]


def test_nice_step_is_the_smallest_one_two_two_and_a_half_or_five_times_a_power_of_ten_at_or_above():
    import numpy as np

    from core.common.grids import nice_step

    cases = {
        0.07: 0.1,
        0.1: 0.1,
        0.11: 0.2,
        0.2: 0.2,
        0.21: 0.25,
        0.26: 0.5,
        0.51: 1.0,
        3.0: 5.0,
        7.0: 10.0,
        12.5: 20.0,
    }
    assert {x: nice_step(x) for x in cases} == pytest.approx(cases)
    for x in np.geomspace(1e-6, 1e6, 97):
        step = nice_step(float(x))
        assert x <= step * (1 + 1e-12) and step < 2.0 * x + 1e-15  # never more than twice the size asked for


def test_snapped_widens_a_range_to_a_nice_step_of_about_a_twelfth_and_keeps_it_for_small_moves():
    import numpy as np

    from core.common.grids import nice_step, snap_outward, snapped

    rng = np.random.default_rng(3)
    for lo, hi in zip(rng.uniform(-50, 50, 200), rng.uniform(0.01, 80, 200), strict=True):
        hi = lo + hi
        a, b = snapped(lo, hi)
        step = nice_step((hi - lo) / 12)
        assert a <= lo and b >= hi and (a, b) == tuple(float(v) for v in snap_outward(lo, hi, step))
        assert (b - a) <= (hi - lo) + 2 * step and step < (hi - lo) / 6  # at most a sixth wider on each end
    assert snapped(0.0, 60.0) == (0.0, 60.0) and snapped(0.0, 56.0) == (0.0, 60.0)  # a step axis of 56 to 60
    assert snapped(0.0, 55.0) == (0.0, 55.0) and snapped(-0.28, 14.9) == (-2.0, 16.0)
    assert snapped(2.0, 2.0) == (2.0, 2.0)  # no span: the ends as they are
