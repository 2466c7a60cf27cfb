"""The loss-functions page in AppTest: both languages, deep links, bad URL values, messages and code."""

import pytest

from core.losses import LossConfig
from tests.apptest_helpers import (
    assert_falls_back_to_defaults,
    figures,
    open_page,
    shown_code,
    shown_text,
    state_config_of,
)

PAGE = "views/loss_functions.py"


@pytest.mark.parametrize(("lang", "needle"), [("en", "nan from z = 17"), ("ko", "z = 17부터 nan")])
def test_default_page_draws_three_charts_and_names_where_the_naive_bce_breaks(lang, needle):
    at = open_page(PAGE, lang=lang)
    assert not at.exception and not at.error
    charts = figures(at)
    assert len(charts) == 3
    assert len(charts[0]["frames"]) == 25 and len(charts[1].get("frames", [])) == 0
    assert needle in at.warning[0].value
    assert state_config_of(at, LossConfig) == LossConfig()
    text = shown_text(at)
    assert ("BCEWithLogitsLoss" in text) and ("inf" in text) and ("nan" in text)


def test_deep_link_sets_every_parameter():
    at = open_page(PAGE, outlier=-6.5, outlier_x=2, delta=2.5, temperature=0.3, dtype="float64", lang="en")
    assert not at.exception and not at.error
    cfg = state_config_of(at, LossConfig)
    assert (cfg.outlier, cfg.outlier_x, cfg.delta, cfg.temperature, cfg.dtype) == (-6.5, 2.0, 2.5, 0.3, "float64")
    assert "nan from z = 37" in at.warning[0].value and "inf" not in at.warning[0].value
    assert charts_title(at, 0, 2).startswith("Huber (δ = 2.5)")


def charts_title(at, chart: int, index: int) -> str:
    return figures(at)[chart]["layout"]["annotations"][index]["text"]


@pytest.mark.parametrize(
    "params",
    [
        {"outlier": "abc", "outlier_x": "nan", "delta": "0", "temperature": "-1", "dtype": "float16"},
        {
            "outlier": "1e9",
            "outlier_x": "inf",
            "delta": "안녕😀",
            "temperature": "99",
            "dtype": "<b>x</b>",
            "seed": "-5",
        },
    ],
)
def test_bad_url_values_fall_back_to_defaults(params):
    assert_falls_back_to_defaults(PAGE, LossConfig, **params)


def test_moving_the_outlier_changes_the_fits_and_the_message():
    at = open_page(PAGE, lang="en")
    before, message = figures(at)[0]["frames"][-1], at.info[0].value
    at.slider(key="outlier").set_value(-10.0).run()
    assert not at.exception
    assert figures(at)[0]["frames"][-1] != before and at.info[0].value != message


def test_code_expander_shows_the_functions_that_ran():
    at = open_page(PAGE)
    code = shown_code(at)
    for needle in ("def fit_outlier", "def fit_huber", "F.huber_loss", "def naive_bce", "BCEWithLogitsLoss"):
        assert needle in code
