"""The dropout figures carry the runs' numbers in their traces, frames and slider steps."""

import itertools
from dataclasses import replace

import numpy as np
import pytest

from core.regularize.data import DropoutConfig
from core.regularize.probes import compare
from viz.dropout import bn_figure, comparison_figure, mc_figure, mean_figure, network_figure, weight_figure

LABELS = {"plain": "plain", "reg": "dropout"}


@pytest.fixture(scope="module")
def cls():
    return compare(DropoutConfig(hidden=32, epochs=60, weight_decay=0.01, batchnorm=True))


@pytest.fixture(scope="module")
def reg():
    return compare(DropoutConfig(task="regression", n=20, hidden=32, epochs=60, p=0.3))


def test_classification_maps_animate_each_models_predictions(cls):
    fig = comparison_figure(cls, labels=LABELS, lang="en")
    heatmaps = [i for i, tr in enumerate(fig.data) if tr.type == "heatmap"]
    assert len(heatmaps) == 2
    assert len(fig.frames) == len(cls.plain.frames)
    assert [s.label for s in fig.layout.sliders[0].steps] == [str(e) for e in cls.plain.frames]
    assert fig.layout.updatemenus[0].buttons[0].args[1]["frame"]["redraw"] is True  # heatmaps need a redraw
    j = 3
    frame = fig.frames[j]
    for run, trace in zip((cls.plain, cls.reg), heatmaps, strict=True):
        z = np.array(frame.data[list(frame.traces).index(trace)].z)
        np.testing.assert_allclose(z, run.pred[j].reshape(40, 40), rtol=1e-6)
    cursor = frame.data[-1]
    assert list(cursor.x) == [cls.plain.frames[j]] * 2


def test_loss_chart_has_both_models_gap_fill_and_best_epoch(cls):
    fig = comparison_figure(cls, labels=LABELS, lang="en")
    for run, label in ((cls.plain, "plain"), (cls.reg, "dropout")):
        val = next(tr for tr in fig.data if tr.name == f"validation · {label}")
        train = next(tr for tr in fig.data if tr.name == f"training · {label}")
        np.testing.assert_allclose(val.y, run.val_loss, rtol=1e-6)
        np.testing.assert_allclose(train.y, run.train_loss, rtol=1e-6)
        assert val.fill == "tonexty"
        best = next(tr for tr in fig.data if tr.name == f"best validation · {label}")
        assert best.x[0] == run.best_epoch and best.y[0] == pytest.approx(run.val_loss.min(), rel=1e-6)
    # the two "best: epoch" labels sit on opposite sides of their stars: apart even where the stars coincide
    # ("Batch norm alone": best at epochs 56 and 58, at nearly the same loss); by stars at the end of the
    # epoch axis (60 here) they sit to the left, inside the plot (centred, they ran off its edge)
    bests = {tr.x[0]: tr.textposition for tr in fig.data if (tr.name or "").startswith("best validation")}
    assert sorted(place.split()[0] for place in bests.values()) == ["bottom", "top"]
    assert all(place.split()[1] == ("left" if epoch > 51 else "center") for epoch, place in bests.items()), bests
    assert any(epoch > 51 for epoch in bests), bests  # the case the second rule is about


def _losses_spread(cmp, spread: float):
    """``cmp`` with every loss curve replaced by one falling from 1 to 1/``spread``: that largest over smallest."""

    def run(r):
        fall = np.geomspace(1.0, 1.0 / spread, len(r.train_loss))
        return replace(r, train_loss=fall, val_loss=np.sqrt(fall))

    return replace(cmp, plain=run(cmp.plain), reg=run(cmp.reg))


@pytest.mark.parametrize("spread", [3.0, 19.0, 21.0, 1e4])
def test_the_loss_axis_follows_the_task_not_the_spread_of_the_losses(cls, reg, spread):
    """Losses on a log axis whatever they span: an axis chosen by the spread (log above 20×) flipped between log
    and linear as n moved through 55-100, where the smallest training loss came out 0.003 or 0.1 from one value
    to the next. A loss of exactly 0 has no place on a log axis: linear then."""
    for cmp in (cls, reg):
        loss_axis = comparison_figure(_losses_spread(cmp, spread), labels=LABELS, lang="en").layout.yaxis3
        assert loss_axis.type == "log", (cmp.data.task, spread)
        lo, hi = loss_axis.range
        assert lo <= -np.log10(spread) and hi >= 0, (loss_axis.range, spread)  # every loss in view
    zero = _losses_spread(cls, spread)
    zero = replace(zero, plain=replace(zero.plain, train_loss=np.r_[zero.plain.train_loss[:-1], 0.0]))
    assert comparison_figure(zero, labels=LABELS, lang="en").layout.yaxis3.type == "linear"


def test_moving_n_keeps_the_loss_axis_where_the_losses_spread_changes_most():
    """n = 60 and 70 at the page's defaults: the losses span 60× and 8× (the old rule drew log, then linear)."""
    runs = [compare(DropoutConfig(n=n)) for n in (60, 70)]
    losses = [
        np.concatenate([r.train_loss for r in (c.plain, c.reg)] + [r.val_loss for r in (c.plain, c.reg)]) for c in runs
    ]
    spreads = [v.max() / v.min() for v in losses]
    assert spreads[0] > 20 > spreads[1], spreads  # the case this test is about
    types = {comparison_figure(c, labels=LABELS, lang="en").layout.yaxis3.type for c in runs}
    assert types == {"log"}


def test_regression_curves_animate_without_redraw(reg):
    fig = comparison_figure(reg, labels=LABELS, lang="en")
    fits = [i for i, tr in enumerate(fig.data) if tr.name and tr.name.startswith("fit ·")]
    assert len(fits) == 2
    assert fig.layout.updatemenus[0].buttons[0].args[1]["frame"]["redraw"] is False
    last = fig.frames[-1]
    np.testing.assert_allclose(last.data[list(last.traces).index(fits[1])].y, reg.reg.pred[-1], rtol=1e-6)


def test_network_greys_exactly_the_dropped_units(cls):
    fig = network_figure(cls.reg, d_in=2, hidden=32, p=0.5, lang="en")
    assert len(fig.frames) == len(cls.reg.frames)
    for j, frame in enumerate(fig.frames):
        dropped, kept = frame.data[2], frame.data[3]
        assert len(dropped.x) == int((cls.reg.masks[j] == 0).sum())
        assert len(kept.x) == 2 + 1 + int(cls.reg.masks[j].sum())
    eval_nodes = fig.data[1]
    assert len(eval_nodes.x) == 2 + 12 + 12 + 1
    assert any("12 of the 32" in (a.text or "") for a in fig.layout.annotations)


def test_network_edges_join_the_units_each_frame_keeps(cls):
    """Each edge is one segment and a gap; the kept ones join two kept units of neighbouring layers, the rest
    touch a dropped unit, and together they are every pair once (counted here from the masks)."""
    fig = network_figure(cls.reg, d_in=2, hidden=32, p=0.5, lang="en")
    units = cls.reg.masks.shape[2]
    for j, frame in enumerate(fig.frames):
        alive = [np.ones(2), cls.reg.masks[j, 0], cls.reg.masks[j, 1], np.ones(1)]
        pairs = [np.outer(a > 0, b > 0) for a, b in itertools.pairwise(alive)]
        for trace, want in ((frame.data[1], sum(int(p.sum()) for p in pairs)), (frame.data[0], sum(int((~p).sum()) for p in pairs))):  # fmt: skip
            x, y = np.asarray(trace.x, float).reshape(-1, 3), np.asarray(trace.y, float).reshape(-1, 3)
            assert len(x) == want and np.isnan(x[:, 2]).all() and np.isnan(y[:, 2]).all()
            assert (x[:, 1] - x[:, 0] == 1).all()  # neighbouring layers
        assert len(frame.data[0].x) // 3 + len(frame.data[1].x) // 3 == 2 * units + units * units + units


def test_mean_figure_draws_the_histograms_and_means(cls):
    fig = mean_figure(cls.mean, p=0.5, lang="en")
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert [int(np.sum(b.y)) for b in bars] == [int(cls.mean.counts_eval.sum()), int(cls.mean.counts_train.sum())]
    lines = [tr for tr in fig.data if tr.type == "scatter"]
    expected = (cls.mean.mean_eval, cls.mean.mean_train, cls.mean.mean_unscaled)
    assert [ln.x[0] for ln in lines] == pytest.approx(expected)
    assert f"{cls.mean.mean_eval:.4f}" in lines[0].name


def test_mc_band_spans_two_standard_deviations(reg):
    fig = mc_figure(reg.mc, data=reg.data, lang="en")
    upper, lower = fig.data[0], fig.data[1]
    np.testing.assert_allclose(np.array(upper.y) - np.array(lower.y), 4 * reg.mc.std, rtol=1e-4, atol=1e-5)
    assert lower.fill == "tonexty"
    assert sum(1 for tr in fig.data if tr.legendgroup == "passes") == 8


def test_weight_and_bn_figures(cls):
    fig = weight_figure(cls.plain, reg=cls.reg, labels=LABELS, lang="en")
    np.testing.assert_allclose(fig.data[1].y, cls.reg.weight_norm, rtol=1e-6)
    bn = bn_figure(cls.bn, lang="en")
    assert [tr.type for tr in bn.data] == ["bar"] * 4
    assert int(np.sum(bn.data[1].y)) == int(cls.bn[0].counts_after.sum())


def test_korean_titles_and_payload_budget(cls, reg):
    fig = comparison_figure(cls, labels=LABELS, lang="ko")
    assert "학습 손실" in fig.layout.annotations[2].text
    assert fig.layout.updatemenus[0].buttons[0].label == "▶ 재생"
    assert mc_figure(reg.mc, data=reg.data, lang="ko").layout.title.text.startswith("MC 드롭아웃")
    total = sum(
        len(f.to_json())
        for f in (
            comparison_figure(cls, labels=LABELS, lang="en"),
            network_figure(cls.reg, d_in=2, hidden=32, p=0.5, lang="en"),
            mean_figure(cls.mean, p=0.5, lang="en"),
            weight_figure(cls.plain, reg=cls.reg, labels=LABELS, lang="en"),
            bn_figure(cls.bn, lang="en"),
        )
    )
    assert total < 1_500_000
