"""Presenter view (?present=true): the same state, laid out for a projector."""

from __future__ import annotations

import streamlit as st

TRUE = ("true", "1", "yes", "on")


def presenting() -> bool:
    """Whether the presenter view is on (the sidebar toggle, or ?present= before the toggle is drawn)."""
    if "present" in st.session_state:
        return bool(st.session_state["present"])
    return str(st.query_params.get("present", "")).lower() in TRUE


def presenter_toggle(label: str, help_text: str) -> bool:
    """Sidebar toggle bound to ?present=; returns whether the presenter view is on."""
    return st.sidebar.toggle(label, value=False, key="present", help=help_text, bind="query-params")
