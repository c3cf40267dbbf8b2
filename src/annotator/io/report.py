"""What an export wrote, and what its format could not hold.

Every exporter is given an ``ExportContext``: the tokenizer to use and the
report to fill. Nothing is dropped silently: a span a format cannot carry is
listed here by document, with the reason, and the CLI prints the list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from itertools import repeat
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Final, NamedTuple

from annotator.core.events import EventSchema
from annotator.core.model import Document, Span
from annotator.core.values import Value
from annotator.io.tokens import Tokenize, TokenizedText, default_tokenize

# Why a span is not in an output as it is.
INSIDE_TOKEN = "left out: an edge falls inside a token"
INSIDE_TOKEN_CHARS_ONLY = (
    "written without token_start/token_end (character offsets only): an edge falls inside a token"
)
OVERLAPS = "left out: overlaps a longer or earlier span (a flat format keeps the outermost)"


class SpanNote(Value):
    """A span an output does not hold as it is (left out, or written without tokens), and why."""

    __slots__ = ("document_id", "start", "end", "label", "text", "reason")
    document_id: Final[int | None]
    start: Final[int]
    end: Final[int]
    label: Final[str]
    text: Final[str]
    reason: Final[str]

    def __init__(
        self, document_id: int | None, start: int, end: int, label: str, text: str, reason: str
    ) -> None:
        self.document_id = document_id
        self.start = start
        self.end = end
        self.label = label
        self.text = text
        self.reason = reason

    def describe(self) -> str:
        return f"{self.label} {self.start}-{self.end} {self.text!r}: {self.reason}"


class ExportReport(Value):
    __slots__ = (
        "format",
        "documents",
        "spans_written",
        "parts",
        "span_notes",
        "not_held",
        "outputs",
        "notices",
        "links_not_written",
        "attributes_not_written",
    )
    __hash__ = None  # type: ignore[assignment]  # it fills up as the export runs

    def __init__(self, format: str) -> None:
        self.format = format
        self.documents = 0
        self.spans_written = 0
        self.parts: dict[str, int] = {}
        self.span_notes: dict[int | None, list[SpanNote]] = {}
        self.not_held: Counter[str] = Counter()
        self.outputs: list[Path] = []
        self.notices: list[str] = []  # what else the user should know
        # Of a format that cannot hold links (io/registry.py: Holds.LINKS), what it left out.
        self.links_not_written = 0
        self.attributes_not_written = 0

    def note(self, document: Document, span: Span, reason: str) -> None:
        note = SpanNote(
            document.id, span.start, span.end, span.label, span.text_in(document.text), reason
        )
        self.span_notes.setdefault(document.id, []).append(note)

    def notes(self, reason: str | None = None) -> list[SpanNote]:
        return [
            note
            for notes in self.span_notes.values()
            for note in notes
            if reason is None or note.reason == reason
        ]

    def count(self, reason: str | None = None) -> int:
        return len(self.notes(reason))

    def messages(self, per_document: int = 20, documents: int = 50) -> list[str]:
        """Lines for people: counts first, then the spans concerned, by document."""
        lines = []
        by_reason = Counter(note.reason for note in self.notes())
        for reason, count in by_reason.items():
            lines.append(f"{self.format}: {count} span(s) {reason}")
        for what, count in self.not_held.items():
            lines.append(f"{self.format}: {count} {what}")
        if self.links_not_written or self.attributes_not_written:
            lines.append(
                f"{self.format}: {self.links_not_written} link(s) and"
                f" {self.attributes_not_written} attribute(s) not written"
                f" ({self.format} cannot hold them)"
            )
        lines.extend(f"{self.format}: {notice}" for notice in self.notices)
        notes_by_document = sorted(self.span_notes.items(), key=_by_id)
        for shown, (document_id, notes) in enumerate(notes_by_document):
            if shown == documents:
                lines.append(f"  ... and {len(notes_by_document) - documents} more document(s)")
                break
            lines.append(f"  document {document_id}: {len(notes)} span(s)")
            lines.extend(f"    {note.describe()}" for note in notes[:per_document])
            if len(notes) > per_document:
                lines.append(f"    ... and {len(notes) - per_document} more")
        return lines


def _by_id(item: tuple[int | None, list[SpanNote]]) -> int:
    return -1 if item[0] is None else item[0]


class ExportContext:
    """What an exporter is handed besides the records: the tokenizer and the report."""

    def __init__(self, format: str, tokenize: Tokenize | None = None) -> None:
        self.format = format
        self.tokenize = tokenize
        self.report = ExportReport(format)
        # The project's roles, event labels and types and attribute keys (brat's
        # annotation.conf).
        self.events = EventSchema()
        # Whether a document with a span cut inside a token is tokenized again knowing its
        # own span texts (off where every document must get the same tokenizer, as spaCy's
        # config).
        self.retokenize = True
        # What the parts of one export (train, dev, test) share, by exporter.
        self.shared: dict[str, object] = {}
        # Worker processes asked for (None: by the export's size; see io/export_workers.py).
        self.workers: int | None = None
        # Where the export goes, as the user named it (a folder is filled under another
        # name and renamed once complete: messages name this one).
        self.destination: Path | None = None
        self._tokenize_factory: Callable[[], Tokenize] = default_tokenize
        # What an exporter holds open while the export runs (worker processes), closed
        # when the export ends, however it ends (a cancel included).
        self.closing = ExitStack()

    @property
    def event_labels(self) -> frozenset[str]:
        """The labels of event spans (the heads of links), as the project declares them."""
        return self.events.event_labels

    def tokenizer(self) -> Tokenize:
        if self.tokenize is None:
            self.tokenize = self._tokenize_factory()
        return self.tokenize

    def tokenized(self, document: Document) -> TokenizedText:
        return TokenizedText.of(document.text, self.tokenizer())

    def aligned(
        self, document: Document, spans: list[Span], reason: str = INSIDE_TOKEN
    ) -> tuple[TokenizedText, list[AlignedSpan]]:
        """The document's tokens and the spans that line up with them; the rest noted.

        When a span does not line up, the document is tokenized again knowing its
        own span texts, as the Arabic tokenizer's lexicon is meant to be used:
        'وكوريا' splits into و + كوريا once 'كوريا' is an accepted span.
        """
        tokenized = self.tokenized(document)
        aligned, misaligned = _align(tokenized, spans)
        with_forms = getattr(self.tokenize, "with_forms", None)
        if misaligned and self.retokenize and with_forms is not None:
            forms = {span.text_in(document.text) for span in spans}
            retokenized = TokenizedText.of(document.text, with_forms(forms))
            again, still = _align(retokenized, spans)
            if len(still) < len(misaligned):
                tokenized, aligned, misaligned = retokenized, again, still
        for span in misaligned:
            self.report.note(document, span, reason)
        return tokenized, aligned

    def outermost(self, document: Document, aligned: list[AlignedSpan]) -> list[AlignedSpan]:
        """Spans that do not overlap (see ``outermost``); the rest are reported as left out."""
        kept, dropped = outermost(aligned)
        for item in dropped:
            self.report.note(document, item.span, OVERLAPS)
        return kept

    def flat_tags(
        self, document: Document, spans: list[Span], format_name: str
    ) -> tuple[TokenizedText, list[AlignedSpan], list[str]]:
        """Tokens, the spans a flat (one tag a token) format keeps, and their IOB2 tags.

        Overlapping spans and values, which such a format cannot hold, are reported.
        """
        tokenized, kept = self.flat_spans(document, spans, format_name)
        return tokenized, kept, iob2_tags(len(tokenized), kept)

    def flat_spans(
        self, document: Document, spans: list[Span], format_name: str
    ) -> tuple[TokenizedText, list[AlignedSpan]]:
        """``flat_tags`` without the tags (for a format that writes them otherwise)."""
        tokenized, aligned = self.aligned(document, spans)
        kept = self.outermost(document, aligned)
        self.report.spans_written += len(kept)
        values = len(kept) - list(map(_VALUE, map(_SPAN, kept))).count(None)
        if values:
            self.report.not_held[f"span value(s) not written ({format_name} has tags only)"] += (
                values
            )
        return tokenized, kept


def outermost(aligned: list[AlignedSpan]) -> tuple[list[AlignedSpan], list[AlignedSpan]]:
    """Non-overlapping spans, the outermost first, then the earliest; and the others."""
    kept: list[AlignedSpan] = []
    dropped: list[AlignedSpan] = []
    covered_to = -1
    # By first token, then last token from the last (two stable sorts, their keys in C).
    for item in sorted(sorted(aligned, key=_LAST, reverse=True), key=_FIRST):
        if item[1] <= covered_to:
            dropped.append(item)
        else:
            kept.append(item)
            covered_to = item[2]
    return kept, dropped


class AlignedSpan(NamedTuple):
    """A span with its first and last token (inclusive, as Prodigy counts).

    A named tuple: one is made for every span exported, and a frozen dataclass's
    ``__init__`` took a twentieth of a token export."""

    span: Span
    first: int
    last: int


def _align(tokenized: TokenizedText, spans: list[Span]) -> tuple[list[AlignedSpan], list[Span]]:
    ranges = tokenized.token_ranges(spans)
    if ranges is not None:  # every span lines up (nearly every document): made in C
        return list(map(_NEW_TUPLE, repeat(AlignedSpan), zip(spans, *ranges, strict=True))), []
    aligned, misaligned = [], []
    for span in spans:
        found = tokenized.token_range(span.start, span.end)
        if found is None:
            misaligned.append(span)
        else:
            aligned.append(AlignedSpan(span, *found))
    return aligned, misaligned


_SPAN = itemgetter(0)  # an aligned span's span, first token and last token
_FIRST = itemgetter(1)
_LAST = itemgetter(2)
_VALUE = attrgetter("value")
_NEW_TUPLE = tuple.__new__  # a named tuple from a tuple of its fields, without a call in Python


def iob2_tags(token_count: int, spans: list[AlignedSpan]) -> list[str]:
    """B-/I-/O tags for non-overlapping spans."""
    tags = ["O"] * token_count
    for item in spans:
        label = item.span.label
        tags[item.first] = f"B-{label}"
        for index in range(item.first + 1, item.last + 1):
            tags[index] = f"I-{label}"
    return tags


def iob2_names(labels: list[str]) -> list[str]:
    """The tag list of a label schema: O, then B- and I- of each label in schema order."""
    return ["O", *(f"{prefix}-{label}" for label in labels for prefix in ("B", "I"))]
