"""/tensors in AppTest: deep links, torch's own error with the rule in words, bad shapes and bad URL values."""

import pytest
import torch

from core.tensors import ShapeError, TensorConfig, parse_shape
from tests.apptest_helpers import assert_falls_back_to_defaults, figures, open_page, state_config_of
from ui.text import inert

PAGE = "views/tensors.py"


def test_default_is_broadcasting_3x1_plus_1x4():
    at = open_page(PAGE, lang="en")
    assert not at.exception and not at.error
    assert state_config_of(at, TensorConfig) == TensorConfig()
    spec = figures(at)[0]
    assert spec["layout"]["title"]["text"] == "C = A + B" and len(spec["frames"]) == 12


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_shapes_that_do_not_broadcast_show_torchs_message_and_the_rule(lang):
    at = open_page(PAGE, a="2,3", b="3,2", lang=lang)
    assert not at.exception
    try:
        torch.zeros(2, 3) + torch.zeros(3, 2)
    except RuntimeError as error:
        message = str(error)
    assert message in at.error[0].value
    rule = at.info[0].value
    assert ("Broadcasting failed" if lang == "en" else "브로드캐스팅 실패") in rule


def test_view_after_transpose_deep_link_shows_the_real_error():
    at = open_page(PAGE, mode="memory", layout="t_view", target="12", lang="ko")
    assert not at.exception
    assert "view size is not compatible with input tensor's size and stride" in at.error[0].value
    assert "view는 절대 복사하지 않습니다" in at.info[0].value


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("bad", ["😀", "3,,y", "1,2,3,4", "9", "세,넷", "![x](http://203.0.113.9/p.png)"])
def test_a_bad_shape_gets_a_translated_message_and_the_default_is_drawn(bad, lang):
    at = open_page(PAGE, a=bad, lang=lang)
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert ("Shape of A" if lang == "en" else "A의 모양") in message
    with pytest.raises(ShapeError) as caught:
        parse_shape(bad)
    assert inert(caught.value.part, 12) in message  # the offending piece, as inert text
    assert "(3, 1)" in figures(at)[0]["layout"]["annotations"][0]["text"]  # the default A is drawn


@pytest.mark.parametrize("params", [{"mode": "nope"}, {"op": "pow"}, {"dim": "99"}, {"cell": "-1"},
                                    {"keepdim": "maybe"}, {"layout": "안녕"}, {"cell": "nan"}])  # fmt: skip
def test_bad_url_values_fall_back_to_defaults(params):
    assert_falls_back_to_defaults(PAGE, TensorConfig, **params)


def test_reduction_deep_link_and_the_followed_formula():
    at = open_page(PAGE, mode="reduce", shape="2,3", reduce="mean", dim=1, cell=1, lang="en")
    assert not at.exception and not at.error
    assert "out[1] = mean(x[1, :])" in at.markdown[-3].value or any("out[1] = mean(x[1, :])" in m.value
                                                                     for m in at.markdown)  # fmt: skip
    assert figures(at)[0]["layout"]["sliders"][0]["active"] == 1


def cell_slider(at):
    (slider,) = [s for s in at.slider if s.key == "cell"]
    return slider


@pytest.mark.parametrize(
    ("params", "elements"),
    [
        ({}, torch.broadcast_shapes((3, 1), (1, 4)).numel()),
        ({"a": "6,6", "b": "6,1"}, torch.broadcast_shapes((6, 6), (6, 1)).numel()),
        ({"a": "2,1,3", "b": "4,1", "op": "mul"}, torch.broadcast_shapes((2, 1, 3), (4, 1)).numel()),
        ({"a": "2,3", "b": "3,5", "op": "matmul"}, (torch.zeros(2, 3) @ torch.zeros(3, 5)).numel()),
        ({"mode": "reduce", "shape": "4,5", "dim": 1}, torch.zeros(4, 5).sum(dim=1).numel()),
        ({"mode": "memory", "shape": "2,3", "layout": "transpose"}, torch.zeros(2, 3).t().numel()),
    ],
)
def test_the_followed_cell_slider_spans_the_elements_of_the_tensor_drawn(params, elements):
    """Its last stop is the last element (torch counts them), as the chart's own frames are: no dead run of
    values past it that move the slider and nothing else."""
    at = open_page(PAGE, lang="en", **params)
    assert not at.exception and not at.error
    slider = cell_slider(at)
    assert (slider.min, slider.max, slider.disabled) == (0, elements - 1, False)
    assert len(figures(at)[0]["frames"]) == elements


def test_a_link_to_a_cell_past_the_last_element_opens_on_the_first_as_any_value_out_of_range_does():
    """50 is a cell of the largest tensor, not of the default 3×4 one: Streamlit puts a bound value out of the
    widget's range back to its default and takes it out of the URL, so the view and its link agree
    (tests/e2e/test_tensors_e2e.py: the same for a smaller tensor typed while a later cell is followed)."""
    at = open_page(PAGE, lang="en", cell=50)
    assert not at.exception and not at.error
    assert cell_slider(at).value == 0 and figures(at)[0]["layout"]["sliders"][0]["active"] == 0
    at = open_page(PAGE, lang="en", a="6,6", b="6,1", cell=30)  # a cell of that tensor: followed
    assert cell_slider(at).value == 30 and figures(at)[0]["layout"]["sliders"][0]["active"] == 30


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_shapes_that_do_not_broadcast_leave_no_element_to_follow(lang):
    at = open_page(PAGE, a="2,3", b="3,2", lang=lang)
    assert not at.exception and cell_slider(at).disabled
