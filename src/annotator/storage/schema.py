"""The project file's schema, as sqlite-utils migrations.

A project is one SQLite file. ``PRAGMA application_id`` marks it as ours, so a
SQLite file from another program is refused rather than written to. A file
that has applied a migration this version does not know comes from a newer
annotator and is refused too.

Spans' ``origin`` is checked by the code (``core.model.Origin``) rather than by
a CHECK constraint: that constraint alone made bulk imports 40% slower.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from annotator.core.labels import DEFAULT_LABELS

APPLICATION_ID = 0x414E4E54  # "ANNT"
MIGRATION_SET = "annotator"

migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
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
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db["labels"].insert_all(
        {
            "name": label.name,
            "display_name": label.display_name,
            "color": label.color,
            "key": label.key,
            "position": position,
        }
        for position, label in enumerate(DEFAULT_LABELS)
    )


@migrations()
def m002_rejected_suggestions(db: Database) -> None:
    # A rejected suggestion is remembered by place and label, so no source proposes it again.
    db.executescript(
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


@migrations()
def m003_one_span_per_place(db: Database) -> None:
    """One span per (document, start, end, label): earlier versions could save two.

    Tagging text that was already a suggestion added a second span beside it. Of each
    group of such duplicates one row stays: an accepted (not suggested) one if any,
    one with a value before one without, the oldest first; it takes a value from the
    others when it has none (the suggestion of "12 ألف" carried 12000, the span tagged
    over it nothing). The unique index then keeps it so, and serves every lookup by
    document (it replaces the index on document_id alone).
    """
    db.executescript(
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


def known_migrations() -> list[str]:
    return [migration.name for migration in migrations.pending(Database(memory=True))]
