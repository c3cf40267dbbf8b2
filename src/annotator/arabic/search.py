"""Normalised, clitic-tolerant search in one text or across many documents.

Matching rule. Text and query are normalised the same way (``normalize`` with
ة folded to ه: alef forms, ى, diacritics, tatweel, digits); a run of spaces in
the query matches any run of whitespace. A match counts only when

- it ends at the end of a word (the next character is not a letter or digit),
- and it starts at the start of a word, or right after a proclitic that starts
  the word (و ف ب ل ك وب ول وك فب فل فك) that the clitic rules allow there
  (``tokens.splits_after``: not in a known form, and in a word of the shipped
  word list only the proclitic its evidence splits off: searching كين does not
  find بكين nor وبكين, and جدة does not find وجدة).

So روسيا finds روسيا, لروسيا, وروسيا, بروسيا, روسيا،, روسيًا, and never the inside
of a longer word (الروسية, روسيات). The reported range covers the query's part
only (the clitic is left out), mapped to exact offsets of the original text.
A definite noun after ل written with لل (للولايات) is not found by searching
الولايات: no substring of the original spells the query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from annotator.arabic.normalize import Normalized, normalize_text
from annotator.arabic.tokens import CONJUNCTIONS, PREPOSITIONS, known_forms, splits_after

SEARCH_PROCLITICS = frozenset(
    {*CONJUNCTIONS, *PREPOSITIONS} | {c + p for c in CONJUNCTIONS for p in PREPOSITIONS}
)
_LONGEST_PROCLITIC = max(map(len, SEARCH_PROCLITICS))


def fold_for_search(text: str) -> str:
    return normalize_text(text, fold_teh_marbuta=True)


def folded_document(text: str) -> Normalized:
    """The folded form every matcher here (and numbers, suggest) can share."""
    return Normalized(text, fold_for_search(text))


@lru_cache(maxsize=256)
def _pattern(folded_query: str) -> re.Pattern[str] | None:
    words = folded_query.split()
    if not words:
        return None
    return re.compile(r"\s+".join(map(re.escape, words)) + r"(?![^\W_])")


def _word_end(text: str, index: int) -> int:
    while index < len(text) and text[index].isalnum():
        index += 1
    return index


def starts_a_mention(folded: str, start: int, known: frozenset[str]) -> bool:
    """The match at ``start`` begins a word, or follows only a proclitic of its word."""
    word_start = start
    while word_start > 0 and folded[word_start - 1].isalnum():
        word_start -= 1
        if start - word_start > _LONGEST_PROCLITIC:
            return False
    if word_start == start:
        return True
    prefix = folded[word_start:start]
    if prefix not in SEARCH_PROCLITICS:
        return False
    return splits_after(folded[word_start : _word_end(folded, start)], prefix, known)


def folded_matches(
    folded_text: str, folded_query: str, known: frozenset[str]
) -> list[tuple[int, int]]:
    """Matches as ranges of the folded text (see the module's rule)."""
    pattern = _pattern(folded_query)
    if pattern is None or folded_query.split(None, 1)[0] not in folded_text:
        return []
    matches = []
    for match in pattern.finditer(folded_text):
        start = match.start()
        # Most matches begin a word: settle those without the clitic rules.
        if (
            start == 0
            or not folded_text[start - 1].isalnum()
            or starts_a_mention(folded_text, start, known)
        ):
            matches.append(match.span())
    return matches


def find_occurrences(
    text: str,
    query: str,
    lexicon: frozenset[str] = frozenset(),
    folded: Normalized | None = None,
) -> list[tuple[int, int]]:
    """Every occurrence of ``query`` in ``text`` as original ``(start, end)`` offsets.

    ``folded`` may pass ``folded_document(text)`` already made.
    """
    folded = folded or folded_document(text)
    return [
        folded.to_original(start, end)
        for start, end in folded_matches(folded.text, fold_for_search(query), known_forms(lexicon))
    ]


class SearchHit(NamedTuple):
    document_id: int
    start: int
    end: int


@dataclass
class SearchIndex:
    """Folded texts of many documents kept in memory, so each query only scans."""

    _documents: dict[int, Normalized] = field(default_factory=dict)
    _order: list[int] | None = None

    @classmethod
    def build(cls, documents: Iterable[tuple[int, str]]) -> SearchIndex:
        index = cls()
        for document_id, text in documents:
            index.add(document_id, text)
        return index

    def add(self, document_id: int, text: str) -> None:
        """Add or replace a document."""
        self._documents[document_id] = folded_document(text)
        self._order = None

    def remove(self, document_id: int) -> None:
        self._documents.pop(document_id, None)
        self._order = None

    def __len__(self) -> int:
        return len(self._documents)

    def copy(self) -> SearchIndex:
        """The same documents in an index of its own (the folded texts are shared), to
        search in another thread while this one changes."""
        return SearchIndex(dict(self._documents))

    def search(
        self, query: str, lexicon: frozenset[str] = frozenset(), limit: int | None = None
    ) -> list[SearchHit]:
        """Hits in document id order, then text order; at most ``limit`` of them."""
        folded_query = fold_for_search(query)
        known = known_forms(lexicon)
        hits: list[SearchHit] = []
        for document_id in self._ordered_ids():
            folded = self._documents[document_id]
            matches = folded_matches(folded.text, folded_query, known)
            if not matches:
                continue
            if not folded.is_identity:
                matches = [folded.to_original(start, end) for start, end in matches]
            hits += [SearchHit(document_id, start, end) for start, end in matches]
            if limit is not None and len(hits) >= limit:
                return hits[:limit]
        return hits

    def _ordered_ids(self) -> list[int]:
        if self._order is None:
            self._order = sorted(self._documents)
        return self._order
