"""An autoencoder with a 2-D bottleneck on the digits, PCA's 2-D projection beside it, and linear probes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from core.common.init import init_like_torch
from core.common.params import choice, number, seed_field, slider
from core.common.plotdata import frame_steps, to_f32
from core.digits.data import CLASSES, INK, SIDE, DigitsSplit, make_split

ACTIVATIONS = {"tanh": nn.Tanh, "relu": nn.ReLU, "gelu": nn.GELU, "linear": nn.Identity}
HIDDEN = ("16", "32", "64", "128")
DIGITS = tuple(str(d) for d in range(10))
BATCH = 128
MAX_FRAMES = 40
GRID = 12  # decoded latent grid: GRID × GRID images
STRIP = 9  # interpolation steps, both ends included
PROBE_C = 1.0  # inverse L2 strength, scikit-learn's default: ||W||² / (2C) beside the summed cross-entropy
PROBE_TOL = 1e-4  # L-BFGS stops once no gradient entry of the mean loss exceeds this (scikit-learn's tol)
PROBE_ITER = 500


@dataclass(frozen=True)
class ReprConfig:
    """What /representation's training controls hold (and ?hidden=64&... in its URL)."""

    hidden: str = choice("64", HIDDEN, labels=None)  # units of the encoder's and decoder's hidden layer
    activation: str = choice("tanh", tuple(ACTIVATIONS))
    epochs: int = slider(60, 1, 200)
    lr: float = number(0.01, 0.0001, 0.1, 0.001, fmt="%.4f")
    seed: int = seed_field()


@dataclass(frozen=True)
class StripConfig:
    """The interpolation strip's ends (not part of training): a test image of each chosen digit."""

    start: str = choice("1", DIGITS, labels=None)
    end: str = choice("7", DIGITS, labels=None)


def build_autoencoder(cfg: ReprConfig, g: torch.Generator) -> tuple[nn.Sequential, nn.Sequential]:
    """Encoder 64 → hidden → 2 and decoder 2 → hidden → 64 (sigmoid: pixels in [0, 1]), torch's init from g."""
    h, act = int(cfg.hidden), ACTIVATIONS[cfg.activation]
    encoder = nn.Sequential(nn.Linear(SIDE * SIDE, h), act(), nn.Linear(h, 2))
    decoder = nn.Sequential(nn.Linear(2, h), act(), nn.Linear(h, SIDE * SIDE), nn.Sigmoid())
    return init_like_torch(encoder, g), init_like_torch(decoder, g)


def pca_2d(x_train: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """PCA by SVD of the centred training images: (projection of x (n, 2), components (2, 64), mean (64,)).

    Signs as scikit-learn fixes them: the largest |entry| of each component is positive.
    """
    xt = torch.from_numpy(np.asarray(x_train, np.float64))
    mean = xt.mean(dim=0)
    _, _, vt = torch.linalg.svd(xt - mean, full_matrices=False)
    comps = vt[:2]
    comps = comps * torch.sign(comps.gather(1, comps.abs().argmax(dim=1, keepdim=True)))
    proj = (torch.from_numpy(np.asarray(x, np.float64)) - mean) @ comps.T
    return proj.numpy(), comps.numpy(), mean.numpy()


def probe_loss(theta: torch.Tensor, x: torch.Tensor, onehot: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Mean cross-entropy of softmax(x @ theta) plus the L2 penalty on the weights (not the bias row), and its
    gradient with respect to theta (d+1, classes); x (n, d+1) ends with a column of ones."""
    n = len(x)
    w = torch.cat([theta[:-1], torch.zeros_like(theta[-1:])])  # the bias row goes unpenalised
    log_p = torch.log_softmax(x @ theta, dim=1)  # (n, classes)
    loss = -(log_p * onehot).sum() / n + (w * w).sum() / (2 * PROBE_C * n)
    return loss, (x.T @ (log_p.exp() - onehot) + w / PROBE_C) / n


def probe_accuracy(f_train: np.ndarray, y_train: np.ndarray, f_test: np.ndarray, y_test: np.ndarray) -> float:
    """Test accuracy of a multinomial logistic regression (L2, C = 1) fitted by L-BFGS on features standardised
    with the training set's mean and std."""
    mean, std = f_train.mean(axis=0), f_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)  # a pixel blank in every training image stays 0

    def design(f: np.ndarray) -> torch.Tensor:  # (n, d+1): standardised features, then 1 for the bias
        # float32: the same accuracy as float64 on these features, and L-BFGS a fifth faster
        return torch.from_numpy(np.column_stack([(f - mean) / std, np.ones(len(f))])).float()

    x, x_test = design(f_train), design(f_test)
    onehot = F.one_hot(torch.from_numpy(y_train), CLASSES).float()
    theta = torch.zeros(x.shape[1], CLASSES, requires_grad=True)
    opt = torch.optim.LBFGS([theta], max_iter=PROBE_ITER, tolerance_grad=PROBE_TOL, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        # The gradient in closed form: at this size autograd's bookkeeping would cost more than the maths.
        with torch.no_grad():
            loss, theta.grad = probe_loss(theta, x, onehot)
        return loss

    opt.step(closure)
    with torch.no_grad():
        pred = (x_test @ theta).argmax(dim=1).numpy()
    return float(np.mean(pred == y_test))


@dataclass(frozen=True)
class ReprRun:
    split: DigitsSplit
    x_test: np.ndarray  # (n_test, 64) test images scaled to [0, 1]
    frames: np.ndarray  # (K,) epoch of each latent snapshot
    codes: np.ndarray  # (K, n_test, 2) the test images' latent codes at each snapshot
    train_codes: np.ndarray  # (n_train, 2) final latent codes of the training images
    loss: np.ndarray  # (epochs+1, 2) train, test reconstruction MSE (row 0: untrained)
    recon: np.ndarray  # (n_test, 64) the final decoder's reconstructions of the test images
    mse: float  # test reconstruction MSE of the autoencoder (mean over images and pixels)
    pca_test: np.ndarray  # (n_test, 2) PCA projection of the test images
    pca_components: np.ndarray  # (2, 64)
    pca_mse: float  # test MSE of reconstructing from the 2 PCA components
    enc_w1: np.ndarray  # (hidden, 64) the encoder's first-layer weights
    decoder: dict  # name -> array: the decoder's state_dict
    probes: dict  # "latent" | "pca" | "raw" -> logistic-regression test accuracy
    grid_x: np.ndarray  # (GRID,) latent z₁ of the decoded grid's columns
    grid_y: np.ndarray  # (GRID,) latent z₂ of its rows
    grid_images: np.ndarray  # (GRID, GRID, 8, 8) decoded images, [i, j] at (grid_x[j], grid_y[i])


def _decoder(cfg: ReprConfig, state: dict) -> nn.Sequential:
    _, decoder = build_autoencoder(cfg, torch.Generator().manual_seed(0))
    decoder.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()})
    return decoder.eval()


def decode(cfg: ReprConfig, run: ReprRun, z: np.ndarray) -> np.ndarray:
    """Decoded images (n, 8, 8) in [0, 1] of latent points z (n, 2)."""
    with torch.no_grad():
        out = _decoder(cfg, run.decoder)(torch.as_tensor(np.asarray(z, np.float32)).reshape(-1, 2))
    return out.numpy().reshape(-1, SIDE, SIDE)


def train_autoencoder(cfg: ReprConfig) -> ReprRun:
    """Train the autoencoder with Adam on MSE (train images), snapshot test codes; PCA and probes beside it."""
    split = make_split(cfg.seed)
    x, xe = (torch.from_numpy(a / INK) for a in (split.x_train, split.x_test))  # float32 in [0, 1]
    g = torch.Generator().manual_seed(cfg.seed)
    encoder, decoder = build_autoencoder(cfg, g)
    opt = torch.optim.Adam([*encoder.parameters(), *decoder.parameters()], lr=cfg.lr)
    wanted = set(frame_steps(cfg.epochs, MAX_FRAMES).tolist())
    frames, codes, loss = [], [], []
    for epoch in range(cfg.epochs + 1):
        if epoch:
            for idx in torch.randperm(len(x), generator=g).split(BATCH):
                opt.zero_grad()
                F.mse_loss(decoder(encoder(x[idx])), x[idx]).backward()
                opt.step()
        with torch.no_grad():
            ze = encoder(xe)
            loss.append((F.mse_loss(decoder(encoder(x)), x).item(), F.mse_loss(decoder(ze), xe).item()))
            if epoch in wanted:
                frames.append(epoch)
                codes.append(ze.numpy().copy())
    with torch.no_grad():
        z_train, z_test = encoder(x).numpy(), encoder(xe).numpy()
        recon = decoder(encoder(xe)).numpy()
    x_tr, x_te = x.numpy().astype(np.float64), xe.numpy().astype(np.float64)
    pca_train, _, _ = pca_2d(x_tr, x_tr)
    pca_test, comps, mean = pca_2d(x_tr, x_te)
    q = np.nan_to_num(np.quantile(z_test, [0.02, 0.98], axis=0))  # (2, 2): low/high of each latent axis
    grid_x, grid_y = np.linspace(q[0, 0], q[1, 0], GRID), np.linspace(q[0, 1], q[1, 1], GRID)
    gy, gx = np.meshgrid(grid_y, grid_x, indexing="ij")
    state = {k: v.numpy().copy() for k, v in decoder.state_dict().items()}
    with torch.no_grad():
        grid_images = decoder(torch.from_numpy(np.stack([gx.ravel(), gy.ravel()], 1).astype(np.float32)))
    return ReprRun(
        split=split,
        x_test=x_te.astype(np.float32),
        frames=np.array(frames, dtype=np.int64),
        codes=to_f32(codes),
        train_codes=to_f32(z_train),
        loss=np.array(loss),
        recon=recon,
        mse=float(np.mean((recon.astype(np.float64) - x_te) ** 2)),
        pca_test=pca_test,
        pca_components=comps,
        pca_mse=float(np.mean((pca_test @ comps + mean - x_te) ** 2)),
        enc_w1=encoder[0].weight.detach().numpy().copy(),
        decoder=state,
        probes={
            "latent": probe_accuracy(z_train, split.y_train, z_test, split.y_test),
            "pca": probe_accuracy(pca_train, split.y_train, pca_test, split.y_test),
            "raw": probe_accuracy(x_tr, split.y_train, x_te, split.y_test),
        },
        grid_x=grid_x,
        grid_y=grid_y,
        grid_images=grid_images.numpy().reshape(GRID, GRID, SIDE, SIDE),
    )


def strip(cfg: ReprConfig, run: ReprRun, strip_cfg: StripConfig) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(test indices of the two ends, latent interpolation (STRIP, 8, 8), pixel blend (STRIP, 8, 8)).

    The ends are the first test images of the two chosen digits; the latent strip decodes points on the
    straight line between their codes, the pixel strip mixes the two images directly.
    """
    y = run.split.y_test
    ends = np.array([np.flatnonzero(y == int(strip_cfg.start))[0], np.flatnonzero(y == int(strip_cfg.end))[0]])
    t = np.linspace(0, 1, STRIP)[:, None]
    z = run.codes[-1][ends]
    latent = decode(cfg, run, (1 - t) * z[0] + t * z[1])
    a, b = run.x_test[ends]
    return ends, latent, ((1 - t) * a + t * b).reshape(-1, SIDE, SIDE)
