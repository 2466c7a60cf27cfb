"""core.common.shipped and core.common.sampling against scikit-learn itself: the same files give the same arrays,
the same seeds the same points and splits, exactly."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import sklearn
from sklearn.datasets import load_diabetes, load_digits, load_sample_images, make_blobs, make_moons
from sklearn.model_selection import train_test_split

from core.classify import datasets as classify
from core.cnn.images import load_image
from core.common import shipped
from core.common.sampling import make_blobs as our_blobs
from core.common.sampling import make_moons as our_moons
from core.common.sampling import stratified_split
from core.digits import data as digits_data
from core.linreg import RegressionConfig
from core.linreg.data import make_data

SEEDS = [0, 1, 7, 12345, 2**32 - 1]


def assert_same(ours, ref):
    """Every array equal to scikit-learn's, dtype and shape included."""
    for a, b in zip(ours, ref, strict=True):
        assert a.dtype == b.dtype and a.shape == b.shape
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n", [1, 2, 3, 40, 101, 400])
@pytest.mark.parametrize("noise", [0.0, 0.05, 0.3])
def test_make_moons_draws_sklearns_points(seed, n, noise):
    assert_same(our_moons(n, noise, seed), make_moons(n_samples=n, noise=noise, random_state=seed))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("counts", [[50], [34, 33, 33], [1, 7, 0, 12], [100, 3, 25, 60, 9]])
@pytest.mark.parametrize("std", [0.2, 0.45])
def test_make_blobs_draws_sklearns_points(seed, counts, std):
    centers = np.random.default_rng(len(counts)).uniform(-1, 1, (len(counts), 2 + len(counts) % 2))
    ours = our_blobs(counts, centers, std, seed)
    x, y = make_blobs(n_samples=counts, centers=centers, cluster_std=std, random_state=seed)
    assert_same(ours, (x, y.astype(np.int64)))


def uneven_labels(n: int, classes: int, seed: int) -> np.ndarray:
    """Classes of very different sizes (the smallest has at least 2 members), in random order."""
    weights = np.geomspace(1, 8, classes)
    y = np.random.default_rng(seed).choice(classes, n, p=weights / weights.sum())
    y[: 2 * classes] = np.repeat(np.arange(classes), 2)
    return y


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n, classes", [(20, 2), (50, 2), (97, 3), (200, 5), (333, 7), (1797, 10)])
@pytest.mark.parametrize("test_size", [0.1, 0.25, 0.3, 0.5, 0.2 / (1 - 0.2)])
def test_stratified_split_is_sklearns_split_of_uneven_classes(seed, n, classes, test_size):
    y = uneven_labels(n, classes, seed % 1000)
    train, test = stratified_split(y, test_size, seed)
    assert_same((train, test), train_test_split(np.arange(n), test_size=test_size, stratify=y, random_state=seed))
    assert len(test) == np.ceil(test_size * n) and sorted([*train, *test]) == list(range(n))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("per_class", [5, 11, 30])
def test_stratified_split_breaks_ties_as_sklearn_does(seed, per_class):
    y = np.array(["ant", "bee", "cat", "dog"] * per_class)  # any sortable labels, not only 0..k-1
    n_train = len(y) - int(np.ceil(0.25 * len(y)))
    assert n_train % 4, "equal classes and a train size they cannot share evenly: the leftovers go to random classes"
    ref = train_test_split(np.arange(len(y)), test_size=0.25, stratify=y, random_state=seed)
    assert_same(stratified_split(y, 0.25, seed), ref)


@pytest.mark.parametrize("name", sorted(classify.DATASETS))
@pytest.mark.parametrize("seed", [0, 5])
def test_classify_split_is_sklearns_train_test_split(name, seed):
    s = classify.make_split(name, 150, 0.2, 3, 0.3, seed)
    x, y = classify.DATASETS[name].fn(150, 0.2, s.classes, seed)
    x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=0.3, stratify=y, random_state=seed)
    assert_same((s.x_train, s.x_test, s.y_train, s.y_test), (x_tr, x_te, y_tr, y_te))


@pytest.mark.parametrize("seed", [0, 3])
def test_digits_three_way_split_is_sklearns_two_splits(seed):
    y = load_digits().target
    rest, test = train_test_split(np.arange(len(y)), test_size=0.2, stratify=y, random_state=seed)
    train, val = train_test_split(rest, test_size=0.2 / 0.8, stratify=y[rest], random_state=seed)
    s = digits_data.make_split(seed)
    assert_same((s.idx_train, s.idx_val, s.idx_test), (train, val, test))


def test_digits_are_load_digits():
    ref = load_digits()
    assert_same(shipped.digits(), (ref.data, ref.target))
    np.testing.assert_array_equal(load_image("digit"), ref.images[3] / 16.0)


def test_diabetes_is_load_diabetes_in_raw_units():
    ref = load_diabetes(scaled=False)
    assert_same(shipped.diabetes(), (ref.data, ref.target))
    assert tuple(ref.feature_names) == shipped.DIABETES_FEATURES
    data = make_data(RegressionConfig(dataset="diabetes", features="bmi,bp"))
    np.testing.assert_array_equal(data.x, ref.data[:, [2, 3]])


def test_photos_are_load_sample_images():
    ref = load_sample_images()
    assert [Path(f).stem for f in ref.filenames] == list(shipped.PHOTOS)
    assert_same([shipped.photo(name) for name in shipped.PHOTOS], ref.images)
    with pytest.raises(KeyError):
        shipped.photo("digit")


def test_the_folder_is_sklearns_own():
    assert shipped.datasets_dir() == Path(sklearn.__file__).parent / "datasets"


def test_missing_files_say_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(shipped, "datasets_dir", lambda: tmp_path)
    for load in (shipped.digits, shipped.diabetes, lambda: shipped.photo("china")):
        with pytest.raises(FileNotFoundError, match="reinstall scikit-learn"):
            load()


def test_a_missing_package_says_so(monkeypatch):
    monkeypatch.setattr(shipped.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(FileNotFoundError, match="scikit-learn is not installed"):
        shipped.digits()
