"""A disabled control is told to adopt the server's value only when the browser holds another one (ui/quiet_disabled.py).

Streamlit sends a disabled widget with ``set_value`` on every run; the browser then renders it from scratch on
every change of any other control. With the wrapper, a disabled widget whose browser value is the server's
is sent as before minus that flag (the same bytes every run), and every case where the browser must change
what it shows still carries it: a forged value, a label in another language, a value the page set.
"""

import pytest
from streamlit.runtime.state.session_state import SessionState

from tests.apptest_helpers import open_page
from ui import quiet_disabled, registry

LOGIT = "views/logistic_regression.py"  # moons, logistic model: classes, hidden layers and activation disabled
DISABLED = {"classes": 2, "hidden": "8,8", "activation": "tanh"}


KINDS = {"classes": "slider", "hidden": "selectbox", "activation": "selectbox"}


def control(at, key):
    return getattr(at, KINDS[key])(key=key)


def sent(at, key) -> bytes:
    return control(at, key).proto.SerializeToString(deterministic=True)


def test_a_disabled_control_is_sent_unchanged_when_another_control_moves():
    at = open_page(LOGIT, lang="en")
    payloads = []
    for noise in (0.25, 0.3, 0.25, 0.3):
        at.slider(key="noise").set_value(noise).run()
        assert not at.exception
        for key, value in DISABLED.items():
            w = control(at, key)
            assert w.proto.disabled and w.value == value
            assert not w.proto.set_value, key  # Streamlit's own register_widget sets it on every run
        payloads.append({key: sent(at, key) for key in DISABLED})
    assert all(p == payloads[0] for p in payloads)  # the same bytes every run: the browser reuses what it drew


@pytest.mark.parametrize(("key", "forged"), [("classes", 4), ("hidden", "16,16")])
def test_a_value_the_browser_sends_for_a_disabled_control_is_discarded_and_put_right(key, forged):
    at = open_page(LOGIT, lang="en")
    control(at, key)._value = forged  # what a browser would send for it (AppTest refuses to move a disabled widget)
    at.run()
    w = control(at, key)
    assert w.value == DISABLED[key] and w.proto.set_value  # the server's value, and the browser told to show it
    at.slider(key="noise").set_value(0.3).run()
    assert control(at, key).value == DISABLED[key] and not control(at, key).proto.set_value


def test_a_language_switch_sends_a_disabled_select_box_with_its_new_label():
    at = open_page("views/mle.py", lang="en")  # the normal distribution: the die's select box is disabled
    die = next(w for w in at.selectbox if w.key == "die")
    assert die.proto.disabled
    at.sidebar.radio(key="lang").set_value("ko").run()
    die = next(w for w in at.selectbox if w.key == "die")
    assert die.proto.set_value and die.options[0] == "공정한 주사위" and die.proto.raw_value.startswith("조작된")
    at.run()
    assert not next(w for w in at.selectbox if w.key == "die").proto.set_value


def test_a_value_the_page_sets_reaches_a_control_that_ends_up_disabled():
    at = open_page(LOGIT, lang="en", dataset="blobs")
    at.slider(key="classes").set_value(4).run()
    at.selectbox(key="try_logit_pick").set_value("xor_fail").run()
    at.button(key="try_logit_apply").click().run()  # xor: two classes, so the slider is disabled at 2
    w = control(at, "classes")
    assert w.proto.disabled and w.value == 2 and w.proto.set_value  # the browser showed 4


def test_install_wraps_once():
    assert quiet_disabled.install() and quiet_disabled.install()
    wrapped = SessionState.register_widget
    assert hasattr(wrapped, "__quiet_disabled__")
    assert not hasattr(wrapped.__quiet_disabled__, "__quiet_disabled__")


WIDGETS = ("slider", "selectbox", "number_input", "text_input", "checkbox", "toggle", "radio", "multiselect",
           "select_slider", "button_group")  # fmt: skip


@pytest.mark.parametrize("page", [spec.file for spec in registry.built()])
def test_no_control_is_sent_as_a_new_value_when_the_first_slider_moves(page):
    """Whatever its kind, disabled or not, a control the page does not change is sent as it was: a widget sent
    with ``set_value`` is rendered from scratch in the browser at every change."""
    at = open_page(page, lang="en")
    slider = next(w for w in at.slider if not w.proto.disabled)
    step = slider.proto.step
    other = slider.value + step if slider.value + step <= slider.proto.max else slider.value - step
    for value in (other, slider.value, other):
        next(w for w in at.slider if w.key == slider.key).set_value(type(slider.value)(value)).run()
        assert not at.exception
        flagged = [(kind, w.key) for kind in WIDGETS for w in at.get(kind) if getattr(w.proto, "set_value", False)]
        assert flagged == []
