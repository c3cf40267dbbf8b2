"""Number mentions with their values: digits of any script, number words, compounds.

A mention is a run of atoms separated by whitespace, read in folded text (see
``annotator.arabic.normalize``; offsets map back to the original):

- digits (ASCII, Arabic-Indic ٠-٩, Persian ۰-۹) with separators: ٬ always groups
  thousands and ٫ is always the decimal mark; with "," or "." alone, "," groups
  thousands when every group after it has three digits (1,500) and is a decimal
  mark otherwise (1,5); a single "." is a decimal mark (1.5) and repeated ones
  group thousands (1.500.000); with both, the last one is the decimal mark;
- number words: units واحد ... عشرة with gender and case variants (ثلاث/ثلاثة,
  اثنان/اثنين/اثنتان/اثنتين), teens (ثلاثة عشر, أحد عشر, اثنا عشر), tens
  (عشرون/عشرين ... تسعون/تسعين), hundreds (مئة/مائة, مئتان/مئتين/مئتا, ثلاثمئة ...,
  ثلاث مئة), scales ألف/ألفا/آلاف, مليون/مليونا/ملايين, مليار/مليارا/مليارات and
  their duals (ألفان/ألفين, مليونان/مليونين, ملياران/مليارين);
- a preposition or conjunction on the first word (بثلاثة) is left out of the
  mention; و joining the parts of a compound (خمسة وعشرون, ثلاثة آلاف وخمسمئة)
  is inside it.

Values: a number followed by a scale multiplies ('12 ألف' -> 12000, '1.5 مليون'
-> 1500000, 'ثلاثة ملايين' -> 3000000); a bare singular scale is one of it
(ألف -> 1000); a bare plural scale (آلاف الجنود, "thousands of") is vague and
not a mention. واحد/واحدة followed by من ("one of") and a lone أحد/إحدى are
pronoun-like and not mentions.

Kinds: a mention is a ``date`` part when it is joined to a month name or another
number by - / . (01-نوفمبر-2024, 1/11/2024); a ``year`` when a year word
(عام, العام, سنة ...) or a month name (optionally followed by الماضي, المقبل,
الجاري) comes right before it, or when it is a four-digit whole number
between 1800 and 2100 that no word follows ("المحيط 2024"،); otherwise it is a
``quantity``. Only quantities are proposed as number spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from annotator.arabic.normalize import Normalized, normalize_text

SpanNumber = int | float


class NumberKind(StrEnum):
    QUANTITY = "quantity"
    YEAR = "year"
    DATE = "date"


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    value: SpanNumber
    kind: NumberKind


def _fold(text: str) -> str:
    return normalize_text(text, fold_teh_marbuta=True)


_UNITS = {
    "واحد": 1,
    "واحده": 1,
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
# Only before عشر/عشرة: أحد عشر, إحدى عشرة, اثنا عشر, اثنتا عشرة.
_TEEN_HEADS = {"احد": 1, "احدي": 1, "اثنا": 2, "اثنتا": 2}
_TENS = {
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
_HUNDREDS = {"مئه": 100, "مائه": 100}
_HUNDREDS |= {stem + end: 200 for stem in ("مئت", "مائت") for end in ("ان", "ين", "ا")}
_HUNDREDS |= {
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
    for hundred in ("مئه", "مائه")
}
# scale word -> (scale, count it stands for alone or None when vague)
_SCALES = {
    "الف": (1000, 1),
    "الفا": (1000, 1),
    "الاف": (1000, None),
    "الفان": (1000, 2),
    "الفين": (1000, 2),
    "مليون": (10**6, 1),
    "مليونا": (10**6, 1),
    "ملايين": (10**6, None),
    "مليونان": (10**6, 2),
    "مليونين": (10**6, 2),
    "مليار": (10**9, 1),
    "مليارا": (10**9, 1),
    "مليارات": (10**9, None),
    "ملياران": (10**9, 2),
    "مليارين": (10**9, 2),
}
_WORDS = {**_UNITS, **_TEEN_HEADS, **_TENS, **_HUNDREDS, **dict.fromkeys(_SCALES, 0)}

_MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليه",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
]
_MONTH = "(?:" + "|".join(_MONTHS) + ")"
_YEAR_WORD = r"(?:[وفبل]?(?:ال)?(?:عام|سنه)|عامي|لعام|للعام)"

_PREFIX = "(?:وب|ول|وك|فب|فل|فك|و|ف|ب|ل|ك)"
_DIGITS = r"\d+(?:[٬٫,.]\d+)*"
_WORD_ATOM = (
    rf"(?<![^\W_]){_PREFIX}??(?:"
    + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
    + r")(?![^\W_])"
)
_ATOM = re.compile(rf"(?P<digits>{_DIGITS})|(?P<word>{_WORD_ATOM})")
_PHRASE = re.compile(rf"(?:{_DIGITS}|{_WORD_ATOM})(?:\s+(?:{_DIGITS}|{_WORD_ATOM}))*")
_PREFIX_SPLIT = re.compile(rf"^({_PREFIX}??)({'|'.join(map(re.escape, _WORDS))})$")

_DATE_BEFORE = re.compile(rf"(?:{_MONTH}|\d{{1,4}})(?:\s*[-/]\s*|\.)$")
_DATE_AFTER = re.compile(rf"^(?:\s*[-/]\s*|\.)(?:{_MONTH}|\d)")
_YEAR_BEFORE = re.compile(
    rf"(?<![^\W_])(?:{_YEAR_WORD}|{_MONTH}(?:\s+(?:الماضي|المقبل|الجاري|من))?)\s+$"
)
_WORD_AFTER = re.compile(r"^\s*[^\W\d_]")


def parse_digits(written: str) -> SpanNumber:
    """The value of a digit string with separators (see the module's rules)."""
    digits = _fold(written)
    if "٫" in digits or "٬" in digits:
        whole, _, fraction = digits.replace("٬", "").replace(",", "").partition("٫")
    else:
        marks = [ch for ch in digits if ch in ",."]
        groups = re.split("[,.]", digits)
        if not marks:
            whole, fraction = digits, ""
        elif len(set(marks)) == 2:
            decimal = marks[-1]
            whole, _, fraction = digits.rpartition(decimal)
            whole = whole.replace("," if decimal == "." else ".", "")
        elif marks[0] == "," and all(len(g) == 3 for g in groups[1:]):
            whole, fraction = digits.replace(",", ""), ""
        elif len(marks) > 1 and all(len(g) == 3 for g in groups[1:]):
            whole, fraction = digits.replace(".", ""), ""
        else:
            whole, _, fraction = digits.replace(",", ".").partition(".")
            fraction = fraction.replace(".", "")
    if fraction.strip("0"):
        return float(f"{int(whole)}.{fraction}")
    return int(whole)


def _whole(value: float | int) -> SpanNumber:
    return int(value) if float(value).is_integer() else value


@dataclass
class _Atom:
    start: int  # folded offsets; start leaves out a leading proclitic
    end: int
    prefix: str
    word: str  # folded number word, or "" for digits
    value: SpanNumber

    @property
    def joined(self) -> bool:
        """Joined to the atom before by the conjunction و."""
        return self.prefix.startswith("و")


def _atoms(folded: str, start: int, end: int) -> list[_Atom]:
    atoms = []
    for match in _ATOM.finditer(folded, start, end):
        if match.lastgroup == "digits":
            atoms.append(_Atom(match.start(), match.end(), "", "", parse_digits(match.group())))
            continue
        split = _PREFIX_SPLIT.match(match.group())
        assert split is not None
        prefix, word = split.groups()
        atoms.append(
            _Atom(match.start() + len(prefix), match.end(), prefix, word, _WORDS.get(word, 0))
        )
    return atoms


def _adds_to(group: float, atom: _Atom) -> bool:
    """Whether a و-joined atom adds to the group read so far (25 = خمسة وعشرون, 350)."""
    units_then_tens = group < 10 and atom.word in _TENS
    hundreds_then_less = group >= 100 and group % 100 == 0 and atom.value < 100
    return units_then_tens or hundreds_then_less


def _read(atoms: list[_Atom], i: int, folded: str) -> tuple[int, SpanNumber | None]:
    """Read one number starting at atom ``i``: (index after it, value or None)."""
    first = atoms[i]
    word = first.word
    total: float = 0
    group: float | None = None
    last_scale = float("inf")
    j = i + 1
    if word in _SCALES:
        scale, count = _SCALES[word]
        if count is None:
            return j, None
        total, last_scale = scale * count, scale
    elif word in _TEEN_HEADS:
        if j < len(atoms) and atoms[j].word in ("عشر", "عشره") and not atoms[j].prefix:
            group, j = first.value + 10, j + 1
        else:
            return j, None
    else:
        group = first.value
        if word in _UNITS and first.value < 10:
            nxt = atoms[j] if j < len(atoms) else None
            if nxt is not None and nxt.word in ("عشر", "عشره") and not nxt.prefix:
                group, j = first.value + 10, j + 1
    while j < len(atoms):
        atom = atoms[j]
        if atom.word in _SCALES and not atom.prefix and group is not None:
            scale, count = _SCALES[atom.word]
            if count == 2 or scale >= last_scale:
                break
            total += group * scale
            group, last_scale = None, scale
        elif atom.word in ("مئه", "مائه") and not atom.prefix and group in range(3, 10):
            group = group * 100
        elif atom.joined and atom.word not in _SCALES and atom.word not in _TEEN_HEADS:
            if group is None and atom.value < last_scale:
                group = atom.value
            elif group is not None and _adds_to(group, atom):
                group += atom.value
            else:
                break
        else:
            break
        j += 1
    if (
        j == i + 1
        and first.value == 1
        and first.word in ("واحد", "واحده")
        and re.match(r"\s+من(?![^\W_])", folded[first.end :])
    ):
        return j, None
    return j, _whole(total + (group or 0))


def _kind(folded: str, start: int, end: int, atoms: list[_Atom]) -> NumberKind:
    if len(atoms) != 1 or atoms[0].word or not isinstance(atoms[0].value, int):
        return NumberKind.QUANTITY
    before, after = folded[max(0, start - 40) : start], folded[end : end + 40]
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return NumberKind.DATE
    if _YEAR_BEFORE.search(before):
        return NumberKind.YEAR
    written = folded[start:end]
    if len(written) == 4 and 1800 <= atoms[0].value <= 2100 and not _WORD_AFTER.match(after):
        return NumberKind.YEAR
    return NumberKind.QUANTITY


def find_numbers(text: str, folded: Normalized | None = None) -> list[NumberMention]:
    """Every number mention in ``text`` (quantities, years and date parts), in order.

    ``folded`` may pass ``normalize(text, fold_teh_marbuta=True)`` already made.
    """
    if folded is None:
        folded = Normalized(text, _fold(text))
    mentions = []
    for phrase in _PHRASE.finditer(folded.text):
        atoms = _atoms(folded.text, *phrase.span())
        i = 0
        while i < len(atoms):
            j, value = _read(atoms, i, folded.text)
            if value is not None:
                start, end = atoms[i].start, atoms[j - 1].end
                kind = _kind(folded.text, start, end, atoms[i:j])
                mentions.append(NumberMention(*folded.to_original(start, end), value, kind))
            i = j
    return mentions


def find_quantities(text: str, folded: Normalized | None = None) -> list[NumberMention]:
    """The mentions that are quantities (what is proposed as number spans)."""
    return [m for m in find_numbers(text, folded) if m.kind is NumberKind.QUANTITY]
