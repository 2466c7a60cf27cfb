"""Language and seed: the two global URL parameters, and the ``t`` helper pages use."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

import i18n

SEED_MAX = 99_999
NAMES = {"ko": "한국어", "en": "English"}  # each language named in itself, in both languages


def browser_lang() -> str:
    """The language the browser asks for (Korean for ko*, else English)."""
    try:
        locale = st.context.locale
    except Exception:  # no browser context (bare runs)
        locale = None
    return i18n.lang_from_locale(locale)


def lang() -> str:
    """The current page language: the sidebar switch or ?lang=, else the browser's.

    Read once per script run: a page asks for it with every text (a few hundred times a run, each a trip
    through the session state's lock and widget lookups, 3-4 ms of a change). The run is known by its
    script run context's per-run coordinator, a new object every run (held here, so its identity is not
    reused); the language switch forgets the value it may have changed."""
    ctx = get_script_run_ctx()
    run = getattr(ctx, "parallel_coordinator", None)
    memo = getattr(ctx, "_dl_lang", None)
    if run is not None and memo is not None and memo[0] is run:
        return memo[1]
    # Before the switch is drawn in a session, its URL value is not in session_state yet.
    value = (
        i18n.normalize_lang(st.session_state.get("lang"))
        or i18n.normalize_lang(st.query_params.get("lang"))
        or browser_lang()
    )
    if run is not None:
        ctx._dl_lang = (run, value)
    return value


def _forget_lang() -> None:
    ctx = get_script_run_ctx()
    if ctx is not None:
        ctx._dl_lang = None


def t(key: str, **fmt) -> str:
    """``key`` in the current language."""
    return i18n.t(key, lang(), **fmt)


def language_switch() -> str:
    """Sidebar language radio kept in ?lang= on every page, even at the browser's language; returns it."""
    # Not bound: a bound widget at its default is left out of the URL, and a copied link
    # must open in the language it was copied in, whatever the reader's browser says.
    from ui.options import option  # here, not at the top: ui.options uses this module's t

    option(
        st.sidebar.radio,
        "lang",
        "app.lang",
        options=i18n.LANGS,
        labels=NAMES.get,
        default=browser_lang(),
        always=True,
        horizontal=True,
    )
    _forget_lang()
    return lang()


def seed() -> int:
    """The global seed (?seed=), for pages whose data or initialisation is random."""
    return int(st.session_state.get("seed", 0))


def seed_control() -> int:
    """Sidebar seed input bound to ?seed=; returns the seed."""
    return int(
        st.sidebar.number_input(
            t("app.seed_label"),
            min_value=0,
            max_value=SEED_MAX,
            value=0,
            step=1,
            key="seed",
            bind="query-params",
            help=t("app.seed_help"),
        )
    )
