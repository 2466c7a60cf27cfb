"""Training in a background thread, one per session: the page polls its progress and never waits on it."""

from __future__ import annotations

import itertools
import threading
import time
from collections import OrderedDict

import numpy as np

from core.digits.mlp import History, ProjectConfig, ProjectRun, train_digits

_ids = itertools.count(1)


class TrainingJob:
    """``train_digits(cfg)`` in a daemon thread; ``progress()`` copies what is done so far, ``stop()`` ends it
    early (the run keeps what it learned). Each job owns its model and generator, so jobs run side by side."""

    def __init__(self, cfg: ProjectConfig):
        self.cfg, self.id = cfg, next(_ids)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._loss: np.ndarray = np.zeros((0, 2))
        self._acc: np.ndarray = np.zeros((0, 2))
        self._val_pred: np.ndarray | None = None
        self.result: ProjectRun | None = None
        self.error: str | None = None
        self._ends: list[float] = []  # time.monotonic() as each history entry came (see ahead)
        self._thread = threading.Thread(target=self._run, name=f"digits-train-{self.id}", daemon=True)
        self._thread.start()

    def _on_epoch(self, history: History) -> None:
        with self._lock:
            self._loss, self._acc = np.array(history.loss), np.array(history.acc)
            self._val_pred = history.val_pred[-1]
            self._ends.append(time.monotonic())

    def _run(self) -> None:
        try:
            self.result = train_digits(self.cfg, self._on_epoch, self._stop.is_set)
        except Exception as err:  # reported on the page, never raised into another thread
            self.error = f"{type(err).__name__}: {err}"

    def progress(self) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """(loss (k, 2), accuracy (k, 2), latest validation predictions) of the epochs finished so far."""
        with self._lock:
            return self._loss.copy(), self._acc.copy(), self._val_pred

    def seconds_ahead(self) -> float | None:
        """The training still ahead (s), estimated from the pace of the epochs so far (see ahead)."""
        with self._lock:
            return ahead(self._ends, self.cfg.epochs)

    def stop(self) -> None:
        self._stop.set()

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the thread ends (or ``timeout`` s); whether it has."""
        self._thread.join(timeout)
        return self.done


def ahead(ends: list[float], epochs: int) -> float | None:
    """Seconds of training left if the epochs to come take as long as the latest ones did. ``ends[k]`` is the
    time the history's entry k was recorded: 0 the untrained model's, k the end of epoch k. The first epoch also
    paid for start-up, so the pace is taken from its end on; None until two more epochs have ended."""
    if len(ends) < 3:
        return None
    trained = len(ends) - 1
    return (ends[-1] - ends[1]) / (trained - 1) * max(epochs - trained, 0)


class RunStore:
    """Finished, complete runs by config, shared by every session (least recently used dropped past ``size``)."""

    def __init__(self, size: int = 16):
        self.size, self._runs, self._lock = size, OrderedDict(), threading.Lock()

    def get(self, cfg: ProjectConfig) -> ProjectRun | None:
        with self._lock:
            run = self._runs.get(cfg)
            if run is not None:
                self._runs.move_to_end(cfg)
            return run

    def put(self, cfg: ProjectConfig, run: ProjectRun) -> None:
        with self._lock:
            self._runs[cfg] = run
            self._runs.move_to_end(cfg)
            while len(self._runs) > self.size:
                self._runs.popitem(last=False)
