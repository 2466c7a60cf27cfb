"""Korean/English text catalogs, keyed by ID.

Each module in this package defines ``TEXT = {key: {"en": ..., "ko": ...}}``;
they are merged here so a new page only adds its own catalog file.
"""

from __future__ import annotations

import importlib
import pkgutil

from i18n.particles import MARKERS, render

LANGS = ("ko", "en")
DEFAULT_LANG = "en"
MISSING = "⟦{key}⟧"  # what a missing key renders as; tests scan pages for "⟦"
HELPERS = {"particles", "numbers"}  # modules of this package that are not catalogs


def _load() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name in HELPERS:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, entry in module.TEXT.items():
            if key in merged:
                raise ValueError(f"i18n key {key!r} defined twice ({info.name})")
            merged[key] = entry
    return merged


CATALOG = _load()


def t(key: str, lang: str, **fmt) -> str:
    """The text for ``key`` in ``lang``, formatted with ``fmt``; a marked key if missing.

    Korean particle markers (``{을}``, ``{이}``, …) and the ``{x:num}`` number format are
    resolved here: see i18n.particles and i18n.numbers.
    """
    entry = CATALOG.get(key)
    text = entry.get(lang) if entry else None
    if not text:
        return MISSING.format(key=key)
    if fmt or (lang == "ko" and any(f"{{{m}}}" in text for m in MARKERS)):
        return render(text, **fmt)
    return text


def lang_from_locale(locale: str | None) -> str:
    """Korean for a ``ko*`` browser locale, English otherwise."""
    return "ko" if (locale or "").lower().startswith("ko") else "en"


def normalize_lang(value: object) -> str | None:
    """``value`` if it names a supported language, else None."""
    return value if value in LANGS else None
