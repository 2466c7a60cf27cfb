"""CNN filters in the browser: a text file renamed .png is refused with a message and the image stays;
the kernel grid takes typed weights into the link and the feature map, and fits the screen."""

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

import i18n
from tests.e2e.browser import (
    EXCEPTION,
    LOAD_TIMEOUT,
    SCREENSHOTS,
    assert_clean,
    chart_data,
    full_screenshot,
    rerun,
    reveal_charts,
    wait_charts,
    wait_done,
)

GRID = ".st-key-cnn_grid"
WIDE = ",".join(["0.01562", "-0.0039", "1", "-2", "0"] * 5)  # a 5×5 of the widest weights a preset has
# Each grid cell: its text, label, font size, and whether it is whole on screen: inside the viewport, its
# text not cut, and the top element at each of its edges (not cut by a column or covered by a neighbour).
CELLS = """() => [...document.querySelectorAll('.dl-kgrid input')].map(el => {
    const r = el.getBoundingClientRect();
    const inside = r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
    const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;  // the middle of each edge: corners are rounded
    const edges = [[r.left + 2, y], [r.right - 2, y], [x, r.top + 2], [x, r.bottom - 2]];
    const whole = inside && edges.every(([x, y]) => document.elementFromPoint(x, y) === el)
        && el.scrollWidth <= el.clientWidth;
    return {value: el.value, label: el.getAttribute('aria-label'), whole, font: parseFloat(getComputedStyle(el).fontSize)};
})"""


@pytest.mark.parametrize(("lang", "needle"), [("en", "is not a PNG or JPEG"), ("ko", "PNG나 JPEG 사진이 아닙니다")])
def test_text_renamed_png_is_refused(page, app_server, tmp_path, lang, needle):
    fake = tmp_path / "notes.png"
    fake.write_text("hello, I am text\n")
    page.goto(f"{app_server.url}/cnn-filters?image=flower&lang={lang}")
    wait_done(page)
    page.wait_for_selector(".js-plotly-plot", timeout=LOAD_TIMEOUT)
    before = chart_data(page)[0]
    page.set_input_files("[data-testid='stFileUploaderDropzoneInput']", str(fake))
    page.get_by_text(needle).wait_for()
    wait_done(page)
    assert page.locator(EXCEPTION).count() == 0 and chart_data(page)[0] == before
    assert_clean(page, lang)


def custom_in_url(page) -> str:
    return parse_qs(urlparse(page.url).query)["custom"][0]


def open_grid(page, url: str):
    page.goto(url)
    wait_done(page)
    page.wait_for_selector(f"{GRID} input", timeout=LOAD_TIMEOUT)
    wait_charts(page)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_typing_in_the_grid_changes_the_link_and_the_feature_map(page, app_server, lang):
    """Enter and Tab commit a cell, the arrow keys move; a non-number is outlined and never sent, and
    it stays as typed (focus too) while the other cells take the new kernel."""
    open_grid(page, f"{app_server.url}/cnn-filters?image=stripes&kernel=custom&custom=1,1,1,0,0,0,-1,-1,-1&lang={lang}")
    cell = lambda r, c: page.get_by_label(i18n.t("cnn.grid_cell", lang, row=r, col=c), exact=True)  # noqa: E731
    before = chart_data(page)[0]
    cell(1, 1).fill("abc")
    cell(1, 1).press("Enter")
    expect(cell(1, 1)).to_have_attribute("aria-invalid", "true")
    rerun(page, lambda: (cell(2, 2).fill("7"), cell(2, 2).press("Enter")))
    reveal_charts(page)  # the feature map is above the grid, out of sight while one types: it draws when seen
    assert custom_in_url(page) == "1,1,1,0,7,0,-1,-1,-1" and chart_data(page)[0] != before
    expect(cell(2, 2)).to_be_focused()
    expect(cell(1, 1)).to_have_value("abc")
    expect(cell(1, 1)).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label(i18n.t("cnn.custom", lang), exact=True)).to_have_value("1,1,1,0,7,0,-1,-1,-1")
    after_first = chart_data(page)[0]
    page.keyboard.press("ArrowRight")
    expect(cell(2, 3)).to_be_focused()
    rerun(page, lambda: (page.keyboard.type("-2"), page.keyboard.press("Tab")))
    reveal_charts(page)
    assert custom_in_url(page) == "1,1,1,0,7,-2,-1,-1,-1" and chart_data(page)[0] != after_first
    expect(cell(3, 1)).to_be_focused()
    assert_clean(page, lang)


@pytest.mark.parametrize(
    ("viewport", "scale", "lang", "present"),
    [({"width": 1440, "height": 900}, 1, "en", False), ({"width": 853, "height": 480}, 1.5, "ko", True),
     ({"width": 853, "height": 480}, 1.5, "en", False)],
    ids=["desk", "projector-present", "projector"],
)  # fmt: skip
def test_a_5x5_grid_is_whole_on_screen(new_page, app_server, viewport, scale, lang, present):
    page = new_page(viewport=viewport, device_scale_factor=scale, locale="en-US")
    query = f"kernel=custom&custom={WIDE}&lang={lang}" + ("&present=true" if present else "")
    open_grid(page, f"{app_server.url}/cnn-filters?{query}")
    page.locator(GRID).scroll_into_view_if_needed()
    cells = page.evaluate(CELLS)
    assert len(cells) == 25 and all(c["value"] in WIDE.split(",") for c in cells)
    hidden = [c["label"] for c in cells if not c["whole"]]
    assert not hidden, f"cells clipped or covered: {hidden[:3]}"
    assert min(c["font"] for c in cells) >= (20 if present else 14), cells[0]["font"]
    full_screenshot(page, SCREENSHOTS / f"cnn-grid-{lang}-{'present' if present else 'normal'}-{viewport['width']}.png")
    assert_clean(page, lang)
