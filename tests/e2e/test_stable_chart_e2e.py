"""The stable chart element across reruns: every chart stays the same DOM node through widget changes
and scrubs, unchanged static layers keep their drawn objects, and what is on screen afterwards equals
a fresh load of the same URL (traces, frames, axis ranges, slider position, and the pixels of every
chart), where a chart the last change left alone shows the frame it was scrubbed to."""

from __future__ import annotations

import json
from urllib.request import urlopen

import pytest

import i18n
from tests.e2e.browser import (
    SCREENSHOTS,
    assert_clean,
    differing_pixels,
    picture,
    rerun,
    reveal_charts,
    wait_charts,
    wait_done,
    wait_refitted,
    white_share,
)
from tests.e2e.test_pages_e2e import SLIDER, open_page

# Animated, multi-panel and click-driven charts; together they use every kind of trace the pages draw.
# learning-rate: its slider (steps) changes the number of frames, which the browser swaps in place;
# gradient-descent, optimizers, tensors, loss-functions: a change moves an axis range, and only the
# subplots on that axis are drawn again; linear-regression, rnn-unrolling: charts without frames whose
# curves move in place and whose autoranged axes range again; representation, digits-project, backprop: heatmaps
# and bar charts moved to new data in place; mle: frames that carry their own titles.
PAGES = [
    "relu",
    "sgd",
    "overfitting",
    "cnn-filters",
    "gradient-descent",
    "learning-rate",
    "optimizers",
    "logistic-regression",
    "dropout",
    "tensors",
    "loss-functions",
    "linear-regression",
    "rnn-unrolling",
    "representation",
    "digits-project",
    "backprop",
    "mle",
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
        title: (gd._fullLayout.title || {}).text,
    }, plain);
})"""
# What is drawn: per subplot, each trace layer with its number of traces and, for lines, their paths
# (a move redraws only the subplots whose axes changed; the others must keep every layer as drawn).
# and the texts on the plot (titles, annotations) as drawn: a title set in place must read as a fresh load's.
DRAWN = """() => [...document.querySelectorAll('.dl-chart')].map(gd => JSON.stringify([
    [...gd.querySelectorAll('.cartesianlayer g.subplot')].map(sp => [sp.getAttribute('class'),
        [...sp.querySelectorAll(':scope > .plot > g')].map(layer => [layer.getAttribute('class'),
            layer.querySelectorAll(':scope > g.trace').length,
            [...layer.querySelectorAll('path.js-line')].map(p => (p.getAttribute('d') || '').length)])]),
    [...gd.querySelectorAll('.infolayer .gtitle, .infolayer .annotation-text')].map(t => t.textContent)]))"""
MARGINS = "() => [...document.querySelectorAll('.dl-chart')].map(gd => ['l', 'r', 't', 'b'].map(k => gd._fullLayout._size[k]))"
TAG = "() => document.querySelectorAll('.dl-chart').forEach((gd, i) => { gd.__tag = i; })"
TAGS = "() => [...document.querySelectorAll('.dl-chart')].map(gd => gd.__tag)"
STATIC = """() => [...document.querySelectorAll('.dl-chart')].map(gd => gd.__static ? [...gd.__static.values()] : [])"""


def change(page, key: str) -> None:
    slider = page.locator(SLIDER).first
    slider.focus()
    rerun(page, lambda: slider.press(key))


def scrub(page, fraction: float, charts: list[int] | None = None) -> None:
    """Jump every animated chart (or those of ``charts``, by index) to a frame, as a drag of plotly's own
    slider does."""
    page.evaluate(
        """([f, only]) => Promise.all([...document.querySelectorAll('.dl-chart')].filter((gd, i) =>
            (only === null || only.includes(i)) && gd.layout.sliders && gd.layout.sliders.length
            && gd._transitionData._frames.length > 1).map(gd => {
            const frames = gd._transitionData._frames;
            return Plotly.animate(gd, [frames[Math.floor(f * (frames.length - 1))].name],
                {mode: 'immediate', frame: {duration: 0, redraw: false}, transition: {duration: 0}});
        }))""",
        [fraction, charts],
    )


REVISIONS = "() => [...document.querySelectorAll('.dl-chart')].map(gd => gd.dataset.pending || gd.dataset.revision)"


@pytest.mark.parametrize("url_path", PAGES)
def test_charts_after_changes_and_scrubs_equal_a_fresh_load(page, app_server, url_path):
    open_page(page, app_server, url_path, "en")
    page.evaluate(TAG)
    tags = page.evaluate(TAGS)
    # Warm both values first, so the compared changes come from the caches like a student's back and forth.
    change(page, "ArrowRight")
    margins = [page.evaluate(MARGINS)]
    scrub(page, 0.3)
    static_before = page.evaluate("() => document.querySelector('.dl-chart').__static.size")
    change(page, "ArrowLeft")
    margins.append(page.evaluate(MARGINS))
    scrub(page, 0.7)
    scrubbed = page.evaluate(REVISIONS)
    change(page, "ArrowRight")
    # A chart the last change did not touch (another section's figure) keeps the frame it was scrubbed to,
    # as a student expects; the fresh load is scrubbed there too before the two are compared.
    untouched = [i for i, (a, b) in enumerate(zip(scrubbed, page.evaluate(REVISIONS), strict=True)) if a == b]
    assert len(untouched) < len(tags), "the change redrew no chart"
    # Margins that follow the data move the plot sideways on every change, and plotly draws the whole
    # figure twice to push them (the logistic map did: left margin 80 <-> 68 px).
    assert margins[0] == margins[1], f"margins moved between the two values: {margins}"
    assert page.evaluate(TAGS) == tags, "a chart was replaced by a new DOM node"
    assert page.evaluate("() => [...document.querySelectorAll('.dl-chart')].map(g => g.dataset.builds)") == ["1"] * len(
        tags
    ), "a chart was built from scratch again"
    assert static_before == page.evaluate("() => document.querySelector('.dl-chart').__static.size")
    reveal_charts(page)  # a chart out of sight draws its last figure as it comes into view
    wait_refitted(page)  # every chart drawn at the width it has (a plot laid out while the page settled)
    state = page.evaluate(STATE)
    drawn = page.evaluate(DRAWN)
    assert_clean(page, "en")
    page.mouse.move(0, 0)
    shown = page.evaluate("() => [...document.querySelectorAll('.dl-chart')].map(gd => gd.offsetParent !== null)")
    charts = page.locator(".dl-chart")
    pictures = [picture(charts.nth(i)) if visible else None for i, visible in enumerate(shown)]

    # The fresh load: the same URL loaded again in this tab is a new session (no widget state, new charts).
    page.goto(page.url)
    wait_done(page)
    wait_charts(page)
    assert page.evaluate(TAGS) == [None] * len(tags), "the charts of the page before are still there"
    reveal_charts(page)
    wait_refitted(page)
    scrub(page, 0.7, untouched)
    again = page.evaluate(STATE)
    drawn_fresh = page.evaluate(DRAWN)
    charts = page.locator(".dl-chart")
    pictures_fresh = [picture(charts.nth(i)) if visible else None for i, visible in enumerate(shown)]
    assert again == state, first_difference(state, again)
    assert drawn_fresh == drawn, first_difference_drawn(drawn, drawn_fresh)
    # What is drawn, pixel for pixel: a heatmap, contour map or bar chart moved in place must look as drawn afresh.
    for index, (now, loaded) in enumerate(zip(pictures, pictures_fresh, strict=True)):
        if now is None:
            continue  # in a tab that is not open
        count, box = differing_pixels(now, loaded)
        if count > 20:
            now.save(SCREENSHOTS / f"stable-{url_path}-{index}.png")
            loaded.save(SCREENSHOTS / f"stable-{url_path}-{index}-fresh.png")
        assert count <= 20, (
            f"chart {index} differs from a fresh load ({count} px in {box}; white there: "
            f"{white_share(now, box):.0%} after the changes, {white_share(loaded, box):.0%} fresh)"
        )


# Per chart with axes tied by scaleanchor: each group's ranges, and whether one of its axes shows the
# range the figure sent (plotly fitted it in one pass: only the non-limiting axes were widened).
TIED = """() => [...document.querySelectorAll('.dl-chart')].filter(gd => gd._fullLayout._axisConstraintGroups.length)
    .map(gd => gd._fullLayout._axisConstraintGroups.map(group => {
        const axes = Object.keys(group).map(id => id[0] + 'axis' + id.slice(1)).sort();
        const sent = axes.filter(a => (gd.__sentAxes[a] || {}).range);
        return {ranges: axes.map(a => gd._fullLayout[a].range.map(v => +v.toFixed(4))),
                asSent: sent.some(a => JSON.stringify(gd.layout[a].range) === JSON.stringify(gd.__sentAxes[a].range)),
                ranged: sent.length};
    }))"""


def resize(page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    wait_refitted(page)


@pytest.mark.parametrize("url_path", ["sgd", "linear-layer"])  # constrain: range (GD's map shrinks its domain instead)
def test_a_resize_refits_aspect_locked_axes_from_the_ranges_sent(page, app_server, url_path):
    """plotly's responsive resize refitted tied axes from its previous fit, so each resize zoomed an
    aspect-locked plot out (SGD's gradient plot: ±19.9 sent, ±42.6 shown after four resizes). The chart
    refits from the ranges sent: the same width shows the same ranges, and one axis of each group keeps
    the range sent. A range zoomed by hand stays zoomed."""
    open_page(page, app_server, url_path, "en")
    tied = page.evaluate(TIED)
    assert tied and all(g["ranged"] for chart in tied for g in chart), "no aspect-locked chart with set ranges"
    assert all(g["asSent"] for chart in tied for g in chart), tied
    seen = {}
    for width in (1200, 1440, 1000, 1440, 1200):
        resize(page, width)
        now = page.evaluate(TIED)
        assert all(g["asSent"] for chart in now for g in chart), (width, now)
        assert seen.setdefault(width, now) == now, f"at {width} px: {seen[width]} before, {now} now"
    assert seen[1000] != seen[1440], "the resizes changed nothing: the test cannot tell a refit"
    page.evaluate(  # a zoom box: every axis of the group to a quarter of its span, around its middle
        """() => { const gd = [...document.querySelectorAll('.dl-chart')].find(g => g._fullLayout._axisConstraintGroups.length);
            gd.__zoomed = Object.keys(gd._fullLayout._axisConstraintGroups[0]).map(id => id[0] + 'axis' + id.slice(1));
            const box = {};
            for (const a of gd.__zoomed) {
                const [lo, hi] = gd._fullLayout[a].range, mid = (lo + hi) / 2, half = (hi - lo) / 8;
                box[a + '.range'] = [mid - half, mid + half];
            }
            return Plotly.relayout(gd, box); }"""
    )
    spans = """() => { const gd = [...document.querySelectorAll('.dl-chart')].find(g => g.__zoomed);
        return gd.__zoomed.map(a => Math.abs(gd._fullLayout[a].range[1] - gd._fullLayout[a].range[0])); }"""
    zoomed = page.evaluate(spans)
    resize(page, 1000)
    after = page.evaluate(spans)
    # The new shape widens one axis to keep the aspect ratio; the other stays near its zoomed span
    # (plotly refits from the zoomed ranges; a reset would show four times the span).
    assert any(a < 1.5 * z for a, z in zip(after, zoomed, strict=True)), f"the zoom was undone: {zoomed} -> {after}"
    assert_clean(page, "en")


def test_image_ranges_set_by_the_server_are_plotly_autorange(page, app_server):
    """viz.common.pin_image_axes sets the image subplots' ranges from the cells' edges; plotly.js's own
    autorange of the same axes (and the domain it shrinks to) must give exactly that picture."""
    open_page(page, app_server, "cnn-filters", "en")
    pairs = page.evaluate(
        """async () => {
            const out = [];
            for (const gd of document.querySelectorAll('.dl-chart')) {
                const tied = Object.keys(gd.__sentAxes).filter(a => gd.__sentAxes[a].scaleanchor && gd.__sentAxes[a].range
                    && gd.__sentAxes[a].autorange === undefined);  // pinned by the server, not set by the figure
                if (!tied.length) continue;
                const look = () => tied.flatMap(y => [y, gd.__sentAxes[y].scaleanchor.replace('x', 'xaxis')])
                    .map(a => [a, gd._fullLayout[a].range.map(v => +v.toFixed(6)), gd._fullLayout[a].domain.map(v => +v.toFixed(4))]);
                const pinned = look();
                const update = {};
                for (const y of tied) {
                    const r = gd.__sentAxes[y].range;
                    update[y + '.autorange'] = r[0] > r[1] ? 'reversed' : true;
                    update[gd.__sentAxes[y].scaleanchor.replace('x', 'xaxis') + '.autorange'] = true;
                }
                await Plotly.relayout(gd, update);
                out.push([gd.dataset.chartKey, pinned, look()]);
            }
            return out;
        }"""
    )
    assert len(pairs) >= 2, pairs  # the convolution panels and the sliding window at least
    for key, pinned, automatic in pairs:
        assert pinned == automatic, (key, pinned, automatic)


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


def test_a_page_control_reruns_the_page_alone_and_the_sidebar_reruns_the_app(page, listen, app_server):
    """ui.live: a page's widget change reruns only the page's fragment (the sidebar and the menu are not
    sent again); the sidebar's language switch reruns the whole app, in the other language."""
    open_page(page, app_server, "gradient-descent", "en")
    sent: list[bytes] = []
    listen(
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


# Counts URLPattern objects made: Streamlit builds one per allowed origin to check each host message it gets.
COUNT_PATTERNS = """(() => {
    const Real = window.URLPattern;
    window.__patterns = 0;
    if (Real) window.URLPattern = Object.assign(function (...args) { window.__patterns++; return new Real(...args); },
                                                {prototype: Real.prototype});
})()"""


def test_no_parent_page_may_steer_the_app_and_a_change_checks_no_origins(page, app_server):
    """.streamlit/config.toml client.allowedOrigins = []: the host-config the browser reads allows no origin, so
    Streamlit opens no host messaging; its own messages, posted to the window when the app is not embedded,
    were each checked against its default list of cloud origins (~100 URLPattern objects a slider change)."""
    assert urlopen(f"{app_server.url}/_stcore/host-config").read().count(b'"allowedOrigins":[]') == 1
    page.add_init_script(COUNT_PATTERNS)
    open_page(page, app_server, "gradient-descent", "en")
    page.evaluate("() => { window.__patterns = 0; }")
    for key in ("ArrowRight", "ArrowLeft"):
        change(page, key)
    assert page.evaluate("() => window.__patterns") == 0
    assert_clean(page, "en")


# Per chart: (revision drawn, revision kept for when it is seen, revision last sent, top edge in screens).
SIGHT = """() => [...document.querySelectorAll('.dl-chart')].map(gd => [gd.dataset.revision, gd.dataset.pending || null,
    gd.dataset.wanted, gd.offsetParent ? gd.getBoundingClientRect().top / innerHeight : null])"""


@pytest.mark.parametrize("url_path", ["dropout", "optimizers"])  # far below the fold
def test_a_chart_out_of_sight_draws_its_newest_figure_when_it_comes_into_view(page, app_server, url_path):
    """A change redraws the charts in view at once; a chart out of sight keeps the figure (``data-pending``)
    and draws it when it comes into view, as a fresh load of the URL draws it."""
    open_page(page, app_server, url_path, "en")
    before = page.evaluate(SIGHT)
    change(page, "ArrowRight")
    after = page.evaluate(SIGHT)
    assert after[0][0] != before[0][0] and after[0][1] is None, "the chart in view did not draw the change"
    # Out of sight: below 1.5 screens (past the half-screen margin) or hidden (a closed tab).
    away = [i for i, (_, _, _, top) in enumerate(after) if top is None or top > 1.6]
    assert away, f"no chart out of sight on /{url_path}: {after}"
    for i in away:
        drawn, pending, wanted, _ = after[i]
        assert drawn == before[i][0] and pending == wanted != drawn, f"chart {i} out of sight: {after[i]}"
    reveal_charts(page)
    shown = page.evaluate(SIGHT)
    assert all(r[0] == r[2] and r[1] is None for r in shown), f"charts after coming into view: {shown}"
    state = page.evaluate(STATE)
    page.goto(page.url)  # the same URL in a new session: every chart drawn afresh from its figure
    wait_done(page)
    wait_charts(page)
    reveal_charts(page)
    assert page.evaluate(STATE) == state


# Pages whose first slider changes only data, ranges and texts of the main chart: the element moves it in place
# (ui/chart.js move) rather than a Plotly.react. /cnn-filters' stride resizes the feature maps' aspect-locked axes,
# which only a react lays out. /linear-regression's panels are aspect-locked too; their boxes are snapped to steps
# (core/linreg/train.py _box, viz/linreg.py), so a step of its slope keeps their ranges and moves the chart.
MOVED_IN_PLACE = [
    "gradient-descent", "learning-rate", "optimizers", "sgd", "logistic-regression", "relu", "dropout", "mle",
    "loss-functions", "rnn-unrolling", "representation", "digits-project", "backprop", "linear-regression",
]  # fmt: skip


@pytest.mark.parametrize("url_path", MOVED_IN_PLACE)
def test_a_change_of_the_first_slider_moves_the_main_chart_in_place(page, app_server, url_path):
    open_page(page, app_server, url_path, "en")
    shown = "() => [...document.querySelectorAll('.dl-chart')].map(gd => [gd.dataset.revision, gd.dataset.update])"
    for key in ("ArrowRight", "ArrowLeft"):
        before = page.evaluate(shown)
        change(page, key)  # charts out of sight keep theirs pending: only those drawn again are compared
        redrawn = [how for (was, _), (now, how) in zip(before, page.evaluate(shown), strict=True) if was != now]
        assert redrawn and set(redrawn) == {"move"}, f"{url_path}: {key} drew the changed charts by {redrawn}"
    assert_clean(page, "en")


# Every axis title as drawn: its text and where (x, y and rotation of its text element).
TITLES = """() => [...document.querySelectorAll('.dl-chart')].map(gd => [...gd.querySelectorAll('.infolayer g[class$="title"] text')]
    .map(t => [(t.getAttribute('class') || '').replace(/cb[0-9a-f]+/, 'cb'), t.textContent, ...['x', 'y', 'transform'].map(a => {
        const v = t.getAttribute(a) || '';
        return v.replace(/-?\\d+\\.?\\d*(e[-+]?\\d+)?/g, (n) => String(Math.round(Number(n) * 10) / 10));
    })]))"""


@pytest.mark.parametrize("url_path", ["relu", "gradient-descent", "learning-rate", "optimizers"])
def test_axis_titles_after_a_walk_of_changes_sit_where_a_fresh_load_puts_them(page, app_server, url_path):
    """A move relays out only the axes' ranges, which leaves their titles where they were: ui/chart.js moves a title
    by its labels' change of depth, or has plotly draw it again. Walking the first slider one way through several
    values (on /relu the MSE axis loses its labels on the way and a margin grows) must leave every title where a
    fresh load of the final URL draws it."""
    open_page(page, app_server, url_path, "en")
    for _ in range(3):
        change(page, "ArrowLeft")
    reveal_charts(page)
    wait_refitted(page)
    walked, state = page.evaluate(TITLES), page.evaluate(STATE)
    page.goto(page.url)
    wait_done(page)
    wait_charts(page)
    reveal_charts(page)
    wait_refitted(page)
    assert page.evaluate(STATE) == state, first_difference(state, page.evaluate(STATE))
    assert page.evaluate(TITLES) == walked


# Plotly.react and Plotly.relayout calls from here on, with the chart each drew.
COUNT_DRAWS = """() => { window.__draws = [];
    for (const name of ['react', 'relayout']) {
        const real = Plotly[name];
        Plotly[name] = function (gd, ...args) { window.__draws.push([name, gd.dataset.chartKey]); return real.call(this, gd, ...args); };
    } }"""
# Every axis of every chart: range and domain as drawn.
AXES = """() => [...document.querySelectorAll('.dl-chart')].map(gd => Object.keys(gd._fullLayout)
    .filter(k => /^[xy]axis\\d*$/.test(k)).sort()
    .map(k => [k, ...['range', 'domain'].map(p => gd._fullLayout[k][p].map(v => Math.round(v * 1e4) / 1e4))]))"""


def test_a_new_loss_map_is_drawn_by_one_react_and_fits_its_tied_axes_as_a_fresh_load(page, app_server):
    """/linear-regression's slope moves the data, so each new value brings a new loss map (its box follows
    the optimum) and Plotly.react draws the figure. Its panels' axes are tied by scaleanchor; plotly fits
    them from the range each was given, which it kept across a react from the figure before, so a relayout
    (a second full draw, 60-150 ms) had to fit them again after every new value. One react per change
    must leave every range and domain where a fresh load of the final URL draws them."""
    open_page(page, app_server, "linear-regression", "en")
    page.evaluate(COUNT_DRAWS)
    main = "() => document.querySelector('.dl-chart').dataset.update"
    updates = []
    for _ in range(3):
        change(page, "ArrowLeft")  # slope 2.0 -> 1.9 -> 1.8 -> 1.7: values this session has not drawn
        updates.append(page.evaluate(main))
    assert updates == ["react"] * 3, f"the new loss maps were drawn by {updates}, not the path this test is about"
    draws = [name for name, key in page.evaluate("() => window.__draws") if key == "chart_lin_main"]
    assert draws == ["react"] * 3, f"the main chart was drawn by {draws}: a relayout after a react draws it all again"
    reveal_charts(page)  # the distance chart below draws its newest figure as it comes into view
    wait_refitted(page)
    tied = page.evaluate(TIED)
    assert tied and all(g["asSent"] for chart in tied for g in chart), tied
    axes, state = page.evaluate(AXES), page.evaluate(STATE)
    assert "slope=1.7" in page.url, page.url
    page.goto(page.url)
    wait_done(page)
    wait_charts(page)
    reveal_charts(page)
    wait_refitted(page)
    assert page.evaluate(AXES) == axes
    assert page.evaluate(STATE) == state, first_difference(state, page.evaluate(STATE))
    assert_clean(page, "en")
