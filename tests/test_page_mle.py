"""The maximum-likelihood page in AppTest: deep links, bad URL values, both languages, Try this, the code shown."""

import pytest

from tests.apptest_helpers import figures, open_page, shown_code, table_values
from tests.test_experiments import apply_experiment

PAGE = "views/mle.py"


@pytest.mark.parametrize("dist", ["coin", "die", "gaussian"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_each_distribution_climbs_to_its_closed_form(dist, lang):
    at = open_page(PAGE, dist=dist, lang=lang)
    assert not at.exception and not at.error and not at.warning
    assert at.radio(key="dist").value == dist
    assert len(at.success) == 1
    fig = figures(at)[0]
    assert len(fig["frames"]) == 60 and fig["frames"][-1]["name"] == "300"
    tables = [list(table_values(at, f"mle_{name}").values()) for name in ("mse", "ce")]  # the two identities
    differences = [
        v for quantity, value in tables for q, v in zip(quantity, value, strict=True) if q in ("difference", "차이")
    ]
    assert len(differences) == 3 and max(differences) < 1e-6


def test_deep_link_with_true_parameters():
    at = open_page(PAGE, dist="gaussian", n=200, mu=-2, sigma=0.5, lang="en")
    assert not at.exception
    assert (at.slider(key="n").value, at.slider(key="mu").value, at.slider(key="sigma").value) == (200, -2.0, 0.5)
    assert at.slider(key="p").disabled and not at.slider(key="mu").disabled


@pytest.mark.parametrize(("lang", "needle"), [("en", "on the edge"), ("ko", "경계에 있습니다")])
def test_a_face_never_seen_is_explained(lang, needle):
    at = open_page(PAGE, dist="die", n=5, lang=lang)
    assert not at.exception
    assert len(at.warning) == 1 and needle in at.warning[0].value


@pytest.mark.parametrize(
    "params",
    [{"dist": "poisson"}, {"n": "0"}, {"n": "abc"}, {"p": "2"}, {"die": "cheat"}, {"mu": "nan"}, {"sigma": "0"},
     {"lr": "-1"}, {"steps": "99999"}, {"dist": "안녕😀"}],
)  # fmt: skip
def test_bad_url_values_fall_back_to_defaults(params):
    at = open_page(PAGE, **params)
    assert not at.exception and not at.error
    assert at.radio(key="dist").value == "coin" and at.selectbox(key="die").value == "loaded"
    assert (at.slider(key="n").value, at.slider(key="steps").value) == (30, 300)
    assert at.slider(key="p").value == pytest.approx(0.7) and at.number_input(key="lr").value == pytest.approx(0.1)


def test_try_this_applies_and_resets():
    at = apply_experiment(open_page(PAGE, lang="en"), "slow")
    assert at.radio(key="dist").value == "gaussian" and at.number_input(key="lr").value == pytest.approx(0.005)
    assert at.warning and "Raise the learning rate" in at.warning[0].value
    at.button(key="try_mle_reset").click().run()
    assert at.radio(key="dist").value == "coin" and not at.warning


def test_code_expander_shows_the_functions_that_ran():
    at = open_page(PAGE)
    code = shown_code(at)
    assert "def ascend" in code and "maximize=True" in code and "def closed_form" in code
    assert "def identities" in code and "cross_entropy" in code and "gaussian_nll_loss" in code
