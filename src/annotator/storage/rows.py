"""Rows read from a project file, turned into documents, spans and labels - or refused.

A file changed by another program (the sqlite3 shell, a script with foreign keys
off) passes SQLite's integrity check and can still hold rows our code never
writes: a status outside the three, an origin nobody knows, meta that is not
JSON, offsets stored as text or beyond the text, a span whose label is gone. Read
as they are, they crash a command much later (a KeyError in an export) or are
exported silently. Each row is checked here, as it is turned into an object, and
a bad one stops the read with ``damaged project: <table> row <id>: <reason>``.

The checks are a few type and range tests on values already in hand (no query):
reading 200,000 spans stays as fast as before.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any

from annotator.core.errors import EditError, ProjectError
from annotator.core.events import NO_ATTRIBUTES, Link, decode_attributes
from annotator.core.labels import Label
from annotator.core.model import Document, Origin, Span, Status

_ORIGINS = {origin.value: origin for origin in Origin}
_STATUSES = {status.value: status for status in Status}
_VALUE_TYPES = (int, float, str)

# A document's text: ``text``, or for a text too long to hold, its UTF-8 kept in
# ``text_utf8`` (the last column: see schema.m005_long_text_utf8), ``text`` being ''.
DOCUMENT_TEXT = "coalesce(CAST(text_utf8 AS TEXT), text)"
DOCUMENT_COLUMNS = f"id, title, {DOCUMENT_TEXT}, source, content_hash, status, meta, length"
SPAN_COLUMNS = (
    'id, document_id, start, "end", label, annotator, value, origin, created, updated, attributes'
)
# A document's spans are read in the order of the unique index on (document, start, end,
# label), which SQLite follows without sorting, then put in ``SPAN_ORDER`` (start, end, id),
# their order everywhere: sorting in the query took a fifth of the reading (an export's
# 200,000 spans, a document's 5,000 opened in the window).
SPAN_INDEX_ORDER = 'start, "end", label'
SPAN_ORDER = attrgetter("start", "end", "id")


class LabelNames:
    """The names spans may carry: the labels read last, read again before refusing a
    span whose label another window or program added since."""

    def __init__(self, names: set[str], read_again: Callable[[], set[str]]):
        self.names = names
        self._read_again = read_again

    def knows_after_reading_again(self, name: object) -> bool:
        self.names = self._read_again()
        return name in self.names


def damaged(where: object, table: str, row_id: object, reason: str) -> ProjectError:
    return ProjectError(f"{where}: damaged project: {table} row {row_id!r}: {reason}")


def span_from_row(row: tuple[Any, ...], labels: LabelNames, where: object) -> Span:
    (span,) = spans_from_rows((row,), labels, where, sys.maxsize)
    return span


def spans_from_rows(
    rows: Iterable[tuple[Any, ...]], labels: LabelNames, where: object, length: int
) -> list[Span]:
    """Spans from their rows (one document's, each span also checked to end within its
    ``length`` characters), refusing a damaged row by name, in the rows' order."""
    return _checked_spans(rows, labels, where, length)[0]


def spans_in_order(
    rows: Iterable[tuple[Any, ...]], labels: LabelNames, where: object, length: int
) -> list[Span]:
    """``spans_from_rows`` put in ``SPAN_ORDER``. Rows read in ``SPAN_INDEX_ORDER``
    nearly always have no two spans on one extent, and are then in that order already:
    they are sorted only when two are (sorting every document's spans was a sixth of
    making them)."""
    spans, in_order = _checked_spans(rows, labels, where, length)
    if not in_order:
        spans.sort(key=SPAN_ORDER)
    return spans


def _checked_spans(
    rows: Iterable[tuple[Any, ...]], labels: LabelNames, where: object, length: int
) -> tuple[list[Span], bool]:
    """The spans of ``spans_from_rows``, and whether their extents (start, end) strictly
    increase. The tests are inline, the reason looked for only when one fails: an export
    reads 200,000 spans, a document opened in the window 5,000."""
    spans: list[Span] = []
    append = spans.append
    names, origins, value_types, decode = labels.names, _ORIGINS, _VALUE_TYPES, decode_attributes
    in_order = True
    last_start = last_end = -1
    for row in rows:
        (
            span_id,
            document_id,
            start,
            end,
            label,
            annotator,
            value,
            origin,
            created,
            updated,
            stored,
        ) = row
        kind = origins.get(origin)
        attributes = NO_ATTRIBUTES if stored is None else decode(stored)
        if not (
            kind is not None
            and type(start) is int
            and type(end) is int
            and 0 <= start < end <= length
            and type(annotator) is str
            and (value is None or type(value) in value_types)
            and type(created) is str
            and type(updated) is str
            and attributes is not None
        ):
            raise _row_damage(row, labels, where, length)
        if label not in names:
            if not labels.knows_after_reading_again(label):  # another window added it?
                raise damaged(where, "spans", span_id, _span_problem(row, names))
            names = labels.names
        if start < last_start or (start == last_start and end <= last_end):
            in_order = False
        last_start, last_end = start, end
        append(
            Span(
                start,
                end,
                label,
                span_id,
                document_id,
                annotator,
                value,
                kind,
                created,
                updated,
                attributes,
            )
        )
    return spans, in_order


def _row_damage(
    row: tuple[Any, ...], labels: LabelNames, where: object, length: int
) -> ProjectError:
    span_id, document_id, start, end = row[:4]
    if type(start) is int and type(end) is int and 0 <= start < end and end > length:
        return damaged(where, "spans", span_id, _past_text(start, end, document_id, length))
    return damaged(where, "spans", span_id, _span_problem(row, labels.names))


def _span_problem(row: tuple[Any, ...], labels: set[str]) -> str:
    _id, _document, start, end, label, annotator, value, origin, created, updated = row[:10]
    stored = row[10]
    if origin not in _ORIGINS:
        return f"origin {origin!r} is not one of {', '.join(_ORIGINS)}"
    if type(start) is not int or type(end) is not int:
        return f"offsets {start!r}, {end!r} are not whole numbers"
    if not 0 <= start < end:
        return f"offsets {start}-{end} are negative or empty"
    if type(annotator) is not str:
        return f"annotator {annotator!r} is not text"
    if value is not None and type(value) not in _VALUE_TYPES:
        return f"value {value!r} is not a number or text"
    if type(created) is not str or type(updated) is not str:
        return f"times {created!r}, {updated!r} are not text"
    if decode_attributes(stored) is None:
        return f"attributes {stored!r} are not a JSON object of numbers and texts (but value)"
    return f"label {label!r} is not one of the project's labels"


def _past_text(start: int, end: int, document_id: object, length: int) -> str:
    return f"offsets {start}-{end} go past the end of document {document_id} ({length} characters)"


def document_from_row(row: tuple[Any, ...], where: object) -> Document:
    document_id, title, text, source, digest, status, meta, length = row
    kind = _STATUSES.get(status)
    if (
        kind is None
        or type(title) is not str
        or type(text) is not str
        or type(source) is not str
        or type(meta) is not str
        or type(length) is not int
        or len(text) != length
    ):
        raise damaged(where, "documents", document_id, _document_problem(row))
    try:
        values = json.loads(meta)
    except (ValueError, RecursionError):
        raise damaged(where, "documents", document_id, "meta is not JSON") from None
    if type(values) is not dict:
        raise damaged(where, "documents", document_id, "meta is not a JSON object")
    return Document(title, text, document_id, source, digest, kind, values)


def _document_problem(row: tuple[Any, ...]) -> str:
    _id, title, text, source, _digest, status, meta, length = row
    if status not in _STATUSES:
        return f"status {status!r} is not one of {', '.join(_STATUSES)}"
    for name, value in (("title", title), ("text", text), ("source", source), ("meta", meta)):
        if type(value) is not str:
            return f"{name} is not text"
    return f"length {length!r} is not the length of its text ({len(text)})"


def status_of(value: Any, document_id: object, where: object) -> Status:
    kind = _STATUSES.get(value)
    if kind is None:
        raise damaged(
            where,
            "documents",
            document_id,
            f"status {value!r} is not one of {', '.join(_STATUSES)}",
        )
    return kind


def length_of(value: Any, document_id: object, where: object) -> int:
    if type(value) is not int or value < 0:
        raise damaged(where, "documents", document_id, f"length {value!r} is not a length")
    return value


def label_from_row(row: tuple[Any, ...], where: object) -> Label:
    name, display_name, color, key = row
    if not all(type(value) is str for value in row):
        raise damaged(where, "labels", name, "a field is not text")
    try:
        return Label(name, display_name, color, key)
    except EditError as exc:
        raise damaged(where, "labels", name, str(exc)) from None


def link_from_row(row: tuple[Any, ...], roles: set[str], where: object) -> Link:
    """A link from (id, event, argument, role, created, event's document, argument's
    document); refused when its role is unknown or its spans are in two documents."""
    link_id, event, argument, role, created, event_document, argument_document = row
    if role not in roles:
        raise damaged(where, "links", link_id, f"role {role!r} is not one of the project's roles")
    if event_document != argument_document:
        raise damaged(
            where,
            "links",
            link_id,
            f"its spans are in two documents ({event_document}, {argument_document})",
        )
    if event == argument or type(created) is not str:
        raise damaged(where, "links", link_id, "it links a span to itself or has no time")
    return Link(event, argument, role, link_id, created)


def links_from_rows(rows: Iterable[tuple[Any, ...]], roles: set[str], where: object) -> list[Link]:
    """``link_from_row`` for many rows: the same tests inline, the reason looked for
    only when one fails (2,000 links are read each time a document is opened)."""
    links: list[Link] = []
    append = links.append
    for row in rows:
        link_id, event, argument, role, created, event_document, argument_document = row
        if (
            role in roles
            and event_document == argument_document
            and event != argument
            and type(created) is str
        ):
            append(Link(event, argument, role, link_id, created))
        else:
            link_from_row(row, roles, where)  # raises, naming the row's damage
    return links
