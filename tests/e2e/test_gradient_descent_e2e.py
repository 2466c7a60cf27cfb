"""Gradient-descent page specifics in a real browser: divergence message, click-to-start, Korean deep link."""

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from tests.e2e.browser import LOAD_TIMEOUT, assert_clean, wait_done


def test_diverging_rate_shows_a_clear_message(page, app_server):
    page.goto(f"{app_server.url}/gradient-descent?surface=bowl&lr=5&lang=en")
    wait_done(page)
    page.wait_for_selector(".js-plotly-plot", timeout=LOAD_TIMEOUT)
    alert = page.locator("[data-testid='stAlertContentError']")
    expect(alert).to_contain_text("diverged at step 4")
    expect(alert).to_contain_text("2/λ_max = 1")
    assert page.locator(".js-plotly-plot").count() == 1
    assert_clean(page, "en")


def test_3d_view_renders_and_scrubs_in_the_browser(page, app_server):
    page.goto(f"{app_server.url}/gradient-descent?surface=rosenbrock&view3d=true&lang=ko")
    wait_done(page)
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length === 2", timeout=LOAD_TIMEOUT)
    scene = page.locator(".js-plotly-plot").nth(1)
    assert scene.evaluate("gd => gd.data.map(t => t.type)") == ["surface", "scatter3d", "scatter3d"]
    page.evaluate(
        "() => { window.__reruns = 0; new MutationObserver(() => window.__reruns++).observe("
        "document.querySelector(\"[data-testid='stApp']\"), {attributes: true, attributeFilter: ['data-test-script-state']}); }"
    )
    scene.evaluate("gd => Plotly.animate(gd, ['0'], {frame: {duration: 0, redraw: true}, mode: 'immediate'})")
    assert scene.evaluate("gd => gd._fullData[1].x.length") == 1 and page.evaluate("window.__reruns") == 0
    assert_clean(page, "ko")


def test_clicking_the_map_sets_the_start_point(page, app_server):
    page.goto(f"{app_server.url}/gradient-descent?lang=ko")
    wait_done(page)
    page.wait_for_selector(".js-plotly-plot", timeout=LOAD_TIMEOUT)
    drag = page.locator(".js-plotly-plot").first.locator(".draglayer .xy .nsewdrag").first
    drag.scroll_into_view_if_needed()
    box = drag.bounding_box()
    # Upper-left quarter of the bowl's map: x < 0 and y > 0.
    page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.25)
    page.wait_for_function("() => location.search.includes('x0=')", timeout=LOAD_TIMEOUT)
    wait_done(page)
    query = parse_qs(urlparse(page.evaluate("location.href")).query)
    x0, y0 = float(query["x0"][0]), float(query["y0"][0])
    assert x0 < 0 < y0
    star = page.locator(".js-plotly-plot").first.evaluate("gd => [gd.data[3].x[0], gd.data[3].y[0]]")
    assert star == [x0, y0]
    assert_clean(page, "ko")
