"""Core-compute benchmark cases, one module per page: ``CASES = {"default": fn, "heaviest": fn}``.

``PAGE`` names the page's url_path. Each fn runs the page's core computation once with those settings.
"""

from __future__ import annotations

import importlib
import pkgutil


def load() -> dict[str, dict]:
    """url_path -> {"default": fn, "heaviest": fn} for every case module."""
    cases = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        cases[module.PAGE] = module.CASES
    return cases
