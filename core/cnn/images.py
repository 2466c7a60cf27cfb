"""Grayscale input images: scikit-learn's photos and digits, generated shapes, and checked uploads."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, UnidentifiedImageError

from core.common.errors import CodedError
from core.common.shipped import PHOTOS, digits, photo

WORK_SIDE = 256  # longest side the page filters at: edges stay visible, charts stay small
PATCH = 8  # side of the sliding-window patch (a digit's native size)
DIGIT_INDEX = 3  # the sample digit shown as an input image (a "3")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # below the server's maxUploadSize (6 MB): files just over it get our message
MAX_UPLOAD_PIXELS = 25_000_000  # width × height read from the header, before any decoding
MIN_UPLOAD_SIDE = 4
MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "jpeg": b"\xff\xd8\xff"}
IMAGES = ("china", "flower", "digit", "shapes", "stripes")


class UploadError(CodedError):
    """An upload that is not a usable PNG/JPEG."""


def _fit(img: Image.Image, side: int = WORK_SIDE) -> np.ndarray:
    """A grayscale PIL image shrunk to fit side×side (never enlarged), as float64 in [0, 1]."""
    img = img.copy()
    img.thumbnail((side, side), Image.Resampling.LANCZOS)
    return np.asarray(img, dtype=np.float64) / 255.0


def _shapes(n: int = 128) -> np.ndarray:
    """A square, a disc, a triangle and a thin diagonal: edges in every direction."""
    y, x = np.mgrid[0:n, 0:n] / n
    img = np.full((n, n), 0.1)
    img[(x > 0.1) & (x < 0.4) & (y > 0.1) & (y < 0.4)] = 0.9
    img[(x - 0.72) ** 2 + (y - 0.27) ** 2 < 0.17**2] = 0.6
    img[(y > 0.55) & (y < 0.9) & (np.abs(x - 0.3) < (y - 0.55) * 0.6)] = 1.0
    img[(np.abs(x - y) < 0.012) & (x > 0.55)] = 0.8
    return img


def _stripes(n: int = 128, period: int = 16) -> np.ndarray:
    """Vertical stripes on the left half, horizontal stripes on the right: one half per Sobel direction."""
    y, x = np.mgrid[0:n, 0:n]
    vertical = (x // (period // 2)) % 2
    horizontal = (y // (period // 2)) % 2
    return np.where(x < n // 2, vertical, horizontal).astype(np.float64)


def load_image(name: str) -> np.ndarray:
    """The built-in image ``name`` (one of IMAGES) as a grayscale (H, W) array in [0, 1]."""
    if name in PHOTOS:
        return _fit(Image.fromarray(photo(name)).convert("L"))
    if name == "digit":
        return digits()[0][DIGIT_INDEX].reshape(8, 8) / 16.0
    if name == "shapes":
        return _shapes()
    if name == "stripes":
        return _stripes()
    raise KeyError(name)


def patch_of(image: np.ndarray, side: int = PATCH) -> np.ndarray:
    """The side×side crop of ``image`` (at full resolution) whose pixels vary most: an edge runs through it."""
    h, w = image.shape
    if min(h, w) < side:
        return np.pad(image, ((0, max(side - h, 0)), (0, max(side - w, 0))))[:side, :side].copy()
    windows = np.lib.stride_tricks.sliding_window_view(image, (side, side))[::2, ::2]  # (h', w', side, side)
    i, j = np.unravel_index(windows.std(axis=(2, 3)).argmax(), windows.shape[:2])
    return windows[i, j].copy()


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}  # JPEG frame headers
_STANDALONE = {0x01, *range(0xD0, 0xD9)}  # JPEG markers without a length field
_ORIENT = {2: "FLIP_LEFT_RIGHT", 3: "ROTATE_180", 4: "FLIP_TOP_BOTTOM", 5: "TRANSPOSE", 6: "ROTATE_270",
           7: "TRANSVERSE", 8: "ROTATE_90"}  # fmt: skip  # EXIF orientation -> the transpose that undoes it


def header_size(data: bytes, kind: str) -> tuple[int, int]:
    """(width, height) read from the PNG IHDR or the JPEG frame header, before Pillow sees the file."""
    if kind == "png":
        if data[12:16] != b"IHDR":
            raise UploadError("corrupt")
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    i = 2
    while i + 9 <= len(data):
        if data[i] != 0xFF:
            break
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
        elif marker in _STANDALONE:
            i += 2
        elif marker in _SOF:
            return int.from_bytes(data[i + 7 : i + 9], "big"), int.from_bytes(data[i + 5 : i + 7], "big")
        else:
            i += 2 + int.from_bytes(data[i + 2 : i + 4], "big")
    raise UploadError("corrupt")


def _to_gray(img: Image.Image) -> Image.Image:
    """A small image of any mode as 8-bit grayscale, transparency composited on white."""
    if img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        a = np.asarray(img, dtype=np.float32)
        top = a.max() if a.max() > 0 else 1.0
        return Image.fromarray(np.uint8(np.clip(a / top, 0, 1) * 255))
    if img.mode in ("RGBA", "LA", "P", "PA"):
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("L")
    return img.convert("L")


def _decode_small(img: Image.Image, kind: str) -> Image.Image:
    """Decode ``img`` in its own mode (≤ 4 bytes a pixel), then shrink to 2×WORK_SIDE before any conversion."""
    if kind == "jpeg":
        img.draft("L", (2 * WORK_SIDE, 2 * WORK_SIDE))  # the JPEG decoder itself skips detail (1/2 … 1/8 scale)
    orientation = img.getexif().get(0x0112)
    img.load()
    w, h = img.size
    scale = 2 * WORK_SIDE / max(w, h)
    if scale < 1:  # box filter over whole pixels: every copy from here on is small
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        if img.mode in ("LA", "RGBA"):  # resize() would premultiply alpha in a full-size copy: one band at a time
            img = Image.merge(img.mode, [img.getchannel(b).resize(size, Image.Resampling.BOX) for b in img.getbands()])
        else:  # palette indices cannot be averaged
            img = img.resize(size, Image.Resampling.NEAREST if img.mode in ("P", "PA") else Image.Resampling.BOX)
    if orientation in _ORIENT:
        img = img.transpose(getattr(Image.Transpose, _ORIENT[orientation]))
    return img


def read_upload(data: bytes) -> np.ndarray:
    """A PNG/JPEG upload as a grayscale (H, W) array in [0, 1], checked before decoding; raises UploadError."""
    if not data:
        raise UploadError("empty")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError("too_large", mb=len(data) / 2**20, limit=MAX_UPLOAD_BYTES / 2**20)
    kind = next((k for k, magic in MAGIC.items() if data.startswith(magic)), None)
    if kind is None:
        raise UploadError("not_image")
    # Our own size check, from the header bytes: Pillow never opens (nor warns about) a file we refuse.
    w, h = header_size(data, kind)
    if w * h > MAX_UPLOAD_PIXELS:
        raise UploadError("too_many_pixels", w=w, h=h, limit=MAX_UPLOAD_PIXELS / 1e6)
    if min(w, h) < MIN_UPLOAD_SIDE:
        raise UploadError("too_small", w=w, h=h, side=MIN_UPLOAD_SIDE)
    try:
        with Image.open(io.BytesIO(data), formats=[kind.upper()]) as img:
            if img.size != (w, h):
                raise UploadError("corrupt")
            img.verify()  # chunk checksums and structure, still without decoding pixels
        with Image.open(io.BytesIO(data), formats=[kind.upper()]) as img:
            gray = _to_gray(_decode_small(img, kind))
    except Image.DecompressionBombError as err:
        raise UploadError("bomb") from err
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as err:
        raise UploadError("corrupt") from err
    return _fit(gray)
