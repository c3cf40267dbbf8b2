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


def known_migrations() -> list[str]:
    return [migration.name for migration in migrations.pending(Database(memory=True))]
