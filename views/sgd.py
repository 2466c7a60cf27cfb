"""Minibatch SGD (chapter 10): batch size, gradient noise and epochs on a two-parameter regression."""

from dataclasses import replace

import numpy as np
import streamlit as st

from core.common.params import defaults, experiment
from core.sgd import SGDConfig, gradient_noise, make_data, per_batch_gradients, run_sgd, sgd_path
from i18n.numbers import num
from ui.cache import cache_data
from ui.chart import chart, figure_cache
from ui.page import Experiment, code_expander, start, try_this
from ui.params import controls
from ui.state import lang, t
from ui.table import table
from viz.sgd import batch_name, noise_figure, paths_figure

C = SGDConfig
SIZES = (1, 2, 4, 8, 16, 32, 64)  # the spread panel: every batch size below n
EXPERIMENTS = [
    Experiment("sorted", experiment(C, shuffle=False, lr=0.1)),
    Experiment("steep", experiment(C, lr=0.3)),
    Experiment("logistic", experiment(C, task="logistic", lr=1.0)),
    Experiment("more_data", experiment(C, n=1024, epochs=2)),
    Experiment("cloud_one", experiment(C, cloud="1")),
]
compute = cache_data(max_entries=32)(run_sgd)


@cache_data(max_entries=32)
def noise_at_start(cfg: SGDConfig):
    data = make_data(cfg.task, cfg.n, cfg.noise, cfg.seed)
    return gradient_noise(data, (cfg.w0, cfg.b0), int(cfg.cloud), [s for s in SIZES if s < cfg.n], cfg.seed)


@figure_cache
def main_figure(cfg: SGDConfig, language: str):
    return paths_figure(compute(cfg), language)


@figure_cache
def cloud_figure(cfg: SGDConfig, language: str):
    return noise_figure(noise_at_start(cfg), compute(replace(cfg, cloud=C.cloud)), language)


place, main = start("sgd")
with place:
    cfg = controls(C, "sgd", place, only=tuple(f for f in defaults(C) if f != "cloud"))
    try_this("sgd", EXPERIMENTS, defaults(C), main=main)

with main:
    if not cfg.batches:
        st.info(t("sgd.no_batches"), icon=":material/info:")
        st.stop()
    with st.spinner(t("sgd.training")):
        run = compute(cfg)
    chart(main_figure(cfg, lang()), key="sgd_paths", caption=t("sgd.paths_caption"), scrub=True)
    n = len(run.data.x)
    for path in run.paths:
        if path.stop is not None:
            epoch = (path.stop - 1) // path.per_epoch + 1
            st.error(t("sgd.diverged", name=batch_name(path.batch, n, lang()), k=path.stop, e=epoch, lr=cfg.lr),
                     icon=":material/warning:")  # fmt: skip
    ok = [(p, loss) for p, loss in zip(run.paths, run.losses, strict=True) if p.stop is None]
    if ok:
        best_path, best_loss = min(ok, key=lambda pl: pl[1][-1])
        st.success(t("sgd.result", epochs=cfg.epochs, name=batch_name(best_path.batch, n, lang()),
                     loss=best_loss[-1], steps=len(best_path.params) - 1), icon=":material/check:")  # fmt: skip
    table(
        {
            t("sgd.col_batch"): [batch_name(p.batch, n, lang()) for p in run.paths],
            t("sgd.col_per_epoch"): [p.per_epoch for p in run.paths],
            t("sgd.col_steps"): [len(p.params) - 1 for p in run.paths],
            t("sgd.col_loss"): [loss[-1] for loss in run.losses],
            t("sgd.col_ms"): [1000 * float(np.mean(p.epoch_seconds)) for p in run.paths],
        },
        key="sgd_batches",
        formats={t("sgd.col_ms"): lambda v: num(v, 3)},
    )

st.subheader(t("sgd.noise_heading"))
st.markdown(t("sgd.noise_text"))
cloud = controls(C, "sgd", st.columns([1, 3])[0].container(), only=("cloud",)).cloud
shown = replace(cfg, cloud=cloud)
noise = noise_at_start(shown)
chart(cloud_figure(shown, lang()), key="sgd_noise")
st.caption(t("sgd.noise_caption", b=noise.size, k=len(noise.batches), spread=noise.spread, predicted=noise.predicted,
             var=noise.per_example_var, n=n))  # fmt: skip
code_expander(run_sgd, sgd_path, make_data, gradient_noise, per_batch_gradients)
