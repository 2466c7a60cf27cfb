"""The CNN page's inputs below the chart: the kernel editor (the URL-bound weights text, an editable grid of it,
3×3 ↔ 5×5) and the checked image upload."""

from __future__ import annotations

import hashlib

import numpy as np
import streamlit as st

from core.cnn.conv import (
    CUSTOM_DEFAULT,
    KERNELS,
    CnnConfig,
    KernelError,
    edit_kernel,
    format_custom,
    parse_custom,
    resize_kernel,
)
from core.cnn.images import UploadError, read_upload
from core.common.params import declared
from ui.params import draw
from ui.state import t
from ui.text import inert

CUSTOM = next(f for f in declared(CnnConfig) if f.name == "custom")


def edit_grid(key: str, w: np.ndarray) -> None:
    """Grid edits → the URL-bound ``custom`` text (the grid is re-created from it on the rerun)."""
    st.session_state["custom"] = format_custom(edit_kernel(w, st.session_state[key]["edited_rows"]))


def as_custom(w: np.ndarray) -> None:
    st.session_state.update(kernel="custom", custom=format_custom(w))


def kernel_editor(where, kernel: str) -> np.ndarray:
    """The weights of ``kernel`` (a preset's, or the ?custom= text's), with the controls to edit them in ``where``."""
    if kernel != "custom":
        w = KERNELS[kernel]
        where.button(t("cnn.edit_preset"), key="cnn_edit", on_click=as_custom, args=(w,), icon=":material/edit:")
        return w
    text = draw(CUSTOM, "cnn", where)
    try:
        w = parse_custom(text)
    except KernelError as err:
        where.warning(t(f"cnn.custom_err.{err.code}", **err.info), icon=":material/warning:")
        w = parse_custom(CUSTOM_DEFAULT)
    grid_key = "cnn_grid_" + hashlib.sha1(format_custom(w).encode()).hexdigest()[:10]
    where.data_editor({str(j): w[:, j] for j in range(len(w))}, key=grid_key, on_change=edit_grid,
                      args=(grid_key, w.copy()), width="content")  # fmt: skip
    other = 8 - len(w)  # 3 <-> 5
    where.button(t("cnn.resize", k=other), key="cnn_resize", on_click=as_custom, args=(resize_kernel(w, other),))
    return w


def on_upload() -> None:
    """Validate a new upload before it replaces anything; a bad file leaves the current image in place."""
    f = st.session_state.get("cnn_upload")
    st.session_state.pop("cnn_upload_error", None)
    if f is None:
        return
    try:
        img = read_upload(f.getvalue())
    except UploadError as err:
        st.session_state["cnn_upload_error"] = (err.code, err.info, f.name)
        return
    st.session_state["cnn_upload_image"] = (hashlib.sha1(f.getvalue()).hexdigest()[:12], img, f.name)
    st.session_state["image"] = "upload"


def upload_box(where) -> None:
    """The PNG/JPEG uploader in ``where``, with the translated reason when the last file was refused."""
    where.file_uploader(t("cnn.upload"), type=["png", "jpg", "jpeg"], key="cnn_upload", on_change=on_upload,
                        help=t("cnn.upload_help"))  # fmt: skip
    if err := st.session_state.get("cnn_upload_error"):
        code, info, name = err
        where.error(t(f"cnn.upload_err.{code}", name=inert(name, limit=80), **info), icon=":material/block:")
