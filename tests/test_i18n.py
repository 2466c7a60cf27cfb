"""Every text exists in Korean and English with the same placeholders, and the helpers behave."""

import re
import string

import pytest

import i18n
from i18n.particles import MARKERS

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def placeholders(text: str) -> set[str]:
    """The format fields of ``text`` that take a value (Korean particle markers take none)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name and name not in MARKERS}


@pytest.mark.parametrize("key", sorted(i18n.CATALOG))
def test_key_has_both_languages_with_same_placeholders(key):
    entry = i18n.CATALOG[key]
    assert set(entry) == {"en", "ko"}, f"{key}: languages {sorted(entry)}"
    assert entry["en"].strip() and entry["ko"].strip(), f"{key}: empty text"
    assert placeholders(entry["en"]) == placeholders(entry["ko"]), key


@pytest.mark.parametrize("key", sorted(i18n.CATALOG))
def test_korean_text_is_korean(key):
    en, ko = i18n.CATALOG[key]["en"], i18n.CATALOG[key]["ko"]
    # Pure symbols/maths ("x", "θ_k", "log₁₀(…)") may be identical; anything with words is translated.
    if en == ko:
        assert not re.search(r"[A-Za-z]{3,}", en.replace("log", "")), f"{key} looks untranslated: {en!r}"
    else:
        assert HANGUL.search(ko), f"{key}: Korean text has no Hangul: {ko!r}"


def test_missing_key_is_marked_not_raised():
    assert i18n.t("no.such.key", "ko") == "⟦no.such.key⟧"


def test_format_and_language_choice():
    assert i18n.t("chapter.badge", "en", n=6) == "Chapter 6"
    assert i18n.t("chapter.badge", "ko", n=6) == "6장"
    assert i18n.lang_from_locale("ko-KR") == "ko"
    assert i18n.lang_from_locale("ko") == "ko"
    assert i18n.lang_from_locale("en-US") == "en"
    assert i18n.lang_from_locale("de") == "en"
    assert i18n.lang_from_locale(None) == "en"
    assert i18n.normalize_lang("xx") is None and i18n.normalize_lang("ko") == "ko"


def test_duplicate_keys_across_catalogs_are_rejected(monkeypatch):
    import types

    fake = types.SimpleNamespace(TEXT={"app.title": {"en": "x", "ko": "엑스"}})
    real_import = i18n.importlib.import_module
    monkeypatch.setattr(
        i18n.importlib, "import_module", lambda name: fake if name.endswith("zz") else real_import(name)
    )
    real_iter = i18n.pkgutil.iter_modules
    monkeypatch.setattr(
        i18n.pkgutil,
        "iter_modules",
        lambda path: [*list(real_iter(path)), types.SimpleNamespace(name="zz")],
    )
    with pytest.raises(ValueError, match="defined twice"):
        i18n._load()
