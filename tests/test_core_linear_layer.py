"""/linear-layer core: every moved point equals x @ W.T + b in numpy, the area ratio equals |det W|,
parameter counts equal Σ in·out + out, and the sweep's numbers are what it timed."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import numpy as np
import pytest

from core.linear_layer.config import PRESETS, LinearConfig
from core.linear_layer.plane import PICTURE, SQUARE, grid_lines, shoelace, transform
from core.linear_layer.speed import matmul_sweep, time_matmul
from core.linear_layer.stack import WidthsError, count_parameters, parse_widths, widths_or_default

L = LinearConfig()
CONFIGS = [L, *(replace(L, preset=p) for p in PRESETS), replace(L, w11=-1.3, w12=2.0, w21=0.35, w22=-0.6, b1=-2.0)]


@pytest.mark.parametrize("cfg", CONFIGS, ids=lambda c: c.preset)
def test_every_moved_point_is_x_at_w_transposed_plus_b(cfg):
    run = transform(cfg)
    w, b = np.array(cfg.weight), np.array(cfg.bias)
    np.testing.assert_allclose(run.picture[-1], PICTURE @ w.T + b, atol=1e-12)
    np.testing.assert_allclose(run.square[-1], SQUARE @ w.T + b, atol=1e-12)
    np.testing.assert_allclose(run.lines[-1].reshape(-1, 2), grid_lines().reshape(-1, 2) @ w.T + b, atol=1e-12)
    np.testing.assert_allclose(run.y_batch, run.x_batch @ w.T + b, atol=1e-12)
    for k, t in enumerate(run.ts):  # every frame: W_t = (1 − t) I + t W, b_t = t b
        wt = (1 - t) * np.eye(2) + t * w
        np.testing.assert_allclose(run.picture[k], PICTURE @ wt.T + t * b, atol=1e-12)
    np.testing.assert_allclose(run.picture[0], PICTURE, atol=1e-12)  # t = 0 is the identity


@pytest.mark.parametrize("cfg", CONFIGS, ids=lambda c: c.preset)
def test_area_ratio_is_det_w(cfg):
    run = transform(cfg)
    det = np.linalg.det(np.array(cfg.weight))
    assert run.det == pytest.approx(det, abs=1e-12)
    assert run.area == pytest.approx(det, abs=1e-12)  # signed: the unit square has area 1
    area_f = shoelace(run.picture[-1]) / shoelace(PICTURE)  # any shape scales by the same ratio
    assert area_f == pytest.approx(det, abs=1e-12)


def test_basis_arrows_are_the_columns_of_w():
    run = transform(L)
    np.testing.assert_allclose(run.basis[-1], np.array(L.weight).T, atol=1e-12)
    np.testing.assert_allclose(run.origin[-1], L.bias, atol=1e-12)


def test_presets_replace_the_sliders():
    assert transform(replace(L, preset="rotation", w11=-2.0)).weight[0, 0] == pytest.approx(math.cos(math.pi / 6))
    assert transform(replace(L, w11=-2.0)).weight[0, 0] == -2.0


@pytest.mark.parametrize("widths", [(2, 64, 64, 10), (784, 128, 10), (1, 1), (4096,) * 9])
def test_parameter_counts_are_in_times_out_plus_out(widths):
    layers = count_parameters(widths)
    assert [(c.fan_in, c.fan_out) for c in layers] == list(itertools.pairwise(widths))
    assert sum(c.weights + c.biases for c in layers) == sum(a * b + b for a, b in itertools.pairwise(widths))


@pytest.mark.parametrize(("text", "code"), [("2", "few"), ("", "few"), ("2,x", "not_int"), ("2,０", "not_int"),
                                            ("1," * 10 + "1", "many"), ("2,5000", "size"), ("0,3", "size"),
                                            ("2,😀", "not_int"), ("2,3.5", "not_int")])  # fmt: skip
def test_widths_that_are_not_a_stack_say_why(text, code):
    with pytest.raises(WidthsError) as caught:
        parse_widths(text)
    assert caught.value.code == code


def test_widths_accept_common_spellings():
    assert parse_widths("2, 64, 64, 10") == parse_widths("(2 -> 64 -> 64 -> 10)") == (2, 64, 64, 10)


def test_sweep_reports_what_it_timed_and_stays_in_budget():
    sweep = matmul_sweep(sizes=(16, 32, 64), budget=1.0)
    assert sweep.devices[0] == "cpu" and sweep.measured == 3
    np.testing.assert_allclose(sweep.gflops[0], 2 * np.array([16, 32, 64]) ** 3 / sweep.seconds[0] / 1e9)
    assert sweep.elapsed < 1.5 and sweep.crossover is None


def test_sweep_skips_sizes_that_would_pass_the_budget():
    sweep = matmul_sweep(sizes=(64, 2048, 4096), budget=0.05)
    assert sweep.measured == 1 and np.isnan(sweep.seconds[0, 1:]).all()


def test_time_matmul_is_positive_and_grows_with_n():
    import torch

    g = torch.Generator().manual_seed(0)
    small, large = time_matmul(32, torch.device("cpu"), g), time_matmul(512, torch.device("cpu"), g)
    assert 0 < small < large


def test_a_bad_stack_falls_back_to_the_default_with_its_reason():
    widths, error = widths_or_default("2,x", "2,64,10")
    assert widths == (2, 64, 10) and error.code == "not_int" and error.part == "x"
    assert widths_or_default("3,4", "2,64,10") == ((3, 4), None)


def test_best_rate_is_the_highest_measured():
    sweep = matmul_sweep(sizes=(16, 32), budget=1.0)
    rate, n = sweep.best
    assert rate == np.nanmax(sweep.gflops[0]) and n in (16, 32)


def test_kind_names_what_the_map_does_to_orientation():
    kinds = {p: transform(replace(L, preset=p)).kind for p in ("rotation", "reflection", "singular")}
    assert kinds == {"rotation": "keeps", "reflection": "flip", "singular": "singular"}
