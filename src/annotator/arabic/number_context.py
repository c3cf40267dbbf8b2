"""What a number is, from the words around it: a quantity (with its unit) or not.

Reads folded text (see ``annotator.arabic.normalize``) around one mention: a few
words before it, a few after it, and the original characters right before it
(folding drops the tatweel that may stand for a hyphen: ميركافا ـ 4).

- after: a month name, Gregorian or Hijri, possibly after من (شهر) or in
  parentheses (30 يونيو, 9 شوال, 26 من يوليو) -> a date; a year suffix (2014م,
  1436 هـ, ق.م) -> a year; صباحا/مساء/بتوقيت -> a time; percent words and signs
  (في المائة, بالمئة, %, ٪) -> percent; a currency (دولار, يورو, جنيه إسترليني ...) ->
  money; a unit of time, length, area, mass or volume, or من العمر -> a measure;
- before: الساعة -> a time; a year word (عام, العام, سنة, لعام, عامي ...) or a month
  name (أبريل (نيسان), كانون الأول, يونيو الماضي) -> a year; رقم, القرار, هاتف ...
  -> a code; a word joined by a hyphen (شاهد-136, F-16, ميركافا ـ 4) or Latin
  letters (M16) -> a code; $ € £ or % -> money or percent;
- around: digits joined by / or by - to a month or in threes (1/11/2024,
  01-نوفمبر-2024, 30-4-2015) -> a date; H:MM -> a time; a score (1 - 1, صفر - 1)
  or a list label (10:) -> other; a bare four-digit number from 1800 to 2100 after
  في/منذ/... or followed by no counted noun -> a year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from annotator.arabic import number_vocabulary as vocabulary
from annotator.arabic.number_vocabulary import UNIT_OF, alternation, folded


class NumberKind(StrEnum):
    # quantities: proposed as number spans
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    MEASURE = "measure"
    # numbers that are not quantities
    DATE = "date"
    YEAR = "year"
    TIME = "time"
    CODE = "code"
    ORDINAL = "ordinal"
    OTHER = "other"  # one as a pronoun or in an idiom, a score, a list label

    @property
    def is_quantity(self) -> bool:
        return self in QUANTITY_KINDS


QUANTITY_KINDS = frozenset(
    {NumberKind.COUNT, NumberKind.MONEY, NumberKind.PERCENT, NumberKind.MEASURE}
)


@dataclass(frozen=True, slots=True)
class Reading:
    kind: NumberKind
    unit: str | None = None


PERCENT = Reading(NumberKind.PERCENT, "percent")
AGE = Reading(NumberKind.MEASURE, "year")
DATE = Reading(NumberKind.DATE)
YEAR = Reading(NumberKind.YEAR)
TIME = Reading(NumberKind.TIME)
CODE = Reading(NumberKind.CODE)
ORDINAL = Reading(NumberKind.ORDINAL)
OTHER = Reading(NumberKind.OTHER)


class Around:
    """The text around one mention: ``before`` ends where it starts, ``after`` starts
    where it ends (folded); ``original_before`` gives the original characters before
    it (called only when needed: mapping offsets back costs)."""

    __slots__ = ("before", "after", "last", "words", "_original_before")

    def __init__(self, before: str, after: str, original_before: Callable[[], str] = lambda: ""):
        self.before = before
        self.after = after
        self.last = before.rstrip()[-1:]  # the last character before, spaces aside
        self.words = ["", "", "", *before.split()[-3:]]  # the last words before, "" padded
        self._original_before = original_before

    @property
    def original_before(self) -> str:
        return self._original_before()

    def ends_with(self, pattern: re.Pattern[str], reach: int) -> re.Match[str] | None:
        """``pattern`` (anchored with $) matched at the end of ``before``, looking back
        at most ``reach`` characters: a search from each position is what costs."""
        return pattern.search(self.before, max(0, len(self.before) - reach))

    def word_is(self, forms: frozenset[str], back: int = 1) -> bool:
        """The ``back``-th word before the mention is one of ``forms``."""
        return self.words[-back] in forms


_ALL_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def _forms(
    words: Iterable[str],
    proclitics: tuple[str, ...] = _ALL_PROCLITICS,
    articles: tuple[str, ...] = ("",),
) -> frozenset[str]:
    """Every word of ``words`` with each proclitic and article in front."""
    return frozenset(
        p + (("ل" if p.endswith("ل") and a else a) + w)
        for w in words
        for p in proclitics
        for a in articles
    )


_WORD_END = r"(?![^\W_])"
_WORD_START = r"(?<![^\W_])"
_MONTH = alternation(vocabulary.GREGORIAN_MONTHS + vocabulary.HIJRI_MONTHS)
_MONTH_NAME = rf"{_MONTH}(?:\s+{alternation(vocabulary.MONTH_ORDERS)})?{_WORD_END}"
_MONTH_PHRASE = rf"{_MONTH_NAME}(?:\s*\(\s*{_MONTH_NAME}\s*\))?"


def _unit_after(forms: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"\s*({alternation(forms)}){_WORD_END}(\s+(?:مربع|مكعب))?")


_CURRENCY_AFTER = _unit_after(f for forms in vocabulary.CURRENCIES.values() for f in forms)
_MEASURE_AFTER = _unit_after(f for forms in vocabulary.MEASURES.values() for f in forms)
_PERCENT_AFTER = re.compile(
    rf"\s*(?:[%٪]|(?:في\s*|ب)ال(?:مائه|مئه|ميه){_WORD_END}|per\s?cent\b)", re.IGNORECASE
)
_AGE_AFTER = re.compile(r"\s*من\s+(?:ال)?عمر")
_DATE_AFTER = re.compile(
    rf"\s*[-/.]\s*{_MONTH}|\s*/\s*\d|\s*-\s*\d{{1,2}}\s*-\s*\d"
    rf"|\s*(?:من\s+(?:شهر\s+)?)?\(?\s*{_MONTH_NAME}"
    r"|\s*من\s+(?:هذا\s+|نفس\s+)?(?:ال)?شهر"
)
_HYPHEN_AFTER = re.compile(r"\s*-\s*\d")
_YEAR_AFTER = re.compile(rf"\s*ق\s*\.?\s*[مب]{_WORD_END}|\s*ب\s*\.\s*م|م{_WORD_END}")
_HIJRI_AFTER = re.compile(rf"\s*ه{_WORD_END}")
_SPACED_AD_AFTER = re.compile(rf"\s+م{_WORD_END}")
_TIME_AFTER = re.compile(rf"\s*{alternation(vocabulary.TIME_WORDS)}{_WORD_END}")
_LABEL_AFTER = re.compile(r":(?!\d)")
_QUOTE_AFTER = re.compile(r"[\"»”']")
_SCORE_AFTER = re.compile(rf"\s*-\s*(?:\d{{1,2}}|صفر)(?![\d.,])|\s+صفر{_WORD_END}")
_HYPHEN_LETTERS_AFTER = re.compile(r"-[A-Za-z]")
_NEXT_NUMBER = re.compile(r"\s*(?:[-–/،,]|و|او|الي|حتي)\s*(\d+(?:[.,]\d+)*)")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_LETTER_AFTER = re.compile(r"\s*[^\W\d_]")
_ONE_OF_AFTER = re.compile(rf"\s*(?:من|منا|منه|منها|منهم|منهما|منهن|منكم|ممن|مما){_WORD_END}")
_ONE_OF_EVERY_AFTER = re.compile(rf"\s*من\s+كل{_WORD_END}")

_YEAR_WORDS_BEFORE = _forms(vocabulary.YEAR_WORDS, articles=("", "ال"))
_MONTH_BEFORE = re.compile(
    rf"{_WORD_START}{_MONTH_PHRASE}(?:\s+(?:الماضي|المقبل|الجاري|الحالي|القادم|من))?"
    r"(?:\s+عام)?\s*[-/]?\s*$"
)
_DATE_BEFORE = re.compile(
    rf"(?:{_WORD_START}{_MONTH}\s*[-/.]\s*|\d{{1,4}}\s*/\s*|\d{{1,4}}\s*-\s*\d{{1,2}}\s*-\s*)$"
)
_HYPHEN_BEFORE = re.compile(r"\d\s*-\s*$")
_TIME_WORDS_BEFORE = _forms(["الساعه"], ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"))
_CODE_WORDS_BEFORE = frozenset(vocabulary.CODE_WORDS)
_SCORE_BEFORE = re.compile(r"(?<![\d.,])(?:\d{1,2}|صفر)\s*-\s*$")
_YEAR_PREPOSITIONS_BEFORE = _forms(vocabulary.YEAR_PREPOSITIONS, ("", "و", "ف"))
_ORDINALS_BEFORE = frozenset(vocabulary.ORDINAL_WORDS)
_ORDINAL_NOUNS_BEFORE = frozenset(vocabulary.ORDINAL_NOUNS)
_ARTICLES = _forms([""], articles=("ال",))
_MODEL_NAMES_BEFORE = _forms(vocabulary.MODEL_NAMES, ("", "و"))
_GROUPS_BEFORE = _forms(vocabulary.GROUP_WORDS)
_AGE_BEFORE = _forms(["سن"], articles=("", "ال"))
_BETWEEN_BEFORE = _forms(["بين"], ("", "و", "ف"))
_EACH_OR_SAME_BEFORE = _forms(["كل"]) | {"ان", "وقت"}
_MEASURED_NOUNS_BEFORE = {
    form: UNIT_OF[word]
    for word in (f for forms in vocabulary.MEASURES.values() for f in forms)
    for form in _forms([word], articles=("ال",))
}
_DEFINITE = re.compile(r"[وفبلك]{0,2}ال[^\W\d_]+")
_MONTH_HEADS = frozenset(
    month.split()[0] for month in vocabulary.GREGORIAN_MONTHS + vocabulary.HIJRI_MONTHS
)
_WORD_BEFORE = re.compile(r"[^\W\d_]\s*$")
# in the original text, where a tatweel may stand for a hyphen
_LATIN_BEFORE = re.compile(r"[A-Za-z]\s*[-–]?\s*$")
_HYPHENED_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})\s*[-ـ–]\s*$")
_ARTICLE_ONLY = re.compile(r"[وفبلك]*ال|[وف]?لل")
_MONTH_ONLY = re.compile(_MONTH)

_AMBIGUOUS_SHORT = frozenset({"ست", "سبع", "خمس", "تسع", "عشر", "ثمان"})


def quantity_after(after: str) -> Reading | None:
    """The kind and unit a quantity gets from the words right after it."""
    if _PERCENT_AFTER.match(after):
        return PERCENT
    for pattern, kind in (
        (_CURRENCY_AFTER, NumberKind.MONEY),
        (_MEASURE_AFTER, NumberKind.MEASURE),
    ):
        match = pattern.match(after)
        if match:
            unit = UNIT_OF[match.group(1)]
            if match.group(2):
                unit = vocabulary.SQUARED.get(unit, unit)
            return Reading(kind, unit)
    if _AGE_AFTER.match(after):
        return AGE
    return None


def time_or_date(around: Around) -> Reading | None:
    """A time (الساعة 10, 10 صباحا) or a date part (30 يونيو, 1/11, 01-نوفمبر)."""
    after = around.after
    if around.word_is(_TIME_WORDS_BEFORE) or _TIME_AFTER.match(after):
        return TIME
    if _DATE_AFTER.match(after):
        return DATE
    if around.last in ("-", "/", ".") and (
        around.ends_with(_DATE_BEFORE, 24)
        or (around.ends_with(_HYPHEN_BEFORE, 6) and _HYPHEN_AFTER.match(after))  # 30-4-2015
    ):
        return DATE
    return None


def _noun_follows(after: str) -> bool:
    """A word that may be what is counted comes next (not a function word, و..., ال...)."""
    word = _NEXT_WORD.match(after)
    if word is None:
        return False
    following = word.group(1)
    return not (following in vocabulary.FUNCTION_WORDS or following.startswith(("ال", "و", "ف")))


def _is_score(digits: str, around: Around) -> bool:
    """1 - 1, صفر - 1: a result, unless something counted follows (10-15 شخصا)."""
    if around.last == "-" and around.ends_with(_SCORE_BEFORE, 10):
        return not _noun_follows(around.after) and not quantity_after(around.after)
    partner = _SCORE_AFTER.match(around.after)
    if partner and len(digits) <= 2:
        rest = around.after[partner.end() :]
        return not _noun_follows(rest) and not quantity_after(rest)
    return False


def _plausible_year(digits: str, around: Around | None, after: str) -> bool:
    """A bare four-digit number from 1800 to 2100 that nothing marks as a quantity."""
    if len(digits) != 4 or not digits.isdigit() or not 1800 <= int(digits) <= 2100:
        return False
    if around is not None and around.word_is(_YEAR_PREPOSITIONS_BEFORE):
        return True
    partner = _NEXT_NUMBER.match(after)
    if partner:  # 2009 و2010, but 2000 و3000 شخص: as the number it is joined to
        return _plausible_year(partner.group(1), None, after[partner.end() :])
    return not _noun_follows(after)


def _is_code(digits: str, around: Around) -> bool:
    before = around.before
    code_word = around.words[-1].rstrip('«"(') or around.words[-2]
    if (
        code_word in _CODE_WORDS_BEFORE
        or around.words[-1].rstrip("-") in _MODEL_NAMES_BEFORE
        or _LATIN_BEFORE.search(before, max(0, len(before) - 4))
        or _HYPHEN_LETTERS_AFTER.match(around.after)
        or (before.endswith("+") and len(digits) >= 6)
        or (len(digits) >= 2 and digits[0] == "0" and digits.isdigit())
        or (len(digits) >= 8 and digits.isdigit())
    ):
        return True
    if not before[-1:].isspace() and around.last not in ("-", "–"):
        return False
    original = around.original_before  # a tatweel may stand for the hyphen
    hyphened = _HYPHENED_WORD_BEFORE.search(original) if original.rstrip()[-1:] in "-ـ–" else None
    if hyphened is None:
        return False
    word = folded(hyphened.group(1))[0]
    return not (_ARTICLE_ONLY.fullmatch(word) or _MONTH_ONLY.fullmatch(word))


def _is_year(digits: str, around: Around) -> bool:
    after = around.after
    return (
        around.word_is(_YEAR_WORDS_BEFORE)
        or (around.words[-1] == "م" and around.word_is(_YEAR_WORDS_BEFORE, 2))  # عام م1933
        or (
            any(word.strip("()") in _MONTH_HEADS for word in around.words)
            and around.ends_with(_MONTH_BEFORE, 48) is not None
        )
        or (len(digits) in (3, 4) and bool(_YEAR_AFTER.match(after) or _HIJRI_AFTER.match(after)))
        or (len(digits) == 4 and bool(_SPACED_AD_AFTER.match(after)))
        or _plausible_year(digits, around, after)
    )


def digits_reading(digits: str, around: Around) -> Reading | None:
    """What a mention that starts with ``digits`` is by its context (None: a count)."""
    after = around.after
    if ":" in digits:
        return TIME
    if digits.count(".") >= 2 and not all(len(g) == 3 for g in digits.split(".")[1:]):
        return DATE  # 4.5.2015
    if _LABEL_AFTER.match(after):
        return OTHER
    reading = time_or_date(around)
    if reading is not None:
        return reading
    if _is_score(digits, around):
        return OTHER
    if _is_code(digits, around):
        return CODE
    reading = quantity_after(after)
    if reading is not None:
        return reading
    sign = around.last
    if sign and sign in vocabulary.CURRENCY_SIGNS:
        return Reading(NumberKind.MONEY, vocabulary.CURRENCY_SIGNS[sign])
    if sign and sign in "%٪":
        return PERCENT
    if digits.isdigit() and _is_year(digits, around):
        return YEAR
    if _QUOTE_AFTER.match(after) and _WORD_BEFORE.search(around.before[-3:]):
        return CODE  # a name in quotes: "ميت 9"
    if around.word_is(_ORDINAL_NOUNS_BEFORE) or (
        around.word_is(_ARTICLES) and around.word_is(_ORDINAL_NOUNS_BEFORE, 2)
    ):
        return ORDINAL  # الذكرى الـ60, الدقيقة 90
    return None


def word_reading(word: str, article: bool, around: Around) -> Reading | None:
    """What a mention that starts with a number word is by its context (None: a count).

    Besides the rules for every number: واحد/واحدة is a pronoun or an idiom after
    كل, آن, وقت or a definite noun and before من (كل واحد منا, في آن واحد,
    الوسيلة واحدة, واحدة من الظواهر) but counts in "واحد من كل 35000"; عشر after
    an ordinal (الرابع عشر) is an ordinal; a short form (ست, سبع) with no word after
    it is no number (وايلد وست). With the article, الاثنين is Monday (except بين
    الاثنين), الثماني after مجموعة/قمة is a name (G8), a tens word is an ordinal
    (القرن العشرين) unless a unit follows or سن comes before, and a unit before the
    number is its unit (بالأيام الستة).
    """
    from annotator.arabic.number_reading import ONE_WORDS, TENS, TWO_WORDS

    after = around.after
    if word in ONE_WORDS:
        if _ONE_OF_EVERY_AFTER.match(after):
            return None
        if (
            _ONE_OF_AFTER.match(after)
            or around.word_is(_EACH_OR_SAME_BEFORE)
            or _DEFINITE.fullmatch(around.words[-1])  # الوسيلة واحدة: the same
        ):
            return OTHER
    if _SCORE_AFTER.match(after) and not quantity_after(after):
        return OTHER
    if around.word_is(_ORDINALS_BEFORE) or (
        around.words[-1] == "و" and around.word_is(_ORDINALS_BEFORE, 2)
    ):
        return ORDINAL
    if not article:
        if word in _AMBIGUOUS_SHORT and not _LETTER_AFTER.match(after):
            return OTHER
        return None
    if word in TWO_WORDS and word.endswith("ين") and not around.word_is(_BETWEEN_BEFORE):
        return DATE  # يوم الاثنين
    if around.word_is(_GROUPS_BEFORE):
        return CODE
    if word in TENS and not quantity_after(after):
        return AGE if around.word_is(_AGE_BEFORE) else ORDINAL
    unit = _MEASURED_NOUNS_BEFORE.get(around.words[-1])
    if unit is not None:  # بالأيام الستة: the unit comes first
        return Reading(NumberKind.MEASURE, unit)
    return None
