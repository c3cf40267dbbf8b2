"""The values of numbers as written: digit strings and Arabic number words.

Everything here reads folded text (see ``annotator.arabic.normalize``: alef
forms -> ا, ى -> ي, ة -> ه, every digit -> 0-9, diacritics and tatweel gone).

Digits: ٬ always groups thousands and ٫ is always the decimal mark. "," or the
Arabic comma "،" alone groups thousands when every group after it has three
digits (1,500 / 17،500) and is a decimal mark otherwise (3,75); a single "." is a
decimal mark (1.5) and repeated ones group thousands (1.500.000); with both "."
and ",", the last one is the decimal mark. The letter ر between digits is the
decimal mark of Saudi and Gulf newspapers, written fraction first: 5ر47 is 47.5
and 09ر0 is 0.09.

Words: units واحد ... عشرة with gender and case variants, teens (ثلاثة عشر,
أحد عشر, اثنا/اثني عشر), tens (عشرون/عشرين ... تسعون/تسعين), hundreds
(مئة/مائة, مئتان/مئتين/مئتا/مئتي, ثلاثمئة ...), scales ألف, مليون, مليار/بليون,
تريليون with their plurals and duals (ألفان, ألفي, مليونين ...), joined by و
(خمسة وعشرون, ثلاثة آلاف وخمسمئة). After digits, English scale words count too
($500 million).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

SpanNumber = int | float

UNITS = {
    "واحد": 1,
    "واحده": 1,
    "واحدا": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثمان": 8,
    "ثماني": 8,
    "ثمانيه": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
}
TEN_WORDS = frozenset({"عشر", "عشره"})
ONE_WORDS = frozenset({"واحد", "واحده", "واحدا"})
TWO_WORDS = frozenset({"اثنان", "اثنين", "اثنتان", "اثنتين"})
# Only before عشر/عشرة: أحد عشر, إحدى عشرة, اثنا عشر, اثني عشر, اثنتا عشرة.
TEEN_HEADS = {"احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2}
TENS = {
    stem + ending: value
    for stem, value in (
        ("عشر", 20),
        ("ثلاث", 30),
        ("اربع", 40),
        ("خمس", 50),
        ("ست", 60),
        ("سبع", 70),
        ("ثمان", 80),
        ("تسع", 90),
    )
    for ending in ("ون", "ين")
}
HUNDRED_WORDS = frozenset({"مئه", "مائه"})
HUNDREDS = dict.fromkeys(HUNDRED_WORDS, 100)
HUNDREDS |= {stem + end: 200 for stem in ("مئت", "مائت") for end in ("ان", "ين", "ا", "ي")}
HUNDREDS |= {
    unit + hundred: value * 100
    for unit, value in (
        ("ثلاث", 3),
        ("اربع", 4),
        ("خمس", 5),
        ("ست", 6),
        ("سبع", 7),
        ("ثمان", 8),
        ("تسع", 9),
    )
    for hundred in HUNDRED_WORDS
}
# scale word -> (scale, the count it stands for alone, or None when vague: آلاف "thousands of")
SCALES: dict[str, tuple[int, int | None]] = {}
for _forms, _scale in (
    (("الف", "الفا", "الاف", "الفان", "الفين", "الفي"), 10**3),
    (("مليون", "مليونا", "ملايين", "مليونان", "مليونين", "مليوني"), 10**6),
    (("مليار", "مليارا", "مليارات", "ملياران", "مليارين", "ملياري"), 10**9),
    (("بليون", "بليونا", "بلايين", "بليونان", "بليونين", "بليوني"), 10**9),
    (("تريليون", "تريليونا", "تريليونات", "تريليونان", "تريليونين", "تريليوني"), 10**12),
    (("ترليون", "ترليونا", "ترليونات", "ترليونان", "ترليونين", "ترليوني"), 10**12),
):
    for _form, _count in zip(_forms, (1, 1, None, 2, 2, 2), strict=True):
        SCALES[_form] = (_scale, _count)
LATIN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

HALF = "نصف"  # نصف مليون, مليون ونصف; alone ("half of") no number
WORDS: dict[str, int] = {
    **UNITS,
    **TEEN_HEADS,
    **TENS,
    **HUNDREDS,
    **dict.fromkeys(SCALES, 0),
    HALF: 0,
}
# Words that may carry the article and still be a number (الأربعة, العشرين, الاثنان).
ARTICLE_WORDS = frozenset((set(UNITS) - ONE_WORDS) | set(TENS))

_GROUPS = re.compile(r"[,.\u060c]")


def _digits_value(digits: str) -> Decimal:
    """The value of folded digits with separators (see the module's rules)."""
    if ":" in digits:  # a time, 10:30: its hours
        return Decimal(digits.partition(":")[0])
    if "ر" in digits:
        fraction, _, whole = digits.partition("ر")
        return Decimal(f"{whole}.{fraction}")
    if "٫" in digits or "٬" in digits:
        whole, _, fraction = _GROUPS.sub("", digits.replace("٬", "")).partition("٫")
        return Decimal(f"{whole}.{fraction or 0}")
    marks = _GROUPS.findall(digits)
    if not marks:
        return Decimal(digits)
    groups = _GROUPS.split(digits)
    threes = all(len(g) == 3 for g in groups[1:])
    if len(set(marks)) > 1:
        decimal = marks[-1]
        whole, _, fraction = digits.rpartition(decimal)
        return Decimal(f"{_GROUPS.sub('', whole)}.{fraction}")
    if (marks[0] != "." or len(marks) > 1) and threes:
        return Decimal("".join(groups))
    return Decimal(f"{''.join(groups[:-1])}.{groups[-1]}")


def number(value: Decimal | int) -> SpanNumber:
    """A value as stored: an int when whole, else a float."""
    exact = Decimal(value)
    if exact == exact.to_integral_value():
        return int(exact)
    return float(exact)


def parse_digits(written: str) -> SpanNumber:
    """The value of a digit string with separators, in any digits (see the module's rules)."""
    from annotator.arabic.normalize import normalize_text

    return number(_digits_value(normalize_text(written)))


@dataclass
class Atom:
    """One digit string or number word of a mention, in folded offsets."""

    start: int  # leaves out a leading proclitic, keeps the article
    end: int
    proclitic: str
    article: bool
    word: str  # folded number word without proclitic and article; "" for digits
    digits: str  # the digits as written (folded); "" for a word
    value: Decimal

    @property
    def joined(self) -> bool:
        """Joined to the atom before by the conjunction و."""
        return self.proclitic.startswith("و")

    @property
    def is_scale(self) -> bool:
        return self.word in SCALES or self.word in LATIN_SCALES


def word_atom(start: int, end: int, proclitic: str, article: bool, word: str) -> Atom:
    return Atom(start, end, proclitic, article, word, "", Decimal(WORDS.get(word, 0)))


def digit_atom(start: int, end: int, digits: str) -> Atom:
    return Atom(start, end, "", False, "", digits, _digits_value(digits))


def _adds_to(group: Decimal, atom: Atom) -> bool:
    """Whether a و-joined atom adds to the group read so far (25 = خمسة وعشرون, 350)."""
    units_then_tens = group < 10 and atom.word in TENS
    hundreds_then_less = group >= 100 and group % 100 == 0 and atom.value < 100
    return units_then_tens or hundreds_then_less


def read(atoms: list[Atom], i: int) -> tuple[int, Decimal | None]:
    """Read one number starting at ``atoms[i]``: (index after it, value or None).

    None when the atom alone is no number: a vague plural scale (آلاف الجنود),
    a teen head without عشر (أحد الجنود), an English scale word without digits.
    """
    first = atoms[i]
    word = first.word
    total = Decimal(0)
    group: Decimal | None = None
    last_scale = float("inf")
    j = i + 1
    if word in LATIN_SCALES:
        return j, None
    if word == HALF:
        after = atoms[j] if j < len(atoms) else None
        if after is None or after.word not in SCALES or after.proclitic or after.article:
            return j, None
        scale, count = SCALES[after.word]
        if count != 1:
            return j, None
        total, last_scale, j = Decimal(scale) / 2, scale, j + 1
    elif word in SCALES:
        scale, count = SCALES[word]
        if count is None or first.article:
            return j, None
        total, last_scale = Decimal(scale * count), scale
    elif word in TEEN_HEADS:
        if j < len(atoms) and atoms[j].word in TEN_WORDS and not atoms[j].proclitic:
            group, j = first.value + 10, j + 1
        else:
            return j, None
    else:
        group = first.value
        if word in UNITS and first.value < 10:
            after = atoms[j] if j < len(atoms) else None
            if after is not None and after.word in TEN_WORDS and not after.proclitic:
                group, j = first.value + 10, j + 1
    while j < len(atoms):
        atom = atoms[j]
        if atom.is_scale and not atom.proclitic and not atom.article and group is not None:
            if atom.word in LATIN_SCALES:
                if not first.digits or j != i + 1:
                    break
                scale, count = LATIN_SCALES[atom.word], 1
            else:
                scale, count = SCALES[atom.word]
            if count == 2 or scale >= last_scale:
                break
            total += group * scale
            group, last_scale = None, scale
        elif (
            atom.word in HUNDRED_WORDS
            and not atom.proclitic
            and group is not None
            and group in range(3, 10)
        ):
            group = group * 100
        elif atom.word == HALF and atom.joined:  # مليون ونصف, ثلاثة ونصف
            if group is None:
                total += Decimal(last_scale) / 2
            else:
                group += Decimal("0.5")
            j += 1
            break
        elif atom.joined and not atom.digits and not atom.is_scale and atom.word != HALF:
            if atom.word in TEEN_HEADS or atom.article or first.digits:
                break
            if group is None and atom.value < last_scale:
                group = atom.value
            elif group is not None and _adds_to(group, atom):
                group += atom.value
            else:
                break
        else:
            break
        j += 1
    return j, total + (group or 0)
