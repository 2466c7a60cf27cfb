"""CNN-filters page: everything the view computes for one filter, and the digit CNN's training."""

import numpy as np

from core.cnn_filters import KERNELS, convolve, sliding_window
from core.cnn_filters_images import load_image, patch_of
from core.cnn_filters_train import train_digit_cnn

PAGE = "cnn-filters"
CHINA = load_image("china")  # the view caches each built-in image; a control change recomputes the rest
PHOTO_512 = np.random.default_rng(0).uniform(0, 1, size=(512, 512))  # the "filter on a 512-pixel image"


def _page(image: np.ndarray, kernel: str, stride: int, padding: int, dilation: int, train: bool = False) -> None:
    convolve(image, KERNELS[kernel], stride, padding, dilation)
    sliding_window(patch_of(image), KERNELS[kernel], stride, padding, dilation)
    if train:  # the "Train the CNN" button
        train_digit_cnn(0)


CASES = {
    "default": lambda: _page(CHINA, "sobel_x", 1, 0, 1),
    "heaviest": lambda: _page(PHOTO_512, "gaussian_blur", 1, 4, 1, train=True),
}
