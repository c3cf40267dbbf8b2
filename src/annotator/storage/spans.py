"""The spans table: inserting, changing, removing and finding spans, their ids,
and the texts of accepted spans.

Every span row is written by ``insert_span_rows`` (a span, an import, stored
suggestions) with an id from ``reserve_span_ids``, which is never handed out twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from functools import partial
from typing import Any

from annotator.core.errors import EditError
from annotator.core.events import encode_attributes
from annotator.core.model import Origin, Span
from annotator.storage.connection import now
from annotator.storage.documents import (
    DOCUMENT_LENGTH,
    GET_STATUS,
    SET_STATUS,
    TOUCH_DOCUMENT,
    DocumentTable,
)
from annotator.storage.info import PUT_INFO, InfoTable
from annotator.storage.rows import (
    DOCUMENT_TEXT,
    SPAN_COLUMNS,
    SPAN_INDEX_ORDER,
    LabelNames,
    span_from_row,
    spans_from_rows,
    spans_in_order,
)
from annotator.storage.schema_check import harden

# project_info key: the highest span id ever handed out, so no id is used twice (imports
# record it too: storage.bulk_import).
SPAN_ID_MARK = "last_span_id"

_INSERT_SPANS = f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_SPAN_BY_ID = f"SELECT {SPAN_COLUMNS} FROM spans WHERE id = ?"
_SPAN_AT = (
    f"SELECT {SPAN_COLUMNS} FROM spans"
    ' WHERE document_id = ? AND start = ? AND "end" = ? AND label = ?'
)
_HIGHEST_SPAN_ID = (
    "SELECT max(coalesce((SELECT max(id) FROM spans), 0),"
    " coalesce((SELECT CAST(value AS INTEGER) FROM project_info WHERE key = ?), 0))"
)
_SPAN_COUNT = "SELECT count(*) FROM spans WHERE document_id = ?"
_SPANS_ADDED = (
    f'SELECT {SPAN_COLUMNS} FROM spans WHERE document_id = ? AND id > ? ORDER BY start, "end", id'
)

# Each span's text is cut from its document's text in Python: ``substr`` in the query
# read the document's whole text again for every span (three times slower for a
# project's 200,000 spans, in a reading that competes with the window for the GIL).
_ACCEPTED_PLACES = (
    'SELECT document_id, start, "end", label FROM spans'
    " WHERE origin != 'suggested' {and_document} ORDER BY document_id"
)
_TEXTS = f"SELECT id, {DOCUMENT_TEXT} FROM documents {{where_document}} ORDER BY id"


def accepted_texts(
    conn: sqlite3.Connection, document_id: int | None = None
) -> Iterator[tuple[int, str, str]]:
    """(document id, text, label) of every accepted (not suggested) span, or of one
    document's; on any connection to the project (a reading thread has its own)."""
    if document_id is None:
        places = conn.execute(_ACCEPTED_PLACES.format(and_document=""))
        texts = conn.execute(_TEXTS.format(where_document=""))
    else:
        one = (document_id,)
        places = conn.execute(_ACCEPTED_PLACES.format(and_document="AND document_id = ?"), one)
        texts = conn.execute(_TEXTS.format(where_document="WHERE id = ?"), one)
    text_id, text = -1, ""
    for span_document, start, end, label in places:
        while text_id < span_document:  # both in document order: one pass over each
            row = texts.fetchone()
            if row is None:
                return
            text_id, text = row
        if text_id == span_document:
            yield span_document, text[start:end], label


def _label_counts(
    conn: sqlite3.Connection, names: Iterable[str], document_id: int | None
) -> dict[str, int]:
    counts = dict.fromkeys(names, 0)
    where, params = "WHERE origin != 'suggested'", []
    if document_id is not None:
        where += " AND document_id = ?"
        params.append(document_id)
    for label, count in conn.execute(
        f"SELECT label, count(*) FROM spans {where} GROUP BY label", params
    ):
        counts[label] = count
    return counts


def _read_label_counts(uri: str, names: list[str], document_id: int) -> dict[str, int]:
    conn = harden(sqlite3.connect(uri, uri=True))
    try:
        return _label_counts(conn, names, document_id)
    finally:
        conn.close()


_PAGES_AFTER = (
    f"SELECT {SPAN_COLUMNS} FROM spans WHERE document_id = ?"
    f' AND (start, "end", label) > (?, ?, ?) ORDER BY {SPAN_INDEX_ORDER}'
)


class SpanReader:
    """A document's spans after a place, read by one statement a page at a time.

    Reading 100,000 spans a page per query (``spans_page``) took twice as long as
    one query: each page sought its place in the index again and sorted itself. A
    project file is read on a read-only connection of the reader's own, so that the
    statement it keeps open between pages sees one snapshot whatever the project's
    connection writes meanwhile (an edit's BEGIN and COMMIT on a connection with a
    statement still open, or a ROLLBACK that aborts it, are not for a page reader to
    meet); a project in memory has one connection, so its rows are fetched at once.
    Pages end between places (start, end), so that each, put in ``SPAN_ORDER``,
    follows the one before it. ``close`` it when it is no longer wanted.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        own_connection: bool,
        query: tuple[object, ...],
        labels: LabelNames,
        where: str,
        length: int,
    ):
        self._conn = conn if own_connection else None
        cursor = conn.execute(_PAGES_AFTER, query)
        self._cursor: sqlite3.Cursor | None = cursor
        self._rows: list[Any] | None = None  # ... or its rows fetched already
        if not own_connection:
            self._rows = cursor.fetchall()  # no statement left open on the project's connection
            self._cursor = None
        self._held: list[Any] = []  # the last rows fetched: one place, maybe not all of it
        self._labels, self._where, self._length = labels, where, length

    def done(self) -> bool:
        return self._cursor is None and self._rows is None and not self._held

    def page(self, size: int) -> list[Span]:
        """About ``size`` of the next spans in ``SPAN_ORDER``, ending between places;
        [] once all are read."""
        rows, self._held = self._held, []
        while True:
            fetched = self._fetch(size)
            rows = rows + fetched if rows else fetched
            if len(fetched) < size:  # the statement is done
                self.close()
                break
            place = rows[-1][2:4]  # start, end
            cut = len(rows) - 1
            while cut and rows[cut - 1][2:4] == place:
                cut -= 1
            if cut:  # else a page of one place: fetch on
                rows, self._held = rows[:cut], rows[cut:]
                break
        if not rows:
            return []
        spans = spans_in_order(rows, self._labels, self._where, self._length)
        return spans

    def _fetch(self, size: int) -> list[Any]:
        if self._cursor is not None:
            return self._cursor.fetchmany(size)
        if self._rows is not None:
            fetched, self._rows = self._rows[:size], self._rows[size:]
            return fetched
        return []

    def close(self) -> None:
        self._cursor = self._rows = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class SpanTable(DocumentTable, InfoTable):
    """Reads and writes ``spans``; a change marks its document updated, and span ids
    are kept in ``project_info``."""

    def spans(self, document_id: int, *, include_suggested: bool = True) -> list[Span]:
        where = "" if include_suggested else "AND origin != 'suggested'"
        rows = self.conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE document_id = ? {where}"
            f" ORDER BY {SPAN_INDEX_ORDER}",
            (document_id,),
        ).fetchall()
        if not rows:
            return []
        length = self.document_length(document_id)
        spans = spans_in_order(rows, self._label_names(), self._where, length)
        return spans

    def spans_page(
        self,
        document_id: int,
        after: tuple[int, int, str] | None,
        limit: int,
        length: int | None = None,
    ) -> list[Span]:
        """Up to ``limit`` of the document's spans whose place (start, end, label) comes
        after ``after`` (from the first when None), in ``SPAN_ORDER``: a long document's
        spans read a page at a time, each page one short query on the place index.
        The next page starts after the greatest ``Span.key()`` of this one. ``length``,
        the document's (known to a reader of many pages), spares reading it again."""
        parameters: tuple[object, ...]
        if after is None:
            clause, parameters = "", (document_id, limit)
        else:
            clause = 'AND (start, "end", label) > (?, ?, ?)'
            parameters = (document_id, *after, limit)
        rows = self.conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE document_id = ? {clause}"
            f" ORDER BY {SPAN_INDEX_ORDER} LIMIT ?",
            parameters,
        ).fetchall()
        if not rows:
            return []
        if length is None:
            length = self.document_length(document_id)
        spans = spans_in_order(rows, self._label_names(), self._where, length)
        return spans

    def span_reader(self, document_id: int, after: tuple[int, int, str]) -> SpanReader:
        """The document's spans whose place (start, end, label) comes after ``after``,
        read a page at a time (``SpanReader``): a long document's, after its first page."""
        query = (document_id, *after)
        labels, length = self._label_names(), self.document_length(document_id)
        if self.path is not None:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            try:
                conn = harden(sqlite3.connect(uri, uri=True))
            except sqlite3.Error:  # the file is gone since it was opened: read them here
                pass
            else:
                return SpanReader(conn, True, query, labels, self._where, length)
        return SpanReader(self.conn, False, query, labels, self._where, length)

    def spans_added_since(self, document_id: int, shown: int, newest: int) -> list[Span] | None:
        """The document's spans with an id above ``newest``, if they are all that changed.

        ``shown`` spans, none above ``newest``, were read before: when the document
        now holds those plus the new ones, a view only needs the new ones (new spans
        take ids above every id used before, ``reserve_span_ids``). None when a span
        was removed or put back with its old id: read them all again. A change to a
        span's label or value is not seen here: ask only after additions.
        """
        total = self.conn.execute(_SPAN_COUNT, (document_id,)).fetchone()[0]
        rows = self.conn.execute(_SPANS_ADDED, (document_id, newest)).fetchall()
        if total != shown + len(rows):
            return None
        if not rows:
            return []
        length = self.document_length(document_id)
        return spans_from_rows(rows, self._label_names(), self._where, length)

    def get_span(self, span_id: int) -> Span:
        row = self.conn.execute(_SPAN_BY_ID, (span_id,)).fetchone()
        if row is None:
            raise EditError(f"no span {span_id} (was it deleted elsewhere?)")
        return span_from_row(row, self._label_names(), self._where)

    def find_span(self, document_id: int, start: int, end: int, label: str) -> Span | None:
        """The span of a document with this place and label (there is at most one)."""
        row = self.conn.execute(_SPAN_AT, (document_id, start, end, label)).fetchone()
        return span_from_row(row, self._label_names(), self._where) if row is not None else None

    def insert_span(self, span: Span) -> Span:
        stamp = now()
        if span.id is not None and self._span_exists(span.id):
            raise EditError(
                f"cannot put back span {span.id}: that id is in use again (changed in another"
                " window?); nothing was changed"
            )
        span_id = span.id if span.id is not None else self.reserve_span_ids(1)
        self.insert_span_rows(
            [
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
                    encode_attributes(span.attributes),
                )
            ]
        )
        self._touch_document(span.document_id)
        return self.get_span(span_id)

    def prepare_tagging(self) -> None:
        """Have SQLite compile the statements a tag runs (a span added, its document
        marked in progress, and the window reading back what changed), so that the first
        tag after opening does not: each is compiled the first time this connection runs
        it, 0.3-0.7 ms for these, and kept for the next times. Nothing is written; a
        project closed meanwhile has nothing to get ready."""
        reads = (_SPAN_AT, GET_STATUS, _HIGHEST_SPAN_ID, _SPAN_BY_ID, _SPAN_COUNT, _SPANS_ADDED)
        writes = (_INSERT_SPANS, PUT_INFO, TOUCH_DOCUMENT, SET_STATUS)
        with suppress(sqlite3.ProgrammingError):  # closed
            self.compile_statements(reads=(*reads, DOCUMENT_LENGTH), writes=writes)

    def insert_span_rows(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Write span rows (``SPAN_COLUMNS``, ids from ``reserve_span_ids``) within the
        caller's transaction; a second span with a place and label fails (UNIQUE)."""
        self.conn.executemany(_INSERT_SPANS, rows)

    def _span_exists(self, span_id: int) -> bool:
        row = self.conn.execute("SELECT 1 FROM spans WHERE id = ?", (span_id,)).fetchone()
        return row is not None

    def reserve_span_ids(self, count: int) -> int:
        """The first of ``count`` span ids never used before in this project.

        Every insert of new spans takes its ids here (within its transaction).

        SQLite would hand out a deleted span's id again (max + 1); an undo kept in
        another window that names the old id would then change the new span.
        """
        highest: int = self.conn.execute(_HIGHEST_SPAN_ID, (SPAN_ID_MARK,)).fetchone()[0]
        self.put_info(SPAN_ID_MARK, str(highest + count))
        return highest + 1

    def remove_span(self, span_id: int) -> None:
        span = self.get_span(span_id)
        self.conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))
        self._touch_document(span.document_id)

    def update_span(self, span_id: int, **fields: object) -> None:
        allowed = {"label", "value", "origin", "annotator", "attributes"}
        if not fields or set(fields) - allowed:
            raise EditError(f"cannot update span fields {sorted(set(fields) - allowed)}")
        values = {k: (v.value if isinstance(v, Origin) else v) for k, v in fields.items()}
        if "attributes" in values:
            values["attributes"] = encode_attributes(fields["attributes"])  # type: ignore[arg-type]
        assignments = ", ".join(f"{name} = ?" for name in values)
        self.conn.execute(
            f"UPDATE spans SET {assignments}, updated = ? WHERE id = ?",
            (*values.values(), now(), span_id),
        )
        self._touch_document(self.get_span(span_id).document_id)

    def remember_rejection(self, span: Span) -> None:
        # storage.suggestions owns the rejected table (and imports the project).
        from annotator.storage.suggestions import remember_rejection

        remember_rejection(self, span)

    def forget_rejection(self, span: Span) -> None:
        from annotator.storage.suggestions import forget_rejection

        forget_rejection(self, span)

    def label_counts(self, document_id: int | None = None) -> dict[str, int]:
        """Accepted (not suggested) spans by label, of the project or of one document."""
        return _label_counts(self.conn, self.labels().names(), document_id)

    def label_counts_reader(self, document_id: int) -> Callable[[], dict[str, int]] | None:
        """``label_counts`` of a document, as a function for another thread (on a
        read-only connection of its own: 100,000 spans take SQLite 50 ms to count);
        None for a project in memory."""
        if self.path is None:
            return None
        uri = self.path.resolve().as_uri() + "?mode=ro"
        return partial(_read_label_counts, uri, self.labels().names(), document_id)

    def annotator_names(self) -> list[str]:
        """Everyone who made a span (not a suggestion), for filters; sorted."""
        rows = self.conn.execute(
            "SELECT DISTINCT annotator FROM spans"
            " WHERE annotator != '' AND origin != 'suggested' ORDER BY annotator"
        )
        return [row[0] for row in rows]
