"""Elements waiting to be drawn again keep their look; a slow run shows one note instead (ui/page.py BUSY_STYLE,
ui/chart.js ``watchSlowRuns``).

Streamlit fades every "stale" element of a rerun with its own CSS transition (opacity 0.33 after 0.5 s). Each
fading element got a compositing layer of its own and the page was rasterised again as it faded and as it came
back: 5-9 % of every quick change, and in a slow run (a model trained afresh) hundreds of milliseconds of the
browser's time beside the server's training. So stale elements stay as they are, and once a run has lasted 0.5 s
the app is marked ``data-dl-slow`` and a note ("Computing…", "계산 중…") sits in the middle of the header bar
until the run ends.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from i18n import t
from tests.e2e.browser import DONE, LOAD_TIMEOUT, assert_clean, fresh_seed, rerun, wait_done
from tests.e2e.test_pages_e2e import SLIDER, open_page

# Each element as it turns stale: its opacity and transition then, and whether the app was marked slow.
RECORD_STALE = """() => {
    window.__stale = [];
    new MutationObserver((records) => records.forEach((r) => {
        if (r.target.dataset.stale !== 'true') return;
        const style = getComputedStyle(r.target);
        const app = document.querySelector("[data-testid='stApp']");
        window.__stale.push([style.opacity, style.transitionDuration, app.dataset.dlSlow !== undefined]);
    })).observe(document.body, {subtree: true, attributes: true, attributeFilter: ['data-stale']});
}"""
APP = "[data-testid='stApp']"
SLOW = f"""() => document.querySelector("{APP}[data-dl-slow][data-test-script-state='running']") !== null"""
NOTE = f"""() => {{ const style = getComputedStyle(document.querySelector("{APP}"), '::after');
    return {{content: style.content, position: style.position}}; }}"""
OPACITIES = """() => [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stElementContainer']")]
    .map((el) => getComputedStyle(el).opacity)"""
HEADER = "() => document.querySelector(\"[data-testid='stHeader']\").getBoundingClientRect().toJSON()"
BLUE = np.array([0x00, 0x72, 0xB2])  # the note's background (ui/page.py BUSY_STYLE)
CORNER = 20  # CSS px: the note's rounded ends (1rem) and a little more


def press(page, key: str = "ArrowRight") -> None:
    slider = page.locator(SLIDER).first
    slider.focus()
    slider.press(key)


def note_box(png: bytes, scale: float) -> tuple[float, float, float, float, int, int] | None:
    """(left, top, right, bottom) in CSS px of the note's blue in a screenshot, with its count of blue pixels
    and of white ones between its rounded ends (the text), or None when no blue is drawn."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    blue = np.abs(pixels - BLUE).max(axis=2) <= 12
    if blue.sum() == 0:
        return None
    rows, cols = np.nonzero(blue)
    top, bottom, left, right = rows.min(), rows.max() + 1, cols.min(), cols.max() + 1
    ends = int(CORNER * scale)  # clear of the rounded ends' white
    inner = pixels[top:bottom, left + ends : right - ends]
    white = int((inner.min(axis=2) >= 235).sum())
    return left / scale, top / scale, right / scale, bottom / scale, int(blue.sum()), white


def test_a_fast_change_leaves_stale_elements_as_they_are(page, app_server):
    open_page(page, app_server, "gradient-descent", "en")
    rerun(page, lambda: press(page, "ArrowRight"))  # both values cached: the runs below are quick
    rerun(page, lambda: press(page, "ArrowLeft"))
    page.evaluate(RECORD_STALE)
    # Whether a quick run shows its elements stale at all depends on how its messages arrive (a run whose
    # messages come in one batch goes from old to new directly): change back and forth until ten have been.
    for key in ["ArrowRight", "ArrowLeft"] * 4:
        rerun(page, lambda key=key: press(page, key))
        if len(page.evaluate("() => window.__stale")) >= 10:
            break
    stale = page.evaluate("() => window.__stale")
    assert len(stale) >= 10, stale  # the page's elements went stale while it ran
    assert all(s == ["1", "0s", False] for s in stale), stale
    assert page.locator(f"{APP}[data-dl-slow]").count() == 0
    assert page.evaluate(NOTE)["content"] == "none"


@pytest.mark.parametrize(
    ("viewport", "scale", "lang", "present"),
    [({"width": 1440, "height": 900}, 1, "en", False), ({"width": 853, "height": 480}, 1.5, "ko", True)],
    ids=["desk-en", "projector-ko"],
)  # fmt: skip
def test_a_slow_run_shows_its_note_in_the_header_and_no_faded_element(new_page, app_server, viewport, scale, lang,
                                                                       present):  # fmt: skip
    page = new_page(viewport=viewport, device_scale_factor=scale, locale="en-US")
    text = t("ui.busy", lang)
    for _attempt in range(3):  # the note is read while the run goes on; a run that ended first is tried again
        # A seed no other test trains with, 60 epochs of 256 units: the change trains a new model (~2 s here).
        params = {"epochs": 60, "width": "256", "seed": fresh_seed()} | ({"present": "true"} if present else {})
        open_page(page, app_server, "digits-project", lang, **params)
        assert page.evaluate(NOTE)["content"] == "none"
        press(page)
        page.wait_for_function(SLOW, timeout=LOAD_TIMEOUT)  # marked slow after 0.5 s
        note, opacities = page.evaluate(NOTE), page.evaluate(OPACITIES)
        header = page.evaluate(HEADER)
        shot = page.screenshot(clip={"x": 0, "y": 0, "width": viewport["width"], "height": header["height"]})
        if page.evaluate(SLOW):  # still running after the screenshot: it shows the slow run
            break
        wait_done(page)
    else:
        pytest.fail("three runs of 60 epochs each ended before the note could be read")
    assert note == {"content": f'"{text}"', "position": "fixed"}, note
    assert set(opacities) == {"1"}, opacities  # nothing faded: the note says it instead
    box = note_box(shot, scale)
    assert box is not None, "no note drawn in the header bar"
    left, top, right, bottom, blue, white = box
    assert abs((left + right) / 2 - viewport["width"] / 2) <= 2, box  # centred
    assert top > 0 and bottom < header["height"], (box, header)  # inside the header bar
    assert right - left >= 60 and bottom - top >= 20 and blue >= 0.6 * (right - left) * (bottom - top) * scale**2, box
    assert white >= 40 * scale**2, box  # its text, white on the blue
    wait_done(page)
    page.wait_for_selector(DONE + ":not([data-dl-slow])", state="attached", timeout=LOAD_TIMEOUT)
    assert page.evaluate(NOTE)["content"] == "none"
    assert set(page.evaluate(OPACITIES)) == {"1"}
    assert_clean(page, lang)
