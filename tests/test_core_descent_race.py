"""The optimizer race against closed forms and hand recurrences, and the from-scratch state against torch.optim."""

import threading
from dataclasses import replace

import numpy as np
import pytest
import torch

from core.descent.engine import adam_step
from core.descent.race import (
    OPTIMIZERS,
    SCRATCH,
    RaceConfig,
    finish_step,
    from_scratch,
    gradient_noise,
    noise_sigma,
    race,
    race_scene,
)

STATE_TOL = 1e-6  # the tolerance for hand-written vs torch.optim state (float64 gives ~1e-15)


def Hyper(lr: float, eps: float = 1e-8, **h) -> RaceConfig:
    """The race's config with these hyperparameters (surface, steps and seed are set per test)."""
    return RaceConfig(lr=lr, eps=repr(eps), **h)


def at(h: RaceConfig, surface: str, steps: int, seed: int = 0) -> RaceConfig:
    return replace(h, surface=surface, steps=steps, seed=seed)


CASES = [
    ("valley", (-3.5, 1.0), Hyper(lr=0.1), 100),
    ("rosenbrock", (-1.5, 2.0), Hyper(lr=0.002, momentum=0.8), 150),
    ("himmelblau", (0.0, 0.0), Hyper(lr=0.01, beta1=0.5, beta2=0.99, eps=1e-3, noise=0.3), 80),
    ("saddle", (2.0, 0.01), Hyper(lr=0.03, momentum=0.97, beta1=0.0, beta2=0.9, noise=1.0), 60),
]


def one(surface, start, h, steps, name, seed=0):
    (run,) = race(at(h, surface, steps, seed), (name,))  # start: the surface's preset, as on the page
    return run


@pytest.mark.parametrize(("surface", "start", "h", "steps"), CASES)
def test_momentum_by_hand_matches_torch_state_at_every_step(surface, start, h, steps):
    run = one(surface, start, h, steps, "momentum", seed=3)
    mine = from_scratch(at(h, surface, steps, 3), "momentum", steps)
    assert run.state.shape == (steps + 1, 1, 2) and mine.terms.shape == (steps + 1, 1, 2)
    np.testing.assert_allclose(mine.terms[:, 0], run.state[:, 0], rtol=0, atol=STATE_TOL)  # v vs momentum_buffer
    np.testing.assert_allclose(mine.path, run.path, rtol=0, atol=STATE_TOL)
    np.testing.assert_allclose(mine.grads, run.grads, rtol=0, atol=STATE_TOL)


@pytest.mark.parametrize(("surface", "start", "h", "steps"), CASES)
def test_adam_by_hand_matches_torch_state_at_every_step(surface, start, h, steps):
    run = one(surface, start, h, steps, "adam", seed=3)
    mine = from_scratch(at(h, surface, steps, 3), "adam", steps)
    m, v, m_hat, v_hat = (mine.terms[:, i] for i in range(4))
    np.testing.assert_allclose(m, run.state[:, 0], rtol=0, atol=STATE_TOL)  # exp_avg
    np.testing.assert_allclose(v, run.state[:, 1], rtol=0, atol=STATE_TOL)  # exp_avg_sq
    k = np.arange(1, steps + 1)[:, None]
    np.testing.assert_allclose(m_hat[1:], run.state[1:, 0] / (1 - h.beta1**k), rtol=1e-9, atol=STATE_TOL)
    np.testing.assert_allclose(v_hat[1:], run.state[1:, 1] / (1 - h.beta2**k), rtol=1e-9, atol=STATE_TOL)
    # torch applies the bias correction inside step(): its actual moves must equal the hand-written Δθ.
    np.testing.assert_allclose(mine.updates, np.diff(run.path, axis=0), rtol=0, atol=STATE_TOL)


def test_a_wrong_bias_correction_would_be_caught():
    h = Hyper(lr=0.01)
    run = one("valley", (-3.5, 1.0), h, 5, "adam")
    mine = from_scratch(at(h, "valley", 5, 0), "adam", 5)
    uncorrected = -h.lr * mine.terms[1:, 0] / (np.sqrt(mine.terms[1:, 1]) + h.epsilon)
    assert np.abs(uncorrected - np.diff(run.path, axis=0)).max() > 100 * STATE_TOL


def test_bias_correction_is_exact_for_a_constant_gradient():
    # With g constant, m_k = (1 − β₁ᵏ)g and v_k = (1 − β₂ᵏ)g², so m̂_k = g and v̂_k = g² exactly.
    h = Hyper(lr=0.1, beta1=0.9, beta2=0.999)
    g = torch.tensor([3.0, -0.5], dtype=torch.float64)
    m = v = torch.zeros(2, dtype=torch.float64)
    for k in range(1, 30):
        m, v, m_hat, v_hat, delta = adam_step(m, v, g, k, h)
        np.testing.assert_allclose(m_hat, g, rtol=1e-12)
        np.testing.assert_allclose(v_hat, g * g, rtol=1e-12)
        np.testing.assert_allclose(m, (1 - 0.9**k) * g, rtol=1e-12)
        np.testing.assert_allclose(delta, -0.1 * g / (g.abs() + h.epsilon), rtol=1e-12)


@pytest.mark.parametrize("lr", [0.05, 0.3, 0.9])
def test_sgd_on_the_bowl_follows_the_closed_form(lr):
    # ∇(x² + y²) = 2θ, so θ_k = (1 − 2η)^k θ_0.
    run = one("bowl", (2.0, 1.5), Hyper(lr=lr), 25, "sgd")
    k = np.arange(26)[:, None]
    np.testing.assert_allclose(run.path, (1 - 2 * lr) ** k * np.array([2.0, 1.5]), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(run.dists, np.hypot(*run.path.T), rtol=1e-12)
    np.testing.assert_allclose(run.gaps, run.losses, rtol=0)  # L* = 0 on the bowl


@pytest.mark.parametrize(("lr", "mu"), [(0.05, 0.9), (0.2, 0.5)])
def test_momentum_and_nesterov_on_the_bowl_follow_the_linear_recurrence(lr, mu):
    # Each coordinate: v_k = μv + 2θ, θ ← θ − ηv (heavy ball); Nesterov steps by g + μv instead.
    heavy = np.array([[1 - 2 * lr, -lr * mu], [2, mu]])  # [θ_k, v_k] = A [θ_{k-1}, v_{k-1}]
    nesterov = np.array([[1 - 2 * lr - 2 * lr * mu, -lr * mu * mu], [2, mu]])
    for name, a in (("momentum", heavy), ("nesterov", nesterov)):
        run = one("bowl", (2.0, 1.5), Hyper(lr=lr, momentum=mu), 30, name)
        for k in (1, 2, 7, 30):
            expected = np.linalg.matrix_power(a, k) @ np.array([[2.0, 1.5], [0.0, 0.0]])
            np.testing.assert_allclose(run.path[k], expected[0], rtol=1e-10, atol=1e-12)
            np.testing.assert_allclose(run.state[k, 0], expected[1], rtol=1e-10, atol=1e-12)


def test_first_steps_of_the_adaptive_optimizers_have_closed_forms():
    # Step 1: Adam and Adagrad move η per coordinate; RMSprop (no bias correction) moves η/√(1 − α).
    h = Hyper(lr=0.01, alpha=0.99, eps=1e-12)
    runs = {r.name: r for r in race(at(h, "rosenbrock", 1, 0), OPTIMIZERS)}
    g = np.array([-155.0, -50.0])  # ∇L(−1.5, 2) by hand
    np.testing.assert_allclose(runs["sgd"].grads[0], g, rtol=1e-12)
    step = {name: runs[name].path[1] - runs[name].path[0] for name in runs}
    np.testing.assert_allclose(step["sgd"], -0.01 * g, rtol=1e-12)
    np.testing.assert_allclose(step["adam"], [0.01, 0.01], rtol=1e-9)
    np.testing.assert_allclose(step["adagrad"], [0.01, 0.01], rtol=1e-9)
    np.testing.assert_allclose(step["rmsprop"], [0.1, 0.1], rtol=1e-9)
    np.testing.assert_allclose(runs["adagrad"].state[1, 0], g**2, rtol=1e-12)  # Adagrad's "sum"
    np.testing.assert_allclose(runs["rmsprop"].state[1, 0], 0.01 * g**2, rtol=1e-12)  # "square_avg"


def test_noise_is_seeded_shared_and_scaled():
    assert noise_sigma(RaceConfig(surface="bowl", noise=0.4)) == pytest.approx(0.4 * 5.0)  # ‖∇L‖ = ‖(4, 3)‖ = 5
    h = Hyper(lr=0.05, noise=0.4)
    runs = race(at(h, "bowl", 40, 7), OPTIMIZERS)
    noise = gradient_noise(at(h, "bowl", 40, 7)).numpy()
    for run in runs:  # every optimizer saw exactly the same draws on top of its own true gradient
        np.testing.assert_allclose(run.grads - 2 * run.path[:-1], noise, rtol=0, atol=1e-12)
    again = race(at(h, "bowl", 40, 7), OPTIMIZERS)
    other = race(at(h, "bowl", 40, 8), OPTIMIZERS)
    assert all(np.array_equal(a.path, b.path) for a, b in zip(runs, again, strict=True))
    assert not any(np.allclose(a.path, b.path) for a, b in zip(runs, other, strict=True))
    assert np.std(gradient_noise(at(h, "bowl", 20_000, 1)).numpy()) == pytest.approx(2.0, rel=0.02)
    quiet = race(at(Hyper(lr=0.05), "bowl", 40, 7), ("sgd",))[0]
    assert not np.allclose(quiet.path, runs[0].path)


def test_seeded_runs_in_parallel_threads_equal_their_single_threaded_runs():
    h = Hyper(lr=0.05, noise=0.5)
    alone = {s: race(at(h, "valley", 60, s), OPTIMIZERS) for s in (1, 2)}
    results = {}

    def work(s):
        results[s] = race(at(h, "valley", 60, s), OPTIMIZERS)

    threads = [threading.Thread(target=work, args=(s,)) for s in (1, 2, 1, 2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for s in (1, 2):
        assert all(np.array_equal(a.path, b.path) for a, b in zip(alone[s], results[s], strict=True))


def test_each_run_stops_on_its_own_divergence():
    # SGD on the bowl at η = 1.1: L_k = L_0 · 1.44^k passes 1e6 · L_0 at k = 38; Adam is unaffected.
    runs = {r.name: r for r in race(at(Hyper(lr=1.1), "bowl", 60, 0), ("sgd", "adam"))}
    assert (runs["sgd"].stop_step, runs["sgd"].stop_reason) == (38, "exploded")
    assert len(runs["sgd"].path) == 39 and len(runs["sgd"].grads) == 38
    assert runs["adam"].stop_step is None and len(runs["adam"].path) == 61
    huge = race(at(Hyper(lr=1e308), "bowl", 10, 0), ("sgd", "momentum"))
    assert all(r.stop_reason == "nonfinite" and np.isfinite(r.path).all() for r in huge)


def test_finish_step_is_where_a_run_stays_inside():
    run = one("bowl", (2.0, 1.5), Hyper(lr=0.1), 40, "sgd")
    done = finish_step(run, 0.05)
    assert run.dists[done] < 0.05 <= run.dists[done - 1] and (run.dists[done:] < 0.05).all()
    swinging = one("bowl", (2.0, 1.5), Hyper(lr=0.05, momentum=0.97), 150, "momentum")
    assert (swinging.dists < 0.05).any() and finish_step(swinging, 0.05) is None  # passes through, never settles
    assert finish_step(one("bowl", (2.0, 1.5), Hyper(lr=1.1), 60, "sgd"), 0.05) is None


@pytest.mark.parametrize(
    "cfg",
    [
        RaceConfig(),
        RaceConfig(surface="rosenbrock", lr=0.002, steps=300, noise=0.5, optims=("sgd", "adam")),
        RaceConfig(surface="bowl", lr=5.0, steps=80, optims=("rmsprop",)),  # momentum blows up at step 4
        RaceConfig(surface="saddle", lr=0.03, steps=120, noise=1.0, seed=7),
    ],
)
def test_scene_runs_by_hand_in_the_race_as_alone(cfg):
    # race_scene steps the hand-written rules in the race's own descent (engine.Together); each must be
    # the run from_scratch makes on its own, as long as torch.optim's run of the same name.
    scene = race_scene(cfg)
    assert set(scene.scratch) == set(SCRATCH) and [r.name for r in scene.runs] == list(cfg.names)
    for name in SCRATCH:
        alone = from_scratch(cfg, name, len(scene.by_name[name].path) - 1)
        mine = scene.scratch[name]
        assert (mine.stop_step, mine.stop_reason) == (alone.stop_step, alone.stop_reason)
        for field in ("path", "losses", "gaps", "dists", "grads", "state"):
            np.testing.assert_allclose(getattr(mine, field), getattr(alone, field), rtol=0, atol=1e-12, err_msg=field)
    if cfg.lr == 5.0:
        assert scene.by_name["momentum"].stop_step == 4 and len(scene.scratch["momentum"].path) == 5  # cut there
