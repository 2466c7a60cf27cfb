"""Classification losses: BCE/cross-entropy against p(true class), the saturating MSE-on-sigmoid gradient,
softmax with a temperature, and BCEWithLogitsLoss beside a naive log(sigmoid(z)) on large logits."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from core.losses import LossConfig

P_TRUE = np.linspace(0.005, 1.0, 200)
LOGITS = np.linspace(-10.0, 10.0, 201)
CLASS_LOGITS = (2.0, 1.0, 0.2, -1.0)  # a 4-class example; class 0 is the true one
WIDE = np.linspace(-120.0, 120.0, 241)  # large logits, where the naive formula breaks
TABLE_Z = (-120.0, -110.0, -50.0, -20.0, 0.0, 20.0, 40.0, 120.0)


def naive_bce(z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """−[y log σ(z) + (1 − y) log(1 − σ(z))], written as the formula reads (it overflows)."""
    p = torch.sigmoid(z)
    return -(y * torch.log(p) + (1 - y) * torch.log(1 - p))


@dataclass(frozen=True)
class ClassCurves:
    p: np.ndarray  # (P,) probability the model gives the true class
    ce: np.ndarray  # (P,) −log p: BCE with y = 1 and cross-entropy of the true class alike
    mse_p: np.ndarray  # (P,) (1 − p)²: MSE on the probability, for comparison
    z: np.ndarray  # (Z,) logits
    grad_bce: np.ndarray  # (Z,) dBCE/dz for y = 1 (autograd): σ(z) − 1
    grad_mse: np.ndarray  # (Z,) d(σ(z) − 1)²/dz for y = 1 (autograd): saturates when z ≪ 0
    class_logits: np.ndarray  # (C,)
    softmax: np.ndarray  # (C,) softmax(z / T)
    softmax_1: np.ndarray  # (C,) softmax(z), T = 1
    ce_t: float  # cross-entropy of class 0 at temperature T
    wide: np.ndarray  # (W,) large logits
    stable: np.ndarray  # (W,) BCEWithLogitsLoss for y = 1 in the chosen dtype
    naive: np.ndarray  # (W,) the naive formula for y = 1 (inf / nan where it breaks)
    table_z: np.ndarray  # (K,)
    table: np.ndarray  # (K, 4) naive loss, naive dL/dz, stable loss, stable dL/dz at table_z


def _loss_and_grad(fn, z: np.ndarray, dtype: torch.dtype) -> tuple[np.ndarray, np.ndarray]:
    zt = torch.tensor(z, dtype=dtype, requires_grad=True)
    loss = fn(zt, torch.ones_like(zt))
    (grad,) = torch.autograd.grad(loss.sum(), zt)
    return loss.detach().double().numpy(), grad.double().numpy()


def stable_bce(z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return torch.nn.BCEWithLogitsLoss(reduction="none")(z, y)


def mse_on_sigmoid(z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return F.mse_loss(torch.sigmoid(z), y, reduction="none")


def class_curves(cfg: LossConfig) -> ClassCurves:
    """The four classification panels' numbers for ``cfg.temperature`` and ``cfg.dtype``."""
    p = torch.tensor(P_TRUE, dtype=torch.float64)
    ce = F.binary_cross_entropy(p, torch.ones_like(p), reduction="none")
    mse_p = F.mse_loss(p, torch.ones_like(p), reduction="none")
    _, grad_bce = _loss_and_grad(stable_bce, LOGITS, torch.float64)
    _, grad_mse = _loss_and_grad(mse_on_sigmoid, LOGITS, torch.float64)
    z = torch.tensor(CLASS_LOGITS, dtype=torch.float64)
    softmax = torch.softmax(z / cfg.temperature, dim=0)
    ce_t = F.cross_entropy((z / cfg.temperature).unsqueeze(0), torch.tensor([0])).item()
    dtype = getattr(torch, cfg.dtype)
    stable, _ = _loss_and_grad(stable_bce, WIDE, dtype)
    with np.errstate(all="ignore"):
        naive, _ = _loss_and_grad(naive_bce, WIDE, dtype)
        table_z = np.array(TABLE_Z)
        table = np.column_stack(
            [*_loss_and_grad(naive_bce, table_z, dtype), *_loss_and_grad(stable_bce, table_z, dtype)]
        )
    return ClassCurves(
        p=P_TRUE.copy(),
        ce=ce.numpy(),
        mse_p=mse_p.numpy(),
        z=LOGITS.copy(),
        grad_bce=grad_bce,
        grad_mse=grad_mse,
        class_logits=z.numpy(),
        softmax=softmax.numpy(),
        softmax_1=torch.softmax(z, dim=0).numpy(),
        ce_t=ce_t,
        wide=WIDE.copy(),
        stable=stable,
        naive=naive,
        table_z=table_z,
        table=table,
    )
