"""One convolution filter on one image with torch.nn.functional.conv2d: the feature map, ReLU, 2×2 max-pool."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from core.cnn.images import IMAGES, patch_of
from core.common.errors import CodedError
from core.common.params import choice, seed_field, slider, text_field
from core.common.plotdata import frame_steps

# Hand-made kernels. conv2d is a cross-correlation: the kernel is laid on the image as written.
KERNELS: dict[str, np.ndarray] = {
    "identity": np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=np.float64),
    "sobel_x": np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float64),
    "sobel_y": np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=np.float64),
    "laplacian": np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=np.float64),
    "box_blur": np.full((3, 3), 1 / 9),
    "gaussian_blur": np.outer([1, 4, 6, 4, 1], [1, 4, 6, 4, 1]) / 256.0,
    "sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=np.float64),
    "emboss": np.array([[-2, -1, 0], [-1, 1, 1], [0, 1, 2]], dtype=np.float64),
}
CUSTOM_DEFAULT = "0,-1,0,-1,4,-1,0,-1,0"  # an edge detector the user can start editing from
CUSTOM_LIMIT = 100.0  # |weight| accepted in a custom kernel
CUSTOM_SIZES = (3, 5)


class KernelError(CodedError):
    """A custom kernel text that is not 9 or 25 finite numbers."""


def parse_custom(text: str) -> np.ndarray:
    """The k×k kernel (k = 3 or 5) written as 9 or 25 numbers separated by commas, spaces or semicolons."""
    parts = [p for p in re.split(r"[,;\s]+", str(text).strip()) if p]
    try:
        values = np.array([float(p) for p in parts], dtype=np.float64)
    except ValueError as err:
        raise KernelError("not_numbers") from err
    if len(values) not in (k * k for k in CUSTOM_SIZES):
        raise KernelError("count", n=len(values))
    if not np.all(np.isfinite(values)) or np.abs(values).max() > CUSTOM_LIMIT:
        raise KernelError("range", limit=CUSTOM_LIMIT)
    k = math.isqrt(len(values))
    return values.reshape(k, k)


def format_custom(kernel: np.ndarray) -> str:
    """The URL form of a kernel: its rows, flattened, as short comma-separated numbers."""
    return ",".join(f"{float(v):.4g}" for v in np.asarray(kernel).ravel())


def edit_kernel(kernel: np.ndarray, edits: dict) -> np.ndarray:
    """``kernel`` with a grid editor's cell edits ({row: {col: value}}) put in: blank or non-finite cells
    become 0, every weight is clipped to ±CUSTOM_LIMIT."""
    w = np.array(kernel, dtype=np.float64)
    for row, cols in edits.items():
        for col, value in cols.items():
            w[int(row), int(col)] = float(value) if value is not None and np.isfinite(value) else 0.0
    return np.clip(w, -CUSTOM_LIMIT, CUSTOM_LIMIT)


def span(k: int, dilation: int) -> int:
    """Pixels a dilated k×k kernel covers along one axis: d(k−1) + 1."""
    return dilation * (k - 1) + 1


def resize_kernel(kernel: np.ndarray, k: int) -> np.ndarray:
    """``kernel`` zero-padded or centre-cropped to k×k (switching a custom kernel between 3×3 and 5×5)."""
    n = kernel.shape[0]
    if n == k:
        return kernel.copy()
    if n < k:
        m = (k - n) // 2
        return np.pad(kernel, m)
    m = (n - k) // 2
    return kernel[m : m + k, m : m + k].copy()


def output_size(n: int, k: int, stride: int, padding: int, dilation: int) -> int:
    """⌊(n + 2p − d(k−1) − 1)/s⌋ + 1: conv2d's output length along one axis (≤ 0: the kernel does not fit)."""
    return (n + 2 * padding - dilation * (k - 1) - 1) // stride + 1


@dataclass(frozen=True)
class FeatureMaps:
    kernel: np.ndarray  # (k, k) the weights used
    out: np.ndarray  # (Ho, Wo) conv2d output, the feature map
    relu: np.ndarray  # (Ho, Wo) max(0, out)
    pooled: np.ndarray  # (Ho//2, Wo//2) 2×2 max-pool of relu; empty when Ho or Wo < 2


def convolve(image: np.ndarray, kernel: np.ndarray, stride: int, padding: int, dilation: int) -> FeatureMaps:
    """Feature map of ``image`` (H, W) under ``kernel`` with F.conv2d, then ReLU and 2×2 max-pooling."""
    x = torch.as_tensor(image, dtype=torch.float32)[None, None]  # (1, 1, H, W): batch, channel
    w = torch.as_tensor(kernel, dtype=torch.float32)[None, None]  # (1, 1, k, k): out, in channels
    with torch.no_grad():
        out = F.conv2d(x, w, stride=stride, padding=padding, dilation=dilation)
        relu = F.relu(out)
        ho, wo = out.shape[-2:]
        pooled = F.max_pool2d(relu, 2) if min(ho, wo) >= 2 else relu[..., :0, :0]
    return FeatureMaps(
        np.asarray(kernel, dtype=np.float64), out[0, 0].numpy(), relu[0, 0].numpy(), pooled[0, 0].numpy()
    )


@dataclass(frozen=True)
class SlidingWindow:
    padded: np.ndarray  # (Hp, Wp) the patch with its zero border
    pad: int  # border width p
    kernel: np.ndarray  # (k, k)
    out: np.ndarray  # (Ho, Wo) the finished output, equal to F.conv2d on the patch
    cells: np.ndarray  # (K,) flat output index shown in each animation frame (row-major)
    rows: np.ndarray  # (K, k) padded-patch rows the kernel taps in each frame
    cols: np.ndarray  # (K, k) padded-patch columns it taps
    products: np.ndarray  # (K, k, k) element-wise products kernel ⊙ window; their sum is out at the cell


def sliding_window(patch: np.ndarray, kernel: np.ndarray, stride: int, padding: int, dilation: int) -> SlidingWindow:
    """The kernel's positions over a small ``patch``, one frame per output cell (≤ 60 frames, spread evenly)."""
    k = kernel.shape[0]
    padded = np.pad(np.asarray(patch, dtype=np.float64), padding)
    out = convolve(patch, kernel, stride, padding, dilation).out.astype(np.float64)
    ho, wo = out.shape
    cells = frame_steps(ho * wo - 1) if ho * wo > 0 else np.zeros(0, dtype=np.int64)
    taps = np.arange(k) * dilation  # (k,) offsets inside the dilated window
    rows = (cells // max(wo, 1))[:, None] * stride + taps  # (K, k)
    cols = (cells % max(wo, 1))[:, None] * stride + taps  # (K, k)
    products = padded[rows[:, :, None], cols[:, None, :]] * kernel  # (K, k, k)
    return SlidingWindow(padded, padding, np.asarray(kernel, dtype=np.float64), out, cells, rows, cols, products)


def patch_window(
    image: np.ndarray, kernel: np.ndarray, stride: int, padding: int, dilation: int
) -> SlidingWindow | None:
    """The sliding window over ``image``'s most varied 8×8 patch; None where the kernel does not fit the patch."""
    patch = patch_of(image)
    if output_size(len(patch), len(kernel), stride, padding, dilation) <= 0:
        return None
    return sliding_window(patch, kernel, stride, padding, dilation)


@dataclass(frozen=True)
class CnnConfig:
    """What /cnn-filters' controls hold: the image, the kernel (a preset or ?custom= weights) and the geometry."""

    image: str = choice("china", (*IMAGES, "upload"))
    kernel: str = choice("sobel_x", (*KERNELS, "custom"))
    stride: int = slider(1, 1, 4)
    padding: int = slider(0, 0, 4)
    dilation: int = slider(1, 1, 4)
    custom: str = text_field(CUSTOM_DEFAULT, max_chars=600)  # drawn by the kernel editor, only for "custom"
    seed: int = seed_field()  # the digit CNN's training

    def output_shape(self, image_shape: tuple[int, int], k: int) -> tuple[int, int]:
        """(Ho, Wo) of a k×k kernel over an image of ``image_shape``; ≤ 0 where the kernel does not fit."""
        return tuple(output_size(n, k, self.stride, self.padding, self.dilation) for n in image_shape)


@dataclass(frozen=True)
class Filtered:
    maps: FeatureMaps
    window: SlidingWindow | None  # None where the kernel does not fit the 8×8 patch


def filter_image(image: np.ndarray, kernel: np.ndarray, cfg: CnnConfig) -> Filtered:
    """``kernel`` over ``image`` with the config's stride, padding and dilation, and over its most varied patch."""
    geometry = (cfg.stride, cfg.padding, cfg.dilation)
    return Filtered(convolve(image, kernel, *geometry), patch_window(image, kernel, *geometry))
