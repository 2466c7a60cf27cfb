"""The app in a real Chromium: navigation, the home page, a deep link on a fresh server, and the checks
every page gets at the desk (its code opens; a "Try this" experiment goes into the URL, which alone
reproduces the view), run on the page load of tests/e2e/test_layout_e2e.py's desk case with its language
and control checks. Scrubbing without a rerun: tests/e2e/test_scrub_integrity_e2e.py. Pages come from the
app's registry."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from playwright.sync_api import expect

import i18n
from tests.e2e.browser import (
    LOAD_TIMEOUT,
    SCREENSHOTS,
    assert_clean,
    full_screenshot,
    rerun,
    wait_charts,
    wait_done,
)
from tests.e2e.server import AppServer
from ui import registry

PAGES = [spec.url_path for spec in registry.built()]
SLIDER = "[data-testid='stMain'] [data-testid='stSlider'] input[type='range']:not([disabled])"


def open_page(page, server, url_path: str, lang: str, **params) -> None:
    page.goto(f"{server.url}/{url_path}?{urlencode({'lang': lang, **params})}")
    wait_done(page)
    page.wait_for_selector(".js-plotly-plot", timeout=LOAD_TIMEOUT)
    wait_charts(page)


def slider_values(page) -> list[str]:
    return page.locator(SLIDER).evaluate_all("els => els.map(e => e.value)")


def test_navigation_lists_every_registered_page(page, app_server):
    page.goto(app_server.url)
    wait_done(page)
    hrefs = page.locator("[data-testid='stSidebarNav'] a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    paths = {urlparse(h).path.strip("/") for h in hrefs}
    assert paths == {""} | set(PAGES)


@pytest.mark.parametrize(("locale", "lang"), [("ko-KR", "ko"), ("en-US", "en")])
def test_home_follows_the_browser_language(new_page, app_server, locale, lang):
    page = new_page(locale=locale, viewport={"width": 1400, "height": 1000})
    page.goto(app_server.url)
    wait_done(page)
    expect(page.locator("h1").first).to_have_text(i18n.t("app.title", lang))
    expect(page.get_by_text(i18n.t("chapter.18", lang)).first).to_be_visible()
    assert_clean(page, lang)
    full_screenshot(page, SCREENSHOTS / f"home-{lang}.png")


# ui/chart.js replaces plotly's PlotSchema.findArrayAttributes by a planned lookup; on every trace of
# every chart (after a change, so animated traces count too) it must agree with plotly's own. Checked on every
# page after a slider change in the desk case of tests/e2e/test_layout_e2e.py (which also checks that the
# change reaches the chart and the URL).
SAME_ARRAY_ATTRIBUTES = """() => {
    const schema = window.Plotly.PlotSchema, fast = schema.findArrayAttributes;
    if (!fast.original) return ['not patched'];
    const differ = [];
    document.querySelectorAll('.dl-chart').forEach(gd => (gd._fullData || []).forEach((trace, i) => {
        const a = JSON.stringify(fast(trace)), b = JSON.stringify(fast.original.call(schema, trace));
        if (a !== b) differ.push(`${gd.dataset.chartKey} trace ${i} (${trace.type}): ${a} vs ${b}`);
    }));
    return differ;
}"""


# Every page runs these at the desk, on the page load of its layout case (tests/e2e/test_layout_e2e.py).
def assert_code_opens(page, lang: str) -> None:
    """The "PyTorch code" expander is closed (its source is not sent on every rerun) and opens with code in it."""
    expander = page.locator("[data-testid='stExpander']").filter(has_text=i18n.t("ui.code", lang))
    assert expander.locator("[data-testid='stCode']").count() == 0, "code sent while its expander is closed"
    expander.locator("summary").click()  # opening it reruns the page, which sends the source
    code = expander.locator("[data-testid='stCode']").first
    expect(code).to_be_visible(timeout=LOAD_TIMEOUT)
    assert "def " in code.inner_text()
    assert_clean(page, lang)


def assert_try_this_link_reproduces(page, lang: str) -> None:
    """Applying the last "Try this" experiment writes its settings into the URL, and that link alone
    reproduces the view."""
    url_before = page.evaluate("location.href")
    buttons = page.locator("[data-testid='stButton'] button").filter(has_text=i18n.t("ui.try_apply", lang))
    assert buttons.count() >= 1
    rerun(page, buttons.last.click)
    assert page.evaluate("location.href") != url_before
    query = parse_qs(urlparse(page.evaluate("location.href")).query)
    assert set(query) - {"lang"}, "the experiment's settings are not in the URL"
    values = slider_values(page)
    assert_clean(page, lang)
    # Loading the link again starts a new session (no widget state carries over): the same slider values.
    page.goto(page.evaluate("location.href"))
    wait_done(page)
    page.wait_for_selector(".js-plotly-plot", timeout=LOAD_TIMEOUT)
    assert slider_values(page) == values
    assert_clean(page, lang)


def test_first_deep_link_after_a_server_start_shows_its_page(page):
    """A lecturer's bookmark, opened first on a fresh server, must not pop a "Page not found" dialog."""
    server = AppServer()
    try:
        server.wait_healthy()
        query = "surface=rosenbrock&x0=-1.5&y0=2&lr=0.002&steps=200&lang=ko"
        page.goto(f"{server.url}/gradient-descent?{query}")
        wait_done(page)
        page.wait_for_selector(".js-plotly-plot", timeout=LOAD_TIMEOUT)
        assert page.locator("[role='dialog']").count() == 0
        expect(page.locator("h1").first).to_have_text("경사하강법")
        assert parse_qs(urlparse(page.evaluate("location.href")).query)["surface"] == ["rosenbrock"]
        assert "200단계 뒤 손실이" in page.locator("[data-testid='stAlertContentSuccess']").inner_text()
        assert_clean(page, "ko")
    finally:
        server.stop()
