"""Labels written over data carry a white halo as drawn (viz.common.HALO, plotly.js textfont.shadow): /logistic-
regression's followed points A–F on the dense map and on the sigmoid, /backprop's edge labels over the lines,
/relu's count of pieces, kinks and dead units over the hinges and the fit."""

from __future__ import annotations

import pytest

from tests.e2e.test_layout_e2e import open_at

# The drawn labels of a chart: their text and computed text-shadow.
LABELS = """gd => [...gd.querySelectorAll('.scatterlayer .textpoint text')].filter(t => t.textContent.trim())
    .map(t => [t.textContent, getComputedStyle(t).textShadow])"""


@pytest.mark.parametrize(
    ("path", "lang", "size", "key", "needles"),
    [("logistic-regression", "ko", "projector", "logit_map", ["A", "B", "C"]),
     ("logistic-regression", "en", "desk", "logit_map", ["A", "F"]), ("backprop", "en", "desk", "bp_graph", ["×"]),
     ("relu", "ko", "projector", "relu_fit", ["조각", "꺾인 점"]), ("relu", "en", "desk", "relu_fit", ["pieces"])],
)  # fmt: skip
def test_labels_over_data_are_drawn_with_a_white_halo(new_page, app_server, path, lang, size, key, needles):
    page = open_at(new_page, app_server, path, lang, size)
    labels = page.locator(f".dl-chart[data-chart-key='chart_{key}']").evaluate(LABELS)
    haloed = [text for text, shadow in labels if "rgb(255, 255, 255)" in shadow]
    for needle in needles:
        assert any(needle in text for text in haloed), f"no haloed label with {needle!r}: {labels[:12]}"
