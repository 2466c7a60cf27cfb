"""Helpers to run pages in AppTest and read everything they show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

import i18n
from ui.table import MISSING, as_number, plain

TIMEOUT = 60
APP = str(Path(__file__).resolve().parents[1] / "app.py")


def open_page(page: str | None = None, **params) -> AppTest:
    """Run the app with URL ``params`` (as a deep link would) and switch to ``page`` (views/x.py)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = str(value)
    at.run()
    if page:
        at.switch_page(page)
        for key, value in params.items():
            at.query_params[key] = str(value)
        at.run()
    return at


def figures(at: AppTest) -> list[dict]:
    """Every chart the page draws (ui.chart's stable element), as plotly figure dicts, in page order."""
    from ui.chart import unpack  # imported by the page already: the element is registered by the app's run

    return [json.loads(unpack(e.proto.bytes)[1]) for e in at.get("bidi_component")
            if e.proto.component_name == "dlviz.chart"]  # fmt: skip


def parse_table(source: str) -> dict[str, list]:
    """A GFM pipe table's Markdown (as ui.table writes it) as header -> cells: numbers as int or float,
    "—" as None, other text as shown."""
    rows = []
    for line in source.splitlines():
        cells, current, chars = [], "", iter(line.strip()[1:])  # past the leading pipe
        for c in chars:
            if c == "\\":
                current += c + next(chars)  # an escaped character, "\|" included, stays in its cell
            elif c == "|":
                cells.append(plain(current))
                current = ""
            else:
                current += c
        rows.append(cells)
    header, align, *body = rows
    assert all(a in ("---:", ":---") for a in align), f"not a table: {source[:80]!r}"
    return {h: [_value(row[i]) for row in body] for i, h in enumerate(header)}


def _value(text: str):
    number = as_number(text)
    return None if text == MISSING else text if number is None else number


def table_values(at: AppTest, key: str) -> dict[str, list]:
    """The table ui.table.table drew under ``key``, read back (``parse_table``)."""
    (markdown,) = [e for e in at.get_by_key(f"table_{key}") if getattr(e, "type", None) == "markdown"]
    return parse_table(markdown.value)


def shown_text(at: AppTest) -> str:
    """Every string the page sends to the browser (labels, help, markdown, chart figures), except code:
    the "PyTorch code" blocks and the chart element's script are English source by design."""
    from ui.chart import unpack

    parts = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if getattr(proto, "component_name", None) == "dlviz.chart":
            # The chart element carries its (English) JS source; what it shows is the figure.
            parts.append(json.dumps(json.loads(unpack(proto.bytes)[1]), ensure_ascii=False))
        elif proto is not None and getattr(node, "type", None) != "code":
            parts.append(text_format.MessageToString(proto, as_utf8=True))
            if getattr(node, "type", None) == "markdown":  # as read: a table's cells are escaped (ui/table.py)
                parts.append(plain(proto.body))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(parts)


def english_only_strings(min_len: int = 12, *, rendered: bool = False) -> set[str]:
    """Catalog texts that exist only in English (their Korean differs): none may appear on a Korean page.

    ``rendered``: for text read from the browser, where Markdown emphasis (``*``) no longer shows as written.
    """
    return {
        e["en"] for e in i18n.CATALOG.values()
        if e["en"] != e["ko"] and len(e["en"]) >= min_len and "{" not in e["en"] and not (rendered and "*" in e["en"])
    }  # fmt: skip


def page_fixture(page: str, lang: str = "en"):
    """A module-scoped fixture opening ``page`` once per test module, named by the name it is assigned
    to (``page = page_fixture("views/x.py")``)."""

    @pytest.fixture(scope="module")
    def opened() -> AppTest:
        return open_page(page, lang=lang)

    return opened


def state_config_of(at: AppTest, cls):
    """The page's declared config as the AppTest session's widgets now hold it (seed included)."""
    from core.common.params import held

    s = at.session_state
    return held(cls, s, int(s["seed"]) if "seed" in s else 0)


def assert_falls_back_to_defaults(page: str, cls, **params) -> AppTest:
    """Open ``page`` with bad URL ``params``: no exception, no error, and every control holds its
    declared default; returns the page for further checks."""
    at = open_page(page, **params)
    assert not at.exception and not at.error
    assert state_config_of(at, cls) == cls()
    return at


def shown_code(at: AppTest) -> str:
    """The source the page's code expander shows once opened (closed, it sends none)."""
    at.session_state["code_open"] = True
    return "\n".join(c.value for c in at.run().code)
