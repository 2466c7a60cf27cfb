"""The backprop page's graph: every node's gradient against torch autograd (retain_grad) and central differences."""

from dataclasses import replace
from itertools import product

import numpy as np
import pytest
import torch

from core.backprop import ACTIVATIONS, LOSSES, NETWORK_LEAVES, BackpropConfig, run_backprop
from core.backprop.graph import Node, backward, central_differences, forward

TOL_TORCH = 1e-12  # both float64: only rounding differs
TOL_FD = 1e-7  # central differences with h = 1e-6: O(h²) truncation plus rounding


def random_configs(count: int, seed: int):
    """Networks with weights, inputs and targets drawn from the declared ranges (away from ReLU's kink)."""
    rng = np.random.default_rng(seed)
    for act, loss in product(ACTIVATIONS, LOSSES):
        for _ in range(count):
            values = dict(zip(NETWORK_LEAVES, rng.uniform(-2, 2, len(NETWORK_LEAVES)).round(2), strict=True))
            cfg = replace(BackpropConfig(), act=act, loss=loss, y=float(rng.choice([0.0, 0.3, 1.0])), **values)
            run = run_backprop(cfg)
            z = run.values[[run.names.index("z1"), run.names.index("z2")]]
            if act == "relu" and np.any(np.abs(z) < 1e-3):
                continue  # central differences straddle the kink
            yield cfg


def checked(run) -> list[int]:
    return [i for i, op in enumerate(run.ops) if op != "const"]


@pytest.mark.parametrize("cfg", list(random_configs(4, seed=7)), ids=lambda c: f"{c.act}-{c.loss}-{c.w11}")
def test_every_network_node_matches_autograd_and_central_differences(cfg):
    run = run_backprop(cfg)
    i = checked(run)
    assert len(i) == len(run.names) - 1  # every node but the target y
    np.testing.assert_allclose(run.grads[i], run.autograd[i], rtol=0, atol=TOL_TORCH)
    np.testing.assert_allclose(run.grads[i], run.numeric[i], rtol=0, atol=TOL_FD * max(1, np.abs(run.grads).max()))


@pytest.mark.parametrize(("a", "b", "c", "d"), [(2.0, -1.5, 3.5, 0.4), (-3, 3, -5, 2), (0.1, 0.2, -0.3, -1.7)])
def test_every_expression_node_matches_autograd_and_central_differences(a, b, c, d):
    run = run_backprop(replace(BackpropConfig(), mode="expression", a=a, b=b, c=c, d=d))
    assert run.names == ("a", "b", "c", "d", "e", "f", "g", "L")
    np.testing.assert_allclose(run.grads, run.autograd, rtol=0, atol=TOL_TORCH)
    np.testing.assert_allclose(run.grads, run.numeric, rtol=0, atol=TOL_FD)
    # closed form of L = tanh((ab + c)d)
    g = (a * b + c) * d
    dg = 1 - np.tanh(g) ** 2
    np.testing.assert_allclose(run.grads[:4], [b * d * dg, a * d * dg, d * dg, (a * b + c) * dg], atol=1e-14)


def test_forward_values_match_torch_modules():
    cfg = BackpropConfig()
    run = run_backprop(cfg)
    first = torch.nn.Linear(2, 2).double()
    with torch.no_grad():
        first.weight.copy_(torch.tensor([[cfg.w11, cfg.w12], [cfg.w21, cfg.w22]], dtype=torch.float64))
        first.bias.copy_(torch.tensor([cfg.b1, cfg.b2], dtype=torch.float64))
    z = first(torch.tensor([cfg.x1, cfg.x2], dtype=torch.float64))
    h = torch.sigmoid(z)
    o = cfg.v1 * h[0] + cfg.v2 * h[1] + cfg.bo
    value = dict(zip(run.names, run.values, strict=True))
    np.testing.assert_allclose([value["z1"], value["z2"], value["h1"], value["h2"], value["o"]],
                               [*z.tolist(), *h.tolist(), o.item()], atol=1e-15)  # fmt: skip
    assert value["L"] == pytest.approx((o.item() - cfg.y) ** 2, abs=1e-15)


def test_a_node_used_twice_adds_what_both_uses_send_back():
    run = run_backprop(BackpropConfig())
    x1 = run.names.index("x1")
    into = run.edges[:, 0] == x1
    assert into.sum() == 2  # x1 feeds z1 and z2
    np.testing.assert_allclose((run.local * run.upstream)[into].sum(), run.grads[x1], atol=1e-15)
    # and it is marked partial between the two steps: known after the first, final only after the second
    first, second = sorted(run.edge_step[into])
    assert run.grad_after[first, x1] != run.grads[x1] and run.grad_after[second, x1] == run.grads[x1]


def test_backward_steps_fill_the_gradients_in_reverse_order():
    run = run_backprop(replace(BackpropConfig(), loss="bce"))
    assert [run.names[s] for s in run.steps] == ["L", "p", "o", "h2", "h1", "z2", "z1"]
    known = ~np.isnan(run.grad_after)
    assert known[0].sum() == 1 and known[0, -1]  # only ∂L/∂L = 1 before the first step
    assert np.all(known[1:].sum(axis=1) >= known[:-1].sum(axis=1))  # nothing is forgotten
    np.testing.assert_array_equal(run.grad_after[-1][checked(run)], run.grads[checked(run)])
    # every edge carries local × upstream, with upstream the full ∂L/∂destination
    np.testing.assert_allclose(run.upstream, run.grads[run.edges[:, 1]], atol=0)


def test_bce_and_sigmoid_multiply_to_p_minus_y():
    cfg = replace(BackpropConfig(), loss="bce", y=0.3)
    run = run_backprop(cfg)
    value = dict(zip(run.names, run.values, strict=True))
    assert run.grads[run.names.index("o")] == pytest.approx(value["p"] - 0.3, abs=1e-14)


def test_saturated_bce_is_reported_as_not_finite():
    extreme = dict.fromkeys(NETWORK_LEAVES, 2.0)
    run = run_backprop(replace(BackpropConfig(), act="relu", loss="bce", y=0.0, **extreme))
    assert not np.isfinite(run.loss_value) and not np.all(np.isfinite(run.grads[checked(run)]))


def test_engine_on_its_own_small_graph():
    nodes = (Node("u", "param"), Node("v", "param"), Node("s", "add", ("u", "v")), Node("L", "mul", ("s", "u")))
    leaves = {"u": 3.0, "v": -2.0}
    assert forward(nodes, leaves)["L"] == 3.0  # (3 − 2)·3
    walk = backward(nodes, leaves)
    np.testing.assert_allclose(walk.grads, [2 * 3 - 2, 3, 3, 1])  # ∂[(u+v)u]/∂u = 2u + v
    np.testing.assert_allclose(central_differences(nodes, leaves), walk.grads, atol=1e-8)


def test_the_page_summary_checks_every_node_but_the_target():
    run = run_backprop(BackpropConfig())
    assert [run.names[i] for i in range(len(run.names)) if i not in run.checked] == ["y"]
    assert run.finite
    torch_gap, fd_gap = run.gaps
    ref = [abs(run.grads[i] - run.autograd[i]) for i in run.checked]
    assert torch_gap == max(ref) < 1e-12 and fd_gap < 1e-7
