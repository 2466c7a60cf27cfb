"""The dropout page in AppTest: deep links, bad URL values, messages in both languages, "Try this"."""

import json

import pytest

from core.regularize.data import DropoutConfig
from tests.apptest_helpers import assert_falls_back_to_defaults, figures, open_page, shown_code, shown_text
from tests.test_experiments import apply_experiment

PAGE = "views/dropout.py"
SMALL = {"epochs": 60}  # short runs keep the suite fast where the story does not depend on length


def charts(at) -> list[dict]:
    return figures(at)


@pytest.mark.parametrize(("lang", "needle"), [("en", "regularization helps"), ("ko", "정규화가 효과를 냈습니다")])
def test_default_page_says_dropout_keeps_validation_loss_lower(lang, needle):
    at = open_page(PAGE, lang=lang)
    assert not at.exception and not at.error
    assert needle in at.success[0].value
    specs = charts(at)
    assert len(specs) == 4  # comparison, network, mean histogram, weight norms
    assert len(specs[0]["frames"]) == 30 and len(specs[1]["frames"]) == 30
    assert sum(len(json.dumps(s)) for s in specs) < 1_500_000


def test_regression_deep_link_in_korean_shows_the_mc_band():
    at = open_page(PAGE, task="regression", lang="ko", **SMALL)
    assert not at.exception
    assert at.selectbox(key="task").value == "regression"
    text = shown_text(at)
    assert "몬테카를로 드롭아웃" in text and "학습 범위 안에서" in text
    titles = [s["layout"].get("title", {}).get("text", "") for s in charts(at)]
    assert "MC 드롭아웃: 드롭아웃을 켠 K = 100번 예측의 평균과 ±2σ 띠" in titles


def test_every_url_parameter_is_read():
    params = {"task": "regression", "p": 0.2, "n": 25, "noise": 0.4, "hidden": 32, "epochs": 50}
    at = open_page(PAGE, weight_decay=0.02, batchnorm="true", lang="en", **params)
    assert not at.exception
    assert at.selectbox(key="task").value == "regression"
    for key in ("p", "n", "noise", "hidden", "epochs"):
        assert at.slider(key=key).value == pytest.approx(params[key])
    assert at.slider(key="weight_decay").value == pytest.approx(0.02)
    assert at.toggle(key="batchnorm").value is True
    titles = [s["layout"].get("annotations", [{}])[0].get("text") for s in charts(at)]
    assert "hidden layer 1" in titles  # the BatchNorm figure is shown
    assert "dropout p = 0.2 + L2 λ = 0.02 + batch norm" in shown_text(at)


BAD = {"task": ("nope", "회귀😀"), "p": ("abc", "5"), "n": ("-3",), "hidden": ("99999",), "epochs": ("nan",),
       "weight_decay": ("-1",), "batchnorm": ("maybe",)}  # fmt: skip


@pytest.mark.parametrize(("name", "value"), [(name, v) for name, values in BAD.items() for v in values])
def test_bad_url_values_fall_back_to_defaults(name, value):
    assert_falls_back_to_defaults(PAGE, DropoutConfig, **{name: value})


@pytest.mark.parametrize(("lang", "needle"), [("en", "band has zero width"), ("ko", "띠의 폭이 0")])
def test_mc_at_p0_explains_the_zero_band(lang, needle):
    at = open_page(PAGE, task="regression", p=0, weight_decay=0.01, lang=lang, **SMALL)
    assert not at.exception
    assert any(needle in w.value for w in at.warning)


def test_nothing_switched_on_says_the_networks_are_identical():
    at = open_page(PAGE, p=0, lang="en", **SMALL)
    assert "the two networks are identical" in at.info[0].value


def test_try_this_applies_settings_and_reset_restores_defaults():
    at = open_page(PAGE, lang="en", **SMALL)
    apply_experiment(at, "mc")
    assert at.selectbox(key="task").value == "regression"
    assert (at.slider(key="p").value, at.slider(key="n").value, at.slider(key="epochs").value) == (0.2, 20, 300)
    apply_experiment(at, "batchnorm")
    assert at.toggle(key="batchnorm").value is True and at.slider(key="p").value == 0.0
    assert at.selectbox(key="task").value == "classification"
    at.button(key="try_drop_reset").click().run()
    assert at.toggle(key="batchnorm").value is False and at.slider(key="p").value == 0.5


def test_code_expander_shows_the_functions_that_ran():
    at = open_page(PAGE, **SMALL)
    code = shown_code(at)
    for needle in ("def compare", "def train", "class InvertedDropout", "torch.bernoulli", "weight_decay=weight_decay"):
        assert needle in code


def test_changing_p_changes_the_regularized_chart():
    at = open_page(PAGE, **SMALL)
    before = charts(at)[0]["frames"][-1]["data"][1]
    at.slider(key="p").set_value(0.3).run()
    after = charts(at)[0]["frames"][-1]["data"][1]
    assert before != after
