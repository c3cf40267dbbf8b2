"""Suggested spans for a document, from three sources (pure: text in, spans out).

- numbers: every quantity the number detector finds (``numbers.find_quantities``),
  labelled ``number`` with its value, kind and unit; dates, years, times, codes
  and ordinals are not proposed;
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
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from annotator.arabic.normalize import Normalized
from annotator.arabic.numbers import find_quantities, no_pause
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
Pause = Callable[[], None]  # called between steps (``numbers.no_pause``)


class Source(StrEnum):
    NUMBERS = "numbers"
    OCCURRENCES = "occurrences"
    GAZETTEER = "gazetteer"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed span. A number carries its value, and its ``kind`` (count, money,
    percent, measure) and ``unit`` (dollar, percent, km ...; None for a count).
    Only ``value`` is stored today (``storage.suggestions.store_suggestions``
    writes the row); unit and kind go there too once spans have typed attributes."""

    start: int
    end: int
    label: str
    value: SpanValue = None
    source: Source = Source.GAZETTEER
    unit: str | None = None
    kind: str | None = None

    def key(self) -> SpanKey:
        return (self.start, self.end, self.label)


def number_suggestions(
    text: str,
    label: str = NUMBER_LABEL,
    folded: Normalized | None = None,
    pause: Pause = no_pause,
) -> list[Suggestion]:
    return [
        Suggestion(m.start, m.end, label, m.value, Source.NUMBERS, m.unit, m.kind.value)
        for m in find_quantities(text, folded, pause)
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
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
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


def _leading_run(form: str) -> str:
    """The letters and digits a form starts with ('' when it starts with anything else)."""
    end = 0
    while end < len(form) and form[end].isalnum():
        end += 1
    return form[:end]


_PROCLITICS_LONGEST_FIRST = sorted(SEARCH_PROCLITICS, key=len, reverse=True)
_PROCLITIC_LETTERS = frozenset(p[0] for p in SEARCH_PROCLITICS)
_FORM_END = re.compile(r"(?<=\S)(?![^\W_])")


REGEX_LIMIT = 20_000


class Gazetteer:
    """Accepted span texts (folded) and the label each is most often given.

    Up to ``regex_limit`` forms, one regular expression (a trie of the forms)
    finds them: the fastest to match, but its compile time and memory grow with
    the forms (100,000 forms: 5 s and 40 MB). Above it, a scan from word start
    to word start looks forms up in a dict: half as fast to match, nothing to
    compile. Both follow the same rule; tests/arabic/test_gazetteer_matching.py
    checks that they agree.
    """

    def __init__(
        self, entries: Mapping[str, str], regex_limit: int = REGEX_LIMIT, pause: Pause = no_pause
    ):
        self.entries = {}
        for form, label in entries.items():
            pause()
            self.entries[fold_for_search(" ".join(form.split()))] = label
        self.entries.pop("", None)
        self.lexicon = frozenset(self.entries)
        self._known = known_forms(self.lexicon)
        self._pattern: re.Pattern[str] | None = None
        if self.entries and len(self.entries) <= regex_limit:
            proclitic = "|".join(_PROCLITICS_LONGEST_FIRST)
            self._pattern = re.compile(
                rf"(?<![^\W_])(?:{proclitic})??({_trie_pattern(self.entries)})(?![^\W_])"
            )
            return
        # Forms by the run of letters they start with: the longest form (in folded
        # characters) for each run bounds how far a match there can reach.
        self._longest: dict[str, int] = {}
        for form in self.entries:
            run = _leading_run(form)
            self._longest[run] = max(self._longest.get(run, 0), len(form))
        others = sorted({form[0] for form in self.entries if not form[0].isalnum()})
        alternatives = [r"[^\W_]+"] + ([f"[{re.escape(''.join(others))}]"] if others else [])
        self._starts = re.compile(rf"(?<![^\W_])(?:{'|'.join(alternatives)})")

    @classmethod
    def from_spans(
        cls,
        texts_and_labels: Iterable[tuple[str, str]],
        skip_labels: Collection[str] = (NUMBER_LABEL,),
        pause: Pause = no_pause,
    ) -> Gazetteer:
        """Build from (span text, label) pairs; numbers are left to the number detector.
        ``pause()`` is called between pairs (a worker's, to let the window's thread in)."""
        votes: dict[str, Counter[str]] = {}
        for text, label in texts_and_labels:
            pause()
            if label in skip_labels:
                continue
            form = fold_for_search(" ".join(text.split()))
            if form:
                votes.setdefault(form, Counter())[label] += 1
        return cls(
            {form: counts.most_common(1)[0][0] for form, counts in votes.items()}, pause=pause
        )

    def __len__(self) -> int:
        return len(self.entries)

    def suggest(
        self, text: str, folded: Normalized | None = None, pause: Pause = no_pause
    ) -> list[Suggestion]:
        """Every entry in ``text``, found the way search finds a query (see the class)."""
        if not self.entries:
            return []
        folded = folded or folded_document(text)
        if self._pattern is None:
            return self._suggest_by_words(folded, pause)
        suggestions = []
        for match in self._pattern.finditer(folded.text):
            pause()
            start, end = match.span(1)
            if not starts_a_mention(folded.text, start, self._known):
                continue
            label = self.entries[" ".join(match.group(1).split())]
            suggestions.append(Suggestion(*folded.to_original(start, end), label))
        return suggestions

    def _suggest_by_words(self, folded: Normalized, pause: Pause = no_pause) -> list[Suggestion]:
        """The same rule without the regular expression.

        Scanning the folded text word start by word start: a form matches at a
        word start, or after a proclitic (tried only when no form matches at the
        word start itself), when it ends at the end of a word; the longest form
        matching there wins and the scan goes on after it. A match whose word is
        itself a known form (بكين: no كين) is dropped, as search drops it.
        """
        folded_text = folded.text
        suggestions = []
        resume = 0  # where the last match ended: matches do not overlap
        for position, run_end in self._word_starts(folded_text):
            pause()
            if position < resume:
                continue
            match = self._match_at(folded_text, position, run_end)
            if match is None:
                continue
            start, end, label = match
            if starts_a_mention(folded_text, start, self._known):
                suggestions.append(Suggestion(*folded.to_original(start, end), label))
            resume = end
        return suggestions

    def _word_starts(self, folded_text: str) -> Iterator[tuple[int, int]]:
        """Where a match may start (after anything but a letter or digit), and its run's end.

        That is each run of letters, and each character some form starts with that
        is not a letter (a quotation mark, say) where no letter comes before it.
        """
        for start in self._starts.finditer(folded_text):
            position, end = start.span()
            yield position, end if folded_text[position].isalnum() else position

    def _match_at(self, text: str, position: int, run_end: int) -> tuple[int, int, str] | None:
        found = self._longest_form_at(text, position, run_end)
        if found is not None or text[position] not in _PROCLITIC_LETTERS:
            return found
        for proclitic in _PROCLITICS_LONGEST_FIRST:
            if text.startswith(proclitic, position, run_end):
                found = self._longest_form_at(text, position + len(proclitic), run_end)
                if found is not None:
                    return found
        return None

    def _longest_form_at(self, text: str, start: int, run_end: int) -> tuple[int, int, str] | None:
        """The longest entry starting at ``start`` (whose letters run to ``run_end``)."""
        if start > run_end:
            return None
        longest = self._longest.get(text[start:run_end])
        if longest is None or start >= len(text) or text[start].isspace():
            return None
        best = None
        # A form ends where a word ends, never on a space: try each such place in turn.
        for end_match in _FORM_END.finditer(text, max(run_end, start + 1)):
            end = end_match.start()
            form = " ".join(text[start:end].split())
            if len(form) > longest:
                break
            label = self.entries.get(form)
            if label is not None:
                best = (start, end, label)
        return best


class _Stretches:
    """Ranges of one label, sorted by start; asks whether a range overlaps any of them."""

    def __init__(self) -> None:
        self._ranges: list[tuple[int, int]] = []
        self._longest = 0

    def add(self, start: int, end: int) -> None:
        insort(self._ranges, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        # Only a range starting less than the longest length before ``start`` can reach it.
        first = bisect_left(self._ranges, (start - self._longest + 1, -1))
        last = bisect_left(self._ranges, (end, -1))
        return any(other_end > start for _, other_end in self._ranges[first:last])


def filter_new(
    suggestions: Iterable[Suggestion],
    existing: Iterable[Span | SpanKey] = (),
    rejected: Collection[SpanKey] = frozenset(),
    pause: Pause = no_pause,
) -> list[Suggestion]:
    """Drop suggestions already there, rejected, overlapping the same label, or repeated."""
    keys = {
        span.key() if isinstance(span, Span) else (span[0], span[1], span[2]) for span in existing
    }
    by_label: dict[str, _Stretches] = {}
    for start, end, label in keys:
        pause()
        by_label.setdefault(label, _Stretches()).add(start, end)
    kept: list[Suggestion] = []
    for suggestion in sorted(suggestions, key=lambda s: (s.start, -s.end, s.label)):
        pause()
        key = suggestion.key()
        if key in keys or key in rejected:
            continue
        taken = by_label.setdefault(suggestion.label, _Stretches())
        if taken.overlaps(suggestion.start, suggestion.end):
            continue
        kept.append(suggestion)
        keys.add(key)
        taken.add(suggestion.start, suggestion.end)
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
    pause: Pause = no_pause,
) -> list[Suggestion]:
    """All new suggestions for one document.

    ``accepted`` are the document's accepted spans (their texts seed the
    occurrences source); ``existing`` every span already in the document,
    suggested ones included; ``rejected`` the keys the annotator rejected;
    ``pause()`` is called between steps (a worker's, to let the window's thread in).
    """
    found: list[Suggestion] = []
    folded = folded_document(text)
    if Source.NUMBERS in sources:
        found += number_suggestions(text, folded=folded, pause=pause)
    if Source.OCCURRENCES in sources:
        seen: set[tuple[str, str]] = set()
        for span in accepted:
            pause()
            if span.label == NUMBER_LABEL:
                continue
            form = (fold_for_search(" ".join(span.text_in(text).split())), span.label)
            if form[0] and form not in seen:
                seen.add(form)
                found += occurrence_suggestions(
                    text, span.text_in(text), span.label, lexicon, folded
                )
    if Source.GAZETTEER in sources and gazetteer is not None:
        found += gazetteer.suggest(text, folded, pause)
    return filter_new(found, existing, rejected, pause)
