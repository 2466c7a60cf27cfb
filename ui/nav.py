"""The page menu in the sidebar: one page link per page under its section's name.

``st.navigation``'s own sidebar menu is drawn from the app's state, so the browser renders every one of its
links again on each rerun, a page's own reruns (its fragment) included: ~2,800 React components a slider
change on a page, about 9 ms of its main thread (A/B over six pages, two runs each). The links here are
elements of the full run, outside the pages' fragments, which a page's rerun leaves as they are. The menu
shows what the built-in one did (sections, icons, the current page marked) and lets a section name wrap
where the built-in menu cut it ("Representation & probability · c…").

A link followed on a narrow screen, where the sidebar lies over the page, closes the sidebar as the built-in
menu does on a phone (``nav.js``), so the page opened is in view.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.table import literal

KEY = "dl_nav"  # the menu's container: class st-key-dl_nav (ui/page.py STYLE, tests)
_closer = st.components.v2.component(
    "dlviz.nav", js=Path(__file__).with_name("nav.js").read_text(), isolate_styles=False
)


def place():
    """The sidebar's first container, for the menu: called before anything else is drawn in the sidebar."""
    return st.sidebar.container(key=KEY, gap=None)


def menu(where, sections: dict[str, list]) -> None:
    """Draw ``sections`` (section name -> ``st.Page`` objects, as given to ``st.navigation``) in ``where``:
    each section's name, then its pages' links, all in the one container (spaced by ui/page.py STYLE)."""
    with where:
        for name, pages in sections.items():
            st.markdown(literal(name), width="stretch")
            for page in pages:
                st.page_link(page, width="stretch")
        _closer(key=f"{KEY}_closer", width="content", height=0)
