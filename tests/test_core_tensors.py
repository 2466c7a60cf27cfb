"""/tensors core against numpy (every value, shape and stride) and against torch itself (every error message)."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import numpy as np
import pytest
import torch

from core.tensors import ShapeError, TensorConfig, checked, explore, parse_shape
from core.tensors.broadcast import combine, diagnose, operands
from core.tensors.memory import relayout
from core.tensors.reduce import reduce, sample

C = TensorConfig()
SMALL = [s for r in (1, 2, 3) for s in itertools.product((1, 2, 3), repeat=r)]  # 39 shapes
TEXT = lambda s: ",".join(map(str, s))  # noqa: E731


# --- shapes typed as text -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "shape"), [("3,1", (3, 1)), (" (2, 3, 4) ", (2, 3, 4)), ("4×3", (4, 3)),
                                             ("6", (6,)), ("[1 2]", (1, 2))])  # fmt: skip
def test_shapes_read_as_python_writes_them(text, shape):
    assert parse_shape(text) == shape


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "empty"), ("  ", "empty"), ("a,b", "not_int"), ("3.5", "not_int"), ("1,2,3,4", "dims"), ("7", "size"),
     ("0,2", "size"), ("-1", "size"), ("３,１", "not_int"), ("٣", "not_int"), ("세,넷", "not_int"), ("😀", "not_int"),
     ("2,3\u202e", "not_int"), ("<b>2</b>", "not_int"), ("99999", "not_int"), ("$\\Huge$", "not_int")],
)  # fmt: skip
def test_anything_else_is_a_shape_error_with_its_rule(text, code):
    with pytest.raises(ShapeError) as caught:
        parse_shape(text)
    assert caught.value.code == code


def test_a_view_target_may_infer_one_size_or_flatten():
    assert parse_shape("-1", target=True) == (-1,)
    assert parse_shape("216", target=True) == (216,)
    with pytest.raises(ShapeError):
        parse_shape("217", target=True)


def test_checked_puts_a_bad_shape_back_to_its_default_and_says_why():
    cfg, problems = checked(replace(C, a="😀", b="2,9"))
    assert (cfg.a, cfg.b) == (C.a, C.b)
    assert [(name, e.code) for name, e in problems] == [("a", "not_int"), ("b", "size")]
    assert checked(replace(C, mode="memory", a="junk"))[1] == []  # memory does not read A


# --- broadcasting: numpy decides what fits, torch's message is what is shown -----------------------------------------


def torch_error(fn) -> str | None:
    try:
        fn()
    except (RuntimeError, IndexError) as error:
        return str(error)
    return None


def numpy_fails(fn) -> bool:
    try:
        fn()
    except (ValueError, np.exceptions.AxisError, IndexError):
        return True
    return False


NUMPY = {"add": np.add, "mul": np.multiply, "matmul": np.matmul}
TORCH = {"add": torch.add, "mul": torch.mul, "matmul": torch.matmul}


@pytest.mark.parametrize("op", ["add", "mul", "matmul"])
def test_every_pair_of_small_shapes_gives_numpys_result_or_torchs_own_error(op):
    for sa, sb in itertools.product(SMALL, SMALL):
        view = combine(replace(C, op=op, a=TEXT(sa), b=TEXT(sb)))
        a, b = operands(sa, sb)
        fails = numpy_fails(lambda: NUMPY[op](a.numpy(), b.numpy()))  # noqa: B023
        assert (view.error is not None) == fails, (op, sa, sb)
        assert bool(diagnose(op, sa, sb, 0)) == fails, (op, sa, sb)  # our rule in words agrees with numpy
        if fails:
            assert view.error == torch_error(lambda: TORCH[op](a, b))  # noqa: B023
            assert view.rules
        else:
            np.testing.assert_array_equal(view.grids[2].values, NUMPY[op](a.numpy(), b.numpy()))


@pytest.mark.parametrize("op", ["cat", "stack"])
def test_cat_and_stack_follow_numpy_for_every_dim(op):
    np_fn, torch_fn = (np.concatenate, torch.cat) if op == "cat" else (np.stack, torch.stack)
    shapes = [s for s in SMALL if max(s) <= 2]
    for sa, sb, dim in itertools.product(shapes, shapes, range(-3, 3)):
        view = combine(replace(C, op=op, a=TEXT(sa), b=TEXT(sb), dim=dim))
        a, b = operands(sa, sb)
        fails = numpy_fails(lambda: np_fn([a.numpy(), b.numpy()], axis=dim))  # noqa: B023
        assert (view.error is not None) == fails == bool(diagnose(op, sa, sb, dim)), (op, sa, sb, dim)
        if fails:
            assert view.error == torch_error(lambda: torch_fn([a, b], dim=dim))  # noqa: B023
        else:
            np.testing.assert_array_equal(view.grids[2].values, np_fn([a.numpy(), b.numpy()], axis=dim))


def test_ghost_cells_are_the_copies_numpy_broadcasting_makes():
    view = combine(C)  # (3, 1) + (1, 4)
    a, b, _ = view.grids
    np.testing.assert_array_equal(a.values, np.broadcast_to(np.array([[1.0], [2.0], [3.0]]), (3, 4)))
    np.testing.assert_array_equal(b.values, np.broadcast_to(np.array([[10.0, 20.0, 30.0, 40.0]]), (3, 4)))
    assert a.real.sum() == 3 and a.real[:, 0].all() and b.real.sum() == 4 and b.real[0].all()
    assert view.facts["a_expand"] == (1, 0) and view.facts["b_expand"] == (0, 1)  # copies are stride-0 reads


def test_each_followed_element_names_its_sources_and_their_sum():
    for sa, sb in [((3, 1), (1, 4)), ((4, 3), (3,)), ((2, 1, 3), (4, 1))]:
        view = combine(replace(C, a=TEXT(sa), b=TEXT(sb)))
        c = view.grids[2].values
        for step, index in zip(view.steps, np.ndindex(*c.shape), strict=True):
            assert step.cells["C"] == [index]
            assert step.formula.endswith(f"= {int(c[index])}")


def test_matmul_steps_use_the_row_of_a_and_the_column_of_b():
    view = combine(replace(C, op="matmul", a="2,3", b="3,4"))
    a, b = operands((2, 3), (3, 4))
    step = view.steps[6]  # C[1, 2]
    assert step.cells["A"] == [(1, 0), (1, 1), (1, 2)] and step.cells["B"] == [(0, 2), (1, 2), (2, 2)]
    assert step.formula.endswith(f"= {int((a[1] @ b[:, 2]).item())}")


def test_rules_name_the_failing_dim_and_sizes():
    [rule] = combine(replace(C, a="2,3", b="4,3")).rules
    assert rule.code == "broadcast" and (rule.params["dim"], rule.params["sa"], rule.params["sb"]) == (0, 2, 4)
    [rule] = combine(replace(C, op="matmul", a="2,3", b="2,3")).rules
    assert rule.code == "matmul_inner" and (rule.params["ka"], rule.params["kb"]) == (3, 2)
    assert combine(replace(C, op="cat", a="3", b="2,3")).rules[0].code == "cat_rank"
    assert combine(replace(C, op="stack", a="2,3", b="2,3", dim=5)).rules[0].code == "dim"


# --- memory: strides and copies, against numpy ------------------------------------------------------------------------


def numpy_layout(shape, layout, target):
    """(x, the layout of x) in numpy: np.shares_memory tells a view from a copy."""
    x = np.arange(math.prod(shape)).reshape(shape)
    if layout in ("view", "reshape"):
        return x, x.reshape(target)
    if layout == "transpose":
        return x, np.swapaxes(x, 0, 1)
    if layout == "permute":
        return x, np.transpose(x)
    t = np.swapaxes(x, 0, 1)
    return x, np.ascontiguousarray(t) if layout == "t_contiguous" else t.reshape(target)


def numpy_view_fails(shape, target) -> bool:
    """numpy refuses an in-place shape change exactly when no strides can give it (torch's view rule)."""
    t = np.swapaxes(np.arange(math.prod(shape)).reshape(shape), 0, 1)
    try:
        t.shape = target
    except (AttributeError, ValueError):
        return True
    return False


@pytest.mark.parametrize("layout", ["view", "reshape", "transpose", "permute", "t_reshape", "t_contiguous"])
@pytest.mark.parametrize(("shape", "target"), [((3, 4), (2, 6)), ((2, 3, 4), (4, -1)), ((4, 3), (12,)),
                                               ((2, 6), (3, 2, 2))])  # fmt: skip
def test_memory_layouts_equal_numpy_values_and_strides(shape, target, layout):
    view = relayout(replace(C, mode="memory", shape=TEXT(shape), target=TEXT(target), layout=layout))
    assert view.error is None
    y = next(g for g in view.grids if g.name == "y")
    x, expected = numpy_layout(shape, layout, target)
    np.testing.assert_array_equal(y.values, expected)
    assert y.strides == tuple(s // expected.itemsize for s in expected.strides)
    copied = any(g.name == "s2" for g in view.grids)
    assert copied == (not np.shares_memory(expected, x))
    storage = next(g for g in view.grids if g.name == ("s2" if copied else "s")).values
    if copied:
        np.testing.assert_array_equal(storage, np.ascontiguousarray(expected).ravel())
    for step, index in zip(view.steps, np.ndindex(*expected.shape), strict=True):
        (offset,) = step.cells["s2" if copied else "s"][0]
        assert storage[offset] == expected[index]  # offset = Σ index·stride reads the element


@pytest.mark.parametrize("target", [(12,), (2, 6), (6, 2), (4, 3), (2, 2, 3), (-1,), (3, 4)])
def test_view_after_transpose_fails_exactly_when_numpy_cannot_view_it_with_torchs_message(target):
    view = relayout(replace(C, mode="memory", shape="3,4", layout="t_view", target=TEXT(target)))
    assert (view.error is not None) == numpy_view_fails((3, 4), target)
    if view.error:
        assert view.error == torch_error(lambda: torch.arange(12).reshape(3, 4).transpose(0, 1).view(target))
        assert [r.code for r in view.rules] == ["view_stride"]


@pytest.mark.parametrize(("shape", "layout", "target", "code"), [("3,4", "view", "5,3", "view_size"),
                         ("3,4", "view", "-1,-1", "view_infer"), ("4", "transpose", "2,6", "dim"),
                         ("3,4", "reshape", "-1,5", "view_size")])  # fmt: skip
def test_memory_errors_are_torchs_own_with_the_rule(shape, layout, target, code):
    view = relayout(replace(C, mode="memory", shape=shape, layout=layout, target=target))
    x = torch.arange(math.prod(parse_shape(shape))).reshape(parse_shape(shape))
    run = {"view": lambda: x.view(parse_shape(target, target=True)),
           "reshape": lambda: x.reshape(parse_shape(target, target=True)),
           "transpose": lambda: x.transpose(0, 1)}[layout]  # fmt: skip
    assert view.error == torch_error(run)
    assert [r.code for r in view.rules] == [code]


# --- reductions against numpy ------------------------------------------------------------------------------------------

NP_REDUCE = {"sum": np.sum, "mean": np.mean, "max": np.max, "argmax": np.argmax}


@pytest.mark.parametrize("how", ["sum", "mean", "max", "argmax"])
@pytest.mark.parametrize("keepdim", [False, True])
@pytest.mark.parametrize("shape", [(5,), (3, 4), (2, 3, 4)])
def test_reductions_equal_numpy_along_every_dim(shape, keepdim, how):
    x = sample(shape, 0).numpy()
    for dim in range(-3, 3):
        view = reduce(replace(C, mode="reduce", shape=TEXT(shape), reduce=how, dim=dim, keepdim=keepdim))
        if not -len(shape) <= dim < len(shape):
            assert view.error == torch_error(lambda: torch.zeros(shape).sum(dim=dim))  # noqa: B023
            assert view.rules[0].code == "dim"
            continue
        grids = {g.name: g.values for g in view.grids}
        fn = NP_REDUCE[how]
        expected = fn(x, axis=dim, keepdims=keepdim)
        np.testing.assert_allclose(grids["idx" if how == "argmax" else "out"], expected, rtol=1e-12)
        if how == "max":
            np.testing.assert_array_equal(grids["idx"], np.argmax(x, axis=dim, keepdims=keepdim))
        assert view.axis == dim % len(shape)
        for step in view.steps:  # each output element collapses one full line along the dim
            assert len(step.cells["x"]) == shape[dim]
            assert len({c[: view.axis] + c[view.axis + 1 :] for c in step.cells["x"]}) == 1


def test_the_sample_depends_only_on_the_seed():
    assert torch.equal(sample((3, 4), 7), sample((3, 4), 7)) and not torch.equal(sample((3, 4), 7), sample((3, 4), 8))


def test_explore_dispatches_on_the_mode_and_clamps_the_followed_element():
    assert explore(replace(C, cell=999)).cell == 11  # (3, 4) result: the last element
    assert explore(replace(C, mode="memory")).grids[-1].name == "y"
    assert explore(replace(C, mode="reduce")).axis == 0
