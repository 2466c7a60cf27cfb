"""ui/table.py: hostile text stays literal, numbers are formatted and aligned, and every table reads back."""

from __future__ import annotations

import math
import re
import string

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import parse_table, table_values
from ui.table import as_number, cell, literal, markdown

HOSTILE = {
    "pipes": "a|b || |",
    "backslashes": "back\\slash\\ \\| \\\\",
    "backticks": "`code` ``x`` ```",
    "script": "<script>alert(1)</script>",
    "html": '<img src="http://127.0.0.1:9/p.png" onerror="alert(1)"> &amp; &lt;b&gt;',
    "newlines": "line1\nline2\r\n\n| x | y |\n|---|---|\u2028end\u2029",
    "rtl": "abc\u202edef\u200f \u05e9\u05dc\u05d5\u05dd \u200e ok",
    "emoji": "😀👩‍💻 🇰🇷",
    "korean": "학습률은 **굵게** _기울임_",
    "shortcodes": ":smile: :material/home: :material_home: :streamlit: :red[big] :+1:",
    "typography": "a -> b <- c <-> d -- e >= f <= g ~= h",
    "latex": "$x^2$ $$\\int_0^1 x\\,dx$$",
    "links": "![x](http://127.0.0.1:9/p.png) [l](https://example.com) <https://x.y>",
    "autolinks": "www.example.com WWW.EXAMPLE.COM http://a.b a@b.co",
    "blocks": "# heading\n---\n1. item\n> quote",
    "joiners": "-\u2060> :\u2060x www\u2060.x <\u2060\u2060=",  # an invisible joiner already where ui.table puts one
    "spaces": "  padded   inside  ",
}
PUNCTUATION = re.compile("[" + re.escape(string.punctuation) + "]")
# What Streamlit 1.67's Markdown rewrites in text nodes, after backslash escapes are gone (copied from its
# frontend bundle, StreamlitMarkdown-*.js, remark-emoji and GFM's autolink literals).
REWRITTEN = [
    r":[\w+-]+:",
    r":material_\w+:",
    r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)",
    r"(?i)(https?://|www(?=\.))[-.\w]+",
    r"[-.\w+]+@[-\w]+(\.[-\w]+)+",
]


def shown(text: str) -> str:
    """What a reader should see in a cell: line breaks and control characters as spaces, ends trimmed."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", text).strip(" ")


def text_node(source: str) -> str:
    """A cell's source as CommonMark leaves it in the text node: each backslash escape resolved."""
    return re.sub(r"\\([" + re.escape(string.punctuation) + "])", r"\1", source)


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_reads_back_exactly_as_header_and_cell(text):
    source = markdown({text: [text, "plain"]})
    assert len(source.splitlines()) == 4  # header, alignment, two rows: no line break got through
    assert parse_table(source) == {shown(text): [shown(text), "plain"]}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_has_no_markup_left(text):
    source = literal(text)
    assert "\n" not in source and "\r" not in source
    # Every ASCII punctuation character is backslash-escaped, so none starts a link, tag, span or column.
    assert not PUNCTUATION.search(re.sub(r"\\.", "", source))
    # And nothing Streamlit rewrites after parsing is left in the text it parses to.
    assert not [p for p in REWRITTEN if re.search(p, text_node(source))]


def test_the_rewrite_patterns_do_catch_the_raw_text():
    """The reference can fail: unprotected, the payloads are rewritten."""
    raw = HOSTILE["shortcodes"] + " " + HOSTILE["typography"] + " " + HOSTILE["autolinks"]
    assert all(re.search(p, raw.replace(":material/", ":material_")) for p in REWRITTEN)


def test_alignment_row_puts_numbers_right_and_text_left():
    source = markdown(
        {
            "name": ["a", "b", "c"],
            "int": [1, np.int64(2), 3],
            "float": [0.5, np.float32(1.5), math.nan],
            "formatted": ["0.05", "1.2×10⁻⁵", "—"],  # numbers that arrive as text
            "with a word": [3, None, "never"],
            "none yet": ["—", None, "—"],  # a column of stop steps before any run stopped
            "flag": [True, False, True],  # bools are not numbers
            "name or none": ["a", None, "—"],
        }
    )
    assert source.splitlines()[1] == "| :--- | ---: | ---: | ---: | ---: | ---: | :--- | :--- |"


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (4160, None, "4,160"),
        (np.int64(-1234567), None, "-1,234,567"),
        (0.123456789, None, "0.1235"),
        (12345.6, None, "1.235×10⁴"),
        (1e-16, None, "10⁻¹⁶"),
        (-2.5e-16, None, "-2.5×10⁻¹⁶"),
        (0.0, None, "0"),
        (math.nan, None, "nan"),
        (math.inf, None, "inf"),
        (-math.inf, None, "-inf"),
        (None, None, "—"),
        (True, None, "True"),
        ("B = 1", ".6f", "B = 1"),  # a format is for numbers; text stays as given
        (0.1234567, ".6f", "0.123457"),
        (-1e-9, "z.6f", "0.000000"),
        (3.3e-17, lambda v: f"{v:.1e}", "3.3e-17"),
    ],
)
def test_cells_are_formatted(value, fmt, text):
    assert cell(value, fmt) == text


@pytest.mark.parametrize(
    "value", [0, 7, 4160, -1234567, 0.05, 1.5, -0.000123, 1e-16, 2.5e-16, 6.02e23, 123.456, math.inf, -math.inf]
)
@pytest.mark.parametrize("fmt", [None, ".6f", ".3e", ".10g"])
def test_numbers_read_back_to_their_shown_precision(value, fmt):
    text = cell(value, fmt if isinstance(value, float) else None)
    (back,) = parse_table(markdown({"v": [text]}))["v"]  # via the Markdown source, escapes and all
    assert back == as_number(text)
    if isinstance(value, int):
        assert back == value and isinstance(back, int)
    elif fmt in (None, ".3e"):  # four (three) significant digits
        assert back == pytest.approx(value, rel=5e-4)
    else:
        assert back == pytest.approx(value, rel=1e-6, abs=1e-6)


def test_nan_reads_back_as_nan_and_missing_as_none():
    values = parse_table(markdown({"v": [math.nan, None, "−inf"]}))["v"]
    assert math.isnan(values[0]) and values[1:] == [None, -math.inf]


@pytest.mark.parametrize("text", ["B = 1", "1,2", "1.2.3", "e5", "", "-", "10⁻", "×10⁵", "1,000,00", "nano", "0x10"])
def test_text_that_is_not_a_number_stays_text(text):
    assert as_number(text) is None


def test_a_table_without_rows_still_has_its_header():
    assert markdown({"a": [], "b": ()}) == "| a | b |\n| :--- | :--- |"
    assert parse_table(markdown({"a": []})) == {"a": []}


@pytest.mark.parametrize("columns", [{}, {"a": [1, 2], "b": [1]}])
def test_ragged_or_empty_tables_are_refused(columns):
    with pytest.raises(ValueError, match="one length"):
        markdown(columns)


def _app():
    import streamlit as st

    from ui.table import table

    left, right = st.columns(2)
    table({"step": range(3), "loss": [1.0, 0.25, 1e-9], "note": ["start", "|x|", ":smile:"]}, key="t", where=right)
    left.write("beside")


def test_the_element_is_keyed_and_read_back_from_an_app():
    at = AppTest.from_function(_app).run()
    assert not at.exception
    assert table_values(at, "t") == {"step": [0, 1, 2], "loss": [1, 0.25, 1e-9], "note": ["start", "|x|", ":smile:"]}
    assert at.get_by_key("table_t") in at.columns[1].children.values()
