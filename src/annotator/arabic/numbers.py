"""Number mentions with their values, units and kinds, in any Arabic text.

A mention is a run of atoms separated by whitespace, read in folded text (see
``annotator.arabic.normalize``; offsets map back to the original): digits with
their separators, and number words (``annotator.arabic.number_reading`` gives
both their values). A scale word after a parenthesis counts too
("(253,753.468) مليون"), and so does an English one after digits ($500 million).
A proclitic on the first word (بثلاثة) is left out of the mention; the article
of a number word (الأربعة) is kept.

Each mention gets a ``NumberKind`` from the words around it
(``annotator.arabic.number_context``): a quantity (count, money, percent,
measure, with a unit where one is written) or not (date, year, time, code,
ordinal, other). Two numbers joined by a range or a conjunction (5 ـ 7 بالمائة,
عامي 512 و511) share what marks only one of them; digits in a phone number
(+966 11 4567890) are a code. Only quantities are proposed as number spans
(``find_quantities``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from annotator.arabic.normalize import Normalized, normalize_text
from annotator.arabic.number_context import (
    QUANTITY_KINDS,
    Around,
    NumberKind,
    Reading,
    digits_reading,
    quantity_after,
    time_or_date,
    word_reading,
)
from annotator.arabic.number_reading import (
    ARTICLE_WORDS,
    LATIN_SCALES,
    ONE_WORDS,
    SCALES,
    WORDS,
    Atom,
    SpanNumber,
    digit_atom,
    number,
    parse_digits,
    read,
    word_atom,
)

__all__ = [
    "NumberKind",
    "NumberMention",
    "SpanNumber",
    "find_numbers",
    "find_quantities",
    "no_pause",
    "ready_number_words",
    "parse_digits",
]


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    value: SpanNumber
    kind: NumberKind
    unit: str | None = None  # dollar, percent, km, year ... (see number_vocabulary)

    @property
    def is_quantity(self) -> bool:
        return self.kind in QUANTITY_KINDS


# Words that look like a proclitic and a number word and never are one:
# لست ("I am not", ل + ست).
_WORDS_NOT_NUMBERS = ("لست", "ولست", "فلست")
_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


@cache
def _word_forms() -> dict[str, tuple[str, str, str]]:
    """Every written form of a number word -> (proclitic, article as written, word)."""
    forms: dict[str, tuple[str, str, str]] = {}
    for proclitic in _PROCLITICS:
        for word in WORDS:
            forms.setdefault(proclitic + word, (proclitic, "", word))
        # After ل the article's alef drops: للعشرين = ل + (ا)ل + عشرين.
        article = "ل" if proclitic.endswith("ل") else "ال"
        for word in ARTICLE_WORDS:
            forms.setdefault(proclitic + article + word, (proclitic, article, word))
    for word in _WORDS_NOT_NUMBERS:
        del forms[word]
    return forms


# Each character leads to the rest of the words; "" marks a word ending there.
Trie = dict[str, Any]


def _trie(forms: Iterable[str]) -> str:
    """A regex matching any of ``forms``, shaped as a trie so that matching stays fast."""
    trie: Trie = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: Trie) -> str:
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(trie)


# Folded text has ASCII digits only. ، joins digits only before three digits (17،500)
# or before a scale word (2،5 مليون): 2003،2004 are two numbers.
_DIGITS = re.compile(
    r"[0-9]+(?:[.,٫٬ر:][0-9]+|،[0-9]{3}(?![0-9])|،[0-9]{1,2}(?=\s*(?:الف|مليون|مليار)))*"
)
_LATIN_SCALE_AFTER = re.compile(rf"\s*({'|'.join(LATIN_SCALES)})\b", re.IGNORECASE)


@cache
def _word_pattern() -> re.Pattern[str]:
    # Words and digits are scanned apart: one pattern with both is several times slower.
    return re.compile(rf"\b(?:{_trie(_word_forms())})\b")


def ready_number_words() -> None:
    """Compile the number words' pattern now (it is kept): a window does it at start, in a
    thread, rather than on the first document proposed for while it opens."""
    _word_pattern()


def no_pause() -> None:
    """A ``pause`` that does not: the finders call ``pause()`` between their steps, so that
    a caller in a worker thread can let another thread have the GIL (``qt.background``)."""


def _atoms(folded: str, pause: Callable[[], None] = no_pause) -> list[Atom]:
    atoms = []
    for match in _DIGITS.finditer(folded):
        pause()
        start, end = match.span()
        atoms.append(digit_atom(start, end, match.group()))
        scale = _LATIN_SCALE_AFTER.match(folded, end)
        if scale:
            atoms.append(word_atom(*scale.span(1), "", False, scale.group(1).lower()))
    forms = _word_forms()
    for match in _word_pattern().finditer(folded):
        pause()
        start, end = match.span()
        proclitic, article, word = forms[match.group()]
        skip = len(proclitic) + (len(article) if article == "ل" else 0)
        atoms.append(word_atom(start + skip, end, proclitic, bool(article), word))
    atoms.sort(key=lambda atom: atom.start)
    return atoms


_PAREN_SCALE_GAP = re.compile(r"\)\s*")


def _phrases(folded: str, atoms: list[Atom]) -> list[tuple[list[Atom], int]]:
    """Runs of atoms separated by whitespace only: (atoms, start of the first one).

    A digits atom in parentheses followed by a scale word is one run that starts
    at the opening parenthesis: "(253,753.468) مليون".
    """
    phrases: list[tuple[list[Atom], int]] = []
    for atom in atoms:
        if phrases:
            run, _ = phrases[-1]
            last = run[-1]
            gap = folded[last.end : atom.start - len(atom.proclitic)]
            if not gap.strip():
                run.append(atom)
                continue
            if (
                atom.is_scale
                and len(run) == 1
                and last.digits
                and _PAREN_SCALE_GAP.fullmatch(gap)
                and folded[last.start - 1 : last.start] == "("
            ):
                run.append(atom)
                phrases[-1] = (run, last.start - 1)
                continue
        phrases.append(([atom], atom.start))
    return phrases


@dataclass
class _Found:
    start: int  # folded offsets
    end: int
    value: Decimal
    atoms: list[Atom]
    reading: Reading = Reading(NumberKind.COUNT)
    marked: bool = False  # the reading came from the context, not by default


_HAMZA_AFTER_WAW = re.compile("و[أإ]")


def _read_context(folded: Normalized, found: _Found, tatweel: bool) -> Reading | None:
    text = folded.text
    first = found.atoms[0]
    before = text[max(0, found.start - 48) : found.start]
    after = text[found.end : found.end + 48]
    if first.digits:

        def original_before() -> str:
            if not tatweel:  # then the folded text keeps every hyphen and letter
                return before[-24:]
            at = folded.offset(found.start)
            return folded.original[max(0, at - 24) : at]

        return digits_reading(first.digits, Around(before, after, original_before))
    if first.word in ONE_WORDS and _HAMZA_AFTER_WAW.match(
        folded.original, folded.offset(first.start)
    ):
        return Reading(NumberKind.OTHER)  # وأحد قادتها: و + أحد, folded like واحد
    around = Around(before, after)
    return (
        word_reading(first.word, first.article, around)
        or time_or_date(around)
        or quantity_after(after)
    )


_CONNECTOR = re.compile(r"\s*(?:[-–/،,]\s*|(?:و|او|الي|حتي)\s*)?")


def _share_marks(text: str, found: list[_Found]) -> None:
    """Numbers joined by a range or conjunction share the mark only one of them has."""
    for a, b in zip(found, found[1:], strict=False):
        gap = text[a.end : b.start - len(b.atoms[0].proclitic)]
        if not _CONNECTOR.fullmatch(gap):
            continue
        if not gap.strip() and not (a.atoms[0].digits and b.atoms[0].digits):
            continue  # عام 2012 ثلاثة جنود: two numbers side by side
        if _scales_both(a, b):
            a.value *= SCALES[b.atoms[-1].word][0]  # بين 3 و4 ملايين: 3 million
        if not a.marked and b.marked and b.reading.kind is not NumberKind.YEAR:
            a.reading, a.marked = b.reading, True
        elif (
            a.marked
            and not b.marked
            and a.reading.kind in (NumberKind.YEAR, NumberKind.TIME)
            and len(b.atoms) == 1
            and len(b.atoms[0].digits) in (1, 2, 3, 4)
        ):
            b.reading, b.marked = a.reading, True


def _scales_both(a: _Found, b: _Found) -> bool:
    """In "3 و4 ملايين" (a range with a scale at its end) the scale is the first one's too."""
    return (
        len(a.atoms) == 1
        and not a.atoms[0].is_scale
        and a.value < 1000
        and a.reading.kind.is_quantity
        and len(b.atoms) > 1
        and b.atoms[-1].word in SCALES
    )


# A phone number: + or 0 first, then groups of digits (at least seven in all).
_PHONE = re.compile(r"(?:\+\s?|0)[0-9]{1,4}(?:[ -]?[0-9]{2,4}){2,}(?![0-9])")


def _mark_phone_numbers(text: str, found: list[_Found]) -> None:
    for item in found:
        if not item.atoms[0].digits:
            continue
        start = item.start - 1 if text[item.start - 1 : item.start] == "+" else item.start
        if text[start] not in "+0":
            continue
        phone = _PHONE.match(text, start)
        if phone and sum(ch.isdigit() for ch in phone.group()) >= 7:
            for other in found:
                if other.start < phone.end() and phone.start() <= other.start:
                    other.reading, other.marked = Reading(NumberKind.CODE), True


def _value(found: _Found) -> SpanNumber:
    """The stored value; a count never has a fraction: 2.449 صفقة is 2449 deals."""
    digits = found.atoms[0].digits
    if (
        found.reading.kind is NumberKind.COUNT
        and len(found.atoms) == 1
        and digits.count(".") == 1
        and len(digits.partition(".")[2]) == 3
    ):
        return int(digits.replace(".", ""))
    return number(found.value)


def find_numbers(
    text: str, folded: Normalized | None = None, pause: Callable[[], None] = no_pause
) -> list[NumberMention]:
    """Every number mention in ``text`` (quantities and the rest), in order.

    ``folded`` may pass ``normalize(text, fold_teh_marbuta=True)`` already made; ``pause()``
    is called between steps (see ``no_pause``).
    """
    if folded is None:
        folded = Normalized(text, normalize_text(text, fold_teh_marbuta=True))
    found: list[_Found] = []
    tatweel = "\u0640" in folded.original
    for atoms, phrase_start in _phrases(folded.text, _atoms(folded.text, pause)):
        i = 0
        while i < len(atoms):
            pause()
            j, value = read(atoms, i)
            if value is not None:
                start = phrase_start if i == 0 else atoms[i].start
                item = _Found(start, atoms[j - 1].end, value, atoms[i:j])
                reading = _read_context(folded, item, tatweel)
                if reading is not None:
                    item.reading, item.marked = reading, True
                found.append(item)
            i = j
    _share_marks(folded.text, found)
    _mark_phone_numbers(folded.text, found)
    return [
        NumberMention(
            *folded.to_original(f.start, f.end), _value(f), f.reading.kind, f.reading.unit
        )
        for f in found
    ]


def find_quantities(
    text: str, folded: Normalized | None = None, pause: Callable[[], None] = no_pause
) -> list[NumberMention]:
    """The mentions that are quantities (what is proposed as number spans)."""
    return [m for m in find_numbers(text, folded, pause) if m.is_quantity]
