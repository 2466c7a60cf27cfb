"""MLE figures, read from fig.data / fig.frames."""

from dataclasses import replace

import numpy as np
import pytest

from core.mle import MLEConfig, ascend, landscape
from viz.mle import mle_figure

C = MLEConfig()


@pytest.mark.parametrize("dist", ["coin", "die", "gaussian"])
def test_frames_follow_the_climb_and_the_maximum_is_marked(dist):
    cfg = replace(C, dist=dist)
    run = ascend(cfg)
    fig = mle_figure(dist, run, landscape(cfg, run), "en")
    assert len(fig.frames) == len(run.frames) <= 60
    stars = [tr for tr in fig.data if tr.name == "maximum (closed form)"]
    assert stars and all(tr.marker.symbol == "star" for tr in stars)
    first = stars[0]
    if dist == "gaussian":
        assert (first.x[0], first.y[0]) == pytest.approx((run.mle[0], run.mle[1]), rel=1e-6)
    elif dist == "coin":
        assert first.x[0] == pytest.approx(run.mle[0], rel=1e-6)
    else:
        assert first.x[0] == pytest.approx(run.mle[5], rel=1e-6)
    log_l = fig.frames[-1].data[-1 - (2 if dist == "gaussian" else 1 if dist == "coin" else 6)]
    assert log_l.y[-1] == pytest.approx(run.ll[-1], rel=1e-5)
    assert fig.frames[0].name == "0" and fig.frames[-1].name == str(len(run.ll) - 1)


def test_gaussian_map_holds_the_start_the_top_and_the_truth():
    cfg = replace(C, dist="gaussian", mu=2.5, sigma=0.6)
    run = ascend(cfg)
    land = landscape(cfg, run)
    assert land.xs[0] <= 0 <= land.xs[-1] and land.ys[0] <= 1 <= land.ys[-1]
    assert land.xs[0] < run.mle[0] < land.xs[-1] and land.ys[0] < run.mle[1] < land.ys[-1]
    fig = mle_figure("gaussian", run, land, "en")
    heat = next(tr for tr in fig.data if tr.type == "heatmap")
    assert heat.zmin == 0 and heat.zmax == 1 and np.max(heat.z) == pytest.approx(1, abs=0.05)


@pytest.mark.parametrize("dist", ["coin", "die", "gaussian"])
def test_the_levels_reached_span_the_steps_and_a_new_sample_moves_them_in_place(dist):
    """The maximum log-likelihood and the closed-form parameters are lines across the step panels at their
    values, and a sample one larger changes only data and ranges (ui/figcache.moving_parts: no react)."""
    import json

    from ui.figcache import moving_parts

    parts = []
    for n in (C.n, C.n + 1):
        cfg = replace(C, dist=dist, n=n)
        run = ascend(cfg)
        fig = mle_figure(dist, run, landscape(cfg, run), "en")
        levels = [tr for tr in fig.data if tr.type == "scatter" and tr.xaxis in ("x2", "x4") and len(tr.x) == 2]
        assert [tr.y[0] for tr in levels] == pytest.approx([run.max_ll, *run.mle], rel=1e-9)
        assert all(tuple(tr.x) == (0, len(run.ll) - 1) and tr.y[0] == tr.y[1] for tr in levels)
        assert tuple(fig.layout[levels[0].xaxis.replace("x", "xaxis")].range) == (0, len(run.ll) - 1)
        assert not [shape for shape in fig.layout.shapes if shape.xref in ("x2", "x4", "x2 domain", "x4 domain")]
        parts.append(moving_parts(json.loads(fig.to_json())))
    assert parts[0] == parts[1] and parts[0] is not None
