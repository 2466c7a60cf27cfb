"""/digits-project's live training and model file sections (kept out of the view so it stays a declaration).

Training runs in a background thread per session (core.digits.job.TrainingJob); this script run polls it,
redrawing the curves and the progress bar while the thread trains. A widget change, the Stop button or a
language switch interrupts only the polling: the thread keeps training (or stops, for Stop) and the next
run picks it up again. Finished complete runs are shared by every session through a bounded store.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import io

import numpy as np
import streamlit as st
from PIL import Image

from core.digits.data import INK, SIDE, make_split
from core.digits.evaluate import Evaluation, drawn_image, predict_proba
from core.digits.job import RunStore, TrainingJob
from core.digits.mlp import ProjectConfig, ProjectRun, expected_shapes
from core.digits.weights import WeightsError, read_state, to_bytes
from ui.chart import chart, figure_cache
from ui.params import state_config
from ui.state import lang, t
from ui.text import inert
from viz import digits_project as viz
from viz.digits import upscale

POLL = 0.25  # s between looks at the training thread
# Live curves are drawn only when at least this much training lies ahead (estimated from the pace so far):
# drawing a chart costs the browser ~100-140 ms, and curves that appear for a moment before the finished
# chart replaces them read as a flash, not as progress. The progress bar shows every run from its start.
LIVE_AHEAD = 0.75
JOB = "dp_job"
LIVE = "dp_live_job"  # the id of the job whose live curves this session shows (they stay until it ends)
UPLOAD = "dp_upload"


@st.cache_resource(show_spinner=False)
def _store() -> RunStore:
    return RunStore(size=16)


def _job_for(cfg: ProjectConfig) -> TrainingJob:
    job = st.session_state.get(JOB)
    if job is None or job.cfg != cfg:
        if job is not None:
            job.stop()  # the controls changed: the old run is no longer wanted
        job = TrainingJob(cfg)
        st.session_state[JOB] = job
    return job


def restart() -> None:
    """Forget this session's stopped run, so the next script run trains from scratch."""
    st.session_state.pop(JOB, None)


def train(cfg: ProjectConfig) -> tuple[ProjectRun | None, str | None]:
    """The run for ``cfg`` (complete, or partial after Stop) and an error text; shows live progress meanwhile."""
    slot = st.empty()
    run = _store().get(cfg)
    if run is not None:
        return run, None
    job = _job_for(cfg)
    if not job.done:
        stop_slot, bar = st.empty(), st.progress(0.0, text=t("dp.training_start"))
        stop_slot.button(t("dp.stop"), key="dp_stop", on_click=job.stop, icon=":material/stop_circle:")
        shown = -1
        while not job.wait(POLL):
            loss, acc, val_pred = job.progress()
            if len(loss) and len(loss) != shown:
                shown = len(loss)
                if st.session_state.get(LIVE) != job.id and (job.seconds_ahead() or 0) >= LIVE_AHEAD:
                    st.session_state[LIVE] = job.id
                if st.session_state.get(LIVE) == job.id:
                    fig = viz.live_figure(loss, acc, val_pred, _val_labels(cfg), cfg.epochs, lang())
                    chart(fig, key=f"dp_live_{shown}", where=slot, family="dp_live")  # one plot, moved each look
                bar.progress(min((shown - 1) / cfg.epochs, 1.0),
                             text=t("dp.training_epoch", e=shown - 1, n=cfg.epochs, acc=acc[-1, 1]))  # fmt: skip
            else:
                bar.progress(max((shown - 1) / cfg.epochs, 0.0))  # a rerun request interrupts the script here
        slot.empty()  # the page draws the finished run's chart right here
        stop_slot.empty()
        bar.empty()
    if job.error:
        return None, job.error
    run = job.result
    if not run.stopped:
        _store().put(cfg, run)
    return run, None


@st.cache_data(max_entries=8, show_spinner=False)
def _val_labels(cfg: ProjectConfig) -> np.ndarray:
    return make_split(cfg.seed).y_val


@st.cache_data(max_entries=16, show_spinner=False)
def _file(key: str, _state: dict) -> bytes:
    return to_bytes(_state)


def on_upload() -> None:
    """Check an uploaded state_dict against the current controls before it replaces anything."""
    f = st.session_state.get("dp_weights_file")
    st.session_state.pop("dp_upload_error", None)
    if f is None:
        return
    data = f.getvalue()
    try:
        state = read_state(data, state_config(ProjectConfig))
    except WeightsError as err:
        st.session_state["dp_upload_error"] = (err.code, err.info, f.name)
        return
    st.session_state[UPLOAD] = (f.name, state, hashlib.sha1(data).hexdigest()[:12])


def forget_upload() -> None:
    st.session_state.pop(UPLOAD, None)


def weights_section(cfg: ProjectConfig, run: ProjectRun, run_key: str) -> tuple[dict, str]:
    """Download/upload of the state_dict; returns the weights the results use and a key naming them."""
    st.subheader(t("dp.weights_heading"))
    st.caption(t("dp.weights_caption"))
    c = st.columns(2, gap="medium")
    name = f"digits_mlp_d{cfg.depth}_w{cfg.width}{'_bn' if cfg.batchnorm else ''}_seed{cfg.seed}.pt"
    c[0].download_button(t("dp.download"), _file(run_key, run.state), file_name=name, key="dp_download",
                         mime="application/octet-stream", icon=":material/download:")  # fmt: skip
    c[1].file_uploader(t("dp.upload"), type=["pt", "pth"], key="dp_weights_file", on_change=on_upload,
                       help=t("dp.upload_help"))  # fmt: skip
    if err := st.session_state.get("dp_upload_error"):
        code, info, fname = err
        c[1].error(t(f"dp.upload_err.{code}", name=inert(fname, limit=80), **info), icon=":material/block:")
    upload = st.session_state.get(UPLOAD)
    if upload:
        fname, state, digest = upload
        shapes = {k: tuple(np.shape(v)) for k, v in state.items()}
        if shapes != expected_shapes(cfg):  # the controls changed after the upload
            st.warning(t("dp.upload_stale", name=inert(fname, limit=80)), icon=":material/warning:")
        else:
            c[1].info(t("dp.upload_using", name=inert(fname, limit=80)), icon=":material/upload_file:")
            c[1].button(t("dp.upload_forget"), key="dp_forget", on_click=forget_upload, icon=":material/undo:")
            return state, f"upload-{digest}"
    return run.state, run_key


def click_cell(points: list[dict]) -> None:
    """One click on the drawing grid: blank → full ink → half ink → blank."""
    p = next((p for p in points if p.get("curve_number") == 0), None)
    if p is None:
        return
    cells = st.session_state.setdefault("dp_cells", _blank()).copy()
    r, c = int(p["y"]), int(p["x"])
    if 0 <= r < SIDE and 0 <= c < SIDE:
        cells[r, c] = {0.0: 16.0, 16.0: 8.0}.get(float(cells[r, c]), 0.0)
        st.session_state["dp_cells"] = cells


def sample_digit(split) -> None:
    """Put the next test image on the drawing grid (ink rounded to the grid's three levels)."""
    i = st.session_state.get("dp_sample_i", -1) + 1
    st.session_state["dp_sample_i"] = i
    img = split.x_test[i % len(split.x_test)].reshape(SIDE, SIDE)
    st.session_state["dp_cells"] = (np.round(img / 8) * 8).astype(np.float32)


def _blank() -> np.ndarray:
    return np.zeros((SIDE, SIDE), np.float32)


@functools.lru_cache(maxsize=256)
def _digit_png(pixels: bytes, dtype: str) -> bytes:
    """A test digit (its 8×8 ink values as bytes) as the gallery's upscaled PNG, encoded once: the gallery's
    twelve images were encoded again on every rerun of the page (a tenth of a cached change's server CPU)."""
    image = upscale(np.frombuffer(pixels, dtype=dtype).reshape(SIDE, SIDE), INK)
    out = io.BytesIO()
    Image.fromarray(image).save(out, format="PNG")
    return out.getvalue()


def mistakes(ev: Evaluation, split, shown: int) -> None:
    """The misclassified test digits: image, true label, prediction and the top-3 probabilities.

    One HTML element (a grid of figures, each PNG inline): as 12 images and 12 captions in 6 columns it was
    ~30 elements, sent and rendered again on every rerun of the page. Text is escaped: labels and
    probabilities only, but the catalog's words go through ``html.escape`` all the same."""
    st.subheader(t("dp.gallery_heading"))
    if not len(ev.wrong):
        st.info(t("dp.gallery_none"), icon=":material/celebration:")
        return
    cells = []
    for i, k in enumerate(ev.wrong[:shown]):
        pixels = np.ascontiguousarray(split.x_test[k])
        png = base64.b64encode(_digit_png(pixels.tobytes(), pixels.dtype.str)).decode()
        truth = html.escape(t("dp.gallery_truth", y=split.y_test[k], pred=ev.pred[k]))
        top = html.escape(
            t("dp.gallery_top", top=" · ".join(f"{d}: {p:.0%}" for d, p in zip(ev.top[i], ev.top_p[i], strict=True)))
        )
        cells.append(
            f'<figure><img src="data:image/png;base64,{png}" alt="{truth}">'
            f"<figcaption><strong>{truth}</strong><br>{top}</figcaption></figure>"
        )
    st.html(f'<div class="dl-gallery">{"".join(cells)}</div>')


@figure_cache
def _canvas(state_key: str, cells_key: bytes, language: str, _cfg: ProjectConfig, _state: dict, _cells: np.ndarray):
    """The drawing grid and what the weights named ``state_key`` predict for it (the figure, the probabilities)."""
    probs = predict_proba(_cfg, _state, drawn_image(_cells))[0]
    return viz.canvas_figure(_cells, probs, language), probs


def drawing(cfg: ProjectConfig, state: dict, state_key: str, split) -> None:
    """Draw a digit on a clickable 8×8 grid and see what the model (``state``, named ``state_key``) predicts for it."""
    st.subheader(t("dp.canvas_heading"))
    st.caption(t("dp.canvas_caption"))
    cells = st.session_state.setdefault("dp_cells", _blank())
    figure, probs = _canvas(state_key, cells.tobytes(), lang(), cfg, state, cells)
    chart(figure, key="dp_canvas", on_click=click_cell)
    b = st.columns(3)
    b[0].button(t("dp.canvas_clear"), key="dp_clear", icon=":material/ink_eraser:",
                on_click=lambda: st.session_state.update(dp_cells=_blank()))  # fmt: skip
    b[1].button(t("dp.canvas_sample"), key="dp_sample", icon=":material/casino:", on_click=sample_digit, args=(split,))
    b[2].markdown(t("dp.canvas_pred", d=int(np.argmax(probs)), p=float(probs.max())))
