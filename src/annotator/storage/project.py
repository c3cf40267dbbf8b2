"""A project file: documents, spans and labels in one SQLite database.

Every mutation runs in one ``BEGIN IMMEDIATE`` transaction, so a second
process waits (busy timeout) instead of failing half-way, and a crash leaves
either the whole edit or none of it.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from annotator.core.changes import Changes
from annotator.core.errors import EditError
from annotator.core.labels import Label
from annotator.core.model import (
    Document,
    NewSpan,
    Origin,
    Span,
    Status,
    content_hash,
)
from annotator.storage.connection import now
from annotator.storage.documents import DocumentTable
from annotator.storage.info import InfoTable
from annotator.storage.labels import LabelTable
from annotator.storage.rows import (
    SPAN_COLUMNS,
    span_from_row,
    span_past_text,
)

# project_info key: the highest span id ever handed out, so no id is used twice.
_SPAN_ID_MARK = "last_span_id"


@dataclass
class ImportReport:
    documents_added: int = 0
    spans_added: int = 0
    duplicates: list[str] = field(default_factory=list)
    labels_added: list[str] = field(default_factory=list)


class Project(DocumentTable, InfoTable, LabelTable):
    """A project file. Storage for ``core.edits`` and the source of change notices."""

    def get_span(self, span_id: int) -> Span:
        row = self.conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE id = ?", (span_id,)
        ).fetchone()
        if row is None:
            raise EditError(f"no span {span_id} (was it deleted elsewhere?)")
        return span_from_row(row, self._label_names(), self._where)

    def find_span(self, document_id: int, start: int, end: int, label: str) -> Span | None:
        """The span of a document with this place and label (there is at most one)."""
        row = self.conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans"
            ' WHERE document_id = ? AND start = ? AND "end" = ? AND label = ?',
            (document_id, start, end, label),
        ).fetchone()
        return span_from_row(row, self._label_names(), self._where) if row is not None else None

    def insert_span(self, span: Span) -> Span:
        stamp = now()
        if span.id is not None and self._span_exists(span.id):
            raise EditError(
                f"cannot put back span {span.id}: that id is in use again (changed in another"
                " window?); nothing was changed"
            )
        span_id = span.id if span.id is not None else self.reserve_span_ids(1)
        self.conn.execute(
            f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                span_id,
                span.document_id,
                span.start,
                span.end,
                span.label,
                span.annotator,
                span.value,
                Origin(span.origin).value,
                span.created or stamp,
                stamp,
            ),
        )
        self._touch_document(span.document_id)
        return self.get_span(span_id)

    def _span_exists(self, span_id: int) -> bool:
        row = self.conn.execute("SELECT 1 FROM spans WHERE id = ?", (span_id,)).fetchone()
        return row is not None

    def reserve_span_ids(self, count: int) -> int:
        """The first of ``count`` span ids never used before in this project.

        Every insert of new spans takes its ids here (within its transaction).

        SQLite would hand out a deleted span's id again (max + 1); an undo kept in
        another window that names the old id would then change the new span.
        """
        highest = self.conn.execute(
            "SELECT max(coalesce((SELECT max(id) FROM spans), 0),"
            " coalesce((SELECT CAST(value AS INTEGER) FROM project_info WHERE key = ?), 0))",
            (_SPAN_ID_MARK,),
        ).fetchone()[0]
        self.put_info(_SPAN_ID_MARK, str(highest + count))
        return highest + 1

    def remove_span(self, span_id: int) -> None:
        span = self.get_span(span_id)
        self.conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))
        self._touch_document(span.document_id)

    def update_span(self, span_id: int, **fields: object) -> None:
        allowed = {"label", "value", "origin", "annotator"}
        if not fields or set(fields) - allowed:
            raise EditError(f"cannot update span fields {sorted(set(fields) - allowed)}")
        values = {k: (v.value if isinstance(v, Origin) else v) for k, v in fields.items()}
        assignments = ", ".join(f"{name} = ?" for name in values)
        self.conn.execute(
            f"UPDATE spans SET {assignments}, updated = ? WHERE id = ?",
            (*values.values(), now(), span_id),
        )
        self._touch_document(self.get_span(span_id).document_id)

    def remember_rejection(self, span: Span) -> None:
        # storage.suggestions owns the rejected table (and imports this module).
        from annotator.storage.suggestions import remember_rejection

        remember_rejection(self, span)

    def forget_rejection(self, span: Span) -> None:
        from annotator.storage.suggestions import forget_rejection

        forget_rejection(self, span)

    def add_document(self, document: Document, spans: Iterable[Span | NewSpan] = ()) -> int | None:
        """Add one document with its spans; None when the same text is already here."""
        report = self.import_documents([(document, list(spans))])
        return None if report.duplicates else self.find_document(document.text)

    def import_documents(
        self,
        records: Iterable[tuple[Document, Sequence[Span | NewSpan]]],
        *,
        progress: Callable[[int], None] | None = None,
        new_labels: Iterable[Label] = (),
    ) -> ImportReport:
        """Insert documents and their spans in one transaction (all or nothing).

        Spans must already be validated against their text and the label schema, and
        a document's spans must differ in (start, end, label): the importers report
        duplicates; one that slips through refuses the whole import.
        """
        report = ImportReport()
        stamp = now()
        with self.transaction():
            for label in new_labels:
                self._insert_label(label)
                report.labels_added.append(label.name)
            known = {
                row[0]: row[1]
                for row in self.conn.execute("SELECT content_hash, id FROM documents")
            }
            next_id = (self.conn.execute("SELECT max(id) FROM documents").fetchone()[0] or 0) + 1
            doc_rows: list[tuple] = []
            span_rows: list[tuple] = []
            # Ids are given as rows are built and marked used once their number is known.
            span_ids = itertools.count(self.reserve_span_ids(0))
            for done, (document, spans) in enumerate(records, start=1):
                digest = document.content_hash or content_hash(document.text)
                if digest in known:
                    report.duplicates.append(document.source or document.title)
                    continue
                doc_id = next_id
                next_id += 1
                known[digest] = doc_id
                doc_rows.append(
                    (
                        doc_id,
                        document.title,
                        document.text,
                        len(document.text),
                        document.source,
                        digest,
                        Status(document.status).value,
                        json.dumps(document.meta, ensure_ascii=False),
                        stamp,
                        stamp,
                    )
                )
                span_rows.extend(
                    (next(span_ids), doc_id, *NewSpan.of(span), stamp, stamp) for span in spans
                )
                if progress is not None and done % 500 == 0:
                    progress(done)
            self.conn.executemany(
                "INSERT INTO documents (id, title, text, length, source, content_hash, status,"
                " meta, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                doc_rows,
            )
            if span_rows:
                self.reserve_span_ids(len(span_rows))
            try:
                self.conn.executemany(
                    'INSERT INTO spans (id, document_id, start, "end", label, annotator, value,'
                    " origin, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    span_rows,
                )
            except sqlite3.IntegrityError as exc:
                if "UNIQUE" not in str(exc):
                    raise  # a label renamed meanwhile: transaction() says so
                raise EditError(
                    f"nothing was imported: two spans of one document share a place and a label"
                    f" ({exc})"
                ) from None
            report.documents_added = len(doc_rows)
            report.spans_added = len(span_rows)
        self.publish(
            Changes(added=frozenset(row[0] for row in doc_rows), labels=bool(report.labels_added))
        )
        return report

    # -- spans -----------------------------------------------------------------------------

    def spans(self, document_id: int, *, include_suggested: bool = True) -> list[Span]:
        where = "" if include_suggested else "AND origin != 'suggested'"
        rows = self.conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE document_id = ? {where}"
            ' ORDER BY start, "end", id',
            (document_id,),
        )
        names, place = self._label_names(), self._where
        spans = [span_from_row(row, names, place) for row in rows]
        if spans:
            length = self.document_length(document_id)
            for span in spans:
                if span.end > length:
                    raise span_past_text(span, length, place)
        return spans

    def label_counts(self, document_id: int | None = None) -> dict[str, int]:
        counts = dict.fromkeys(self.labels().names(), 0)
        where, params = "WHERE origin != 'suggested'", []
        if document_id is not None:
            where += " AND document_id = ?"
            params.append(document_id)
        for label, count in self.conn.execute(
            f"SELECT label, count(*) FROM spans {where} GROUP BY label", params
        ):
            counts[label] = count
        return counts

    def annotator_names(self) -> list[str]:
        """Everyone who made a span (not a suggestion), for filters; sorted."""
        rows = self.conn.execute(
            "SELECT DISTINCT annotator FROM spans"
            " WHERE annotator != '' AND origin != 'suggested' ORDER BY annotator"
        )
        return [row[0] for row in rows]
