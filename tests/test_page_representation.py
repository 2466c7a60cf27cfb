"""/representation in AppTest: deep links, bad URL values, a picked digit, the interpolation strip."""

from __future__ import annotations

import pytest

from core.common.params import from_query
from core.digits.autoencoder import ReprConfig, StripConfig, train_autoencoder
from tests.apptest_helpers import figures, open_page, state_config_of

PAGE = "views/representation.py"
SMALL = {"epochs": 5, "hidden": "16"}


def test_deep_link_sets_training_and_strip_controls():
    at = open_page(PAGE, lang="en", hidden="32", activation="relu", epochs=8, lr=0.02, start="3", end="8", seed=2)
    assert not at.exception and not at.error
    cfg = state_config_of(at, ReprConfig)
    assert cfg == ReprConfig("32", "relu", 8, 0.02, 2)
    assert state_config_of(at, StripConfig) == StripConfig("3", "8")
    run = train_autoencoder(cfg)
    assert at.metric[0].value == f"{run.mse:.4f}" and at.metric[2].value == f"{run.probes['latent']:.1%}"
    main = figures(at)[0]
    assert main["frames"][-1]["name"] == "8" and len(main["data"]) == 20  # 10 digits on each panel
    assert "a 3 and a 8" in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize(
    "params",
    [{"hidden": "9999"}, {"activation": "<img src=x>"}, {"epochs": "-4"}, {"lr": "inf"}, {"start": "x"},
     {"end": "[a](http://e.com)"}, {"seed": "abc"}, {"epochs": "안녕😀"}],
)  # fmt: skip
def test_bad_url_values_fall_back_to_defaults(params):
    at = open_page(PAGE, lang="ko", **(SMALL | params))
    assert not at.exception
    (name,) = params
    query = {k: str(v) for k, v in SMALL.items() if k != name}
    if name in ("start", "end"):
        assert state_config_of(at, StripConfig) == StripConfig()
    else:
        assert state_config_of(at, ReprConfig) == from_query(ReprConfig, query)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_clicked_digit_is_decoded_beside_its_original(lang):
    at = open_page(PAGE, lang=lang, **SMALL)
    at.session_state["repr_pick"] = (5, 2)  # the third test 5
    at.run()
    assert not at.exception
    caption = next(c.value for c in at.caption if "12×12" in c.value)
    assert (" digit 5" if lang == "en" else "숫자 5") in caption
    run = train_autoencoder(from_query(ReprConfig, {k: str(v) for k, v in SMALL.items()}))
    index = [i for i, y in enumerate(run.split.y_test) if y == 5][2]
    z = run.codes[-1][index]
    assert f"({z[0]:.2f}, {z[1]:.2f})" in caption


def test_an_out_of_range_pick_falls_back_to_the_first_test_digit():
    at = open_page(PAGE, lang="en", **SMALL)
    at.session_state["repr_pick"] = (3, 10_000)
    at.run()
    assert not at.exception
