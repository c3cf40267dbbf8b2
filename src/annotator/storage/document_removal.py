"""Deleting a document with everything that hangs off it, and putting it back exactly.

What hangs off a document is read from the schema (every table whose foreign key
names ``documents``: spans, remembered rejections, and whatever a later migration
adds; then every table whose foreign key names ``spans``: links), so a new table
cannot be forgotten here. The rows are kept as stored, column
by column, in a ``core.model.StoredDocument``: undoing a deletion writes them back
with the same ids, values, origins and times.
"""

from __future__ import annotations

from annotator.core.errors import EditError
from annotator.core.model import StoredDocument
from annotator.storage.spans import SpanTable


class DocumentRemoval(SpanTable):
    """Deletes documents and restores deleted ones (``core.edits.DeleteDocument``)."""

    def remove_document(self, document_id: int) -> StoredDocument:
        title = self.get_title(document_id)  # refuses an unknown id
        # The deleted spans' ids stay used: a span made later must not take one, or the
        # undo would find its id taken.
        self.reserve_span_ids(0)
        tables = []
        for table, column in (("documents", "id"), *self._tables_under_documents()):
            cursor = self.conn.execute(
                f'SELECT * FROM "{table}" WHERE "{column}" = ?', (document_id,)
            )
            rows = tuple(cursor.fetchall())
            columns = tuple(description[0] for description in cursor.description)
            tables.append((table, columns, rows))
        for table, column in self._tables_under("spans"):
            cursor = self.conn.execute(
                f'SELECT * FROM "{table}" WHERE "{column}" IN'
                " (SELECT id FROM spans WHERE document_id = ?) ORDER BY rowid",
                (document_id,),
            )
            rows = tuple(cursor.fetchall())
            columns = tuple(description[0] for description in cursor.description)
            tables.append((table, columns, rows))
        # Rows under spans go with them (ON DELETE CASCADE).
        for table, column in reversed(self._tables_under_documents()):
            self.conn.execute(f'DELETE FROM "{table}" WHERE "{column}" = ?', (document_id,))
        self.conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        return StoredDocument(document_id, title, tuple(tables))

    def restore_document(self, stored: StoredDocument) -> None:
        _table, columns, (row,) = stored.tables[0]
        digest = dict(zip(columns, row, strict=True)).get("content_hash")
        again = self.conn.execute(
            "SELECT id FROM documents WHERE content_hash = ?", (digest,)
        ).fetchone()
        if again is not None:
            raise EditError(
                f"cannot put back document {stored.id} ({stored.title}): its text was imported"
                f" again as document {again[0]}; nothing was changed"
            )
        if self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (stored.id,)).fetchone():
            raise EditError(
                f"cannot put back document {stored.id} ({stored.title}): that id is in use"
                " again (a later import took it); nothing was changed"
            )
        for table, columns, rows in stored.tables:
            names = ", ".join(f'"{name}"' for name in columns)
            marks = ", ".join("?" * len(columns))
            self.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)

    def _tables_under_documents(self) -> list[tuple[str, str]]:
        """(table, column) of every foreign key naming ``documents``, by table name."""
        return self._tables_under("documents")

    def _tables_under(self, parent: str) -> list[tuple[str, str]]:
        """(table, column) of the first foreign key naming ``parent`` of each table, by
        table name (a link names its document's spans twice: once is enough)."""
        tables = self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != ? ORDER BY name",
            (parent,),
        ).fetchall()
        found = []
        for (table,) in tables:
            keys = [
                key[3]
                for key in self.conn.execute(f'PRAGMA foreign_key_list("{table}")')
                if key[2] == parent
            ]
            if keys:
                found.append((table, sorted(keys)[0]))
        return found
