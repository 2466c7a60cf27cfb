"""Convolution, pooling and the sliding window against scipy/numpy; uploads; the digit CNN against sklearn/torch."""

import io
import struct
import threading
import zlib

import numpy as np
import pytest
import torch
from PIL import Image
from scipy.signal import correlate2d
from sklearn.metrics import confusion_matrix

from core.cnn.conv import (
    CUSTOM_DEFAULT,
    KERNELS,
    KernelError,
    convolve,
    format_custom,
    output_size,
    parse_custom,
    resize_kernel,
    sliding_window,
)
from core.cnn.digits import EPOCHS, FILTERS, MATCH, closest_kernels, learned_maps, train_digit_cnn
from core.cnn.images import (
    IMAGES,
    MAX_UPLOAD_BYTES,
    PATCH,
    WORK_SIDE,
    UploadError,
    load_image,
    patch_of,
    read_upload,
)

TOL = 1e-5  # conv2d runs in float32 on values of order 1
RNG = np.random.default_rng(7)
IMAGE = RNG.uniform(0, 1, size=(13, 17))  # odd, non-square: row/column mix-ups show
CUSTOM5 = RNG.normal(size=(5, 5))


def reference_conv(image, kernel, stride, padding, dilation):
    """scipy's cross-correlation of the zero-padded image with the dilated kernel, kept every stride."""
    k = kernel.shape[0]
    dilated = np.zeros((dilation * (k - 1) + 1,) * 2)
    dilated[::dilation, ::dilation] = kernel
    full = correlate2d(np.pad(image, padding), dilated, mode="valid")
    return full[::stride, ::stride]


GRID = [(s, p, d) for s in (1, 2, 3) for p in (0, 1, 2) for d in (1, 2, 3)]


@pytest.mark.parametrize("name", [*KERNELS, "custom5"])
def test_convolution_matches_scipy_for_every_kernel_and_setting(name):
    kernel = CUSTOM5 if name == "custom5" else KERNELS[name]
    for s, p, d in GRID:
        ref = reference_conv(IMAGE, kernel, s, p, d)
        maps = convolve(IMAGE, kernel, s, p, d)
        assert maps.out.shape == ref.shape, (s, p, d)
        np.testing.assert_allclose(maps.out, ref, atol=TOL, err_msg=f"{name} s={s} p={p} d={d}")


@pytest.mark.parametrize(("h", "w"), [(13, 17), (8, 8), (171, 256), (5, 9)])
def test_shape_formula_matches_the_actual_output(h, w):
    image = np.zeros((h, w))
    for k in (3, 5):
        for s in (1, 2, 3, 4):
            for p in (0, 1, 2, 4):
                for d in (1, 2, 4):
                    ho, wo = output_size(h, k, s, p, d), output_size(w, k, s, p, d)
                    if min(ho, wo) <= 0:
                        assert d * (k - 1) + 1 > min(h, w) + 2 * p  # the dilated kernel does not fit
                        continue
                    layer = torch.nn.Conv2d(1, 1, k, stride=s, padding=p, dilation=d, device="meta")
                    expected = layer(torch.zeros(1, 1, h, w, device="meta")).shape[-2:]  # shapes only
                    assert (ho, wo) == tuple(expected)
                    if h * w < 200:
                        assert convolve(image, np.ones((k, k)), s, p, d).out.shape == (ho, wo)


def test_relu_and_pooling_match_numpy():
    maps = convolve(IMAGE, KERNELS["laplacian"], 1, 1, 1)  # 13×17 output: odd sizes drop the last row/column
    np.testing.assert_array_equal(maps.relu, np.maximum(maps.out, 0))
    h, w = (n // 2 * 2 for n in maps.relu.shape)
    blocks = maps.relu[:h, :w].reshape(h // 2, 2, w // 2, 2).max(axis=(1, 3))
    np.testing.assert_array_equal(maps.pooled, blocks)
    assert maps.pooled.shape == (6, 8)
    tiny = convolve(np.ones((3, 7)), KERNELS["box_blur"], 1, 0, 1)  # a 1×5 map has no 2×2 block
    assert tiny.out.shape == (1, 5) and tiny.pooled.size == 0


@pytest.mark.parametrize(("s", "p", "d"), [(1, 0, 1), (2, 1, 1), (1, 2, 2), (3, 1, 1), (1, 4, 1)])
def test_sliding_window_products_sum_to_each_output_cell(s, p, d):
    patch = RNG.uniform(0, 1, size=(PATCH, PATCH))
    kernel = KERNELS["sobel_x"]
    sw = sliding_window(patch, kernel, s, p, d)
    ref = reference_conv(patch, kernel, s, p, d)
    np.testing.assert_allclose(sw.out, ref, atol=TOL)
    assert len(sw.cells) <= 60 and sw.cells[0] == 0 and sw.cells[-1] == ref.size - 1
    assert np.all(np.diff(sw.cells) > 0)
    for j, cell in enumerate(sw.cells):
        i, jj = divmod(int(cell), ref.shape[1])
        np.testing.assert_allclose(sw.products[j].sum(), ref[i, jj], atol=TOL)
        assert sw.rows[j][0] == i * s and sw.cols[j][0] == jj * s and np.all(np.diff(sw.rows[j]) == d)
    np.testing.assert_array_equal(sw.padded[p : p + PATCH, p : p + PATCH], patch)
    assert sw.padded.sum() == pytest.approx(patch.sum())  # the border is zeros


def test_custom_kernel_parsing():
    np.testing.assert_array_equal(parse_custom(CUSTOM_DEFAULT), [[0, -1, 0], [-1, 4, -1], [0, -1, 0]])
    assert parse_custom(" 1; 2 3,4,5 ,6,7,8,9 ").tolist() == [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert parse_custom(",".join(["0.5"] * 25)).shape == (5, 5)
    for text, code in [
        ("1,2,3", "count"),
        ("", "count"),
        ("1,2,x,4,5,6,7,8,9", "not_numbers"),
        ("1,2,3,4,nan,6,7,8,9", "range"),
        ("1,2,3,4,inf,6,7,8,9", "range"),
        ("1,2,3,4,500,6,7,8,9", "range"),
        ("😀,안녕", "not_numbers"),
    ]:
        with pytest.raises(KernelError) as err:
            parse_custom(text)
        assert err.value.code == code, text


def test_format_and_resize_round_trip():
    for name in ("sobel_x", "emboss", "laplacian"):
        np.testing.assert_array_equal(parse_custom(format_custom(KERNELS[name])), KERNELS[name])
    np.testing.assert_allclose(
        parse_custom(format_custom(KERNELS["gaussian_blur"])), KERNELS["gaussian_blur"], rtol=1e-3
    )
    big = resize_kernel(KERNELS["sobel_x"], 5)
    assert big.shape == (5, 5) and big[1:4, 1:4].tolist() == KERNELS["sobel_x"].tolist() and big.sum() == 0
    np.testing.assert_array_equal(resize_kernel(big, 3), KERNELS["sobel_x"])


def test_builtin_images():
    for name in IMAGES:
        img = load_image(name)
        assert img.ndim == 2 and max(img.shape) <= WORK_SIDE and img.min() >= 0 and img.max() <= 1
        assert img.std() > 0.05, name
        assert patch_of(img).shape == (PATCH, PATCH)
    digit = load_image("digit")
    np.testing.assert_array_equal(patch_of(digit), digit)
    china = load_image("china")
    patch = patch_of(china)
    crops = np.lib.stride_tricks.sliding_window_view(china, (PATCH, PATCH))
    hits = np.argwhere((crops == patch).all(axis=(2, 3)))
    assert len(hits) >= 1  # a crop at full resolution, not a resampled copy
    assert patch.std() >= crops[::2, ::2].std(axis=(2, 3)).max() - 1e-12
    assert patch_of(np.ones((4, 6))).shape == (PATCH, PATCH)
    assert load_image("china").shape == (171, 256)
    stripes = load_image("stripes")
    out = convolve(stripes, KERNELS["sobel_x"], 1, 0, 1).out
    left, right = out[:, :60], out[:, 68:]
    assert np.abs(left).max() > 1 and np.abs(right).max() == 0  # vertical stripes only on the left
    with pytest.raises(KeyError):
        load_image("nope")


def png_bytes(array) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(array).save(buf, format="PNG")
    return buf.getvalue()


def png_header_only(w: int, h: int) -> bytes:
    """A PNG that declares w×h pixels in its header and carries one tiny IDAT chunk."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def upload_code(data: bytes) -> str:
    with pytest.raises(UploadError) as err:
        read_upload(data)
    return err.value.code


def test_valid_uploads_are_decoded_to_grayscale():
    gradient = np.tile(np.arange(200, dtype=np.uint8), (100, 1))
    img = read_upload(png_bytes(gradient))
    np.testing.assert_allclose(img, gradient / 255.0, atol=1e-12)
    rgb = np.zeros((600, 900, 3), dtype=np.uint8)
    rgb[:, 450:] = 255
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, format="JPEG", quality=95)
    jpeg = read_upload(buf.getvalue())
    assert max(jpeg.shape) == WORK_SIDE and jpeg.shape == (171, 256)
    assert jpeg[:, :100].mean() < 0.05 and jpeg[:, -100:].mean() > 0.95
    rgba = np.zeros((20, 20, 4), dtype=np.uint8)  # fully transparent: composited on white
    assert read_upload(png_bytes(rgba)).min() == 1.0
    deep = (np.arange(400, dtype=np.uint16).reshape(20, 20) * 100).astype(np.uint16)
    sixteen = read_upload(png_bytes(deep))
    assert sixteen.max() == 1.0 and sixteen.min() == 0.0


def test_bad_uploads_are_refused_before_decoding():
    good = png_bytes(np.zeros((20, 20), dtype=np.uint8))
    assert upload_code(b"") == "empty"
    assert upload_code(b"hello, this is a text file renamed to .png\n") == "not_image"
    assert upload_code(b"GIF89a" + b"\0" * 100) == "not_image"
    assert upload_code(good[:8] + b"\0" * (MAX_UPLOAD_BYTES + 1)) == "too_large"
    assert upload_code(good[: len(good) // 2]) == "corrupt"  # cut short
    broken = bytearray(good)
    broken[30] ^= 0xFF  # inside IHDR: its checksum no longer matches
    assert upload_code(bytes(broken)) == "corrupt"
    assert upload_code(b"\xff\xd8\xff\xe0" + b"\0" * 50) == "corrupt"  # a JPEG marker and nothing else
    assert upload_code(png_bytes(np.zeros((2, 30), dtype=np.uint8))) == "too_small"


def test_decompression_bombs_are_refused_from_the_header():
    # 6000×6000 zeros compress to a few kB but would decode to 36 MB: refused by our pixel limit.
    bomb = png_bytes(np.zeros((6000, 6000), dtype=np.uint8))
    assert len(bomb) < 100_000
    with pytest.raises(UploadError) as err:
        read_upload(bomb)
    assert err.value.code == "too_many_pixels" and err.value.info["w"] == 6000
    # Headers far past PIL's own bomb limits are refused from our header read: PIL never opens them.
    assert upload_code(png_header_only(20_000, 20_000)) == "too_many_pixels"
    assert upload_code(png_header_only(7_000, 7_000)) == "too_many_pixels"


@pytest.fixture(scope="module")
def run0():
    return train_digit_cnn(0)


def test_cnn_reaches_95_percent_on_digits(run0):
    assert run0.test_acc[-1] >= 0.95
    assert run0.losses[-1] < run0.losses[0] / 4
    assert run0.filters.shape == (EPOCHS + 1, FILTERS, 3, 3)
    assert not np.allclose(run0.filters[0], run0.filters[-1])


def test_confusion_matrix_and_accuracy_match_sklearn(run0):
    ref = confusion_matrix(run0.test_labels, run0.test_pred, labels=range(10))
    np.testing.assert_array_equal(run0.confusion, ref)
    assert np.trace(ref) / ref.sum() == pytest.approx(run0.test_acc[-1], abs=1e-6)
    assert len(run0.test_labels) == 450


def test_learned_maps_match_torch_layers_with_copied_weights(run0):
    conv = torch.nn.Conv2d(1, FILTERS, 3, padding=1).double()
    with torch.no_grad():
        conv.weight.copy_(torch.from_numpy(run0.filters[-1].astype(np.float64))[:, None])
        conv.bias.copy_(torch.from_numpy(run0.bias.astype(np.float64)))
    for index in (0, 17, 449):
        x = torch.from_numpy(run0.test_images[index].astype(np.float64))[None, None]
        with torch.no_grad():
            ref = torch.nn.ReLU()(conv(x))
            pooled = torch.nn.MaxPool2d(2)(ref)
        maps, got_pooled = learned_maps(run0, index)
        np.testing.assert_allclose(maps, ref[0].numpy(), atol=TOL)
        np.testing.assert_allclose(got_pooled, pooled[0].numpy(), atol=TOL)


def test_training_is_seeded_and_thread_safe(run0):
    results = {}

    def work(s):
        results[s] = train_digit_cnn(s)

    threads = [threading.Thread(target=work, args=(s,)) for s in (0, 1)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    np.testing.assert_array_equal(results[0].filters, run0.filters)
    np.testing.assert_array_equal(results[0].test_pred, run0.test_pred)
    assert not np.array_equal(results[1].filters[0], run0.filters[0])
    assert results[1].test_acc[-1] >= 0.95


def test_closest_kernels_by_cosine():
    filters = np.stack([-2 * KERNELS["sobel_x"], KERNELS["sobel_y"] + 0.01, KERNELS["laplacian"]])
    names, cos = closest_kernels(filters)
    assert names == ["sobel_x", "sobel_y", "laplacian"]
    np.testing.assert_allclose(cos, [-1, 1, 1], atol=1e-3)


def test_a_filter_is_named_after_a_classic_kernel_only_when_abs_cos_reaches_0_8():
    sobel = KERNELS["sobel_x"] / np.linalg.norm(KERNELS["sobel_x"])
    other = np.eye(3)[::-1] - np.eye(3)  # anti-diagonal minus diagonal: orthogonal to the sobel pattern
    other = other / np.linalg.norm(other)
    assert abs((sobel * other).sum()) < 1e-12
    # a mix with cosine c to sobel_x: c·sobel + √(1 − c²)·other
    filters = np.stack([c * sobel + np.sqrt(1 - c * c) * other for c in (0.95, 0.81, -0.81, 0.79, 0.3)])
    names, cos = closest_kernels(filters)
    assert names[:3] == ["sobel_x", "sobel_x", "sobel_x"]
    assert names[3:] == [None, None]
    np.testing.assert_allclose(np.abs(cos[:3]), [0.95, 0.81, 0.81], atol=1e-9)
    assert MATCH == 0.8
