"""/learning-rate: several rates side by side in one torch.optim.SGD driven by a real scheduler, and a 50-rate sweep."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import torch
from torch.optim import lr_scheduler

from core.common.params import choice, slider, text_field
from core.descent.engine import ScheduledSGD, TorchRule, Trace, descend
from core.descent.labels import classify_runs
from core.descent.surfaces import SURFACES, Grid, critical_rate, hessian, loss_floor, start_of, surface_grid, view_box

SCHEDULES = ("constant", "step", "exponential", "cosine", "warmup")
STEP_GAMMA = 0.5  # StepLR halves η every quarter of the run
EXP_END = 0.05  # ExponentialLR's γ is chosen so η ends at 5% of its start
WARMUP_START = 0.1  # LinearLR warm-up climbs from 10% of η to η over the first fifth of the run
MAX_RATES = 6
LR_MIN, LR_MAX = 1e-6, 10.0
MAX_CHARS = 200
LIMITS = {"max": MAX_RATES, "lo": f"{LR_MIN:.6f}", "hi": f"{LR_MAX:g}"}  # as the page's messages name them
SEPARATORS = re.compile(r"[,\s;，、；]+")  # commas (also full-width), semicolons, spaces
SWEEP_RATES = 50
SPAN_BELOW, SPAN_ABOVE = 10**2.5, 10**0.5  # sweep from 2/λ_max ÷ 316 to 2/λ_max × 3.16


@dataclass(frozen=True)
class RateConfig:
    """What /learning-rate's controls hold; the defaults are the bowl's preset (``surfaces.with_preset``)."""

    PAGE: ClassVar[str] = "lr"
    surface: str = choice("bowl", tuple(SURFACES), labels="gd.surface")
    lrs: str = text_field("0.05,0.2,0.9,1.1", max_chars=1000)  # validated by parse_lrs, with a message
    steps: int = slider(30, 1, 300)
    schedule: str = choice("constant", SCHEDULES, labels="lr.schedule_name")


@dataclass(frozen=True)
class ParsedRates:
    rates: tuple[float, ...]  # valid rates in the order typed, repeats dropped, at most MAX_RATES
    error: str | None  # None, "empty", "too_long", "not_number" or "out_of_range"
    bad: str  # the piece of text that caused ``error``
    truncated: bool  # more than MAX_RATES rates were typed; the first MAX_RATES are kept


def parse_lrs(text: str) -> ParsedRates:
    """Split ``text`` on commas and read each piece as a rate in [LR_MIN, LR_MAX]."""
    text = str(text or "")
    if len(text) > MAX_CHARS:
        return ParsedRates((), "too_long", text[:20] + "…", False)
    pieces = [p for p in SEPARATORS.split(text.strip()) if p]
    if not pieces:
        return ParsedRates((), "empty", "", False)
    rates: list[float] = []
    for piece in pieces:
        try:
            value = float(piece)
        except ValueError:
            return ParsedRates((), "not_number", piece, False)
        if not (math.isfinite(value) and LR_MIN <= value <= LR_MAX):
            return ParsedRates((), "out_of_range", piece, False)
        if value not in rates:
            rates.append(value)
    return ParsedRates(tuple(rates[:MAX_RATES]), None, "", len(rates) > MAX_RATES)


def format_lrs(rates: tuple[float, ...]) -> str:
    """The canonical text of a rate list, as the URL carries it: ``0.05,0.2,0.9``."""
    return ",".join(f"{r:g}" for r in rates)


def make_scheduler(optimizer: torch.optim.Optimizer, schedule: str, steps: int) -> lr_scheduler.LRScheduler:
    """The torch.optim.lr_scheduler object that sets η_k for a run of ``steps`` updates."""
    if schedule == "constant":
        return lr_scheduler.ConstantLR(optimizer, factor=1.0, total_iters=0)
    if schedule == "step":
        return lr_scheduler.StepLR(optimizer, step_size=max(1, steps // 4), gamma=STEP_GAMMA)
    if schedule == "exponential":
        return lr_scheduler.ExponentialLR(optimizer, gamma=EXP_END ** (1 / max(steps, 1)))
    if schedule == "cosine":
        return lr_scheduler.CosineAnnealingLR(optimizer, T_max=max(steps, 1), eta_min=0.0)
    if schedule == "warmup":
        return lr_scheduler.LinearLR(optimizer, start_factor=WARMUP_START, total_iters=max(1, steps // 5))
    raise ValueError(f"unknown schedule {schedule!r}")


def schedule_params(schedule: str, steps: int) -> dict:
    """The numbers a schedule's one-line description names: StepLR's step size or the warm-up length, γ, T_max."""
    size = max(1, steps // 4 if schedule == "step" else steps // 5)
    return {"size": size, "gamma": EXP_END ** (1 / max(steps, 1)), "steps": steps}


def schedule_factors(schedule: str, steps: int) -> np.ndarray:
    """(steps,) η_k / η that the torch scheduler sets for each update k (it scales every rate alike)."""
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0)
    scheduler = make_scheduler(optimizer, schedule, steps)
    factors = []
    for _ in range(steps):
        factors.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return np.array(factors, dtype=np.float64)


@dataclass(frozen=True)
class RateRuns:
    lrs: np.ndarray  # (R,) base rates η, one run each
    paths: np.ndarray  # (R, n+1, 2) θ_k; after a stop the last recorded point repeats
    losses: np.ndarray  # (R, n+1) L(θ_k); after a stop the last recorded value repeats
    rates: np.ndarray  # (R, n) η_k the scheduler set for update k (θ_k → θ_{k+1})
    stop_step: np.ndarray  # (R,) step where a run was stopped as diverged, −1 if it finished
    stop_reason: tuple[str | None, ...]  # (R,) "nonfinite", "exploded" or None
    labels: tuple[str, ...]  # (R,) "slow" / "converging" / "oscillating" / "diverging"
    final_gap: np.ndarray  # (R,) L − L_min at the run's last step (its stop, if stopped)
    eigvals: np.ndarray  # (2,) Hessian eigenvalues at θ_0, ascending (torch.linalg.eigh)
    eigvecs: np.ndarray  # (2, 2) matching unit eigenvectors as columns
    loss_min: float  # L_min of the surface
    quadratic: bool  # 2/λ_max is exact (a quadratic), not only local at θ_0

    @property
    def critical(self) -> float:
        """2/λ_max at θ_0, inf without upward curvature."""
        return critical_rate(float(self.eigvals[-1]))


def labelled(cfg: RateConfig, lrs, trace: Trace, final_rate: np.ndarray) -> RateRuns:
    """The runs of ``trace`` with the page's rule (core.descent.labels) applied to each."""
    eigvals, eigvecs = hessian(cfg.surface, *start_of(cfg.surface, cfg.PAGE))
    loss_min = loss_floor(cfg.surface)
    quadratic = SURFACES[cfg.surface].quadratic
    p, losses, stop = trace.paths, trace.losses, trace.stop_step
    labels = classify_runs(p, losses, stop, final_rate, loss_min, eigvals, eigvecs, quadratic)
    last = np.where(stop >= 0, stop, cfg.steps)
    gap = losses[np.arange(len(last)), last] - loss_min
    return RateRuns(np.asarray(lrs, dtype=np.float64), p, losses, trace.rates, stop, trace.stop_reason, tuple(labels), gap,
                    eigvals, eigvecs, loss_min, quadratic)  # fmt: skip


def run_rates(cfg: RateConfig, lrs: tuple[float, ...]) -> RateRuns:
    """θ ← θ − η_k∇L from the surface's start once per rate in ``lrs``, all in one SGD whose η_k come from a scheduler."""
    start = start_of(cfg.surface, cfg.PAGE)
    thetas = [torch.tensor(start, dtype=torch.float64, requires_grad=True) for _ in lrs]
    optimizer = torch.optim.SGD([{"params": [theta], "lr": lr} for theta, lr in zip(thetas, lrs, strict=True)])
    scheduler = make_scheduler(optimizer, cfg.schedule, cfg.steps)  # scheduler.step() after each optimizer.step()
    rule = TorchRule(thetas, [optimizer], scheduler, ((),) * len(lrs))
    trace = descend(SURFACES[cfg.surface].fn, start, rule, cfg.steps)
    return labelled(cfg, lrs, trace, trace.rates[:, -1] if cfg.steps else np.asarray(lrs))


def sweep_range(cfg: RateConfig, lrs: tuple[float, ...]) -> tuple[float, float]:
    """Rates to sweep: around 2/λ_max at θ_0 (or the typed rates without curvature), always covering ``lrs``."""
    lam = float(hessian(cfg.surface, *start_of(cfg.surface, cfg.PAGE))[0][-1])
    center = 2 / lam if lam > 0 else max(lrs)
    return min(center / SPAN_BELOW, min(lrs) / 1.5), max(center * SPAN_ABOVE, max(lrs) * 1.5)


def run_sweep(cfg: RateConfig, lo: float, hi: float) -> RateRuns:
    """Batched gradient descent θ_r ← θ_r − η_r·f_k·∇L(θ_r) for S rates η_r in [lo, hi]; f_k from the torch scheduler."""
    eta = torch.logspace(np.log10(lo), np.log10(hi), SWEEP_RATES, dtype=torch.float64)  # (S,)
    factors = torch.from_numpy(schedule_factors(cfg.schedule, cfg.steps))  # (n,)
    trace = descend(SURFACES[cfg.surface].fn, start_of(cfg.surface, cfg.PAGE), ScheduledSGD(eta, factors), cfg.steps)
    return labelled(cfg, eta.numpy(), trace, eta.numpy() * (factors[-1].item() if cfg.steps else 1.0))


@dataclass(frozen=True)
class RateScene:
    """Everything /learning-rate shows for one config (whose ``lrs`` parse)."""

    runs: RateRuns
    sweep: RateRuns  # SWEEP_RATES log-spaced rates around 2/λ_max
    grid: Grid
    box: tuple[float, float, float, float]


def rate_scene(cfg: RateConfig, lrs: tuple[float, ...] | None = None) -> RateScene:
    """The runs, the sweep and the map for ``lrs`` (the page keeps the last valid list while the text is bad),
    by default the rates ``cfg.lrs`` names."""
    if lrs is None:
        parsed = parse_lrs(cfg.lrs)
        if parsed.error:
            raise ValueError(f"lrs {cfg.lrs!r}: {parsed.error}")
        lrs = parsed.rates
    box = view_box(cfg.surface, *start_of(cfg.surface, cfg.PAGE))
    sweep = run_sweep(cfg, *sweep_range(cfg, lrs))
    return RateScene(run_rates(cfg, lrs), sweep, surface_grid(cfg.surface, box), box)
