"""Adding documents: a whole import (documents, their spans and new labels) in one
transaction, all or nothing. The only code that inserts into ``documents``."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence

from annotator.core.changes import Changes
from annotator.core.errors import EditError
from annotator.core.labels import Label
from annotator.core.model import Document, NewSpan, Origin, Span, content_hash
from annotator.storage.bulk_import import BulkInsert, ImportReport
from annotator.storage.connection import now
from annotator.storage.labels import LabelTable
from annotator.storage.spans import SpanTable


class DocumentImport(SpanTable, LabelTable):
    """Inserts documents with their spans (and the labels an import brings)."""

    def add_document(self, document: Document, spans: Iterable[Span | NewSpan] = ()) -> int | None:
        """Add one document with its spans; None when the same text is already here."""
        report = self.import_documents([(document, list(spans))])
        return None if report.duplicate_count else self.find_document(document.text)

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
        duplicates; one that slips through refuses the whole import. Records are
        written a batch at a time (``storage.bulk_import``), so ``records`` may be a
        generator of any length.
        """
        try:
            with self.bulk_transaction():
                bulk = BulkInsert(self, now())
                for label in new_labels:
                    bulk.add_label(label)
                for done, (document, spans) in enumerate(records, start=1):
                    document_id = bulk.next_document_id
                    rows = [
                        (
                            document_id,
                            span.start,
                            span.end,
                            span.label,
                            span.annotator,
                            span.value,
                            Origin(span.origin).value,
                        )
                        for span in spans
                    ]
                    digest = document.content_hash or content_hash(document.text)
                    bulk.add(document, digest, rows)
                    if progress is not None and done % 500 == 0:
                        progress(done)
                report = bulk.finish()
        except sqlite3.IntegrityError as exc:
            if "UNIQUE" not in str(exc):
                raise  # a label renamed meanwhile: transaction() says so
            raise EditError(
                f"nothing was imported: two spans of one document share a place and a label ({exc})"
            ) from None
        self.publish_import(bulk)
        return report

    def publish_import(self, bulk: BulkInsert) -> None:
        """Tell listeners what an import (committed) added."""
        self.publish(
            Changes(
                added=frozenset(bulk.added_document_ids()), labels=bool(bulk.report.labels_added)
            )
        )
