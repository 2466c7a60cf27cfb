"""The CNN page's kernel editor: the URL-bound weights text, an editable grid of it, and 3×3 ↔ 5×5."""

from __future__ import annotations

import hashlib

import numpy as np
import streamlit as st

from core.cnn_filters import (
    CUSTOM_DEFAULT,
    KERNELS,
    KernelError,
    edit_kernel,
    format_custom,
    parse_custom,
    resize_kernel,
)
from ui.page import bound
from ui.state import t


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
    text = bound(where.text_input, "custom", "cnn.custom", value=CUSTOM_DEFAULT, max_chars=600)
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
