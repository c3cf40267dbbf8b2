"""A project's connection: its transactions, its change notices, and the labels as read.

Every mutation runs in one ``BEGIN IMMEDIATE`` transaction, so a second process
waits (busy timeout) instead of failing half-way, and a crash leaves either the
whole edit or none of it. What an operation changed is published only after its
commit. The label schema is kept here, as last read, because a failed
transaction must drop it and explains itself in its terms, and every other part
of the project checks names against it.
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Self, cast

from annotator.core.changes import Changes
from annotator.core.errors import EditError, ProjectError
from annotator.core.labels import LabelSchema
from annotator.storage.rows import LabelNames, label_from_row
from annotator.storage.schema import (
    applied_migrations,
    apply_pending,
    create_schema,
    known_migrations,
)
from annotator.storage.schema_check import harden

if TYPE_CHECKING:
    from annotator.core.edits import Applied, Edit, SpanStore

BUSY_TIMEOUT_MS = 10_000
# A write from a read transaction whose snapshot another connection has outdated;
# waiting cannot help, so SQLite fails at once (not in every Python's sqlite3 module).
SQLITE_BUSY_SNAPSHOT = 517

ChangeListener = Callable[[Changes], None]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def connect(path: Path) -> sqlite3.Connection:
    """A connection to a project file that waits its turn behind another writer."""
    return sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)


# Project files this process has open, by (device, inode). Reading such a file again
# with plain open()/close() would drop every POSIX lock the process holds on it, and
# SQLite relies on those locks to keep a second process from resetting the WAL under
# our feet; a file open here was checked when it was first opened.
OPEN_HERE: Counter[tuple[int, int]] = Counter()


def file_identity(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


class ProjectConnection:
    """The connection every part of a project works through (see ``storage.project``)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None):
        self.path = path
        self.conn = conn
        harden(conn)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if path is not None:
            conn.execute("PRAGMA journal_mode = WAL")
            # FULL: each commit reaches the disk before apply() returns, so an edit the
            # window shows also survives a power cut (NORMAL only survives a crash of the
            # app). About 3 ms per edit, once per keypress; an import is one commit.
            conn.execute("PRAGMA synchronous = FULL")
        applied = applied_migrations(conn)
        if not applied and not conn.execute("SELECT 1 FROM sqlite_master").fetchone():
            create_schema(conn)  # a new project
        elif applied != known_migrations():
            apply_pending(conn)  # checked (and backed up) by open_project first
        self._identity = file_identity(path) if path is not None else None
        if self._identity is not None:
            OPEN_HERE[self._identity] += 1
        self._caches: list[ChangeListener] = []
        self._listeners: list[ChangeListener] = []
        self._labels: LabelSchema | None = None
        self._known_labels: tuple[LabelSchema, LabelNames] | None = None
        self._references_checked_at_end = False  # in a bulk_transaction

    @classmethod
    def in_memory(cls) -> Self:
        return cls(sqlite3.connect(":memory:", isolation_level=None))

    def close(self) -> None:
        if self._identity is not None and OPEN_HERE[self._identity] > 0:
            OPEN_HERE[self._identity] -= 1
            if not OPEN_HERE[self._identity]:
                del OPEN_HERE[self._identity]
            self._identity = None
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and change notices -------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self.conn.in_transaction:
            with self._savepoint():
                yield
            return
        if (
            self._identity is not None
            and self.path is not None
            and file_identity(self.path) != self._identity
        ):
            # Deleted (or replaced) while open: SQLite would go on writing to a file
            # nobody can reach any more, and everything saved from now on would be lost.
            raise ProjectError(
                f"{self.path}: not saved: the project file was moved, deleted or replaced"
                " while open; reopen it (or restore it) before going on"
            )
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._write_failed(exc) from None
        labels_known = self._labels  # what this window or command was working with
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._labels = None
            if isinstance(exc, sqlite3.IntegrityError) and "FOREIGN KEY" in str(exc):
                raise self._changed_elsewhere(exc, labels_known) from None
            # Any other IntegrityError stays: apply() reports it as a refused edit.
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(
                exc, sqlite3.IntegrityError
            ):
                raise self._write_failed(exc) from None
            raise

    @contextmanager
    def bulk_transaction(self) -> Iterator[None]:
        """``transaction()`` for an import: the references (foreign keys) of the spans and
        links it adds are checked once, before the commit, instead of row by row (4.7% of
        a 1,000-document import's instructions, against 1.6% for this check), and a broken
        one fails the whole transaction as the row's own check would. Foreign keys can
        only be switched outside a transaction, so a bulk transaction nested in another
        is an ordinary one. No edit may run on this connection meanwhile (``perform``
        refuses): it would cascade nothing.
        """
        if self.conn.in_transaction:
            with self.transaction():
                yield
            return
        self.conn.execute("PRAGMA foreign_keys = OFF")
        self._references_checked_at_end = True
        try:
            with self.transaction():
                last_span, last_link = self.conn.execute(
                    "SELECT (SELECT coalesce(max(id), 0) FROM spans),"
                    " (SELECT coalesce(max(id), 0) FROM links)"
                ).fetchone()
                yield
                self._check_references(last_span, last_link)
        finally:
            self._references_checked_at_end = False
            self.conn.execute("PRAGMA foreign_keys = ON")

    def _check_references(self, last_span: int, last_link: int) -> None:
        """What the foreign keys check, for spans and links added after these ids (rowid
        lookups, so as cheap for a small import into a large project)."""
        broken = (
            self.conn.execute(
                "SELECT 1 FROM spans WHERE id > ?"
                " AND (document_id NOT IN (SELECT id FROM documents)"
                " OR label NOT IN (SELECT name FROM labels)) LIMIT 1",
                (last_span,),
            ).fetchone()
            or self.conn.execute(
                "SELECT 1 FROM links WHERE id > ? AND (event_id NOT IN (SELECT id FROM spans)"
                " OR argument_id NOT IN (SELECT id FROM spans)"
                " OR role NOT IN (SELECT name FROM roles)) LIMIT 1",
                (last_link,),
            ).fetchone()
        )
        if broken:
            raise sqlite3.IntegrityError("FOREIGN KEY constraint failed")

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A nested transaction: undone alone if what runs in it fails."""
        self.conn.execute("SAVEPOINT nested")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:  # a failure may have ended the whole transaction
                self.conn.execute("ROLLBACK TO nested")
                self.conn.execute("RELEASE nested")
            raise
        self.conn.execute("RELEASE nested")

    def _changed_elsewhere(
        self, exc: sqlite3.IntegrityError, labels_known: LabelSchema | None
    ) -> ProjectError:
        """A write naming a label or document that another window or program renamed or
        deleted since this one read it (a label renamed during an import, say)."""
        name = self.path or "the project"
        labels_now = self.labels()
        gone = [n for n in (labels_known.names() if labels_known else []) if n not in labels_now]
        if gone:
            return ProjectError(
                f"{name}: not saved: label {', '.join(gone)} was renamed or removed by another"
                " window or program while this one was working (labels now:"
                f" {', '.join(labels_now.names())}); nothing was changed; try again"
            )
        return ProjectError(
            f"{name}: not saved: a document or label it refers to was changed by another window"
            f" or program meanwhile ({exc}); nothing was changed; reload and try again"
        )

    def _write_failed(self, exc: sqlite3.DatabaseError) -> ProjectError:
        """Say why nothing was saved: busy elsewhere, disk full, unwritable or damaged."""
        name = self.path or "the project"
        extended = getattr(exc, "sqlite_errorcode", 0)
        code = extended & 0xFF
        if extended == SQLITE_BUSY_SNAPSHOT:
            return ProjectError(
                f"{name}: not saved: another window or program changed the project while this"
                " one was still reading it (an export or a list being filled); try again"
            )
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return ProjectError(
                f"{name}: not saved: another window or program has been writing to this"
                f" project for more than {BUSY_TIMEOUT_MS / 1000:g} s; try again"
            )
        if code == sqlite3.SQLITE_FULL:
            return ProjectError(f"{name}: not saved: the disk is full ({exc})")
        if code == sqlite3.SQLITE_IOERR:
            return ProjectError(
                f"{name}: not saved: the disk refused the write ({exc}); is it full or gone?"
            )
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return ProjectError(
                f"{name}: not saved: the file was damaged while open ({exc}); close annotator"
                " and restore it from a backup"
            )
        return ProjectError(f"{name}: not saved ({exc})")

    def subscribe(self, listener: ChangeListener, *, cache: bool = False) -> None:
        """Call ``listener`` with the ``Changes`` of each operation, once it has committed.

        Data derived from the project and read on demand (accepted span texts, a search
        index) subscribes as a ``cache``: caches hear of each change before the other
        listeners do, so a view may use them in its own listener, whichever subscribed first.
        """
        (self._caches if cache else self._listeners).append(listener)

    def unsubscribe(self, listener: ChangeListener) -> None:
        for listeners in (self._caches, self._listeners):
            if listener in listeners:
                listeners.remove(listener)
                return
        raise ValueError(f"{listener!r} is not subscribed")

    def compile_statements(self, reads: Iterable[str], writes: Iterable[str]) -> None:
        """Compile statements now, for a later operation to find them compiled: Python's
        sqlite3 keeps each statement a connection ran, by its text. ``reads`` run with
        every parameter NULL, which no row matches; ``writes`` are compiled, not run
        (``executemany`` with no rows). Nothing is written."""
        for statement in reads:
            self.conn.execute(statement, (None,) * statement.count("?")).fetchall()
        for statement in writes:
            self.conn.executemany(statement, ())

    def _next_position(self, table: str) -> int:
        """Where a new row of ``table`` goes in the order the schema's lists keep
        (labels, roles, event types, attribute keys): after the last."""
        (position,) = self.conn.execute(
            f"SELECT coalesce(max(position) + 1, 0) FROM {table}"
        ).fetchone()
        return int(position)

    def publish(self, changes: Changes) -> None:
        """Tell caches, then listeners, what an operation changed (after it committed)."""
        if not changes:
            return
        for listener in [*self._caches, *self._listeners]:
            listener(changes)

    def perform(self, edit: Edit) -> Applied:
        """Apply one edit in one transaction and publish what it changed; return both."""
        if self._references_checked_at_end:
            raise EditError("not saved: an import is running in this window; try again after it")
        try:
            with self.transaction():
                # Project, assembled from this class and the tables', is the SpanStore.
                applied = edit.apply(cast("SpanStore", self))
        except sqlite3.IntegrityError as exc:
            raise EditError(f"edit refused by the project: {exc}") from None
        self.publish(applied.changes)
        return applied

    def apply(self, edit: Edit) -> Edit:
        """Apply one edit in one transaction (see ``perform``); return its inverse."""
        return self.perform(edit).inverse

    # -- the label schema, as last read ------------------------------------------------------

    def labels(self) -> LabelSchema:
        if self._labels is None:
            rows = self.conn.execute(
                "SELECT name, display_name, color, key FROM labels ORDER BY position"
            )
            self._labels = LabelSchema(label_from_row(row, self._where) for row in rows)
        return self._labels

    def _label_names(self) -> LabelNames:
        """The label names spans are checked against, kept while the labels are."""
        labels = self.labels()
        if self._known_labels is None or self._known_labels[0] is not labels:
            self._known_labels = (labels, LabelNames(set(labels.names()), self._read_label_names))
        return self._known_labels[1]

    def _read_label_names(self) -> set[str]:
        self._labels = None
        return set(self.labels().names())

    @property
    def _where(self) -> str:
        """How messages about this project's file name it."""
        return str(self.path) if self.path is not None else "the project"

    def has_label(self, name: str) -> bool:
        return name in self.labels()
