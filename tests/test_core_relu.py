"""ReLU page core against closed forms, scipy, a direct count of slope changes and a hand-written backward pass."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
import torch
from scipy.special import expit
from scipy.stats import norm

import core.activations.depth as relu_depth
from core.activations.depth import SGD_LR, dead_fractions, deep_mlp, depth_study, layer_grad_norms
from core.activations.functions import (
    ACTIVATIONS,
    LEAKY_SLOPE,
    NOISE,
    X_RANGE,
    ReluConfig,
    activation_curves,
    init_linear,
    target_data,
)
from core.activations.hinges import count_pieces, firing_intervals, fit_curves, fit_relu_units

TOL = 1e-12


def closed_forms(name, x):
    """(f(x), f'(x)) written out by hand, away from x = 0 for the kinked ones."""
    if name == "sigmoid":
        s = expit(x)
        return s, s * (1 - s)
    if name == "tanh":
        return np.tanh(x), 1 - np.tanh(x) ** 2
    if name == "relu":
        return np.maximum(x, 0), (x > 0).astype(float)
    if name == "leaky_relu":
        return np.where(x > 0, x, LEAKY_SLOPE * x), np.where(x > 0, 1.0, LEAKY_SLOPE)
    if name == "elu":
        return np.where(x > 0, x, np.expm1(x)), np.where(x > 0, 1.0, np.exp(x))
    if name == "gelu":
        return x * norm.cdf(x), norm.cdf(x) + x * norm.pdf(x)
    raise KeyError(name)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_activation_values_and_autograd_derivatives_match_closed_forms(name):
    curves = activation_curves(-4.0, 4.0, 401)
    i = curves.names.index(name)
    away = np.abs(curves.x) > 1e-9  # the kink of ReLU-like functions sits at exactly 0
    f, df = closed_forms(name, curves.x[away])
    np.testing.assert_allclose(curves.values[i][away], f, rtol=TOL, atol=TOL)
    np.testing.assert_allclose(curves.derivs[i][away], df, rtol=1e-10, atol=1e-12)


def test_derivative_at_the_kink_is_one_of_the_one_sided_slopes():
    curves = activation_curves(-1.0, 1.0, 3)  # x = −1, 0, 1
    d0 = dict(zip(curves.names, curves.derivs[:, 1], strict=True))
    assert d0["relu"] in (0.0, 1.0) and d0["leaky_relu"] in (LEAKY_SLOPE, 1.0) and d0["elu"] == pytest.approx(1.0)
    assert d0["sigmoid"] == pytest.approx(0.25, abs=TOL) and d0["tanh"] == pytest.approx(1.0, abs=TOL)
    assert d0["gelu"] == pytest.approx(0.5, abs=TOL)


def test_targets():
    x, y = target_data("sine", 0)
    assert x[0] == X_RANGE[0] and x[-1] == X_RANGE[1]
    np.testing.assert_allclose(y, np.sin(1.5 * x), rtol=TOL)
    np.testing.assert_array_equal(target_data("step", 3)[1], (x > 0).astype(float))
    np.testing.assert_allclose(target_data("abs", 3)[1], np.abs(x) - 1.5, rtol=TOL)
    a, b, c = (target_data("cubic", s)[1] for s in (1, 1, 2))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    assert np.std(a - (0.1 * x**3 - 0.6 * x)) == pytest.approx(NOISE, rel=0.3)
    with pytest.raises(ValueError, match="unknown target"):
        target_data("nope", 0)


@pytest.mark.parametrize(
    ("scheme", "std"), [("default", 1 / np.sqrt(3 * 400)), ("he", np.sqrt(2 / 400)), ("xavier", np.sqrt(2 / 800))]
)
def test_init_schemes_have_their_textbook_scale(scheme, std):
    layer = torch.nn.Linear(400, 400, dtype=torch.float64)
    init_linear(layer, torch.Generator().manual_seed(0), scheme)
    assert layer.weight.std().item() == pytest.approx(std, rel=0.02)
    if scheme == "default":  # nn.Linear's own rule: U(±1/√fan_in) for weights and biases
        assert layer.weight.abs().max().item() <= 1 / 20 and layer.bias.abs().max().item() <= 1 / 20
        assert layer.bias.abs().max().item() > 0.9 / 20
    else:
        assert layer.bias.abs().max().item() == 0


def slope_changes_on_a_grid(w, b, v, c, points=400_001):
    """Count kinks by brute force: evaluate the network (torch layers) on a fine grid and find where the slope jumps."""
    hidden, out = torch.nn.Linear(1, len(w), dtype=torch.float64), torch.nn.Linear(len(w), 1, dtype=torch.float64)
    with torch.no_grad():
        hidden.weight[:, 0] = torch.from_numpy(w)
        hidden.bias[:] = torch.from_numpy(b)
        out.weight[0] = torch.from_numpy(v)
        out.bias[:] = float(c)
        xs = torch.linspace(*X_RANGE, points, dtype=torch.float64)
        ys = out(torch.relu(hidden(xs[:, None])))[:, 0].numpy()
    slopes = np.diff(ys) / np.diff(xs.numpy())
    jumps = np.abs(np.diff(slopes)) > 1e-6 * max(1.0, np.abs(slopes).max())
    idx = np.flatnonzero(jumps)
    # A kink inside a grid cell bends that cell's chord: two adjacent jumps, one kink.
    return 0 if idx.size == 0 else int(1 + np.sum(np.diff(idx) > 2))


def far_apart(kinks, gap):
    k = np.sort(kinks[np.isfinite(kinks)])
    inner = k[(k > X_RANGE[0] + gap) & (k < X_RANGE[1] - gap)]
    return len(inner) == len(k) and (len(k) < 2 or np.diff(k).min() > gap)


@pytest.mark.parametrize(
    ("target", "units", "lr", "seed"),
    [("sine", 8, 0.02, 0), ("abs", 4, 0.02, 1), ("step", 12, 0.03, 2), ("cubic", 16, 0.02, 3), ("sine", 8, 0.3, 4)],
)
def test_piece_count_matches_a_direct_count_of_slope_changes(target, units, lr, seed):
    fit = fit_relu_units(ReluConfig(target=target, units=units, lr=lr, epochs=200, seed=seed))
    checked = 0
    for j in range(0, len(fit.frames), 7):
        if not far_apart(fit.kinks[j], 1e-3):  # two kinks in one grid cell would look like one
            continue
        direct = slope_changes_on_a_grid(fit.w[j], fit.b[j], fit.v[j], fit.c[j])
        assert fit.pieces[fit.frames[j]] == direct + 1, f"frame {j}"
        assert np.isfinite(fit.kinks[j]).sum() == direct
        checked += 1
    assert checked >= 5


def test_piece_count_on_random_networks_and_edge_cases():
    rng = np.random.default_rng(0)
    for _ in range(20):
        w, b, v = rng.normal(size=(3, 10))
        kinks, pieces = count_pieces(w, b, v)
        if far_apart(kinks, 1e-3):
            assert pieces == slope_changes_on_a_grid(w, b, v, 0.0, 200_001) + 1
    # Two units bending at x = 1 with opposite slope changes cancel: f is a straight line.
    assert count_pieces([1.0, 1.0], [-1.0, -1.0], [2.0, -2.0])[1] == 1
    # The same two bends adding up count once.
    assert count_pieces([1.0, 2.0], [-1.0, -2.0], [2.0, 1.0])[1] == 2
    # A flat unit (w = 0), a bend outside the range and a zero output weight add no piece.
    kinks, pieces = count_pieces([0.0, 1.0, 1.0, 1.0], [1.0, -5.0, 0.5, 0.0], [1.0, 1.0, 1.0, 0.0])
    assert pieces == 2 and np.isfinite(kinks).sum() == 1 and kinks[2] == pytest.approx(-0.5)


def test_pieces_never_exceed_units_plus_one_and_dead_units_are_counted_directly():
    fit = fit_relu_units(ReluConfig(units=6, lr=0.3, epochs=150, seed=1))
    assert fit.pieces.max() <= 7 and fit.pieces.min() >= 1
    x = fit.x
    for j, e in enumerate(fit.frames):
        pre = np.outer(x, fit.w[j]) + fit.b[j]  # (n, N)
        assert fit.dead[e] == int(np.sum(np.all(pre <= 0, axis=0)))
        assert np.sum(~np.isfinite(fit.fires[j][:, 0])) == fit.dead[e]


def test_a_large_learning_rate_kills_units():
    calm = fit_relu_units(ReluConfig(epochs=300))
    wild = fit_relu_units(ReluConfig(lr=0.3, epochs=300))
    assert wild.dead[-1] >= 3 > calm.dead[-1]
    assert wild.losses[-1] > 10 * calm.losses[-1]


def test_firing_intervals_match_a_grid():
    rng = np.random.default_rng(1)
    w, b = rng.normal(size=(2, 40))
    w[0] = 0.0
    xs = np.linspace(*X_RANGE, 60_001)
    fires = firing_intervals(w, b)
    for i in range(40):
        on = xs[w[i] * xs + b[i] > 0]
        if on.size == 0:
            assert np.isnan(fires[i]).all()
        else:
            np.testing.assert_allclose(fires[i], [on.min(), on.max()], atol=1e-4)


def test_fit_polylines_are_the_network_output():
    fit = fit_relu_units(ReluConfig(target="cubic", units=10, epochs=100, seed=5))
    xs = np.linspace(*X_RANGE, 997)
    for j in (0, len(fit.frames) // 2, len(fit.frames) - 1):
        hx, hy, fx, fy = fit_curves(fit, j)
        model = fit.c[j] + (fit.v[j] * np.maximum(np.outer(xs, fit.w[j]) + fit.b[j], 0)).sum(axis=1)
        np.testing.assert_allclose(np.interp(xs, fx, fy), model, rtol=1e-9, atol=1e-9)
        hinges = sum(np.interp(xs, hx[i], hy[i]) for i in range(fit.units))
        np.testing.assert_allclose(hinges + fit.c[j], model, rtol=1e-9, atol=1e-9)


def test_first_loss_is_the_mse_of_the_initial_network():
    fit = fit_relu_units(ReluConfig(units=5, epochs=10, seed=7))
    pred = fit.c[0] + (fit.v[0] * np.maximum(np.outer(fit.x, fit.w[0]) + fit.b[0], 0)).sum(axis=1)
    assert fit.losses[0] == pytest.approx(np.mean((pred - fit.y) ** 2), rel=1e-6)
    assert fit.losses[-1] < fit.losses[0] and fit.stop_epoch is None and len(fit.losses) == 11


ACT_NP = {
    "sigmoid": (expit, lambda z: expit(z) * (1 - expit(z))),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
    "relu": (lambda z: np.maximum(z, 0), lambda z: (z > 0).astype(float)),
}


@pytest.mark.parametrize("activation", list(ACT_NP))
@pytest.mark.parametrize("init", ["default", "he"])
def test_layer_gradient_norms_match_a_manual_backward_pass_on_a_3_layer_net(activation, init):
    model = deep_mlp(activation, 2, init, seed=3)  # 1 → 32 → 32 → 1: three linear layers
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    Ws = [m.weight.detach().numpy().copy() for m in linears]
    bs = [m.bias.detach().numpy().copy() for m in linears]
    x, y = target_data("cubic", 3)
    f, df = ACT_NP[activation]
    a0 = x[:, None]  # (n, 1)
    z1 = a0 @ Ws[0].T + bs[0]
    a1 = f(z1)
    z2 = a1 @ Ws[1].T + bs[1]
    a2 = f(z2)
    out = a2 @ Ws[2].T + bs[2]  # (n, 1)
    d3 = 2 * (out - y[:, None]) / len(x)  # ∂MSE/∂out
    g3 = d3.T @ a2
    d2 = (d3 @ Ws[2]) * df(z2)
    g2 = d2.T @ a1
    d1 = (d2 @ Ws[1]) * df(z1)
    g1 = d1.T @ a0
    manual = [np.linalg.norm(g) for g in (g1, g2, g3)]
    xt, yt = torch.from_numpy(x)[:, None], torch.from_numpy(y)[:, None]
    np.testing.assert_allclose(layer_grad_norms(model, xt, yt), manual, rtol=1e-10)
    study = depth_study(ReluConfig(depth=2, target="cubic", init=init, seed=3), steps=1)
    np.testing.assert_allclose(study.grad_norms[study.activations.index(activation)], manual, rtol=1e-10)


def test_sigmoid_gradients_vanish_towards_the_input():
    study = depth_study(ReluConfig(depth=12), steps=1)
    sig = study.grad_norms[study.activations.index("sigmoid")]
    assert sig[0] < 1e-6 * sig[-1]
    assert np.all(np.diff(np.log10(sig[:-1])) > 0)  # smaller at every step back towards the input


def test_first_sgd_step_moves_each_layer_by_lr_times_its_gradient():
    study = depth_study(ReluConfig(depth=4, target="abs", init="xavier", seed=2), steps=3)
    first = int(np.flatnonzero(study.frames == 1)[0])
    for a, name in enumerate(study.activations):
        model = deep_mlp(name, 4, "xavier", seed=2)
        w0 = np.array([m.weight.norm().item() for m in model if isinstance(m, torch.nn.Linear)])
        np.testing.assert_allclose(study.movement[a, first], SGD_LR * study.grad_norms[a] / w0, rtol=1e-9)
    assert np.all(study.movement[:, 0] == 0)


def test_dead_fractions_match_a_numpy_forward_pass():
    model = deep_mlp("relu", 5, "default", seed=4)
    x, _ = target_data("sine", 4)
    h, expected = x[:, None], []
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    for m in linears[:-1]:
        z = h @ m.weight.detach().numpy().T + m.bias.detach().numpy()
        expected.append(np.mean(np.all(z <= 0, axis=0)))
        h = np.maximum(z, 0)
    np.testing.assert_allclose(dead_fractions(model, torch.from_numpy(x)[:, None]), expected, rtol=TOL)
    study = depth_study(ReluConfig(depth=5, seed=4), steps=1)
    np.testing.assert_allclose(study.dead_init, expected, rtol=TOL)


def test_a_blow_up_is_detected_and_not_drawn(monkeypatch):
    monkeypatch.setattr(relu_depth, "SGD_LR", 5.0)
    study = relu_depth.depth_study(ReluConfig(depth=6, init="he"), steps=10)
    blown = study.stop_step >= 0
    assert blown.any()
    for a in np.flatnonzero(blown):
        assert np.isnan(study.losses[a, study.stop_step[a] :]).all()
        assert np.isfinite(study.losses[a, : study.stop_step[a]]).all()


def fingerprint(seed):
    fit = fit_relu_units(ReluConfig(target="cubic", units=12, epochs=60, seed=seed))
    study = depth_study(ReluConfig(depth=6, target="cubic", seed=seed), steps=10)
    return np.concatenate([fit.w.ravel(), fit.losses, study.grad_norms.ravel(), study.movement.ravel()])


def test_parallel_threads_reproduce_single_threaded_results():
    alone = {s: fingerprint(s) for s in (11, 12)}
    assert not np.array_equal(alone[11][:100], alone[12][:100])
    with ThreadPoolExecutor(max_workers=2) as pool:
        for _ in range(2):
            together = dict(zip((11, 12), pool.map(fingerprint, (11, 12)), strict=True))
            for s in (11, 12):
                np.testing.assert_array_equal(together[s], alone[s])


@pytest.mark.parametrize("seed", [0, 3])
def test_the_try_this_claims_about_depth_20_hold(seed):
    # "20 sigmoid layers" and "He initialisation" state these numbers on the page.
    default = depth_study(ReluConfig(depth=20, seed=seed), steps=1)
    sig = default.grad_norms[0]
    assert sig[0] < 1e-17 * sig[-1] and default.movement[0, -1, 0] == 0
    he = depth_study(ReluConfig(depth=20, init="he", seed=seed), steps=1)
    relu = he.grad_norms[2]
    assert relu.max() < 30 * relu.min() and he.grad_norms[0, 0] < 1e-10 * he.grad_norms[0, -1]
