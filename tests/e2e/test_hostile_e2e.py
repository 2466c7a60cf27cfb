"""Hostile links and uploads in a real browser: every string/list URL parameter of every page with
Markdown image/link/LaTeX/HTML payloads, each upload kind on /cnn-filters, in both languages.

Must not happen, ever: an <img>, <a> or KaTeX element made from a payload, a traceback, or a
request to any host but the app's own (plain page loads included)."""

from __future__ import annotations

import functools
import itertools
from urllib.parse import urlencode, urlparse

import pytest

from benchmarks.upload_memory import ACCEPTED, UPLOADS
from tests.e2e.browser import EXCEPTION, LOAD_TIMEOUT, assert_clean, chart_data, rerun, wait_charts, wait_done
from ui import registry

MAIN = "[data-testid='stMain']"
PAYLOADS = {
    "image": "![x](http://203.0.113.9/pixel.png)",
    "link": "[Click](https://example.com/x)",
    "latex": r"$\Huge\text{PWNED}$",
    "html": '<img src="http://203.0.113.9/h.png"><a href="https://example.com/h">H</a>',
}
# The app's own strings around an echoed value (a code span) or the state the page falls back to.
ECHO = {"en": "is not a number", "ko": "값은 숫자가 아닙니다"}
KERNEL_TEXT = {"en": "contains something that is not a number", "ko": "숫자가 아닌 것이 들어 있습니다"}
VOCAB = {"en": "Vocabulary", "ko": "어휘"}
WHOLE = {"en": "is not a whole number", "ko": "정수가 아닙니다"}
# page -> (fixed URL values that make the string parameter visible, string/list parameters, expected text or None)
PAGES = {
    "learning-rate": ({}, ["lrs", "surface", "schedule"], ECHO),
    "cnn-filters": ({"kernel": "custom"}, ["custom", "image"], KERNEL_TEXT),
    "rnn-unrolling": ({"sequence": "text"}, ["text", "cell"], VOCAB),
    "optimizers": ({}, ["optims", "surface"], None),
    "gradient-descent": ({}, ["surface"], None),
    "relu": ({}, ["activation", "target", "init"], None),
    "dropout": ({}, ["task"], None),
    "logistic-regression": ({}, ["dataset", "model", "activation", "optimizer", "hidden", "batch"], None),
    "tensors": ({}, ["a", "b", "mode", "op", "layout", "reduce"], WHOLE),
    "linear-layer": ({}, ["widths", "preset"], WHOLE),
    "loss-functions": ({}, ["dtype"], None),
    "linear-regression": ({}, ["dataset", "features"], None),
    "backprop": ({}, ["mode", "act", "loss"], None),
    "sgd": ({}, ["batches", "task", "cloud"], None),
    "overfitting": ({}, ["width"], None),
    "mle": ({}, ["dist", "die"], None),
    "digits-project": ({"epochs": "3"}, ["width", "activation", "optimizer", "batch"], None),
    "representation": ({"epochs": "3"}, ["hidden", "activation", "start", "end"], None),
}
PAYLOAD_MARKS = "img[src*='203.0.113.9'], a[href*='example.com'], img[alt='x']"
ECHOING = ("learning-rate", "cnn-filters", "rnn-unrolling")  # pages that show the value back: every payload
# Pages whose string parameters are option IDs only fall back to their defaults whatever the value is:
# one value carrying every payload at once covers them.
ALL_IN_ONE = " ".join(PAYLOADS.values())
# Payload handling does not depend on the language; the languages alternate over the cases so both
# languages' messages are seen (AppTest covers every payload in both: tests/test_hostile.py).
CASES = [(p, k) for p in ECHOING for k in PAYLOADS] + [(p, "all") for p in PAGES if p not in ECHOING]
CASES = [(p, k, ("en", "ko")[i % 2]) for i, (p, k) in enumerate(CASES)]


def track_off_host(listen, base_url: str) -> list[str]:
    """Every request the page makes to a host other than the app's own, collected as it happens."""
    own = urlparse(base_url).hostname
    off: list[str] = []
    listen("request", lambda r: off.append(r.url) if urlparse(r.url).hostname not in (own, None) else None)
    return off


def open_clean(page, listen, url: str) -> list[str]:
    off = track_off_host(listen, url)
    page.goto(url)
    wait_done(page)
    page.wait_for_selector(f"{MAIN} .element-container", timeout=LOAD_TIMEOUT)
    return off


def assert_inert(page) -> None:
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).first.inner_text()
    assert page.locator(PAYLOAD_MARKS).count() == 0, "an image or link made from the payload"
    katex = page.locator(f"{MAIN} .katex").all_inner_texts()
    assert not [k for k in katex if "PWNED" in k], "LaTeX made from the payload"


def test_every_string_parameter_of_every_page_is_listed():
    assert set(PAGES) == {spec.url_path for spec in registry.built()}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("url_path", [""])  # every page's own load is tracked by the hostile-link cases below
def test_plain_page_load_stays_on_its_own_host(page, listen, app_server, url_path, lang):
    off = open_clean(page, listen, f"{app_server.url}/{url_path}?lang={lang}")
    page.wait_for_load_state("networkidle")
    assert_clean(page, lang)
    assert not off, f"requests to other hosts: {off}"


@pytest.mark.parametrize(("url_path", "payload", "lang"), CASES, ids=[f"{p}-{k}-{lang}" for p, k, lang in CASES])
def test_hostile_link_values_are_inert(page, listen, app_server, url_path, payload, lang):
    fixed, params, expected = PAGES[url_path]
    value = ALL_IN_ONE if payload == "all" else PAYLOADS[payload]
    query = urlencode(fixed | dict.fromkeys(params, value) | {"lang": lang})
    off = open_clean(page, listen, f"{app_server.url}/{url_path}?{query}")
    if expected:
        page.get_by_text(expected[lang]).first.wait_for()
    page.wait_for_load_state("networkidle")
    assert_inert(page)
    assert_clean(page, lang)
    assert not off, f"requests to other hosts: {off}"
    if url_path == "learning-rate":  # the bad piece is echoed, literally, in a code span
        first = value.split()[0]
        assert first in page.locator(f"{MAIN} [data-testid='stAlertContentWarning'] code").all_inner_texts()
    if url_path == "rnn-unrolling":
        vocab = page.locator(f"{MAIN} [data-testid='stCaptionContainer'] code").all_inner_texts()
        assert any("$" in v or "<" in v or "[" in v for v in vocab)
    if expected is None:  # invalid options fall back to defaults: the page draws its charts, no alert
        page.wait_for_selector(f"{MAIN} .js-plotly-plot", timeout=LOAD_TIMEOUT)
        assert page.locator(f"{MAIN} [data-testid='stAlertContainer']").filter(has_text=value[:8]).count() == 0


UPLOAD_TEXT = {  # error code -> the app's words in each language
    "not_image": {"en": "is not a PNG or JPEG", "ko": "PNG나 JPEG 사진이 아닙니다"},
    "empty": {"en": "is empty (0 bytes)", "ko": "파일이 비어 있습니다"},
    "corrupt": {"en": "could not be read", "ko": "읽을 수 없습니다"},
    "too_small": {"en": "each side needs at least", "ko": "픽셀 이상이어야 합니다"},
    "too_many_pixels": {"en": "megapixels are accepted", "ko": "화소까지만 받습니다"},
    "too_large": {"en": "the limit is", "ko": "한도"},
}


# Errors and accepted pictures alternate, so each upload changes what is on screen: a new error's words, or a
# new picture in the charts (an error keeps the picture before it).
REFUSED = [kind for kind, (_, _, code) in UPLOADS.items() if code]
SEQUENCE = [k for pair in itertools.zip_longest(REFUSED, ACCEPTED) for k in pair if k]  # refused, accepted, ...


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_hostile_uploads_get_a_message_or_are_accepted(page, listen, app_server, tmp_path, lang):
    """Every kind of upload in turn, in one session as a student trying files would: an error names the file
    literally and keeps the picture before it; an accepted file is drawn."""
    off = open_clean(page, listen, f"{app_server.url}/cnn-filters?image=flower&lang={lang}")
    page.wait_for_selector(f"{MAIN} .js-plotly-plot", timeout=LOAD_TIMEOUT)
    wait_charts(page)  # the picture on screen, which a refused file must leave as it is
    assert sorted(SEQUENCE) == sorted(UPLOADS)
    for kind in SEQUENCE:
        name, make, code = UPLOADS[kind]
        name = f"![x](x.png) $x$ {name}"  # the file name is hostile too (no "/": browsers cut paths off)
        upload = functools.partial(
            page.set_input_files,
            "[data-testid='stFileUploaderDropzoneInput']",
            files=[{"name": name, "mimeType": "image/png", "buffer": make()}],
        )
        errors = page.locator(f"{MAIN} [data-testid='stAlertContentError']")
        if code is None:
            rerun(page, upload)  # the charts draw the new picture
            assert errors.count() == 0, f"{kind}: {errors.first.inner_text()}"
        else:
            shown = chart_data(page)
            assert shown, "no chart on screen"
            upload()
            error = errors.filter(has_text=UPLOAD_TEXT[code][lang])
            error.first.wait_for()
            wait_done(page)
            assert name in error.first.locator("code").all_inner_texts(), kind  # the file name, literally
            assert chart_data(page) == shown, f"{kind}: the refused file replaced the picture on screen"
        assert_inert(page)
        assert_clean(page, lang)
    assert not off, f"requests to other hosts: {off}"
