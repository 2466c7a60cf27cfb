"""The optimizer-race page in AppTest: deep links (both optims forms), bad URL values, messages, Try this."""

import pytest

from core.descent.race import OPTIMIZERS, RaceConfig
from tests.apptest_helpers import APP, TIMEOUT, figures, open_page, shown_code, state_config_of
from tests.test_experiments import apply_experiment

PAGE = "views/optimizers.py"


def chart(at, i=0) -> dict:
    return figures(at)[i]


def legend_names(at) -> list[str]:
    return [tr.get("name") for tr in chart(at)["data"] if tr.get("showlegend") is not False and tr.get("name")]


def test_done_when_link_shows_the_race_in_korean():
    at = open_page(PAGE, optims="sgd,momentum,adam", surface="rosenbrock", lang="ko")
    assert not at.exception
    assert at.title[0].value == "옵티마이저 경주"
    assert at.multiselect(key="optims").value == ["sgd", "momentum", "adam"]
    assert at.selectbox(key="surface").value == "rosenbrock"
    assert at.number_input(key="lr").value == pytest.approx(0.002) and at.slider(key="steps").value == 300
    assert legend_names(at)[-3:] == ["SGD(기본)", "모멘텀", "Adam(적응 모멘트)"]
    assert "1등" in at.success[0].value
    assert len(figures(at)) == 2  # the race and the momentum ledger (Adam's is one click away)


def test_streamlits_repeated_parameter_form_works_too():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page(PAGE)
    at.query_params["optims"] = ["adam", "rmsprop"]  # ?optims=adam&optims=rmsprop, as Streamlit writes it
    at.run()
    assert not at.exception
    assert at.multiselect(key="optims").value == ["adam", "rmsprop"]
    assert legend_names(at)[-2:] == ["RMSprop", "Adam"]  # drawn in the book's order


def test_deep_link_sets_every_hyperparameter():
    at = open_page(
        PAGE, surface="saddle", lr=0.03, steps=120, momentum=0.8, beta1=0.5, beta2=0.99, alpha=0.9, eps=1e-06, noise=0.3
    )
    assert not at.exception and not at.error
    got = [at.slider(key=k).value for k in ("steps", "momentum", "beta1", "beta2", "alpha", "noise")]
    assert got == [120, 0.8, 0.5, 0.99, 0.9, 0.3]
    assert float(at.select_slider(key="eps").value) == pytest.approx(1e-6)
    assert any("σ = " in i.value and "(seed 0)" in i.value for i in at.info)


BAD = {"surface": ["nope", "안녕😀"], "optims": ["bogus", "sgd,,nope"], "lr": ["abc", "-1"], "steps": ["99999"],
       "momentum": ["7"], "beta1": ["nan"], "beta2": ["2"], "eps": ["3"], "noise": ["-1"]}  # fmt: skip


@pytest.mark.parametrize(("key", "value"), [(k, v) for k, values in BAD.items() for v in values])
def test_bad_url_values_fall_back_to_defaults(key, value):
    at = open_page(PAGE, **{key: value})
    assert not at.exception and not at.error
    expected = RaceConfig(optims=("sgd",)) if value == "sgd,,nope" else RaceConfig()  # the one known ID is kept
    assert state_config_of(at, RaceConfig) == expected  # valley, every optimizer, lr 0.1, 60 steps, eps 1e-8 …
    assert float(at.select_slider(key="eps").value) == pytest.approx(1e-8)


@pytest.mark.parametrize(("lang", "needle"), [("en", "SGD diverged at step"), ("ko", "SGD(기본): ")])
def test_divergence_is_reported_per_optimizer(lang, needle):
    at = open_page(PAGE, surface="rosenbrock", optims="sgd,momentum,adam", lr=0.05, steps=500, lang=lang)
    assert not at.exception
    assert len(at.error) == 2 and needle in at.error[0].value
    if lang == "ko":
        assert "발산하여 멈췄습니다" in at.error[0].value
    assert len(figures(at)) == 2  # the steps before the stop are still drawn


@pytest.mark.parametrize(("lang", "needle"), [("en", "Pick at least one optimizer"), ("ko", "하나 이상 고르세요")])
def test_an_empty_race_says_what_to_do(lang, needle):
    at = open_page(PAGE, lang=lang)
    at.multiselect(key="optims").set_value([]).run()
    assert not at.exception
    assert needle in at.warning[0].value
    assert len(figures(at)) == 1  # the from-scratch ledger still runs


def test_try_this_applies_its_settings_and_resets():
    at = apply_experiment(open_page(PAGE, lang="en"), "banana_adam")
    assert at.selectbox(key="surface").value == "rosenbrock"
    assert at.multiselect(key="optims").value == ["sgd", "momentum", "adam"]
    assert (at.number_input(key="lr").value, at.slider(key="steps").value) == (pytest.approx(0.05), 500)
    apply_experiment(at, "noise")
    assert at.slider(key="noise").value == 0.2 and at.selectbox(key="surface").value == "valley"
    at.button(key="try_opt_reset").click().run()
    assert at.slider(key="noise").value == 0.0 and at.multiselect(key="optims").value == list(OPTIMIZERS)


def test_choosing_a_surface_applies_its_preset_and_changes_the_race():
    at = open_page(PAGE)
    before = chart(at)["frames"][10]["data"][0]
    at.selectbox(key="surface").set_value("himmelblau").run()
    assert (at.number_input(key="lr").value, at.slider(key="steps").value) == (pytest.approx(0.01), 100)
    assert chart(at)["frames"][10]["data"][0] != before


def test_code_expander_shows_torch_optim_and_the_hand_written_updates():
    at = open_page(PAGE)
    code = shown_code(at)
    for needle in ("def race", "torch.optim.Adam(", "def adam_step", "def momentum_step", "manual_seed(seed)"):
        assert needle in code


def test_the_global_seed_draws_the_noise():
    frames = {s: chart(open_page(PAGE, noise=0.5, seed=s))["frames"][-1]["data"][0] for s in (0, 3)}
    again = chart(open_page(PAGE, noise=0.5, seed=3))["frames"][-1]["data"][0]
    assert frames[0] != frames[3] and frames[3] == again


def ledger_titles(at) -> list[str]:
    return [a["text"] for a in figures(at)[-1]["layout"]["annotations"]]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_one_ledger_at_a_time_picked_by_its_control_or_the_link(lang):
    """The hand-written update of momentum, or of Adam by ?ledger=adam or the control; a bad value gets momentum."""
    from i18n import t

    at = open_page(PAGE, lang=lang)
    assert at.segmented_control(key="ledger").value == "momentum"
    assert t("opt.scratch_velocity", lang) in ledger_titles(at)
    at.segmented_control(key="ledger").set_value("adam").run()
    assert not at.exception
    assert t("opt.scratch_moment1", lang) in ledger_titles(at) and at.query_params["ledger"] == "adam"
    linked = open_page(PAGE, lang=lang, ledger="adam")
    assert linked.segmented_control(key="ledger").value == "adam"
    assert ledger_titles(linked) == ledger_titles(at)
    for bad in ("nope", "안녕😀", ""):
        fallback = open_page(PAGE, lang=lang, ledger=bad)
        assert not fallback.exception and not fallback.error
        assert fallback.segmented_control(key="ledger").value == "momentum"
