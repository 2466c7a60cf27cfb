"""Language seams in a real Chromium, Korean and English browsers: `lang` stays in the URL, option
widgets show names in the page language while the URL keeps IDs, no generic particle (을(를) …) and
no literal ** in what is on screen. Every page gets these checks in the desk case of
tests/e2e/test_layout_e2e.py, on the page load that test makes anyway; the helpers are here."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

import i18n
from i18n.particles import GENERIC
from tests.e2e.browser import LOAD_TIMEOUT, assert_clean, rerun, visible_text, wait_done

LOCALES = [("ko-KR", "ko"), ("en-US", "en")]
BROWSER_LOCALE = {lang: locale for locale, lang in LOCALES}  # a browser whose language is the app language
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


def assert_options_translated(page) -> None:
    """On a Korean page, every option widget shows a Korean name while the URL keeps the option's ID."""
    choices = page.evaluate(CHOICES_JS)
    assert choices, "no option widget found"
    for choice in choices:
        if re.search(r"[A-Za-z]", choice):  # plain numbers ("8,8", "64") need no translation
            assert HANGUL.search(choice), f"option shown untranslated: {choice!r}"
    params = parse_qs(urlparse(page.url).query)
    assert not any(HANGUL.search(v) for values in params.values() for v in values), params


# Every page, opened with no ?lang= in a Korean and an English browser, is checked by the desk case of
# tests/e2e/test_layout_e2e.py (the same page load): lang written into the URL, the text reads well, the
# options are translated, a slider change keeps lang. What is app-wide is checked here once.
@pytest.mark.parametrize(("locale", "lang"), LOCALES)
def test_lang_equal_to_the_browser_language_stays_in_the_url(new_page, app_server, locale, lang):
    """?lang= equal to the browser's language is kept (Streamlit drops a bound widget's default), and stays
    after a widget change."""
    page = new_page(locale=locale, viewport={"width": 1400, "height": 1000})
    goto(page, f"{app_server.url}/gradient-descent?lang={lang}")
    expect_lang_in_url(page, lang)
    slider = page.locator(SLIDER).first
    at_max = slider.evaluate("e => Number(e.value) >= Number(e.max)")
    slider.focus()
    rerun(page, lambda: slider.press("ArrowLeft" if at_max else "ArrowRight"))
    expect_lang_in_url(page, lang)
    assert_text_reads_well(page, lang)


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


# The modebar's tooltips of every chart on the page (plotly.js writes them when it builds the modebar).
MODEBAR_TITLES = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd =>
    [...gd.querySelectorAll('.modebar-btn[data-title]')].map(b => b.getAttribute('data-title')))"""


def test_the_charts_own_tooltips_follow_the_page_language(new_page, app_server):
    """plotly.js's modebar ("Zoom", "Autoscale", ...) speaks Korean on a Korean page, in every chart, and
    English again after a switch to English (the same plot, updated by Plotly.react)."""
    words = {i18n.CATALOG[k]["en"]: i18n.CATALOG[k]["ko"] for k in i18n.CATALOG if k.startswith("plotly.")}
    page = new_page(locale="ko-KR", viewport={"width": 1400, "height": 1000})
    goto(page, f"{app_server.url}/gradient-descent?lang=ko")
    charts = page.evaluate(MODEBAR_TITLES)
    assert charts and all(charts), f"a chart without modebar buttons: {charts}"
    for titles in charts:
        assert set(titles) <= set(words.values()), (
            f"modebar tooltips not in Korean: {set(titles) - set(words.values())}"
        )
    page.locator("[data-testid='stSidebar'] [data-testid='stRadio'] label").filter(has_text="English").click()
    expect(page.locator("h1").first).to_have_text(i18n.t("page.gradient-descent.title", "en"), timeout=LOAD_TIMEOUT)
    wait_done(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.dl-chart')].every(gd => gd.dataset.revision === gd.dataset.wanted)",
        timeout=LOAD_TIMEOUT,
    )
    charts = page.evaluate(MODEBAR_TITLES)
    assert charts and all(charts)
    for titles in charts:
        assert set(titles) <= set(words), f"modebar tooltips not plotly.js's English: {set(titles) - set(words)}"
