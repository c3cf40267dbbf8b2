"""The project file's schema, as migrations applied by sqlite-utils.

Each migration is a step that needs only ``execute`` and ``executescript``, of a
plain sqlite3 connection or of a sqlite-utils ``Database``; ``migrations`` (the
sqlite-utils ``Migrations`` that applies them to an older project and records
them) is built when first asked for, so that opening an up-to-date project, or
creating one, does not import sqlite-utils (0.1-0.2 s at every start).

A project is one SQLite file. ``PRAGMA application_id`` marks it as ours, so a
SQLite file from another program is refused rather than written to. A file
that has applied a migration this version does not know comes from a newer
annotator and is refused too.

Spans' ``origin`` is checked by the code (``core.model.Origin``) rather than by
a CHECK constraint: that constraint alone made bulk imports 40% slower.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from annotator.core.events import (
    DEFAULT_ATTRIBUTE_KEYS,
    DEFAULT_EVENT_LABEL,
    DEFAULT_EVENT_TYPES,
    DEFAULT_ROLES,
)
from annotator.core.labels import DEFAULT_LABELS

if TYPE_CHECKING:
    from sqlite_utils import Migrations

APPLICATION_ID = 0x414E4E54  # "ANNT"
MIGRATION_SET = "annotator"
# Where sqlite-utils records the migrations a file has applied.
MIGRATIONS_TABLE = "_sqlite_migrations"


class Executor(Protocol):
    """A sqlite3 connection outside a transaction, or a sqlite-utils Database (whose
    executescript runs inside the migration's transaction without committing it)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...

    def executescript(self, sql: str, /) -> Any: ...


def m001_initial(conn: Executor) -> None:
    conn.executescript(
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            length INTEGER NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL DEFAULT 'todo'
                CHECK (status IN ('todo', 'in_progress', 'done')),
            meta TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX documents_by_status ON documents(status);
        CREATE TABLE labels (
            name TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            color TEXT NOT NULL,
            key TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL
        );
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
            annotator TEXT NOT NULL DEFAULT '',
            value,
            origin TEXT NOT NULL DEFAULT 'manual',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            CHECK (start >= 0 AND start < "end")
        );
        CREATE INDEX spans_by_document ON spans(document_id);
        CREATE TABLE project_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for position, label in enumerate(DEFAULT_LABELS):
        conn.execute(
            "INSERT INTO labels (name, display_name, color, key, position) VALUES (?, ?, ?, ?, ?)",
            (label.name, label.display_name, label.color, label.key, position),
        )


def m002_rejected_suggestions(conn: Executor) -> None:
    # A rejected suggestion is remembered by place and label, so no source proposes it again.
    conn.executescript(
        """
        CREATE TABLE rejected_suggestions (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
            rejected TEXT NOT NULL,
            PRIMARY KEY (document_id, start, "end", label)
        ) WITHOUT ROWID;
        """
    )


def m003_one_span_per_place(conn: Executor) -> None:
    """One span per (document, start, end, label): earlier versions could save two.

    Tagging text that was already a suggestion added a second span beside it. Of each
    group of such duplicates one row stays: an accepted (not suggested) one if any,
    one with a value before one without, the oldest first; it takes a value from the
    others when it has none (the suggestion of "12 ألف" carried 12000, the span tagged
    over it nothing). The unique index then keeps it so, and serves every lookup by
    document (it replaces the index on document_id alone).
    """
    conn.executescript(
        """
        CREATE TEMP TABLE kept AS
            SELECT id FROM (
                SELECT id, row_number() OVER (
                    PARTITION BY document_id, start, "end", label
                    ORDER BY origin = 'suggested', value IS NULL, id
                ) AS rank
                FROM spans
            ) WHERE rank = 1;
        UPDATE spans SET value = (
                SELECT other.value FROM spans AS other
                WHERE other.document_id = spans.document_id AND other.start = spans.start
                    AND other."end" = spans."end" AND other.label = spans.label
                    AND other.value IS NOT NULL
                ORDER BY other.origin = 'suggested', other.id LIMIT 1
            )
            WHERE value IS NULL AND id IN (SELECT id FROM kept);
        DELETE FROM spans WHERE id NOT IN (SELECT id FROM kept);
        DROP TABLE kept;
        DROP INDEX spans_by_document;
        CREATE UNIQUE INDEX spans_by_place ON spans(document_id, start, "end", label);
        """
    )


def m004_events_and_links(conn: Executor) -> None:
    """Events with their participants: roles, event types, links, span attributes.

    A link joins an event span to an argument span with a role; it goes with either
    span (ON DELETE CASCADE) and follows a renamed role (ON UPDATE CASCADE). Which
    labels head links is one row each in ``event_labels`` (the label ``event``), which
    labels a role accepts one row each in ``role_labels``; both follow a renamed label.
    A span's attributes other than its ``value`` are one JSON object in ``spans.attributes``
    (NULL when it has none): read with the span's own row, no query per span. The
    ``value`` column stays the one place of the ``value`` attribute, so nothing moves.
    """
    conn.executescript(
        """
        CREATE TABLE roles (
            name TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            key TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL
        );
        CREATE TABLE role_labels (
            role TEXT NOT NULL REFERENCES roles(name) ON UPDATE CASCADE ON DELETE CASCADE,
            label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE ON DELETE CASCADE,
            PRIMARY KEY (role, label)
        ) WITHOUT ROWID;
        CREATE TABLE event_labels (
            label TEXT PRIMARY KEY REFERENCES labels(name) ON UPDATE CASCADE ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE TABLE event_types (
            name TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE TABLE attribute_keys (
            label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE ON DELETE CASCADE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (label, name)
        ) WITHOUT ROWID;
        CREATE TABLE links (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            argument_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            role TEXT NOT NULL REFERENCES roles(name) ON UPDATE CASCADE,
            created TEXT NOT NULL,
            CHECK (event_id != argument_id),
            UNIQUE (event_id, argument_id, role)
        );
        CREATE INDEX links_by_argument ON links(argument_id);
        ALTER TABLE spans ADD COLUMN attributes TEXT;
        """
    )
    labels = {
        row[0] for row in conn.execute("SELECT name FROM labels").fetchall()
    }  # a project may have renamed the defaults: only what it has is wired
    for position, role in enumerate(DEFAULT_ROLES):
        conn.execute(
            "INSERT INTO roles (name, display_name, key, position) VALUES (?, ?, ?, ?)",
            (role.name, role.display_name, role.key, position),
        )
        for label in role.accepts:
            if label in labels:
                conn.execute(
                    "INSERT INTO role_labels (role, label) VALUES (?, ?)", (role.name, label)
                )
    if DEFAULT_EVENT_LABEL in labels:
        conn.execute("INSERT INTO event_labels (label) VALUES (?)", (DEFAULT_EVENT_LABEL,))
    for position, event_type in enumerate(DEFAULT_EVENT_TYPES):
        conn.execute(
            "INSERT INTO event_types (name, display_name, position) VALUES (?, ?, ?)",
            (event_type.name, event_type.display_name, position),
        )
    for position, key in enumerate(DEFAULT_ATTRIBUTE_KEYS):
        if key.label in labels:
            conn.execute(
                "INSERT INTO attribute_keys (label, name, kind, position) VALUES (?, ?, ?, ?)",
                (key.label, key.name, key.kind.value, position),
            )


def m005_long_text_utf8(conn: Executor) -> None:
    """A text too long to hold (``core.long_text``) is stored as its UTF-8 in
    ``documents.text_utf8``, and ``text`` is then ''; for every other document
    ``text_utf8`` is NULL. Readers take ``rows.DOCUMENT_TEXT``, which is either.

    Why a column of its own: such a text is inserted as ``zeroblob(n)`` and written
    in place a piece at a time (blob I/O). SQLite leaves a zeroblob unallocated only
    when it is a BLOB and the last value of the row; ``text`` is neither (a TEXT
    made of zeros was held twice, once as the value and once in the row: 600 MB to
    import a 300 MB line). A column added by ALTER TABLE comes last, and costs no
    rewrite of the table. It must stay the last column of ``documents``: a later
    migration that adds a column there must move it (or the import's memory doubles).
    """
    conn.executescript("ALTER TABLE documents ADD COLUMN text_utf8 BLOB;")


STEPS: tuple[Callable[[Executor], None], ...] = (
    m001_initial,
    m002_rejected_suggestions,
    m003_one_span_per_place,
    m004_events_and_links,
    m005_long_text_utf8,
)

_migrations: Migrations | None = None


def __getattr__(name: str) -> Any:
    # ``schema.migrations``: sqlite-utils is imported only for the code that asks for it.
    if name == "migrations":
        return migration_set()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def migration_set() -> Migrations:
    """The sqlite-utils Migrations that upgrade an older project and record each step."""
    global _migrations
    if _migrations is None:
        from sqlite_utils import Migrations

        _migrations = Migrations(MIGRATION_SET)
        for step in STEPS:
            _migrations(name=step.__name__)(_on_database(step))
    return _migrations


def _on_database(step: Callable[[Executor], None]) -> Callable[[Executor], None]:
    def run(db: Executor) -> None:
        step(db)

    run.__name__ = step.__name__
    return run


def known_migrations() -> list[str]:
    if _migrations is not None:  # as sqlite-utils has them (a test may add one)
        return [migration.name for migration in _migrations._migrations]
    return [step.__name__ for step in STEPS]


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Our migrations the file records as applied, in order (as sqlite-utils reads them)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()
    if found is None:
        return []
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        (MIGRATION_SET,),
    )
    return [row[0] for row in rows]


def apply_pending(conn: sqlite3.Connection) -> None:
    """Bring an older project up to date through sqlite-utils (imported only then)."""
    from sqlite_utils import Database

    migration_set().apply(Database(conn))


def build_schema(conn: sqlite3.Connection, stop_before: str | None = None) -> None:
    """On an empty database, the schema our migrations make (up to ``stop_before``)."""
    if set(known_migrations()) <= {step.__name__ for step in STEPS}:
        create_schema(conn, stop_before)
        return
    from sqlite_utils import Database  # migrations added through sqlite-utils (tests)

    migration_set().apply(Database(conn), stop_before=stop_before)


def create_schema(conn: sqlite3.Connection, stop_before: str | None = None) -> None:
    """Every step (up to ``stop_before``) on an empty database, in one transaction, and
    recorded exactly as sqlite-utils records them, so that it can upgrade the file
    later; without importing sqlite-utils. tests/foundation/test_schema_without_sqlite_utils.py
    compares the result with what sqlite-utils makes."""
    steps = list(STEPS)
    if stop_before is not None:
        steps = steps[: [step.__name__ for step in steps].index(stop_before)]
    conn.execute("BEGIN")
    try:
        for step in steps:
            step(_InTransaction(conn))
        conn.execute(_MIGRATIONS_TABLE_SQL)
        conn.execute(_MIGRATIONS_INDEX_SQL)
        conn.executemany(
            f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [(MIGRATION_SET, step.__name__, str(datetime.now(UTC))) for step in steps],
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


class _InTransaction:
    """Runs a step's scripts statement by statement: sqlite3's executescript would
    commit the transaction first (one commit, one disk sync, for each statement)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, parameters: Any = ()) -> Any:
        return self.conn.execute(sql, parameters)

    def executescript(self, script: str) -> None:
        statement = ""
        for line in script.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                self.conn.execute(statement)
                statement = ""
        if statement.strip():
            self.conn.execute(statement)


# sqlite-utils' own words for its table (sqlite-utils 4).
_MIGRATIONS_TABLE_SQL = f"""CREATE TABLE "{MIGRATIONS_TABLE}" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
)"""
_MIGRATIONS_INDEX_SQL = f"""CREATE UNIQUE INDEX "idx_{MIGRATIONS_TABLE}_migration_set_name"
    ON "{MIGRATIONS_TABLE}" ("migration_set", "name")"""
