"""/optimizers' from-scratch ledger in the browser: the control switches the one ledger chart in place (the
same DOM node, Adam's panels and rows), the link keeps the choice, and every row of Adam's ledger ends inside the
chart at the desk, in the presenter view and at projector size with the sidebar open (its bias corrections ran
past the right edge there when they sat beside m̂ and v̂)."""

from __future__ import annotations

import pytest

import i18n
from tests.e2e.browser import rerun, reveal_charts, wait_charts, wait_done
from tests.e2e.test_layout_e2e import open_at

LEDGER = 1  # the page's second chart

# Each text of the ledger chart (annotations and text traces; without the zero-width spaces plotly.js puts round
# a <sub> or <sup>) and how far right of the chart it ends, in px.
TEXTS = """gd => { const edge = gd.getBoundingClientRect().right;
    return [...gd.querySelectorAll('.annotation-text, .textpoint text')].filter(t => t.textContent)
        .map(t => [t.textContent.replace(/\u200b/g, ''), t.getBoundingClientRect().right - edge]); }"""


def open_ledger(new_page, app_server, size: str, lang: str, *, sidebar: bool = False, ledger: str = ""):
    page = open_at(new_page, app_server, "optimizers", lang, size, ledger, present=False if sidebar else None)
    chart = page.locator(".dl-chart").nth(LEDGER)
    chart.scroll_into_view_if_needed()
    wait_charts(page)
    return page, chart


def test_the_control_switches_the_ledger_in_place_and_the_link_keeps_it(new_page, app_server):
    page, chart = open_ledger(new_page, app_server, "desk", "en")
    chart.evaluate("gd => { gd.__tag = 'momentum'; }")
    texts = [text for text, _ in chart.evaluate(TEXTS)]
    assert i18n.t("opt.scratch_velocity", "en") in texts and "1 − β₁<sup>k</sup>" not in texts
    button = page.locator("[data-testid='stButtonGroup'] button", has_text=i18n.t("opt.tab_adam", "en"))
    rerun(page, button.click)
    reveal_charts(page)  # a chart out of sight keeps its new figure until it comes into view
    assert chart.evaluate("gd => gd.__tag") == "momentum", "the ledger chart was built anew"
    texts = [text for text, _ in chart.evaluate(TEXTS)]
    assert i18n.t("opt.scratch_moment1", "en") in texts and "1 − β₁k" in texts
    assert "ledger=adam" in page.url
    page.goto(page.url)  # the link in a new session
    wait_done(page)
    wait_charts(page)
    reveal_charts(page)
    assert i18n.t("opt.scratch_moment1", "en") in [
        text for text, _ in page.locator(".dl-chart").nth(LEDGER).evaluate(TEXTS)
    ]


@pytest.mark.parametrize(
    ("size", "lang", "sidebar"), [("desk", "en", False), ("projector", "ko", False), ("projector", "en", True)]
)
def test_every_row_of_adams_ledger_ends_inside_the_chart(new_page, app_server, size, lang, sidebar):
    _, chart = open_ledger(new_page, app_server, size, lang, sidebar=sidebar, ledger="ledger=adam")
    texts = chart.evaluate(TEXTS)
    beyond = [(text, round(over, 1)) for text, over in texts if over > 0]
    assert not beyond, f"ledger text past the chart's right edge: {beyond}"
    assert len(texts) >= 2 * 11, texts  # 11 rows, each a label and a value
