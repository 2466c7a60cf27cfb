"""Representation page: the autoencoder, PCA and the three probes its view caches."""

from dataclasses import replace

from core.digits.autoencoder import ReprConfig, train_autoencoder

PAGE = "representation"
DEFAULT = ReprConfig()

CASES = {
    "default": lambda: train_autoencoder(DEFAULT),
    "heaviest": lambda: train_autoencoder(replace(DEFAULT, hidden="128", epochs=200)),
}

run = train_autoencoder  # the page's compute for any config (benchmarks.cases.for_query)
