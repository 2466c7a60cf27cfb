"""Try this on /tensors: each experiment, applied through the page, shows what its text claims,
checked on what the core computes with the settings the page now holds."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from core.tensors import TensorConfig, explore
from tests.apptest_helpers import page_fixture, state_config_of
from tests.test_experiments import apply_experiment


def view_of(at):
    return explore(state_config_of(at, TensorConfig))


page = page_fixture("views/tensors.py")


def test_bias_is_copied_down_all_four_rows(page):
    view = view_of(apply_experiment(page, "bias"))
    a, b, c = view.grids
    assert (a.shape, b.shape, c.shape) == ((4, 3), (3,), (4, 3))
    assert b.real.sum() == 3 and (~b.real).sum() == 9  # one real row, three rows of copies
    np.testing.assert_array_equal(c.values, a.values + b.values[0])


def test_mismatch_is_refused_by_torch_with_the_rule_in_words(page):
    at = apply_experiment(page, "mismatch")
    view = view_of(at)
    with pytest.raises(RuntimeError) as caught:
        torch.zeros(2, 3) + torch.zeros(3, 2)
    assert view.error == str(caught.value)
    assert {r.code for r in view.rules} == {"broadcast"}
    assert at.error and at.info


def test_view_after_transpose_fails_on_its_strides(page):
    view = view_of(apply_experiment(page, "view_error"))
    assert view.error and "view size is not compatible" in view.error
    assert next(g for g in view.grids if g.name == "t").strides == (1, 4)
    assert [r.code for r in view.rules] == ["view_stride"]


def test_contiguous_copies_into_new_memory_with_strides_3_1(page):
    view = view_of(apply_experiment(page, "contiguous"))
    grids = {g.name: g for g in view.grids}
    assert grids["y"].strides == (3, 1) and not view.facts["shares"]
    np.testing.assert_array_equal(grids["s2"].values, grids["t"].values.ravel())  # memory now in t's order


def test_keepdim_row_sums_broadcast_back_against_x(page):
    view = view_of(apply_experiment(page, "keepdim"))
    x, out = view.grids[0].values, view.grids[1].values
    assert out.shape == (3, 1)
    np.testing.assert_allclose((x / out).sum(axis=1), 1.0)
