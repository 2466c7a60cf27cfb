"""What the room sees: on every page, in both languages, at a desk (1440×900) and in the presenter view
on a projector (1280×720 at 150 %, i.e. 853×480 CSS px) and then, as when the lecturer moves the window,
on a 1080p screen (1920×1080 CSS px), read from the rendered page: the main chart starts in the upper half
of the first screen, no two text boxes of a chart overlap, presenter text is large, the main chart fills
the width, the sidebar and the code are out of the way.

At the desk the same page load also serves the language, control, code and Try-this checks (one load
per page and language instead of five): the link carries no ``lang``, so the browser's language (ko-KR
or en-US) picks the page's and the app writes it into the URL; the text reads well in it; a slider
changes the chart and the URL and keeps ``lang``; the PyTorch code opens; and in English the last
Try-this experiment goes into the URL, whose load alone shows the same settings.
"""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

import i18n
from tests.e2e.browser import (
    SCREENSHOTS,
    assert_clean,
    chart_data,
    full_screenshot,
    rerun,
    reveal_charts,
    wait_charts,
    wait_done,
    wait_refitted,
)
from tests.e2e.test_language_e2e import (
    BROWSER_LOCALE,
    SLIDER,
    assert_options_translated,
    assert_text_reads_well,
    expect_lang_in_url,
)
from tests.e2e.test_pages_e2e import PAGES, SAME_ARRAY_ATTRIBUTES, assert_code_opens, assert_try_this_link_reproduces
from ui import registry
from ui.page import badge_text

SIZES = {
    "desk": ({"width": 1440, "height": 900}, 1, False),
    "projector": ({"width": 853, "height": 480}, 1.5, True),
}
# The presenter case's second screen, reached by a resize of the projector's window: what is checked is laid
# out in CSS px, so the device scale (1.5 kept from the projector) does not change it.
SCREEN_1080P = {"width": 1920, "height": 1080}
# Streamlit 1.67 marks the sidebar's state as data-collapsed (it had aria-expanded, which it no longer sets: a
# check for aria-expanded='true' found nothing whatever the sidebar's state).
SIDEBAR_OPEN = "[data-testid='stSidebar'][data-collapsed='false']"

# Every visible text box of every chart: [chart index, kind, text, left, top, right, bottom, font px].
TEXT_BOXES = """() => {
    const kind = el => {
        const own = el.getAttribute('class') || '';
        if (/^[xy]\\d*title$/.test(own)) return 'axis';
        if (own === 'gtitle') return 'title';
        if (own.includes('annotation-text')) return 'note';
        if (own.includes('legendtext')) return 'legend';
        if (own.includes('slider-label')) return 'slider';
        if (own.includes('slider-current-value')) return 'slider-value';
        if (own.includes('updatemenu-item-text')) return 'menu';
        if (el.closest('.cbtitle')) return 'colorbar';
        if (el.closest('.cbaxis')) return 'colorbar-tick';
        if (el.closest('g[class$="tick"]')) return 'tick';  // xtick, y2tick, ...
        if (el.closest('.textpoint')) return 'point-label';
        return 'other';
    };
    const out = [];
    document.querySelectorAll('.dl-chart').forEach((gd, i) => {
        if (!gd.offsetParent) return;
        gd.querySelectorAll('svg text').forEach(el => {
            const r = el.getBoundingClientRect();
            const text = (el.textContent || '').trim();
            if (!text || r.width < 1 || r.height < 1 || el.closest('.hoverlayer')) return;
            out.push([i, kind(el), text, r.left, r.top, r.right, r.bottom,
                      parseFloat(getComputedStyle(el).fontSize) || 0]);
        });
    });
    return out;
}"""
# Whether the element of the main column showing ``text`` is on screen and uncovered where it is drawn (the
# app's header bar is fixed and opaque: the chapter badge above the title was drawn under it on every page).
UNCOVERED = """text => {
    const all = [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stElementContainer']")];
    const el = all.find(e => e.innerText.trim().endsWith(text));
    if (!el) return 'not found';
    const box = el.querySelector('span') ? el.querySelector('span').getBoundingClientRect() : el.getBoundingClientRect();
    const [x, y] = [box.left + Math.min(box.width / 2, 12), box.top + box.height / 2];
    if (box.height < 1 || y < 0 || y > innerHeight) return `off screen at y = ${y}`;
    const hit = document.elementFromPoint(x, y);
    return hit && el.contains(hit) ? 'shown' : `covered by ${hit && (hit.dataset.testid || hit.className)}`;
}"""
SLACK = 2.0  # px two boxes may touch by (glyph boxes include line spacing)
# Axis titles drawn over a plot area of the same chart (its drag rectangle): a text box check cannot see them
# on a picture (/digits-project's "이미지 수" lay on the digit strip's last column in the presenter view; eight
# other pages had a right-hand panel's y title reaching into the panel on its left, at the desk or on a projector).
TITLES_ON_PLOTS = """slack => {
    const out = [];
    document.querySelectorAll('.dl-chart').forEach((gd, i) => {
        if (!gd.offsetParent) return;
        const plots = [...gd.querySelectorAll('.draglayer .nsewdrag')].map(r => [r.parentNode.getAttribute('class'), r.getBoundingClientRect()]);
        gd.querySelectorAll('.infolayer text').forEach(el => {
            const text = (el.textContent || '').trim();
            if (!text || !/^[xy]\\d*title$/.test(el.getAttribute('class') || '')) return;
            const b = el.getBoundingClientRect();
            for (const [name, a] of plots) {
                const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                if (dx > slack && dy > slack) {
                    out.push(`chart ${i}: axis title ${JSON.stringify(text)} on the plot ${name} (${Math.round(dx)}×${Math.round(dy)} px)`);
                }
            }
        });
    });
    return out;
}"""


def overlaps(boxes: list) -> list[str]:
    """Pairs of text boxes of one chart that overlap by more than SLACK px in both directions."""
    found = []
    for a_i, a in enumerate(boxes):
        for b in boxes[a_i + 1 :]:
            if a[0] != b[0] or (a[1] == b[1] == "slider"):
                continue  # plotly thins a slider's step labels itself
            dx = min(a[5], b[5]) - max(a[3], b[3])
            dy = min(a[6], b[6]) - max(a[4], b[4])
            if dx > SLACK and dy > SLACK:
                found.append(f"chart {a[0]}: {a[1]} {a[2]!r} overlaps {b[1]} {b[2]!r}")
    return found


def open_at(new_page, app_server, url_path: str, lang: str, size: str, query: str = "", *, present: bool | None = None):
    """The page at ``size``: in the presenter view by its link (``?lang=…&present=true``); at the desk with no
    query at all, in a browser whose language is ``lang``'s. ``query`` ("lrs=0.45,0.5&steps=60") goes into the
    link, which then names the language too; ``present`` overrides the size's view (False: a projector-sized
    window with the sidebar open)."""
    viewport, scale, presents = SIZES[size]
    presents = presents if present is None else present
    page = new_page(viewport=viewport, device_scale_factor=scale,
                    locale="en-US" if presents or query else BROWSER_LOCALE[lang])  # fmt: skip
    params = (
        ([f"lang={lang}"] if presents or query else []) + (["present=true"] if presents else []) + [query] * bool(query)
    )
    page.goto(f"{app_server.url}/{url_path}" + ("?" + "&".join(params) if params else ""))
    wait_done(page)
    page.wait_for_selector(".dl-chart", timeout=120_000)
    wait_charts(page)
    return page


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("url_path", PAGES)
def test_the_picture_fits_the_screen(new_page, app_server, url_path, lang, size):
    page = open_at(new_page, app_server, url_path, lang, size)
    viewport, _, present = SIZES[size]
    expect(page.locator("h1").first).to_have_text(i18n.t(f"page.{url_path}.title", lang))
    fits(page, url_path, lang, viewport, present)
    full_screenshot(page, SCREENSHOTS / f"{url_path}-{lang}-{size}.png")
    if present:
        page.set_viewport_size(SCREEN_1080P)
        wait_refitted(page)
        fits(page, url_path, lang, SCREEN_1080P, present)
        full_screenshot(page, SCREENSHOTS / f"{url_path}-{lang}-1080p.png")
    else:
        reads_well_and_reacts(page, lang)
        assert_code_opens(page, lang)
        if lang == "en":
            assert_try_this_link_reproduces(page, lang)


def fits(page, url_path: str, lang: str, viewport: dict, present: bool) -> None:
    """The checks of the module's docstring, on the page as it is laid out in ``viewport``."""
    badge = badge_text(registry.spec_of(url_path), lang)
    assert page.evaluate(UNCOVERED, badge) == "shown", f"chapter badge {badge!r}: {page.evaluate(UNCOVERED, badge)}"
    chart = page.locator(".dl-chart").first
    box = chart.bounding_box()
    main_width = page.locator("[data-testid='stMainBlockContainer']").bounding_box()["width"]
    where = f"at {viewport['width']}×{viewport['height']}"
    if present:
        assert box["width"] >= 0.8 * main_width, f"main chart {box['width']:.0f} of {main_width:.0f} px {where}"
        assert box["y"] < 0.6 * viewport["height"], f"main chart starts at {box['y']:.0f} px {where}: below the fold"
        assert page.locator(SIDEBAR_OPEN).count() == 0, "sidebar open"
        assert page.get_by_text(i18n.t("ui.code", lang)).count() == 0, "code shown in the presenter view"
    else:
        assert box["y"] < viewport["height"] / 2, f"main chart starts at {box['y']:.0f} px"

    assert_formulas_fit(page, where)
    assert_text_uncut(page, where)
    if present:  # ui/page.py control_rows: /logistic-regression's four select boxes read "로지스틱 회" and the like
        assert not (cut := page.evaluate(SELECTS_CUT)), f"select box values cut {where}: {cut[:6]}"
        assert not (hidden := page.evaluate(CHIPS_HIDDEN)), f"chosen options out of sight {where}: {hidden[:6]}"
    else:  # the controls column at the desk is narrower than many values: each cut one shows that it is
        assert_cut_selects_marked(page, where)
    boxes = page.evaluate(TEXT_BOXES)
    assert boxes, "no chart text found"
    assert not overlaps(boxes), [where, *overlaps(boxes)[:6]]
    assert not (covered := page.evaluate(TITLES_ON_PLOTS, SLACK)), [where, *covered[:6]]
    if present:
        small = {kind: min(b[7] for b in boxes if b[1] == kind) for kind in ("tick", "axis", "title")
                 if any(b[1] == kind for b in boxes)}  # fmt: skip
        need = {"tick": 16, "axis": 18, "title": 22}
        assert all(small[k] >= need[k] for k in small), f"presenter text too small {where}: {small}"
    assert_clean(page, lang)


def reads_well_and_reacts(page, lang: str) -> None:
    """The language seams and a control change, on the page as the desk test opened it (no ``?lang=``)."""
    expect_lang_in_url(page, lang)  # the browser's language, written into the URL
    assert_text_reads_well(page, lang)
    if lang == "ko":
        assert_options_translated(page)
    before, url_before = chart_data(page), page.evaluate("location.href")
    slider = page.locator(SLIDER).first
    at_max = slider.evaluate("e => Number(e.value) >= Number(e.max)")
    slider.focus()
    rerun(page, lambda: slider.press("ArrowLeft" if at_max else "ArrowRight"))
    reveal_charts(page)  # the chart it changes may be out of sight, drawing the change when scrolled to
    assert chart_data(page) != before, "the slider changed no chart"
    assert page.evaluate("location.href") != url_before, "the slider's value is not in the URL"
    expect_lang_in_url(page, lang)
    assert_clean(page, lang)
    assert page.evaluate(SAME_ARRAY_ATTRIBUTES) == []


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_a_tall_firing_chart_keeps_its_legend_off_its_title(new_page, app_server, lang):
    """/relu's "More units, more pieces" (32 units, some die): the firing chart grows to 836 px and gets its
    two-item legend; the template put that legend 2 % of the plot above it, on the title's line."""
    page = new_page(viewport=SIZES["desk"][0])
    page.goto(f"{app_server.url}/relu?lang={lang}&units=32&epochs=1500")
    wait_done(page)
    page.wait_for_selector(".dl-chart", timeout=120_000)
    reveal_charts(page)
    boxes = [b for b in page.evaluate(TEXT_BOXES) if b[0] == 2]
    assert {"title", "legend"} <= {b[1] for b in boxes}, "the firing chart shows no title or no legend"
    assert not overlaps(boxes)
    assert_clean(page, lang)


# The first subplot's plot frame and the subplot title right above it (the nearest annotation whose box spans
# the frame's centre): [frame top, title bottom, title text].
MAP_UNDER_TITLE = """() => {
    const gd = document.querySelector('.dl-chart');
    const frame = gd.querySelector('.draglayer .xy .nsewdrag').getBoundingClientRect();
    const centre = (frame.left + frame.right) / 2;
    const titles = [...gd.querySelectorAll('.infolayer .annotation')].map(a => [a.getBoundingClientRect(), a.textContent])
        .filter(([b]) => b.left <= centre && centre <= b.right && b.bottom <= frame.top + 2)
        .sort((a, b) => b[0].bottom - a[0].bottom);
    return titles.length ? [frame.top, titles[0][0].bottom, titles[0][1]] : [frame.top, null, null];
}"""


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("url_path", ["gradient-descent", "learning-rate", "optimizers"])
def test_the_square_map_keeps_under_its_title_on_the_projector(new_page, app_server, url_path, lang):
    """The contour map is squared by shrinking its frame (constrain: domain). In the presenter view at projector
    size its cell is taller than wide; the frame keeps to the top of the cell (constraintoward: top), under
    its title. Centred, /optimizers' map started 115 CSS px below its title (GD 58, LR 88), its lower half
    off the 480 px screen."""
    page = open_at(new_page, app_server, url_path, lang, "projector")
    frame_top, title_bottom, title = page.evaluate(MAP_UNDER_TITLE)
    assert title_bottom is not None, "no subplot title above the map"
    assert 0 <= frame_top - title_bottom <= 30, f"the map starts {frame_top - title_bottom:.0f} px under {title!r}"
    assert_clean(page, lang)


# The map's x-axis title and the loss colour bar under it: [title bottom, bar top, bar left, frame left, frame
# right] in CSS px, or null where the figure shows no bar.
BAR_UNDER_MAP = """() => {
    const gd = document.querySelector('.dl-chart');
    const bar = gd.querySelector('.infolayer .colorbar');
    if (!bar) return null;
    const title = gd.querySelector('.g-xtitle').getBoundingClientRect();
    const frame = gd.querySelector('.draglayer .xy .nsewdrag').getBoundingClientRect();
    const drawn = bar.getBoundingClientRect();  // the bar with its ticks and title
    return [title.bottom, drawn.top, drawn.left, frame.left, frame.right];
}"""


def assert_bar_under_map(page, where: str) -> None:
    placed = page.evaluate(BAR_UNDER_MAP)
    assert placed is not None, f"no loss colour bar {where}"
    title_bottom, bar_top, bar_left, frame_left, frame_right = placed
    assert 0 <= bar_top - title_bottom <= 30, (
        f"the colour bar is {bar_top - title_bottom:.0f} px under the map's x title {where}"
    )
    assert frame_left - 20 <= bar_left <= frame_right, (
        f"the colour bar starts at {bar_left:.0f}, the map spans {frame_left:.0f}–{frame_right:.0f} {where}"
    )


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("url_path", ["gradient-descent", "learning-rate", "logistic-regression"])
def test_the_colour_bar_sits_under_the_map(new_page, app_server, url_path, lang):
    """The colour bar (loss; /logistic-regression's p(class 1)) belongs to the squared map, whose frame keeps
    to the top of a cell that spans the rows on the right. Placed at a fixed paper height, it hung 165-233 px
    under the map's x-axis title at 1440 px (logistic: ~300); ui/chart.js placeBarUnder now sets it under the
    title after each draw, at the desk, in the presenter view at projector size, and after the window narrows."""
    page = open_at(new_page, app_server, url_path, lang, "desk")
    assert_bar_under_map(page, "at 1440×900")
    # Changes that leave the map where it is keep the bar's place: no restyle, no layout to measure it again
    # (/logistic-regression's animated map trace comes with the server's bar place in every figure: 6 restyles
    # in 6 changes before ui/chart.js keepBarPlace).
    page.evaluate(
        "() => { const gd = document.querySelector('.dl-chart'); gd.__restyles = 0; gd.on('plotly_restyle', () => gd.__restyles++); }"
    )
    slider = page.locator(SLIDER).first
    for key in ("ArrowRight", "ArrowLeft"):
        rerun(page, lambda key=key: (slider.focus(), slider.press(key)))
    assert_bar_under_map(page, "after two slider changes")
    assert page.evaluate("document.querySelector('.dl-chart').__restyles") == 0, "a change restyled the colour bar"
    page.set_viewport_size({"width": 1100, "height": 900})
    wait_refitted(page)
    assert_bar_under_map(page, "after narrowing the window to 1100 px")
    assert_clean(page, lang)
    page = open_at(new_page, app_server, url_path, lang, "projector")
    assert_bar_under_map(page, "in the presenter view at projector size")


# Every label Streamlit cut with an ellipsis in the page's body (metrics' labels and values, widgets' labels,
# buttons): [text, needed px, shown px]. The sidebar's section names are left to it.
TEXT_CUT = """() => [...document.querySelectorAll('[data-testid="stMain"] .stMarkdownEllipsis')]
    .filter(el => el.offsetParent && el.scrollWidth > el.clientWidth + 1)
    .map(el => [el.textContent.slice(0, 50), el.scrollWidth, el.clientWidth])"""


# Every select box in the page's body whose shown value is wider than its box: [value, box px, value px]. Streamlit's
# select box shows its value in an <input>, which clips it with no ellipsis.
SELECTS_CUT = """() => [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stSelectbox'] input")]
    .filter(i => i.scrollWidth > i.clientWidth + 1).map(i => [i.value, i.clientWidth, i.scrollWidth])"""
# Every select box whose value is cut without a sign of it: no ellipsis, or no tooltip naming the whole value.
SELECTS_UNMARKED = """() => [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stSelectbox'] input")]
    .filter(i => i.scrollWidth > i.clientWidth + 1)
    .filter(i => getComputedStyle(i).textOverflow !== 'ellipsis' || i.title !== i.value).map(i => i.value)"""


def assert_cut_selects_marked(page, where: str) -> None:
    """A select box shows its value in an <input>, which clipped it silently ("Moons: two interleaving ha" at the
    desk): a cut value ends in an ellipsis (ui/page.py STYLE) and its tooltip names it whole (ui/chart.js
    watchSelectValues, set just after a run ends)."""
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(f"() => ({SELECTS_UNMARKED})().length === 0", timeout=5000)
    assert not (unmarked := page.evaluate(SELECTS_UNMARKED)), f"select values cut unmarked {where}: {unmarked[:6]}"


# Every chosen option of a multiselect that lies outside its box (Streamlit scrolls the chips sideways, hidden).
CHIPS_HIDDEN = """() => [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stMultiSelectTagsContainer']")]
    .flatMap(box => { const r = box.getBoundingClientRect();
        return [...box.querySelectorAll('[data-tag]')].filter(c => { const q = c.getBoundingClientRect();
            return q.left < r.left - 1 || q.right > r.right + 1; }).map(c => c.innerText.trim()); })"""


def assert_text_uncut(page, where: str) -> None:
    """No label, value or button text of the page's body ends in an ellipsis. Before ui/page.py metric_row and the
    label-sized control columns: "Reset to defaults" on every page of the presenter view, metric values such as
    9.578×10⁻⁶ at 853 px with the sidebar open, /dropout's metric labels at the desk."""
    assert not (cut := page.evaluate(TEXT_CUT)), f"text cut with an ellipsis {where}: {cut[:6]}"


# Every display formula whose typeset width exceeds its markdown element's (KaTeX scrolls such a formula in a
# box its column clips): [formula text, content px, room px]. ui/chart.js fitFormula sets those smaller.
FORMULAS_CUT = """() => [...document.querySelectorAll('.katex-display')]
    .map(el => [el.textContent.slice(0, 40), el.scrollWidth, el.closest('.stMarkdown').clientWidth])
    .filter(([, content, room]) => content > room + 3)"""


def assert_formulas_fit(page, where: str) -> None:
    """Every formula is typeset whole within its column (waiting for KaTeX and the fit, which come after the
    run: KaTeX loads with a page's first formula)."""
    try:
        page.wait_for_function(f"() => document.querySelector('.katex-display') && !({FORMULAS_CUT})().length",
                               timeout=10_000)  # fmt: skip
    except PlaywrightTimeout:
        raise AssertionError(f"formulas cut by their column {where}: {page.evaluate(FORMULAS_CUT)}") from None


# Widen the header's formula after it was fitted, as KaTeX's own fonts do when they arrive after a fallback font was
# measured (its column keeps its width, so nothing else reports it), then tell the page its fonts finished loading.
GROW_FORMULA = """() => { const katex = document.querySelector('.katex-display > .katex');
    katex.style.letterSpacing = '6px'; return katex.closest('.katex-display').scrollWidth; }"""
FONTS_LOADED = "() => document.fonts.dispatchEvent(new FontFaceSetLoadEvent('loadingdone'))"


def test_a_formula_that_grows_when_its_fonts_arrive_is_fitted_again(new_page, app_server):
    """A CI run saw /digits-project's loss 220 px wide in its 200 px column at projector size with the sidebar open
    (one run in several, on a loaded machine): it had been fitted before KaTeX's fonts came."""
    page = open_at(new_page, app_server, "digits-project", "en", "projector", present=False)
    assert_formulas_fit(page, "before")
    grown = page.evaluate(GROW_FORMULA)
    assert page.evaluate(FORMULAS_CUT), f"the widened formula ({grown} px) still fits: the test shows nothing"
    page.evaluate(FONTS_LOADED)
    assert_formulas_fit(page, "after the fonts loaded")


# Widen a select box's value that fits, as the page's font does when it arrives after a fallback font was measured.
GROW_SELECT = """() => { const input = [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stSelectbox'] input")]
    .find(i => i.scrollWidth <= i.clientWidth && !i.title);
    input.style.letterSpacing = '60px'; return [input.value, input.scrollWidth > input.clientWidth + 1]; }"""


def test_a_select_value_cut_when_its_font_arrives_is_marked_at_once(new_page, app_server):
    """A CI run at the desk saw /mle's "A Gaussian: climb over (μ, σ)" cut with no tooltip: it fitted when the
    value was named after the run, in a fallback font. When the fonts report loading done it is named again, at
    once (checked without waiting, so the scans after a run cannot be what marks it)."""
    page = open_at(new_page, app_server, "logistic-regression", "en", "desk")
    value, cut = page.evaluate(GROW_SELECT)
    assert cut, f"widening {value!r} did not cut it: the test shows nothing"
    page.evaluate(FONTS_LOADED)
    assert not (unmarked := page.evaluate(SELECTS_UNMARKED)), f"select values cut unmarked: {unmarked}"


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("url_path", PAGES)
def test_formulas_and_labels_fit_a_projector_sized_window_with_the_sidebar_open(new_page, app_server, url_path, lang):
    """A lecturer who does not switch to the presenter view: 853 CSS px with the sidebar open leave the header's
    formula column ~200 px. Before ui/chart.js fitFormula, the formulas of 13 pages were cut there, /loss-functions'
    by 44 % (360 px in 200); before ui/page.py metric_row, 17 pages' metric labels or values read "…" there
    (/gradient-descent's 9.578×10⁻⁶ in 114 px)."""
    page = open_at(new_page, app_server, url_path, lang, "projector", present=False)
    assert page.locator(SIDEBAR_OPEN).count() == 1, "the sidebar is closed"
    assert_formulas_fit(page, "at 853×480 with the sidebar open")
    assert_text_uncut(page, "at 853×480 with the sidebar open")
    # The page's body is 521 px wide there: the chart takes all of it, the controls come under it (ui/page.py
    # WORKSPACE_STACK_PX). Side by side, the controls had 114 px and the chart 375.
    body = page.locator(".st-key-dl_workspace").first.bounding_box()
    chart = page.locator(".dl-chart").first.bounding_box()
    controls = page.locator(".st-key-dl_workspace [data-testid='stColumn']").first.bounding_box()
    assert chart["width"] >= 0.9 * body["width"], f"the chart has {chart['width']:.0f} of {body['width']:.0f} px"
    assert controls["width"] >= 0.9 * body["width"], (
        f"the controls have {controls['width']:.0f} of {body['width']:.0f} px"
    )
    assert controls["y"] > chart["y"], "the controls are not under the chart"
    assert_clean(page, lang)
