"""The stable chart element across reruns: every chart stays the same DOM node through widget changes
and scrubs, unchanged static layers keep their drawn objects, and what is on screen afterwards equals
a fresh load of the same URL (traces, frames, axis ranges, slider position)."""

from __future__ import annotations

import json

import pytest

import i18n
from tests.e2e.browser import assert_clean, rerun, wait_charts, wait_done
from tests.e2e.test_pages_e2e import SLIDER, open_page

# Animated, multi-panel and click-driven charts; together they use every kind of trace the pages draw.
# learning-rate: its slider (steps) changes the number of frames, which the browser swaps in place;
# gradient-descent, optimizers, tensors, loss-functions: a change moves an axis range, and only the
# subplots on that axis are drawn again; linear-regression, rnn-unrolling: charts without frames whose
# curves move in place and whose autoranged axes range again.
PAGES = [
    "gradient-descent",
    "learning-rate",
    "optimizers",
    "logistic-regression",
    "dropout",
    "tensors",
    "loss-functions",
    "linear-regression",
    "rnn-unrolling",
]

STATE = """() => [...document.querySelectorAll('.dl-chart')].map(gd => {
    const plain = (k, v) => ArrayBuffer.isView(v) ? Array.from(v, x => Math.round(x * 1e4) / 1e4)
        : (typeof v === 'number' ? Math.round(v * 1e4) / 1e4 : v);
    const axes = Object.keys(gd._fullLayout).filter(k => /^[xy]axis\\d*$/.test(k)).sort();
    return JSON.stringify({
        traces: gd.data.map(t => [t.type, t.name, t.x, t.y, t.z, t.visible]),
        frames: (gd._transitionData._frames || []).map(f => [f.name, (f.data || []).map(d => [d.x, d.y, d.z])]),
        ranges: axes.map(k => [k, gd._fullLayout[k].range]),
        slider: (gd.layout.sliders || []).map(s => s.active),
    }, plain);
})"""
# What is drawn: per subplot, each trace layer with its number of traces and, for lines, their paths
# (a move redraws only the subplots whose axes changed; the others must keep every layer as drawn).
DRAWN = """() => [...document.querySelectorAll('.dl-chart')].map(gd => JSON.stringify(
    [...gd.querySelectorAll('.cartesianlayer g.subplot')].map(sp => [sp.getAttribute('class'),
        [...sp.querySelectorAll(':scope > .plot > g')].map(layer => [layer.getAttribute('class'),
            layer.querySelectorAll(':scope > g.trace').length,
            [...layer.querySelectorAll('path.js-line')].map(p => (p.getAttribute('d') || '').length)])])))"""
TAG = "() => document.querySelectorAll('.dl-chart').forEach((gd, i) => { gd.__tag = i; })"
TAGS = "() => [...document.querySelectorAll('.dl-chart')].map(gd => gd.__tag)"
STATIC = """() => [...document.querySelectorAll('.dl-chart')].map(gd => gd.__static ? [...gd.__static.values()] : [])"""


def change(page, key: str) -> None:
    slider = page.locator(SLIDER).first
    slider.focus()
    rerun(page, lambda: slider.press(key))


def scrub(page, fraction: float) -> None:
    """Jump every animated chart to a frame, as a drag of plotly's own slider does."""
    page.evaluate(
        """f => Promise.all([...document.querySelectorAll('.dl-chart')].filter(gd => gd.layout.sliders
            && gd.layout.sliders.length && gd._transitionData._frames.length > 1).map(gd => {
            const frames = gd._transitionData._frames;
            return Plotly.animate(gd, [frames[Math.floor(f * (frames.length - 1))].name],
                {mode: 'immediate', frame: {duration: 0, redraw: false}, transition: {duration: 0}});
        }))""",
        fraction,
    )


@pytest.mark.parametrize("url_path", PAGES)
def test_charts_after_changes_and_scrubs_equal_a_fresh_load(page, context, app_server, url_path):
    open_page(page, app_server, url_path, "en")
    page.evaluate(TAG)
    tags = page.evaluate(TAGS)
    # Warm both values first, so the compared changes come from the caches like a student's back and forth.
    change(page, "ArrowRight")
    scrub(page, 0.3)
    static_before = page.evaluate("() => document.querySelector('.dl-chart').__static.size")
    change(page, "ArrowLeft")
    scrub(page, 0.7)
    change(page, "ArrowRight")
    assert page.evaluate(TAGS) == tags, "a chart was replaced by a new DOM node"
    assert page.evaluate("() => [...document.querySelectorAll('.dl-chart')].map(g => g.dataset.builds)") == ["1"] * len(
        tags
    ), "a chart was built from scratch again"
    assert static_before == page.evaluate("() => document.querySelector('.dl-chart').__static.size")
    state = page.evaluate(STATE)
    drawn = page.evaluate(DRAWN)
    assert_clean(page, "en")

    fresh = context.new_page()
    fresh.goto(page.url)
    wait_done(fresh)
    wait_charts(fresh)
    again = fresh.evaluate(STATE)
    drawn_fresh = fresh.evaluate(DRAWN)
    fresh.close()
    assert again == state, first_difference(state, again)
    assert drawn_fresh == drawn, first_difference_drawn(drawn, drawn_fresh)


def first_difference_drawn(after: list[str], fresh: list[str]) -> str:
    for i, (a, b) in enumerate(zip(after, fresh, strict=True)):
        for x, y in zip(json.loads(a), json.loads(b), strict=False):
            if x != y:
                return f"chart {i}: after changes {x} vs fresh {y}"
        if a != b:
            return f"chart {i}: subplots after changes {a} vs fresh {b}"
    return "same"


def first_difference(after: list[str], fresh: list[str]) -> str:
    """Where the chart state after the changes first differs from a fresh load (chart, part, position)."""
    for i, (a, b) in enumerate(zip(after, fresh, strict=True)):
        a, b = json.loads(a), json.loads(b)
        for part in a:
            if a[part] != b[part]:
                x, y = json.dumps(a[part]), json.dumps(b[part])
                at = next((k for k in range(min(len(x), len(y))) if x[k] != y[k]), min(len(x), len(y)))
                near = slice(max(0, at - 150), at + 150)
                return f"chart {i}, {part} at char {at}: after changes {x[near]!r} vs fresh {y[near]!r}"
    return "same"


def test_a_page_control_reruns_the_page_alone_and_the_sidebar_reruns_the_app(page, app_server):
    """ui.live: a page's widget change reruns only the page's fragment (the sidebar and the menu are not
    sent again); the sidebar's language switch reruns the whole app, in the other language."""
    open_page(page, app_server, "gradient-descent", "en")
    sent: list[bytes] = []
    page.on(
        "websocket", lambda ws: ws.on("framereceived", lambda p: sent.append(p if isinstance(p, bytes) else p.encode()))
    )
    page.reload()
    wait_done(page)
    wait_charts(page)
    note = {lang: i18n.t("app.sidebar_note", lang).encode() for lang in ("en", "ko")}
    assert any(note["en"] in p for p in sent), "a full run sends the sidebar"
    sent.clear()
    change(page, "ArrowRight")
    assert any(b"chart_gd_map" in p for p in sent), "the page's chart was sent again"
    assert not any(note["en"] in p for p in sent), "a page control reran the sidebar too"
    sent.clear()
    rerun(page, lambda: page.locator("[data-testid='stSidebar'] label").filter(has_text="한국어").click())
    assert any(note["ko"] in p for p in sent), "the language switch reran the app"
    assert_clean(page, "ko")
