"""Every page runs in AppTest in both languages, with deep links, bad URL values and "Try this"."""

import pytest

import i18n
from tests.apptest_helpers import english_only_strings, figures, open_page, shown_text
from ui import registry

PAGES = [None] + [spec.file for spec in registry.built()]


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_loads_in_each_language(page, lang):
    at = open_page(page, lang=lang)
    assert not at.exception
    text = shown_text(at)
    assert "⟦" not in text, "a raw i18n key is shown"
    if lang == "ko":
        leftovers = sorted(s for s in english_only_strings() if s in text)
        assert not leftovers, f"English left on a Korean page: {leftovers[:5]}"
        assert at.title[0].value != i18n.t("app.title", "en")


def test_home_maps_every_chapter_and_links_built_pages():
    at = open_page(None, lang="en")
    text = shown_text(at)
    for chapter in registry.CHAPTERS:
        assert i18n.t(f"chapter.{chapter}", "en") in text
    for spec in registry.PAGES:
        title = i18n.t(f"page.{spec.url_path}.title", "en")
        expected = i18n.t("home.open" if spec.file else "home.coming", "en", title=title)
        assert expected in text


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


@pytest.mark.parametrize(
    "params",
    [
        {"surface": "nope"},
        {"lr": "abc"},
        {"lr": "-1"},
        {"lr": "1e9"},
        {"steps": "99999"},
        {"x0": "nan"},
        {"y0": "inf"},
        {"lang": "xx"},
        {"seed": "-5"},
        {"surface": "안녕하세요😀"},
    ],
)
def test_bad_url_values_fall_back_to_defaults(params):
    at = open_page(GD, **params)
    assert not at.exception and not at.error
    assert at.selectbox(key="surface").value == "bowl"
    assert at.number_input(key="lr").value == pytest.approx(0.1)
    assert at.slider(key="steps").value == 30
    assert at.slider(key="x0").value == 2.0 and at.slider(key="y0").value == 1.5


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
    at.session_state["code_open"] = True
    code = "\n".join(c.value for c in at.run().code)
    assert "def run_gradient_descent" in code and "def himmelblau" in code and "optimizer.step()" in code


def test_changing_a_control_changes_the_chart():

    at = open_page(GD)
    before = figures(at)[0]
    at.number_input(key="lr").set_value(0.3).run()
    after = figures(at)[0]
    assert len(after["frames"]) == len(before["frames"])
    assert after["frames"][5]["data"][0] != before["frames"][5]["data"][0]
