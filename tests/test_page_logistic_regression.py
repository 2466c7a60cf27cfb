"""The logistic-regression page in AppTest: deep links, the done-when links, bad URL values, Try this."""

import pytest

from core.classify.train import ClassifyConfig
from tests.apptest_helpers import assert_falls_back_to_defaults, figures, open_page, shown_code, table_values
from tests.test_experiments import apply_experiment

PAGE = "views/logistic_regression.py"


def test_done_when_moons_mlp_link_forms_a_curved_boundary_above_95_percent():
    at = open_page(PAGE, dataset="moons", model="mlp", noise=0.1, lang="en")
    assert not at.exception and not at.error and not at.warning
    assert at.selectbox(key="model").value == "mlp" and at.slider(key="noise").value == pytest.approx(0.1)
    assert "test accuracy" in at.success[0].value
    test_acc = float(at.metric[1].value.rstrip("%"))
    assert test_acc >= 95
    charts = figures(at)
    assert len(charts) == 2  # the boundary and the per-unit maps
    spec = charts[0]
    assert len(spec["frames"]) > 20 and spec["frames"][-1]["name"] == "200"


@pytest.mark.parametrize(("lang", "needle"), [("en", "linear model fails on XOR"), ("ko", "선형 모델은 XOR에서 실패")])
def test_xor_with_the_linear_model_fails_and_says_why(lang, needle):
    at = open_page(PAGE, dataset="xor", model="logistic", lang=lang)
    assert not at.exception
    assert len(at.warning) == 1 and needle in at.warning[0].value
    assert len(figures(at)) == 1
    assert "x_1" in at.latex[-2].value or "x_1" in at.latex[1].value


def test_softmax_link_shows_one_weight_row_per_class():
    at = open_page(PAGE, dataset="blobs", classes=4, lang="ko")
    assert not at.exception and at.success
    weights, grads = table_values(at, "logit_weights"), table_values(at, "logit_grads")
    assert weights["클래스"] == [0, 1, 2, 3]
    assert all(len(column) == 12 for column in grads.values())  # ∂L/∂w₁, ∂L/∂w₂, ∂L/∂b for 4 classes
    assert max(grads["|차이|"]) < 1e-12


def test_two_class_shape_with_more_classes_says_so():
    at = open_page(PAGE, dataset="moons", classes=4, lang="en")
    assert not at.exception
    assert any("has 2 classes by construction" in i.value for i in at.info)


BAD = {"dataset": ("nope", "안녕😀"), "model": ("cnn",), "hidden": ("99,99",), "activation": ("gelu",), "lr": ("abc", "1e9"),
       "epochs": ("99999",), "noise": ("-1",), "classes": ("9",), "batch": ("16",), "n": ("nan",)}  # fmt: skip


@pytest.mark.parametrize(("name", "value"), [(name, v) for name, values in BAD.items() for v in values])
def test_bad_url_values_fall_back_to_defaults(name, value):
    assert_falls_back_to_defaults(PAGE, ClassifyConfig, **{name: value})


def test_try_this_applies_and_resets():
    at = open_page(PAGE, lang="en")
    apply_experiment(at, "xor_mlp")
    assert not at.exception
    assert at.selectbox(key="dataset").value == "xor" and at.selectbox(key="model").value == "mlp"
    assert at.selectbox(key="hidden").value == "4"
    assert at.success and not at.warning
    at.button(key="try_logit_reset").click().run()
    assert at.selectbox(key="dataset").value == "moons" and at.selectbox(key="model").value == "logistic"


def test_code_expander_shows_the_training_code():
    at = open_page(PAGE, dataset="spiral")
    code = shown_code(at)
    assert "def train_classifier" in code and "opt.step()" in code and "def spiral" in code
    assert "def linear_gradients" in code


def test_changing_the_learning_rate_changes_the_chart():
    at = open_page(PAGE)
    before = figures(at)[0]
    at.number_input(key="lr").set_value(0.2).run()
    after = figures(at)[0]
    assert before["frames"][5]["layout"]["title"] != after["frames"][5]["layout"]["title"]
