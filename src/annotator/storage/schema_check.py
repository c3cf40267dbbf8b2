"""A project file holds the schema our migrations make, and nothing else.

A project someone sends you is a SQLite file, and SQLite files can carry code: a
trigger added with the sqlite3 shell (``AFTER INSERT ON spans ... DELETE FROM
spans``) runs on every edit, a view or a CHECK can call functions. So every
connection runs with ``trusted_schema`` off (functions with side effects are
refused inside the schema), and before a file is written to at all its schema -
tables with their columns and constraints, indexes, triggers, views - is compared
with the one our migrations build; anything else is refused, naming the object.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

from annotator.storage.schema import MIGRATIONS_TABLE, build_schema, known_migrations

# Tables SQLite itself makes (AUTOINCREMENT counters, ANALYZE statistics): they hold no code.
_SQLITE_OWN = frozenset({"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"})

SchemaObject = tuple[str, str]  # (type, name)


def harden(conn: sqlite3.Connection) -> sqlite3.Connection:
    """No function with side effects runs from a file's schema (triggers, views, CHECKs)."""
    conn.execute("PRAGMA trusted_schema = OFF")
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if defensive is not None and hasattr(conn, "setconfig"):  # Python 3.12+
        conn.setconfig(defensive, True)  # no writable_schema, no writes to shadow tables
    return conn


def schema_problem(conn: sqlite3.Connection, applied: list[str]) -> str | None:
    """What in the file's schema our migrations ``applied`` did not make, or None."""
    known = known_migrations()
    if applied != known[: len(applied)]:
        return f"its migrations ({', '.join(applied)}) are not the ones annotator applies"
    actual = _objects(conn)
    if not applied:
        if actual:
            kind, name = min(actual, key=_most_telling)
            return (
                f"it has {kind} {name} but no record of annotator's schema"
                f" ({MIGRATIONS_TABLE} is missing)"
            )
        return None
    expected = _expected(tuple(applied))
    for key in sorted(actual.keys() - expected.keys(), key=_most_telling):
        kind, name = key
        if actual[key][0] == MIGRATIONS_TABLE and kind == "index":
            continue  # sqlite-utils' own index on its table; checked below
        return f"it has {kind} {name} (on {actual[key][0]}), which annotator never makes"
    for key in sorted(expected.keys() - actual.keys()):
        return f"its {key[0]} {key[1]} is missing"
    for key in sorted(expected):
        if actual[key] != expected[key]:
            return f"its {key[0]} {key[1]} is not the one annotator makes"
    return _migrations_table_problem(conn)


_KIND_ORDER = {"trigger": 0, "view": 1, "table": 2, "index": 3}


def _most_telling(key: SchemaObject) -> tuple[int, bool, str]:
    """Code first (triggers, views), then tables, then indexes; SQLite's automatic
    indexes (sqlite_autoindex_...) only follow from a table that is named first."""
    kind, name = key
    return _KIND_ORDER.get(kind, 4), name.startswith("sqlite_"), name


def _objects(conn: sqlite3.Connection) -> dict[SchemaObject, tuple[str, str]]:
    """Every schema object but SQLite's own, by (type, name): (table, normalised SQL)."""
    objects = {}
    for kind, name, table, sql in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master"
    ):
        if kind == "table" and name in _SQLITE_OWN:
            continue
        normalised = " ".join(sql.split()) if isinstance(sql, str) else ""
        objects[(kind, name)] = (table, normalised)
    if ("table", MIGRATIONS_TABLE) in objects:
        # sqlite-utils creates its table in its own words, which change between its
        # versions: its columns are checked instead.
        objects[("table", MIGRATIONS_TABLE)] = (MIGRATIONS_TABLE, "")
    return objects


@lru_cache(maxsize=8)
def _expected(applied: tuple[str, ...]) -> dict[SchemaObject, tuple[str, str]]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        pending = [name for name in known_migrations() if name not in applied]
        build_schema(conn, stop_before=pending[0] if pending else None)
        objects = _objects(conn)
    finally:
        conn.close()
    return {key: value for key, value in objects.items() if value[0] != MIGRATIONS_TABLE} | {
        ("table", MIGRATIONS_TABLE): (MIGRATIONS_TABLE, "")
    }


def _migrations_table_problem(conn: sqlite3.Connection) -> str | None:
    columns = {row[1] for row in conn.execute(f"PRAGMA table_xinfo({MIGRATIONS_TABLE})")}
    if not {"migration_set", "name", "applied_at"} <= columns:
        return f"its table {MIGRATIONS_TABLE} is not the one sqlite-utils makes"
    for _seq, index, _unique, _origin, partial in conn.execute(
        f"PRAGMA index_list({MIGRATIONS_TABLE})"
    ):
        quoted = index.replace('"', '""')
        keys = [row for row in conn.execute(f'PRAGMA index_xinfo("{quoted}")') if row[5]]
        # An expression or a WHERE clause in an index can call a function.
        if partial or any(cid < 0 for _rank, cid, *_ in keys):
            return f"its index {index} (on {MIGRATIONS_TABLE}) is not one annotator makes"
    return None
