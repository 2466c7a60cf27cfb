"""User text shown inside Markdown messages as inert text: never an image, a link, LaTeX or HTML."""

from __future__ import annotations

import re
import unicodedata

_BACKTICKS = re.compile(r"`+")


def one_line(text: str) -> str:
    """``text`` with line breaks and control characters (Unicode Cc, Zl, Zp) as spaces."""
    # A line break would end a Markdown paragraph or table row; the rest of Cc is invisible at best.
    return "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)


def inert(value: object, limit: int | None = None) -> str:
    """``value`` as a Markdown code span: shown literally, cut to ``limit`` characters (with "…")."""
    text = str(value)
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    text = one_line(text)  # a line break could end the paragraph, and with it the code span
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    # CommonMark strips one space on each side of a span, so padding always is exact and lets `x start/end it.
    return f"{fence} {text} {fence}"
