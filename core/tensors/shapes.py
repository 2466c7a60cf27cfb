"""Shapes typed as text ("3,1") read into tuples, with a reason code when the text is not a shape."""

from __future__ import annotations

import re

MAX_DIMS = 3
MAX_SIZE = 6  # a side of a drawn tensor: 6 × 6 × 6 cells still read on a projector
MAX_TARGET = MAX_SIZE**MAX_DIMS  # a view/reshape target may flatten everything: x.view(216)
_SEP = re.compile(r"[,\s×xX*]+")


class ShapeError(ValueError):
    """Why ``text`` is not a shape: ``code`` names the rule (i18n tensors.shape_error.<code>)."""

    def __init__(self, code: str, text: str, part: str = ""):
        super().__init__(code, text, part)
        self.code = code  # empty | not_int | dims | size
        self.text = text
        self.part = part  # the offending piece, shown as inert text


def parse_shape(text: str, *, target: bool = False) -> tuple[int, ...]:
    """``text`` ("3,1", "(2, 3, 4)", "4×3") as a shape of 1–3 dims, each 1–6.

    A ``target`` (for view/reshape) may be as long as 216 and hold -1 (torch infers it, or says why not).
    Raises ShapeError with the rule that failed.
    """
    body = text.strip().strip("()[]").strip()
    parts = [p for p in _SEP.split(body) if p]
    if not parts:
        raise ShapeError("empty", text)
    sizes = []
    for part in parts:
        if not re.fullmatch(r"-?[0-9]{1,4}", part):  # ASCII digits only: "３" or "٣" are not read as 3
            raise ShapeError("not_int", text, part)
        sizes.append(int(part))
    if len(sizes) > MAX_DIMS:
        raise ShapeError("dims", text, str(len(sizes)))
    top = MAX_TARGET if target else MAX_SIZE
    for size in sizes:
        if size == -1 and target:
            continue
        if not 1 <= size <= top:
            raise ShapeError("size", text, str(size))
    return tuple(sizes)


def shape_text(shape: tuple[int, ...]) -> str:
    """(3, 1) -> "(3, 1)", (4,) -> "(4,)" as Python writes them."""
    return f"({shape[0]},)" if len(shape) == 1 else "(" + ", ".join(str(s) for s in shape) + ")"
