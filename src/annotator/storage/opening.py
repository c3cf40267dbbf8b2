"""Opening a project file safely: checked before SQLite writes a byte, backed up
before an upgrade, created whole or not at all.

A file that is not ours, damaged, from a newer annotator, changed by another
program or out of reach is refused with one line naming it, and left exactly as
it was (with no -wal/-shm files beside it that were not there before).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from annotator.core.errors import ProjectError
from annotator.storage.connection import OPEN_HERE, connect, file_identity
from annotator.storage.project import Project
from annotator.storage.schema import (
    APPLICATION_ID,
    applied_migrations,
    create_schema,
    known_migrations,
)
from annotator.storage.schema_check import harden, schema_problem

SQLITE_HEADER = b"SQLite format 3\x00"


def _check_existing_file(path: Path) -> None:
    """Refuse, before SQLite writes anything, a file that is not one of our projects."""
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise ProjectError(f"{path}: cannot be read ({exc.strerror})") from None
    if not header:
        raise ProjectError(f"{path}: is empty (0 bytes), not an annotator project")
    if not header.startswith(SQLITE_HEADER):
        raise ProjectError(f"{path}: is not an annotator project (not a SQLite database)")
    if len(header) < 100:
        raise ProjectError(f"{path}: is damaged (truncated SQLite header)")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id != APPLICATION_ID and not _marked_ours_in_wal(path):
        raise ProjectError(
            f"{path}: is a SQLite database from another program, not an annotator project"
        )


def _marked_ours_in_wal(path: Path) -> bool:
    """A new project keeps its first pages, header included, in the -wal file until the
    first checkpoint; after a crash the file itself still has no application_id."""
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return False
    try:
        conn = harden(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True))
        try:
            application_id: int = conn.execute("PRAGMA application_id").fetchone()[0]
            return application_id == APPLICATION_ID
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _inspect_read_only(path: Path) -> list[str]:
    """Check integrity, version and schema without writing; return the pending migrations."""
    # Without a write-ahead log beside it the file is all there is: read it as
    # immutable so that looking creates no -wal/-shm files beside a file we may refuse.
    companions = [path.with_name(path.name + end) for end in ("-wal", "-shm")]
    existed = [companion.exists() for companion in companions]
    has_wal = existed[0]
    uri = path.resolve().as_uri() + ("?mode=ro" if has_wal else "?mode=ro&immutable=1")
    try:
        conn = harden(sqlite3.connect(uri, uri=True))
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()
            if not result or result[0] != "ok":
                raise ProjectError(f"{path}: is damaged ({_first_problem(result)})")
            applied = applied_migrations(conn)
            known = known_migrations()
            unknown = [name for name in applied if name not in known]
            if unknown:
                raise ProjectError(
                    f"{path}: was written by a newer version of annotator "
                    f"(schema {unknown[-1]}); upgrade annotator to open it"
                )
            problem = schema_problem(conn, applied)
            if problem is not None:
                raise ProjectError(
                    f"{path}: refused, {problem} (changed by another program?);"
                    " the file was left as it was"
                )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        # Reading a file with a -wal beside it makes a -shm file, even read-only.
        _remove_if_new_and_empty(companions, existed)
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF in (
            sqlite3.SQLITE_FULL,
            sqlite3.SQLITE_IOERR,
        ):
            raise ProjectError(
                f"{path}: cannot be read: the disk is full or refused the access ({exc});"
                " nothing was changed"
            ) from None
        raise ProjectError(f"{path}: is damaged or unreadable ({exc})") from None
    return [name for name in known if name not in applied]


def _back_up(path: Path, backup: Path) -> None:
    """Copy the project aside before upgrading it, including edits still in its WAL."""
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            # Committed edits may still be in the WAL (the last session crashed): copy
            # through SQLite so the backup holds them too.
            source = harden(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True))
            target = sqlite3.connect(backup)
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        else:
            import shutil  # only to upgrade an old project: not loaded at every start

            shutil.copy2(path, backup)
    except (OSError, sqlite3.Error) as exc:
        backup.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise ProjectError(
            f"{path}: not upgraded, because the backup copy {backup.name} could not be"
            f" written ({reason})"
        ) from None


def _first_problem(result: tuple[Any, ...] | None) -> str:
    """SQLite lists every broken cell, one per line; a message is one line."""
    lines = [line for line in (result[0] if result else "").splitlines() if "***" not in line]
    if not lines:
        return "no answer from the integrity check"
    more = f"; and {len(lines) - 1} more problem(s)" if len(lines) > 1 else ""
    return lines[0] + more


def _check_writable(path: Path) -> None:
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise ProjectError(f"{path}: is read-only; copy it somewhere writable to annotate it")
    if not os.access(folder, os.W_OK):
        raise ProjectError(
            f"{path}: its folder {folder} is read-only (SQLite needs to write beside the file)"
        )


def open_project(path: str | Path, *, create: bool = True) -> Project:
    """Open (or create) the project at ``path``; never overwrite a file that is not ours."""
    path = Path(path).expanduser()
    if path.is_symlink() and not path.exists():
        # Creating a project where a dangling link points would skip the safe creation
        # below, and hide a project that is only out of reach (a disk not mounted).
        raise ProjectError(
            f"{path}: is a link to {os.readlink(path)}, which does not exist;"
            " restore the project there, or open or create another"
        )
    if path.exists() and file_identity(path) in OPEN_HERE:
        pending = []  # already open here, checked and migrated: see OPEN_HERE
    elif path.exists():
        _check_existing_file(path)
        pending = _inspect_read_only(path)
        _check_writable(path)
        if pending and len(pending) < len(known_migrations()):
            _back_up(path, path.with_name(f"{path.name}.before-{pending[0]}.bak"))
    else:
        if not create:
            raise ProjectError(f"{path}: no such project file")
        if not path.parent.exists():
            raise ProjectError(f"{path}: folder {path.parent} does not exist")
        _check_writable(path)
        _create(path)
        pending = []  # _create ran every migration, in a file of its own
    companions = [path.with_name(path.name + end) for end in ("-wal", "-shm")]
    existed = [companion.exists() for companion in companions]
    conn = None
    try:
        conn = connect(path)
        project = Project(conn, path)
        if pending:
            # A schema change rewrites the file's header (application_id) in the
            # write-ahead log; move it into the file itself so that another process
            # opening the project now recognises it as ours.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        _remove_if_new_and_empty(companions, existed)
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN):
            raise ProjectError(
                f"{path}: cannot be opened: the disk is full or refused the write ({exc});"
                " nothing was changed"
            ) from None
        raise ProjectError(f"{path}: cannot be opened ({exc})") from None
    return project


def _remove_if_new_and_empty(companions: list[Path], existed: list[bool]) -> None:
    """Take back the -wal/-shm files a failed open made (a full disk fails right there):
    an empty -wal holds nothing, and a -shm that was not there before is only an index
    that no other connection was using; left behind they look like a crashed session."""
    wal, shm = companions
    wal_existed, shm_existed = existed
    try:
        if not wal_existed and wal.exists() and wal.stat().st_size == 0:
            wal.unlink()
        if not shm_existed:
            shm.unlink(missing_ok=True)
    except OSError:
        pass


PAGE_SIZE = 16384  # bytes, of a project created now (an older project keeps its own)


def _create(path: Path) -> None:
    """Build a new project beside ``path`` and move it there only once complete.

    Created in place, a crash in the first milliseconds left a file without our
    application_id, refused ever after as another program's database.
    """
    temporary = path.with_name(f".{path.name}.creating-{os.getpid()}")
    leftovers = (temporary, *(Path(f"{temporary}{end}") for end in ("-wal", "-shm")))
    for leftover in leftovers:  # from a crashed process that had the same id
        leftover.unlink(missing_ok=True)
    try:
        conn = harden(sqlite3.connect(temporary, isolation_level=None))
        try:
            # Before the first write (which the WAL switch makes): a page size is the file's
            # for good. 16 KB pages hold a 2-6 KB article (or its overflow) in fewer pages, so
            # an import of 10,000 of them writes, checks and checkpoints about 12% less SQLite
            # work than 4 KB pages (the default); a tag still writes only a few pages.
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            # No one can open this file yet: it is written without a sync at each step (nine
            # of them, most of a small import's waits on the disk) and synced once, whole,
            # before it is linked where it can be opened.
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("PRAGMA journal_mode = WAL")
            create_schema(conn)
        finally:
            conn.close()  # the last connection: the schema is checkpointed into the file
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        try:
            os.link(temporary, path)  # fails if another window created it meanwhile: keep that
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(temporary, path)
    except (OSError, sqlite3.Error) as exc:
        raise ProjectError(f"{path}: cannot be created ({exc})") from None
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
