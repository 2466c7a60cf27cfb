"""The backprop page in AppTest: deep links, both graph modes, bad URL values, both languages, the checks shown."""

import pytest

from core.backprop import BackpropConfig
from tests.apptest_helpers import (
    assert_falls_back_to_defaults,
    figures,
    open_page,
    shown_code,
    state_config_of,
    table_values,
)

PAGE = "views/backprop.py"


def heads(graph: dict) -> list[str]:
    """The node boxes' first lines (name = value), from the graph's last trace (viz/backprop.py)."""
    return [text.split("<br>")[0] for text in graph["data"][-1]["text"]]


def grads(graph: dict) -> list[str]:
    """The node boxes' second lines in the last frame (∇ = ∂L/∂node)."""
    return [text.split("<br>")[1] for text in graph["frames"][-1]["data"][-1]["text"]]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_default_network_draws_the_graph_and_agrees_three_ways(lang):
    at = open_page(PAGE, lang=lang)
    assert not at.exception and not at.error and not at.warning
    graph, compare = figures(at)
    assert len(graph["frames"]) == 8  # forward, ∂L/∂L = 1, six backward steps
    assert len(heads(graph)) == 18  # one box per node
    assert [d["name"] for d in compare["data"]] == [
        {"en": "graph (chain rule)", "ko": "그래프 (연쇄 법칙)"}[lang],
        {"en": "torch .grad", "ko": "torch의 .grad"}[lang],
        {"en": "central difference", "ko": "중심 차분"}[lang],
    ]
    assert {"en": "All 17 gradients agree", "ko": "기울기 17개가 모두 일치"}[lang] in at.success[0].value
    grads = table_values(at, "bp_grads")
    assert all(len(column) == 17 for column in grads.values())


def test_deep_link_sets_every_value():
    at = open_page(PAGE, act="tanh", loss="bce", x1=-1.5, y=0.25, w22=-1.2, bo=0.4, lang="en")
    assert not at.exception and not at.warning
    cfg = state_config_of(at, BackpropConfig)
    assert (cfg.act, cfg.loss, cfg.x1, cfg.y, cfg.w22, cfg.bo) == ("tanh", "bce", -1.5, 0.25, -1.2, 0.4)
    graph = figures(at)[0]
    assert len(graph["frames"]) == 9  # the p = σ(o) node adds a step
    assert any("<b>p</b> =" in text for text in heads(graph))


def test_expression_mode_shows_its_own_leaves():
    at = open_page(PAGE, mode="expression", a=1, b=2, c=-1, d=0.5, lang="ko")
    assert not at.exception
    keys = {s.key for s in at.slider}
    assert {"a", "b", "c", "d"} <= keys and "x1" not in keys and "w11" not in keys
    graph, compare = figures(at)
    assert len(graph["frames"]) == 6 and compare["data"][0]["x"] == ["a", "b", "c", "d"]
    assert "기울기 8개가 모두 일치" in at.success[0].value


@pytest.mark.parametrize(("lang", "needle"), [("en", "BCE loss is infinite"), ("ko", "BCE 손실이 무한대")])
def test_a_saturated_output_is_explained_not_crashed(lang, needle):
    extreme = dict.fromkeys(("x1", "x2", "w11", "w12", "w21", "w22", "b1", "b2", "v1", "v2", "bo"), 2)
    at = open_page(PAGE, act="relu", loss="bce", y=0, lang=lang, **extreme)
    assert not at.exception
    assert len(at.warning) == 1 and needle in at.warning[0].value


@pytest.mark.parametrize(
    "params",
    [
        {"mode": "nope"},
        {"act": "gelu"},
        {"loss": "hinge"},
        {"x1": "abc"},
        {"x1": "9"},
        {"y": "-1"},
        {"w11": "nan"},
        {"bo": "inf"},
        {"a": "1e9"},
        {"mode": "안녕😀"},
    ],
)
def test_bad_url_values_fall_back_to_defaults(params):
    at = assert_falls_back_to_defaults(PAGE, BackpropConfig, **params)
    assert at.success, "the default graph is not drawn"


def test_changing_an_input_changes_values_and_gradients():
    at = open_page(PAGE, lang="en")
    before = figures(at)
    at.slider(key="x1").set_value(0.5).run()
    after = figures(at)
    assert heads(after[0]) != heads(before[0]), "the forward values"
    assert grads(after[0]) != grads(before[0]), "the gradients of the last frame"
    assert after[1]["data"][0]["y"] != before[1]["data"][0]["y"]


def test_code_expander_shows_the_engine_and_torch():
    at = open_page(PAGE)
    code = shown_code(at)
    assert "def backward" in code and "def central_differences" in code
    assert "loss.backward()" in code and "retain_grad()" in code
