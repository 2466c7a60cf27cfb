"""/tensors figures read from fig.data and fig.frames: grids as heatmaps, ghosts, one frame per followed element."""

from dataclasses import replace

import numpy as np

from core.tensors import TensorConfig, explore
from viz.tensors import cell_xy, size, tensor_figure

C = TensorConfig()


def heatmaps(fig):
    return [d for d in fig.data if d.type == "heatmap"]


def test_broadcast_draws_each_grid_and_its_ghost_copies():
    fig = tensor_figure(explore(C), "en")
    maps = heatmaps(fig)
    assert len(maps) == 5  # A, A's copies, B, B's copies, C
    labels = [sorted(t for t in np.ravel(m.text) if t) for m in maps]
    assert labels[0] == ["1", "2", "3"] and len(labels[1]) == 9  # A's three cells, nine copies
    assert labels[4] == sorted(str(10 * j + i) for i in (1, 2, 3) for j in (1, 2, 3, 4))
    assert any(d.type == "scatter" and d.line.dash == "dot" for d in fig.data), "copies have no dotted outline"


def test_one_frame_per_element_and_the_slider_starts_at_the_followed_one():
    view = explore(replace(C, cell=7))
    fig = tensor_figure(view, "ko")
    assert [f.name for f in fig.frames] == [str(k) for k in range(12)]
    assert fig.layout.sliders[0].active == 7
    assert fig.frames[7].data[1].text[0] == view.steps[7].formula
    assert list(fig.data[-1].text) == [view.steps[7].formula]  # the drawn traces show the followed element


def test_large_results_are_thinned_to_60_frames_keeping_the_followed_one():
    fig = tensor_figure(explore(replace(C, a="6,6,6", b="6,1,6", cell=101)), "en")
    names = [f.name for f in fig.frames]
    assert len(names) <= 61 and "101" in names and names[0] == "0" and names[-1] == "215"


def test_an_error_draws_a_and_b_without_frames():
    fig = tensor_figure(explore(replace(C, a="2,3", b="3,2")), "en")
    assert len(heatmaps(fig)) == 2 and not fig.frames


def test_memory_colours_follow_the_original_index_and_show_strides():
    fig = tensor_figure(explore(replace(C, mode="memory", layout="t_contiguous")), "en")
    maps = heatmaps(fig)
    assert len(maps) == 5  # s, x, t, y, s′
    assert all(m.zmin == 0 and m.zmax == 11 for m in maps)
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "stride (4, 1)" in notes and "stride (1, 4)" in notes and "stride (3, 1)" in notes


def test_reduction_marks_the_collapsed_dim():
    fig = tensor_figure(explore(replace(C, mode="reduce", dim=1)), "en")
    assert any("dim=1" in a.text for a in fig.layout.annotations)


def test_cells_of_a_3d_tensor_are_stacked_slices():
    g = explore(replace(C, mode="memory", shape="2,3,4")).grids[1]
    assert size(g) == (4, 7)  # two 3 × 4 slices and a blank row
    assert cell_xy(g, (1, 2, 3)) == (3, 6)


def test_the_followed_formula_sits_below_the_dim_label_of_a_row_reduction():
    """Reducing along a row draws the dim=k arrow and label under x; the followed element's arithmetic goes
    under that label, not on it (the "keepdim" Try this printed "dim=1" on "out[0, 0] = sum(...)")."""
    for dim in (0, 1):
        fig = tensor_figure(explore(replace(TensorConfig(), mode="reduce", dim=dim, keepdim=True)), "en")
        label = next(a for a in fig.layout.annotations if a.text == f"<b>dim={dim}</b>")
        formula_y = next(t.y[0] for t in fig.data if t.type == "scatter" and t.mode == "text")
        if dim == 1:  # under x: top-anchored at its y, about 0.6 units tall
            assert label.yanchor == "top" and formula_y >= label.y + 0.6 + 0.5
        assert fig.layout.yaxis.range[0] >= formula_y + 0.5  # the formula inside the view
