"""Hostile uploads for /cnn-filters: each kind gets its code, accepted ones match a numpy reference,
one upload adds < 150 MB at its peak (measured in a subprocess), and Pillow never warns."""

from __future__ import annotations

import io
import warnings
from itertools import pairwise

import numpy as np
import pytest
from PIL import Image

from benchmarks.upload_memory import ACCEPTED, BUDGET_MB, UPLOADS, measure_upload
from core.cnn.images import WORK_SIDE, UploadError, read_upload


def block_mean(a: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Reference downscale: the mean of each output pixel's share of the input (float64, by index ranges)."""
    rows = np.linspace(0, a.shape[0], shape[0] + 1).round().astype(int)
    cols = np.linspace(0, a.shape[1], shape[1] + 1).round().astype(int)
    return np.array([[a[r0:r1, c0:c1].mean() for c0, c1 in pairwise(cols)] for r0, r1 in pairwise(rows)])


@pytest.mark.parametrize("kind", UPLOADS)
def test_each_upload_kind_gets_its_code_and_pillow_never_warns(kind):
    _, make, code = UPLOADS[kind]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if code is None:
            out = read_upload(make())
            assert out.ndim == 2 and max(out.shape) <= WORK_SIDE and 0 <= out.min() <= out.max() <= 1
        else:
            with pytest.raises(UploadError) as err:
                read_upload(make())
            assert err.value.code == code
    assert not [w for w in caught if issubclass(w.category, Image.DecompressionBombWarning)]


def test_sixteen_bit_upload_matches_a_block_mean_of_its_pixels():
    out = read_upload(UPLOADS["gray16"][1]())
    raw = np.asarray(Image.open(io.BytesIO(UPLOADS["gray16"][1]())), dtype=np.float64)
    ref = block_mean(raw / raw.max(), out.shape)
    assert out.shape == (256, 256)
    np.testing.assert_allclose(out, ref, atol=0.02)  # 8-bit steps, then a Lanczos resample


def test_transparent_pixels_of_a_large_rgba_upload_are_white():
    a = np.zeros((3000, 3000, 4), np.uint8)
    a[:, :1500] = (0, 0, 0, 255)  # opaque black left half, fully transparent right half
    buf = io.BytesIO()
    Image.fromarray(a).save(buf, format="PNG")
    out = read_upload(buf.getvalue())
    assert out[:, :100].max() < 0.02 and out[:, -100:].min() > 0.98


@pytest.mark.parametrize("side", [300, 3000])  # below and above the shrink-before-convert size
def test_exif_orientation_is_applied(side):
    a = np.zeros((side, side * 2), np.uint8)
    a[: side // 4] = 255  # a bright band along the top of the stored pixels
    img = Image.fromarray(a)
    exif = img.getexif()
    exif[0x0112] = 6  # stored rotated: shown turned 90° clockwise, so the band is on the right
    buf = io.BytesIO()
    img.save(buf, format="JPEG", exif=exif, quality=95)
    out = read_upload(buf.getvalue())
    assert out.shape[0] > out.shape[1]  # portrait after rotation
    assert out[:, -5:].mean() > 0.9 and out[:, :5].mean() < 0.1


@pytest.mark.integration  # a subprocess per upload, its peak memory measured
@pytest.mark.parametrize("kind", ACCEPTED)
def test_one_accepted_upload_adds_less_than_the_budget_at_its_peak(kind):
    result = measure_upload(UPLOADS[kind][1]())
    assert "code" not in result and not result["warnings"]
    assert result["peak_mb"] < BUDGET_MB, f"{kind}: {result['peak_mb']:.0f} MB"
