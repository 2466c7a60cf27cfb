"""Router: page config, torch policy, language and seed, navigation. Pages live in views/."""

import streamlit as st

import ui.warm  # noqa: F401 - with DL_WARM=1, fills every page's caches in the background, once per process
from core.common.runtime import configure_torch
from ui import live, nav, quiet_disabled, registry
from ui.heap import freeze_when_imports_settle
from ui.page import header, page_style
from ui.present import presenter_toggle, presenting
from ui.state import language_switch, seed_control, t

st.set_page_config(
    page_title="Deep Learning, Visualized",
    page_icon="🧠",
    layout="wide",
    initial_sidebar_state="collapsed" if presenting() else "auto",
)
configure_torch()
quiet_disabled.install()  # a disabled control is not sent as a new value on every rerun

menu = nav.place()  # first in the sidebar, filled once the language is known
page_style(language_switch())  # its CSS carries the slow run's note in the page's language
seed_control()
presenter_toggle(t("ui.present"), t("ui.present_help"))
st.sidebar.caption(t("app.sidebar_note"))

home = st.Page("views/home.py", title=t("page.home.title"), icon=":material/map:", default=True)
sections: dict[str, list] = {t("nav.start"): [home]}
for spec in registry.built():
    page = st.Page(spec.file, title=t(f"page.{spec.url_path}.title"), icon=spec.icon, url_path=spec.url_path)
    sections.setdefault(t(registry.section_of(spec)), []).append(page)

# The router only: the menu is ui/nav.py's, which a page's own reruns leave alone (st.navigation's is drawn
# again at each of them), with every page in view.
page = st.navigation(sections, position="hidden")
nav.menu(menu, sections, page.url_path)
if spec := registry.spec_of(page.url_path):
    header(spec)  # outside the page's fragment: not sent again when the page reruns on its own
live.run(page)  # the page reruns alone on its own widget changes
freeze_when_imports_settle()
