"""Every page runs in AppTest in both languages, with deep links, bad URL values and "Try this"."""

import json

import pytest

import i18n
from tests.apptest_helpers import english_only_strings, open_page, shown_text
from ui import nav, registry

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


def menu_sent(at) -> dict:
    """What ui/nav.py's menu element was sent on the last run: its sections, the page marked, its name."""
    (element,) = [e for e in at.get("bidi_component") if e.proto.component_name == "dlviz.nav"]
    (sent,) = json.loads(element.proto.json)
    return sent


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_sidebar_menu_lists_every_page_under_its_section_in_order(lang):
    """ui/nav.py's menu (st.navigation's own is hidden), in the sidebar's menu container: the chapter map, then
    each section's name followed by its built pages, in the registry's order, titled in the page's language,
    each with its URL path and icon; the page shown is the one marked."""
    at = open_page("views/dropout.py", lang=lang)
    assert not at.exception
    expected: dict[str, list[list]] = {i18n.t("nav.start", lang): [["", i18n.t("page.home.title", lang), "map"]]}
    for spec in registry.built():
        title = i18n.t(f"page.{spec.url_path}.title", lang)
        icon = spec.icon.removeprefix(":material/").removesuffix(":")
        expected.setdefault(i18n.t(registry.section_of(spec), lang), []).append([spec.url_path, title, icon])
    sent = menu_sent(at)
    shown = {name: [[path, title, icon["material"]] for path, title, icon in pages] for name, pages in sent["sections"]}
    assert shown == expected
    assert list(shown) == list(expected), "sections in the book's order"
    assert sent["current"] == "dropout"
    assert sent["label"] == i18n.t("nav.label", lang)
    assert [e.proto.component_name for e in at.get_by_key(nav.KEY) if e.type == "bidi_component"] == ["dlviz.nav"]


def test_menu_icons_are_material_names_or_text():
    assert nav.icon_of(":material/map:") == {"material": "map"}
    assert nav.icon_of("🧠") == {"text": "🧠"}
    assert nav.icon_of(None) is None
