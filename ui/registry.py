"""Every concept page, its URL and its book chapters: one table read by the router and the chapter map."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    url_path: str  # fixed: shared links and lecture bookmarks rely on it
    file: str | None  # views/<name>.py, or None while the page is still to come
    chapters: tuple[int, ...]
    icon: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("gradient-descent", "views/gradient_descent.py", (6,), ":material/landscape:"),
    PageSpec("learning-rate", None, (6,), ":material/speed:"),
    PageSpec("logistic-regression", None, (8, 13), ":material/scatter_plot:"),
    PageSpec("relu", None, (9,), ":material/show_chart:"),
    PageSpec("optimizers", None, (10, 11), ":material/sports_score:"),
    PageSpec("dropout", None, (12, 14), ":material/grain:"),
    PageSpec("cnn-filters", None, (18,), ":material/grid_on:"),
    PageSpec("rnn-unrolling", None, (19,), ":material/repeat:"),
)

CHAPTERS = tuple(range(3, 20))

# Navigation sections follow the book's parts: (i18n key, chapters in the part).
SECTIONS: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("nav.basics", (3, 4, 5, 6, 7, 8)),
    ("nav.deep", (9, 10, 11)),
    ("nav.generalization", (12, 13, 14, 15)),
    ("nav.theory", (16, 17)),
    ("nav.architectures", (18, 19)),
)


def built() -> tuple[PageSpec, ...]:
    """The pages that exist, in book order."""
    return tuple(p for p in PAGES if p.file)


def pages_for_chapter(chapter: int) -> tuple[PageSpec, ...]:
    """Every page (built or to come) that belongs to ``chapter``."""
    return tuple(p for p in PAGES if chapter in p.chapters)


def section_of(spec: PageSpec) -> str:
    """The navigation section of a page: the part holding its first chapter."""
    return next(key for key, chapters in SECTIONS if spec.chapters[0] in chapters)
