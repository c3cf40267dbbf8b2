"""The documents table: reading documents, their status, counts and summaries.

Documents are added by ``DocumentImport`` (the only INSERT of new documents), deleted
and put back by ``DocumentRemoval``; a span edit marks its document updated through
``_touch_document``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter

from annotator.core.errors import EditError
from annotator.core.model import Document, DocumentSummary, Span, Status, content_hash
from annotator.storage.connection import ProjectConnection, now
from annotator.storage.rows import (
    DOCUMENT_COLUMNS,
    DOCUMENT_TEXT,
    SPAN_COLUMNS,
    SPAN_INDEX_ORDER,
    document_from_row,
    length_of,
    spans_in_order,
    status_of,
)

# What a span edit runs on its document (``storage.spans.SpanTable.prepare_tagging``).
DOCUMENT_LENGTH = "SELECT length FROM documents WHERE id = ?"
GET_STATUS = "SELECT status FROM documents WHERE id = ?"
SET_STATUS = "UPDATE documents SET status = ?, updated = ? WHERE id = ?"
TOUCH_DOCUMENT = "UPDATE documents SET updated = ? WHERE id = ?"


def document_texts(conn: sqlite3.Connection) -> Iterator[tuple[int, str]]:
    """(id, text) of every document in id order, on any connection to the project (a
    reading thread has its own)."""
    return conn.execute(f"SELECT id, {DOCUMENT_TEXT} FROM documents ORDER BY id")


class DocumentTable(ProjectConnection):
    """Reads ``documents`` (streamed with their accepted spans, for exports), writes
    their status and when they were last changed."""

    def document_length(self, document_id: int) -> int:
        row = self.conn.execute(DOCUMENT_LENGTH, (document_id,)).fetchone()
        if row is None:
            raise EditError(f"no document {document_id}")
        return length_of(row[0], document_id, self._where)

    def get_status(self, document_id: int) -> Status:
        row = self.conn.execute(GET_STATUS, (document_id,)).fetchone()
        if row is None:
            raise EditError(f"no document {document_id}")
        return status_of(row[0], document_id, self._where)

    def set_status(self, document_id: int, status: Status) -> None:
        self.conn.execute(SET_STATUS, (Status(status).value, now(), document_id))

    def get_title(self, document_id: int) -> str:
        row = self.conn.execute(
            "SELECT title FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise EditError(f"no document {document_id}")
        return str(row[0])

    def set_title(self, document_id: int, title: str) -> None:
        self.conn.execute(
            "UPDATE documents SET title = ?, updated = ? WHERE id = ?",
            (title, now(), document_id),
        )

    def _touch_document(self, document_id: int | None) -> None:
        self.conn.execute(TOUCH_DOCUMENT, (now(), document_id))

    def document_count(self, status: Status | None = None) -> int:
        count: int
        if status is None:
            count = self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        else:
            count = self.conn.execute(
                "SELECT count(*) FROM documents WHERE status = ?", (Status(status).value,)
            ).fetchone()[0]
        return count

    def document_ids(self, status: Status | None = None, title_contains: str = "") -> list[int]:
        clauses, params = [], []
        if status is not None:
            clauses.append("status = ?")
            params.append(Status(status).value)
        if title_contains:
            clauses.append("instr(title, ?) > 0")
            params.append(title_contains)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return [
            row[0]
            for row in self.conn.execute(f"SELECT id FROM documents {where} ORDER BY id", params)
        ]

    def summaries(self, ids: Iterable[int]) -> dict[int, DocumentSummary]:
        ids = list(ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"""SELECT d.id, d.title, d.status, d.length,
                       (SELECT count(*) FROM spans s
                         WHERE s.document_id = d.id AND s.origin != 'suggested')
                FROM documents d WHERE d.id IN ({marks})""",
            ids,
        )
        where = self._where
        return {
            row[0]: DocumentSummary(
                row[0],
                row[1],
                status_of(row[2], row[0], where),
                row[4],
                length_of(row[3], row[0], where),
            )
            for row in rows
        }

    def get_document(self, document_id: int) -> Document:
        row = self.conn.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?",
            (document_id,),
        ).fetchone()
        if row is None:
            raise EditError(f"no document {document_id}")
        return document_from_row(row, self._where)

    def find_document(self, text: str) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM documents WHERE content_hash = ?", (content_hash(text),)
        ).fetchone()
        return row[0] if row else None

    def iter_documents(
        self, status: Iterable[Status] | None = None, ids: tuple[int, int] | None = None
    ) -> Iterator[tuple[Document, list[Span]]]:
        """Stream documents with their non-suggested spans, in id order; with ``ids``,
        those whose id lies between the two (inclusive)."""
        clauses: list[str] = []
        params: list[str | int] = []
        if status:
            values = [Status(s).value for s in status]
            clauses.append(f"status IN ({','.join('?' * len(values))})")
            params = list(values)
        span_where, span_params = "", []
        if ids is not None:
            clauses.append("id BETWEEN ? AND ?")
            params = [*params, *ids]
            span_where, span_params = " AND document_id BETWEEN ? AND ?", list(ids)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        documents = self.conn.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents {where} ORDER BY id",
            params,
        )
        span_rows = self.conn.cursor().execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE origin != 'suggested'{span_where}"
            f" ORDER BY document_id, {SPAN_INDEX_ORDER}",
            span_params,
        )
        # Both in document order: one pass over each, the spans grouped by their document.
        groups = groupby(span_rows, itemgetter(1))
        names, place = self._label_names(), self._where
        pending = next(groups, None)
        for row in documents:
            doc = document_from_row(row, place)
            while pending is not None and pending[0] < doc.id:
                pending = next(groups, None)
            if pending is not None and pending[0] == doc.id:
                spans = spans_in_order(pending[1], names, place, len(doc.text))
                pending = next(groups, None)
            else:
                spans = []
            yield doc, spans

    def iter_texts(self) -> Iterator[tuple[int, str]]:
        """(id, text) of every document in id order, without spans (for search indexes)."""
        yield from document_texts(self.conn)

    def status_counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for status, count in self.conn.execute(
            "SELECT status, count(*) FROM documents GROUP BY status"
        ):
            if status not in counts:
                row = self.conn.execute(
                    "SELECT id FROM documents WHERE status IS ? LIMIT 1", (status,)
                ).fetchone()
                status_of(status, row[0] if row else "?", self._where)  # raises
            counts[Status(status)] = count
        return counts
