"""Damaged and foreign files are refused with one clear line and left exactly as they were.

Each file is tried through ``open_project`` and through ``annotator --project F stats``;
afterwards the folder must hold the same bytes and no new -wal, -shm or backup files.
"""

from __future__ import annotations

import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from safety_support import (
    assert_one_line_error,
    dump,
    folder_snapshot,
    make_project,
    python_env,
    read_only,
    run_cli,
    seed_text,
)
from sqlite_utils import Database

from annotator.core.edits import AddSpan
from annotator.core.errors import ProjectError
from annotator.storage import open_project
from annotator.storage.schema import known_migrations, migrations


def truncated_project(path: Path) -> None:
    make_project(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(6).randbytes(64 * 1024))


def broken_page_tree(path: Path) -> None:
    """A whole file whose spans table page was overwritten (a bad sector, a bad copy)."""
    make_project(path)
    broken_page_tree_in_place(path)


def broken_page_tree_in_place(path: Path) -> None:
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'spans'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(random.Random(7).randbytes(page_size))


def another_programs_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO songs (title) VALUES ('x')")
    conn.commit()
    conn.close()


def newer_schema(path: Path) -> None:
    make_project(path, documents=1, spans_per_document=3)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('annotator', 'm999_from_a_newer_annotator', '2030-01-01')"
    )
    conn.commit()
    conn.close()


DAMAGED: dict[str, tuple[Callable[[Path], None], str]] = {
    "truncated project": (truncated_project, "is damaged"),
    "zero bytes": (zero_bytes, "is empty"),
    "random bytes": (random_bytes, "not a SQLite database"),
    "overwritten page": (broken_page_tree, "is damaged"),
    "another program's SQLite file": (another_programs_database, "another program"),
    "newer schema": (newer_schema, "newer version of annotator"),
}


@pytest.fixture(params=sorted(DAMAGED))
def damaged(request, tmp_path) -> tuple[Path, str]:
    make, message = DAMAGED[request.param]
    path = tmp_path / "project.annotator"
    make(path)
    return path, message


def test_open_project_refuses_a_damaged_or_foreign_file_and_leaves_it_as_it_was(damaged):
    path, message = damaged
    before = folder_snapshot(path.parent)
    with pytest.raises(ProjectError, match=message) as caught:
        open_project(path)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)
    assert folder_snapshot(path.parent) == before


def test_the_cli_refuses_a_damaged_or_foreign_file_in_one_line(damaged):
    path, message = damaged
    before = folder_snapshot(path.parent)
    result = run_cli("--project", str(path), "stats")
    line = assert_one_line_error(result, str(path))
    assert message in line
    assert folder_snapshot(path.parent) == before


# -- read-only files and folders ------------------------------------------------------------


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_project_or_folder_is_refused_untouched(tmp_path, what):
    folder = tmp_path / "projects"
    folder.mkdir()
    path = make_project(folder / "project.annotator", documents=1, spans_per_document=3)
    locked = path if what == "file" else folder
    expected = {"file": "is read-only", "folder": f"its folder {folder} is read-only"}[what]
    before = folder_snapshot(folder)
    with read_only(locked):
        with pytest.raises(ProjectError, match=expected) as caught:
            open_project(path)
        assert str(path) in str(caught.value)
        line = assert_one_line_error(run_cli("--project", str(path), "stats"), str(path))
        assert expected in line
    assert folder_snapshot(folder) == before


# -- a full disk -------------------------------------------------------------------------------


FULL_AT = 1024 * 1024


def _limit_file_size() -> None:
    # Without ignoring SIGXFSZ the kernel kills the process instead of failing the write.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (FULL_AT, FULL_AT))


@pytest.fixture(params=["file size limit", "small filesystem"])
def nearly_full(request, tmp_path) -> Iterator[tuple[Path, Callable[[], None] | None]]:
    """A folder whose files cannot grow past 1 MB, and what the child must run first."""
    if request.param == "file size limit":
        yield tmp_path, _limit_file_size
        return
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={FULL_AT}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder, None
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_an_import_that_fills_the_disk_fails_clearly_and_changes_nothing(tmp_path, nearly_full):
    folder, before_exec = nearly_full
    path = folder / "project.annotator"
    shutil.copyfile(make_project(tmp_path / "made.annotator"), path)
    before = dump(path)
    big = tmp_path / "big.txt"
    big.write_text(seed_text() * 400, encoding="utf-8")  # ~2.5 MB: far past the limit
    result = run_cli("--project", str(path), "import", str(big), preexec_fn=before_exec)
    line = assert_one_line_error(result, str(path))
    assert "not saved: the disk" in line
    assert dump(path) == before
    with open_project(path) as project:
        assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


EDIT_UNTIL_FULL = """
import sys
from annotator.core.edits import AddSpan
from annotator.core.edits import AddSpan
from annotator.core.errors import ProjectError
from annotator.storage import open_project
project = open_project(sys.argv[1])
accepted = 0
try:
    for n in range(100_000):
        project.apply(AddSpan(1, n % 900, n % 900 + 4, "actor", annotator="x" * 2000))
        accepted += 1
except ProjectError as exc:
    print(accepted)
    print(exc)
    sys.exit(1)
"""


def test_edits_on_a_full_disk_are_refused_clearly_and_every_accepted_one_is_kept(
    tmp_path, nearly_full
):
    folder, before_exec = nearly_full
    path = folder / "project.annotator"
    made = make_project(tmp_path / "made.annotator", documents=1, spans_per_document=0)
    shutil.copyfile(made, path)
    child = subprocess.run(
        [sys.executable, "-c", EDIT_UNTIL_FULL, str(path)],
        capture_output=True,
        text=True,
        env=python_env(),
        timeout=120,
        preexec_fn=before_exec,
    )
    assert child.returncode == 1, child.stderr
    assert "Traceback" not in child.stderr
    accepted, message = child.stdout.splitlines()
    assert "not saved: the disk" in message and str(path) in message
    documents, spans = dump(path)
    assert len(spans) == int(accepted) > 0
    with open_project(path) as project:
        assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- upgrading an older schema -----------------------------------------------------------------


@pytest.fixture
def two_migrations(monkeypatch) -> list[str]:
    """The known migrations, with a harmless extra one while this version has only one."""
    if len(known_migrations()) < 2:
        monkeypatch.setattr(migrations, "_migrations", list(migrations._migrations))

        @migrations(name="m999_safety_test_upgrade")
        def _upgrade(db: Database) -> None:
            db.execute("CREATE TABLE safety_test_upgrade (id INTEGER PRIMARY KEY)")

    return known_migrations()


def _older_project(path: Path, stop_before: str, keep_open: bool = False):
    """A project as the previous version wrote it, with one document and two spans."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    migrations.apply(Database(conn), stop_before=stop_before)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute(
        "INSERT INTO documents (id, title, text, length, content_hash, created, updated)"
        " VALUES (1, 't', 'نص قديم', 7, 'h', 'c', 'u')"
    )
    for start, end in ((0, 2), (3, 7)):
        conn.execute(
            'INSERT INTO spans (document_id, start, "end", label, created, updated)'
            " VALUES (1, ?, ?, 'actor', 'c', 'u')",
            (start, end),
        )
    if keep_open:
        return conn
    conn.close()
    return None


def test_upgrading_an_older_project_first_copies_it_aside_byte_for_byte(tmp_path, two_migrations):
    path = tmp_path / "old.annotator"
    _older_project(path, stop_before=two_migrations[-1])
    original = path.read_bytes()
    with open_project(path) as project:
        assert [(s.start, s.end) for s in project.spans(1)] == [(0, 2), (3, 7)]
    backup = tmp_path / f"old.annotator.before-{two_migrations[-1]}.bak"
    assert backup.read_bytes() == original


def test_the_backup_holds_edits_that_a_crash_left_in_the_write_ahead_log(tmp_path, two_migrations):
    path = tmp_path / "old.annotator"
    crashed = tmp_path / "crashed.annotator"
    conn = _older_project(path, stop_before=two_migrations[-1], keep_open=True)
    # Copy the files as a killed process leaves them: the spans are only in the -wal file.
    crashed.write_bytes(path.read_bytes())
    (tmp_path / "crashed.annotator-wal").write_bytes((tmp_path / "old.annotator-wal").read_bytes())
    conn.close()
    open_project(crashed).close()
    backup = tmp_path / f"crashed.annotator.before-{two_migrations[-1]}.bak"
    documents, spans = dump(backup)
    assert [(row[2], row[3]) for row in spans] == [(0, 2), (3, 7)]


def test_an_edit_on_a_file_damaged_while_open_is_refused_clearly(tmp_path):
    path = make_project(tmp_path / "project.annotator")
    with open_project(path) as project:
        broken_page_tree_in_place(path)
        with pytest.raises(ProjectError, match="not saved: the file was damaged while open"):
            project.apply(AddSpan(1, 0, 3, "actor"))


@pytest.mark.parametrize("how", ["deleted", "moved", "replaced"])
def test_an_edit_after_the_open_project_file_was_deleted_or_moved_is_refused(tmp_path, how):
    path = make_project(tmp_path / "project.annotator", documents=1, spans_per_document=0)
    with open_project(path) as project:
        project.apply(AddSpan(1, 0, 3, "actor"))
        if how == "deleted":
            path.unlink()
        elif how == "moved":
            path.rename(tmp_path / "elsewhere.annotator")
        else:
            copy = tmp_path / "copy.annotator"
            copy.write_bytes(path.read_bytes())
            copy.replace(path)
        with pytest.raises(ProjectError, match="moved, deleted or replaced while open"):
            project.apply(AddSpan(1, 4, 8, "actor"))


# -- issue 11, item 12: links, a missing schema record, a full disk while only reading ----------


def test_a_dangling_project_link_is_refused_and_nothing_is_created_where_it_points(tmp_path):
    link = tmp_path / "current.annotator"
    link.symlink_to(tmp_path / "unmounted" / "p.annotator")
    (tmp_path / "unmounted").mkdir()
    line = assert_one_line_error(run_cli("--project", str(link), "stats"), str(link))
    assert "does not exist" in line
    with pytest.raises(ProjectError, match="is a link to"):
        open_project(link)
    assert list((tmp_path / "unmounted").iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current.annotator", "unmounted"]


def test_a_project_without_its_schema_record_is_refused_untouched(tmp_path):
    path = make_project(tmp_path / "project.annotator", documents=1, spans_per_document=2)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE _sqlite_migrations")
    conn.commit()
    conn.close()
    before = folder_snapshot(tmp_path)
    with pytest.raises(ProjectError, match="_sqlite_migrations is missing"):
        open_project(path)
    line = assert_one_line_error(run_cli("--project", str(path), "stats"), str(path))
    assert "_sqlite_migrations is missing" in line
    assert folder_snapshot(tmp_path) == before  # not modified, and no backup beside it


KEEP_IN_WAL = """
import shutil, sys
from annotator.core.model import Document
from annotator.storage import open_project
project = open_project(sys.argv[1])
project.conn.execute("PRAGMA wal_autocheckpoint = 0")
project.import_documents([(Document("t", "نص في سجل الكتابة"), [])])
for end in ("", "-wal"):
    shutil.copyfile(sys.argv[1] + end, sys.argv[2] + end)
"""


@pytest.mark.parametrize("wal", ["without a -wal", "with a -wal left by a crash"])
def test_a_read_only_command_on_a_full_disk_says_so_and_leaves_no_files(tmp_path, wal):
    folder = tmp_path / "full"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        path = folder / "project.annotator"
        if wal == "without a -wal":
            shutil.copyfile(make_project(tmp_path / "made.annotator", documents=1), path)
        else:
            subprocess.run(
                [sys.executable, "-c", KEEP_IN_WAL, str(tmp_path / "made.annotator"), str(path)],
                env=python_env(),
                check=True,
            )
        with (folder / "filler").open("wb", buffering=0) as filler:
            while True:  # fill the disk to the last byte
                try:
                    filler.write(b"\0" * 4096)
                except OSError:
                    break
        before = folder_snapshot(folder)
        line = assert_one_line_error(run_cli("--project", str(path), "stats"), str(path))
        assert "the disk is full" in line and "damaged" not in line
        assert folder_snapshot(folder) == before  # no empty -wal/-shm pair left behind
    finally:
        subprocess.run(["umount", str(folder)], check=True)
