"""The page anatomy of DESIGN.md: header, formula, bound controls, "Try this", "PyTorch code"."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field

import streamlit as st

from ui.registry import PAGES
from ui.state import t


def header(url_path: str, intro_key: str) -> None:
    """Title with the chapter badge(s) and the page's few sentences of intuition."""
    spec = next(p for p in PAGES if p.url_path == url_path)
    chapters = ", ".join(str(c) for c in spec.chapters)
    badge_key = "chapter.badge" if len(spec.chapters) == 1 else "chapter.badges"
    st.badge(t(badge_key, n=chapters), icon=":material/menu_book:", color="blue")
    st.title(t(f"page.{url_path}.title"))
    st.markdown(t(intro_key))


def formula(latex: str, note_key: str | None = None) -> None:
    """The governing formula, with an optional one-line reading of it."""
    st.latex(latex)
    if note_key:
        st.caption(t(note_key))


def bound(widget: Callable, key: str, text: str, **kwargs):
    """Render ``widget`` bound to ?``key``=, labelled by i18n ``text`` with help ``text``_help."""
    return widget(t(text), key=key, help=t(f"{text}_help"), bind="query-params", **kwargs)


@dataclass(frozen=True)
class Experiment:
    id: str  # i18n keys <prefix>.try.<id>.name / .what
    settings: dict = field(default_factory=dict)  # widget key -> value applied in one click


def _apply(settings: dict, name: str) -> None:
    for key, value in settings.items():
        st.session_state[key] = value
    st.session_state["_applied"] = name


def try_this(prefix: str, experiments: list[Experiment], defaults: dict) -> None:
    """Guided experiments, each applying its settings in one click, plus a reset to defaults."""
    st.subheader(t("ui.try_this"))
    applied = st.session_state.pop("_applied", None)
    if applied:
        st.toast(t("ui.try_applied", name=applied), icon=":material/check:")
    for exp in experiments:
        name = t(f"{prefix}.try.{exp.id}.name")
        text_col, button_col = st.columns([5, 1], vertical_alignment="center")
        text_col.markdown(f"**{name}** · {t(f'{prefix}.try.{exp.id}.what')}")
        button_col.button(
            t("ui.try_apply"),
            key=f"try_{prefix}_{exp.id}",
            on_click=_apply,
            args=(exp.settings, name),
            icon=":material/play_arrow:",
            width="stretch",
        )
    st.button(
        t("ui.reset"),
        key=f"try_{prefix}_reset",
        on_click=_apply,
        args=(defaults, t("ui.reset")),
        icon=":material/restart_alt:",
    )


def code_expander(*functions: Callable) -> None:
    """Show the real source of the core functions that produced the page's charts."""
    with st.expander(t("ui.code"), icon=":material/code:"):
        st.caption(t("ui.code_note"))
        for fn in functions:
            st.code(f"# {fn.__module__}.{fn.__qualname__}\n" + inspect.getsource(fn), language="python")
