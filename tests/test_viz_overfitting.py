"""Overfitting figures, read from fig.data / fig.frames."""

from dataclasses import replace

import numpy as np

from core.overfitting import OverfitConfig, sweep, train_mlp
from viz.overfitting import ERR_CAP, ERR_FLOOR, Y_RANGE, mlp_figure, poly_figure, size_figure

C = OverfitConfig()


def test_poly_figure_has_one_frame_per_degree_and_opens_on_the_chosen_one():
    run = sweep(replace(C, degree=7))
    fig = poly_figure(run, 7, "en")
    assert [f.name for f in fig.frames] == [str(d) for d in range(1, 16)]
    assert fig.layout.sliders[0].active == 6
    curve = next(tr for tr in fig.data if tr.name == "polynomial of degree d")
    np.testing.assert_allclose(curve.y, np.clip(run.curves[6], Y_RANGE[0] - 0.5, Y_RANGE[1] + 0.5), rtol=1e-6)
    assert "Degree 7" in fig.layout.title.text
    frame = fig.frames[14]
    assert list(frame.data[2].x) == [15, 15]
    assert frame.data[2].y[0] == np.float32(max(run.train_mse[14], ERR_FLOOR))
    assert frame.data[2].y[1] == np.float32(min(run.val_mse[14], ERR_CAP))
    assert fig.layout.yaxis2.type == "log"


def test_size_figure_marks_n_and_shows_degree_15_for_contrast():
    run = sweep(replace(C, degree=3, n=40))
    fig = size_figure(run, 40, "ko")
    assert [tr.name for tr in fig.data] == ["3차: 학습", "3차: 검증", "15차: 학습", "15차: 검증"]
    assert any(s.x0 == 40 for s in fig.layout.shapes)


def test_mlp_figure_marks_the_kept_epoch_and_where_patience_ran_out():
    run = train_mlp(C)
    fig = mlp_figure(run, "en")
    xs = {s.x0 for s in fig.layout.shapes}
    assert run.best_epoch in xs and run.stop_epoch in xs
    texts = [a.text for a in fig.layout.annotations]
    assert f"lowest validation: epoch {run.best_epoch}" in texts
    assert f"patience ran out: epoch {run.stop_epoch}" in texts
    last = fig.frames[-1].data
    assert last[1].x[-1] == len(run.train_loss) - 1 and len(fig.frames) <= 60
