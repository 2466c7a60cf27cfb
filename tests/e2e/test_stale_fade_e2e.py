"""Elements waiting to be drawn again fade only when a run is slow (ui/chart.js ``watchSlowRuns``).

Streamlit fades every "stale" element of a rerun with its own CSS transition (opacity 0.33 after 0.5 s).
Creating and dropping those transitions on each run cost 5-9 % of every widget change, so the app keeps
stale elements as they are and fades them only once a run has lasted 0.5 s: a fast change shows no fade
(as before: it ended before the delay), a slow one (a model trained afresh) fades as Streamlit's does.
"""

from __future__ import annotations

from tests.e2e.browser import DONE, LOAD_TIMEOUT, fresh_seed, rerun, wait_done
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
FADED = """() => document.querySelector("[data-testid='stApp'][data-dl-slow][data-test-script-state='running']") !== null
    && [...document.querySelectorAll("[data-stale='true']")].some((el) => Number(getComputedStyle(el).opacity) < 0.9)"""
OPACITIES = """() => [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stElementContainer']")]
    .map((el) => getComputedStyle(el).opacity)"""


def press(page, key: str = "ArrowRight") -> None:
    slider = page.locator(SLIDER).first
    slider.focus()
    slider.press(key)


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
    assert page.locator("[data-testid='stApp'][data-dl-slow]").count() == 0


def test_a_slow_run_fades_stale_elements_and_brings_them_back(page, app_server):
    # A seed no other test trains with, and 60 epochs: the change below trains a new model (~1.5 s here).
    open_page(page, app_server, "digits-project", "en", epochs=60, seed=fresh_seed())
    press(page)
    page.wait_for_function(FADED, timeout=LOAD_TIMEOUT)  # marked slow after 0.5 s, then fading
    wait_done(page)
    page.wait_for_selector(DONE + ":not([data-dl-slow])", state="attached", timeout=LOAD_TIMEOUT)
    assert set(page.evaluate(OPACITIES)) == {"1"}
