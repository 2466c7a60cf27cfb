"""/backprop's node boxes as drawn: each box is a marker whose size the server estimates from its text
(viz/backprop.py ``text_px``), so the browser's own text must fit inside it, in every frame, in both languages,
at the desk and on a projector; a box's border goes round its fill, and the fill hides the edges beneath it;
no box covers an edge's label."""

from __future__ import annotations

import pytest

from tests.e2e.test_layout_e2e import open_at

# The graph's traces (tests/test_viz_backprop.py): edge labels; the boxes' borders, fills, texts.
EDGE_LABELS, BORDERS, FILLS, TEXTS = 3, 4, 5, 6

BOXES = """(gd, [edgeLabels, borders, fills, texts]) => {
    const groups = gd.querySelectorAll('.scatterlayer > .trace');
    const rects = (i, sel) => [...groups[i].querySelectorAll(sel)].map(el => {
        const r = el.getBoundingClientRect();
        const half = parseFloat(el.style.strokeWidth || 0) / 2; // a marker's path is its line: the box is its stroke
        return [r.left, r.top - half, r.right, r.bottom + half];
    });
    return {
        borders: rects(borders, '.points path.point'),
        fills: rects(fills, '.points path.point'),
        texts: rects(texts, '.textpoint text'),
        words: [...groups[texts].querySelectorAll('.textpoint text')].map(el => el.textContent),
        labels: [...groups[edgeLabels].querySelectorAll('.textpoint text')].filter(el => el.textContent.trim())
            .map(el => { const r = el.getBoundingClientRect(); return [el.textContent, r.left, r.top, r.right, r.bottom]; }),
        fillColour: [...groups[fills].querySelectorAll('.points path.point')].map(el => el.style.stroke),
        opacity: [...groups[borders].querySelectorAll('.points path.point'),
                  ...groups[fills].querySelectorAll('.points path.point')].map(el => getComputedStyle(el).opacity),
    };
}"""


def overlap(a, b) -> float:
    """The smaller side of the overlap of two boxes [left, top, right, bottom] (0 if apart)."""
    return max(0.0, min(min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])))


def inside(inner, outer, margin: float) -> bool:
    return (
        inner[0] >= outer[0] + margin
        and inner[1] >= outer[1] + margin
        and inner[2] <= outer[2] - margin
        and inner[3] <= outer[3] - margin
    )


@pytest.mark.parametrize(
    ("lang", "size", "query"),
    [("en", "desk", ""), ("ko", "projector", ""), ("ko", "desk", "loss=bce"), ("en", "projector", "mode=expression")],
)
def test_every_text_fits_its_box_in_every_frame(new_page, app_server, lang, size, query):
    page = open_at(new_page, app_server, "backprop", lang, size, query)
    chart = page.locator(".dl-chart").first
    names = chart.evaluate("gd => gd._transitionData._frames.map(f => f.name)")
    assert len(names) >= 6
    widest: dict[int, float] = {}
    boxes: dict[int, float] = {}
    for name in names:
        chart.evaluate(
            "(gd, name) => Plotly.animate(gd, [name], {frame: {duration: 0, redraw: false}, "
            "transition: {duration: 0}, mode: 'immediate'})",
            name,
        )
        drawn = chart.evaluate(BOXES, [EDGE_LABELS, BORDERS, FILLS, TEXTS])
        count = len(drawn["words"])
        assert count >= 8 and len(drawn["fills"]) == len(drawn["borders"]) == len(drawn["texts"]) == count
        for i, word in enumerate(drawn["words"]):
            text, fill, border = drawn["texts"][i], drawn["fills"][i], drawn["borders"][i]
            assert inside(text, fill, 1), f"frame {name}: '{word}' {text} is not inside its box {fill}"
            assert inside(fill, border, 1.5), f"frame {name}: the border of '{word}' does not go round its fill"
            height = fill[3] - fill[1]
            assert 40 <= height <= 48, f"frame {name}: the box of '{word}' is {height} px tall"
            widest[i] = max(widest.get(i, 0), text[2] - text[0])
            boxes[i] = fill[2] - fill[0]
        assert set(drawn["opacity"]) == {"1"}, "a box lets the edges beneath it show through"
        for word, *label in drawn["labels"]:  # an edge's label is read whole: no box over it
            hidden = [drawn["words"][i] for i, box in enumerate(drawn["borders"]) if overlap(label, box) > 2]
            assert not hidden, f"frame {name}: the edge label {word!r} runs under the box of {hidden}"
        assert len(set(drawn["fillColour"])) >= 2, "the sender's or the parameters' fill is not drawn"
    for i, width in boxes.items():  # a box is as wide as its widest text of any frame, with a little room
        assert width <= widest[i] * 1.15 + 8, f"box {i} is {width:.0f} px wide for text at most {widest[i]:.0f} px"
