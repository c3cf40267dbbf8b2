"""Suggested spans for a document, from three sources (pure: text in, spans out).

- numbers: every quantity the number detector finds (``numbers.find_quantities``),
  labelled ``number`` with its value; years and dates are not proposed;
- occurrences ("label all occurrences"): every occurrence of an accepted span's
  text, found the way search finds it (normalised, clitic left out);
- gazetteer: the project's accepted span texts with their labels, proposed
  wherever they occur (same matching; the longest form wins at a position).

``filter_new`` keeps what is really new: never a span already there (same
start, end and label, whatever its origin), never a rejected one, and never one
overlapping an existing span of the same label (the annotator already decided
that stretch of text).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from annotator.arabic.normalize import Normalized
from annotator.arabic.numbers import find_quantities
from annotator.arabic.search import (
    SEARCH_PROCLITICS,
    find_occurrences,
    fold_for_search,
    folded_document,
    starts_a_mention,
)
from annotator.arabic.tokens import known_forms
from annotator.core.model import Span, SpanValue

NUMBER_LABEL = "number"
SpanKey = tuple[int, int, str]


class Source(StrEnum):
    NUMBERS = "numbers"
    OCCURRENCES = "occurrences"
    GAZETTEER = "gazetteer"


@dataclass(frozen=True, slots=True)
class Suggestion:
    start: int
    end: int
    label: str
    value: SpanValue = None
    source: Source = Source.GAZETTEER

    def key(self) -> SpanKey:
        return (self.start, self.end, self.label)


def number_suggestions(
    text: str, label: str = NUMBER_LABEL, folded: Normalized | None = None
) -> list[Suggestion]:
    return [
        Suggestion(m.start, m.end, label, m.value, Source.NUMBERS)
        for m in find_quantities(text, folded)
    ]


def occurrence_suggestions(
    text: str,
    span_text: str,
    label: str,
    lexicon: frozenset[str] = frozenset(),
    folded: Normalized | None = None,
) -> list[Suggestion]:
    """Every occurrence of ``span_text`` in ``text`` (the accepted span itself included:
    ``filter_new`` drops it as already there)."""
    return [
        Suggestion(start, end, label, None, Source.OCCURRENCES)
        for start, end in find_occurrences(text, span_text, lexicon, folded)
    ]


def _trie_pattern(forms: Iterable[str]) -> str:
    """A regex matching any of ``forms``, built as a trie so matching stays fast."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        ends = "" in node
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + render(child)
            for ch, child in sorted(node.items(), key=lambda item: item[0], reverse=True)
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Greedy: a longer form is tried before the shorter one that ends here.
        return f"(?:{body})?" if ends else body

    return render(trie)


class Gazetteer:
    """Accepted span texts (folded) and the label each is most often given."""

    def __init__(self, entries: Mapping[str, str]):
        self.entries = {
            fold_for_search(" ".join(form.split())): label for form, label in entries.items()
        }
        self.entries.pop("", None)
        self.lexicon = frozenset(self.entries)
        self._known = known_forms(self.lexicon)
        if self.entries:
            proclitic = "|".join(sorted(SEARCH_PROCLITICS, key=len, reverse=True))
            self._pattern: re.Pattern[str] | None = re.compile(
                rf"(?<![^\W_])(?:{proclitic})??({_trie_pattern(self.entries)})(?![^\W_])"
            )
        else:
            self._pattern = None

    @classmethod
    def from_spans(
        cls,
        texts_and_labels: Iterable[tuple[str, str]],
        skip_labels: Collection[str] = (NUMBER_LABEL,),
    ) -> Gazetteer:
        """Build from (span text, label) pairs; numbers are left to the number detector."""
        votes: dict[str, Counter[str]] = {}
        for text, label in texts_and_labels:
            if label in skip_labels:
                continue
            form = fold_for_search(" ".join(text.split()))
            if form:
                votes.setdefault(form, Counter())[label] += 1
        return cls({form: counts.most_common(1)[0][0] for form, counts in votes.items()})

    def __len__(self) -> int:
        return len(self.entries)

    def suggest(self, text: str, folded: Normalized | None = None) -> list[Suggestion]:
        if self._pattern is None:
            return []
        folded = folded or folded_document(text)
        suggestions = []
        for match in self._pattern.finditer(folded.text):
            start, end = match.span(1)
            if not starts_a_mention(folded.text, start, self._known):
                continue
            label = self.entries[" ".join(match.group(1).split())]
            suggestions.append(Suggestion(*folded.to_original(start, end), label))
        return suggestions


def filter_new(
    suggestions: Iterable[Suggestion],
    existing: Iterable[Span | SpanKey] = (),
    rejected: Collection[SpanKey] = frozenset(),
) -> list[Suggestion]:
    """Drop suggestions already there, rejected, overlapping the same label, or repeated."""
    keys = {span.key() if isinstance(span, Span) else tuple(span) for span in existing}
    by_label: dict[str, list[tuple[int, int]]] = {}
    for start, end, label in keys:
        by_label.setdefault(label, []).append((start, end))
    kept: list[Suggestion] = []
    for suggestion in sorted(suggestions, key=lambda s: (s.start, -s.end, s.label)):
        key = suggestion.key()
        if key in keys or key in rejected:
            continue
        taken = by_label.setdefault(suggestion.label, [])
        if any(start < suggestion.end and suggestion.start < end for start, end in taken):
            continue
        kept.append(suggestion)
        keys.add(key)
        taken.append((suggestion.start, suggestion.end))
    return kept


def suggest_document(
    text: str,
    sources: Collection[Source] = tuple(Source),
    *,
    gazetteer: Gazetteer | None = None,
    accepted: Iterable[Span] = (),
    existing: Iterable[Span | SpanKey] = (),
    rejected: Collection[SpanKey] = frozenset(),
    lexicon: frozenset[str] = frozenset(),
) -> list[Suggestion]:
    """All new suggestions for one document.

    ``accepted`` are the document's accepted spans (their texts seed the
    occurrences source); ``existing`` every span already in the document,
    suggested ones included; ``rejected`` the keys the annotator rejected.
    """
    found: list[Suggestion] = []
    folded = folded_document(text)
    if Source.NUMBERS in sources:
        found += number_suggestions(text, folded=folded)
    if Source.OCCURRENCES in sources:
        seen: set[tuple[str, str]] = set()
        for span in accepted:
            if span.label == NUMBER_LABEL:
                continue
            form = (fold_for_search(" ".join(span.text_in(text).split())), span.label)
            if form[0] and form not in seen:
                seen.add(form)
                found += occurrence_suggestions(
                    text, span.text_in(text), span.label, lexicon, folded
                )
    if Source.GAZETTEER in sources and gazetteer is not None:
        found += gazetteer.suggest(text, folded)
    return filter_new(found, existing, rejected)
