"""The page anatomy of DESIGN.md: header, formula, bound controls, "Try this", "PyTorch code"."""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import streamlit as st

import i18n
from i18n import CATALOG
from ui.present import presenting
from ui.registry import PageSpec
from ui.state import lang, t

# Less empty space above the title, so the main chart starts in the upper half of a 1440×900 screen, but
# not less than Streamlit's header bar (3.75rem, opaque, fixed at the top): at 2.2rem the chapter badge
# above the title was drawn under it on every page; the title's own top padding goes instead;
# a table wider than its column (ui/table.py) scrolls sideways inside its container instead of being cut off,
# a narrow column breaks Korean text between words, not inside one ("느림" stays whole at projector size);
# a select box's value wider than its box ends in an ellipsis (an <input> clips it silently; ui/chart.js
# watchSelectValues puts the whole value in its tooltip);
# elements not drawn again yet keep their look: a run that lasts 0.5 s shows BUSY_STYLE's note instead;
# where the page's body is narrower than WORKSPACE_STACK_PX (a projector's 853 CSS px with the sidebar open leave
# 521), the controls and the chart no longer sit side by side: the chart goes first at the full width, the
# controls under it, as in the presenter view. Side by side, the controls had 114 px (a button's label on four
# lines) and /gradient-descent's three panels 375, their titles running into each other.
WORKSPACE_STACK_PX = 640
STYLE = """<style>
.stMainBlockContainer { padding-top: 4rem; }
.stMainBlockContainer h1 { padding-top: 0.25rem; }
[class*="st-key-table_"] { overflow-x: auto; }
[data-testid="stSelectbox"] input { text-overflow: ellipsis; }
[class*="st-key-table_"] :is(th, td) { word-break: keep-all; }
[data-stale="true"] { opacity: 1 !important; transition: none !important; }
.dl-gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 1rem 1.5rem; }
.dl-gallery figure { margin: 0; }
.dl-gallery img { display: block; width: 96px; height: 96px; image-rendering: pixelated; }
.dl-gallery figcaption { font-size: 0.875rem; line-height: 1.4; opacity: 0.75; margin-top: 0.25rem; }
.st-key-dl_nav { margin-bottom: 1rem; }
.dl-menu .dl-section { font-size: 0.875rem; font-weight: 500; opacity: 0.8; line-height: 1.5; margin: 1rem 0 0.25rem; }
.dl-menu .dl-section:first-child { margin-top: 0; }
.dl-menu a { display: flex; align-items: center; gap: 0.5rem; min-height: 1.75rem; padding: 0.125rem 0.5rem;
  border-radius: 0.5rem; color: inherit; text-decoration: none; line-height: 1.4; }
.dl-menu a:hover, .dl-menu a[aria-current="page"] { background-color: rgba(146, 164, 200, 0.15); }
.dl-menu a[aria-current="page"] .dl-label { font-weight: 600; }
.dl-menu a:focus-visible { outline: 2px solid #0072B2; outline-offset: -2px; }
.dl-menu .dl-icon { flex: none; width: 1rem; font-size: 1rem; line-height: 1; text-align: center; user-select: none; }
.dl-menu .dl-material { font-family: "Material Symbols Rounded"; font-weight: 400; font-style: normal;
  font-feature-settings: "liga"; letter-spacing: normal; text-transform: none; white-space: nowrap; overflow: hidden; }
.st-key-dl_workspace { container-type: inline-size; }
@container (max-width: WORKSPACE_STACK_PX) {
  .st-key-dl_workspace > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
  .st-key-dl_workspace > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] {
    flex: 1 1 100% !important; width: 100% !important; min-width: 100% !important; }
  .st-key-dl_workspace > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"] > [data-testid="stColumn"]:first-child {
    order: 2; }
}
</style>""".replace("WORKSPACE_STACK_PX", f"{WORKSPACE_STACK_PX}px")


# Presenter view: a title that fits its column on one line at 853 CSS px (the logistic page's wrapped onto two,
# pushing the chart 50 px down) and less space under it, so more of the chart is on a projector's first screen.
PRESENTER_STYLE = """<style>
.stMainBlockContainer h1 { font-size: 2.1rem; padding-bottom: 0.25rem; }
</style>"""


# A run that has lasted 0.5 s (ui/chart.js watchSlowRuns marks the app [data-dl-slow]: a model trained afresh)
# shows one note in the middle of the header bar until it ends, where Streamlit faded every element not drawn
# again yet. That fade gave each element a compositing layer of its own, so the browser rasterised the page
# again as it faded and again as it came back, on the cores the server was training on: per new value, the
# browser's main thread worked 30-115 ms more on /dropout, /representation and /rnn-unrolling at their defaults
# (runs of 0.7-1 s) and 320-480 ms more at 150-400 epochs (docs/benchmarks.md). The note is a pseudo-element of
# the app: no element of the page, no layer of its own to raster.
BUSY_STYLE = """<style>
[data-dl-slow]::after { content: BUSY_TEXT; position: fixed; top: 0.875rem; left: 50%; transform: translateX(-50%);
  z-index: 1000001; pointer-events: none; padding: 0.25rem 0.875rem; border-radius: 1rem; background: #0072B2;
  color: #FFFFFF; font-size: 0.875rem; font-weight: 600; line-height: 1.5; white-space: nowrap; }
</style>"""


def page_style(language: str) -> None:
    """The app's few layout rules (our own CSS, never user input) and the slow run's note in ``language``."""
    busy = BUSY_STYLE.replace("BUSY_TEXT", json.dumps(i18n.t("ui.busy", language), ensure_ascii=False))
    st.html(STYLE + busy + (PRESENTER_STYLE if presenting() else ""))


def header(spec: PageSpec) -> None:
    """Title with the chapter badge(s); beside it the governing formula; under them the intuition (2-3
    sentences). app.py draws it above the page, outside the page's fragment: a widget change reruns the
    page alone, and the header, the same for every value, is neither sent nor rendered again (about a
    fifth of a page's elements, its formula typeset by KaTeX each time).

    Its text is the page's catalog: ``<prefix>.intro``, and where the catalog has them the formula's
    one-line reading ``<prefix>.formula_note`` and longer prose ``<prefix>.intro_more`` (in an
    expander). The presenter view shows none of it, so the main chart starts high on the first screen.
    """
    prefix = spec.prefix
    title, formula_col = st.columns([3, 2], vertical_alignment="bottom")
    with title:
        st.badge(badge_text(spec, lang()), icon=":material/menu_book:", color="blue")
        st.title(t(f"page.{spec.url_path}.title"))
    formula_col.latex(formula_text(spec, lang()))
    if not presenting():
        st.markdown(t(f"{prefix}.intro"))
        if f"{prefix}.formula_note" in CATALOG:
            st.caption(t(f"{prefix}.formula_note"))
        if f"{prefix}.intro_more" in CATALOG:
            with st.expander(t("ui.more"), icon=":material/school:"):
                st.markdown(t(f"{prefix}.intro_more"))


def badge_text(spec: PageSpec, language: str) -> str:
    """The chapter badge above the page's title: "Chapter 6", "Chapters 8, 13" (Korean "8, 13장")."""
    key = "chapter.badge" if len(spec.chapters) == 1 else "chapter.badges"
    return i18n.t(key, language, n=", ".join(str(c) for c in spec.chapters))


def formula_text(spec: PageSpec, language: str) -> str:
    """The page's formula in ``language``: each ``§{key}`` in it (a word in ``\\text{}``, such as an
    optimizer's name) becomes that catalog entry's text."""
    return FORMULA_WORD.sub(lambda m: i18n.t(m.group(1), language), spec.formula)


FORMULA_WORD = re.compile(r"§\{([a-z0-9_.]+)\}")


def start(url_path: str):
    """Begin the page's own part, under the header app.py drew: forget the values other pages left
    (``forget_other_pages``) and return the page's (controls, main) containers (``workspace``)."""
    forget_other_pages(url_path)
    return workspace()


def forget_other_pages(url_path: str) -> None:
    """On arriving at a page, drop the declared widgets' values left by the page before.

    Pages share parameter names (``lr``, ``epochs``, ``n``) with different ranges and meanings, and
    a value set by "Try this" on one page would otherwise be what the next page's widget of the same
    key starts from (or an error, when it is out of that widget's range). The new page starts from
    its URL and its defaults, as a fresh load of its link does.
    """
    if st.session_state.get("_page") == url_path:
        return
    for key in st.session_state.pop("_params_drawn", set()):
        st.session_state.pop(key, None)
    st.session_state.pop("_applied", None)
    st.session_state["_page"] = url_path


def formula(latex: str, note_key: str | None = None) -> None:
    """A further formula, with an optional one-line reading of it."""
    st.latex(latex)
    if note_key and not presenting():
        st.caption(t(note_key))


def workspace(ratio: tuple[int, int] = (1, 3)):
    """(controls, main) containers: side by side, or in the presenter view a full-width main with the
    controls under it, so the chart is what a projector (480 CSS px tall at 1280×720 and 150 %) shows
    under the title, not two rows of controls."""
    if presenting():
        main = st.container()  # created first: drawn above the controls whatever the page writes first
        return st.container(border=True), main
    with st.container(key="dl_workspace"):  # STYLE: under WORKSPACE_STACK_PX the chart goes first, full width
        controls, main = st.columns(list(ratio), gap="medium")
    return controls.container(border=True), main


def bound(widget: Callable, key: str, text: str, **kwargs):
    """Render ``widget`` bound to ?``key``=, labelled by i18n ``text`` with help ``text``_help."""
    return widget(t(text), key=key, help=t(f"{text}_help"), bind="query-params", **kwargs)


@dataclass(frozen=True)
class Experiment:
    id: str  # i18n keys <prefix>.try.<id>.name / .what
    settings: dict = field(default_factory=dict)  # widget key -> value applied in one click


def _apply(settings: dict, experiment: str | None) -> None:
    for key, value in settings.items():
        st.session_state[key] = value
    st.session_state["_applied"] = (experiment, dict(settings))


def applied_experiment(prefix: str, where) -> None:
    """Name the applied experiment at the top of ``where`` while its settings are still the ones on screen."""
    experiment, settings = st.session_state.get("_applied") or (None, {})
    if experiment and all(st.session_state.get(k) == v for k, v in settings.items()):
        where.info(t("ui.try_now", name=t(f"{prefix}.try.{experiment}.name")), icon=":material/science:")


def metric_row():
    """A row for metrics, drawn into it left to right (``row.metric(...)``): each takes the width its label and
    value need, and the row wraps onto another line where they do not fit together. In ``st.columns(n)`` each
    got 1/n of the row and Streamlit cut what did not fit with an ellipsis: at 853 px with the sidebar open,
    /dropout's "Final validation loss (regularized)" had 60 px and /gradient-descent's 9.578×10⁻⁶ read 9.57…"""
    return st.container(horizontal=True, gap="medium")


# The width a control's label takes, roughly, in CSS px (Source Sans at 14 px: ~7 px a Latin letter, a Hangul
# syllable or other wide letter ~14), and what a control needs beside its label: a toggle's switch and help icon,
# or a label's help icon above a slider or a box.
WIDE_LETTER = 0x1100
BESIDE_LABEL = {"toggle": 80, "other": 30}
COLUMN_PX = 118  # one of six columns in the presenter view at 853 CSS px


def label_px(label: str) -> int:
    return sum(14 if ord(c) >= WIDE_LETTER else 7 for c in label)


SELECT_PX = 44  # a select box's arrow button and padding beside the value it shows
ROW_PX = 6 * COLUMN_PX  # a row of the presenter view's controls, in the units of control_px


def control_px(label: str, kind: str, value: str = "") -> int:
    """The width a control needs in the presenter view: its label and what sits beside it, and for a select
    box the longest value it can show (16 px type: ~8/7 of a label's width), which its box cannot wrap. A
    multiselect or pills (kind "choices") takes a whole row: its chosen options sit side by side (/optimizers'
    six optimizers need ~700 px; in a column of a shorter row it showed two of them)."""
    if kind == "choices":
        return ROW_PX
    need = label_px(label) + BESIDE_LABEL["toggle" if kind == "toggle" else "other"]
    return max(need, label_px(value) * 8 // 7 + SELECT_PX) if value else need


def control_rows(needs: list[int], most: int) -> list[list[int]]:
    """The presenter view's rows of controls (indices into ``needs``, in order): at most ``most`` a row, and no
    more than a row's width of needs (each at least an equal share), so no label or value is cut. Six equal
    columns cut /logistic-regression's select boxes in Korean ("달: 서로 맞물린 반원 두 개" in 82 px of 162)."""
    rows: list[list[int]] = []
    for i, px in enumerate(needs):
        share = max(px, COLUMN_PX)
        if not rows or len(rows[-1]) == most or sum(max(needs[j], COLUMN_PX) for j in rows[-1]) + share > ROW_PX:
            rows.append([])
        rows[-1].append(i)
    return rows


def control_row(controls, needs: list[int], span: float = 0.0) -> list:
    """One place per control, given as the width it needs (``control_px``): a column each in the presenter view
    (rows under the chart), as wide as it needs and at least an equal share; else the controls container itself
    each time (a stack beside the chart). Equal columns cut toggles' labels with an ellipsis at projector
    size: /digits-project's "Batch norm" had 56 px, /rnn-unrolling's "LSTM forget-gate bias = 1" 123.
    ``span``: the shares the row's columns take together at least (a last, shorter row keeps the widths of the
    rows above it instead of stretching a lone select box across the screen)."""
    if presenting():
        weights = [max(1.0, px / COLUMN_PX) for px in needs]
        rest = span - sum(weights)
        return list(controls.columns(weights + [rest] * (rest > 0.05)))[: len(needs)]
    return [controls] * len(needs)


def try_this(prefix: str, experiments: list[Experiment], defaults: dict, *, main) -> None:
    """Guided experiments beside the chart: pick one, read what to notice, apply it in one click.

    Call it after the page's controls: the applied experiment stays named at the top of ``main`` (the
    page's chart column, still empty) until a control is moved by hand.
    """
    applied_experiment(prefix, main)
    names = {exp.id: t(f"{prefix}.try.{exp.id}.name") for exp in experiments}
    wide = presenting()  # one row under the controls in the presenter view, a stack beside the chart otherwise
    title_col, pick_col, apply_col, reset_col = (
        # "Reset to defaults" needs ~170 CSS px: in [1, 3, 1, 1] it had 118 at projector size and read "Reset to …";
        # "이렇게 해 보세요" with its icon ~150 (at 1 share it wrapped onto two lines)
        st.columns([1.3, 2.4, 1, 1.6], vertical_alignment="center") if wide else [st] * 4
    )
    title_col.markdown(f"**:material/science: {t('ui.try_this')}**")
    pick = pick_col.selectbox(
        t("ui.try_pick"),
        options=list(names),
        format_func=names.get,
        key=f"try_{prefix}_pick",
        label_visibility="collapsed",
    )
    exp = next(e for e in experiments if e.id == pick)
    st.caption(t(f"{prefix}.try.{exp.id}.what"))
    apply_col.button(
        t("ui.try_apply"),
        key=f"try_{prefix}_apply",
        on_click=_apply,
        args=(exp.settings, exp.id),
        icon=":material/play_arrow:",
        type="primary",
        width="stretch",
    )
    reset_col.button(
        t("ui.reset"),
        key=f"try_{prefix}_reset",
        on_click=_apply,
        args=(defaults, None),
        icon=":material/restart_alt:",
        width="stretch",
    )


def code_expander(*functions: Callable) -> None:
    """Show the real source of the core functions that produced the page's charts (not in the presenter view).

    The source is sent only while the expander is open: closed (as it is on most reruns), the
    highlighted code blocks cost the browser nothing on a widget change.
    """
    if presenting():
        return
    box = st.expander(t("ui.code"), icon=":material/code:", key="code_open", on_change="rerun")
    if not box.open:
        return
    with box:
        st.caption(t("ui.code_note"))
        for fn in functions:
            st.code(f"# {fn.__module__}.{fn.__qualname__}\n" + inspect.getsource(fn), language="python")
