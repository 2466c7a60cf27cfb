"""The gradient of the linear model's loss written out by hand, beside torch.autograd's."""

from __future__ import annotations

import numpy as np
import torch

from core.classify.train import loss_and_accuracy


def linear_gradients(x: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """∂L/∂W = (P − Y)ᵀX / N and ∂L/∂b = mean(P − Y) for sigmoid+BCE (1 output) or softmax+CE."""
    z = x @ w.T + b  # (N, outputs)
    if w.shape[0] == 1:
        residual = (1 / (1 + np.exp(-z[:, 0])) - y)[:, None]  # σ(z) − y
    else:
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        residual = p - np.eye(w.shape[0])[y]  # softmax(z) − one-hot(y)
    return residual.T @ x / len(x), residual.mean(axis=0)


def autograd_gradients(x: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The same two gradients from torch.autograd through the page's own loss function."""
    w_t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    b_t = torch.tensor(b, dtype=torch.float64, requires_grad=True)
    logits = torch.from_numpy(x) @ w_t.T + b_t
    loss, _ = loss_and_accuracy(logits, torch.from_numpy(y))
    grad_w, grad_b = torch.autograd.grad(loss, (w_t, b_t))
    return grad_w.numpy(), grad_b.numpy()


def gradient_check(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Rows of the page's table: parameter names, ∂L/∂(w₁, w₂, b) by hand and by autograd, one row per parameter."""
    hand_w, hand_b = linear_gradients(x, y, w, b)
    auto_w, auto_b = autograd_gradients(x, y, w, b)
    hand, auto = np.column_stack([hand_w, hand_b]), np.column_stack([auto_w, auto_b])  # (outputs, 3)
    names = [
        f"{name}{'' if len(hand) == 1 else f' ({r})'}"
        for r in range(len(hand))
        for name in ("∂L/∂w₁", "∂L/∂w₂", "∂L/∂b")
    ]
    return names, hand.ravel(), auto.ravel()
