"""Tokens with offsets into the original text, and proclitic splitting.

Tokens are half-open code point ranges ``(start, end)`` of the text as given
(nothing is normalised or removed before tokenising):

- word: letters with their diacritics, tatweel, and ZWNJ/ZWJ between letters;
- number: decimal digits of any script (ASCII, Arabic-Indic, Persian) with
  internal separators ٬ ٫ , . between digits ("1,500", "1.5", "٣٠٠٫٥");
- punct: any other visible character, one per token (، ؛ ؟ « » " - / ...).

Proclitics. A word may begin with a conjunction (و ف), a preposition (ب ل ك)
or the future particle (س), alone or combined (وب ول وك فب فل فك وس فس). Many
words merely begin with these letters (بكين واشنطن لبنان كوريا وزير فالنسيا
كاليفورنيا بعقوبة), and some are both (وجدة: Oujda, or "and Jeddah"), so a
proclitic is split off only on evidence (see ``proclitic_of``): no letter is cut
unless what remains is an attested word and the whole word is the less likely
reading. In order:

1. A known form stays whole: the forms shipped in ``lexicon.txt`` and the
   caller's lexicon (the project's accepted span texts), with the first word of
   each multi-word form ("كوريا الشمالية" makes "كوريا" known).
2. A word in the shipped word list (``clitic_evidence``: 480,000 words from
   wordfreq and UD Arabic-PUD) gets the decision stored with it. The decision
   weighs how often the word and the rest occur against the proclitic's usual
   rate, and above all whether the word itself takes a prefix no clitic form can
   take (ببعقوبة: بعقوبة is a stem). Accepted span texts do not change it: an
   accepted short name never splits a longer word (جدة does not split وجدة).
3. A word the list does not have (a rare name) is split when what remains is
   in the list, a known form, or the article and at least two letters (وال...,
   بال...), or after a conjunction لل and two letters (وللسلطة -> و + للسلطة);
   the likeliest such split wins. Before Latin letters a single و ف ب ل ك is
   always a proclitic (وDell).

Everywhere: the rest keeps at least two letters; س only before an imperfect
verb (ي ت ن); a preposition ل before a rest in ل is the article's ل with its
alef elided (للسلطة stays whole: no substring spells السلطة) unless the bare
rest is the commoner word (للبنان -> ل + لبنان).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from importlib.resources import files

from annotator.arabic.clitic_evidence import evidence, usual_rate
from annotator.arabic.normalize import DIACRITICS, normalize, normalize_text

# Letters (any script, includes tatweel) and combining marks.
_LETTER = r"[^\W\d_]"
_MARK = f"[{DIACRITICS}\u0300-\u036f]"
_WORD_CHAR = f"(?:{_LETTER}|{_MARK})"
_JOINER = "[\u200c\u200d]"
_WORD = f"{_WORD_CHAR}+(?:{_JOINER}+{_WORD_CHAR}+)*"
_NUMBER = r"\d+(?:[٬٫,.]\d+)*"
_TOKEN = re.compile(f"(?P<word>{_WORD})|(?P<number>{_NUMBER})|(?P<punct>\\S)")

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
FUTURE = "س"
# Longest first, so "وب" is tried before "و".
PROCLITICS: tuple[str, ...] = tuple(
    sorted(
        {*CONJUNCTIONS, *PREPOSITIONS, FUTURE}
        | {c + p for c in CONJUNCTIONS for p in (*PREPOSITIONS, FUTURE)},
        key=len,
        reverse=True,
    )
)
ARTICLE = "ال"
_MIN_AFTER_ARTICLE = 2
_MIN_REST = 2
_IMPERFECT_PREFIXES = ("ي", "ت", "ن")
_SINGLE_LETTER = frozenset({*CONJUNCTIONS, *PREPOSITIONS})
_ARABIC_LETTERS = ("\u0600", "\u06ff")
# What a remainder known only from a lexicon, or only by its article, counts as
# (log10 frequency): rarer than any listed word, so listed evidence wins.
_KNOWN_REST_FREQUENCY = 1e-8
_ARTICLE_REST_FREQUENCY = 1e-9


class TokenKind(StrEnum):
    WORD = "word"
    NUMBER = "number"
    PUNCT = "punct"
    CLITIC = "clitic"


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    kind: TokenKind
    text: str


def fold(form: str) -> str:
    """How forms are compared for clitic rules and matching."""
    return " ".join(normalize_text(form, fold_teh_marbuta=True).split())


@cache
def shipped_lexicon() -> frozenset[str]:
    """The forms shipped in lexicon.txt, as written."""
    source = files("annotator.arabic").joinpath("lexicon.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in source.splitlines())
    return frozenset(line for line in lines if line)


def _with_first_words(forms: Iterable[str]) -> frozenset[str]:
    known: set[str] = set()
    for form in forms:
        folded = fold(form)
        if folded:
            known.add(folded)
            known.add(folded.split(" ", 1)[0])
    return frozenset(known)


@cache
def _shipped_known() -> frozenset[str]:
    return _with_first_words(shipped_lexicon())


@lru_cache(maxsize=8)
def known_forms(lexicon: frozenset[str] = frozenset()) -> frozenset[str]:
    """Folded known forms: the shipped lexicon, ``lexicon`` and their first words."""
    # The shipped part is folded once: the window asks with a new small lexicon often.
    return _shipped_known() | _with_first_words(lexicon)


def candidates(word: str, frequency: Callable[[str], float | None]) -> Iterator[tuple[str, str]]:
    """(proclitic, rest) splits of a folded ``word`` that Arabic allows, longest first.

    ``frequency`` gives how often a folded word occurs (None when not listed).
    """
    for clitic in PROCLITICS:
        if not word.startswith(clitic):
            continue
        rest = word[len(clitic) :]
        if len(rest) < _MIN_REST:
            continue
        if FUTURE in clitic and not (rest.startswith(_IMPERFECT_PREFIXES) and len(rest) >= 3):
            continue
        # للسلطة: the article's ل, unless the bare rest is the commoner word (للبنان).
        if (
            clitic.endswith("ل")
            and rest.startswith("ل")
            and (frequency("ا" + rest) or 0.0) >= (frequency(rest) or 0.0)
        ):
            continue
        yield clitic, rest


def splits_after(folded_word: str, prefix: str, known: frozenset[str]) -> bool:
    """Whether ``prefix`` may be a proclitic of the word, for search (see ``search``).

    Not of a known form; of a listed word, only the proclitic its evidence splits
    off (وبكين is و + بكين: searching كين finds nothing there); of an unlisted word,
    any proclitic (the query attests the rest).
    """
    if folded_word in known:
        return False
    entry = evidence().lookup(folded_word)
    return entry is None or entry.proclitic == prefix


def proclitic_of(folded_word: str, known: frozenset[str]) -> str:
    """The proclitic to split off a folded word by the module's rules, or ''."""
    if folded_word in known or len(folded_word) <= _MIN_REST:
        return ""
    first = folded_word[0]
    if first in _SINGLE_LETTER and _is_foreign_letter(folded_word[1]):
        return first
    listed = evidence()
    entry = listed.lookup(folded_word)
    if entry is not None:
        return entry.proclitic
    best, best_score = "", 0.0
    for clitic, rest in candidates(folded_word, listed.frequency):
        if FUTURE in clitic:
            continue  # an unlisted word after س is a name far more often than a verb
        frequency = listed.frequency(rest)
        if frequency is None:
            if rest in known:
                frequency = _KNOWN_REST_FREQUENCY
            elif _article_rest(clitic, rest):
                frequency = _ARTICLE_REST_FREQUENCY
            else:
                continue
        score = usual_rate(clitic) * frequency
        if score > best_score:
            best, best_score = clitic, score
    return best


def _article_rest(clitic: str, rest: str) -> bool:
    if rest.startswith(ARTICLE) and len(rest) >= len(ARTICLE) + _MIN_AFTER_ARTICLE:
        return True
    return clitic in CONJUNCTIONS and rest.startswith("لل") and len(rest) >= 2 + _MIN_AFTER_ARTICLE


def _is_foreign_letter(char: str) -> bool:
    return char.isalpha() and not _ARABIC_LETTERS[0] <= char <= _ARABIC_LETTERS[1]


def proclitic_length(word: str, lexicon: frozenset[str] = frozenset()) -> int:
    """How many code points of ``word`` (as written) are a proclitic to split off."""
    normalized = normalize(word, fold_teh_marbuta=True)
    clitic = proclitic_of(normalized.text, known_forms(lexicon))
    return normalized.offset(len(clitic)) if clitic else 0


def tokenize(
    text: str, lexicon: frozenset[str] = frozenset(), *, split_clitics: bool = True
) -> list[Token]:
    """Words, numbers and punctuation of ``text`` with offsets into ``text``.

    With ``split_clitics``, a word's proclitic becomes its own CLITIC token.
    """
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        kind = TokenKind(match.lastgroup or "")  # every alternative of _TOKEN is a named group
        start, end = match.span()
        if kind is TokenKind.WORD and split_clitics:
            cut = start + proclitic_length(match.group(), lexicon)
            if cut > start:
                tokens.append(Token(start, cut, TokenKind.CLITIC, text[start:cut]))
                start = cut
        tokens.append(Token(start, end, kind, text[start:end]))
    return tokens


WORD_PATTERN = _WORD
WORD_CHAR_PATTERN = _WORD_CHAR
