"""The ReLU page's figures carry the expected traces, frames and slider steps."""

import numpy as np
import pytest

from core.activations.depth import depth_study
from core.activations.functions import ReluConfig, activation_curves
from core.activations.hinges import fit_curves, fit_relu_units
from viz.fmt import MAX_TICKS
from viz.relu import (
    activation_figure,
    dead_depth_figure,
    firing_figure,
    fit_figure,
    grad_norm_figure,
    movement_figure,
    unit_slots,
)


@pytest.fixture(scope="module")
def fit():
    return fit_relu_units(ReluConfig(lr=0.3, epochs=200))  # a large step: some units die along the way


@pytest.fixture(scope="module")
def study():
    return depth_study(ReluConfig(depth=6), steps=12)


def test_gallery_has_each_activation_and_derivative_with_the_selected_one_bold():
    curves = activation_curves()
    fig = activation_figure(curves, selected="tanh", lang="en")
    assert len(fig.data) == 12
    bold = [tr.legendgroup for tr in fig.data if tr.line.width == 5]
    assert bold == ["tanh", "tanh"]
    i = curves.names.index("tanh")
    np.testing.assert_allclose(fig.data[2 * i + 1].y, curves.derivs[i], rtol=1e-6)
    assert sum(tr.showlegend for tr in fig.data) == 6
    assert fig.layout.annotations[1].text == "Derivative f'(x) by autograd"


def test_fit_figure_frames_follow_the_epochs(fit):
    fig = fit_figure(fit, lang="en")
    assert len(fig.frames) == len(fit.frames) <= 60
    slider = fig.layout.sliders[0]
    assert [s.label for s in slider.steps] == [str(e) for e in fit.frames]
    assert slider.currentvalue.prefix == "epoch "
    for j in (0, len(fit.frames) // 2, len(fit.frames) - 1):
        frame = fig.frames[j]
        data = dict(zip(frame.traces, frame.data, strict=True))
        _, hy, fx, fy = fit_curves(fit, j)
        f_trace = unit_slots(fit.units) + 2  # after the target scatter, the whole-run loss and the hinge slots
        np.testing.assert_allclose(data[f_trace].x, fx, rtol=1e-6)
        np.testing.assert_allclose(data[f_trace].y, fy, rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(data[2].y, hy[0], rtol=1e-5, atol=1e-6)  # unit 1's hinge
        kinks = data[f_trace + 1]
        assert len(kinks.x) == np.isfinite(fit.kinks[j]).sum() == int(fit.pieces[fit.frames[j]]) - 1
        e = int(fit.frames[j])
        assert data[f_trace + 2].text[0].startswith(f"{fit.pieces[e]} pieces")
        assert f"{fit.dead[e]}/8 dead" in data[f_trace + 2].text[0]
        assert list(data[f_trace + 5].y)[-1] == fit.dead[e]


def test_firing_map_marks_exactly_the_dead_units(fit):
    fig = firing_figure(fit, lang="ko")
    assert len(fig.frames) == len(fit.frames)
    for j, frame in enumerate(fig.frames):
        e = int(fit.frames[j])
        assert len(frame.data[1].y) == fit.dead[e]
        segments = [v for v in frame.data[0].y if v is not None]
        assert len(segments) == 2 * (fit.units - fit.dead[e])
    assert fit.dead[-1] > 0 and fig.frames[-1].data[1].text[0] == "죽음"
    assert fig.layout.title.text == "데이터에서 각 유닛이 켜지는 구간"


def test_gradient_norm_bars_are_the_study_on_a_log_axis(study):
    fig = grad_norm_figure(study, lang="en")
    assert [tr.type for tr in fig.data] == ["bar"] * 3
    assert fig.layout.yaxis.type == "log" and fig.layout.barmode == "group"
    for i in range(3):
        np.testing.assert_allclose(fig.data[i].y, study.grad_norms[i], rtol=1e-6)
        assert list(fig.data[i].x) == [str(k) for k in range(1, 8)]


def test_deep_sigmoid_gradients_label_a_few_decades_not_every_one():
    """20 sigmoid layers span ~19 decades: a label on each collided (10⁻¹⁸ on 10⁻¹⁷); at most six are labelled,
    and the smallest bar still rises above the axis floor."""
    deep = depth_study(ReluConfig(depth=20), steps=12)
    axis = grad_norm_figure(deep, lang="en").layout.yaxis
    lo, hi = axis.range
    assert hi - lo > 12 and (hi - lo) / axis.dtick <= MAX_TICKS
    assert lo < np.log10(deep.grad_norms[deep.grad_norms > 0].min()) - 0.5


def test_movement_bars_animate_over_the_sgd_steps(study):
    fig = movement_figure(study, lang="en")
    assert len(fig.frames) == len(study.frames) == 13
    assert fig.layout.sliders[0].currentvalue.prefix == "SGD step "
    assert all(np.isnan(np.asarray(d.y, dtype=float)).all() for d in fig.frames[0].data)  # nothing moved yet
    np.testing.assert_allclose(np.asarray(fig.frames[-1].data[2].y, dtype=float), study.movement[2, -1], rtol=1e-6)


def test_dead_depth_bars_are_percentages(study):
    fig = dead_depth_figure(study, lang="en")
    np.testing.assert_allclose(fig.data[0].y, 100 * study.dead_init, rtol=1e-6)
    np.testing.assert_allclose(fig.data[1].y, 100 * study.dead_after, rtol=1e-6)


def test_heaviest_settings_stay_within_the_payload_budget():
    fit = fit_relu_units(
        ReluConfig(target="cubic", units=64, epochs=600)
    )  # payload depends on units and frames, not epochs
    study = depth_study(ReluConfig(depth=20, target="cubic", init="he"))
    figs = [
        activation_figure(activation_curves(), selected="relu", lang="en"),
        fit_figure(fit, lang="en"),
        firing_figure(fit, lang="en"),
        grad_norm_figure(study, lang="en"),
        movement_figure(study, lang="en"),
        dead_depth_figure(study, lang="en"),
    ]
    assert len(figs[1].frames) == 60
    assert sum(len(f.to_json()) for f in figs) < 1_500_000


def test_one_unit_more_or_less_keeps_the_fit_figure_movable_in_place():
    """The spare hinge slots let 8 <-> 9 units (and most single steps) move the curves in place: same make-up,
    same forms of the static traces, so the chart element needs no react (ui/figcache.moving_parts)."""
    import json

    from ui.figcache import moving_parts

    assert [unit_slots(u) for u in (1, 7, 8, 9, 15, 16, 56, 57, 63, 64)] == [8, 8, 16, 16, 16, 24, 64, 64, 64, 64]
    parts = {}
    for units in (8, 9, 10):
        fit = fit_relu_units(ReluConfig(units=units, epochs=100))
        fig = fit_figure(fit, lang="en")
        hinges = fig.data[2 : 2 + unit_slots(units)]
        assert all(len(h.x) > 2 for h in hinges[:units])  # each unit's hinge over the data range
        # the spare slots: one blank point (a trace with none is hidden by plotly.js and moves slowly)
        assert all(list(h.x) == list(h.y) == [None] and h.showlegend is False for h in hinges[units:])
        assert all(len(f.data[units - 1].x) > 2 and list(f.data[units].x) == [None] for f in fig.frames)
        parts[units] = moving_parts(json.loads(fig.to_json()))
    assert parts[8] == parts[9] == parts[10] and parts[8] is not None


def test_the_mse_axis_spans_whole_decades_around_every_loss_with_two_labels_at_least():
    """The MSE panel's log axis autoranged to each fit's losses: a narrow spread showed no decade label at all, and
    every new value relaid the panel out to its new extremes. Whole decades keep it labelled and in place."""
    for units in (4, 6, 8):
        fit = fit_relu_units(ReluConfig(units=units, epochs=100))
        axis = fit_figure(fit, lang="en").layout.yaxis2
        assert axis.type == "log" and axis.range is not None and axis.autorange is not True
        lo, hi = axis.range
        logs = np.log10(fit.losses[fit.losses > 0])
        assert lo <= logs.min() and logs.max() <= hi
        decades = [d for d in range(int(np.floor(lo)), int(np.ceil(hi)) + 1) if lo <= d <= hi]
        assert len(decades) >= 2, (lo, hi)  # at least two labelled powers of ten (dtick 1 or more)
        assert hi - lo <= logs.max() - logs.min() + 2 + 0.5  # up to a decade of room at each end, and the pads
