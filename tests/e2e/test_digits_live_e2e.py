"""/digits-project's live training curves (ui/digits_training.py ``LIVE_AHEAD``): drawn while a run has enough
training ahead to watch, never for a moment before the finished chart replaces them.

Each test opens the page on a seed no other test trains with, so the page load itself trains, and records in
the browser, from the document's creation on, when the progress bar and a live-curves chart are on the page.
"""

from __future__ import annotations

from urllib.parse import urlencode

from tests.e2e.browser import LOAD_TIMEOUT, fresh_seed, wait_charts, wait_done

# [time (ms), progress bar present, live-curves chart present, live-curves chart drawn, the bar's text, the
# finished run's chart drawn] at every change of any of them.
# window.__plots: the live-curves plot nodes seen, each once, and how each was last drawn.
RECORD = """(() => {
    window.__live = [];
    window.__plots = [];
    let last = '';
    const look = () => {
        const live = document.querySelector("[class*='st-key-chart_dp_live_']");
        const plot = live && live.querySelector('.dl-chart');
        if (plot && !window.__plots.includes(plot)) window.__plots.push(plot);
        const bar = document.querySelector("[data-testid='stProgress']");
        const state = [!!bar, !!live, !!(live && live.querySelector('.main-svg')), bar ? bar.innerText : '',
                       !!document.querySelector('.st-key-chart_dp_main .main-svg')];
        if (String(state) !== last) {
            last = String(state);
            window.__live.push([performance.now(), ...state]);
        }
    };
    new MutationObserver(look).observe(document, {subtree: true, childList: true});
})();"""


def spans(record: list, column: int) -> list[tuple[float, float]]:
    """The (start, end) times (s) during which the recorded column was true."""
    out, start = [], None
    for row in record:
        if row[column] and start is None:
            start = row[0]
        elif not row[column] and start is not None:
            out.append((start / 1000, row[0] / 1000))
            start = None
    assert start is None, f"still on at the end of the record: {record[-3:]}"
    return out


def train_on_load(context, app_server, **params) -> list:
    page = context.new_page()  # a tab of its own for the recorder (closed after the test)
    page.add_init_script(RECORD)
    page.goto(f"{app_server.url}/digits-project?{urlencode({'lang': 'en', 'seed': fresh_seed(), **params})}")
    wait_done(page)
    page.wait_for_selector(".st-key-chart_dp_main .main-svg", timeout=LOAD_TIMEOUT)
    wait_charts(page)
    record = page.evaluate("() => window.__live")
    assert page.locator("[data-testid='stException']").count() == 0
    plots = page.evaluate("() => window.__plots.map(gd => [gd.dataset.update, Number(gd.dataset.builds || 0)])")
    return record, plots


def test_a_long_run_shows_its_curves_until_training_ends(context, app_server):
    record, plots = train_on_load(context, app_server, epochs=60, width=256)
    bars, live = spans(record, 1), spans(record, 2)
    assert bars, f"the run showed no progress bar: it did not train on this load ({record})"
    assert len(live) == 1, f"the live curves came and went more than once (or never came): {record}"
    on, off = live[0]
    assert any(row[3] for row in record), "the live-curves chart was never drawn"
    # The curves leave when the run ends, and the finished chart takes their place. Told by order, not time (the
    # curves and the bar left up to 0.17 s apart, in either order, on a loaded machine): once the curves are
    # gone the bar shows no further epoch (the last look's may arrive with the removal), and the curves are
    # never on the page beside the finished chart.
    gone = next(i for i, row in enumerate(record) if i and record[i - 1][2] and not row[2])
    texts = {row[4] for row in record[gone:] if row[1]}
    assert len(texts) <= 1, f"the run went on after the curves left: {record[gone - 1 :]}"
    both = [row for row in record if row[2] and row[5]]
    assert not both, f"the curves stayed beside the finished chart: {both}"
    assert any(row[5] for row in record[gone:]), "the finished chart never came"
    assert off - on >= 0.4, f"the curves were on screen {off - on:.2f} s only"
    # Each look is a new element (a key is allowed once per run); they share one plot, moved to each look's
    # figure (ui/chart.py family), where each new element drew a plot from nothing.
    assert len(plots) == 1 and plots[0] == ["move", 1], f"the looks drew {len(plots)} plots: {plots}"


def test_curves_are_never_a_flash(context, app_server):
    """A default run (25 epochs, 0.2-0.4 s here) ends before curves would be worth drawing; on a slower machine
    it may draw them, but then for at least 0.4 s, never for a moment. (A run that ends before the first look
    may show no progress bar either: Streamlit can deliver the bar and its removal in one batch.)"""
    record, _ = train_on_load(context, app_server)
    for on, off in spans(record, 2):
        assert off - on >= 0.4, f"live curves flashed for {off - on:.2f} s: {record}"
