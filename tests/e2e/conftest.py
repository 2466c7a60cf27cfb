"""Browser-test fixtures: one Streamlit server and one browser context per set of options for each worker,
Chromium found on the system or Playwright's own."""

from __future__ import annotations

import contextlib
import os

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.browser import SCREENSHOTS, find_chromium, launch_args
from tests.e2e.server import AppServer

AVAILABLE, _, WHERE = find_chromium()
NO_BROWSER = (
    "browser tests skipped: no Chromium found (install Debian's `chromium` package, "
    "or `playwright install chromium`); set CHROMIUM=/path/to/chrome to use another"
)


def pytest_collection_modifyitems(config, items):
    e2e = [item for item in items if "e2e" in item.nodeid.split("::")[0]]
    if AVAILABLE or not e2e:
        return
    if os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError("CI=true but " + NO_BROWSER.replace("browser tests skipped: ", ""))
    for item in e2e:
        item.add_marker(pytest.mark.skip(reason=NO_BROWSER))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, **launch_args()}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "locale": "en-US"}


@pytest.fixture(scope="session")
def app_server():
    server = AppServer()
    server.wait_healthy()
    SCREENSHOTS.mkdir(exist_ok=True)
    yield server
    server.stop()


# One browser context per set of options (viewport, scale, locale) for all the tests of a worker, and in each one
# tab that those tests take turns in. A page load in a tab that has loaded the app before takes about half as
# long as one in a new tab (measured on 6 pages, 2 cores: 13.7-15.6 s in one tab, 22.6-33.4 s in new tabs,
# whether or not in a new context): the tab's renderer keeps Streamlit's and plotly.js's compiled scripts.
# Nothing else carries over: each test starts from about:blank (a page load is a new Streamlit session, so no
# widget state), with the tab's local and session storage cleared, the context's cookies cleared and the
# pages it opened closed; a listener goes through ``listen`` so that it is removed after the test.
@pytest.fixture(scope="session")
def contexts(browser, browser_context_args):
    made: dict[str, list] = {}  # options -> [context, its shared tab, its viewport]

    def get(**options) -> list:
        key = repr(sorted(options.items()))
        if key not in made:
            context = browser.new_context(**(browser_context_args | options))
            made[key] = [context, context.new_page(), (browser_context_args | options).get("viewport")]
        return made[key]

    yield get
    for context, *_ in made.values():
        context.close()


def tidy(held: list) -> None:
    """Leave a shared context as a test found it: its tab on about:blank at the context's size with storage
    cleared, every other page closed, no cookies. A tab that cannot be brought back is replaced by a new one."""
    context, tab, viewport = held
    for page in context.pages:
        if page is not tab:
            page.close()
    try:
        tab.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
        tab.goto("about:blank")
        if viewport and tab.viewport_size != viewport:
            tab.set_viewport_size(viewport)
    except PlaywrightError:  # crashed, or stuck in a dialog: start the next test in a new tab
        with contextlib.suppress(PlaywrightError):
            tab.close()
        held[1] = context.new_page()
    context.clear_cookies()


@pytest.fixture
def context(contexts):
    """pytest-playwright's ``context``: the worker's shared default context (see ``contexts``)."""
    held = contexts()
    yield held[0]
    tidy(held)


@pytest.fixture
def page(contexts, context):
    """pytest-playwright's ``page``: the shared tab of the default context."""
    return contexts()[1]


@pytest.fixture
def new_page(contexts):
    """``new_page(viewport=..., device_scale_factor=..., locale=...)``: the shared tab of the context with
    those options."""
    used = []

    def make(**options):
        held = contexts(**options)
        used.append(held)
        return held[1]

    yield make
    for held in used:
        tidy(held)


@pytest.fixture
def listen(page):
    """``listen(event, handler)``: ``page.on`` for this test only; the handler is removed after it."""
    added = []

    def on(event: str, handler) -> None:
        page.on(event, handler)
        added.append((event, handler))

    yield on
    for event, handler in added:
        page.remove_listener(event, handler)
