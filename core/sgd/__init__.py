"""Minibatch SGD (chapter 10): batch size, gradient noise and epochs on a two-parameter regression."""

from core.sgd.data import Data, loss_fn, loss_surface, make_data, optimum
from core.sgd.noise import GradientNoise, gradient_noise, per_batch_gradients, shrink
from core.sgd.train import (
    BATCHES,
    CLOUDS,
    TASKS,
    Path,
    SGDConfig,
    SGDRun,
    batch_size,
    iteration_of,
    path_losses,
    run_sgd,
    sgd_path,
)

__all__ = [
    "BATCHES",
    "CLOUDS",
    "TASKS",
    "Data",
    "GradientNoise",
    "Path",
    "SGDConfig",
    "SGDRun",
    "batch_size",
    "gradient_noise",
    "iteration_of",
    "loss_fn",
    "loss_surface",
    "make_data",
    "optimum",
    "path_losses",
    "per_batch_gradients",
    "run_sgd",
    "sgd_path",
    "shrink",
]
