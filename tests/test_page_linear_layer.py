"""/linear-layer in AppTest: deep links, presets into the sliders, bad widths and URL values, the speed button."""

import base64

import numpy as np
import pytest

from core.linear_layer.config import LinearConfig
from core.linear_layer.speed import SIZES
from tests.apptest_helpers import (
    assert_falls_back_to_defaults,
    figures,
    open_page,
    shown_code,
    state_config_of,
    table_values,
)

PAGE = "views/linear_layer.py"


def _values(array) -> list:
    """A spec array, plain or plotly's typed-array encoding."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def test_default_draws_the_plane_batch_and_parameter_table():
    at = open_page(PAGE, lang="en")
    assert not at.exception and not at.error
    assert state_config_of(at, LinearConfig) == LinearConfig()
    plane, _ = figures(at)
    assert len(plane["frames"]) == 25
    assert "every area is multiplied by 1.44" in at.success[0].value
    assert at.metric[0].value == "1.44" and at.metric[1].value == "1.44"
    assert table_values(at, "ll_counts")["total"] == [192, 4160, 650]
    assert at.metric[4].value == "5,002"


@pytest.mark.parametrize(("lang", "needle"), [("en", "the map flips the plane"), ("ko", "평면이 뒤집혀서")])
def test_reflection_link_says_the_plane_flips(lang, needle):
    at = open_page(PAGE, preset="reflection", lang=lang)
    assert not at.exception and needle in at.info[0].value
    assert at.metric[0].value == "-1"
    assert all(at.slider(key=k).disabled for k in ("w11", "w12", "w21", "w22"))


def test_singular_link_warns_that_the_plane_collapses():
    at = open_page(PAGE, preset="singular", lang="ko")
    assert not at.exception and "직선 하나로" in at.warning[0].value


def test_choosing_a_preset_copies_its_w_into_the_sliders():
    at = open_page(PAGE, lang="en")
    at.selectbox(key="preset").set_value("shear").run()
    at.selectbox(key="preset").set_value("custom").run()
    assert [at.slider(key=k).value for k in ("w11", "w12", "w21", "w22")] == [1.0, 1.0, 0.0, 1.0]
    assert state_config_of(at, LinearConfig).weight == ((1.0, 1.0), (0.0, 1.0))


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("bad", ["2,x", "😀", "5000,2", "3", "![x](http://203.0.113.9/p.png)"])
def test_bad_widths_get_a_translated_message_and_the_default_table(bad, lang):
    at = open_page(PAGE, widths=bad, lang=lang)
    assert not at.exception and len(at.error) == 1
    assert ("Layer widths" if lang == "en" else "계층 너비") in at.error[0].value
    assert len(next(iter(table_values(at, "ll_counts").values()))) == 3


@pytest.mark.parametrize("params", [{"preset": "nope"}, {"w11": "abc"}, {"w12": "9"}, {"b1": "nan"},
                                    {"b2": "-inf"}, {"preset": "회전😀"}])  # fmt: skip
def test_bad_url_values_fall_back_to_defaults(params):
    assert_falls_back_to_defaults(PAGE, LinearConfig, **params)


def test_the_speed_button_measures_and_explains():
    at = open_page(PAGE, lang="en")
    assert at.metric[5].value == "False"
    at.button(key="ll_measure").click().run(timeout=60)
    assert not at.exception
    speed = figures(at)[2]
    # The sweep stops when its time budget runs out, so how many sizes it reaches depends on the machine's
    # speed at the moment (3 on a busy CI run): the chart shows the smallest ones, in order, on a log axis.
    sizes = _values(speed["data"][0]["x"])
    assert speed["layout"]["xaxis"]["type"] == "log" and sizes == list(SIZES[: len(sizes)]) and len(sizes) >= 1
    assert any("GFLOP/s" in c.value for c in at.caption)
    assert any("The crossover" in i.value for i in at.info)


def test_code_shows_the_device_move():
    at = open_page(PAGE)
    code = shown_code(at)
    assert ".to(device" in code and "torch.cuda.is_available()" in code and "def matmul_sweep" in code
