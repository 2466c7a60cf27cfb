"""Option widgets show names in the page language while the URL keeps option IDs (ui/options.py)."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import APP, TIMEOUT, open_page
from ui import registry

HANGUL = re.compile(r"[\uac00-\ud7a3]")
PAGES = [spec.file for spec in registry.built()]
GD = "views/gradient_descent.py"


def option_widgets(at: AppTest):
    return [*at.selectbox, *at.radio, *at.multiselect, *at.get("button_group")]


@pytest.mark.parametrize("page", PAGES)
def test_korean_page_shows_hangul_option_names_and_keeps_ids(page):
    at = open_page(page, lang="ko")
    assert not at.exception
    widgets = [w for w in option_widgets(at) if w.key != "lang"]
    assert widgets, "the page has option widgets"
    for w in widgets:
        labels = [o for o in w.options if not re.fullmatch(r"[\d,.]+", o)]  # plain numbers need no translation
        assert all(HANGUL.search(o) for o in labels), (w.key, w.options)
        value = w.value if isinstance(w.value, list) else [w.value]
        assert not any(HANGUL.search(str(v)) for v in value), (w.key, w.value)  # the value is the ID


def test_choice_goes_to_the_url_as_an_id_and_survives_a_language_switch():
    at = open_page(GD, lang="ko")
    assert at.selectbox(key="surface").options[2].startswith("로젠브록")
    at.selectbox(key="surface").set_value("rosenbrock").run()
    assert at.query_params["surface"] == "rosenbrock"
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.selectbox(key="surface").value == "rosenbrock"
    assert at.selectbox(key="surface").options[2] == "Rosenbrock banana valley"
    proto = at.selectbox(key="surface").proto  # the browser is told the new label, not left showing the old one
    assert proto.set_value and proto.raw_value == "Rosenbrock banana valley"
    assert at.query_params["surface"] == "rosenbrock" and at.query_params["lang"] == "en"
    at.selectbox(key="surface").set_value("bowl").run()  # the default leaves the URL, as bound widgets do
    assert "surface" not in at.query_params


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_id_in_the_url_works_in_both_languages(lang):
    at = open_page(GD, surface="rosenbrock", lang=lang)
    assert not at.exception and at.selectbox(key="surface").value == "rosenbrock"
    assert at.query_params["surface"] == "rosenbrock" and at.query_params["lang"] == lang


@pytest.mark.parametrize("bad", ["nope", "로젠브록 바나나 골짜기", "Rosenbrock banana valley", ""])
def test_a_bad_id_falls_back_to_the_default_quietly(bad):
    at = open_page(GD, surface=bad, lang="ko")
    assert not at.exception and not at.error
    assert at.selectbox(key="surface").value == "bowl"
    assert "surface" not in at.query_params


def test_multiselect_ids_round_trip_through_the_url():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = "ko"
    at.run()
    at.switch_page("views/optimizers.py")
    at.query_params["optims"] = ["sgd", "adam", "bogus"]
    at.run()
    ms = at.multiselect(key="optims")
    assert ms.value == list(ms.value) and sorted(ms.value) == sorted(
        ["sgd", "momentum", "nesterov", "rmsprop", "adagrad", "adam"]
    )  # one unknown ID: the whole list falls back to the default
    at.query_params["optims"] = ["sgd", "adam"]
    at.switch_page("views/home.py").run()  # leave and come back: the widget is drawn afresh from the URL
    at.switch_page("views/optimizers.py")
    at.query_params["optims"] = ["sgd", "adam"]
    at.run()
    assert at.multiselect(key="optims").value == ["sgd", "adam"]
    ms = at.multiselect(key="optims")
    ms.set_value(["adam", "sgd"]).run()
    assert at.query_params["optims"] == ["adam", "sgd"]
    assert "Adam(적응 모멘트)" in at.multiselect(key="optims").options


def test_lang_is_in_the_url_even_at_the_browser_default():
    at = open_page(GD)
    assert at.query_params["lang"] == "en"
    at = open_page(GD, lang="en")
    assert at.query_params["lang"] == "en"
