"""Core-compute benchmark cases, one module per page: ``CASES = {"default": fn, "heaviest": fn}``.

``PAGE`` names the page's url_path. Each fn runs the page's core computation once with those settings.
Pages that train also have ``DEFAULT`` (their config at its defaults) and ``run(cfg)``, the same computation
for any config: the benchmark runs it with the settings of each new value it pressed (``for_query``), since a
training page is allowed its compute on top of the widget-change budget.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from types import ModuleType
from urllib.parse import parse_qs

from core.common.params import from_query


def _modules() -> list[ModuleType]:
    return [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)
    ]


def load() -> dict[str, dict]:
    """url_path -> {"default": fn, "heaviest": fn} for every case module."""
    return {module.PAGE: module.CASES for module in _modules()}


def runs() -> dict[str, ModuleType]:
    """url_path -> case module, for the pages with ``run(cfg)`` and ``DEFAULT``."""
    return {module.PAGE: module for module in _modules() if hasattr(module, "run")}


def config_for(page: str, query: str):
    """The page's config for a URL query ("lr=0.1&seed=4242"), as the view reads it: valid values taken,
    anything else left at its default."""
    module = runs()[page]
    params = {k: v if len(v) > 1 else v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}
    return from_query(type(module.DEFAULT), params)


def for_query(page: str, query: str) -> Callable[[], object]:
    """The page's compute with the settings of the URL query."""
    module, cfg = runs()[page], config_for(page, query)
    return lambda: module.run(cfg)
