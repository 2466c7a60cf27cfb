"""The kernel grid's message → edit_kernel's edits: only cells of the kernel holding a finite number."""

import numpy as np

from core.cnn.conv import edit_kernel
from ui.kernel_editor import cell_edits


def test_cells_become_edits_by_row_and_column_within_the_limit():
    assert cell_edits([[0, 2, 1.5], [2, 0, -3], [0, 1, 4]], 3) == {0: {2: 1.5, 1: 4.0}, 2: {0: -3.0}}
    assert cell_edits([[4, 4, 2]], 5) == {4: {4: 2.0}} and cell_edits([], 3) == {}
    assert cell_edits([[0, 0, 10**400], [1, 1, -250.5]], 3) == {0: {0: 100.0}, 1: {1: -100.0}}  # the text's ±100


def test_anything_but_a_finite_number_in_a_kernel_cell_is_dropped():
    forged = [
        [0, 0, "1"], [0, 0, None], [0, 0, True], [True, 0, 1], [0, 0, float("nan")], [0, 0, float("inf")],
        [3, 0, 1], [0, -1, 1], [1.5, 0, 1], [0, 0], [0, 0, 1, 2], "0,0,1", {"row": 0}, None,
    ]  # fmt: skip
    assert cell_edits(forged, 3) == {}
    assert cell_edits("[[0, 0, 1]]", 3) == {} and cell_edits(None, 3) == {}


def test_edits_put_into_a_kernel_change_only_their_cells():
    w = np.arange(9.0).reshape(3, 3)
    out = edit_kernel(w, cell_edits([[1, 1, -2.5], [9, 9, 1], [0, 2, 250]], 3))
    expected = w.copy()
    expected[1, 1], expected[0, 2] = -2.5, 100.0  # ±100: the limit the text form has
    np.testing.assert_array_equal(out, expected)
