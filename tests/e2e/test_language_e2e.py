"""Language seams in a real Chromium, every page, Korean and English browsers: `lang` stays in the URL,
option widgets show names in the page language while the URL keeps IDs, no generic particle
(을(를) …) and no literal ** in what is on screen."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

import i18n
from i18n.particles import GENERIC
from tests.e2e.browser import LOAD_TIMEOUT, assert_clean, rerun, visible_text, wait_done
from ui import registry

PAGES = [spec.url_path for spec in registry.built()]
LOCALES = [("ko-KR", "ko"), ("en-US", "en")]
HANGUL = re.compile(r"[\uac00-\ud7a3]")
SLIDER = "[data-testid='stMain'] [data-testid='stSlider'] input[type='range']:not([disabled])"
COMBOBOX = "[data-testid='stSelectbox'] input[role='combobox']"
# The shown choice of each option widget in the page body (not its label, which is translated anyway).
CHOICES_JS = """() => {
    const main = document.querySelector("[data-testid='stMain']");
    const q = s => [...main.querySelectorAll(s)];
    return [...q("[data-testid='stSelectbox'] input[role='combobox']").map(e => e.value),
            ...q("[data-testid='stMultiSelectTagsContainer']").map(e => e.innerText),
            ...q("[data-testid='stRadioOption']").map(e => e.innerText)]; }"""


@pytest.fixture(params=LOCALES, ids=[loc for loc, _ in LOCALES])
def localized(request, new_page):
    """A page in a browser whose language is ko-KR or en-US, and the app language that follows from it."""
    locale, lang = request.param
    return new_page(locale=locale, viewport={"width": 1400, "height": 1000}), lang


def goto(page, url: str) -> None:
    page.goto(url)
    wait_done(page)
    page.wait_for_selector(".js-plotly-plot", timeout=LOAD_TIMEOUT)


def expect_lang_in_url(page, lang: str) -> None:
    expect(page).to_have_url(re.compile(rf"[?&]lang={lang}(&|$)"), timeout=LOAD_TIMEOUT)


def assert_text_reads_well(page, lang: str) -> None:
    assert_clean(page, lang)
    text = visible_text(page)
    generic = GENERIC.findall(text)
    assert not generic, f"generic particles on screen: {generic[:5]}"
    stars = [text[max(0, m.start() - 30) : m.end() + 30] for m in re.finditer(r"\*\*", text)]
    assert not stars, f"literal ** on screen: {stars[:3]}"


@pytest.mark.parametrize("url_path", PAGES)
def test_every_page_keeps_lang_in_the_url_and_reads_well(localized, app_server, url_path):
    page, lang = localized
    # No ?lang=: the browser's language is used, and written into the URL.
    goto(page, f"{app_server.url}/{url_path}")
    expect_lang_in_url(page, lang)
    assert_text_reads_well(page, lang)
    if lang == "ko":
        choices = page.evaluate(CHOICES_JS)
        assert choices, "no option widget found"
        for choice in choices:
            if re.search(r"[A-Za-z]", choice):  # plain numbers ("8,8", "64") need no translation
                assert HANGUL.search(choice), f"option shown untranslated: {choice!r}"
        params = parse_qs(urlparse(page.url).query)
        assert not any(HANGUL.search(v) for values in params.values() for v in values), params
    # A widget change keeps it.
    slider = page.locator(SLIDER).first
    at_max = slider.evaluate("e => Number(e.value) >= Number(e.max)")
    slider.focus()
    rerun(page, lambda: slider.press("ArrowLeft" if at_max else "ArrowRight"))
    expect_lang_in_url(page, lang)
    # ?lang= equal to the browser's language is kept too (Streamlit drops a bound widget's default).
    goto(page, f"{app_server.url}/{url_path}?lang={lang}")
    expect_lang_in_url(page, lang)


def test_a_korean_choice_goes_to_the_url_as_an_id_and_survives_switching_language(new_page, app_server):
    page = new_page(locale="ko-KR", viewport={"width": 1400, "height": 1000})
    goto(page, f"{app_server.url}/gradient-descent?surface=rosenbrock")
    select = page.locator(f"[data-testid='stMain'] {COMBOBOX}").first
    expect(select).to_have_value(i18n.t("gd.surface.rosenbrock", "ko"))
    select.click()
    page.get_by_role("option", name=i18n.t("gd.surface.himmelblau", "ko")).click()
    expect(page).to_have_url(re.compile(r"[?&]surface=himmelblau(&|$)"), timeout=LOAD_TIMEOUT)
    wait_done(page)
    page.locator("[data-testid='stSidebar'] [data-testid='stRadio'] label").filter(has_text="English").click()
    expect(page.locator("h1").first).to_have_text(i18n.t("page.gradient-descent.title", "en"), timeout=LOAD_TIMEOUT)
    wait_done(page)
    expect(select).to_have_value(i18n.t("gd.surface.himmelblau", "en"))
    expect(page).to_have_url(re.compile(r"[?&]surface=himmelblau(&|$)"))
    expect_lang_in_url(page, "en")
