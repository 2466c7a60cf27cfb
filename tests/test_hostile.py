"""User text echoed in messages stays inert: checked against CommonMark's code-span rule, and on the pages."""

from __future__ import annotations

import re

import pytest

from tests.apptest_helpers import open_page
from ui.text import inert

PAYLOADS = {
    "image": "![x](http://127.0.0.1:9/pixel.png)",
    "link": "[Click](https://example.com/x)",
    "autolink": "<https://example.com/x>",
    "latex": r"$\Huge\text{PWNED}$",
    "display_latex": r"$$\int_0^1 x\,dx$$",
    "html": '<img src="http://127.0.0.1:9/p.png" onerror="alert(1)"><a href="https://example.com">a</a>',
    "backslash": "\\\\`\\$\\",
    "backticks": "``a`b```c`",
    "edge_backticks": "`x`",
    "newlines": "a\n\n![x](http://127.0.0.1:9/p.png)\r\n<b>b</b>",
    "directive": ":red[big] :material/home: :smile:",
    "emoji": "😀👩‍💻 학습률",
    "korean": "학습률은 0.1입니다 **굵게**",
    "heading": "# title\n---",
}


def code_spans(md: str) -> tuple[list[str], str]:
    """CommonMark code spans in ``md``: (their contents, the text outside them). Written from the spec:
    a backtick string opens a span that the next backtick string of the same length closes; line endings
    become spaces; one leading and trailing space is stripped when both are there and the content is
    not all spaces. An unmatched backtick string is literal text."""
    spans, outside, pos = [], [], 0
    runs = list(re.finditer(r"`+", md))
    i = 0
    while i < len(runs):
        opener = runs[i]
        closer = next((j for j in range(i + 1, len(runs)) if len(runs[j].group()) == len(opener.group())), None)
        if closer is None:
            i += 1
            continue
        outside.append(md[pos : opener.start()])
        content = md[opener.end() : runs[closer].start()].replace("\r\n", " ").replace("\n", " ")
        if content.startswith(" ") and content.endswith(" ") and content.strip(" "):
            content = content[1:-1]
        spans.append(content)
        pos, i = runs[closer].end(), closer + 1
    outside.append(md[pos:])
    return spans, "".join(outside)


def shown(value: str) -> str:
    """What a reader should see: the value with line breaks and control characters as spaces."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", value)


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_inert_is_one_code_span_holding_exactly_the_text(payload):
    md = f"Before “{inert(payload)}” after."
    spans, outside = code_spans(md)
    assert spans == [shown(payload)]
    assert outside == "Before “” after."
    assert "\n" not in md and "\r" not in md  # a blank line would end the paragraph and the span


def test_inert_cuts_long_text_and_leaves_plain_text_readable():
    assert code_spans(inert("x" * 100, limit=20))[0] == ["x" * 20 + "…"]
    assert code_spans(inert("0.1,abc"))[0] == ["0.1,abc"]
    assert code_spans(inert(""))[0] == ["  "]  # an empty value is still a (blank) span, not stray backticks


def test_the_spec_reader_sees_markdown_outside_a_span():
    """The reference itself can fail: a raw payload is not inside any span."""
    spans, outside = code_spans(f"Before {PAYLOADS['image']} after `{PAYLOADS['backticks']}`")
    assert PAYLOADS["image"] in outside and spans != [PAYLOADS["backticks"]]


def only_in_spans(md: str, payload: str) -> bool:
    spans, outside = code_spans(md)
    return shown(payload) in spans and not any(mark in outside for mark in ("![", "](", "$", "<", "http"))


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("payload", [PAYLOADS["image"], PAYLOADS["latex"], "0.1," + PAYLOADS["link"]])
def test_learning_rate_link_echoes_its_bad_piece_inert(payload, lang):
    at = open_page("views/learning_rate.py", lrs=payload, lang=lang)
    assert not at.exception and len(at.warning) == 1
    bad = payload.split(",")[-1]
    assert only_in_spans(at.warning[0].value, bad)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_learning_rate_too_long_text_is_echoed_inert(lang):
    payload = PAYLOADS["image"] * 10
    at = open_page("views/learning_rate.py", lrs=payload, lang=lang)
    assert not at.exception and len(at.warning) == 1
    spans, outside = code_spans(at.warning[0].value)
    assert spans == [payload[:20] + "…"] and "](" not in outside


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_upload_file_name_is_echoed_inert(lang):
    name = PAYLOADS["image"] + ".png"
    at = open_page("views/cnn_filters.py", lang=lang)
    at.file_uploader(key="cnn_upload").set_value((name, b"not a picture", "image/png")).run()
    assert not at.exception and len(at.error) == 1
    assert only_in_spans(at.error[0].value, name)


def test_rnn_vocabulary_is_echoed_inert():
    at = open_page("views/rnn_unrolling.py", sequence="text", text="$x$ ![a](http://h/p.png)", lang="en")
    assert not at.exception
    caption = next(c.value for c in at.caption if "Vocabulary" in c.value)
    spans, outside = code_spans(caption)
    assert len(spans) == 1 and set("$x![a](http:/p.png)") <= set(spans[0])
    assert "$" not in outside and "](" not in outside


def test_config_polls_only_project_files_and_hides_tracebacks(monkeypatch):
    from pathlib import Path

    from streamlit import config
    from streamlit.watcher.path_watcher import get_default_path_watcher_class
    from streamlit.watcher.polling_path_watcher import PollingPathWatcher

    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    config.get_config_options(force_reparse=True)
    try:
        assert config.get_option("client.showErrorDetails") == "none"
        assert config.get_option("server.fileWatcherType") == "poll"
        assert get_default_path_watcher_class() is PollingPathWatcher  # no recursive inotify watch
    finally:
        monkeypatch.undo()
        config.get_config_options(force_reparse=True)


def test_page_icon_ships_with_the_app():
    """A ":material/…:" page icon makes the browser fetch the tab icon from a font CDN."""
    import ast
    from pathlib import Path

    tree = ast.parse((Path(__file__).resolve().parents[1] / "app.py").read_text())
    call = next(
        n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "set_page_config"
    )
    icon = next(k.value.value for k in call.keywords if k.arg == "page_icon")
    assert not icon.startswith(":") and (len(icon) <= 2 or Path(icon).is_file())


def test_charts_name_korean_fonts():
    import plotly.graph_objects as go

    from viz.common import base_layout

    family = base_layout(go.Figure(), height=300).layout.font.family
    for font in ("Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic"):
        assert f'"{font}"' in family
    assert family.rstrip().endswith("sans-serif")
