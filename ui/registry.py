"""Every concept page, its URL and its book chapters: one table read by the router and the chapter map."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class PageSpec:
    url_path: str  # fixed: shared links and lecture bookmarks rely on it
    chapters: tuple[int, ...]
    icon: str

    @property
    def file(self) -> str | None:
        """views/<url_path with underscores>.py once the page exists, else None (shown as "coming")."""
        path = f"views/{self.url_path.replace('-', '_')}.py"
        return path if (ROOT / path).is_file() else None


PAGES: tuple[PageSpec, ...] = (
    PageSpec("tensors", (3,), ":material/view_in_ar:"),
    PageSpec("linear-layer", (4,), ":material/transform:"),
    PageSpec("loss-functions", (5,), ":material/functions:"),
    PageSpec("gradient-descent", (6,), ":material/landscape:"),
    PageSpec("learning-rate", (6,), ":material/speed:"),
    PageSpec("linear-regression", (7,), ":material/trending_up:"),
    PageSpec("logistic-regression", (8, 13), ":material/scatter_plot:"),
    PageSpec("relu", (9,), ":material/show_chart:"),
    PageSpec("backprop", (9,), ":material/account_tree:"),
    PageSpec("sgd", (10,), ":material/shuffle:"),
    PageSpec("optimizers", (10, 11), ":material/sports_score:"),
    PageSpec("overfitting", (12,), ":material/stacked_line_chart:"),
    PageSpec("dropout", (12, 14), ":material/grain:"),
    PageSpec("digits-project", (15,), ":material/draw:"),
    PageSpec("representation", (16,), ":material/bubble_chart:"),
    PageSpec("mle", (17,), ":material/casino:"),
    PageSpec("cnn-filters", (18,), ":material/grid_on:"),
    PageSpec("rnn-unrolling", (19,), ":material/repeat:"),
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
