"""Korean particles (조사) chosen from the word they follow, resolved when a message is formatted.

A particle whose form depends on the preceding word is written in a catalog as a
format field named after its batchim form, straight after the value or word::

    "η = {lr:g}{은} 너무 큽니다."       ->  "η = 0.3은 …", "η = 0.2는 …"
    "**{name}{이}** 1등입니다."        ->  "**Adam이** …", "**SGD가** …"
    "{ln:num}{으로} 줄었습니다."        ->  "0.5로 …", "3으로 …", "10으로 …"

Markers: ``{을}`` (을/를), ``{이}`` (이/가), ``{은}`` (은/는), ``{과}`` (과/와),
``{으로}`` (으로/로; a word ending in ㄹ takes 로). The other spelling of each
(``{를}``, ``{가}``, …) is accepted too. :func:`render` formats a message
left to right, so each marker sees the text rendered before it. The word is read
as it is pronounced: Hangul by its last syllable's batchim; numbers by how Korean
reads them (3 삼, 2 이, 10 십, 0.05 → 오); Latin names and letters by their usual
Korean reading (Adam 아담 → 을, SGD 디 → 를, L 엘 → 로). Markdown closers
(``**``, backticks), quotes and a trailing parenthetical ("RMSprop(제곱 평균)") are
skipped, so the particle follows the word itself.
"""

from __future__ import annotations

import re
import string

from i18n.numbers import num

# marker -> (form after a batchim, form after a vowel)
PAIRS = {"을": ("을", "를"), "이": ("이", "가"), "은": ("은", "는"), "과": ("과", "와"), "으로": ("으로", "로")}
MARKERS = {**{a: a for a in PAIRS}, **{b: a for a, (_, b) in PAIRS.items()}}
GENERIC = re.compile(r"을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|와\(과\)|과\(와\)|\(으\)로")

NONE, RIEUL, OTHER = "none", "rieul", "other"  # final consonant of the reading

# Each digit as read in Sino-Korean: 0 영, 1 일, 2 이, 3 삼, 4 사, 5 오, 6 육, 7 칠, 8 팔, 9 구.
_DIGIT = dict(zip("0123456789", (OTHER, RIEUL, NONE, OTHER, NONE, NONE, OTHER, RIEUL, RIEUL, NONE), strict=True))
# Letter names: 엘, 알 end in ㄹ; 엠, 엔 in another consonant; the rest in a vowel.
_LETTER = {"l": RIEUL, "r": RIEUL, "m": OTHER, "n": OTHER}
_GREEK = {"ε": OTHER, "ϵ": OTHER}  # 엡실론; α 알파, β 베타, η 에타, λ 람다, σ 시그마 … end in a vowel
# Words whose ending the spelling rules below would misread.
_WORDS = {"dropout": OTHER, "softmax": NONE, "relu": NONE, "tanh": NONE, "max": NONE, "norm": OTHER}
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉ₜₙₖ", "0123456789tnk")
_SKIP_END = "*_`'\"”’」』]} \u00a0"


def _strip_end(text: str) -> str:
    """``text`` without trailing Markdown closers, quotes or a parenthetical."""
    while True:
        text = text.rstrip(_SKIP_END)
        if text.endswith(")") and "(" in text[:-1]:
            depth = 0
            for i in range(len(text) - 1, -1, -1):
                depth += {")": 1, "(": -1}.get(text[i], 0)
                if depth == 0:
                    break
            if i == 0:  # the whole text is one parenthetical: read inside it
                return text[1:-1]
            text = text[:i]
            continue
        return text


def _number_final(digits: str) -> str:
    """How a number written with ``digits`` (and maybe one '.') ends when read aloud."""
    if "." in digits:
        frac = digits.split(".", 1)[1]
        return _DIGIT[frac[-1]] if frac else _number_final(digits.split(".", 1)[0])
    stripped = digits.lstrip("0")
    if not stripped:
        return _DIGIT["0"]
    if stripped.endswith("0"):  # read as a unit: 10 십, 100 백, 1000 천, 10⁴ 만, 10⁸ 억
        return OTHER
    return _DIGIT[stripped[-1]]


def _latin_final(word: str) -> str:
    """How a Latin word, acronym or letter ends in its usual Korean reading."""
    lower = word.lower()
    if lower in _WORDS:
        return _WORDS[lower]
    if len(word) == 1 or word[-1].isupper():  # a letter or an acronym: read letter by letter
        return _LETTER.get(lower[-1], NONE)
    if lower.endswith("ng") or lower[-1] in "mn":
        return OTHER
    if lower[-1] in "l":
        return RIEUL
    if lower[-1] in "pbk" and len(lower) > 1 and lower[-2] in "aeiou":  # prop 프롭, step 스텝
        return OTHER
    return NONE  # Adagrad 그라드, Nesterov 로프, sigmoid 이드, SGD …


def final_sound(text: str) -> str:
    """The final consonant class (``none``, ``rieul``, ``other``) of the last word of ``text``."""
    text = re.sub(r"[^\w%]+$", "", _strip_end(text).translate(_SUBSCRIPTS))  # emoji, dashes, …
    if not text:
        return NONE
    last = text[-1]
    if "가" <= last <= "힣":
        jong = (ord(last) - 0xAC00) % 28
        return NONE if jong == 0 else RIEUL if jong == 8 else OTHER
    if last in "⁰¹²³⁴⁵⁶⁷⁸⁹":  # 10⁻⁵ is read "10의 마이너스 5승"
        return OTHER
    if last in "0123456789":
        number = re.search(r"[0-9][0-9,]*(\.[0-9]+)?$", text).group(0).replace(",", "")
        return _number_final(number)
    if last == "%":
        return NONE  # 퍼센트
    if last in _GREEK:
        return _GREEK[last]
    match = re.search(r"[A-Za-z]+$", text)
    if match:
        return _latin_final(match.group(0))
    return NONE


def particle(text: str, marker: str) -> str:
    """The form of ``marker`` (e.g. "을" or "를") that follows ``text``."""
    with_batchim, without = PAIRS[MARKERS[marker]]
    sound = final_sound(text)
    if MARKERS[marker] == "으로":
        return with_batchim if sound == OTHER else without
    return without if sound == NONE else with_batchim


class _CatalogFormatter(string.Formatter):
    def format_field(self, value, format_spec):
        # ``{x:num}``: the app's one number format (i18n.numbers.num)
        return num(value) if format_spec == "num" else super().format_field(value, format_spec)

    def vformat(self, format_string, args, kwargs):
        out: list[str] = []
        for literal, field, spec, conversion in self.parse(format_string):
            out.append(literal)
            if field is None:
                continue
            if field in MARKERS:
                out.append(particle("".join(out), field))
                continue
            value, _ = self.get_field(field, args, kwargs)
            value = self.convert_field(value, conversion)
            out.append(self.format_field(value, self.vformat(spec, args, kwargs) if spec else ""))
        return "".join(out)


_FORMATTER = _CatalogFormatter()


def render(text: str, **fmt) -> str:
    """``text.format(**fmt)`` with every particle marker resolved against the text before it, and ``{x:num}``."""
    return _FORMATTER.vformat(text, (), fmt)
