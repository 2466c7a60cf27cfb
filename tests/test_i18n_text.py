"""Korean particles follow the word they attach to, and no catalog text leaves generic particles or broken bold."""

import re
import string
import unicodedata

import pytest

import i18n
from i18n.particles import GENERIC, MARKERS, final_sound, particle, render
from ui.page import formula_text
from ui.registry import PAGES

# (word, 을/를, 이/가, 은/는, 과/와, 으로/로) as a Korean speaker reads it
CASES = [
    ("사과", "를", "가", "는", "와", "로"),
    ("책", "을", "이", "은", "과", "으로"),
    ("물", "을", "이", "은", "과", "로"),  # ㄹ batchim takes 로
    ("모멘텀", "을", "이", "은", "과", "으로"),
    ("0", "을", "이", "은", "과", "으로"),  # 영
    ("1", "을", "이", "은", "과", "로"),  # 일
    ("2", "를", "가", "는", "와", "로"),  # 이
    ("3", "을", "이", "은", "과", "으로"),  # 삼
    ("4", "를", "가", "는", "와", "로"),  # 사
    ("6", "을", "이", "은", "과", "으로"),  # 육
    ("7", "을", "이", "은", "과", "로"),  # 칠
    ("8", "을", "이", "은", "과", "로"),  # 팔
    ("9", "를", "가", "는", "와", "로"),  # 구
    ("10", "을", "이", "은", "과", "으로"),  # 십
    ("20", "을", "이", "은", "과", "으로"),  # 이십
    ("100", "을", "이", "은", "과", "으로"),  # 백
    ("1000", "을", "이", "은", "과", "으로"),  # 천
    ("1,000", "을", "이", "은", "과", "으로"),
    ("12", "를", "가", "는", "와", "로"),  # 십이
    ("0.05", "를", "가", "는", "와", "로"),  # 영 점 영오
    ("0.3", "을", "이", "은", "과", "으로"),  # 영 점 삼
    ("1.5", "를", "가", "는", "와", "로"),
    ("0.001", "을", "이", "은", "과", "로"),  # …일
    ("2.0", "을", "이", "은", "과", "으로"),  # 이 점 영
    ("1e-05", "를", "가", "는", "와", "로"),  # …오
    ("5%", "를", "가", "는", "와", "로"),  # 퍼센트
    ("1.2×10⁻⁵", "을", "이", "은", "과", "으로"),  # …승
    ("x²", "을", "이", "은", "과", "으로"),  # 엑스 제곱
    ("Adam", "을", "이", "은", "과", "으로"),  # 아담
    ("SGD", "를", "가", "는", "와", "로"),  # 에스지디
    ("ReLU", "를", "가", "는", "와", "로"),  # 렐루
    ("RMSprop", "을", "이", "은", "과", "으로"),  # 알엠에스프롭
    ("Adagrad", "를", "가", "는", "와", "로"),
    ("LSTM", "을", "이", "은", "과", "으로"),  # 엠
    ("GRU", "를", "가", "는", "와", "로"),
    ("RNN", "을", "이", "은", "과", "으로"),  # 엔
    ("L", "을", "이", "은", "과", "로"),  # 엘
    ("R", "을", "이", "은", "과", "로"),  # 알
    ("x", "를", "가", "는", "와", "로"),  # 엑스
    ("w", "를", "가", "는", "와", "로"),  # 더블유
    ("Sobel", "을", "이", "은", "과", "로"),  # 소벨
    ("dropout", "을", "이", "은", "과", "으로"),  # 드롭아웃
    ("sigmoid", "를", "가", "는", "와", "로"),
    ("tanh", "를", "가", "는", "와", "로"),
    ("η", "를", "가", "는", "와", "로"),  # 에타
    ("ε", "을", "이", "은", "과", "으로"),  # 엡실론
    ("x₁", "을", "이", "은", "과", "로"),  # 엑스 일
    ("**Adam**", "을", "이", "은", "과", "으로"),  # Markdown closers are skipped
    ("RMSprop(제곱 평균)", "을", "이", "은", "과", "으로"),  # so is a parenthetical
    ("“abc”", "를", "가", "는", "와", "로"),
    ("학습률😀", "을", "이", "은", "과", "로"),  # trailing emoji are skipped
    ("nan", "을", "이", "은", "과", "으로"),  # 난
]


@pytest.mark.parametrize(("word", "eul", "i", "eun", "gwa", "euro"), CASES)
def test_particle_follows_how_the_word_is_read(word, eul, i, eun, gwa, euro):
    got = tuple(particle(word, m) for m in ("을", "이", "은", "과", "으로"))
    assert got == (eul, i, eun, gwa, euro), word


def test_either_spelling_of_a_marker_works():
    assert particle("SGD", "를") == particle("SGD", "을") == "를"
    assert particle("책", "로") == "으로"


def test_markers_are_resolved_against_the_rendered_value():
    text = "η = {lr:g}{은} 너무 큽니다. 손실이 {a:.4g}에서 {b:.4g}{으로} 줄었습니다. **{name}{이}** 1등"
    assert render(text, lr=0.2, a=3.0, b=10.0, name="Adam") == (
        "η = 0.2는 너무 큽니다. 손실이 3에서 10으로 줄었습니다. **Adam이** 1등"
    )
    assert render(text, lr=0.3, a=3.0, b=1.0, name="SGD").endswith("1로 줄었습니다. **SGD가** 1등")
    assert final_sound("") == "none"


def _sample(spec: str):
    """A value that every format spec accepts: an int for d, a float for other numeric specs, else a word."""
    if spec.endswith("d") or spec == ",":
        return 3
    if spec == "num" or (spec and spec[-1] in "efgn%"):
        return 0.25
    return "Adam"


def _render(text: str, lang: str) -> str:
    fields = {name: _sample(spec) for _, name, spec, _ in string.Formatter().parse(text) if name}
    fields = {k: v for k, v in fields.items() if k not in MARKERS}
    return render(text, **fields)


@pytest.mark.parametrize("key", sorted(i18n.CATALOG))
def test_no_generic_particle_and_no_marker_in_english(key):
    ko = _render(i18n.CATALOG[key]["ko"], "ko")
    assert not GENERIC.search(ko), f"{key}: {ko!r}"
    en_fields = {name for _, name, _, _ in string.Formatter().parse(i18n.CATALOG[key]["en"]) if name}
    assert not en_fields & set(MARKERS), f"{key}: particle marker in English text"


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def unrenderable_bold(text: str) -> list[int]:
    """Offsets of ``**`` runs that CommonMark cannot use as the opener or closer they must be."""
    text = re.sub(r"`[^`]*`", "``", text)  # code spans are literal
    bad = []
    for n, m in enumerate(re.finditer(r"(?<!\*)\*\*(?!\*)", text)):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if n % 2 == 0:  # must open: left-flanking
            ok = not after.isspace() and (not _is_punct(after) or before.isspace() or _is_punct(before))
        else:  # must close: right-flanking
            ok = not before.isspace() and (not _is_punct(before) or after.isspace() or _is_punct(after))
        if not ok:
            bad.append(m.start())
    return bad


def test_bold_checker_catches_the_reported_case():
    assert unrenderable_bold("**RMSprop(제곱 평균)**이 1등") == [16]
    assert unrenderable_bold("**RMSprop(제곱 평균)이** 1등") == []
    assert unrenderable_bold("a **b** c, **(x)**.") == []


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("key", sorted(i18n.CATALOG))
def test_bold_renders(key, lang):
    text = _render(i18n.CATALOG[key][lang], lang)
    assert not unrenderable_bold(text), f"{key}/{lang}: literal ** in {text!r}"


def test_num_spec_gives_one_number_format_in_both_languages():
    assert render("{x:num} / {y:num}", x=1.234567e-5, y=0.5) == "1.235×10⁻⁵ / 0.5"
    key = next(k for k, e in i18n.CATALOG.items() if "{l0:num}" in e["en"])
    assert "12.35" in i18n.t(key, "en", steps=3, l0=12.3456, ln=0.5, epochs=3)
    assert "12.35" in i18n.t(key, "ko", steps=3, l0=12.3456, ln=0.5, epochs=3)


# Words in a page's formula (LaTeX \text{...}) are in the page's language: the optimizers formula said
# "momentum:" on the Korean page. Optimizer names that are the same in both (Adam) may stay as they are.
FORMULA_NAMES = {"Adam"}


@pytest.mark.parametrize("spec", [p for p in PAGES if p.file], ids=lambda p: p.url_path)
def test_formula_words_are_in_the_page_language(spec):
    for lang in ("en", "ko"):
        text = formula_text(spec, lang)
        assert "§" not in text, f"{spec.url_path} ({lang}): an unresolved catalog word in {text!r}"
        words = [w for chunk in re.findall(r"\\text\{([^}]*)\}", text) for w in re.findall(r"[A-Za-z]{2,}", chunk)]
        if lang == "ko":
            english = [w for w in words if w not in FORMULA_NAMES]
            assert not english, f"{spec.url_path}: English words {english} in the Korean formula"


def test_formula_word_is_the_catalog_text():
    spec = next(p for p in PAGES if p.url_path == "optimizers")
    assert r"\text{모멘텀:}" in formula_text(spec, "ko")
    assert r"\text{Momentum:}" in formula_text(spec, "en")
