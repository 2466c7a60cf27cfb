"""Home: the book's chapter map, linking each chapter to its pages, and how to use the app."""

import streamlit as st

from ui import registry
from ui.state import t

st.title(t("app.title"))
st.markdown(t("home.intro"))

st.header(t("home.map"))
for section_key, chapters in registry.SECTIONS:
    st.subheader(t(section_key))
    for chapter in chapters:
        with st.container(border=True):
            title_col, pages_col = st.columns([2, 3], vertical_alignment="center")
            title_col.markdown(f"**{t('chapter.badge', n=chapter)}** · {t(f'chapter.{chapter}')}")
            specs = registry.pages_for_chapter(chapter)
            if not specs:
                pages_col.caption(t("home.no_page"))
            for spec in specs:
                title = t(f"page.{spec.url_path}.title")
                if spec.file:
                    pages_col.page_link(spec.file, label=t("home.open", title=title), icon=spec.icon)
                else:
                    pages_col.caption(f":material/hourglass_empty: {t('home.coming', title=title)}")

lecture, alone = st.columns(2)
with lecture:
    st.subheader(t("home.lecture_title"))
    st.markdown(t("home.lecture"))
with alone:
    st.subheader(t("home.self_title"))
    st.markdown(t("home.self"))
