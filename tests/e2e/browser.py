"""Finding a Chromium, launching it, and the page-level checks every browser test shares."""

from __future__ import annotations

import io
import os
import random
import shutil
from pathlib import Path

import numpy as np

from tests.apptest_helpers import english_only_strings
from ui.state import SEED_MAX

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"
EXCEPTION = "[data-testid='stException']"
LOAD_TIMEOUT = 120_000  # ms: a cold page imports torch and fills its caches
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def find_chromium() -> tuple[bool, str | None, str]:
    """(available, executable_path or None for Playwright's own, description)."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return True, candidate, candidate
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.executable_path
        if own and Path(own).is_file():
            return True, None, own
    except Exception:  # Playwright missing or its driver broken: no browser either way
        pass
    return False, None, "no browser"


def fresh_seed() -> int:
    """A seed the sidebar accepts (1..SEED_MAX) and no test is likely to have trained with on this server: a
    seed out of range falls back to the default, whose model another test may already have cached."""
    return random.randint(1, SEED_MAX)


def launch_args() -> dict:
    """Keyword arguments for ``playwright.chromium.launch``."""
    _, path, _ = find_chromium()
    return {"args": CHROMIUM_ARGS} | ({"executable_path": path} if path else {})


# Streamlit loads the code of some element kinds (sliders among them) when one first appears and draws a
# skeleton in its place meanwhile; on a busy machine a page's charts can draw before its sliders arrive.
SKELETON = "[data-testid='stApp'] [data-testid='stSkeleton']"


def wait_done(page, timeout: int = LOAD_TIMEOUT) -> None:
    """Wait until the app's script run has finished and every element it sent is drawn, not a skeleton."""
    page.wait_for_selector(DONE, timeout=timeout, state="attached")
    page.wait_for_function(
        "([done, skeleton]) => document.querySelector(done) && !document.querySelector(skeleton)",
        arg=[DONE, SKELETON], timeout=timeout,
    )  # fmt: skip


# What each chart has drawn, or (out of sight, ui/chart.js drawWhenNear) will draw when it comes into view.
DRAWN = "() => [...document.querySelectorAll('.dl-chart')].map(g => g.dataset.pending || g.dataset.revision || '')"


def rerun(page, action, timeout: int = LOAD_TIMEOUT) -> None:
    """Do ``action`` (a control change that changes a chart), then wait until that run has finished
    and every chart has drawn what it sent.

    Neither a changed URL nor a ``notRunning`` app says that much: a slider writes the URL before the
    server has started the run, the app is still ``notRunning`` from the run before, and a cached run
    can finish within one render, so that ``running`` never reaches the DOM. A chart drawing a new
    figure says the run has started; ``notRunning`` after that, that it has finished.
    """
    before = page.evaluate(DRAWN)
    action()
    page.wait_for_function(
        f"before => JSON.stringify(({DRAWN})()) !== JSON.stringify(before)", arg=before, timeout=timeout
    )
    wait_done(page, timeout)
    wait_charts(page, timeout)


def wait_charts(page, timeout: int = LOAD_TIMEOUT) -> None:
    """Wait until every chart element has drawn the figure it was last sent, or (out of sight) keeps it to
    draw when it comes into view."""
    page.wait_for_function(
        """() => [...document.querySelectorAll("[data-testid='stElementContainer'][class*='st-key-chart_']")].every(host => {
            const el = host.querySelector('.dl-chart');
            return el && el.dataset.revision
                && (el.dataset.revision === el.dataset.wanted || el.dataset.pending === el.dataset.wanted); })""",
        timeout=timeout,
    )


def chart_data(page) -> list[str]:
    """Each plotly chart's trace data, serialised, in page order."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].map(
            gd => JSON.stringify((gd.data || []).map(t => [t.x, t.y, t.z])))"""
    )


def visible_text(page) -> str:
    """The page's visible text, without the code blocks (English source by design)."""
    return page.evaluate(
        """() => { const code = [...document.querySelectorAll("[data-testid='stCode']")];
            const shown = code.map(e => e.style.display); code.forEach(e => { e.style.display = 'none'; });
            const text = document.body.innerText; code.forEach((e, i) => { e.style.display = shown[i]; });
            return text; }"""
    )


# Per chart that offers it: its "Share chart..." modebar button, or its config allowing one.
CLOUD_SHARING = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(gd =>
    (gd._context && gd._context.showSendToCloud !== false)
    || gd.querySelector('.modebar-btn[data-title^="Share chart"]')).map(gd => gd.id || gd.className)"""


def assert_clean(page, lang: str) -> None:
    """The must-not-happen checks: no exception, no raw i18n key, no English left on a Korean page, and no
    chart offering to upload itself to Plotly Cloud (plotly.js 3 shows "Share chart..." by default)."""
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).first.inner_text()
    assert page.evaluate(CLOUD_SHARING) == [], "a chart offers to upload itself to Plotly Cloud"
    text = visible_text(page)  # everything but code must be in the page's language
    assert "⟦" not in text, "a raw i18n key is on screen"
    if lang == "ko":
        leftovers = sorted(s for s in english_only_strings(rendered=True) if s in text)
        assert not leftovers, f"English text on a Korean page: {leftovers[:5]}"


def full_screenshot(page, path) -> None:
    """Screenshot of the whole page, with ``DL_SCREENSHOTS=1`` (to look at, not asserted on: CI skips them).

    Streamlit scrolls inside its main block, so the viewport grows to the page first, which makes every
    chart draw again: a few seconds a page on two cores.
    """
    if os.environ.get("DL_SCREENSHOTS") != "1":
        return
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 8000)})
    # Plotly redraws responsive charts on a resize: wait until every chart is drawn again.
    page.wait_for_function(
        """() => [...document.querySelectorAll('.js-plotly-plot')].every(gd => !gd.offsetParent || gd.querySelector('.main-svg'))"""
    )
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))))")
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size(size)


# Streamlit's header bar stays at the top of the window over whatever is scrolled under it; plotly's mode bar
# fades in and out with the mouse.
NO_HEADER = (
    "[data-testid='stHeader'], [data-testid='stStatusWidget'], .modebar-container { visibility: hidden !important; }"
)


# A heatmap is drawn as an SVG <image> of a PNG data URL, which the browser decodes and paints in a later
# frame: a screenshot taken as the draw returns can show the plot without its heatmap (CI saw /dropout's two
# maps missing from a fresh load, 175,933 pixels, with the figure's data equal). Wait for every image the chart
# shows to be decoded (the element's own decode(): a decoded copy says nothing of the element) and let two
# frames pass before the screenshot.
IMAGES_PAINTED = """async gd => {
    await Promise.all([...gd.querySelectorAll('image')].map(im => {
        if (!(im.href && im.href.baseVal)) return null;
        if (typeof im.decode === 'function') return im.decode().catch(() => null);
        const copy = new Image();
        copy.src = im.href.baseVal;
        return copy.decode().catch(() => null);
    }));
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
}"""


def picture(chart, tries: int = 5):
    """The chart's pixels as shown, nothing of the app over it: screenshots until two in a row are equal
    (a paint still on its way shows as a difference between them).

    A chart taller than the window is photographed in a window made tall enough for it first. Otherwise
    Chromium enlarges the window for the capture itself, the resize makes the chart refit while the capture
    runs, and on a busy machine the picture catches it half redrawn (CI: /dropout's slider 25 px lower, over
    its legend, 7,255 px differing)."""
    from PIL import Image

    page = chart.page
    page.add_style_tag(content=NO_HEADER)
    size = page.viewport_size
    need = chart.evaluate("gd => Math.ceil(gd.getBoundingClientRect().height) + 16")
    resized = need > size["height"]
    if resized:
        page.set_viewport_size({"width": size["width"], "height": need})
        wait_refitted(page)
    try:
        chart.evaluate("gd => gd.scrollIntoView({block: 'center'})")  # clear of anything fixed at the window's edges
        chart.evaluate(IMAGES_PAINTED)
        shot = chart.screenshot()
        for _ in range(tries - 1):
            chart.evaluate(IMAGES_PAINTED)
            again = chart.screenshot()
            if again == shot:
                break
            shot = again
    finally:
        if resized:
            page.set_viewport_size(size)
            wait_refitted(page)
    return Image.open(io.BytesIO(shot)).convert("RGB")


def differing_pixels(a, b) -> tuple[int, tuple | None]:
    """Pixels of either picture with no pixel of a close colour (within 40 of 255 per channel) at most one pixel
    away in the other, and the box around them. A layout one pixel off (a colour bar placed by a width rounded
    the other way) is the same picture; a label, a cell colour or a line that is not there is not."""
    x, y = (np.asarray(p, dtype=np.int16) for p in (a, b))
    if x.shape != y.shape:
        return max(x.size, y.size) // 3, None
    height, width = x.shape[:2]

    def unmatched(p, q):
        best = np.full((height, width), 255, np.int16)
        padded = np.pad(q, ((1, 1), (1, 1), (0, 0)), mode="edge")
        for dy in (0, 1, 2):
            for dx in (0, 1, 2):
                near = np.abs(p - padded[dy : dy + height, dx : dx + width]).max(axis=2)
                best = np.minimum(best, near)
        return best > 40

    bad = unmatched(x, y) | unmatched(y, x)
    rows, cols = np.nonzero(bad)
    box = (int(cols.min()), int(rows.min()), int(cols.max()) + 1, int(rows.max()) + 1) if rows.size else None
    return int(bad.sum()), box


def white_share(picture, box) -> float:
    """The share of (near) white pixels of a picture within a box: tells a layer not painted from one drawn
    differently when a comparison fails."""
    pixels = np.asarray(picture.crop(box), dtype=np.int16)
    return float((pixels.min(axis=2) > 245).mean())


def wait_refitted(page) -> None:
    """After a resize: every chart on screen has been fitted to its new width (ui/chart.js fitWidth) and
    every draw queued on it has finished. A plot laid out within 1 px of the element's width is fitted: the
    element refits only beyond that (ui/chart.js followWidth), and a half-width column is 402.5 px to plotly.js
    but 403 to clientWidth."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('.dl-chart')].every(gd => !gd.clientWidth
            || gd.dataset.fitted === String(gd.clientWidth) || Math.abs(gd._fullLayout.width - gd.clientWidth) <= 1)"""
    )
    page.evaluate("() => Promise.all([...document.querySelectorAll('.dl-chart')].map(gd => gd.__queue))")
    wait_done(page)


def reveal_charts(page) -> None:
    """Bring every chart into view in turn (each tab of every tab group opened, then the first again), so
    that each draws the figure it keeps for when it is seen, and scroll back to the top."""
    page.evaluate(
        """async () => {
            const settled = () => Promise.all([...document.querySelectorAll('.dl-chart')].map(gd => gd.__queue));
            const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            const show = async () => {
                for (const gd of document.querySelectorAll('.dl-chart')) {
                    if (!gd.offsetParent) continue;
                    gd.scrollIntoView({block: 'center'});
                    // The observer reports the chart in sight in a task of its own, which queues its draw:
                    // on a busy page that can come some frames later.
                    for (let start = Date.now(); gd.dataset.pending && Date.now() - start < 20000;) await frame();
                    await settled();
                }
            };
            await show();
            for (const group of document.querySelectorAll("[data-testid='stTabs']")) {
                const tabs = [...group.querySelectorAll("[role='tab']")];
                for (const tab of tabs.slice(1).concat(tabs.slice(0, 1))) {
                    tab.click();
                    await frame();
                    await show();
                }
            }
            document.querySelector("[data-testid='stMain']").scrollTo(0, 0);
            window.scrollTo(0, 0);
            await frame();
            await settled();
        }"""
    )
    assert page.evaluate("() => document.querySelectorAll('.dl-chart[data-pending]').length") == 0, (
        "a chart kept its figure"
    )
