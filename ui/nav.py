"""The page menu in the sidebar: each section's name, then a link to each of its pages, the page shown marked.

``st.navigation``'s own sidebar menu is drawn from the app's state, so the browser rendered every one of its
links again on each rerun, a page's own reruns (its fragment) included: ~2,800 React components a slider
change on a page, about 9 ms of its main thread (A/B over six pages, two runs each). Streamlit's page links,
one element each outside the pages' fragments, were still rendered again at each commit of a page's rerun
(every element of the app is, as the run's state changes): ~24 of the ~235 React components rendered per
commit on /rnn-unrolling, counted with React's commit hook (a change makes about ten commits). The menu is
now one element (``nav.js``), which draws its links when the language or the page changes and does nothing
at a page's own reruns. It shows what the built-in menu did (sections, icons, the current page marked) and
lets a section name wrap where the built-in menu cut it ("Representation & probability · c…"). A link opens
its page within the app, as a page link does; with a modifier key or the middle button, in a new tab.
"""

from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from ui.state import t

KEY = "dl_nav"  # the menu's container: class st-key-dl_nav (ui/page.py STYLE, tests)
MENU_KEY = f"{KEY}_menu"
_element = st.components.v2.component(
    "dlviz.nav", js=Path(__file__).with_name("nav.js").read_text(), isolate_styles=False
)
MATERIAL = re.compile(r"^:material/([a-z0-9_]+):$")


def place():
    """The sidebar's first container, for the menu: called before anything else is drawn in the sidebar."""
    return st.sidebar.container(key=KEY, gap=None)


def icon_of(icon: str | None) -> dict | None:
    """How the menu draws a page's icon: a Material Symbol by its name (``:material/map:``), else as text."""
    if not icon:
        return None
    found = MATERIAL.match(icon)
    return {"material": found.group(1)} if found else {"text": icon}


def menu_data(sections: dict[str, list], current: str) -> dict:
    """What the menu element is sent: the sections in order, each ``[name, [[url path, title, icon], ...]]``,
    the page shown (its URL path) and the menu's name for screen readers."""
    return {
        "sections": [
            [name, [[p.url_path, p.title, icon_of(p.icon)] for p in pages]] for name, pages in sections.items()
        ],
        "current": current,
        "label": t("nav.label"),
    }


def menu(where, sections: dict[str, list], current: str) -> None:
    """Draw ``sections`` (section name -> ``st.Page`` objects, as given to ``st.navigation``) in ``where``, the
    page at URL path ``current`` marked."""
    with where:
        # In a list: the values of a dict sent as data are checked for dataframes, which imports pandas and
        # pyarrow (+65 MB per server process; tests/test_layering.py).
        _element(key=MENU_KEY, data=[menu_data(sections, current)], width="stretch")
