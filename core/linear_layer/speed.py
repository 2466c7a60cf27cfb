"""A measured matmul sweep: time and GFLOP/s of n × n @ n × n on this machine's CPU (and GPU, where one exists)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

SIZES = (64, 128, 256, 512, 1024, 2048)
BUDGET_S = 3.0  # the whole sweep, every device
MIN_REPEAT_S = 0.02  # repeat a small product until this much time has passed, then take the fastest


@dataclass(frozen=True)
class Sweep:
    sizes: np.ndarray  # (S,)
    devices: tuple[str, ...]  # "cpu", and "cuda" where torch sees a GPU
    seconds: np.ndarray  # (D, S) fastest time of one product; NaN = skipped to stay within the budget
    gflops: np.ndarray  # (D, S) 2n³ / seconds / 10⁹
    threads: int  # torch.get_num_threads() during the sweep
    elapsed: float  # s, the whole sweep

    @property
    def measured(self) -> int:
        """How many sizes the CPU measured before the budget ran out."""
        return int(np.isfinite(self.seconds[0]).sum())

    @property
    def best(self) -> tuple[float, int]:
        """The CPU's highest GFLOP/s and the size it was reached at."""
        k = int(np.nanargmax(self.gflops[0]))
        return float(self.gflops[0, k]), int(self.sizes[k])

    @property
    def crossover(self) -> int | None:
        """The smallest size at which the GPU beats the CPU (None: no GPU, or it never does)."""
        if len(self.devices) < 2:
            return None
        faster = self.seconds[1] < self.seconds[0]
        return int(self.sizes[np.argmax(faster)]) if faster.any() else None


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def time_matmul(n: int, device: torch.device, g: torch.Generator) -> float:
    """Seconds of the fastest of a few (n × n) @ (n × n) on ``device``, after one warm-up product
    (the fastest: other programs on a shared machine only ever add time)."""
    a = torch.randn(n, n, generator=g).to(device)
    b = torch.randn(n, n, generator=g).to(device)
    a @ b  # warm-up: first-call allocation and kernel selection are not what we measure
    _sync(device)
    best, start = float("inf"), time.perf_counter()
    while time.perf_counter() - start < MIN_REPEAT_S:
        tick = time.perf_counter()
        a @ b
        _sync(device)
        best = min(best, time.perf_counter() - tick)
    return best


def matmul_sweep(sizes=SIZES, budget: float = BUDGET_S, seed: int = 0,
                 progress: Callable[[float, str], None] | None = None) -> Sweep:  # fmt: skip
    """Time n × n matrix products for each size on each device, within ``budget`` seconds in all.

    A size whose expected time (8× the previous size's product, twice, plus margin: 2n³ work) would pass
    the budget is skipped, and so are the larger ones (NaN).
    """
    devices = [torch.device("cpu")] + ([torch.device("cuda")] if torch.cuda.is_available() else [])
    seconds = np.full((len(devices), len(sizes)), np.nan)
    g = torch.Generator().manual_seed(seed)
    start, share = time.perf_counter(), budget / len(devices)
    for d, device in enumerate(devices):
        device_start, last = time.perf_counter(), None
        for s, n in enumerate(sizes):
            expected = 8 * 2 * last * 1.2 + 0.1 if last else 0.0  # warm-up + one timed product + making a, b
            if time.perf_counter() - device_start + expected > 0.95 * share:
                break
            last = seconds[d, s] = time_matmul(n, device, g)
            if progress:
                progress((d * len(sizes) + s + 1) / (len(devices) * len(sizes)), f"{device.type} {n}×{n}")
    sizes = np.array(sizes)
    return Sweep(sizes, tuple(dv.type for dv in devices), seconds, 2 * sizes.astype(float) ** 3 / seconds / 1e9,
                 torch.get_num_threads(), time.perf_counter() - start)  # fmt: skip
