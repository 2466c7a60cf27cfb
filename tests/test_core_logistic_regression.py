"""Training against scikit-learn's unpenalised logistic regression, hand gradients against autograd, seeds in threads."""

import math
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss

from core.classify.gradients import autograd_gradients, linear_gradients
from core.classify.train import MAX_FRAMES, ClassifyConfig, build_model, sample_indices, train_classifier

BASE = {
    "dataset": "moons", "n": 200, "noise": 0.2, "classes": 2, "split": 30, "model": "logistic",
    "hidden": "8,8", "activation": "tanh", "optimizer": "adam", "lr": 0.05, "epochs": 200, "batch": "full", "seed": 0,
}  # fmt: skip
DECISION_TOL = 1e-5  # |our logit − scikit-learn's| after 600 full-batch Adam epochs at η = 0.1


def run(**kw):
    return train_classifier(ClassifyConfig(**(BASE | kw)))


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sklearn_reference(r):
    # C = inf is scikit-learn ≥ 1.8's spelling of penalty=None: plain maximum likelihood.
    return LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(r.split.x_train, r.split.y_train)


@pytest.mark.parametrize(("dataset", "noise", "seed"), [("moons", 0.3, 0), ("circles", 0.2, 1), ("xor", 0.3, 2)])
def test_binary_decision_function_matches_sklearn(dataset, noise, seed):
    r = run(dataset=dataset, n=120, noise=noise, seed=seed, lr=0.1, epochs=600)
    clf = sklearn_reference(r)
    x = np.concatenate([r.split.x_test, r.split.x_train])
    ours = x @ r.w[-1, 0] + r.b[-1, 0]
    np.testing.assert_allclose(ours, clf.decision_function(x), rtol=0, atol=DECISION_TOL)


@pytest.mark.parametrize(("classes", "noise"), [(3, 0.8), (5, 0.6)])
def test_softmax_decision_function_matches_sklearn_up_to_the_shared_shift(classes, noise):
    r = run(dataset="blobs", n=120, classes=classes, noise=noise, lr=0.1, epochs=600)
    clf = sklearn_reference(r)
    x = r.split.x_test
    ours = x @ r.w[-1].T + r.b[-1]
    ref = clf.decision_function(x)
    # Adding one vector to every class's weights leaves softmax unchanged: compare centred logits.
    np.testing.assert_allclose(
        ours - ours.mean(axis=1, keepdims=True), ref - ref.mean(axis=1, keepdims=True), rtol=0, atol=DECISION_TOL
    )
    p = np.exp(ours - ours.max(axis=1, keepdims=True))
    np.testing.assert_allclose(p / p.sum(axis=1, keepdims=True), clf.predict_proba(x), rtol=0, atol=1e-6)


@pytest.mark.parametrize("outputs", [1, 3, 5])
def test_hand_gradients_match_autograd(outputs):
    rng = np.random.default_rng(outputs)
    x = rng.normal(size=(40, 2))
    y = rng.integers(0, max(outputs, 2), 40)
    w, b = rng.normal(size=(outputs, 2)), rng.normal(size=outputs)
    hand_w, hand_b = linear_gradients(x, y, w, b)
    # Independent reference: torch's own loss functions, not the page's wrapper.
    w_t, b_t = torch.tensor(w, requires_grad=True), torch.tensor(b, requires_grad=True)
    z = torch.from_numpy(x) @ w_t.T + b_t
    if outputs == 1:
        loss = torch.nn.functional.binary_cross_entropy_with_logits(z[:, 0], torch.from_numpy(y).double())
    else:
        loss = torch.nn.functional.cross_entropy(z, torch.from_numpy(y))
    ref_w, ref_b = torch.autograd.grad(loss, (w_t, b_t))
    np.testing.assert_allclose(hand_w, ref_w.numpy(), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(hand_b, ref_b.numpy(), rtol=1e-12, atol=1e-14)
    page_w, page_b = autograd_gradients(x, y, w, b)
    np.testing.assert_allclose(page_w, ref_w.numpy(), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(page_b, ref_b.numpy(), rtol=1e-12, atol=1e-14)


def test_recorded_loss_accuracy_and_maps_follow_from_the_recorded_weights():
    r = run(epochs=60)
    w, b = r.w[-1, 0], r.b[-1, 0]
    for col, (x, y) in enumerate(((r.split.x_train, r.split.y_train), (r.split.x_test, r.split.y_test))):
        p = sigmoid(x @ w + b)
        assert r.losses[-1, col] == pytest.approx(log_loss(y, p), rel=1e-10)
        assert r.accuracy[-1, col] == pytest.approx(accuracy_score(y, p > 0.5))
    gx, gy = np.meshgrid(r.xs.astype(float), r.ys.astype(float))
    np.testing.assert_allclose(r.probs[-1, ..., 1], sigmoid(w[0] * gx + w[1] * gy + b), atol=2e-6)
    np.testing.assert_allclose(r.probs[-1].sum(axis=-1), 1, atol=1e-6)
    picked = r.split.x_test[r.samples]
    np.testing.assert_allclose(r.sample_logits[-1, :, 0], picked @ w + b, rtol=1e-12)


def test_frames_run_from_initial_weights_to_the_last_epoch():
    r = run(epochs=500, model="mlp")
    assert r.frames[0] == 0 and r.frames[-1] == 500 and len(r.frames) == MAX_FRAMES
    assert r.losses.shape == (501, 2) and r.accuracy.shape == (501, 2) and r.stop_epoch is None
    assert r.probs.shape[0] == len(r.frames) and r.w is None


def test_first_hidden_layer_maps_are_the_activation_of_the_initial_weights():
    r = run(model="mlp", hidden="4,3", activation="tanh", epochs=20, seed=5)
    net = build_model("mlp", (4, 3), "tanh", 2, torch.Generator().manual_seed(5))
    w1, b1 = net[0].weight.detach().numpy(), net[0].bias.detach().numpy()
    gx, gy = np.meshgrid(r.unit_xs.astype(float), r.unit_ys.astype(float))
    for j in range(4):
        np.testing.assert_allclose(r.units[0][0, j], np.tanh(w1[j, 0] * gx + w1[j, 1] * gy + b1[j]), atol=2e-6)
    assert [u.shape[1] for u in r.units] == [4, 3]


def test_build_model_uses_torch_default_init_bounds_from_the_generator():
    a = build_model("mlp", (16,), "relu", 3, torch.Generator().manual_seed(1))
    b = build_model("mlp", (16,), "relu", 3, torch.Generator().manual_seed(1))
    assert [tuple(p.shape) for p in a.parameters()] == [(16, 2), (16,), (3, 16), (3,)]
    for pa, pb in zip(a.parameters(), b.parameters(), strict=True):
        assert torch.equal(pa, pb)
    assert a[0].weight.abs().max() <= 1 / math.sqrt(2) and a[2].weight.abs().max() <= 1 / math.sqrt(16)
    assert len(build_model("logistic", (16,), "relu", 2, torch.Generator())) == 1


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_done_when_moons_mlp_noise_01_reaches_95_percent(seed):
    r = run(model="mlp", noise=0.1, seed=seed)
    assert r.accuracy[r.frames[-1], 1] >= 0.95


@pytest.mark.parametrize("seed", [0, 1])
def test_xor_defeats_the_linear_model_but_not_a_hidden_layer(seed):
    linear = run(dataset="xor", seed=seed)
    assert linear.accuracy[-1, 1] < 0.7
    assert np.abs(linear.probs[-1, ..., 1] - 0.5).mean() < 0.15  # unsure almost everywhere
    mlp = run(dataset="xor", model="mlp", hidden="4", seed=seed)
    # Noise 0.2 pushes some points across the axes, so even the best boundary misses a few.
    assert mlp.accuracy[-1, 1] >= 0.8 and mlp.accuracy[-1, 1] - linear.accuracy[-1, 1] >= 0.25


def test_minibatches_take_several_seeded_steps_per_epoch():
    full = run(epochs=5)
    mini = run(epochs=5, batch="16")
    again = run(epochs=5, batch="16")
    assert not np.allclose(full.w[-1], mini.w[-1])
    np.testing.assert_array_equal(mini.w, again.w)


def test_a_blown_up_run_stops_and_keeps_its_finite_epochs():
    r = run(optimizer="sgd", lr=1e308, model="mlp", epochs=50)
    assert r.stop_epoch is not None and r.stop_epoch >= 1
    assert len(r.losses) == r.stop_epoch and np.isfinite(r.losses).all()
    assert r.frames[-1] == r.stop_epoch - 1 and len(r.frames) == r.probs.shape[0]


def test_followed_points_cover_every_class():
    y = np.array([0, 0, 0, 0, 1, 2, 2, 1, 0])
    picks = sample_indices(y, 6)
    assert set(y[picks]) == {0, 1, 2} and len(set(picks)) == 6


def test_two_seeds_in_parallel_threads_equal_their_single_threaded_runs():
    settings = [BASE | {"model": "mlp", "seed": s, "epochs": 40, "batch": "32"} for s in (3, 4)]
    alone = [train_classifier(ClassifyConfig(**s)) for s in settings]
    with ThreadPoolExecutor(max_workers=2) as pool:
        together = list(pool.map(lambda s: train_classifier(ClassifyConfig(**s)), settings))
    for a, b in zip(alone, together, strict=True):
        np.testing.assert_array_equal(a.losses, b.losses)
        np.testing.assert_array_equal(a.probs, b.probs)
    assert not np.array_equal(alone[0].losses, alone[1].losses)


def test_the_view_holds_every_point_and_keeps_still_for_a_small_change_of_the_data():
    from core.classify.train import BOX_STEP, view_box

    boxes = {}
    for noise in (0.1, 0.15, 0.2, 0.25, 0.3):
        r = run(noise=noise)
        x = np.concatenate([r.split.x_train, r.split.x_test])
        lo, hi, bottom, top = r.box
        assert (lo, bottom) == (-hi, -top) and hi == top >= 1.6  # square, centred, at least the minimum
        assert np.abs(x).max() + 0.2 <= hi < np.abs(x).max() + 0.2 + BOX_STEP  # every point, little to spare
        assert hi == 1.6 or math.isclose(hi / BOX_STEP, round(hi / BOX_STEP))
        boxes[noise] = r.box
    # moons at noise 0.2 and 0.25 spread to the same half-unit: the view does not move between them
    assert boxes[0.2] == boxes[0.25] and len(set(boxes.values())) < len(boxes)
    assert view_box(run(dataset="blobs").split) == view_box(run(dataset="blobs", n=210).split)
