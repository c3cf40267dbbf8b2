"""A project made without sqlite-utils (at creation and start-up) is the one it would make."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from annotator.storage import open_project
from annotator.storage.schema import (
    STEPS,
    applied_migrations,
    create_schema,
    known_migrations,
    migrations,
)


def schema_of(conn: sqlite3.Connection) -> tuple:
    objects = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")
    labels = conn.execute("SELECT * FROM labels ORDER BY position").fetchall()
    recorded = conn.execute("SELECT id, migration_set, name FROM _sqlite_migrations").fetchall()
    application_id = conn.execute("PRAGMA application_id").fetchone()
    return objects.fetchall(), labels, recorded, application_id


@pytest.mark.parametrize("stop_before", [None, *[step.__name__ for step in STEPS[1:]]])
def test_create_schema_makes_what_sqlite_utils_migrations_make(stop_before):
    ours, theirs = sqlite3.connect(":memory:"), sqlite3.connect(":memory:")
    create_schema(ours, stop_before)
    migrations.apply(Database(theirs), stop_before=stop_before)
    assert schema_of(ours) == schema_of(theirs)
    assert applied_migrations(ours) == [m.name for m in migrations.applied(Database(theirs))]


def test_sqlite_utils_upgrades_a_project_created_without_it(tmp_path):
    path = tmp_path / "old.annotator"
    conn = sqlite3.connect(path)
    create_schema(conn, stop_before=known_migrations()[-1])
    conn.commit()
    conn.close()
    with open_project(path) as project:
        assert applied_migrations(project.conn) == known_migrations()
        assert migrations.pending(Database(project.conn)) == []
