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
    prefix: str  # the page's i18n keys: <prefix>.intro, <prefix>.formula_note, <prefix>.try.*, ...
    formula: str  # the governing formula (LaTeX) beside the title; §{key} is that catalog key's text

    @property
    def file(self) -> str | None:
        """views/<url_path with underscores>.py once the page exists, else None (shown as "coming")."""
        path = f"views/{self.url_path.replace('-', '_')}.py"
        return path if (ROOT / path).is_file() else None


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "tensors",
        (3,),
        ":material/view_in_ar:",
        "tensors",
        r"(3,1) + (1,4) \to (3,4),\qquad i\,s_0 + j\,s_1",
    ),
    PageSpec(
        "linear-layer",
        (4,),
        ":material/transform:",
        "ll",
        r"y = xW^\top + b",
    ),
    PageSpec(
        "loss-functions",
        (5,),
        ":material/functions:",
        "loss",
        r"\begin{aligned}\mathrm{MSE}&=\tfrac1N\textstyle\sum r_i^2,\qquad \mathrm{MAE}=\tfrac1N\sum |r_i|\\\mathrm{Huber}_\delta(r)&=\begin{cases}\tfrac12 r^2 & |r|\le\delta\\ \delta\,(|r|-\tfrac12\delta) & |r|>\delta\end{cases}\end{aligned}",
    ),
    PageSpec(
        "gradient-descent",
        (6,),
        ":material/landscape:",
        "gd",
        r"\theta_{k+1} = \theta_k - \eta\,\nabla L(\theta_k)",
    ),
    PageSpec(
        "learning-rate",
        (6,),
        ":material/speed:",
        "lr",
        r"\begin{gathered}\theta_{k+1} = \theta_k - \eta_k \nabla L(\theta_k)\\|e_k| \to 0 \iff 0 < \eta < 2/\lambda_{\max}\end{gathered}",
    ),
    PageSpec(
        "linear-regression",
        (7,),
        ":material/trending_up:",
        "lin",
        r"\begin{aligned}L(w,b)&=\frac1N\sum_{i}(wx_i+b-y_i)^2\\(w,b)&\leftarrow(w,b)-\eta\,\nabla L\end{aligned}",
    ),
    PageSpec(
        "logistic-regression",
        (8, 13),
        ":material/scatter_plot:",
        "logit",
        r"\hat y = \sigma(w_1x_1 + w_2x_2 + b)",
    ),
    PageSpec(
        "relu",
        (9,),
        ":material/show_chart:",
        "relu",
        r"f(x) = c + \sum_{i=1}^{N} v_i\,\max(0,\ w_i x + b_i)",
    ),
    PageSpec(
        "backprop",
        (9,),
        ":material/account_tree:",
        "bp",
        r"\frac{\partial L}{\partial w}=\frac{\partial L}{\partial z}\cdot\frac{\partial z}{\partial w}",
    ),
    PageSpec(
        "sgd",
        (10,),
        ":material/shuffle:",
        "sgd",
        r"w \leftarrow w-\eta\,\frac{1}{B}\sum_{i\in\mathcal{B}}\nabla_w \ell_i(w)",
    ),
    PageSpec(
        "optimizers",
        (10, 11),
        ":material/sports_score:",
        "opt",
        r"\begin{aligned}\text{§{opt.name.momentum}:}\;& v_k = \mu v_{k-1} + g_k\\ & \theta_k = \theta_{k-1} - \eta\, v_k\\\text{Adam:}\;& \theta_k = \theta_{k-1} - \eta\,\tfrac{\hat m_k}{\sqrt{\hat v_k}+\varepsilon}\end{aligned}",
    ),
    PageSpec(
        "overfitting",
        (12,),
        ":material/stacked_line_chart:",
        "over",
        r"\hat y = w_0 + w_1x + w_2x^2 + \dots + w_dx^d",
    ),
    PageSpec(
        "dropout",
        (12, 14),
        ":material/grain:",
        "drop",
        r"\begin{aligned} \tilde h &= \tfrac{m \odot h}{1-p}, \quad \mathbb{E}[\tilde h] = h \\ m_i &\sim \mathrm{Bernoulli}(1-p) \end{aligned}",
    ),
    PageSpec(
        "digits-project",
        (15,),
        ":material/draw:",
        "dp",
        r"\mathcal{L} = -\frac{1}{N}\sum_i \log p_\theta(y_i \mid x_i)",
    ),
    PageSpec(
        "representation",
        (16,),
        ":material/bubble_chart:",
        "repr",
        r"\hat x = g_\phi\big(f_\theta(x)\big),\quad f_\theta(x)\in\mathbb{R}^2",
    ),
    PageSpec(
        "mle",
        (17,),
        ":material/casino:",
        "mle",
        r"\hat\theta = \arg\max_\theta \sum_{i=1}^{n} \log p(x_i \mid \theta)",
    ),
    PageSpec(
        "cnn-filters",
        (18,),
        ":material/grid_on:",
        "cnn",
        r"y_{i,j}=\sum_{a,b} w_{a,b}\,x_{si+da-p,\;sj+db-p}",
    ),
    PageSpec(
        "rnn-unrolling",
        (19,),
        ":material/repeat:",
        "rnn",
        r"\begin{aligned} h_t &= \tanh(W_{xh}\,x_t + W_{hh}\,h_{t-1} + b) \\ y_t &= W_{hy}\,h_t + b_y, \quad h_0 = 0 \end{aligned}",
    ),
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


def spec_of(url_path: str) -> PageSpec | None:
    """The concept page at ``url_path``, or None (the home page)."""
    return next((p for p in PAGES if p.url_path == url_path), None)


def built() -> tuple[PageSpec, ...]:
    """The pages that exist, in book order."""
    return tuple(p for p in PAGES if p.file)


def pages_for_chapter(chapter: int) -> tuple[PageSpec, ...]:
    """Every page (built or to come) that belongs to ``chapter``."""
    return tuple(p for p in PAGES if chapter in p.chapters)


def section_of(spec: PageSpec) -> str:
    """The navigation section of a page: the part holding its first chapter."""
    return next(key for key, chapters in SECTIONS if spec.chapters[0] in chapters)
