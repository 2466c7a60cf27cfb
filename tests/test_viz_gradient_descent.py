"""The gradient-descent figures carry the expected traces, frames and slider steps."""

import itertools

import numpy as np
import pytest
from scipy.interpolate import RegularGridInterpolator

from core.descent.gradient import DescentConfig, descent_scene
from core.descent.surfaces import SURFACES
from viz.gradient_descent import MAP_POINT_TRACES, descent_figure, mesh_height, surface3d_figure


def build(name="bowl", x0=2.0, y0=1.5, lr=0.1, steps=30, lang="en"):
    s = descent_scene(DescentConfig(surface=name, x0=x0, y0=y0, lr=lr, steps=steps))
    spec = SURFACES[name]
    return (
        s.run,
        s.slices,
        descent_figure(s.run, s.slices, s.grid, s.field, spec, s.box, lang),
        surface3d_figure(s.run, s.grid, spec, s.slices.frames, lang),
    )


def test_descent_figure_traces_and_frames():
    _run, slices, fig, _ = build()
    types = [tr.type for tr in fig.data]
    assert types[0] == "contour" and types.count("scatter") == len(types) - 1
    assert len(fig.frames) == len(slices.frames) == 31
    slider = fig.layout.sliders[0]
    assert [s.label for s in slider.steps] == [str(k) for k in range(31)]
    assert slider.active == 30
    assert [b.args[1]["frame"]["redraw"] for b in fig.layout.updatemenus[0].buttons] == [False, False]
    animated = list(fig.frames[0].traces)
    assert min(animated) > max(MAP_POINT_TRACES - {5}) and 5 in animated


def test_the_map_itself_is_the_click_target_and_shows_the_loss_there():
    """No grid of invisible markers: the contour answers hover and click with θ and the true loss."""
    _run, _slices, fig, _ = build()
    contour = fig.data[0]
    assert 0 in MAP_POINT_TRACES and contour.hoverinfo != "skip"
    assert "click to start here" in contour.hovertemplate and "%{customdata" in contour.hovertemplate
    grid = descent_scene(DescentConfig()).grid
    np.testing.assert_allclose(np.array(contour.customdata, dtype=float), grid.z, rtol=1e-6, atol=1e-9)
    markers = [tr for tr in fig.data if tr.type == "scatter" and tr.mode == "markers" and tr.x is not None]
    assert max(len(tr.x) for tr in markers) < 50  # landmarks and the current point only


def test_frames_show_the_path_up_to_their_step():
    run, _slices, fig, _ = build(steps=30)
    path_trace = 5
    for frame in fig.frames:
        k = int(frame.name)
        data = frame.data[list(frame.traces).index(path_trace)]
        np.testing.assert_allclose(data.x, run.path[: k + 1, 0], rtol=1e-6)
        np.testing.assert_allclose(data.y, run.path[: k + 1, 1], rtol=1e-6)
    # The figure opens on the last frame: its styled trace holds the whole path.
    np.testing.assert_allclose(fig.data[path_trace].x, run.path[:, 0], rtol=1e-6)


def test_long_runs_stay_within_frame_and_point_budgets():
    _run, _slices, fig, fig3 = build("rosenbrock", -1.5, 2.0, 0.002, 500)
    assert len(fig.frames) == 60 and len(fig3.frames) == 60
    for frame in fig.frames:
        assert all(len(d.x) <= 80 for d in frame.data if d.x is not None)
    payload = len(fig.to_json()) + len(fig3.to_json())
    assert payload < 1_500_000


def test_step_arrow_points_to_the_next_point():
    run, _slices, fig, _ = build(steps=10)
    arrow = fig.frames[3].data[1]
    assert (arrow.x[0], arrow.y[0]) == pytest.approx(tuple(run.path[3]), rel=1e-4)
    assert (arrow.x[1], arrow.y[1]) == pytest.approx(tuple(run.path[4]), rel=1e-4)


@pytest.mark.parametrize("name", ["bowl", "valley"])
def test_the_slice_leaves_room_under_its_points_for_the_next_step_label(name):
    """θₖ₊₁'s label is drawn under its point; at the minimum (the last frame, where the page opens) the
    slice's y range used to end just under the point and the label was clipped on the axis line."""
    _run, slices, fig, _ = build(name)
    for j, frame in enumerate(fig.frames):
        low, high = frame.layout.yaxis3.range
        lowest = min(float(np.min(slices.values[j])), float(slices.at_value[j]), float(slices.next_value[j]))
        assert lowest - low >= 0.15 * (high - low), (frame.name, low, lowest, high)


def test_loss_axis_is_log_when_positive_and_linear_otherwise():
    _, _, fig, _ = build("bowl")
    assert fig.layout.yaxis2.type == "log"
    _, _, fig, _ = build("saddle", 2.0, 0.01, 0.05, 150)
    assert fig.layout.yaxis2.type == "linear"


def test_diverged_run_still_draws_its_steps():
    run, _slices, fig, fig3 = build("bowl", lr=5.0)
    assert run.stop_step == 4
    assert len(fig.frames) == 5 and len(fig3.frames) == 5


def test_titles_follow_the_language():
    *_, fig_en, _fig3_en = build(lang="en")
    *_, fig_ko, fig3_ko = build(lang="ko")
    titles_en = [a.text for a in fig_en.layout.annotations]
    titles_ko = [a.text for a in fig_ko.layout.annotations]
    assert "Loss per step" in titles_en and "단계별 손실" in titles_ko
    assert fig3_ko.layout.title.text.startswith("3차원")
    assert fig_ko.layout.updatemenus[0].buttons[0].label == "▶ 재생"


def test_surface3d_has_surface_path_and_animated_marker():
    run, _slices, _, fig3 = build("himmelblau", 0.0, 0.0, 0.01, 100)
    assert [tr.type for tr in fig3.data] == ["surface", "scatter3d", "scatter3d"]
    assert list(fig3.frames[0].traces) == [1, 2]
    assert fig3.layout.updatemenus[0].buttons[0].args[1]["frame"]["redraw"] is True
    last = fig3.frames[-1].data[1]
    assert (last.x[0], last.y[0]) == pytest.approx(tuple(run.path[-1]), rel=1e-5)


@pytest.mark.parametrize("name", ["bowl", "rosenbrock", "himmelblau"])
def test_3d_surface_is_tall_enough_and_the_path_rides_above_it(name):
    """The 3-D view is ≥ 500 px tall and its path is drawn above the surface, never inside it."""
    presets = {"bowl": (2.0, 1.5, 0.1, 30), "rosenbrock": (-1.5, 2.0, 0.002, 200), "himmelblau": (0.0, 0.0, 0.01, 60)}
    _run, _slices, _fig, fig3d = build(name, *presets[name])
    assert fig3d.layout.height >= 500
    surface, path = fig3d.data[0], fig3d.data[1]
    xs, ys, zs = (np.asarray(v, dtype=np.float64) for v in (surface.x, surface.y, surface.z))
    px, py, pz = (np.asarray(v, dtype=np.float64) for v in (path.x, path.y, path.z))
    # The drawn surface under each path point, by scipy's linear interpolation on the same mesh.
    inside = (px >= xs[0]) & (px <= xs[-1]) & (py >= ys[0]) & (py <= ys[-1])
    under = RegularGridInterpolator((ys, xs), zs)(np.column_stack([py[inside], px[inside]]))
    np.testing.assert_allclose(mesh_height(xs, ys, zs, px[inside], py[inside]), under, rtol=1e-6, atol=1e-9)
    assert np.all(pz[inside] > under), "the path dips under the surface"


def test_log_view_colour_bar_labels_stand_a_decade_apart():
    """Rosenbrock's bar labelled 0.000163 at the minimum and "1" 0.3 of a decade up: the two were drawn on top
    of each other. Now: the minimum, then L_min + 10, 100, ... as powers of ten; "1" only as the sole other."""
    from viz.descent import log_view_ticks

    heights, labels = log_view_ticks(0.000163, 2500.0)
    assert labels == ["0.000163", "10", "10<sup>2</sup>", "10<sup>3</sup>"]
    assert heights[0] == 0 and all(b - a > 0.95 for a, b in itertools.pairwise(heights))  # ~ a decade
    assert heights[1:] == pytest.approx([np.log10(1 + v) for v in (10, 100, 1000)])
    assert log_view_ticks(0.0, 5.0) == ([0.0, pytest.approx(np.log10(2))], ["0", "1"])
