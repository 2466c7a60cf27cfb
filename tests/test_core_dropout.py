"""Dropout, the MLP, training, MC dropout and BatchNorm probes against theory and torch references."""

import itertools
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import numpy as np
import pytest
import torch
from torch import nn

import core.regularize.dropout as dropout
from core.regularize.data import (
    BOX_STEP,
    GRID_1D,
    GRID_2D,
    MOONS_HALF,
    TASKS,
    VAL_SIZE,
    DropoutConfig,
    make_data,
    true_curve,
)
from core.regularize.dropout import DIAGRAM_UNITS, MAX_FRAMES, InvertedDropout, build_mlp, train
from core.regularize.probes import MC_PASSES, RISE, bn_activations, compare, mc_dropout, mean_check, verdict

N = 200_000  # units in the statistical tests
SIGMAS = 5  # a fixed-seed draw outside 5σ of the theory is a bug, not bad luck (p ≈ 6e-7)


def reference_mlp(model: nn.Sequential) -> list[tuple[np.ndarray, np.ndarray]]:
    """(W, b) of each Linear layer in float64: an independent plain-numpy copy of the network."""
    return [
        (m.weight.detach().double().numpy(), m.bias.detach().double().numpy())
        for m in model
        if isinstance(m, nn.Linear)
    ]


def numpy_forward(params, x: np.ndarray, masks=None, p: float = 0.0) -> np.ndarray:
    h = x
    for i, (w, b) in enumerate(params):
        h = h @ w.T + b
        if i < len(params) - 1:
            h = np.maximum(h, 0)
            if masks is not None:
                h = h * masks[i] / (1 - p)
    return h[:, 0]


@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_drop_rate_and_mean_match_theory(p):
    x = torch.ones(N)
    out = InvertedDropout(p, torch.Generator().manual_seed(7)).train()(x)
    rate = (out == 0).double().mean().item()
    assert abs(rate - p) < SIGMAS * np.sqrt(p * (1 - p) / N)
    # E[m/(1−p)] = 1 and Var = p/(1−p): the mean of N draws is within 5 standard errors of 1.
    assert abs(out.double().mean().item() - 1) < SIGMAS * np.sqrt(p / (1 - p) / N)
    survivors = out[out != 0]
    np.testing.assert_allclose(survivors.numpy(), 1 / (1 - p), rtol=1e-6)


def test_scaling_matches_torch_nn_dropout():
    p, x = 0.3, torch.rand(50_000, dtype=torch.float64) + 0.5
    ours = InvertedDropout(p, torch.Generator().manual_seed(0)).train()(x)
    with torch.random.fork_rng():  # nn.Dropout draws from the global RNG; keep it out of other tests
        torch.manual_seed(0)
        theirs = nn.Dropout(p).train()(x)
    for out in (ours, theirs):  # both keep x/(1−p) on survivors and 0 elsewhere
        kept = out != 0
        np.testing.assert_allclose(out[kept].numpy(), (x[kept] / (1 - p)).numpy(), rtol=1e-12)
    assert abs((ours == 0).double().mean().item() - (theirs == 0).double().mean().item()) < 0.02


def test_eval_mode_is_deterministic_and_equals_the_network_without_dropout():
    model = build_mlp(2, 32, 0.5, False, seed=3).eval()
    x = torch.randn(100, 2, generator=torch.Generator().manual_seed(1))
    a, b = model(x), model(x)
    assert torch.equal(a, b)
    np.testing.assert_allclose(
        a[:, 0].detach().numpy(), numpy_forward(reference_mlp(model), x.double().numpy()), rtol=1e-5, atol=1e-6
    )
    model.train()
    assert not torch.equal(model(x), model(x)), "train mode should draw a fresh mask each call"


def test_train_mode_forward_matches_explicit_masks():
    p = 0.4
    model = build_mlp(2, 24, p, False, seed=5).train()
    x = torch.randn(30, 2, generator=torch.Generator().manual_seed(2))
    out = model(x)[:, 0].detach().numpy()
    masks = [m.last_mask.double().numpy() for m in model if isinstance(m, InvertedDropout)]
    np.testing.assert_allclose(
        out, numpy_forward(reference_mlp(model), x.double().numpy(), masks, p), rtol=1e-5, atol=1e-6
    )


def test_same_seed_gives_the_same_initial_weights_with_and_without_regularizers():
    base = reference_mlp(build_mlp(2, 16, 0.0, False, seed=9))
    for p, bn in ((0.5, False), (0.0, True), (0.7, True)):
        other = reference_mlp(build_mlp(2, 16, p, bn, seed=9))
        for (w0, b0), (w1, b1) in zip(base, other, strict=True):
            np.testing.assert_array_equal(w0, w1)
            np.testing.assert_array_equal(b0, b1)
    assert not np.array_equal(base[0][0], reference_mlp(build_mlp(2, 16, 0.0, False, seed=10))[0][0])


def test_init_follows_nn_linear_default_bounds():
    model = build_mlp(2, 64, 0.0, False, seed=0)
    for w, b in reference_mlp(model):
        bound = 1 / np.sqrt(w.shape[1])  # kaiming_uniform(a=√5) gives U(−1/√fan_in, 1/√fan_in)
        assert np.abs(w).max() <= bound and np.abs(b).max() <= bound
        assert np.abs(w).max() > 0.9 * bound


def test_sgd_weight_decay_equals_an_explicit_l2_term():
    lam, x = 0.05, torch.randn(40, 2, generator=torch.Generator().manual_seed(0))
    y = (x[:, 0] > 0).float()
    params = []
    for explicit in (False, True):
        model = build_mlp(2, 16, 0.0, False, seed=1)
        opt = torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=0.0 if explicit else lam)
        for _ in range(10):
            opt.zero_grad()
            loss = nn.functional.binary_cross_entropy_with_logits(model(x)[:, 0], y)
            if explicit:
                loss = loss + lam / 2 * sum((w**2).sum() for w in model.parameters())
            loss.backward()
            opt.step()
        params.append([w.detach().clone() for w in model.parameters()])
    for a, b in zip(*params, strict=True):
        torch.testing.assert_close(a, b, rtol=1e-5, atol=1e-6)
    assert not torch.equal(params[0][0], build_mlp(2, 16, 0.0, False, seed=1)[0].weight)


def test_training_with_weight_decay_equals_a_hand_written_l2_loop():
    data, lam, epochs = make_data("classification", 30, 0.3, 4), 0.02, 25
    run, _ = train(data, DropoutConfig(hidden=16, epochs=epochs, p=0.0, weight_decay=lam, seed=4))
    model = build_mlp(2, 16, 0.0, False, seed=4)
    opt = torch.optim.Adam(model.parameters(), lr=dropout.LR)
    x, y = torch.tensor(data.x_train, dtype=torch.float32), torch.tensor(data.y_train, dtype=torch.float32)
    xv, yv = torch.tensor(data.x_val, dtype=torch.float32), torch.tensor(data.y_val, dtype=torch.float32)
    bce = nn.functional.binary_cross_entropy_with_logits
    val = [bce(model(xv)[:, 0], yv).item()]
    for _ in range(epochs):
        opt.zero_grad()
        (bce(model(x)[:, 0], y) + lam / 2 * sum((w**2).sum() for w in model.parameters())).backward()
        opt.step()
        val.append(bce(model(xv)[:, 0], yv).item())
    np.testing.assert_allclose(run.val_loss, val, rtol=1e-4)


def test_run_shapes_masks_and_best_epoch():
    data = make_data("classification", 40, 0.3, 0)
    run, _ = train(data, DropoutConfig(hidden=32, epochs=90))
    assert len(run.train_loss) == len(run.val_loss) == len(run.weight_norm) == 91
    assert run.frames[0] == 0 and run.frames[-1] == 90 and len(run.frames) <= MAX_FRAMES
    assert run.pred.shape == (len(run.frames), GRID_2D**2) and run.pred.min() >= 0 and run.pred.max() <= 1
    assert run.masks.shape == (len(run.frames), 2, DIAGRAM_UNITS)
    assert np.all(run.masks[0] == 1)  # epoch 0 is before any training step
    assert set(np.unique(run.masks)) <= {0.0, 1.0} and 0.3 < run.masks[1:].mean() < 0.7
    assert run.best_epoch == int(np.argmin(run.val_loss)) and run.stop_epoch is None
    plain, _ = train(data, DropoutConfig(hidden=32, epochs=90, p=0.0))
    assert np.all(plain.masks == 1)


def test_default_settings_show_overfitting_and_dropout_helping():
    for seed in (0, 1):
        cmp = compare(DropoutConfig(seed=seed))
        plain, reg = cmp.plain, cmp.reg
        assert plain.val_loss[-1] > 1.5 * plain.val_loss.min(), "the plain network should overfit"
        assert plain.train_loss[-1] < 0.1 * plain.val_loss[-1]
        assert reg.val_loss[-1] < 0.7 * plain.val_loss[-1], "dropout should keep validation loss lower"
        assert reg.best_epoch > plain.best_epoch
        assert verdict(cmp, regularized=True) == "helps" and verdict(cmp, regularized=False) == "same"


def test_verdict_reads_the_curves():
    cmp = compare(DropoutConfig(hidden=32, epochs=30, p=0.85))
    fake = lambda plain_val, reg_val: replace(  # noqa: E731
        cmp,
        plain=replace(cmp.plain, val_loss=np.array(plain_val), best_epoch=int(np.argmin(plain_val))),
        reg=replace(cmp.reg, val_loss=np.array(reg_val)),
    )
    assert verdict(fake([1.0, 0.5, 0.5 * RISE * 0.99], [1, 1, 0.1]), True) == "no_overfit"
    assert verdict(fake([1.0, 0.5, 0.8], [1, 1, 0.6]), True) == "helps"
    assert verdict(fake([1.0, 0.5, 0.8], [1, 1, 0.9]), True) == "hurts"


def test_non_finite_losses_stop_training(monkeypatch):
    monkeypatch.setattr(dropout, "LR", 1e30)
    run, _ = train(
        make_data("regression", 20, 0.3, 0),
        DropoutConfig(hidden=16, epochs=50),
    )
    assert run.stop_epoch is not None and run.stop_epoch <= 50
    assert len(run.val_loss) == run.stop_epoch and np.isfinite(run.val_loss).all()
    assert run.frames.max() < run.stop_epoch and len(run.pred) == len(run.frames) == len(run.masks)


def test_mean_check_against_theory_and_a_numpy_forward():
    data, p = make_data("classification", 40, 0.3, 0), 0.5
    _, model = train(data, DropoutConfig(epochs=30, p=p))
    check = mean_check(model, data, p, seed=0)
    w, b = reference_mlp(model)[0]
    h = np.maximum(data.x_val @ w.T + b, 0).ravel()
    assert check.mean_eval == pytest.approx(h.mean(), rel=1e-5)
    assert check.counts_eval.sum() == check.counts_train.sum() == h.size == VAL_SIZE * 64
    assert abs(check.drop_rate - p) < SIGMAS * np.sqrt(p * (1 - p) / h.size)
    # m⊙h/(1−p) has variance p/(1−p)·E[h²] around h: its mean is within 5 standard errors of mean(h).
    se = np.sqrt(p / (1 - p) * np.mean(h**2) / h.size)
    assert abs(check.mean_train - check.mean_eval) < SIGMAS * se
    assert check.mean_unscaled == pytest.approx((1 - p) * check.mean_train, rel=1e-5)


def test_mc_band_is_zero_at_p0_and_positive_with_dropout():
    data = make_data("regression", 20, 0.3, 0)
    _, model = train(
        data, DropoutConfig(hidden=32, epochs=40, p=0.0, batchnorm=True)
    )  # BatchNorm too: it must stay in eval mode
    mc = mc_dropout(model, data, 50, seed=0)
    # float32 rows of one batch may round differently in the last bit: zero up to 1e-6.
    assert mc.std.shape == (GRID_1D,) and np.all(mc.std < 1e-6)
    np.testing.assert_allclose(mc.mean, mc.eval_pred, rtol=1e-6, atol=1e-6)
    _, model = train(data, DropoutConfig(hidden=32, epochs=40, p=0.3))
    mc = mc_dropout(model, data, 400, seed=0)
    assert np.all(mc.std > 0) and mc.samples.shape == (8, GRID_1D)
    inside = (data.grid[:, 0] >= data.x_train.min()) & (data.grid[:, 0] <= data.x_train.max())
    assert mc.width_inside == pytest.approx(2 * mc.std[inside].mean(), rel=1e-5)
    assert mc.width_edges == pytest.approx(mc.std[0] + mc.std[-1], rel=1e-5)
    # The MC mean of 400 passes lies within 5 standard errors of its own passes' expectation: compare
    # against an independent batch of passes drawn with another seed.
    other = mc_dropout(model, data, 400, seed=99)
    assert np.all(np.abs(mc.mean - other.mean) < SIGMAS * np.sqrt(2 / 400) * np.maximum(mc.std, other.std) + 1e-6)
    assert not model.training and all(not m.training for m in model)


def test_bn_activations_match_the_batchnorm_formula():
    data = make_data("classification", 40, 0.3, 2)
    _, model = train(data, DropoutConfig(hidden=16, epochs=40, p=0.0, batchnorm=True, seed=2))
    layers = bn_activations(model, data)
    assert len(layers) == 2
    lin, bn = model[0], model[1]
    z = data.x_val @ lin.weight.detach().double().numpy().T + lin.bias.detach().double().numpy()
    mu, var = bn.running_mean.double().numpy(), bn.running_var.double().numpy()
    a = bn.weight.detach().double().numpy() * (z - mu) / np.sqrt(var + bn.eps) + bn.bias.detach().double().numpy()
    first = layers[0]
    assert (first.mean_before, first.std_before) == pytest.approx((z.mean(), z.std()), rel=1e-4, abs=1e-5)
    assert (first.mean_after, first.std_after) == pytest.approx((a.mean(), a.std()), rel=1e-4, abs=1e-5)
    assert first.counts_before.sum() == first.counts_after.sum() == VAL_SIZE * 16


def test_data_sets():
    for task in TASKS:
        a, b, c = make_data(task, 30, 0.3, 1), make_data(task, 30, 0.3, 1), make_data(task, 30, 0.3, 2)
        np.testing.assert_array_equal(a.x_train, b.x_train)
        assert not np.array_equal(a.x_train, c.x_train)
        assert len(a.x_train) == 30 and len(a.x_val) == VAL_SIZE
        assert not np.isin(a.x_val[:, 0], a.x_train[:, 0]).any(), "validation points are fresh draws"
    cls = make_data("classification", 40, 0.2, 0)
    assert cls.y_train.sum() == 20 and cls.grid.shape == (GRID_2D**2, 2)
    reg = make_data("regression", 30, 0.25, 0)
    residual = reg.y_val - true_curve(reg.x_val[:, 0])
    assert residual.std() == pytest.approx(0.25, rel=0.15)
    np.testing.assert_allclose(reg.truth, true_curve(reg.grid[:, 0]))
    with pytest.raises(ValueError):
        make_data("nope", 10, 0.1, 0)


def test_the_decision_map_holds_every_point_and_keeps_its_box_while_n_moves():
    boxes = {}
    for noise in (0.0, 0.1, 0.3, 0.45, 0.6):
        for seed in (0, 1, 2):
            for n in range(10, 205, 5):
                data = make_data("classification", n, noise, seed)
                lo, hi = data.grid.min(0), data.grid.max(0)
                assert np.all(lo <= data.x_train.min(0) - 0.3) and np.all(hi >= data.x_train.max(0) + 0.3)
                assert np.all(lo <= -2.0) and np.all(hi >= 2.0)
                # no wider than the moons at this noise (3 standard deviations and 0.3 beyond them, one
                # snap step to spare), unless a point lies further out
                reach = np.maximum(
                    MOONS_HALF + 3 * noise + 0.3 + BOX_STEP, np.abs(data.x_train).max(0) + 0.3 + BOX_STEP
                )
                assert np.all(-lo <= np.maximum(reach, 2.0)) and np.all(hi <= np.maximum(reach, 2.0))
                boxes.setdefault((noise, seed), []).append((*lo, *hi))
    moves = {key: sum(a != b for a, b in itertools.pairwise(seq)) for key, seq in boxes.items()}
    # the box followed the sample: at noise 0.3 it moved at 16 to 22 of these 38 steps of n, at 0.6 at 35
    assert all(moves[(0.3, seed)] <= 2 for seed in (0, 1, 2)), moves
    assert sum(moves.values()) <= 0.03 * 38 * len(moves), moves  # 16 of 570 steps
    quiet, noisy = np.array(boxes[(0.0, 0)][0]), np.array(boxes[(0.6, 0)][0])
    assert np.all(noisy[:2] < quiet[:2]) and np.all(noisy[2:] > quiet[2:])  # a noisier data set, a larger map


def test_parallel_sessions_reproduce_their_single_threaded_results():
    base = DropoutConfig(task="regression", n=25, hidden=32, epochs=60)
    alone = {seed: compare(replace(base, seed=seed)) for seed in (1, 2)}
    stop = threading.Event()

    def meddle():  # another session abusing the global RNG must not change our masks or data
        while not stop.is_set():
            torch.manual_seed(123)
            torch.rand(1000)

    with ThreadPoolExecutor(3) as pool:
        noise = pool.submit(meddle)
        together = dict(zip((1, 2), pool.map(lambda s: compare(replace(base, seed=s)), (1, 2)), strict=True))
        stop.set()
        noise.result()
    for seed in (1, 2):
        a, b = alone[seed], together[seed]
        for field in ("train_loss", "val_loss", "pred", "masks"):
            np.testing.assert_array_equal(getattr(a.reg, field), getattr(b.reg, field))
        np.testing.assert_array_equal(a.mc.mean, b.mc.mean)
        np.testing.assert_array_equal(a.mc.std, b.mc.std)
        assert a.mean.drop_rate == b.mean.drop_rate
    assert not np.array_equal(alone[1].reg.val_loss, alone[2].reg.val_loss)
    assert MC_PASSES >= 50
