"""Tests run under the app's torch thread policy (one thread: tiny models, shared cores).

``--quick`` is the developer's loop (1.5-2 minutes on 2 cores): it leaves out the browser tests
(tests/e2e) and every test that runs the whole app through AppTest or measures a server process
(``integration``: marked here by what a module imports, or by its own ``pytestmark``), and keeps
the core, viz, i18n, chart, cache and layering tests. CI runs everything.
"""

from __future__ import annotations

import pytest
import streamlit  # noqa: F401 - as in app.py, before viz: importing it sets plotly's default template to its own

from core.common.runtime import configure_torch

configure_torch()

APP_DRIVERS = ("tests.apptest_helpers", "streamlit.testing.v1.app_test")


def pytest_addoption(parser):
    parser.addoption(
        "--quick", action="store_true",
        help="leave out the browser tests and the whole-app (AppTest) and server tests: 1.5-2 minutes",
    )  # fmt: skip


def pytest_configure(config):
    config.addinivalue_line("markers", "integration: runs the whole app (AppTest) or measures a server process")


def drives_the_app(item) -> bool:
    module = getattr(item, "module", None)
    return module is not None and any(getattr(v, "__module__", None) in APP_DRIVERS for v in vars(module).values())


def pytest_collection_modifyitems(config, items):
    for item in items:
        if drives_the_app(item):
            item.add_marker(pytest.mark.integration)
    if not config.getoption("--quick"):
        return
    kept, left = [], []
    for item in items:
        slow = "e2e" in item.nodeid.split("::")[0] or item.get_closest_marker("integration")
        (left if slow else kept).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
