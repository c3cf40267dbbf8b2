"""Adding documents: a whole import (documents, their spans and new labels) in one
transaction, all or nothing. The only code that inserts into ``documents``."""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from annotator.core.changes import Changes
from annotator.core.errors import EditError
from annotator.core.labels import Label
from annotator.core.model import Document, NewSpan, Span, Status, content_hash
from annotator.storage.connection import now
from annotator.storage.labels import LabelTable
from annotator.storage.spans import SpanTable


@dataclass
class ImportReport:
    documents_added: int = 0
    spans_added: int = 0
    duplicates: list[str] = field(default_factory=list)
    labels_added: list[str] = field(default_factory=list)


class DocumentImport(SpanTable, LabelTable):
    """Inserts documents with their spans (and the labels an import brings)."""

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
                self.insert_span_rows(span_rows)
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
