"""CNN-filters page: everything the view computes for one filter (from its config), and the digit CNN's training."""

from dataclasses import replace

import numpy as np

from core.cnn.conv import KERNELS, CnnConfig, filter_image
from core.cnn.digits import train_digit_cnn
from core.cnn.images import load_image

PAGE = "cnn-filters"
CHINA = load_image("china")  # the view caches each built-in image; a control change recomputes the rest
PHOTO_512 = np.random.default_rng(0).uniform(0, 1, size=(512, 512))  # the "filter on a 512-pixel image"
DEFAULT = CnnConfig()
HEAVIEST = replace(DEFAULT, kernel="gaussian_blur", padding=4)


def _page(image: np.ndarray, cfg: CnnConfig, train: bool = False) -> None:
    filter_image(image, KERNELS[cfg.kernel], cfg)
    if train:  # the "Train the CNN" button
        train_digit_cnn(cfg.seed)


CASES = {"default": lambda: _page(CHINA, DEFAULT), "heaviest": lambda: _page(PHOTO_512, HEAVIEST, train=True)}
