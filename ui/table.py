"""The one table element: a few rows of computed numbers as a Markdown (GFM) table.

``st.dataframe`` sends its data through pandas and pyarrow and draws a canvas grid that costs the browser
time on every rerun and keeps its own text size. Our tables are 3-20 rows: Streamlit's Markdown draws them
as a themed HTML table whose text scales with the page's. Numbers are formatted here (``cell``) and
right-aligned, text left-aligned, and every header and cell is shown literally (``literal``).
``as_number`` and ``plain`` read a cell back: for aligning numbers that arrive already formatted, and
for tests (tests/apptest_helpers.table_values).
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Callable, Iterable, Mapping
from numbers import Integral, Real

import streamlit as st

from i18n.numbers import num
from ui.text import one_line

MISSING = "—"  # how a None cell is shown
Format = str | Callable[[float], str]  # a format spec (".6f") or a function of the number

_ESCAPE = re.compile("([" + re.escape(string.punctuation) + "])")  # CommonMark lets a backslash escape each
_UNESCAPE = re.compile(r"\\(.)")
# Streamlit rewrites some text after parsing, where backslashes no longer count: ":name:" becomes an emoji,
# an icon or its logo, "www.x.y" and "a@b.c" links, and a spaced "->", "<-", "--", ">=", "<=" or "~=" an
# arrow or symbol. An invisible word joiner after the first part of each breaks it; ``plain`` takes out those.
_WJ = "\u2060"
_STARTS = r"[:@]|(?i:www)(?={j}\.)|<(?={j}[-=])|-(?={j}[->])|[>~](?={j}=)"  # {j}: the joiners already there
_BREAK = re.compile(_STARTS.format(j=_WJ + "*"))
_BROKEN = re.compile("(" + _STARTS.format(j=_WJ + "+") + ")" + _WJ)

_NUMBER = re.compile(r"[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_POWER = re.compile(r"(?:([+-]?\d+(?:\.\d+)?)×)?10(⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")  # i18n.numbers.num's a×10ⁿ
_FROM_SUPERSCRIPT = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
_SPECIAL = {"nan": math.nan, "inf": math.inf, "+inf": math.inf, "-inf": -math.inf}


def is_number(value: object) -> bool:
    """Whether ``value`` is a number (bools are not), or text that shows one."""
    if isinstance(value, str):
        return as_number(value) is not None
    return isinstance(value, Real) and not isinstance(value, bool)


def cell(value: object, fmt: Format | None = None) -> str:
    """``value`` as the table shows it: None as "—", integers with thousands separators, other numbers
    with four significant digits and tiny or huge ones as a×10ⁿ (i18n.numbers.num), text as given.
    ``fmt`` (a format spec or a function) formats a number instead."""
    if value is None:
        return MISSING
    if isinstance(value, str) or not is_number(value):
        return str(value)
    if fmt is not None:
        return fmt(value) if callable(fmt) else format(value, fmt)
    return f"{int(value):,}" if isinstance(value, Integral) else num(float(value))


def as_number(text: str) -> int | float | None:
    """The number a cell's text shows (an int when written without a point or exponent), None for other text."""
    s = text.strip().replace("−", "-")
    if s.lower() in _SPECIAL:
        return _SPECIAL[s.lower()]
    if _NUMBER.fullmatch(s):
        digits = s.replace(",", "")
        return int(digits) if digits.lstrip("+-").isdigit() else float(digits)
    if m := _POWER.fullmatch(s):
        return float(f"{m[1] or 1}e{m[2].translate(_FROM_SUPERSCRIPT)}")  # exact, as Python reads 1.2e-5
    return None


def literal(text: str) -> str:
    """``text`` as Markdown that shows exactly it on one line of a table: no link, HTML, LaTeX, emoji or
    icon, no column break; line breaks and control characters become spaces."""
    return _ESCAPE.sub(r"\\\1", _BREAK.sub(lambda m: m[0] + _WJ, one_line(text).strip(" ")))


def plain(source: str) -> str:
    """The text a header's or cell's Markdown source (made by ``literal``) shows."""
    return _BROKEN.sub(r"\1", _UNESCAPE.sub(r"\1", source.strip(" ")))


def _numeric(values: list) -> bool:
    """Whether a column is right-aligned: it holds a number, or nothing but missing values ("—")."""
    missing = [v is None or v == MISSING for v in values]
    return any(is_number(v) for v in values) or (bool(values) and all(missing))


def markdown(columns: Mapping[str, Iterable], formats: Mapping[str, Format] | None = None) -> str:
    """``columns`` (header -> one value per row) as a GFM pipe table: a column of numbers is right-aligned
    (its text cells, such as "—" or "never", with it), other columns left-aligned."""
    cols = {header: list(values) for header, values in columns.items()}
    if not cols or len({len(values) for values in cols.values()}) > 1:
        raise ValueError(f"a table needs columns of one length, got {[len(v) for v in cols.values()]}")
    formats = formats or {}
    align = ["---:" if _numeric(values) else ":---" for values in cols.values()]
    cells = [[literal(cell(v, formats.get(header))) for v in values] for header, values in cols.items()]
    lines = [[literal(header) for header in cols], align, *zip(*cells, strict=True)]  # columns -> rows
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


def table(
    columns: Mapping[str, Iterable], *, key: str, where=None, formats: Mapping[str, Format] | None = None
) -> None:
    """Draw ``columns`` (header -> values) as a table in the container ``table_<key>`` (inside ``where``, if
    given), which scrolls sideways when the table is wider; ``formats`` maps a header to its numbers' format."""
    box = (where if where is not None else st).container(key=f"table_{key}")
    box.markdown(markdown(columns, formats))
