"""/tensors in the browser: the followed-element slider spans the elements of the tensor drawn, as the
chart's own frame slider does, and its value, the chart and the link agree when the tensor shrinks."""

from urllib.parse import parse_qs, urlparse

import pytest

import i18n
from tests.e2e.browser import LOAD_TIMEOUT, assert_clean, rerun, wait_charts, wait_done

CELL = "[data-testid='stMain'] .st-key-cell input[type='range']"
SHOWN = """() => {
    const gd = document.querySelector('.st-key-chart_tensors_main .js-plotly-plot');
    const followed = [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stMarkdown']")]
        .map(e => e.innerText).find(text => text.startsWith(FOLLOWED)) || "";
    const slider = document.querySelector("CELL");
    return {value: slider.value, max: slider.max, frames: gd._transitionData._frames.length,
            active: gd.layout.sliders[0].active, followed: followed.slice(FOLLOWED.length).trim().split(" =")[0]};
}"""


def shown(page, lang: str) -> dict:
    followed = i18n.t("tensors.followed", lang)
    return page.evaluate(SHOWN.replace("FOLLOWED", repr(followed)).replace("CELL", CELL.replace('"', "'")))


def query(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def load(page, url: str) -> None:
    page.goto(url)
    wait_done(page)
    page.wait_for_selector(".st-key-chart_tensors_main .js-plotly-plot", timeout=LOAD_TIMEOUT)
    wait_charts(page)


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_followed_element_slider_ends_at_the_last_element_and_a_smaller_tensor_starts_it_again(
    page, app_server, lang
):
    load(page, f"{app_server.url}/tensors?lang={lang}&a=6,1&b=1,6")
    assert shown(page, lang) == {"value": "0", "max": "35", "frames": 36, "active": 0, "followed": "C[0, 0]"}

    slider = page.locator(CELL)
    slider.focus()
    rerun(page, lambda: slider.press("End"))  # the last stop is the last element, (5, 5) of the 6×6 result
    assert shown(page, lang) == {"value": "35", "max": "35", "frames": 36, "active": 35, "followed": "C[5, 5]"}
    assert query(page)["cell"] == "35"

    field = page.locator("[data-testid='stMain'] .st-key-b input")
    field.fill("1,2")  # (6,1) + (1,2): twelve elements, and no element 35 to follow
    rerun(page, lambda: field.press("Enter"))
    assert shown(page, lang) == {"value": "0", "max": "11", "frames": 12, "active": 0, "followed": "C[0, 0]"}
    assert query(page)["b"] == "1,2" and "cell" not in query(page)  # the link says what is on screen
    assert_clean(page, lang)

    load(page, page.url)  # that link, opened afresh, shows the same
    assert shown(page, lang) == {"value": "0", "max": "11", "frames": 12, "active": 0, "followed": "C[0, 0]"}
