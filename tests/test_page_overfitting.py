"""The overfitting page in AppTest: deep links, bad URL values, both languages, Try this, the code shown."""

import pytest

from tests.apptest_helpers import figures, open_page, shown_code
from tests.test_experiments import apply_experiment

PAGE = "views/overfitting.py"


def test_defaults_draw_three_charts_with_frames_and_report_the_test_score_once():
    at = open_page(PAGE, lang="en")
    assert not at.exception and not at.error
    charts = figures(at)
    assert len(charts) == 3  # the polynomial sweep, the learning curve, the MLP
    poly, _, mlp = charts
    assert [f["name"] for f in poly["frames"]] == [str(d) for d in range(1, 16)]
    assert poly["layout"]["sliders"][0]["active"] == 2  # degree 3 is shown first
    assert len(mlp["frames"]) > 20 and mlp["frames"][-1]["name"] == "300"
    assert sum("Test MSE" in s.value for s in at.success) == 1
    assert "touched only now" in at.success[-1].value


@pytest.mark.parametrize(("lang", "needle"), [("en", "overfits"), ("ko", "과적합입니다")])
def test_deep_link_to_degree_15_says_it_overfits(lang, needle):
    at = open_page(PAGE, degree=15, n=16, lang=lang)
    assert not at.exception
    assert at.slider(key="degree").value == 15
    assert len(at.warning) == 1 and needle in at.warning[0].value
    assert figures(at)[0]["layout"]["sliders"][0]["active"] == 14


def test_deep_link_to_mlp_settings():
    at = open_page(PAGE, width="256", epochs=200, patience=5, lang="ko")
    assert not at.exception
    assert at.selectbox(key="width").value == "256"
    assert (at.slider(key="epochs").value, at.slider(key="patience").value) == (200, 5)
    assert figures(at)[2]["frames"][-1]["name"] == "200"


@pytest.mark.parametrize(
    "params",
    [{"degree": "99"}, {"degree": "abc"}, {"n": "3"}, {"n": "nan"}, {"noise": "-1"}, {"width": "1000"},
     {"epochs": "1e9"}, {"patience": "0"}, {"width": "안녕😀"}],
)  # fmt: skip
def test_bad_url_values_fall_back_to_defaults(params):
    at = open_page(PAGE, **params)
    assert not at.exception and not at.error
    assert (at.slider(key="degree").value, at.slider(key="n").value) == (3, 16)
    assert at.slider(key="noise").value == pytest.approx(0.3)
    assert at.selectbox(key="width").value == "64"
    assert (at.slider(key="epochs").value, at.slider(key="patience").value) == (300, 20)


def test_try_this_applies_and_resets():
    at = apply_experiment(open_page(PAGE, lang="en"), "more_data")
    assert (at.slider(key="degree").value, at.slider(key="n").value) == (15, 200)
    assert at.info and not at.exception
    at.button(key="try_over_reset").click().run()
    assert (at.slider(key="degree").value, at.slider(key="n").value) == (3, 16)


def test_changing_the_data_size_changes_the_charts():
    at = open_page(PAGE)
    before = figures(at)
    at.slider(key="n").set_value(40).run()
    after = figures(at)
    assert after[0]["frames"][5]["data"][0] != before[0]["frames"][5]["data"][0]
    assert after[2]["frames"][5]["data"][0] != before[2]["frames"][5]["data"][0]


def test_code_expander_shows_the_functions_that_ran():
    at = open_page(PAGE)
    code = shown_code(at)
    assert "def sweep" in code and "def fit_poly" in code and "torch.linalg.lstsq" in code
    assert "def train_mlp" in code and "class EarlyStopping" in code and "opt.step()" in code
