"""Imported documents and spans written in bounded batches, inside one transaction.

An import is all or nothing, so it runs in one transaction (the caller's
``project.transaction()``); within it, ``BulkInsert`` buffers checked documents and
their span rows and writes them with ``executemany`` whenever the buffer is full.
Memory is the buffer, whatever the number of documents: nothing is collected for
the whole import but counts (and the first few duplicates, to name them).
"""

from __future__ import annotations

import json
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from annotator.core.labels import Label, LabelSchema
from annotator.core.model import Status
from annotator.storage.spans import SPAN_ID_MARK

if TYPE_CHECKING:
    from annotator.core.long_text import LongText
    from annotator.core.model import Document
    from annotator.storage.document_import import DocumentImport as Project

# One span on its way in: (document_id, start, end, label, annotator, value, origin), or
# for an imported span with no annotator and no value, (document_id, start, end, label).
SpanRow = tuple[Any, ...]
IMPORTED = "imported"

# A buffer this full is written out: about 10 MB, whatever the import's size.
BATCH_DOCUMENTS = 2000
BATCH_CHARACTERS = 4_000_000
BATCH_SPANS = 40_000
# A longer text is buffered as its UTF-8 and written once the reader has let go of the
# text itself (write_if_due): SQLite makes two copies of a value it stores (the bound
# parameter and the row), and Python a third (a str's cached UTF-8) when given a str.
LARGE_TEXT = 1_000_000
# json.dumps with an option builds an encoder at every call.
_to_json = json.JSONEncoder(ensure_ascii=False).encode

# Duplicates are counted; this many are named.
DUPLICATES_NAMED = 1000


_INSERT_DOCUMENTS = (
    "INSERT INTO documents (id, title, text, length, source, content_hash, status, meta,"
    " created, updated) VALUES (?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, {stamp}, {stamp})"
)
# A text too long to hold (core.long_text) goes into ``text_utf8`` (``text`` is ''), as a
# BLOB of its UTF-8 size that SQLite makes of zeros (nothing bound from Python), then is
# written in place through blob I/O, which cannot change a value's size. As the row's last
# value, the zeroblob is never allocated: SQLite writes the row's pages with zeros, a few
# at a time (a TEXT of zeros, or any value before another column, was held in memory
# twice: the value and the row; 600 MB for a 300 MB line).
_INSERT_LONG_DOCUMENT = (
    "INSERT INTO documents (id, title, text, length, source, content_hash, status, meta,"
    " created, updated, text_utf8) VALUES (?, ?, '', ?, ?, ?, ?, ?, {stamp}, {stamp},"
    " zeroblob(?))"
)
_INSERT_SPANS = (
    'INSERT INTO spans ({id}document_id, start, "end", label, annotator, value, origin,'
    " created, updated) VALUES {rows}"
)
_SPAN_ROW = "({marks}, {rest}{stamp}, {stamp})"
# Span rows go in many to a statement (a VALUES list): a statement per row was two
# fifths of the spans' insert, which was a seventh of a 50,000-document import. At most
# 999 parameters to one (the limit of SQLite before 3.32).
SPAN_ROWS_PER_INSERT = {4: 249, 7: 142}
# The short rows' constant columns are written by SQLite: binding them for every span
# was a fifth of the import's time in SQLite.
_SHORT_REST = f"'', NULL, '{IMPORTED}', "


def _span_insert(length: int, with_id: bool, stamp: str, rows: int = 1) -> str:
    """The statement inserting ``rows`` span rows of ``length`` values (and an id first)."""
    row = _SPAN_ROW.format(
        marks=", ".join("?" * (length + with_id)),
        rest=_SHORT_REST if length == 4 else "",
        stamp=stamp,
    )
    return _INSERT_SPANS.format(id="id, " if with_id else "", rows=", ".join([row] * rows))


class ImportReport:
    """What an import added (counts), and what it did not (duplicates).

    A plain class: a dataclass's class is made at every start (2 M instructions each)."""

    __slots__ = ("documents_added", "spans_added", "duplicate_count", "duplicates", "labels_added")

    def __init__(self) -> None:
        self.documents_added = 0
        self.spans_added = 0
        self.duplicate_count = 0
        # The first DUPLICATES_NAMED documents not added because their text is already here.
        self.duplicates: list[str] = []
        self.labels_added: list[str] = []


class BulkInsert:
    """Adds documents and spans to a project inside the caller's transaction.

    ``add`` takes a document whose spans have been checked against its text and the
    labels, with rows for ``next_document_id``; a document whose text is already in
    the project (or earlier in this import) is counted as a duplicate instead. Call
    ``finish`` before the transaction commits.
    """

    def __init__(self, project: Project, stamp: str):
        conn = project.conn
        if not conn.in_transaction:
            raise RuntimeError("BulkInsert runs inside project.transaction()")
        self._project = project
        self._conn = conn
        stamp = f"'{stamp}'"  # an ISO time we made: safe as an SQL literal
        self._insert_documents = _INSERT_DOCUMENTS.format(stamp=stamp)
        self._insert_long_document = _INSERT_LONG_DOCUMENT.format(stamp=stamp)
        self._insert_spans = {
            (length, with_id): _span_insert(length, with_id, stamp)
            for length in (4, 7)
            for with_id in (False, True)
        }
        self._insert_many_spans = {
            length: _span_insert(length, False, stamp, rows)
            for length, rows in SPAN_ROWS_PER_INSERT.items()
        }
        self.first_document_id = conn.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM documents"
        ).fetchone()[0]
        self.next_document_id = self.first_document_id
        self._write_due = False  # a large text waits in the buffer
        # Span ids: SQLite gives max(id) + 1, but a deleted span's id must never come
        # back (an undo kept in another window names it), so the first is set here.
        self._highest_span_id = self._highest_span_id_used()
        self._next_span_id: int | None = self._highest_span_id + 1
        self._documents: list[tuple[Any, ...]] = []
        self._spans: list[SpanRow] = []
        self._short_rows_only = True
        self._pending_hashes: set[str] = set()
        self._characters = 0
        self._part_start: tuple[Any, ...] | None = None
        self.report = ImportReport()
        self._span_indexes = self._set_aside_span_indexes()

    def labels(self) -> LabelSchema:
        """The project's labels as stored now (no other writer can change them meanwhile)."""
        rows = self._conn.execute(
            "SELECT name, display_name, color, key FROM labels ORDER BY position"
        )
        return LabelSchema(Label(*row) for row in rows)

    def add_label(self, label: Label) -> None:
        self._project._insert_label(label)
        self.report.labels_added.append(label.name)

    def add(
        self,
        document: Document,
        digest: str,
        spans: list[SpanRow],
        short_rows_only: bool = False,
        long_text: LongText | None = None,
        utf8: bytes | None = None,
    ) -> bool:
        """Add ``document`` as ``next_document_id`` with its span rows (made for that id);
        ``short_rows_only`` says that they are all the short kind. ``long_text``, when
        given, is the text (``document.text`` is not read); ``utf8``, when given, is the
        text's UTF-8 (stored as it is: given the text, sqlite3 would encode it again).

        False when the same text came earlier in this import; a text already in the
        project is found when the batch is written, and counted then.
        """
        if digest in self._pending_hashes:
            self._count_duplicate(document.source or document.title)
            return False
        text = document.text
        stored: str | bytes | LongText = text
        if long_text is not None:
            stored, length, large = long_text, len(long_text), False
        else:
            length = len(text)
            large = length > LARGE_TEXT
            if utf8 is not None:
                stored = utf8
            elif large:
                stored = text.encode("utf-8")
        due_before = self._write_due
        meta = document.meta
        self._documents.append(
            (
                self.next_document_id,
                document.title,
                stored,
                length,
                document.source,
                digest,
                Status(document.status).value,
                _to_json(meta) if meta else "{}",
            )
        )
        self._pending_hashes.add(digest)
        self.next_document_id += 1
        self._spans += spans
        self._short_rows_only = self._short_rows_only and short_rows_only
        self._characters += 0 if long_text is not None else length
        self.report.documents_added += 1
        self.report.spans_added += len(spans)
        if large and not due_before:
            self._write_due = True  # once the caller lets go of the text: write_if_due
        elif (
            due_before
            or len(self._documents) >= BATCH_DOCUMENTS
            or self._characters >= BATCH_CHARACTERS
            or len(self._spans) >= BATCH_SPANS
        ):
            self.flush()
        return True

    def write_if_due(self) -> None:
        """Write the buffer if a large text waits in it: call once nothing else holds
        the document added last, so that its text is in memory only as the buffer's
        UTF-8 while SQLite copies it."""
        if self._write_due:
            self.flush()

    def flush(self) -> None:
        conn = self._conn
        documents, spans = self._documents, self._spans
        if documents:
            present = self._already_stored([row[5] for row in documents])
            if present:
                documents, spans = self._without(present)
            long_rows = [row for row in documents if not isinstance(row[2], str | bytes)]
            if long_rows:
                documents = [row for row in documents if isinstance(row[2], str | bytes)]
            conn.executemany(self._insert_documents, documents)
            for row in long_rows:
                self._insert_long(row)
        if spans:
            length = 4 if self._short_rows_only else 7
            if length == 7:
                spans = [row if len(row) == 7 else (*row, "", None, IMPORTED) for row in spans]
            start = 0
            if self._next_span_id is not None:
                first = (self._next_span_id, *spans[0])
                conn.execute(self._insert_spans[length, True], first)
                self._next_span_id = None
                start = 1
            self._insert_span_rows(length, spans, start)
        self._documents = []
        self._spans = []
        self._short_rows_only = True
        self._pending_hashes.clear()
        self._characters = 0
        self._write_due = False

    def _insert_span_rows(self, length: int, rows: list[SpanRow], start: int) -> None:
        """Insert ``rows[start:]`` (all ``length`` long) in order, SPAN_ROWS_PER_INSERT to
        a statement, the rest one by one."""
        per_insert = SPAN_ROWS_PER_INSERT[length]
        whole = start + (len(rows) - start) // per_insert * per_insert
        if whole > start:
            values = list(chain.from_iterable(islice(rows, start, whole)))
            step = per_insert * length
            self._conn.executemany(
                self._insert_many_spans[length],
                [values[at : at + step] for at in range(0, len(values), step)],
            )
            del values
        self._conn.executemany(self._insert_spans[length, False], islice(rows, whole, None))

    def _insert_long(self, row: tuple[Any, ...]) -> None:
        """Insert a document whose text is too long to hold, then write the text into
        it a piece at a time."""
        long_text: LongText = row[2]
        self._conn.execute(self._insert_long_document, (*row[:2], *row[3:], long_text.utf8_length))
        with self._conn.blobopen("documents", "text_utf8", row[0]) as blob:
            for piece in long_text.utf8_pieces():
                blob.write(piece)

    def begin_part(self) -> None:
        """Start a part (a file read as a stream) that ``undo_part`` can take back whole."""
        self.flush()
        self._conn.execute("SAVEPOINT import_part")
        report = self.report
        self._part_start = (
            self.next_document_id,
            self._next_span_id,
            report.documents_added,
            report.spans_added,
            report.duplicate_count,
            len(report.duplicates),
            len(report.labels_added),
        )

    @property
    def in_part(self) -> bool:
        return self._part_start is not None

    def end_part(self) -> None:
        self._conn.execute("RELEASE import_part")
        self._part_start = None

    def undo_part(self) -> None:
        """Take back every document, span and label added since ``begin_part``."""
        assert self._part_start is not None, "undo_part without begin_part"
        self._conn.execute("ROLLBACK TO import_part")
        self._conn.execute("RELEASE import_part")
        report = self.report
        (
            self.next_document_id,
            self._next_span_id,
            report.documents_added,
            report.spans_added,
            report.duplicate_count,
            duplicates_named,
            labels_added,
        ) = self._part_start
        del report.duplicates[duplicates_named:]
        del report.labels_added[labels_added:]
        self._project._labels = None
        self._documents, self._spans = [], []
        self._short_rows_only = True
        self._pending_hashes.clear()
        self._characters = 0
        self._write_due = False
        self._part_start = None

    def _already_stored(self, digests: list[str]) -> set[str]:
        marks = ",".join("?" * len(digests))
        rows = self._conn.execute(
            f"SELECT content_hash FROM documents WHERE content_hash IN ({marks})", digests
        )
        return {row[0] for row in rows}

    def _without(self, present: set[str]) -> tuple[list[tuple[Any, ...]], list[SpanRow]]:
        """The buffer without documents already stored (and their spans), renumbered so
        that ids stay consecutive."""
        report = self.report
        first = self._documents[0][0]
        documents: list[tuple[Any, ...]] = []
        new_ids: dict[int, int] = {}
        for row in self._documents:
            if row[5] in present:
                self._count_duplicate(row[4] or row[1])
                report.documents_added -= 1
            else:
                new_ids[row[0]] = first + len(documents)
                documents.append((first + len(documents), *row[1:]))
        spans: list[SpanRow] = []
        for row in self._spans:
            new_id = new_ids.get(row[0])
            if new_id is None:
                report.spans_added -= 1
            else:
                spans.append((new_id, *row[1:]))
        self.next_document_id = first + len(documents)
        return documents, spans

    def _count_duplicate(self, name: str) -> None:
        report = self.report
        report.duplicate_count += 1
        if len(report.duplicates) < DUPLICATES_NAMED:
            report.duplicates.append(name)

    def _set_aside_span_indexes(self) -> list[str]:
        """Into a project without spans, spans go faster without their indexes, which are
        built once at the end (a tenth of a 10,000-document import); the transaction
        keeps this invisible, and a failure restores them with it."""
        conn = self._conn
        if conn.execute("SELECT 1 FROM spans LIMIT 1").fetchone() is not None:
            return []
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master"
            " WHERE type = 'index' AND tbl_name = 'spans' AND sql IS NOT NULL"
        ).fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        return [sql for _, sql in indexes]

    def finish(self) -> ImportReport:
        """Write what is buffered, rebuild the indexes set aside and record the span ids
        used; before the commit."""
        self.flush()
        for sql in self._span_indexes:
            self._conn.execute(sql)
        self._span_indexes = []
        highest = max(self._highest_span_id, self._max_span_id())
        self._conn.execute(
            "INSERT INTO project_info (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (SPAN_ID_MARK, str(highest)),
        )
        return self.report

    def added_document_ids(self) -> range:
        return range(self.first_document_id, self.next_document_id)

    def _max_span_id(self) -> int:
        highest: int = self._conn.execute("SELECT coalesce(max(id), 0) FROM spans").fetchone()[0]
        return highest

    def _highest_span_id_used(self) -> int:
        highest: int = self._conn.execute(
            "SELECT max(coalesce((SELECT max(id) FROM spans), 0),"
            " coalesce((SELECT CAST(value AS INTEGER) FROM project_info WHERE key = ?), 0))",
            (SPAN_ID_MARK,),
        ).fetchone()[0]
        return highest
