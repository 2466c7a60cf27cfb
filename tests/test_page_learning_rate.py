"""The learning-rate page in AppTest: deep links in both languages, bad text and URL values, Try this, code."""

import pytest

from core.descent.rates import RateConfig
from tests.apptest_helpers import figures, open_page, shown_code, shown_text, state_config_of, table_values
from tests.test_experiments import apply_experiment

LR = "views/learning_rate.py"


def table(at) -> dict:
    return table_values(at, "lr_runs")


def test_default_link_shows_the_four_behaviours_labelled_in_english():
    at = open_page(LR, lang="en")
    assert not at.exception and not at.warning and not at.error
    rows = table(at)
    assert rows["rate η"] == [0.05, 0.2, 0.9, 1.1]
    assert rows["label"] == ["slow", "converging", "oscillating", "diverging"]
    names = [d.get("name") for d in figures(at)[0]["data"]]
    assert "η = 1.1 · diverging" in names and "critical rate 2/λ_max = 1" in names
    text = shown_text(at)
    assert "How each run is labelled" in text and "10⁻³ · (L₀ − L_min)" in text
    assert [m.value for m in at.metric] == ["2", "2", "1"]


def test_korean_deep_link_keeps_every_parameter():
    at = open_page(LR, surface="valley", lrs="0.45,0.55", steps=100, schedule="step", lang="ko")
    assert not at.exception
    assert at.title[0].value == "학습률"
    assert at.selectbox(key="surface").value == "valley" and at.selectbox(key="schedule").value == "step"
    assert at.text_input(key="lrs").value == "0.45,0.55" and at.slider(key="steps").value == 100
    assert table(at)["판정"] == ["수렴", "진동"]
    assert "StepLR" in shown_text(at) and at.metric[2].value == "0.5"


def test_a_rate_above_the_limit_is_called_diverging_and_a_blow_up_is_reported():
    at = open_page(LR, lrs="0.2,5", lang="en")
    assert table(at)["label"] == ["converging", "diverging"]
    assert len(at.warning) == 1 and "η = 5 diverged and was stopped at step 4" in at.warning[0].value
    at = open_page(LR, lrs="0.2,5", lang="ko")
    assert "η = 5 실행은 발산하여 4단계에서 멈췄습니다" in at.warning[0].value


@pytest.mark.parametrize(
    ("text", "lang", "needle"),
    [
        ("학습률😀", "en", "` 학습률😀 ` is not a number"),
        ("학습률😀", "ko", "` 학습률😀 ` 값은 숫자가 아닙니다"),
        ("0.1, -2", "en", "` -2 ` is outside the accepted range"),
        ("nan", "ko", "` nan ` 값은 받을 수 있는 범위를 벗어났습니다"),
        (" , ", "en", "The list of learning rates is empty"),
        ("0.1," * 100, "ko", "글이 너무 깁니다"),
    ],
)
def test_bad_rate_text_gets_a_translated_message_and_the_last_valid_list(text, lang, needle):
    at = open_page(LR, lang=lang)
    at.text_input(key="lrs").input("0.1,0.3").run()
    at.text_input(key="lrs").input(text).run()
    assert not at.exception and not at.error
    assert len(at.warning) == 1 and needle in at.warning[0].value
    assert "0.1,0.3" in at.warning[0].value
    assert next(iter(table(at).values())) == [0.1, 0.3]  # still showing the last valid list


def test_bad_text_in_a_link_falls_back_to_the_surface_preset():
    at = open_page(LR, surface="valley", lrs="abc", lang="en")
    assert "0.02,0.2,0.45,0.55" in at.warning[0].value
    assert table(at)["rate η"] == [0.02, 0.2, 0.45, 0.55]


def test_more_than_six_rates_are_capped():
    at = open_page(LR, lrs="0.01,0.02,0.03,0.04,0.05,0.06,0.07,0.08", lang="en")
    assert "only the first 6 are used" in at.warning[0].value
    assert len(table(at)["rate η"]) == 6


@pytest.mark.parametrize(
    ("key", "value"), [("surface", "nope"), ("steps", "9999"), ("schedule", "magic"), ("steps", "x")]
)
def test_bad_url_values_fall_back_to_defaults(key, value):
    at = open_page(LR, **{key: value})
    assert not at.exception and not at.error
    assert state_config_of(at, RateConfig) == RateConfig()  # bowl, its four rates, 30 steps, constant


@pytest.mark.parametrize("surface", ["rosenbrock", "saddle", "himmelblau"])
def test_picking_a_surface_loads_its_preset(surface):
    at = open_page(LR, lang="en")
    at.selectbox(key="surface").select(surface).run()
    assert not at.exception
    assert at.text_input(key="lrs").value != "0.05,0.2,0.9,1.1"
    assert len(figures(at)) == 2


def test_try_this_applies_its_settings_and_resets():
    at = apply_experiment(open_page(LR, lang="en"), "cosine")
    assert at.selectbox(key="schedule").value == "cosine" and at.slider(key="steps").value == 60
    assert at.text_input(key="lrs").value == "0.3,0.55,0.65" and at.selectbox(key="surface").value == "valley"
    at.button(key="try_lr_reset").click().run()
    assert at.selectbox(key="schedule").value == "constant" and at.text_input(key="lrs").value == "0.05,0.2,0.9,1.1"


def test_changing_the_rates_changes_the_chart_and_the_code_is_shown():
    at = open_page(LR)
    before = figures(at)[0]
    at.text_input(key="lrs").input("0.3,0.7").run()
    after = figures(at)[0]
    assert len(after["frames"][0]["data"]) == 2 * 2 + 1 != len(before["frames"][0]["data"])
    code = shown_code(at)
    assert "def run_rates" in code and "scheduler.step()" in code and "def classify_runs" in code
