"""The rule that labels a run slow / converging / oscillating / diverging (stated on the page, tested)."""

from __future__ import annotations

import numpy as np

SLOW_RATIO = 1e-3  # converging runs end with L − L_min at most this fraction of where they started
REVERSAL_SHARE = 0.5  # oscillating: at least this share of consecutive steps reverse along one eigen-direction


def reversal_share(paths: np.ndarray, last: np.ndarray, eigvecs: np.ndarray) -> np.ndarray:
    """(R,) for each run, the largest share over the Hessian's eigen-directions of step pairs that reverse there."""
    d = np.diff(paths, axis=1) @ eigvecs  # (R, n, 2) steps θ_{k+1} − θ_k in eigen-coordinates
    flips = d[:, :-1] * d[:, 1:] < 0  # (R, n−1, 2) step k+1 goes back against step k
    pairs = np.arange(flips.shape[1])  # pair j uses steps j and j+1: both inside the run when j+2 ≤ last
    valid = pairs[None, :] + 2 <= last[:, None]  # (R, n−1)
    count = np.maximum(valid.sum(axis=1), 1)
    return ((flips & valid[..., None]).sum(axis=1) / count[:, None]).max(axis=1)


def classify_runs(
    paths: np.ndarray,  # (R, n+1, 2)
    losses: np.ndarray,  # (R, n+1)
    stop_step: np.ndarray,  # (R,) −1 if the run finished
    final_rate: np.ndarray,  # (R,) the η of the last update
    loss_min: float,
    eigvals: np.ndarray,  # (2,) Hessian eigenvalues at θ_0, ascending
    eigvecs: np.ndarray,  # (2, 2) eigenvectors as columns
    quadratic: bool,
) -> np.ndarray:
    """(R,) label of each run, checked in this order.

    1. diverging: the run was stopped (inf/NaN, or |L| over 10⁶·max(1, |L_0|)), or it ended higher than it
       started, or, on a quadratic, its last η is above 2/λ_max so every further step grows the error.
    2. oscillating: along one eigen-direction of the Hessian at θ_0, at least half of the consecutive
       steps reverse (the step overshoots: on a quadratic that is η > 1/λ).
    3. slow: the gap L − L_min shrank by less than 1000× (L_n − L_min > 10⁻³·(L_0 − L_min)).
    4. converging: everything else.
    """
    steps = paths.shape[1] - 1
    last = np.where(stop_step >= 0, stop_step, steps)
    gap0 = losses[:, 0] - loss_min
    gap = losses[np.arange(len(losses)), last] - loss_min
    lam = float(eigvals[-1])
    over_limit = quadratic and lam > 0 and np.asarray(final_rate) > 2 / lam
    diverging = (stop_step >= 0) | (gap > gap0) | over_limit
    oscillating = reversal_share(paths, last, eigvecs) >= REVERSAL_SHARE
    slow = gap > SLOW_RATIO * gap0
    return np.select([diverging, oscillating, slow], ["diverging", "oscillating", "slow"], "converging")
