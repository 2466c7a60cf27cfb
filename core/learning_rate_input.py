"""Reading the typed list of learning rates: any text in, valid rates or a reason out."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

MAX_RATES = 6
LR_MIN, LR_MAX = 1e-6, 10.0
MAX_CHARS = 200
SEPARATORS = re.compile(r"[,\s;，、；]+")  # commas (also full-width), semicolons, spaces


@dataclass(frozen=True)
class ParsedRates:
    rates: tuple[float, ...]  # valid rates in the order typed, repeats dropped, at most MAX_RATES
    error: str | None  # None, "empty", "too_long", "not_number" or "out_of_range"
    bad: str  # the piece of text that caused ``error``
    truncated: bool  # more than MAX_RATES rates were typed; the first MAX_RATES are kept


def parse_lrs(text: str) -> ParsedRates:
    """Split ``text`` on commas and read each piece as a rate in [LR_MIN, LR_MAX]."""
    text = str(text or "")
    if len(text) > MAX_CHARS:
        return ParsedRates((), "too_long", text[:20] + "…", False)
    pieces = [p for p in SEPARATORS.split(text.strip()) if p]
    if not pieces:
        return ParsedRates((), "empty", "", False)
    rates: list[float] = []
    for piece in pieces:
        try:
            value = float(piece)
        except ValueError:
            return ParsedRates((), "not_number", piece, False)
        if not (math.isfinite(value) and LR_MIN <= value <= LR_MAX):
            return ParsedRates((), "out_of_range", piece, False)
        if value not in rates:
            rates.append(value)
    return ParsedRates(tuple(rates[:MAX_RATES]), None, "", len(rates) > MAX_RATES)


def format_lrs(rates: tuple[float, ...]) -> str:
    """The canonical text of a rate list, as the URL carries it: ``0.05,0.2,0.9``."""
    return ",".join(f"{r:g}" for r in rates)
