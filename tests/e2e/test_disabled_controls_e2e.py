"""A disabled control keeps showing its value, disabled, and is not drawn again when another control moves
(ui/quiet_disabled.py): Streamlit's slider measures its thumb and value label each time it is drawn (a
layout forced in the middle of the browser's work), so the probe counts those measurements per slider."""

from __future__ import annotations

import pytest

import i18n
from tests.e2e.browser import assert_clean, rerun
from tests.e2e.test_pages_e2e import SLIDER, open_page

# Counts getBoundingClientRect calls made inside each slider, keyed by the slider's label as shown.
PROBE = """(() => {
    const measure = Element.prototype.getBoundingClientRect;
    window.__sliderDraws = {};
    Element.prototype.getBoundingClientRect = function () {
        const slider = this.closest && this.closest("[data-testid='stSlider']");
        if (slider) {
            const name = slider.querySelector("[data-testid='stWidgetLabel']").innerText.trim();
            window.__sliderDraws[name] = (window.__sliderDraws[name] || 0) + 1;
        }
        return measure.call(this);
    };
})()"""
STATE = """() => [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stSlider']")].map(s => [
    s.querySelector("[data-testid='stWidgetLabel']").innerText.trim(),
    s.querySelector("input[type='range']").disabled,
    s.querySelector("[data-testid='stSliderThumbValue']").innerText.trim()])"""


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_a_disabled_slider_keeps_its_value_and_is_not_drawn_again_when_another_moves(page, app_server, lang):
    page.add_init_script(PROBE)
    open_page(page, app_server, "logistic-regression", lang)  # moons: two classes, the classes slider disabled
    classes, noise = i18n.t("logit.classes", lang), i18n.t("logit.noise", lang)
    state = {name: (off, shown) for name, off, shown in page.evaluate(STATE)}
    assert state[classes] == (True, "2") and state[noise][0] is False
    assert next(name for name, off, _ in page.evaluate(STATE) if not off) == noise  # what SLIDER.first moves
    slider = page.locator(SLIDER).first
    for key in ("ArrowRight", "ArrowLeft", "ArrowRight"):
        page.evaluate("() => { window.__sliderDraws = {}; }")
        slider.focus()
        rerun(page, lambda key=key: slider.press(key))
        draws = page.evaluate("() => window.__sliderDraws")
        assert draws.get(noise, 0) > 0, "the probe sees the moved slider drawn"  # else it measures nothing
        assert draws.get(classes, 0) == 0, draws  # Streamlit alone draws it three times per change
        state = {name: (off, shown) for name, off, shown in page.evaluate(STATE)}
        assert state[classes] == (True, "2")
    assert state[noise] == (False, "0.25")
    assert_clean(page, lang)
