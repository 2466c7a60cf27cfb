"""The data sets that ship inside the scikit-learn package, read from its files without importing it.

``import sklearn`` loads scipy, and through it pandas and pyarrow: 164 MB more in every server. The files
themselves are gzipped text and JPEG, so numpy and Pillow read them as scikit-learn's loaders do.
"""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import numpy as np
from PIL import Image

DIABETES_FEATURES = ("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")
PHOTOS = ("china", "flower")


def datasets_dir() -> Path:
    """scikit-learn's ``datasets`` folder, found by the package's import spec (nothing is imported)."""
    # Only the top-level package: find_spec("sklearn.datasets") would import sklearn to reach it.
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("scikit-learn is not installed: the app reads its bundled data sets (requirements.txt)")
    return Path(next(iter(spec.submodule_search_locations))) / "datasets"


def _file(*parts: str) -> Path:
    path = datasets_dir().joinpath(*parts)
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: reinstall scikit-learn (requirements.txt), whose data it is")
    return path


def _table(name: str, delimiter: str | None = None) -> np.ndarray:
    with gzip.open(_file("data", name), "rt", encoding="utf-8") as f:
        return np.loadtxt(f, delimiter=delimiter)


def digits() -> tuple[np.ndarray, np.ndarray]:
    """``load_digits()``: the 1,797 images, (1797, 64) float64 ink 0..16 row by row, and their digits (1797,) int64."""
    table = _table("digits.csv.gz", delimiter=",")  # (1797, 65): 64 pixels, then the label
    return table[:, :-1], table[:, -1].astype(np.int64)


def diabetes() -> tuple[np.ndarray, np.ndarray]:
    """``load_diabetes(scaled=False)``: (442, 10) features in their own units, columns DIABETES_FEATURES, and the
    disease progression a year later (442,)."""
    return _table("diabetes_data_raw.csv.gz"), _table("diabetes_target.csv.gz")


def photo(name: str) -> np.ndarray:
    """One of ``load_sample_images()``'s photos (name in PHOTOS) as (H, W, 3) uint8 RGB."""
    if name not in PHOTOS:
        raise KeyError(name)
    with Image.open(_file("images", f"{name}.jpg")) as img:
        return np.asarray(img)
