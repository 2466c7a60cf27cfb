"""Minibatch SGD from one start with several batch sizes, for the same number of epochs."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
import torch

from core.common.grids import snapped
from core.common.params import choice, choices, number, seed_field, slider, toggle
from core.sgd.data import Data, loss_fn, loss_surface, make_data, optimum

BATCHES = ("1", "2", "4", "8", "16", "32", "64", "full")  # every one divides n (a multiple of 64)
TASKS = ("linear", "logistic")
CLOUDS = BATCHES[:6]  # 1 … 32: always fewer than n examples, so the cloud has a spread
MAX_FRAMES = 60
GRID = 70  # loss map: GRID × GRID points


@dataclass(frozen=True)
class SGDConfig:
    """What /sgd's controls hold (?batches=1,8,full&epochs=5&shuffle=false&...)."""

    batches: tuple = choices(("1", "8", "32", "full"), BATCHES, widget="pills")
    task: str = choice("linear", TASKS)
    epochs: int = slider(5, 1, 20)
    lr: float = number(0.05, 0.001, 1.0, 0.01, fmt="%.3f")
    n: int = slider(128, 64, 1024, 64)
    noise: float = slider(1.0, 0.0, 2.0, 0.1)
    shuffle: bool = toggle(True)
    w0: float = slider(-2.0, -4.0, 4.0, 0.1)
    b0: float = slider(3.0, -4.0, 4.0, 0.1)
    cloud: str = choice("8", CLOUDS)  # batch size of the gradient-noise cloud
    seed: int = seed_field()


def batch_size(batch: str, n: int) -> int:
    return n if batch == "full" else int(batch)


@dataclass(frozen=True)
class Path:
    batch: str
    size: int  # B
    per_epoch: int  # iterations per epoch, ⌈N / B⌉
    params: np.ndarray  # (T+1, 2) (w, b) after each iteration, row 0 the start
    stop: int | None  # first iteration whose loss was not finite (the run stopped there), else None
    epoch_seconds: np.ndarray  # (E,) measured wall time of each epoch


def sgd_path(data: Data, batch: str, cfg: SGDConfig, g: torch.Generator) -> Path:
    """Train (w, b) with torch.optim.SGD on minibatches of ``batch`` examples, reshuffled each epoch or not."""
    n = len(data.x)
    size = batch_size(batch, n)
    x, y = torch.from_numpy(data.x), torch.from_numpy(data.y)
    params = torch.tensor([cfg.w0, cfg.b0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([params], lr=cfg.lr)
    loss_of = loss_fn(data.task)
    per_epoch = math.ceil(n / size)  # equal batches when B divides N; else the last one is smaller
    path = torch.empty(cfg.epochs * per_epoch + 1, 2, dtype=torch.float64)
    path[0] = params.detach()
    k, stop, seconds = 0, None, []
    for _ in range(cfg.epochs):
        start = time.perf_counter()
        order = torch.randperm(n, generator=g) if cfg.shuffle else torch.arange(n)
        for idx in order.split(size):  # each example once per epoch
            opt.zero_grad()
            loss = loss_of(params, x[idx], y[idx])
            loss.backward()
            opt.step()
            k += 1
            path[k] = params.detach()
            if not torch.isfinite(path[k]).all() or path[k].abs().max() > 1e6:
                stop = k
                break
        seconds.append(time.perf_counter() - start)
        if stop is not None:
            break
    kept = path[:k] if stop is not None else path[: k + 1]  # a diverged run ends at its last finite point
    return Path(batch, size, per_epoch, kept.numpy().copy(), stop, np.array(seconds))


@dataclass(frozen=True)
class SGDRun:
    data: Data
    paths: tuple[Path, ...]  # one per chosen batch size, in BATCHES order
    optimum: np.ndarray | None  # (2,) the full-data minimiser, if it exists
    ws: np.ndarray  # (GRID,) loss map axes
    bs: np.ndarray  # (GRID,)
    surface: np.ndarray  # (GRID, GRID) full-data loss, row i = bs[i]
    progress: np.ndarray  # (F,) epochs done at each animation frame
    losses: tuple[np.ndarray, ...]  # per path (T+1,) full-data loss after each iteration


def _view(points: np.ndarray) -> tuple[float, float, float, float]:
    """A box around ``points`` (finite rows only), padded, at least 3 wide in each direction, its edges snapped
    outward to steps of about a twelfth of its size: an epoch more or less moves the paths a little and keeps
    the box, so the loss map under them stays the same picture (and the browser keeps it drawn)."""
    pts = points[np.all(np.isfinite(points), axis=1)]
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    centre, half = (lo + hi) / 2, np.maximum((hi - lo) / 2 * 1.15, 1.5)
    edges = [snapped(c - h, c + h) for c, h in zip(centre, half, strict=True)]
    return tuple(float(v) for pair in edges for v in pair)


def run_sgd(cfg: SGDConfig) -> SGDRun:
    """Every chosen batch size from the same start for ``cfg.epochs`` epochs, and the loss map under them."""
    data = make_data(cfg.task, cfg.n, cfg.noise, cfg.seed)
    paths = []
    for batch in cfg.batches:
        g = torch.Generator().manual_seed(cfg.seed)  # the same shuffles for every batch size
        paths.append(sgd_path(data, batch, cfg, g))
    best = optimum(data)
    stable = [p.params for p in paths if p.stop is None]  # a diverging path leaves the map, it does not stretch it
    box = _view(np.vstack([[cfg.w0, cfg.b0], *stable, *([best] if best is not None else [])]))
    ws, bs = np.linspace(box[0], box[1], GRID), np.linspace(box[2], box[3], GRID)
    ww, bb = np.meshgrid(ws, bs)
    return SGDRun(
        data=data,
        paths=tuple(paths),
        optimum=best,
        ws=ws,
        bs=bs,
        surface=loss_surface(data, ww, bb),
        progress=frame_progress(cfg.epochs),
        losses=tuple(path_losses(data, p.params) for p in paths),
    )


def frame_progress(epochs: int) -> np.ndarray:
    """Epochs done at each animation frame: every 1/8, 1/4, 1/2 or whole epoch, the finest within MAX_FRAMES."""
    per = next(p for p in (8, 4, 2, 1) if epochs * p + 1 <= MAX_FRAMES)
    return np.arange(epochs * per + 1) / per


def path_losses(data: Data, params: np.ndarray, chunk: int = 2048) -> np.ndarray:
    """(T+1,) the full-data loss at every point of a path (in chunks: T × N can be large)."""
    return np.concatenate(
        [loss_surface(data, c[:, 0], c[:, 1]) for c in np.array_split(params, max(1, len(params) // chunk))]
    )


def iteration_of(path: Path, epochs: float) -> int:
    """The last iteration done after ``epochs`` epochs (fractions count), within what was run."""
    return min(math.floor(epochs * path.per_epoch + 1e-9), len(path.params) - 1)
