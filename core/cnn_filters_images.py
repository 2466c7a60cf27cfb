"""Grayscale input images: scikit-learn's photos and digits, generated shapes, and checked uploads."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError
from sklearn.datasets import load_digits, load_sample_images

WORK_SIDE = 256  # longest side the page filters at: edges stay visible, charts stay small
PATCH = 8  # side of the sliding-window patch (a digit's native size)
DIGIT_INDEX = 3  # the sample digit shown as an input image (a "3")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # the server's maxUploadSize, checked again here
MAX_UPLOAD_PIXELS = 25_000_000  # width × height read from the header, before any decoding
MIN_UPLOAD_SIDE = 4
MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "jpeg": b"\xff\xd8\xff"}
IMAGES = ("china", "flower", "digit", "shapes", "stripes")


class UploadError(Exception):
    """An upload that is not a usable PNG/JPEG; ``code`` names the problem for i18n, ``info`` fills it in."""

    def __init__(self, code: str, **info):
        super().__init__(code)
        self.code, self.info = code, info


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
    if name in ("china", "flower"):
        data = load_sample_images()
        rgb = data.images[[f.endswith(f"{name}.jpg") for f in data.filenames].index(True)]
        return _fit(Image.fromarray(rgb).convert("L"))
    if name == "digit":
        return load_digits().images[DIGIT_INDEX] / 16.0
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


def _to_gray(img: Image.Image) -> Image.Image:
    if img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        a = np.asarray(img, dtype=np.float64)
        top = a.max() if a.max() > 0 else 1.0
        return Image.fromarray(np.uint8(np.clip(a / top, 0, 1) * 255))
    if img.mode in ("RGBA", "LA", "P", "PA"):
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("L")
    return img.convert("L")


def read_upload(data: bytes) -> np.ndarray:
    """A PNG/JPEG upload as a grayscale (H, W) array in [0, 1], checked before decoding; raises UploadError."""
    if not data:
        raise UploadError("empty")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError("too_large", mb=len(data) / 2**20, limit=MAX_UPLOAD_BYTES / 2**20)
    kind = next((k for k, magic in MAGIC.items() if data.startswith(magic)), None)
    if kind is None:
        raise UploadError("not_image")
    try:
        # open() reads only the header; PIL itself refuses a header far beyond MAX_IMAGE_PIXELS.
        with Image.open(io.BytesIO(data), formats=[kind.upper()]) as img:
            w, h = img.size
            if w * h > MAX_UPLOAD_PIXELS:
                raise UploadError("too_many_pixels", w=w, h=h, limit=MAX_UPLOAD_PIXELS / 1e6)
            if min(w, h) < MIN_UPLOAD_SIDE:
                raise UploadError("too_small", w=w, h=h, side=MIN_UPLOAD_SIDE)
            img.verify()  # chunk checksums and structure, still without decoding pixels
        with Image.open(io.BytesIO(data), formats=[kind.upper()]) as img:
            if kind == "jpeg":
                img.draft("L", (2 * WORK_SIDE, 2 * WORK_SIDE))  # decode at a reduced scale
            img.load()
            gray = _to_gray(ImageOps.exif_transpose(img))
    except Image.DecompressionBombError as err:
        raise UploadError("bomb") from err
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as err:
        raise UploadError("corrupt") from err
    return _fit(gray)
