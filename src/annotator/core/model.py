"""Documents and spans as plain values.

Offsets are half-open Unicode code point offsets into the stored text,
exactly as Python slices it: ``text[span.start:span.end]``.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Any, Final, NamedTuple

from annotator.core.events import NO_ATTRIBUTES, Attributes
from annotator.core.values import Value


class Status(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Origin(StrEnum):
    MANUAL = "manual"
    IMPORTED = "imported"
    SUGGESTED = "suggested"


SpanValue = int | float | str | None


# Spans are values: code replaces them (core.values.replace) rather than mutating them.
class Span(Value):
    __slots__ = (
        "start",
        "end",
        "label",
        "id",
        "document_id",
        "annotator",
        "value",
        "origin",
        "created",
        "updated",
        "attributes",
    )
    start: Final[int]
    end: Final[int]
    label: Final[str]
    id: Final[int | None]
    document_id: Final[int | None]
    annotator: Final[str]
    value: Final[SpanValue]
    origin: Final[Origin]
    created: Final[str]
    updated: Final[str]
    attributes: Final[Attributes]  # all but ``value`` (core.events)

    def __init__(
        self,
        start: int,
        end: int,
        label: str,
        id: int | None = None,
        document_id: int | None = None,
        annotator: str = "",
        value: SpanValue = None,
        origin: Origin = Origin.MANUAL,
        created: str = "",
        updated: str = "",
        attributes: Attributes = NO_ATTRIBUTES,
    ) -> None:
        self.start = start
        self.end = end
        self.label = label
        self.id = id
        self.document_id = document_id
        self.annotator = annotator
        self.value = value
        self.origin = origin
        self.created = created
        self.updated = updated
        self.attributes = attributes

    # Written out rather than Value's (which reads the slots by name): twice as fast, and
    # a span table compares a document's spans at each tag (qt.models).
    def _key(self) -> tuple[object, ...]:
        return (
            self.start,
            self.end,
            self.label,
            self.id,
            self.document_id,
            self.annotator,
            self.value,
            self.origin,
            self.created,
            self.updated,
            self.attributes,
        )

    def __eq__(self, other: object) -> bool:
        if type(other) is not Span:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

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


class Document(Value):
    __slots__ = ("title", "text", "id", "source", "content_hash", "status", "meta")
    __hash__ = None  # type: ignore[assignment]  # mutable: equal by value, not hashable

    def __init__(
        self,
        title: str,
        text: str,
        id: int | None = None,
        source: str = "",
        content_hash: str = "",
        status: Status = Status.TODO,
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.title = title
        self.text = text
        self.id = id
        self.source = source
        self.content_hash = content_hash
        self.status = status
        self.meta: dict[str, Any] = {} if meta is None else meta


class DocumentSummary(Value):
    """What a document list shows, without the text."""

    __slots__ = ("id", "title", "status", "span_count", "length")
    id: Final[int]
    title: Final[str]
    status: Final[Status]
    span_count: Final[int]
    length: Final[int]

    def __init__(self, id: int, title: str, status: Status, span_count: int, length: int):
        self.id = id
        self.title = title
        self.status = status
        self.span_count = span_count
        self.length = length


class StoredDocument(Value):
    """A deleted document as its project stored it, with every row that hung off it.

    Putting it back restores the document exactly: the same ids, values, origins and
    times for it and its spans (and remembered rejections). The rows are the storage's
    own, column by column; only storage reads them.
    """

    __slots__ = ("id", "title", "tables")
    id: Final[int]
    title: Final[str]
    # (table, column names, rows), parents first
    tables: Final[tuple[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]], ...]]

    def __init__(
        self,
        id: int,
        title: str,
        tables: tuple[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]], ...],
    ) -> None:
        self.id = id
        self.title = title
        self.tables = tables

    def row_count(self, table: str) -> int:
        return sum(len(rows) for name, _columns, rows in self.tables if name == table)


def content_hash(text: str) -> str:
    """Must agree with io.decoding.check_text, which hashes imported text while checking it."""
    import hashlib  # loading OpenSSL costs a command that hashes nothing (stats) 5 ms

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def title_from_text(text: str, fallback: str = "") -> str:
    """A news file's first line is often its date: take the first line that has a letter.

    Looks at the first three lines with something on them, within the first 2000
    characters.
    """
    # Line by line, split where the lines are looked at: splitting the first 2000
    # characters whole (most of an article's first lines when the first is a date) was a
    # fiftieth of a doccano or Prodigy import, whose records carry no title. Splitting at
    # "\n" first, then each piece as splitlines() would, gives the same lines save
    # empty ones, which are passed over anyway.
    first, looked_at, start = "", 0, 0
    end_of_look = min(len(text), _TITLE_LOOK)
    while start < end_of_look:
        end = text.find("\n", start, end_of_look)
        if end == -1:
            end = end_of_look
        for line in text[start:end].splitlines():
            line = line.strip()
            if not line:
                continue
            first = first or line
            if any(map(str.isalpha, line)) and not _looks_like_date(line):
                return line[:200]
            looked_at += 1
            if looked_at == 3:
                return first[:200]
        start = end + 1
    return first[:200] or fallback


_TITLE_LOOK = 2000  # characters: a title is among the lines that start in them


def _looks_like_date(line: str) -> bool:
    if len(line) > 40:  # before counting digits: a long first line is the common case
        return False
    digits = sum(map(str.isdigit, line))
    return digits >= 4 and digits * 3 >= len(line.replace(" ", "")) * 1


def parse_value(typed: str) -> SpanValue:
    """A value as an annotator types it: a number when it reads as one, else the text.

    Digits may be Arabic-Indic or Persian; thousands separators (, ٬) are
    dropped and the Arabic decimal comma ٫ is a point. Empty clears the value.
    """
    typed = typed.strip()
    if not typed:
        return None
    plain = typed.replace(",", "").replace("\u066c", "").replace("\u066b", ".")
    if "_" in plain:  # Python reads 1_000 as a number; an annotator did not mean that
        return typed
    try:
        return int(plain)
    except ValueError:
        pass
    try:
        number = float(plain)
    except ValueError:
        return typed
    return number if math.isfinite(number) else typed
