"""The learning-rate figures carry one path and one loss curve per run, shared frames, and the sweep's labels."""

import numpy as np
import pytest

from core.descent.rates import RateConfig, rate_scene
from core.descent.surfaces import SURFACES
from viz.common import LOG_FLOOR
from viz.learning_rate import runs_figure, sweep_figure


def build(surface="bowl", lrs=(0.05, 0.2, 0.9, 1.1), steps=30, schedule="constant", lang="en"):
    s = rate_scene(RateConfig(surface=surface, steps=steps, schedule=schedule), lrs)
    fig = runs_figure(s.runs, s.grid, SURFACES[surface], s.box, lang)
    return s.runs, s.sweep, fig, sweep_figure(s.sweep, s.runs, lang)


def test_runs_figure_animates_every_run_on_one_slider():
    runs, _, fig, _ = build()
    count = len(runs.lrs)
    assert len(fig.frames) == 31
    animated = list(fig.frames[0].traces)
    assert len(animated) == 2 * count + 1  # path and loss per run, plus the current-step line
    slider = fig.layout.sliders[0]
    assert [s.label for s in slider.steps] == [str(k) for k in range(31)]
    assert slider.currentvalue.xanchor == "right"
    names = [fig.data[i].name for i in animated[:count]]
    assert names == ["η = 0.05 · slow", "η = 0.2 · converging", "η = 0.9 · oscillating", "η = 1.1 · diverging"]


def test_the_step_axes_hold_every_step_and_keep_their_range_for_a_step_more_or_less():
    ends = []
    for steps in range(21, 31):
        *_, fig, _ = build(steps=steps)
        ranges = [tuple(fig.layout[axis].range) for axis in ("xaxis2", "xaxis3")]
        assert ranges[0] == ranges[1] and ranges[0][0] == 0 and steps <= ranges[0][1] <= steps * 1.25
        ends.append(ranges[0][1])
    assert len(set(ends)) <= 2, ends  # ending at the last step, the panels were laid out again at each of them


def test_frames_hold_each_path_and_loss_up_to_their_step():
    runs, _, fig, _ = build()
    count = len(runs.lrs)
    for frame in fig.frames[::5]:
        k = int(frame.name)
        for r in range(count):
            np.testing.assert_allclose(frame.data[r].x, runs.paths[r, : k + 1, 0], rtol=1e-6)
            np.testing.assert_allclose(
                frame.data[count + r].y, np.maximum(runs.losses[r, : k + 1], LOG_FLOOR), rtol=1e-6
            )
    assert fig.layout.yaxis2.type == "log" and fig.layout.yaxis3.type == "log"


def test_rate_panel_shows_the_scheduler_and_the_limit():
    runs, _, fig, _ = build(schedule="step", lrs=(0.2, 0.9))
    rate_traces = [tr for tr in fig.data if tr.xaxis == "x3" and tr.line.shape == "hv"]
    for tr, rates in zip(rate_traces, runs.rates, strict=True):
        np.testing.assert_allclose(tr.y, rates, rtol=1e-6)
    limit = next(tr for tr in fig.data if tr.name and "2/λ_max" in tr.name)
    assert list(limit.y) == [1.0, 1.0] and "critical" in limit.name


def test_stopped_runs_stop_drawing():
    runs, _, fig, _ = build(lrs=(0.2, 5.0), steps=20)
    assert runs.stop_step[1] == 4
    last = fig.frames[-1]
    assert len(last.data[1].x) == 5 and len(last.data[0].x) == 21


def test_sweep_figure_groups_points_by_label_and_marks_the_limits():
    _, sweep, _, fig = build()
    by_label = {tr.name: len(tr.x) for tr in fig.data[:4]}
    assert set(by_label) == {"slow", "converging", "oscillating", "diverging"}
    assert sum(by_label.values()) == len(sweep.lrs) == 50
    vlines = sorted(shape.x0 for shape in fig.layout.shapes)
    assert vlines == pytest.approx([0.5, 1.0])
    assert fig.layout.xaxis.type == "log" and fig.layout.yaxis.type == "log"
    assert [tr.x[0] for tr in fig.data[4:]] == pytest.approx([0.05, 0.2, 0.9, 1.1])


def test_titles_and_labels_follow_the_language():
    *_, fig_ko, sweep_ko = build(lang="ko")
    assert "학습률별 경로" in fig_ko.layout.annotations[0].text
    assert fig_ko.layout.updatemenus[0].buttons[0].label == "▶ 재생"
    assert any(tr.name == "진동" for tr in sweep_ko.data)
    assert sweep_ko.layout.title.text.startswith("스윕")


def test_heaviest_settings_stay_within_budgets():
    *_, fig, sweep = build("rosenbrock", (1e-4, 5e-4, 0.001, 0.0015, 0.002, 0.0025), 300, "cosine")
    assert len(fig.frames) == 60
    assert all(len(d.x) <= 80 for frame in fig.frames for d in frame.data)
    assert len(fig.to_json()) + len(sweep.to_json()) < 1_500_000
    assert not any(shape.line.dash == "dot" for shape in sweep.layout.shapes)  # 1/λ_max only on quadratics


@pytest.mark.parametrize(("lrs", "schedule"), [((0.3, 0.55, 0.65), "cosine"), ((0.45, 0.55), "step")])
def test_rate_labels_keep_an_eighth_of_the_axis_apart_when_a_schedule_falls_decades(lrs, schedule):
    """The η_k axis reaches down to where the scheduler takes the rates; the marked rates' labels near its top
    are thinned by that whole span (the "cosine" Try this printed 0.3, 0.5 and 0.65 on one another)."""
    runs, _, fig, _ = build(surface="valley", lrs=lrs, steps=60, schedule=schedule)
    axis = fig.layout.yaxis3
    positive = runs.rates[runs.rates > 0]
    span = np.log10(max(positive.max(), max(axis.tickvals)) * 1.5 / (positive.min() / 1.5))
    assert span > 1  # the curves reach decades below the marks
    gaps = np.diff(np.log10(sorted(axis.tickvals)))
    assert (gaps >= span / 8 - 1e-9).all(), (axis.tickvals, span)


def test_marked_rates_on_the_sweep_are_written_clear_of_every_marker_or_left_to_the_legend():
    """A rate is written on the first side of its marker where it stays inside the plot and off every marker and
    every other rate (tests/e2e/test_learning_rate_labels_e2e.py checks the drawn boxes); with none free it is
    not written (the legend names every run)."""
    from viz.learning_rate import SIDES, _label_box, _overlaps, label_sides

    x_range, y_range = (-3.0, 1.0), (-10.0, 8.0)  # 140 px a decade across, 13.3 px a decade up
    assert label_sides([(0.1, 1.0)], [], x_range, y_range, ["0.1"]) == ["top center"]
    above = [(0.1, 10**1.5)]  # a sweep marker 20 px above the run's
    assert label_sides([(0.1, 1.0)], above, x_range, y_range, ["0.1"]) == ["bottom center"]
    at_floor = [(0.1, 10**-9)]  # too near the bottom to go below, and a marker above
    assert label_sides(at_floor, [(0.1, 10**-7.5)], x_range, y_range, ["0.1"]) == ["middle right"]
    around = [(0.1 * 10**dx, 10**dy) for dx in np.linspace(-0.3, 0.3, 13) for dy in np.linspace(-3, 3, 13)]
    assert label_sides([(0.1, 1.0)], around, x_range, y_range, ["0.1"]) == [None]
    # Two runs at the same place: the second is written on another side than the first.
    sides = label_sides([(0.1, 1.0), (0.1, 1.0)], [], x_range, y_range, ["0.1", "0.1"])
    assert sides[0] == "top center" and sides[1] not in (None, "top center")
    for lrs, schedule, surface in [((0.3, 0.55, 0.65), "cosine", "valley"), ((0.45, 0.495, 0.5, 0.505), "constant", "valley"),
                                   ((0.45, 0.55), "step", "valley"), ((0.05, 0.2, 0.9, 1.1), "constant", "bowl")]:  # fmt: skip
        *_, sweep = build(surface=surface, lrs=lrs, steps=60, schedule=schedule)
        written = [tr for tr in sweep.data if tr.mode == "markers+text" and tr.text]
        assert len(written) == len(lrs), f"{lrs}: {len(written)} rates written"
        assert {tr.textposition for tr in written} <= set(SIDES)
        boxes = [_label_box(0.0, 0.0, tr.textposition, len(tr.text[0])) for tr in written]
        assert not any(_overlaps(box, (-9, -9, 9, 9)) for box in boxes), "a rate written on its own marker"
