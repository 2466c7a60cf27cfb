"""The ReLU page in AppTest: both languages, deep links, bad URL values, "Try this", messages and code."""

import json

import pytest

from tests.apptest_helpers import figures, open_page, shown_code, shown_text
from tests.test_experiments import apply_experiment

PAGE = "views/relu.py"
CHARTS = 6


def test_default_page_in_korean_shows_hinges_and_the_vanishing_gradient_chart():
    at = open_page(PAGE, lang="ko")
    assert not at.exception and not at.error
    assert at.title[0].value == "ReLU와 활성 함수"
    assert len(figures(at)) == CHARTS
    text = shown_text(at) + "".join(json.dumps(c, ensure_ascii=False) for c in figures(at))
    for needle in ("경첩, 그 합 f(x), 꺾이는 점", "초기화 직후 층별 기울기 크기", "유닛 경첩", "에포크 "):
        assert needle in text
    assert "직선 조각" in at.success[0].value
    assert at.selectbox(key="activation").value == "relu"
    assert at.slider(key="units").value == 8 and at.slider(key="depth").value == 10


def test_deep_link_sets_every_parameter():
    at = open_page(PAGE, activation="gelu", target="step", units=16, lr=0.01, epochs=300, depth=4, init="he", lang="en")
    assert not at.exception
    assert at.selectbox(key="activation").value == "gelu"
    assert at.selectbox(key="target").value == "step"
    assert (at.slider(key="units").value, at.slider(key="epochs").value, at.slider(key="depth").value) == (16, 300, 4)
    assert at.number_input(key="lr").value == pytest.approx(0.01)
    assert at.selectbox(key="init").value == "he"
    grad = figures(at)[3]
    assert len(grad["data"][0]["x"]) == 5  # depth 4 → 5 linear layers


@pytest.mark.parametrize(
    "params",
    [
        {"activation": "swish", "target": "안녕😀", "units": "0", "lr": "nan", "epochs": "99999", "depth": "200"},
        {"units": "abc", "lr": "-1", "epochs": "1e9", "depth": "x", "init": "zeros", "seed": "-5"},
    ],
)
def test_bad_url_values_fall_back_to_defaults(params):
    at = open_page(PAGE, **params)
    assert not at.exception and not at.error
    assert at.selectbox(key="activation").value == "relu" and at.selectbox(key="target").value == "sine"
    assert (at.slider(key="units").value, at.slider(key="epochs").value, at.slider(key="depth").value) == (8, 500, 10)
    assert at.number_input(key="lr").value == pytest.approx(0.02) and at.selectbox(key="init").value == "default"


@pytest.mark.parametrize(("lang", "needle"), [("en", "units are dead"), ("ko", "죽었습니다")])
def test_try_this_kill_shows_the_dead_unit_warning(lang, needle):
    at = open_page(PAGE, lang=lang)
    apply_experiment(at, "kill")
    assert not at.exception
    assert at.number_input(key="lr").value == pytest.approx(0.3)
    assert len(at.warning) >= 1 and needle in at.warning[0].value
    apply_experiment(at, "deep_sigmoid")
    assert at.slider(key="depth").value == 20 and at.selectbox(key="activation").value == "sigmoid"
    assert at.number_input(key="lr").value == pytest.approx(0.02)
    at.button(key="try_relu_reset").click().run()
    assert at.slider(key="depth").value == 10 and at.selectbox(key="activation").value == "relu"


def test_changing_units_changes_the_fit_chart_and_code_is_shown():
    at = open_page(PAGE)
    before = figures(at)[1]
    at.slider(key="units").set_value(3).run()
    after = figures(at)[1]
    drawn = lambda fig: sum(d["x"] != [None] for d in fig["frames"][0]["data"][:-6])  # noqa: E731 - hinges drawn
    assert (drawn(before), drawn(after)) == (8, 3)  # the spare hinge slots (viz.relu.unit_slots) stay blank
    code = shown_code(at)
    for needle in ("def fit_relu_units", "def count_pieces", "def layer_grad_norms", "torch.autograd.grad"):
        assert needle in code


@pytest.mark.parametrize(("activation", "label"), [("relu", "f'(0), a convention"), ("tanh", "f'(0)")])
def test_the_kink_slope_is_marked_as_a_convention(activation, label):
    at = open_page(PAGE, activation=activation, lang="en")
    d0 = next(m for m in at.metric if m.label.startswith("f'(0)"))
    assert d0.label == label
    assert d0.value == ("0" if activation == "relu" else "1")
