"""/learning-rate's sweep as drawn: each marked run's rate is written beside its marker, inside the plot, on
none of the sweep's markers, no run's marker and no other rate (viz/learning_rate.py ``label_sides`` judges the
room at the smallest plot the chart gets). "edge" wrote 0.45 on the sweep's 0.42, "cosine" 0.55 on 0.65."""

from __future__ import annotations

import pytest

from tests.e2e.browser import wait_charts
from tests.e2e.test_layout_e2e import open_at

SWEEP = 1  # the page's second chart

# Every marker of the sweep chart and each written rate, as drawn (client px); the plot area.
DRAWN = """gd => {
    const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    const traces = [...gd.querySelectorAll('.scatterlayer > .trace')];
    return {
        markers: traces.flatMap((g, i) => [...g.querySelectorAll('.points path.point')].map(p => [i, box(p)])),
        labels: traces.flatMap((g, i) => [...g.querySelectorAll('.textpoint text')]
            .filter(t => t.textContent).map(t => [i, t.textContent, box(t)])),
        plot: box(gd.querySelector('.cartesianlayer .subplot.xy .nsewdrag') || gd.querySelector('.nsewdrag')),
    };
}"""

CASES = {  # Try this experiments of the page whose rates sit close on the sweep, and the page's default
    "edge": "surface=valley&lrs=0.45,0.495,0.5,0.505",
    "cosine": "surface=valley&lrs=0.3,0.55,0.65&steps=60&schedule=cosine",
    "step": "surface=valley&lrs=0.45,0.55&schedule=step",
    "default": "",
}


def apart(a, b, margin: float = 0.5) -> bool:
    return a[2] <= b[0] + margin or b[2] <= a[0] + margin or a[3] <= b[1] + margin or b[3] <= a[1] + margin


@pytest.mark.parametrize(
    ("case", "lang", "size"),
    [("edge", "en", "desk"), ("edge", "ko", "projector"), ("cosine", "ko", "desk"), ("cosine", "en", "projector"),
     ("step", "en", "desk"), ("default", "ko", "projector")],
)  # fmt: skip
def test_each_rate_is_written_clear_of_every_marker(new_page, app_server, case, lang, size):
    page = open_at(new_page, app_server, "learning-rate", lang, size, CASES[case])
    chart = page.locator(".dl-chart").nth(SWEEP)
    chart.scroll_into_view_if_needed()
    wait_charts(page)
    drawn = chart.evaluate(DRAWN)
    rates = {
        lr.strip() for lr in (CASES[case].split("lrs=")[1].split("&")[0].split(",") if "lrs=" in CASES[case] else [])
    }
    labels = drawn["labels"]
    assert len(drawn["markers"]) >= 40 and labels, drawn
    assert not rates or {text for _, text, _ in labels} == rates, f"not every rate is written: {labels}"
    for i, (_, text, box) in enumerate(labels):
        plot = drawn["plot"]
        assert box[0] >= plot[0] - 1 and box[2] <= plot[2] + 1 and box[1] >= plot[1] - 1 and box[3] <= plot[3] + 1, (
            f"'{text}' {box} is not inside the plot {plot}"
        )
        for other, marker in drawn["markers"]:
            assert apart(box, marker), f"'{text}' {box} is written on a marker of trace {other} {marker}"
        for _, word, other in labels[i + 1 :]:
            assert apart(box, other), f"'{text}' and '{word}' are written on each other"
