"""The gradient-descent page in AppTest: every surface, deep links in both languages, bad URL values, Try this,
the 3-D view and the code."""

import pytest

import i18n
from core.descent.gradient import DescentConfig
from tests.apptest_helpers import figures, open_page, shown_code, state_config_of

GD = "views/gradient_descent.py"


@pytest.mark.parametrize("surface", ["bowl", "valley", "rosenbrock", "saddle", "himmelblau"])
def test_gradient_descent_every_surface(surface):
    at = open_page(GD, surface=surface)
    assert not at.exception and not at.error
    assert at.selectbox(key="surface").value == surface
    assert len(figures(at)) == 1  # the 3-D view is opt-in


def test_gradient_descent_deep_link_in_korean():
    at = open_page(GD, surface="rosenbrock", x0=-1.5, y0=2, lr=0.002, steps=200, lang="ko")
    assert not at.exception
    assert at.title[0].value == "경사하강법"
    assert (at.slider(key="x0").value, at.slider(key="y0").value, at.slider(key="steps").value) == (-1.5, 2.0, 200)
    assert at.number_input(key="lr").value == pytest.approx(0.002)
    assert "200단계 뒤 손실이" in at.success[0].value


@pytest.mark.parametrize(("lang", "needle"), [("en", "diverged at step 4"), ("ko", "4단계에서 발산")])
def test_gradient_descent_divergence_message(lang, needle):
    at = open_page(GD, surface="bowl", lr=5, lang=lang)
    assert not at.exception
    assert len(at.error) == 1 and needle in at.error[0].value
    assert len(figures(at)) == 1  # the steps before the stop are still drawn


BAD = {
    "surface": ["nope", "안녕하세요😀"],
    "lr": ["abc", "-1", "1e9"],
    "steps": ["99999"],
    "x0": ["nan"],
    "y0": ["inf"],
}


@pytest.mark.parametrize(
    ("key", "value"), [(k, v) for k, values in BAD.items() for v in values] + [("lang", "xx"), ("seed", "-5")]
)
def test_bad_url_values_fall_back_to_defaults(key, value):
    at = open_page(GD, **{key: value})
    assert not at.exception and not at.error
    assert state_config_of(at, DescentConfig) == DescentConfig()  # bowl, x0 2, y0 1.5, lr 0.1, 30 steps


def test_try_this_applies_its_settings_in_one_click():
    at = open_page(GD, lang="en")
    at.selectbox(key="try_gd_pick").set_value("banana").run()
    at.button(key="try_gd_apply").click().run()
    assert not at.exception
    assert at.selectbox(key="surface").value == "rosenbrock"
    assert at.number_input(key="lr").value == pytest.approx(0.002)
    assert at.slider(key="steps").value == 200
    at.selectbox(key="try_gd_pick").set_value("diverge").run()
    at.button(key="try_gd_apply").click().run()
    assert at.selectbox(key="surface").value == "bowl" and at.number_input(key="lr").value == pytest.approx(1.1)
    at.button(key="try_gd_reset").click().run()
    assert at.number_input(key="lr").value == pytest.approx(0.1)


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_gradient_descent_3d_view_is_one_toggle_away(lang):

    at = open_page(GD, surface="himmelblau", view3d="true", lang=lang)
    assert not at.exception and at.toggle(key="view3d").value is True
    charts = figures(at)
    assert len(charts) == 2
    assert [d["type"] for d in charts[1]["data"]] == ["surface", "scatter3d", "scatter3d"]
    assert len(charts[1]["frames"]) == len(charts[0]["frames"])
    at.toggle(key="view3d").set_value(False).run()
    assert len(figures(at)) == 1


def test_code_expander_shows_the_functions_that_ran():
    at = open_page(GD, surface="himmelblau")
    assert not at.code  # closed: the source is not sent on every rerun
    code = shown_code(at)
    assert "def run_gradient_descent" in code and "def himmelblau" in code and "optimizer.step()" in code


def test_changing_a_control_changes_the_chart():

    at = open_page(GD)
    before = figures(at)[0]
    at.number_input(key="lr").set_value(0.3).run()
    after = figures(at)[0]
    assert len(after["frames"]) == len(before["frames"])
    assert after["frames"][5]["data"][0] != before["frames"][5]["data"][0]
