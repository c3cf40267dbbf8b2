"""Documents and spans as plain values.

Offsets are half-open Unicode code point offsets into the stored text,
exactly as Python slices it: ``text[span.start:span.end]``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple


class Status(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Origin(StrEnum):
    MANUAL = "manual"
    IMPORTED = "imported"
    SUGGESTED = "suggested"


SpanValue = int | float | str | None


# Spans and documents are values: code replaces them (dataclasses.replace) rather than
# mutating them. They are not frozen only because frozen dataclasses are three times
# slower to build, and imports and exports build hundreds of thousands of them.
@dataclass(slots=True, unsafe_hash=True)
class Span:
    start: int
    end: int
    label: str
    id: int | None = None
    document_id: int | None = None
    annotator: str = ""
    value: SpanValue = None
    origin: Origin = Origin.MANUAL
    created: str = ""
    updated: str = ""

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def key(self) -> tuple[int, int, str]:
        """What makes two spans of one document the same annotation."""
        return (self.start, self.end, self.label)


class NewSpan(NamedTuple):
    """A span on its way into a project (an import): no id, document or times yet."""

    start: int
    end: int
    label: str
    annotator: str = ""
    value: SpanValue = None
    origin: Origin = Origin.MANUAL

    @classmethod
    def of(cls, span: Span | NewSpan) -> NewSpan:
        if type(span) is cls:
            return span
        return cls(span.start, span.end, span.label, span.annotator, span.value, span.origin)


@dataclass(slots=True)
class Document:
    title: str
    text: str
    id: int | None = None
    source: str = ""
    content_hash: str = ""
    status: Status = Status.TODO
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentSummary:
    """What a document list shows, without the text."""

    id: int
    title: str
    status: Status
    span_count: int
    length: int


def content_hash(text: str) -> str:
    """Must agree with io.decoding.check_text, which hashes imported text while checking it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def title_from_text(text: str, fallback: str = "") -> str:
    """A news file's first line is often its date: take the first line that has a letter."""
    lines = [line.strip() for line in text[:2000].splitlines() if line.strip()]
    for line in lines[:3]:
        if any(ch.isalpha() for ch in line) and not _looks_like_date(line):
            return line[:200]
    return (lines[0][:200] if lines else "") or fallback


def _looks_like_date(line: str) -> bool:
    digits = sum(ch.isdigit() for ch in line)
    return len(line) <= 40 and digits >= 4 and digits * 3 >= len(line.replace(" ", "")) * 1
