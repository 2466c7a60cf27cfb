"""What is drawn survives the animation: every animated chart of every page keeps each layer it had
(contour maps, heatmaps, traces, annotations) after a jump to ~30 %, while playing and at the end,
and no animated trace goes blank. Counts come from the rendered SVG, not from the figure's data.
After the jump, the chart's pixels equal those of the same frame drawn afresh on the same axes: a heatmap
left at another frame's values or a label left out shows there."""

from __future__ import annotations

import pytest

from tests.e2e.browser import SCREENSHOTS, assert_clean, differing_pixels, picture, white_share
from tests.e2e.test_pages_e2e import PAGES, open_page

# Drawn elements of one chart, by kind. A path counts only if it draws something (d longer than "M0,0").
DRAWN = """gd => {
    const all = s => [...gd.querySelectorAll(s)];
    const drawn = s => all(s).filter(p => (p.getAttribute('d') || '').length > 4).length;
    return {
        contour: all('.contourlayer path').length,
        heatmap: all('.heatmaplayer image, .imagelayer image').length,
        traces: all('.scatterlayer .trace, .barlayer .trace').length,
        bars: drawn('.barlayer path'),
        lines: drawn('.scatterlayer path.js-line'),
        points: all('.scatterlayer path.point').length,
        text: all('.scatterlayer text').length,
        annotations: all('.annotation').length,
    };
}"""
# Waits on plotly.js events end in a failure, never a hang: one frame's animation, and all of Play.
EVENT_MS = 60_000
PLAY_MS = 120_000
PLAY_FRAME_MS = 40  # Play's pace in this test (see below)

# Animated charts on screen (a chart in a tab that is not open has no size to draw in).
ANIMATED = """() => [...document.querySelectorAll('.js-plotly-plot')].map((gd, i) => [i, gd]).filter(([, gd]) =>
    gd.offsetParent !== null && gd.layout && gd.layout.sliders && gd.layout.sliders.length && gd._transitionData
    && gd._transitionData._frames && gd._transitionData._frames.length > 1).map(([i]) => i)"""

# (title drawn, title of the frame the slider is on, or of the last frame with ``last``): a frame that names its
# step in the title must show it whether it is drawn with a redraw or not. The frame's own title if it has one,
# else the figure's. (At the end of Play the drawn frame is the last; the slider's own ``active`` may lag.)
TITLES = """(gd, last) => {
    const plain = s => (s || '').replace(/<[^>]*>/g, '').replace(/\\s+/g, ' ').trim();
    const slider = gd.layout.sliders[0];
    const name = slider.steps[last ? slider.steps.length - 1 : slider.active].args[0][0];
    const frame = gd._transitionData._frames.find(f => f.name === name) || {};
    const title = (frame.layout && frame.layout.title) || gd.layout.title || {};
    return [plain((gd.querySelector('.infolayer .gtitle') || {}).textContent),
            plain(typeof title === 'string' ? title : title.text)];
}"""


# The reference for a frame: the same figure drawn afresh (Plotly.redraw) on the axes as they are shown. Axes are
# pinned first, because a redraw autoranges an automatic axis to the frame's data, which the frames do not do.
REDRAWN = """async gd => {
    const full = gd._fullLayout, ranges = {};
    for (const name of Object.keys(full)) {
        if (/^[xy]axis\\d*$/.test(name) && full[name].range) ranges[name + '.range'] = full[name].range.slice();
    }
    await window.Plotly.relayout(gd, ranges);
    await window.Plotly.redraw(gd);
}"""


# What plotly.js holds for each trace (its full data: every public attribute and the length it draws), as
# plain JSON. ui/chart.js quickFrame writes a frame's arrays there itself and has plotly.js skip recomputing
# the figure's defaults; after a full redraw (which recomputes them) this must read the same.
FULL_DATA = """gd => {
    const plain = (value, depth) => {
        if (ArrayBuffer.isView(value)) return Array.from(value);
        if (Array.isArray(value)) return value.map(v => plain(v, depth + 1));
        if (value && typeof value === 'object') {
            if (depth > 4) return '...';
            const out = {};
            for (const key of Object.keys(value).sort()) {
                if (key.startsWith('_') || typeof value[key] === 'function') continue;
                out[key] = plain(value[key], depth + 1);
            }
            return out;
        }
        return value;
    };
    return JSON.stringify(gd._fullData.map(t => [t._length, plain(t, 0)]));
}"""
# Every page's scrub frames hold arrays alone (and at most a plain title or axis ranges): their jumps must take
# that quick path, so the comparisons below test it (/backprop's node boxes are traces, not annotations).


def drawn(chart) -> dict:
    return chart.evaluate(DRAWN)


def assert_kept(before: dict, now: dict, when: str) -> None:
    lost = {k: (before[k], now[k]) for k in before if before[k] > 0 and now[k] == 0}
    assert not lost, f"{when}: layers vanished {lost}"
    assert now["contour"] >= before["contour"] * 0.5, f"{when}: contour lines lost {before} -> {now}"
    assert now["heatmap"] == before["heatmap"], f"{when}: heatmap layers {before} -> {now}"
    assert now["traces"] == before["traces"], f"{when}: traces {before} -> {now}"


def settle(page) -> None:
    """Two frames drawn, then every chart's queued draws done (a chart scrolled into view draws the figure it
    kept while out of sight: ui/chart.js drawWhenNear)."""
    page.evaluate(
        """() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
            .then(() => Promise.all([...document.querySelectorAll('.dl-chart')].map(gd => gd.__queue)))"""
    )


# Every page as it opens, in English; a chart whose frames hold heatmaps alone (plotly.js plots nothing for such a
# frame by itself): the hidden units of a small MLP on the logistic page; and, in Korean, the pages whose frames
# carry their own titles (set in the SVG text node on a scrub, not drawn by plotly.js).
CASES = [(path, {}, "en") for path in PAGES] + [
    ("logistic-regression", {"dataset": "xor", "noise": "0.1", "model": "mlp", "hidden": "4"}, "en"),
    ("mle", {}, "ko"),
    ("logistic-regression", {}, "ko"),
]


@pytest.mark.parametrize(
    ("url_path", "params", "lang"),
    CASES,
    ids=["-".join([path, *p.values(), lang]) for path, p, lang in CASES],
)
def test_animation_keeps_every_layer(page, listen, app_server, url_path, params, lang):
    sent = []
    listen("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(payload)))
    open_page(page, app_server, url_path, lang, **params)
    # Scrubbing and playing stay in the browser: the script never reruns and nothing is sent to the server.
    page.evaluate(
        """() => { window.__reruns = 0;
            new MutationObserver(ms => ms.forEach(m => {
                if (m.target.getAttribute('data-test-script-state') === 'running') window.__reruns++; }))
            .observe(document.querySelector("[data-testid='stApp']"),
                     {attributes: true, attributeFilter: ['data-test-script-state']}); }"""
    )
    messages_before = len(sent)
    indices = page.evaluate(ANIMATED)
    assert indices, "no chart with animation frames and a slider"
    quick_jumps = 0
    for index in indices:
        chart = page.locator(".js-plotly-plot").nth(index)
        chart.scroll_into_view_if_needed()
        settle(page)
        before = drawn(chart)
        assert sum(before.values()) > 0, "the chart draws nothing"

        # A jump to ~30 % of the step slider, as a click on its rail.
        rail = chart.locator(".slider-rail-touch-rect").first
        box = rail.bounding_box()
        active = chart.evaluate("gd => gd.layout.sliders[0].active")
        quick_before = chart.evaluate("gd => gd.__quickFrames || 0")
        page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] / 2)
        chart.evaluate(
            """(gd, [before, ms]) => new Promise((resolve, reject) => {
                if (gd.layout.sliders[0].active !== before) return resolve();
                gd.on('plotly_animated', () => resolve());
                setTimeout(() => reject(new Error('the click on the slider rail animated no frame')), ms);
            })""",
            [active, EVENT_MS],
        )
        settle(page)
        assert_kept(before, drawn(chart), f"chart {index} after a scrub to 30 %")
        assert chart.evaluate("gd => gd.layout.sliders[0].active") != active, "the scrub moved no frame"
        shown, wanted = chart.evaluate(TITLES, False)
        assert shown == wanted, f"chart {index}: the title drawn is not the scrubbed frame's"
        # Everything the scrubbed frame shows (heatmaps, labels, colours) is what a fresh drawing of it shows.
        page.mouse.move(0, 0)
        settle(page)
        quick_jumps += chart.evaluate("gd => gd.__quickFrames || 0") > quick_before
        full_data = chart.evaluate(FULL_DATA)
        scrubbed = picture(chart)
        chart.evaluate(REDRAWN)
        settle(page)
        assert chart.evaluate(FULL_DATA) == full_data, (
            f"chart {index}: the scrubbed frame's full data differs from what plotly.js computes afresh"
        )
        afresh = picture(chart)
        count, box = differing_pixels(scrubbed, afresh)
        if count > 20:
            scrubbed.save(SCREENSHOTS / f"scrub-{url_path}-{index}.png")
            afresh.save(SCREENSHOTS / f"scrub-{url_path}-{index}-afresh.png")
        assert count <= 20, (
            f"chart {index}: the scrubbed frame differs from the same frame drawn afresh ({count} px in {box}; "
            f"white there: {white_share(scrubbed, box):.0%} scrubbed, {white_share(afresh, box):.0%} afresh)"
        )

        # Play: count while frames are being drawn, then at the end. Its pace is the page's (80-500 ms a frame,
        # for a class to follow); here frames come every PLAY_FRAME_MS, about as fast as they are drawn, which
        # keeps every frame and its drawing as Play does (no transitions), in less time.
        during = chart.evaluate(
            """(gd, [ms, pace]) => new Promise((resolve, reject) => {
                setTimeout(() => reject(new Error('Play drew fewer than 3 frames')), ms);
                const play = [...gd.querySelectorAll('.updatemenu-button')][0];
                const args = gd._fullLayout.updatemenus[0].buttons[0].args;  // what a click on Play runs
                if (!(args[1] && args[1].frame && args[1].frame.duration >= pace)) {
                    return reject(new Error('the first button is not a paced Play: ' + JSON.stringify(args)));
                }
                args[1].frame.duration = pace;
                // Listen for the end before Play starts: a short Play can end before the next evaluate runs.
                gd.__playEnded = false;
                gd.on('plotly_animated', () => { gd.__playEnded = true; });
                let seen = 0;
                gd.on('plotly_animatingframe', () => {
                    if (++seen === 3) requestAnimationFrame(() => resolve(null));
                });
                play.dispatchEvent(new MouseEvent('click', {bubbles: true}));
            })""",
            [EVENT_MS, PLAY_FRAME_MS],
        )
        assert during is None
        assert_kept(before, drawn(chart), f"chart {index} while playing")
        chart.evaluate(
            """(gd, ms) => new Promise((resolve, reject) => {
                const start = Date.now();
                const check = () => {
                    if (gd.__playEnded && !gd._transitionData._frameQueue.length) return resolve();
                    if (Date.now() - start > ms) {
                        return reject(new Error('Play did not reach the last frame: on frame '
                            + gd._fullLayout._currentFrame + ', ' + gd._transitionData._frameQueue.length + ' queued'));
                    }
                    setTimeout(check, 50);
                };
                check();
            })""",
            PLAY_MS,
        )
        settle(page)
        assert_kept(before, drawn(chart), f"chart {index} at the end of Play")
        shown, wanted = chart.evaluate(TITLES, True)
        assert shown == wanted, f"chart {index}: the title drawn at the end of Play is not the last frame's"
    assert quick_jumps > 0, "no jump took ui/chart.js's quick path: the comparisons above did not test it"
    assert page.evaluate("window.__reruns") == 0, "scrubbing or playing re-ran the script"
    assert len(sent) == messages_before, "scrubbing or playing sent a message to the server"
    assert_clean(page, lang)
