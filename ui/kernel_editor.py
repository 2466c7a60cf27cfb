"""The CNN page's inputs below the chart: the kernel editor (the URL-bound weights text, an editable grid of it,
3×3 ↔ 5×5) and the checked image upload.

The grid is our own small element (ui/kernel_grid.js), not ``st.data_editor``, which converts nine numbers
through pandas and pyarrow on the server. A committed cell comes back as the grid's
``edit`` trigger: the kernel text it was drawn from and every cell that now differs from it.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import numpy as np
import streamlit as st

from core.cnn.conv import (
    CUSTOM_DEFAULT,
    CUSTOM_LIMIT,
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
from ui.assets import loader
from ui.params import draw
from ui.present import presenting
from ui.state import t
from ui.text import inert

CUSTOM = next(f for f in declared(CnnConfig) if f.name == "custom")
GRID = "cnn_grid"  # the grid element's key: fixed, so a rerun updates the cells in place and keeps the focus
_grid = st.components.v2.component(
    "dlviz.kernel_grid", js=loader(Path(__file__).with_name("kernel_grid.js")), isolate_styles=False
)


def cell_edits(cells, k: int) -> dict[int, dict[int, float]]:
    """A grid message's ``[[row, col, value], ...]`` as edit_kernel's {row: {col: value}}, keeping only cells
    of a k×k kernel that hold a finite number (the browser sends nothing else; a forged message may),
    each clipped to ±CUSTOM_LIMIT."""
    edits: dict[int, dict[int, float]] = {}
    for cell in cells if isinstance(cells, list) else []:
        if not (isinstance(cell, list) and len(cell) == 3):
            continue
        row, col, value = cell
        numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in cell)
        if numbers and row in range(k) and col in range(k) and -math.inf < value < math.inf:
            # clipped here already: an integer too large for a float would not reach edit_kernel's clip
            edits.setdefault(int(row), {})[int(col)] = float(min(max(value, -CUSTOM_LIMIT), CUSTOM_LIMIT))
    return edits


def edit_grid() -> None:
    """Committed grid cells → the URL-bound ``custom`` text (the grid is drawn from it on the rerun)."""
    message = getattr(st.session_state.get(GRID), "edit", None)
    if not isinstance(message, dict):
        return
    try:  # the cells are relative to the kernel the grid showed, whatever the text holds by now
        w = parse_custom(message.get("base", ""))
    except KernelError:
        return
    st.session_state["custom"] = format_custom(edit_kernel(w, cell_edits(message.get("cells"), len(w))))


def kernel_grid(where, w: np.ndarray) -> None:
    """The k×k grid of ``w``'s weights in ``where``, one labelled input per cell."""
    k = len(w)
    with where:
        _grid(
            key=GRID,
            data=[
                {  # a list: a dict's values would be checked for dataframes, importing pandas (ui/chart.py)
                    "base": format_custom(w),
                    "weights": [format_custom(row).split(",") for row in w],  # as the URL writes them
                    "label": t("cnn.grid", k=k),
                    "cells": [[t("cnn.grid_cell", row=i + 1, col=j + 1) for j in range(k)] for i in range(k)],
                    "invalid": t("cnn.grid_invalid"),
                    "hint": t("cnn.grid_hint"),
                    "present": presenting(),
                }
            ],
            on_edit_change=edit_grid,
        )


def as_custom(w: np.ndarray) -> None:
    st.session_state.update(kernel="custom", custom=format_custom(w))


def kernel_editor(where, kernel: str) -> np.ndarray:
    """The weights of ``kernel`` (a preset's, or the ?custom= text's), with the controls to edit them in ``where``."""
    if kernel != "custom":
        w = KERNELS[kernel]
        where.button(t("cnn.edit_preset"), key="cnn_edit", on_click=as_custom, args=(w,), icon=":material/edit:")
        return w
    text = draw(CUSTOM, "cnn", where)
    note = where.empty()  # always there, so a warning coming or going does not move (remount) the grid
    try:
        w = parse_custom(text)
    except KernelError as err:
        note.warning(t(f"cnn.custom_err.{err.code}", **err.info), icon=":material/warning:")
        w = parse_custom(CUSTOM_DEFAULT)
    kernel_grid(where, w)
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
