"""Naming the row whose stored text is not UTF-8.

SQLite keeps whatever bytes a program wrote as TEXT (or, for a long document, as its
``text_utf8``); Python's sqlite3 finds out only when such a value is fetched, and then
raises ``OperationalError`` naming the column but not the row. Checking every text as
it is read would slow every read down, so the failure is caught where a command or the
window meets it, and the file is searched then, read-only, for the row to name.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.storage.rows import damaged

_DECODE_FAILURE = "Could not decode to UTF-8"
# Blob columns read as text (rows.DOCUMENT_TEXT casts it).
_TEXT_BLOBS = {("documents", "text_utf8")}


def undecodable_text_error(error: BaseException, path: Path | None) -> ProjectError | None:
    """The ``damaged project`` error to report instead of ``error``, when ``error`` is
    SQLite's failure to read a stored text as UTF-8; None for any other error."""
    if not (isinstance(error, sqlite3.OperationalError) and str(error).startswith(_DECODE_FAILURE)):
        return None
    if path is None:
        return ProjectError(f"damaged project: a stored text is not UTF-8 ({error})")
    found = _first_undecodable(path)
    if found is None:  # rewritten since the failure, or not readable now
        return ProjectError(f"{path}: damaged project: a stored text is not UTF-8 ({error})")
    table, row_id, column = found
    return damaged(path, table, row_id, f"its {column} is not UTF-8 (changed by another program?)")


def _first_undecodable(path: Path) -> tuple[str, int, str] | None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    conn.text_factory = bytes
    try:
        tables = [
            name.decode()
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            columns = [row[1].decode() for row in conn.execute(f'PRAGMA table_info("{table}")')]
            for column in columns:
                kinds = "'text', 'blob'" if (table, column) in _TEXT_BLOBS else "'text'"
                rows = conn.execute(
                    f'SELECT rowid, "{column}" FROM "{table}" WHERE typeof("{column}") IN ({kinds})'
                )
                for row_id, value in rows:
                    try:
                        value.decode()
                    except UnicodeDecodeError:
                        return table, row_id, column
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return None
