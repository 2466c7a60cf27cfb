"""The presenter view's rows of controls (ui/page.py control_rows): in order, no row wider than the screen's
row, each as full as the next control allows, and a select box as wide as its longest value."""

import random

import pytest

from ui.page import COLUMN_PX, ROW_PX, SELECT_PX, control_px, control_rows, label_px


def share(px: int) -> int:
    return max(px, COLUMN_PX)


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("most", [1, 3, 4, 6])
def test_rows_keep_the_order_fit_the_row_and_close_only_when_the_next_control_does_not_fit(seed, most):
    rng = random.Random(seed)
    needs = [rng.choice([60, 118, 150, 240, 400, 900]) for _ in range(rng.randint(1, 14))]
    rows = control_rows(needs, most)
    assert [i for row in rows for i in row] == list(range(len(needs)))
    for k, row in enumerate(rows):
        assert 1 <= len(row) <= most
        assert len(row) == 1 or sum(share(needs[i]) for i in row) <= ROW_PX  # a control wider than a row sits alone
        if k + 1 < len(rows):  # closed because the next one would not fit, or the row was full
            nxt = rows[k + 1][0]
            assert len(row) == most or sum(share(needs[i]) for i in row) + share(needs[nxt]) > ROW_PX


def test_six_plain_controls_still_share_one_row():
    assert control_rows([COLUMN_PX] * 6, 6) == [list(range(6))]
    assert control_rows([COLUMN_PX] * 8, 6) == [list(range(6)), [6, 7]]


def test_a_select_box_needs_its_longest_value_and_other_controls_their_label():
    moons = "달: 서로 맞물린 반원 두 개"  # /logistic-regression's data set in Korean: 162 px as drawn at 16 px
    assert control_px("데이터셋", "choice", moons) == label_px(moons) * 8 // 7 + SELECT_PX >= 162 + 32
    assert control_px("데이터셋", "choice", "") == label_px("데이터셋") + 30
    assert control_px("Batch norm", "toggle") == label_px("Batch norm") + 80


def test_a_multiselect_takes_a_whole_row_of_its_own():
    needs = [COLUMN_PX, COLUMN_PX, control_px("경주에 나갈 옵티마이저", "choices"), COLUMN_PX]
    assert needs[2] == ROW_PX
    assert control_rows(needs, 6) == [[0, 1], [2], [3]]
