"""The linear-regression page in AppTest: both languages, deep links, bad URL values, divergence, the plane."""

import pytest

from core.linreg import RegressionConfig
from tests.apptest_helpers import assert_falls_back_to_defaults, figures, open_page, shown_code, state_config_of

PAGE = "views/linear_regression.py"


@pytest.mark.parametrize(("lang", "needle"), [("en", "After 200 epochs"), ("ko", "200에포크 뒤")])
def test_default_page_trains_and_compares_with_least_squares(lang, needle):
    at = open_page(PAGE, lang=lang)
    assert not at.exception and not at.error
    assert needle in at.success[0].value
    charts = figures(at)
    assert len(charts) == 2 and 2 <= len(charts[0]["frames"]) <= 60
    assert state_config_of(at, RegressionConfig) == RegressionConfig()
    assert at.slider(key="slope").disabled is False and at.selectbox(key="features").disabled is True


def test_deep_link_sets_every_parameter():
    at = open_page(PAGE, dataset="diabetes", features="bmi,bp", scale="true", lr=0.3, epochs=150, lang="en")
    assert not at.exception and not at.error
    cfg = state_config_of(at, RegressionConfig)
    assert (cfg.dataset, cfg.features, cfg.scale, cfg.lr, cfg.epochs) == ("diabetes", "bmi,bp", True, 0.3, 150)
    assert at.slider(key="slope").disabled is True
    main = figures(at)[0]
    assert "scene" in main["layout"] and any(d["type"] == "surface" for d in main["data"])


def test_synthetic_parameters_from_the_url():
    at = open_page(PAGE, slope=-1.5, n=120, noise=0.4, lang="en")
    cfg = state_config_of(at, RegressionConfig)
    assert (cfg.slope, cfg.n, cfg.noise) == (-1.5, 120, 0.4)
    assert len(figures(at)[0]["data"][0]["x"]["bdata"]) > 0


@pytest.mark.parametrize(("lang", "needle"), [("en", "diverged at epoch"), ("ko", "에포크에서 발산")])
def test_a_too_large_step_says_where_and_why_it_diverged(lang, needle):
    at = open_page(PAGE, dataset="diabetes", lang=lang)
    assert not at.exception
    assert len(at.error) == 1 and needle in at.error[0].value and "2/λ_max" in at.error[0].value
    assert len(figures(at)) == 2


@pytest.mark.parametrize(
    "params",
    [
        {"dataset": "iris", "slope": "abc", "n": "7", "noise": "nan", "features": "age", "lr": "-1", "epochs": "1e9"},
        {"scale": "maybe", "lr": "1e9", "n": "안녕😀", "features": "<img src=x>", "epochs": "x", "seed": "-5"},
    ],
)
def test_bad_url_values_fall_back_to_defaults(params):
    assert_falls_back_to_defaults(PAGE, RegressionConfig, **params)


def test_the_scaling_switch_changes_the_map_and_the_epochs():
    at = open_page(PAGE, lang="en")
    before = figures(at)[0]["data"][1]
    at.toggle(key="scale").set_value(True).run()
    assert not at.exception
    assert figures(at)[0]["data"][1] != before
    assert at.metric[2].value == "66" and at.metric[3].value == "232"


def test_code_expander_shows_the_training_loop():
    at = open_page(PAGE)
    code = shown_code(at)
    for needle in ("def train_sgd", "torch.optim.SGD", "nn.MSELoss", "def epochs_to_converge", "diabetes()"):
        assert needle in code
