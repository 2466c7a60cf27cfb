"""The SGD page's core: minibatch gradients against the full gradient, the variance law, paths, losses, optimum."""

from dataclasses import replace
from itertools import combinations

import numpy as np
import pytest
import torch
from sklearn.linear_model import LinearRegression, LogisticRegression

from core.sgd import (
    SGDConfig,
    gradient_noise,
    iteration_of,
    loss_surface,
    make_data,
    optimum,
    per_batch_gradients,
    run_sgd,
    sgd_path,
    shrink,
)
from core.sgd.train import MAX_FRAMES, frame_progress

TASKS = ("linear", "logistic")
POINT = (-2.0, 3.0)


def closed_form_grads(data, point, idx: np.ndarray) -> np.ndarray:
    """(K, 2) the gradient of the mean loss on each row of example indices, written out by hand."""
    w, b = point
    x, y = data.x[idx], data.y[idx]
    z = w * x + b
    r = 2 * (z - y) if data.task == "linear" else 1 / (1 + np.exp(-z)) - y  # ∂loss/∂z per example
    return np.stack([(r * x).mean(axis=-1), r.mean(axis=-1)], axis=-1)


@pytest.mark.parametrize("task", TASKS)
@pytest.mark.parametrize("size", [1, 2, 8, 32, 64])
def test_epoch_mean_of_minibatch_gradients_is_the_full_gradient(task, size):
    data = make_data(task, 128, 1.0, seed=3)
    order = np.random.default_rng(11).permutation(128)  # equal-size batches, no replacement
    batches = per_batch_gradients(data, POINT, order, size)
    full = per_batch_gradients(data, POINT, np.arange(128), 128)[0]
    assert batches.shape == (128 // size, 2)
    np.testing.assert_allclose(batches.mean(axis=0), full, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(batches, closed_form_grads(data, POINT, order.reshape(-1, size)), atol=1e-12)


@pytest.mark.parametrize("task", TASKS)
@pytest.mark.parametrize("size", [1, 2, 3, 5, 7])
def test_minibatch_variance_is_the_finite_population_law_by_exact_enumeration(task, size):
    """Every one of the C(N, B) batches, equally likely: E‖g_B − ∇L‖² = tr Σ · (N − B) / (B (N − 1)) exactly."""
    n = 10
    data = make_data(task, n, 1.0, seed=5)
    subsets = np.array(list(combinations(range(n), size)))
    every = per_batch_gradients(data, POINT, subsets.ravel(), size)
    full = per_batch_gradients(data, POINT, np.arange(n), n)[0]
    singles = per_batch_gradients(data, POINT, np.arange(n), 1)
    per_example = np.mean(np.sum((singles - full) ** 2, axis=1))
    exact = np.mean(np.sum((every - full) ** 2, axis=1))
    np.testing.assert_allclose(every.mean(axis=0), full, atol=1e-12)
    assert exact == pytest.approx(per_example * shrink(n, size), rel=1e-10)
    # per coordinate too (the covariance matrix scales the same way)
    cov_b = np.cov(every.T, bias=True)
    cov_1 = np.cov(singles.T, bias=True)
    np.testing.assert_allclose(cov_b, cov_1 * shrink(n, size), rtol=1e-9, atol=1e-12)


def test_minibatch_variance_law_on_a_large_seeded_sample():
    """N = 256, B = 16: 40,000 random batches (16 epochs' worth each time) match the law within 2 %."""
    data = make_data("linear", 256, 1.0, seed=1)
    rng = np.random.default_rng(2)
    orders = np.concatenate([rng.permutation(256) for _ in range(2500)])
    g = per_batch_gradients(data, POINT, orders, 16)
    full = per_batch_gradients(data, POINT, np.arange(256), 256)[0]
    singles = per_batch_gradients(data, POINT, np.arange(256), 1)
    per_example = np.mean(np.sum((singles - full) ** 2, axis=1))
    measured = np.mean(np.sum((g - full) ** 2, axis=1))
    assert measured == pytest.approx(per_example * shrink(256, 16), rel=0.02)
    assert measured < 0.95 * per_example / 16  # without replacement is less noisy than with: (N−B)/(N−1) < 1


def test_gradient_noise_reports_the_law_and_an_exact_epoch_mean():
    data = make_data("linear", 128, 1.0, seed=0)
    noise = gradient_noise(data, POINT, 8, [1, 2, 4, 8, 16, 32, 64], seed=0)
    np.testing.assert_allclose(noise.batches.mean(axis=0), noise.full, atol=1e-12)
    np.testing.assert_allclose(noise.predictions**2, noise.per_example_var * np.array(
        [shrink(128, b) for b in (1, 2, 4, 8, 16, 32, 64)]))  # fmt: skip
    assert noise.spreads[0] == pytest.approx(np.sqrt(noise.per_example_var), rel=1e-12)  # B = 1: every example once
    assert np.all(np.diff(noise.predictions) < 0)
    assert noise.spread == pytest.approx(noise.predicted, rel=0.3)  # one epoch of 16 batches: a rough estimate


@pytest.mark.parametrize("task", TASKS)
@pytest.mark.parametrize(("batch", "shuffle"), [("1", True), ("8", False), ("32", True), ("full", False)])
def test_sgd_path_follows_the_hand_written_update(task, batch, shuffle):
    cfg = replace(SGDConfig(), task=task, epochs=2, shuffle=shuffle, lr=0.05)
    data = make_data(task, cfg.n, cfg.noise, cfg.seed)
    path = sgd_path(data, batch, cfg, torch.Generator().manual_seed(4))
    g = torch.Generator().manual_seed(4)
    size = cfg.n if batch == "full" else int(batch)
    p = np.array([cfg.w0, cfg.b0])
    expected = [p]
    for _ in range(cfg.epochs):
        order = torch.randperm(cfg.n, generator=g).numpy() if shuffle else np.arange(cfg.n)
        for idx in order.reshape(-1, size):
            p = p - cfg.lr * closed_form_grads(data, p, idx[None])[0]
            expected.append(p)
    np.testing.assert_allclose(path.params, np.array(expected), atol=1e-10)
    assert path.per_epoch == cfg.n // size and len(path.epoch_seconds) == cfg.epochs
    assert np.all(path.epoch_seconds > 0)


def test_loss_surface_matches_torch_losses():
    for task in TASKS:
        data = make_data(task, 64, 0.7, seed=9)
        w, b = np.array([0.5, -1.0, 2.0]), np.array([1.0, 0.0, -0.5])
        x, y = torch.from_numpy(data.x), torch.from_numpy(data.y)
        fn = torch.nn.functional.mse_loss if task == "linear" else torch.nn.functional.binary_cross_entropy_with_logits
        ref = [fn(wi * x + bi, y).item() for wi, bi in zip(w, b, strict=True)]
        np.testing.assert_allclose(loss_surface(data, w, b), ref, rtol=1e-12)


def test_optimum_matches_scikit_learn():
    lin = make_data("linear", 256, 1.0, seed=2)
    ref = LinearRegression().fit(lin.x[:, None], lin.y)
    np.testing.assert_allclose(optimum(lin), [ref.coef_[0], ref.intercept_], atol=1e-10)
    log = make_data("logistic", 256, 1.0, seed=2)
    ref = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(log.x[:, None], log.y)
    np.testing.assert_allclose(optimum(log), [ref.coef_[0, 0], ref.intercept_[0]], atol=1e-4)
    assert optimum(make_data("logistic", 64, 0.0, seed=2)) is None  # separable: no finite minimum


def test_data_come_sorted_by_x_and_from_the_stated_line():
    data = make_data("linear", 1024, 0.0, seed=0)
    assert np.all(np.diff(data.x) >= 0)
    np.testing.assert_allclose(data.y, 2 * data.x - 1)
    assert set(np.unique(make_data("logistic", 64, 1.0, seed=0).y)) == {0.0, 1.0}


def test_run_sgd_trains_every_batch_size_for_the_same_epochs():
    cfg = SGDConfig()
    run = run_sgd(cfg)
    assert [p.batch for p in run.paths] == list(cfg.batches)
    for path, loss in zip(run.paths, run.losses, strict=True):
        assert len(path.params) == cfg.epochs * path.per_epoch + 1
        np.testing.assert_allclose(loss, loss_surface(run.data, path.params[:, 0], path.params[:, 1]))
        assert iteration_of(path, cfg.epochs) == len(path.params) - 1
        assert iteration_of(path, 0.5) == path.per_epoch // 2
    assert run.surface.shape == (len(run.bs), len(run.ws))
    assert run.ws[0] <= cfg.w0 <= run.ws[-1] and run.bs[0] <= cfg.b0 <= run.bs[-1]
    assert run.progress[0] == 0 and run.progress[-1] == cfg.epochs and len(run.progress) <= MAX_FRAMES


@pytest.mark.parametrize("epochs", [1, 7, 8, 14, 15, 20])
def test_frames_are_whole_fractions_of_an_epoch(epochs):
    progress = frame_progress(epochs)
    assert len(progress) <= MAX_FRAMES and progress[-1] == epochs
    assert np.allclose(progress * 8, np.round(progress * 8))


def test_a_diverging_batch_size_stops_and_says_where():
    run = run_sgd(replace(SGDConfig(), lr=1.0, batches=("1", "full")))
    one = run.paths[0]
    assert one.stop is not None and len(one.params) == one.stop
    assert np.all(np.isfinite(one.params)) and np.all(np.isfinite(run.surface))


def test_same_seed_same_run_in_parallel_threads():
    from concurrent.futures import ThreadPoolExecutor

    cfgs = [replace(SGDConfig(), seed=s) for s in (1, 2)]
    alone = [run_sgd(c).paths[0].params for c in cfgs]
    with ThreadPoolExecutor(2) as pool:
        together = [r.paths[0].params for r in pool.map(run_sgd, cfgs)]
    for a, b in zip(alone, together, strict=True):
        np.testing.assert_array_equal(a, b)


def test_the_map_keeps_its_box_and_surface_while_the_epochs_change():
    """An epoch more or less moves the paths a little. A box that followed them exactly gave the map new axes
    and a new loss surface at every value, which the browser laid out and drew again (a relayout of the map's
    axes, 25-50 ms, beside the contour); a box snapped outward keeps both, and every path stays inside it."""
    runs = [run_sgd(replace(SGDConfig(), epochs=epochs)) for epochs in (5, 6, 9)]
    for run in runs:
        points = np.vstack([p.params for p in run.paths if p.stop is None])
        assert run.ws[0] < points[:, 0].min() and points[:, 0].max() < run.ws[-1]
        assert run.bs[0] < points[:, 1].min() and points[:, 1].max() < run.bs[-1]
    for run in runs[1:]:
        np.testing.assert_array_equal(run.ws, runs[0].ws)
        np.testing.assert_array_equal(run.bs, runs[0].bs)
        np.testing.assert_array_equal(run.surface, runs[0].surface)
