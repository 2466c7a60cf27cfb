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


MENU = ".st-key-dl_nav"  # ui/nav.py
MENU_STATE = """() => ({
    builtIn: document.querySelectorAll("[data-testid='stSidebarNav']").length,
    links: [...document.querySelectorAll(".st-key-dl_nav a")].map(a => ({
        path: new URL(a.href).pathname.replace(/^[/]+|[/]+$/g, ""), text: a.innerText.trim(),
        marked: getComputedStyle(a).backgroundColor !== "rgba(0, 0, 0, 0)" && a.getAttribute("aria-current") === "page"})),
    sections: [...document.querySelectorAll(".st-key-dl_nav .dl-section")].map(p => ({
        text: p.innerText, cut: p.scrollWidth > p.clientWidth + 1 || p.getBoundingClientRect().right > p.closest(
            "[data-testid='stSidebar']").getBoundingClientRect().right})),
})"""


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_menu_lists_every_page_marks_the_current_one_and_follows_a_link(new_page, app_server, lang):
    """The sidebar menu (ui/nav.py; st.navigation's own is hidden): every registered page once, each section
    named in full (the built-in menu cut "Representation & probability · c..."), the page on screen marked;
    a link opens its page in the same language, without loading the app again, and marks that page."""
    page = new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"{app_server.url}/?lang={lang}")
    wait_done(page)
    expect(page.locator(f"{MENU} a")).to_have_count(len(PAGES) + 1)  # drawn with the first run's sidebar
    menu = page.evaluate(MENU_STATE)
    assert menu["builtIn"] == 0, "st.navigation's own menu is drawn as well"
    assert sorted(link["path"] for link in menu["links"]) == sorted(["", *PAGES])
    assert [link["path"] for link in menu["links"] if link["marked"]] == [""], "the chapter map is the page shown"
    names = {i18n.t(registry.section_of(spec), lang) for spec in registry.built()} | {i18n.t("nav.start", lang)}
    assert {section["text"] for section in menu["sections"]} == names
    assert not [section["text"] for section in menu["sections"] if section["cut"]], "a section name is cut"
    page.evaluate("() => { window.__sameApp = true; }")  # gone if the link loaded the app again
    page.locator(MENU).get_by_role("link", name=i18n.t("page.dropout.title", lang), exact=True).click()
    page.wait_for_url(f"**/dropout?*lang={lang}*", timeout=LOAD_TIMEOUT)
    wait_done(page)
    expect(page.locator("h1").first).to_contain_text(i18n.t("page.dropout.title", lang))
    assert page.evaluate("() => window.__sameApp === true"), "following a link loaded the app again"
    assert [link["path"] for link in page.evaluate(MENU_STATE)["links"] if link["marked"]] == ["dropout"]
    assert_clean(page, lang)
    page.go_back()  # the link went into the history: back is the chapter map again, in the same app
    home = urlparse(app_server.url).path.rstrip("/")
    page.wait_for_url(lambda url: urlparse(url).path.rstrip("/") == home, timeout=LOAD_TIMEOUT)
    wait_done(page)
    expect(page.locator("h1").first).to_have_text(i18n.t("app.title", lang))
    assert page.evaluate("() => window.__sameApp === true"), "going back loaded the app again"
    assert [link["path"] for link in page.evaluate(MENU_STATE)["links"] if link["marked"]] == [""]


def test_the_menu_is_left_alone_by_a_page_change_and_opens_new_tabs(new_page, app_server):
    """The menu is one element (ui/nav.js) drawn when the language or the page changes: a slider change on
    the page, which reruns the page alone, leaves it as it is. A link clicked with Ctrl
    opens its page in a new tab, as a link does, and the page shown stays."""
    page = new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"{app_server.url}/gradient-descent?lang=en")
    wait_done(page)
    expect(page.locator(f"{MENU} a")).to_have_count(len(PAGES) + 1)
    builds = page.locator(f"{MENU} nav").get_attribute("data-builds")
    revisions = page.locator(".dl-chart").evaluate_all("els => els.map(e => e.dataset.revision)")
    before = slider_values(page)
    page.locator(SLIDER).first.focus()
    page.locator(SLIDER).first.press("ArrowRight")
    page.wait_for_function(
        "old => [...document.querySelectorAll('.dl-chart')].some((e, i) => e.dataset.revision !== old[i])",
        arg=revisions,
    )
    wait_done(page)
    assert slider_values(page) != before, "the slider did not move"
    assert page.locator(f"{MENU} nav").get_attribute("data-builds") == builds, "a slider change drew the menu again"
    assert page.locator(f"{MENU} a[aria-current='page']").get_attribute("data-path") == "gradient-descent"
    with page.context.expect_page() as opened:
        page.locator(MENU).get_by_role("link", name=i18n.t("page.relu.title", "en"), exact=True).click(
            modifiers=["ControlOrMeta"]
        )
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url.split("?")[0].rstrip("/").endswith("/relu")
    wait_done(tab)
    expect(tab.locator("h1").first).to_contain_text(i18n.t("page.relu.title", "en"))
    tab.close()
    assert page.url.split("?")[0].endswith("/gradient-descent"), "the page shown changed"
    expect(page.locator("h1").first).to_contain_text(i18n.t("page.gradient-descent.title", "en"))


def test_a_menu_link_on_a_narrow_screen_closes_the_sidebar(new_page, app_server):
    """Under 768 px the sidebar lies over the page: a link followed there closes it (ui/nav.js), as
    st.navigation's menu does on a phone, so the page opened is in view."""
    page = new_page(viewport={"width": 600, "height": 900})
    page.goto(f"{app_server.url}/?lang=en")
    wait_done(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    if sidebar.get_attribute("data-collapsed") != "false":
        page.locator("[data-testid='stExpandSidebarButton']").click()
    expect(sidebar).to_have_attribute("data-collapsed", "false")
    link = page.locator(MENU).get_by_role("link", name=i18n.t("page.relu.title", "en"), exact=True)
    expect(link).to_be_in_viewport()
    link.click()
    page.wait_for_url("**/relu?*", timeout=LOAD_TIMEOUT)
    wait_done(page)
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    expect(page.locator("h1").first).to_be_in_viewport()


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
