"""Run the chosen page as one ``st.fragment``: a widget change on a page reruns that page, not the app.

A full run also executes ``app.py``: page config, the sidebar (language, seed, presenter switch) and
the navigation menu, and the browser re-renders all of it. Inside a fragment, a change of any control
on the page reruns only the page's script; everything on the page (charts, the code expander, what
a structural choice such as the surface or the data set changes) is in that fragment, so it updates
as before. The sidebar's own widgets and the menu still rerun the whole app.

``StreamlitPage.run`` may be called once per full run, so a fragment cannot call it again on its own
reruns; this runs the page's script as ``run`` does (its compiled code in a fresh ``__main__``, under
the page's script hash, which namespaces its widgets), through the same pages manager.
"""

from __future__ import annotations

import types

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui import heap


@st.fragment
def _page_script(path: str) -> None:
    try:
        _execute(path)
    finally:
        # The run's temporaries (training runs, arrays, figure JSON) are freed by now, its page's module with
        # them; glibc keeps their pages resident unless asked (0.4 ms a run, at most ~6; see ui/heap.py).
        heap.trim()


def _execute(path: str) -> None:
    ctx = get_script_run_ctx()
    code = ctx.pages_manager.get_page_script_byte_code(path)
    module = types.ModuleType("__main__")
    module.__dict__["__file__"] = path
    exec(code, module.__dict__)  # our own page script, as StreamlitPage.run executes it


def run(page) -> None:
    """Execute ``page`` (returned by ``st.navigation``) as a fragment; falls back to ``page.run()``
    if this Streamlit's page object lacks what the fragment needs."""
    ctx = get_script_run_ctx()
    path, script_hash = getattr(page, "_page", None), getattr(page, "_script_hash", None)
    if ctx is None or path is None or script_hash is None or not hasattr(ctx, "run_with_active_hash"):
        page.run()
        return
    with ctx.run_with_active_hash(script_hash):  # the fragment keeps this hash for its own reruns
        _page_script(str(path))
