"""A small CNN trained on scikit-learn's 8×8 digits, to show what first-layer filters learn."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

# torch.optim imports torch._dynamo at the first optimizer (~2 s cold): pay that at page load, not while training.
import torch._dynamo
import torch.nn.functional as F
from torch import nn

from core.cnn.conv import KERNELS
from core.common.init import init_like_torch
from core.common.sampling import stratified_split
from core.common.shipped import digits
from core.digits.evaluate import confusion_matrix

FILTERS = 8  # first-layer filters, each 3×3
EPOCHS = 15
BATCH = 64
LR = 0.01
TEST_SHARE = 0.25


class DigitCNN(nn.Module):
    """conv 3×3 (1→8, padding 1) → ReLU → 2×2 max-pool → linear 8·4·4 → 10 classes."""

    def __init__(self, g: torch.Generator):
        super().__init__()
        self.conv = nn.Conv2d(1, FILTERS, 3, padding=1)
        self.fc = nn.Linear(FILTERS * 4 * 4, 10)
        init_like_torch(self, g)  # the layers' default init, drawn from g: concurrent sessions share no randomness

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # x: (B, 1, 8, 8)
        h = F.max_pool2d(F.relu(self.conv(x)), 2)  # (B, 8, 4, 4)
        return self.fc(h.flatten(1))  # (B, 10) logits


@dataclass(frozen=True)
class TrainedCNN:
    filters: np.ndarray  # (EPOCHS+1, FILTERS, 3, 3) first-layer weights at init and after each epoch
    bias: np.ndarray  # (FILTERS,) final first-layer bias
    losses: np.ndarray  # (EPOCHS,) mean training cross-entropy per epoch
    test_acc: np.ndarray  # (EPOCHS,) test accuracy after each epoch
    confusion: np.ndarray  # (10, 10) counts: row = true digit, column = predicted
    test_images: np.ndarray  # (N, 8, 8) test digits scaled to [0, 1]
    test_labels: np.ndarray  # (N,)
    test_pred: np.ndarray  # (N,) final predictions


def train_digit_cnn(seed: int, progress: Callable[[int, int, float], None] | None = None) -> TrainedCNN:
    """Train DigitCNN with Adam on load_digits (75 % train, 25 % test); ``progress(epoch, epochs, acc)``."""
    pixels, y = digits()
    x = pixels.reshape(-1, 8, 8).astype(np.float32) / 16.0  # (1797, 8, 8)
    train, test = stratified_split(y, TEST_SHARE, seed)
    x_tr, x_te, y_tr, y_te = x[train], x[test], y[train], y[test]
    xt, yt = torch.from_numpy(x_tr)[:, None], torch.from_numpy(y_tr)  # (n, 1, 8, 8), (n,)
    xe, ye = torch.from_numpy(x_te)[:, None], torch.from_numpy(y_te)
    g = torch.Generator().manual_seed(seed)
    model = DigitCNN(g)
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    filters = [model.conv.weight.detach()[:, 0].clone().numpy()]
    losses, accs = [], []
    for epoch in range(EPOCHS):
        model.train()
        total = 0.0
        for idx in torch.randperm(len(xt), generator=g).split(BATCH):
            optimizer.zero_grad()
            loss = F.cross_entropy(model(xt[idx]), yt[idx])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(idx)
        model.eval()
        with torch.no_grad():
            pred = model(xe).argmax(1)
        losses.append(total / len(xt))
        accs.append((pred == ye).float().mean().item())
        filters.append(model.conv.weight.detach()[:, 0].clone().numpy())
        if progress:
            progress(epoch + 1, EPOCHS, accs[-1])
    return TrainedCNN(
        filters=np.stack(filters),
        bias=model.conv.bias.detach().numpy().copy(),
        losses=np.array(losses),
        test_acc=np.array(accs),
        confusion=confusion_matrix(y_te, pred.numpy()),
        test_images=x_te,
        test_labels=y_te,
        test_pred=pred.numpy(),
    )


def learned_maps(run: TrainedCNN, index: int) -> tuple[np.ndarray, np.ndarray]:
    """First-layer ReLU maps (FILTERS, 8, 8) of test digit ``index`` and their 2×2 max-pool (FILTERS, 4, 4)."""
    x = torch.from_numpy(run.test_images[index]).float()[None, None]  # (1, 1, 8, 8)
    w = torch.from_numpy(run.filters[-1]).float()[:, None]  # (FILTERS, 1, 3, 3)
    with torch.no_grad():
        maps = F.relu(F.conv2d(x, w, torch.from_numpy(run.bias).float(), padding=1))
        pooled = F.max_pool2d(maps, 2)
    return maps[0].numpy(), pooled[0].numpy()


MATCH = 0.8  # a learned filter is named after a classic kernel only when |cos| reaches this


def closest_kernels(filters: np.ndarray) -> tuple[list[str | None], np.ndarray]:
    """For each 3×3 filter, the hand-made kernel with the largest |cosine similarity| (None below MATCH),
    and that signed cosine."""
    names = [n for n, k in KERNELS.items() if k.shape == (3, 3)]
    bank = np.stack([KERNELS[n].ravel() for n in names])  # (K, 9)
    bank = bank / np.linalg.norm(bank, axis=1, keepdims=True)
    flat = filters.reshape(len(filters), -1)  # (F, 9)
    cos = flat @ bank.T / np.maximum(np.linalg.norm(flat, axis=1, keepdims=True), 1e-12)  # (F, K)
    best = np.abs(cos).argmax(axis=1)
    best_cos = cos[np.arange(len(flat)), best]  # (F,)
    return [names[i] if abs(c) >= MATCH else None for i, c in zip(best, best_cos, strict=True)], best_cos
