"""The toy datasets against their defining geometry, scikit-learn's generators and a linear classifier."""

import inspect

import numpy as np
import pytest
from sklearn.datasets import make_moons
from sklearn.linear_model import LogisticRegression

from core.classify import datasets
from core.classify.datasets import DATASETS, make_split

NAMES = sorted(DATASETS)


def test_every_generator_has_one_signature():
    signatures = {str(inspect.signature(spec.fn)) for spec in DATASETS.values()}
    assert len(signatures) == 1
    assert list(inspect.signature(datasets.spiral).parameters) == ["n", "noise", "classes", "seed"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("classes", [2, 3, 5])
def test_shapes_labels_and_balance(name, classes):
    k = min(classes, DATASETS[name].max_classes)
    x, y = DATASETS[name].fn(103, 0.1, k, 7)
    assert x.shape == (103, 2) and x.dtype == np.float64 and y.dtype == np.int64
    counts = np.bincount(y, minlength=k)
    assert len(counts) == k and counts.max() - counts.min() <= 1
    assert np.abs(x).max() < 2.5


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_data_other_seed_other_data(name):
    a, b, c = (DATASETS[name].fn(60, 0.2, 2, s) for s in (3, 3, 4))
    np.testing.assert_array_equal(a[0], b[0])
    assert not np.allclose(a[0], c[0])


def test_moons_are_sklearns_moons_centred():
    x, y = DATASETS["moons"].fn(150, 0.15, 2, 11)
    ref_x, ref_y = make_moons(n_samples=150, noise=0.15, random_state=11)
    np.testing.assert_allclose(x, ref_x - [0.5, 0.25], rtol=0, atol=1e-15)
    np.testing.assert_array_equal(y, ref_y)


def test_clean_moons_lie_on_their_unit_arcs():
    x, y = DATASETS["moons"].fn(200, 0.0, 2, 0)
    centres = np.array([[-0.5, -0.25], [0.5, 0.25]])[y]
    np.testing.assert_allclose(np.hypot(*(x - centres).T), 1.0, atol=1e-12)


@pytest.mark.parametrize("classes", [2, 3, 5])
def test_clean_circles_sit_on_radius_one_minus_c_over_k(classes):
    x, y = DATASETS["circles"].fn(300, 0.0, classes, 1)
    np.testing.assert_allclose(np.hypot(x[:, 0], x[:, 1]), 1 - y / classes, atol=1e-12)


def test_circle_noise_has_the_asked_standard_deviation():
    x, y = DATASETS["circles"].fn(20_000, 0.05, 2, 2)
    residual = np.hypot(x[:, 0], x[:, 1]) - (1 - y / 2)
    assert residual.std() == pytest.approx(0.05, rel=0.05)


def test_clean_xor_class_is_the_sign_of_the_product():
    x, y = DATASETS["xor"].fn(400, 0.0, 2, 5)
    np.testing.assert_array_equal(y, (x[:, 0] * x[:, 1] < 0).astype(int))
    assert np.abs(x).min() >= datasets.XOR_MARGIN and np.abs(x).max() <= 1


@pytest.mark.parametrize("classes", [2, 4])
def test_clean_spiral_angle_follows_its_radius(classes):
    x, y = DATASETS["spiral"].fn(300, 0.0, classes, 3)
    r = np.hypot(x[:, 0], x[:, 1])
    expected = 2 * np.pi * (y / classes + datasets.SPIRAL_TURNS * r)
    gap = np.angle(np.exp(1j * (np.arctan2(x[:, 1], x[:, 0]) - expected)))
    np.testing.assert_allclose(gap, 0, atol=1e-9)


def test_blob_means_and_spread():
    x, y = DATASETS["blobs"].fn(8000, 0.3, 4, 9)
    angles = 2 * np.pi * np.arange(4) / 4 + np.pi / 4
    for c in range(4):
        pts = x[y == c]
        np.testing.assert_allclose(pts.mean(axis=0), [np.cos(angles[c]), np.sin(angles[c])], atol=0.03)
        np.testing.assert_allclose(pts.std(axis=0), np.hypot(datasets.BLOB_SPREAD, 0.3), rtol=0.06)


@pytest.mark.parametrize("name", NAMES)
def test_linear_flag_matches_what_a_linear_classifier_can_do(name):
    # Reference: scikit-learn's unpenalised logistic regression on the clean data.
    classes = min(3, DATASETS[name].max_classes)
    x, y = DATASETS[name].fn(600, 0.0, classes, 0)
    accuracy = LogisticRegression(C=np.inf, max_iter=2000).fit(x, y).score(x, y)
    if DATASETS[name].linear:
        assert accuracy == 1.0
    else:
        assert accuracy < 0.95


def test_split_is_stratified_disjoint_and_complete():
    s = make_split("spiral", 200, 0.1, 4, 0.25, 8)
    assert (len(s.x_train), len(s.x_test), s.classes) == (150, 50, 4)
    assert abs(np.bincount(s.y_test) - 12.5).max() <= 0.5
    x, _ = DATASETS["spiral"].fn(200, 0.1, 4, 8)
    both = np.concatenate([s.x_train, s.x_test])
    assert sorted(map(tuple, both)) == sorted(map(tuple, x))


def test_two_class_shapes_cap_the_class_count():
    assert make_split("moons", 100, 0.1, 5, 0.3, 0).classes == 2
    assert make_split("xor", 100, 0.1, 4, 0.3, 0).classes == 2
    assert make_split("circles", 100, 0.1, 4, 0.3, 0).classes == 4
