"""Every page runs in AppTest in both languages, with deep links, bad URL values and "Try this"."""

import pytest

import i18n
from tests.apptest_helpers import english_only_strings, open_page, shown_text
from ui import registry

PAGES = [None] + [spec.file for spec in registry.built()]


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_loads_in_each_language(page, lang):
    at = open_page(page, lang=lang)
    assert not at.exception
    text = shown_text(at)
    assert "⟦" not in text, "a raw i18n key is shown"
    if lang == "ko":
        leftovers = sorted(s for s in english_only_strings() if s in text)
        assert not leftovers, f"English left on a Korean page: {leftovers[:5]}"
        assert at.title[0].value != i18n.t("app.title", "en")


def test_home_maps_every_chapter_and_links_built_pages():
    at = open_page(None, lang="en")
    text = shown_text(at)
    for chapter in registry.CHAPTERS:
        assert i18n.t(f"chapter.{chapter}", "en") in text
    for spec in registry.PAGES:
        title = i18n.t(f"page.{spec.url_path}.title", "en")
        expected = i18n.t("home.open" if spec.file else "home.coming", "en", title=title)
        assert expected in text
