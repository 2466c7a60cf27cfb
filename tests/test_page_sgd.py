"""The SGD page in AppTest: deep links, the batch-size choices, bad URL values, divergence, both languages."""

import pytest

from core.sgd import SGDConfig
from tests.apptest_helpers import (
    assert_falls_back_to_defaults,
    figures,
    open_page,
    shown_code,
    state_config_of,
    table_values,
)

PAGE = "views/sgd.py"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_default_page_draws_paths_and_the_noise_cloud(lang):
    at = open_page(PAGE, lang=lang)
    assert not at.exception and not at.error
    paths, noise = figures(at)
    assert len(paths["frames"]) == 41 and paths["frames"][-1]["name"] == "5"
    assert all(len(column) == 4 for column in table_values(at, "sgd_batches").values())  # 1, 8, 32, full
    assert {"en": "After 5 epochs", "ko": "5에포크 뒤"}[lang] in at.success[0].value
    assert any({"en": "16 batches", "ko": "배치 16개"}[lang] in c.value for c in at.caption)
    assert noise["data"][0]["name"].endswith("(B = 8)")


def test_batches_deep_link_takes_a_comma_list():
    at = open_page(PAGE, batches="1,8,full", shuffle="false", epochs=3, lang="en")
    assert not at.exception
    cfg = state_config_of(at, SGDConfig)
    assert cfg.batches == ("1", "8", "full") and cfg.shuffle is False and cfg.epochs == 3
    assert table_values(at, "sgd_batches")["batch size"] == ["B = 1", "B = 8", "full batch (B = 128)"]
    assert figures(at)[0]["frames"][-1]["name"] == "3"


def test_repeated_batches_parameters_work_too():
    at = open_page(PAGE, lang="en")
    at.query_params["batches"] = ["2", "64"]
    at.run()
    assert not at.exception


def test_a_size_that_does_not_divide_n_gets_a_smaller_last_batch():
    at = open_page(PAGE, n=100, batches="32,full", lang="en")
    assert not at.exception and not at.error
    assert list(table_values(at, "sgd_batches").values())[1] == [4, 1]  # 32 + 32 + 32 + 4


def test_no_batch_size_says_what_to_do():
    at = open_page(PAGE, lang="en")
    at.get("button_group")[0].set_value([]).run()
    assert not at.exception
    assert any("at least one batch size" in i.value for i in at.info)


@pytest.mark.parametrize(("lang", "needle"), [("en", "diverged at iteration"), ("ko", "번째 반복")])
def test_divergence_is_reported_per_batch_size(lang, needle):
    at = open_page(PAGE, lr=1.0, lang=lang)
    assert not at.exception
    assert at.error and needle in at.error[0].value
    assert len(figures(at)) == 2


@pytest.mark.parametrize(
    "params",
    [
        {"batches": "3"},
        {"batches": "1,huge"},
        {"task": "svm"},
        {"epochs": "999"},
        {"lr": "abc"},
        {"lr": "-1"},
        {"noise": "nan"},
        {"shuffle": "maybe"},
        {"cloud": "full"},
        {"w0": "inf"},
        {"task": "안녕😀"},
    ],
)
def test_bad_url_values_fall_back_to_defaults(params):
    assert_falls_back_to_defaults(PAGE, SGDConfig, **params)


def test_cloud_batch_size_changes_only_the_noise_chart():
    at = open_page(PAGE, lang="en")
    before = figures(at)
    at.selectbox(key="cloud").set_value("32").run()
    after = figures(at)
    assert after[0] == before[0]
    assert after[1]["data"][0]["name"].endswith("(B = 32)")


def test_code_expander_shows_the_training_loop():
    at = open_page(PAGE)
    code = shown_code(at)
    assert "def sgd_path" in code and "opt.step()" in code and "vmap(grad(" in code
