"""The race and from-scratch figures carry the runs' data in their frames, ledger text and slider."""

from dataclasses import replace

import numpy as np
import pytest

from core.common.plotdata import frame_steps
from core.descent.race import OPTIMIZERS, RaceConfig, from_scratch, race, race_scene
from core.descent.surfaces import SURFACES
from viz.common import LOG_FLOOR
from viz.optimizers import race_figure, scratch_figure

STATIC = 3  # contour, minima, start
DEFAULT = RaceConfig(lr=0.1)


def build_race(surface="valley", names=OPTIMIZERS, h=DEFAULT, steps=100, lang="en"):
    s = race_scene(replace(h, surface=surface, optims=names, steps=steps))
    return s.runs, race_figure(s.runs, s.grid, SURFACES[surface], s.box, frame_steps(steps), lang)


def build_scratch(name, h=DEFAULT, steps=40, lang="en"):
    cfg = replace(h, surface="valley", steps=steps)
    (run,) = race(cfg, (name,))
    mine = from_scratch(cfg, name, steps)
    return run, mine, scratch_figure(mine, run, frame_steps(steps), h, lang)


def test_race_animates_one_path_per_optimizer_plus_three_marker_traces():
    runs, fig = build_race()
    static = STATIC + 2 * len(runs)  # + each run's whole loss-gap and distance curve
    assert fig.data[0].type == "contour" and len(fig.data) == static + len(runs) + 3
    assert len(fig.frames) == len(frame_steps(100)) == 60
    assert list(fig.frames[0].traces) == list(range(static, static + len(runs) + 3))
    slider = fig.layout.sliders[0]
    assert [s.label for s in slider.steps] == [str(k) for k in frame_steps(100)] and slider.active == 59
    assert fig.layout.yaxis2.type == "log" and fig.layout.yaxis3.type == "log"
    names = [tr.name for tr in fig.data if tr.showlegend is not False and tr.name]
    assert names[-6:] == ["SGD", "Momentum", "Nesterov", "RMSprop", "Adagrad", "Adam"]
    for r, run in enumerate(runs):  # whole curves, floored for the log axes
        np.testing.assert_allclose(fig.data[STATIC + 2 * r].y, np.maximum(run.gaps, LOG_FLOOR), rtol=1e-5)
        np.testing.assert_allclose(fig.data[STATIC + 2 * r + 1].y, np.maximum(run.dists, LOG_FLOOR), rtol=1e-5)


def test_the_step_axes_hold_every_step_and_keep_their_range_for_a_step_more_or_less():
    ends = []
    for steps in range(41, 61):
        _, fig = build_race(steps=steps)
        ranges = [tuple(fig.layout[axis].range) for axis in ("xaxis2", "xaxis3")]
        assert ranges[0] == ranges[1] and ranges[0][0] == 0
        assert steps <= ranges[0][1] <= steps * 1.25  # the last step inside, at most a quarter of blank after it
        ends.append(ranges[0][1])
    # the axes ended at the last step: a new range for both curve panels at each of these 19 steps
    assert len(set(ends)) <= 3, ends


def test_frames_hold_each_path_and_the_current_loss_gap_and_distance():
    runs, fig = build_race(steps=40)
    for frame in fig.frames[::7]:
        k = int(frame.name)
        *paths, heads, gaps, dists = frame.data
        for r, run in enumerate(runs):
            np.testing.assert_allclose(paths[r].x, run.path[: k + 1, 0], rtol=1e-6, atol=1e-30)
            np.testing.assert_allclose(paths[r].y, run.path[: k + 1, 1], rtol=1e-6, atol=1e-30)
            assert (heads.x[r], heads.y[r]) == pytest.approx(tuple(run.path[k]), rel=1e-5)
            assert gaps.x[r] == dists.x[r] == k
            assert gaps.y[r] == pytest.approx(max(run.gaps[k], LOG_FLOOR), rel=1e-5)
            assert dists.y[r] == pytest.approx(max(run.dists[k], LOG_FLOOR), rel=1e-5)


def test_a_stopped_run_stays_where_it_stopped():
    runs, fig = build_race("bowl", ("sgd", "adam"), RaceConfig(lr=1.1), 60)
    assert runs[0].stop_step == 38
    sgd_path, adam_path, heads, gaps, _ = fig.frames[-1].data
    assert len(sgd_path.x) == 39 and heads.x[0] == pytest.approx(runs[0].path[-1, 0], rel=1e-5)
    assert list(gaps.x) == [38, 60] and len(adam_path.x) == 61  # Adam went on


def test_heaviest_race_stays_within_the_payload_budget():
    _, fig = build_race("rosenbrock", OPTIMIZERS, RaceConfig(lr=0.002), 500)
    assert len(fig.frames) == 60
    assert all(len(d.x) <= 80 for frame in fig.frames for d in frame.data)
    assert len(fig.data[STATIC].y) == 501  # whole curves are drawn once, outside the frames
    figs = [fig] + [build_scratch(n, steps=500)[2] for n in ("momentum", "adam")]
    assert sum(len(f.to_json()) for f in figs) < 1_500_000


@pytest.mark.parametrize("name", ["momentum", "adam"])
def test_ledger_shows_the_hand_written_numbers_beside_torch_state(name):
    run, mine, fig = build_scratch(name, RaceConfig(lr=0.1, noise=0.2))
    frame = fig.frames[17]
    k = int(frame.name)
    labels, values = frame.data[2].text, frame.data[3].text
    assert len(labels) == len(values)
    assert f"{mine.grads[k - 1][0]:+.4g}" in values[0]
    assert f"{mine.terms[k, 0][1]:+.4g}" in values[1]  # v (momentum) or m (Adam)
    torch_rows = values[-1 - run.state.shape[1] : -1]
    assert [f"{run.state[k, i][0]:+.4g}" in row for i, row in enumerate(torch_rows)] == [True] * len(torch_rows)
    assert "✓" in values[-1]
    assert "state['" in labels[-2]
    if name == "adam":
        assert f"{1 - 0.9**k:.4f}" in values[3] and f"{1 - 0.999**k:.4f}" in values[4]  # the bias corrections
        assert f"{mine.terms[k, 2][0]:+.4g}" in values[5] and f"{mine.terms[k, 3][1]:+.4g}" in values[6]  # m̂, v̂
        assert fig.layout.yaxis2.type == "log"
    # Cursor markers sit at step k on every drawn series.
    assert set(frame.data[0].x) == {k}


def test_ledger_flags_a_mismatch():
    run, mine, _ = build_scratch("adam", steps=10)
    broken = type(run)(**{**run.__dict__, "state": run.state * 1.01})
    fig = scratch_figure(mine, broken, frame_steps(10), RaceConfig(lr=0.1), "en")
    assert "✗" in fig.frames[5].data[3].text[-1]


def test_first_frame_says_the_state_starts_at_zero_and_text_follows_language():
    _, _, fig = build_scratch("momentum", lang="ko")
    assert "첫 걸음 전" in fig.frames[0].data[3].text[0]
    assert fig.layout.updatemenus[0].buttons[0].label == "▶ 재생"
    _, fig_ko = build_race(lang="ko", steps=10)
    assert "등고선 지도 위의 경로" in [a.text for a in fig_ko.layout.annotations]
    assert "모멘텀" in [tr.name for tr in fig_ko.data]
