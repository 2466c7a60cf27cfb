"""Browser-test fixtures: one Streamlit server per session, Chromium found on the system or Playwright's own."""

from __future__ import annotations

import os

import pytest

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
