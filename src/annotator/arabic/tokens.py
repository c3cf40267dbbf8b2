"""Tokens with offsets into the original text, and proclitic splitting.

Tokens are half-open code point ranges ``(start, end)`` of the text as given
(nothing is normalised or removed before tokenising):

- word: letters with their diacritics, tatweel, and ZWNJ/ZWJ between letters;
- number: decimal digits of any script (ASCII, Arabic-Indic, Persian) with
  internal separators ٬ ٫ , . between digits ("1,500", "1.5", "٣٠٠٫٥");
- punct: any other visible character, one per token (، ؛ ؟ « » " - / ...).

Proclitics. A word may begin with a conjunction (و ف), a preposition (ب ل ك)
or the future particle (س), alone or combined (وب ول وك فب فل فك وس فس). Many
words merely begin with these letters (بكين واشنطن وون لبنان كوريا وزير ولاية),
so a proclitic is split off only when, after normalisation (see
``annotator.arabic.normalize``, with ة folded to ه):

1. the whole word is not a known form, and
2. what remains is a known form, or (not for س) what remains starts with the
   definite article ال followed by at least two letters ("وال", "بال", "كال"),
   or (conjunction only) starts with لل followed by at least two letters
   ("وللسلطة" -> و + للسلطة; the preposition in لل is not split because the
   article's alef is elided and no substring spells the bare noun).

The longest proclitic that satisfies rule 2 wins ("وبالطائرات" -> وب +
الطائرات, "وبكين" -> و + بكين). Known forms are the forms shipped in
``lexicon.txt`` (place and actor names, plus common words that must stay
whole such as وزير, ولاية, والد, وكالات, باليستية) and the caller's lexicon
(the project's accepted span texts); a multi-word form also makes its first
word known ("كوريا الشمالية" makes "كوريا" known, so "وكوريا" splits).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from importlib.resources import files

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
_MIN_KNOWN_REMAINDER = 2


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


@lru_cache(maxsize=8)
def known_forms(lexicon: frozenset[str] = frozenset()) -> frozenset[str]:
    """Folded known forms: the shipped lexicon, ``lexicon`` and their first words."""
    return _with_first_words(shipped_lexicon() | lexicon)


def proclitic_of(folded_word: str, known: frozenset[str]) -> str:
    """The proclitic to split off a folded word by the module's rules, or ''."""
    if folded_word in known:
        return ""
    for clitic in PROCLITICS:
        if not folded_word.startswith(clitic):
            continue
        rest = folded_word[len(clitic) :]
        if len(rest) >= _MIN_KNOWN_REMAINDER and rest in known:
            return clitic
        if FUTURE in clitic:
            continue
        if rest.startswith(ARTICLE) and len(rest) >= len(ARTICLE) + _MIN_AFTER_ARTICLE:
            return clitic
        if clitic in CONJUNCTIONS and rest.startswith("لل") and len(rest) >= 2 + _MIN_AFTER_ARTICLE:
            return clitic
    return ""


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
        kind = TokenKind(match.lastgroup)
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
