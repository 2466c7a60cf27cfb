"""Results of a trained (or uploaded) model on the test set, and its prediction for a hand-drawn digit."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.digits.data import CLASSES, INK, SIDE, DigitsSplit
from core.digits.mlp import ProjectConfig, load_model

GALLERY = 24  # misclassified test digits shown at most
TOP = 3


@dataclass(frozen=True)
class Evaluation:
    probs: np.ndarray  # (n_test, 10) softmax probabilities, float32
    pred: np.ndarray  # (n_test,) argmax
    accuracy: float
    confusion: np.ndarray  # (10, 10) counts: row = true digit, column = predicted
    per_class: np.ndarray  # (10,) accuracy on the test images of each digit
    wrong: np.ndarray  # (m,) indices into the test set of misclassified digits, least confident first
    top: np.ndarray  # (m, TOP) the model's top-3 digits for each of them
    top_p: np.ndarray  # (m, TOP) their probabilities


def confusion_matrix(y: np.ndarray, pred: np.ndarray, classes: int = CLASSES) -> np.ndarray:
    """Counts of (true, predicted) pairs: row = true class, column = predicted class."""
    return np.bincount(y * classes + pred, minlength=classes * classes).reshape(classes, classes)


def predict_proba(cfg: ProjectConfig, state: dict, x: np.ndarray) -> np.ndarray:
    """Softmax probabilities (n, 10) of the MLP of ``cfg`` with weights ``state`` for raw images x (n, 64)."""
    net = load_model(cfg, state)
    with torch.no_grad():
        return torch.softmax(net(torch.from_numpy(np.asarray(x, np.float32))), dim=1).numpy()


def evaluate(cfg: ProjectConfig, state: dict, split: DigitsSplit) -> Evaluation:
    """Accuracy, confusion matrix, per-digit accuracy and the misclassified digits with their top 3."""
    probs = predict_proba(cfg, state, split.x_test)
    pred, y = probs.argmax(1), split.y_test
    confusion = confusion_matrix(y, pred)
    wrong = np.flatnonzero(pred != y)
    wrong = wrong[np.argsort(probs[wrong, y[wrong]], kind="stable")][:GALLERY]  # the most surprising first
    top = np.argsort(-probs[wrong], axis=1, kind="stable")[:, :TOP]
    return Evaluation(
        probs=probs,
        pred=pred,
        accuracy=float((pred == y).mean()),
        confusion=confusion,
        per_class=np.diag(confusion) / np.maximum(confusion.sum(axis=1), 1),
        wrong=wrong,
        top=top,
        top_p=np.take_along_axis(probs[wrong], top, axis=1),
    )


def drawn_image(cells: np.ndarray) -> np.ndarray:
    """The 8×8 canvas (ink levels 0..16) as one raw image row (1, 64), like load_digits' data."""
    return np.clip(np.asarray(cells, np.float32), 0, INK).reshape(1, SIDE * SIDE)
