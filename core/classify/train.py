"""Logistic/softmax regression and small MLPs on 2-D data, trained with torch; snapshots for the charts."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.classify.datasets import DATASETS, Split, make_split
from core.common.grids import plane, snap_outward
from core.common.init import init_like_torch
from core.common.params import choice, number, seed_field, slider
from core.common.plotdata import frame_steps, to_f32

ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}
OPTIMIZERS = {"adam": torch.optim.Adam, "sgd": torch.optim.SGD}
MAX_FRAMES = 40
GRID = 46  # probability map: GRID × GRID points
UNIT_GRID = 14  # each hidden unit's small map
SAMPLES = 6  # test points whose logits are followed on the sigmoid / softmax panel
HIDDEN = ("2", "4", "8", "16", "4,4", "8,8", "16,16", "8,8,8")  # widths of the hidden layers, comma-separated
BATCHES = ("full", "64", "32")


@dataclass(frozen=True)
class ClassifyConfig:
    """What /logistic-regression's controls hold (and ?dataset=moons&noise=0.2&... in its URL)."""

    dataset: str = choice("moons", tuple(DATASETS))
    classes: int = slider(2, 2, 5)
    noise: float = slider(0.2, 0.0, 0.5, 0.05)
    n: int = slider(200, 50, 500, 50)
    split: int = slider(30, 10, 50, 5)  # % of the points held out for testing
    model: str = choice("logistic", ("logistic", "mlp"))
    hidden: str = choice("8,8", HIDDEN, labels=None)
    activation: str = choice("tanh", tuple(ACTIVATIONS), labels="relu.act")
    optimizer: str = choice("adam", tuple(OPTIMIZERS), labels="opt.name")
    lr: float = number(0.05, 0.001, 10.0, 0.01, fmt="%.3f")
    epochs: int = slider(200, 10, 500, 10)
    batch: str = choice("full", BATCHES, labels="logit.batch_name")
    seed: int = seed_field()

    @property
    def widths(self) -> tuple[int, ...]:
        return tuple(int(h) for h in self.hidden.split(","))

    @property
    def batch_size(self) -> int:
        """0 = the full batch."""
        return 0 if self.batch == "full" else int(self.batch)


def build_model(
    model: str, hidden: tuple[int, ...], activation: str, classes: int, g: torch.Generator
) -> nn.Sequential:
    """One linear layer (``logistic``) or an MLP; 1 output logit for 2 classes, else one per class."""
    widths = (2, *hidden) if model == "mlp" else (2,)
    layers: list[nn.Module] = []
    for fan_in, fan_out in itertools.pairwise(widths):
        layers += [nn.Linear(fan_in, fan_out), ACTIVATIONS[activation]()]
    layers.append(nn.Linear(widths[-1], 1 if classes == 2 else classes))
    return init_like_torch(nn.Sequential(*layers), g).double()


def loss_and_accuracy(logits: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, float]:
    """BCE-with-logits (one logit) or cross-entropy (one per class), and the accuracy."""
    if logits.shape[1] == 1:
        loss = nn.functional.binary_cross_entropy_with_logits(logits[:, 0], y.double())
        predicted = (logits[:, 0] > 0).long()
    else:
        loss = nn.functional.cross_entropy(logits, y)
        predicted = logits.argmax(dim=1)
    return loss, (predicted == y).double().mean().item()


def probabilities(logits: torch.Tensor) -> torch.Tensor:
    """(m, classes) class probabilities: [1 − σ(z), σ(z)] for one logit, softmax otherwise."""
    if logits.shape[1] == 1:
        p = torch.sigmoid(logits)
        return torch.cat([1 - p, p], dim=1)
    return torch.softmax(logits, dim=1)


BOX_STEP = 0.5  # the view's half-width grows in these steps


def view_box(split: Split) -> tuple[float, float, float, float]:
    """A square view around every point with 0.2 to spare, at least [-1.6, 1.6]², its half-width a
    multiple of ``BOX_STEP`` beyond that: a small change of the noise or of the number of points keeps
    the same view, so the eye compares like with like and the browser moves the points and the map in
    place instead of laying the figure out again (ui/chart.js: a new range on the map's tied axes
    redraws everything)."""
    far = float(np.abs(np.concatenate([split.x_train, split.x_test])).max()) + 0.2
    reach = max(1.6, float(snap_outward(-far, far, BOX_STEP)[1]))
    return (-reach, reach, -reach, reach)


def sample_indices(y_test: np.ndarray, count: int = SAMPLES) -> np.ndarray:
    """Test points to follow: taken in turn from each class so every class is shown."""
    per_class = [np.flatnonzero(y_test == c) for c in np.unique(y_test)]
    picks = [idx[j] for j in range(count) for idx in per_class if j < len(idx)]
    return np.array(picks[:count], dtype=np.int64)


def _snapshot(net: nn.Sequential, grid: torch.Tensor, unit_grid: torch.Tensor, sample_x: torch.Tensor) -> dict:
    """What the charts need from the model at one epoch."""
    units: list[np.ndarray] = []  # (width, UNIT_GRID²) each hidden unit's output, one per hidden layer
    hooks = [
        layer.register_forward_hook(lambda _m, _inp, out: units.append(out.numpy().T))
        for layer in net
        if not isinstance(layer, nn.Linear)
    ]
    with torch.no_grad():
        net(unit_grid)
        for hook in hooks:
            hook.remove()
        return {
            "probs": probabilities(net(grid)).numpy(),
            "logits": net(sample_x).numpy(),
            "w": net[-1].weight.numpy().copy(),
            "b": net[-1].bias.numpy().copy(),
            "units": units,
        }


@dataclass(frozen=True)
class TrainRun:
    split: Split
    box: tuple[float, float, float, float]
    epochs: int  # epochs asked for
    stop_epoch: int | None  # first epoch whose loss was not finite (training stopped), else None
    frames: np.ndarray  # (K,) epoch of each snapshot
    losses: np.ndarray  # (E+1, 2) train, test loss after each epoch (row 0: initial weights)
    accuracy: np.ndarray  # (E+1, 2) train, test accuracy
    xs: np.ndarray  # (GRID,)
    ys: np.ndarray  # (GRID,)
    probs: np.ndarray  # (K, GRID, GRID, classes) p(class | x) over the plane
    samples: np.ndarray  # (S,) indices into the test set
    sample_logits: np.ndarray  # (K, S, outputs) their logits
    w: np.ndarray | None  # (K, outputs, 2) linear model only
    b: np.ndarray | None  # (K, outputs)
    unit_xs: np.ndarray  # (UNIT_GRID,)
    unit_ys: np.ndarray  # (UNIT_GRID,)
    units: tuple[np.ndarray, ...]  # per hidden layer (K, width, UNIT_GRID, UNIT_GRID) activations


def train_classifier(cfg: ClassifyConfig) -> TrainRun:
    """Train on ``cfg.dataset``, recording loss/accuracy per epoch and snapshots."""
    epochs, batch = cfg.epochs, cfg.batch_size
    split = make_split(cfg.dataset, cfg.n, cfg.noise, cfg.classes, cfg.split / 100, cfg.seed)
    g = torch.Generator().manual_seed(cfg.seed)
    net = build_model(cfg.model, cfg.widths, cfg.activation, split.classes, g)
    opt = OPTIMIZERS[cfg.optimizer](net.parameters(), lr=cfg.lr)
    x, y = torch.from_numpy(split.x_train), torch.from_numpy(split.y_train)
    x_test, y_test = torch.from_numpy(split.x_test), torch.from_numpy(split.y_test)
    box = view_box(split)
    xs, ys, grid = plane(box, GRID)
    uxs, uys, unit_grid = plane(box, UNIT_GRID)
    grid, unit_grid = torch.from_numpy(grid), torch.from_numpy(unit_grid)
    samples = sample_indices(split.y_test)
    wanted = set(frame_steps(epochs, MAX_FRAMES).tolist())
    frames, losses, accuracy, snaps = [], [], [], []
    stop_epoch, last_good = None, None
    for epoch in range(epochs + 1):
        if epoch > 0:
            order = torch.randperm(len(x), generator=g) if batch else torch.arange(len(x))
            for idx in order.split(batch or len(x)):
                opt.zero_grad()
                loss_and_accuracy(net(x[idx]), y[idx])[0].backward()
                opt.step()
        with torch.no_grad():
            (train_loss, train_acc), (test_loss, test_acc) = (
                loss_and_accuracy(net(x), y),
                loss_and_accuracy(net(x_test), y_test),
            )
            if not (math.isfinite(train_loss.item()) and math.isfinite(test_loss.item())):
                stop_epoch = epoch
                break
            losses.append((train_loss.item(), test_loss.item()))
            accuracy.append((train_acc, test_acc))
            if epoch in wanted:
                frames.append(epoch)
                snaps.append(_snapshot(net, grid, unit_grid, x_test[samples]))
            else:
                last_good = {k: v.clone() for k, v in net.state_dict().items()}
    if stop_epoch is not None and frames[-1] != stop_epoch - 1:
        net.load_state_dict(last_good)  # the last finite epoch closes the animation
        frames.append(stop_epoch - 1)
        snaps.append(_snapshot(net, grid, unit_grid, x_test[samples]))
    linear = cfg.model == "logistic"
    return TrainRun(
        split=split,
        box=box,
        epochs=epochs,
        stop_epoch=stop_epoch,
        frames=np.array(frames, dtype=np.int64),
        losses=np.array(losses),
        accuracy=np.array(accuracy),
        xs=to_f32(xs),
        ys=to_f32(ys),
        probs=to_f32([s["probs"].reshape(GRID, GRID, -1) for s in snaps]),
        samples=samples,
        sample_logits=np.array([s["logits"] for s in snaps]),
        w=np.array([s["w"] for s in snaps]) if linear else None,
        b=np.array([s["b"] for s in snaps]) if linear else None,
        unit_xs=to_f32(uxs),
        unit_ys=to_f32(uys),
        units=tuple(
            to_f32([s["units"][layer].reshape(-1, UNIT_GRID, UNIT_GRID) for s in snaps])
            for layer in range(len(snaps[0]["units"]))
        ),
    )


def status(cfg: ClassifyConfig, run: TrainRun) -> str:
    """The page's message about a run: "diverged", "line_close" (a line gets most moon points right),
    "line_fails" (a line cannot separate this shape) or "trained"."""
    if run.stop_epoch is not None:
        return "diverged"
    if cfg.model == "logistic" and not DATASETS[cfg.dataset].linear:
        return "line_close" if cfg.dataset == "moons" else "line_fails"
    return "trained"
