"""The RNN-unrolling page in AppTest: deep links, Unicode text, bad input, messages in both languages, Try this."""

import pytest

from tests.apptest_helpers import figures, open_page, shown_code
from tests.test_experiments import apply_experiment, try_controls

PAGE = "views/rnn_unrolling.py"


def charts(at) -> list[dict]:
    return figures(at)


def test_default_page_shows_three_charts_and_says_the_rnn_gradient_vanishes():
    at = open_page(PAGE, lang="en")
    assert not at.exception and not at.error
    specs = charts(at)
    assert len(specs) == 3
    assert len(specs[0]["frames"]) == 40  # one frame per time step, T = 40
    assert len(specs[1]["frames"]) >= 2  # training epochs
    verdict = at.success[1].value
    assert "The plain RNN's gradient vanishes" in verdict and "10⁶ times larger for the LSTM" in verdict
    labels = [m.label for m in at.metric]
    assert not any("nn.RNN" in label for label in labels)  # the concept comes first; the agreement is a check line
    check = next(c.value for c in at.caption if "Check: nn.RNN" in c.value)
    mantissa, _, power = check.rsplit(" ", 1)[1].rstrip(").").partition("×10")
    exponent = int(power.translate(str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789"))) if power else 0
    assert float(mantissa) * 10.0**exponent < 1e-6


def test_done_when_korean_deep_link_unrolls_five_steps():
    at = open_page(PAGE, sequence="text", text="안녕하세요", lang="ko")
    assert not at.exception and not at.error
    assert at.title[0].value == "RNN 펼치기"
    assert at.radio(key="sequence").value == "text" and at.text_input(key="text").value == "안녕하세요"
    spec = charts(at)[0]
    assert [f["name"] for f in spec["frames"]] == ["1", "2", "3", "4", "5"]
    inputs = [d for d in spec["data"] if d.get("mode") == "markers+text" and d.get("text") == list("안녕하세요")]
    assert inputs, "the input nodes show the five characters"
    assert any(c.value.startswith("5글자 → 5개의 시간 단계") for c in at.caption)
    assert spec["layout"]["annotations"][0]["text"].startswith("펼친 모습")


@pytest.mark.parametrize(("lang", "needle"), [("en", "The text is empty."), ("ko", "텍스트가 비어 있습니다.")])
def test_empty_text_gives_a_clear_message_and_no_traceback(lang, needle):
    at = open_page(PAGE, sequence="text", text="", lang=lang)
    assert not at.exception
    assert len(at.error) == 1 and needle in at.error[0].value
    assert not figures(at)
    prefix, _, pick = try_controls(at)  # the way back is on the page
    assert prefix == "rnn" and pick.value == "korean"  # the first experiment, the Korean word


@pytest.mark.parametrize(("lang", "needle"), [("en", "Your text has 10,000 characters"), ("ko", "10,000글자입니다")])
def test_a_10000_character_paste_is_cut_with_a_message(lang, needle):
    at = open_page(PAGE, sequence="text", text="가나다라마" * 2000, lang=lang)
    assert not at.exception and not at.error
    assert len(at.warning) == 1 and needle in at.warning[0].value
    assert len(charts(at)[0]["frames"]) == 40


def test_emoji_and_combining_marks_are_one_step_each():
    at = open_page(PAGE, sequence="text", text="e\u0301👍🏽🇰🇷👨‍👩‍👧", lang="en")
    assert not at.exception and not at.error
    assert len(charts(at)[0]["frames"]) == 4


@pytest.mark.parametrize(
    "params",
    [{"T": "999"}, {"hidden": "abc"}, {"sequence": "nope"}, {"cell": "transformer"}, {"epochs": "-5"}, {"freq": "nan"}],
)
def test_bad_url_values_fall_back_to_defaults(params):
    at = open_page(PAGE, **params)
    assert not at.exception and not at.error
    assert at.radio(key="sequence").value == "sine" and at.radio(key="cell").value == "rnn"
    assert (at.slider(key="T").value, at.slider(key="hidden").value, at.slider(key="epochs").value) == (40, 16, 150)
    assert at.slider(key="freq").value == pytest.approx(0.05)


def test_try_this_applies_settings_and_reset_restores_defaults():
    at = open_page(PAGE, lang="en")
    apply_experiment(at, "nobias")
    assert at.radio(key="cell").value == "lstm" and at.toggle(key="forget_bias").value is False
    assert any(c.value.startswith("LSTM, forget bias 0 with H = 16 learns") for c in at.caption)
    apply_experiment(at, "korean")
    assert at.radio(key="sequence").value == "text" and len(charts(at)[0]["frames"]) == 5
    at.button(key="try_rnn_reset").click().run()
    assert at.radio(key="sequence").value == "sine" and at.toggle(key="forget_bias").value is True


def test_changing_a_slider_changes_the_charts_and_code_shows_what_ran():
    at = open_page(PAGE)
    before = charts(at)
    at.slider(key="T").set_value(30).run()
    after = charts(at)
    assert len(after[0]["frames"]) == 30 and after[2]["data"][0]["x"] != before[2]["data"][0]["x"]
    code = shown_code(at)
    for name in ("def manual_unroll", "def hidden_gradients", "def train", "nn.init.uniform_"):
        assert name in code
