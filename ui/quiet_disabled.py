"""A disabled widget is not sent again as a new value on every rerun when the browser already shows that value.

Streamlit 1.67 enforces ``disabled`` on the server: the value a disabled widget's browser sends back with
every rerun is dropped as possibly forged, and the widget is flagged to adopt the server's value
(``RegisterWidgetResult.value_changed``, sent as ``set_value``). It is flagged on every run, even when the
browser sent the very value the server resolves. A widget sent with ``set_value`` cannot reuse its previous
payload in the browser, so it is rendered from scratch on every rerun: a disabled select box ~5 ms of the
browser's main thread, a disabled slider three renders, each measuring its thumb and label (a forced layout).
/logistic-regression has three disabled controls at its defaults (classes for two-class data sets, hidden
layers and activation of a linear model): ~10 ms of every change of any other control.

``install()`` wraps ``SessionState.register_widget``: when a disabled widget is flagged and the browser's
value, as sent, is exactly what the server would send for the value it resolved, the flag is dropped. The
server's value still wins (the browser's is discarded as before); only the redundant instruction to adopt
a value the browser already holds is not sent. A value that differs (forged, or a label in another
language) and a value the page set this run (``st.session_state[key] = ...``) keep the flag.
"""

from __future__ import annotations

import dataclasses
import functools

from streamlit.runtime.state.session_state import SessionState, WStates


def _serialized(metadata, value):
    """The wire form (WidgetState proto) the server would send for ``value`` of the widget ``metadata``."""
    probe = WStates(widget_metadata={metadata.id: metadata})
    probe.set_from_value(metadata.id, value)
    return probe.get_serialized(metadata.id)


def _same_value(sent, resolved) -> bool:
    field = sent.WhichOneof("value")
    return (
        field is not None and field == resolved.WhichOneof("value") and getattr(sent, field) == getattr(resolved, field)
    )


def _quiet(register):
    @functools.wraps(register)
    def register_widget(self, metadata, user_key):
        sent = self._new_widget_state.get_serialized(metadata.id) if metadata.disabled else None
        result = register(self, metadata, user_key)
        if (
            sent is not None
            and result.value_changed
            and not (user_key is not None and self.is_new_state_value(user_key))
            and _same_value(sent, _serialized(metadata, result.value))
        ):
            return dataclasses.replace(result, value_changed=False)
        return result

    register_widget.__quiet_disabled__ = register
    return register_widget


def install() -> bool:
    """Wrap ``SessionState.register_widget`` once; False if this Streamlit has no such method."""
    register = getattr(SessionState, "register_widget", None)
    if register is None:
        return False
    if not hasattr(register, "__quiet_disabled__"):
        SessionState.register_widget = _quiet(register)
    return True
