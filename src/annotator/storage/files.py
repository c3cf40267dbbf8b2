"""Writing output files so that a failed, cancelled or killed export never leaves half a file.

Everything is written under a hidden name of our own beside the target
(``.NAME.PID-RANDOM.part``), flushed to the disk (files and folders), and only
then renamed over the target. A part left by a process that was killed is
removed by the next export to the same target; so is a scratch folder of the same name
(``scratch_folder``: the chunks an export's workers wrote).
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from annotator.core.errors import AnnotatorError

PART_SUFFIX = ".part"
# What SQLite keeps beside a project file while it is open (or after a crash).
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
# Parts named before the process id was in the name (random letters, or none at all)
# cannot say whether their writer still runs; they are left alone for a day.
LEGACY_PART_AGE_S = 24 * 3600
_CURRENT_PART = re.compile(r"(?P<pid>\d+)-[0-9a-f]{8}")
_LEGACY_PART = re.compile(r"[a-z0-9_]{8}|[0-9a-f]{12}|")


def project_files(project: Path) -> list[Path]:
    """The project file and the files SQLite keeps beside it: overwriting any loses data."""
    return [project, *(project.with_name(project.name + end) for end in SQLITE_COMPANIONS)]


def part_path(target: Path) -> Path:
    """A new hidden name beside ``target`` for what will become it."""
    return target.with_name(f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}{PART_SUFFIX}")


def _part_owner(name: str, target_name: str) -> tuple[bool, int | None] | None:
    """(legacy?, pid) for a part of ``target_name``; None for any other name."""
    prefix = f".{target_name}"
    if not name.startswith(prefix) or not name.endswith(PART_SUFFIX):
        return None
    middle = name[len(prefix) : -len(PART_SUFFIX)]
    if middle == "":  # ".NAME.part": the spaCy export's old fixed name
        return True, None
    if not middle.startswith("."):
        return None
    middle = middle[1:]
    current = _CURRENT_PART.fullmatch(middle)
    if current:
        return False, int(current["pid"])
    if _LEGACY_PART.fullmatch(middle):
        return True, None
    return None


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # no harmless way to ask; the part's age decides
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but belongs to someone else
        return True
    return True


def sweep_stale_parts(target: Path) -> list[Path]:
    """Remove parts of ``target`` whose writer is gone (killed mid-export); return them.

    Only names this module makes are touched, and never a part whose process
    still runs (another export of the same target at this moment).
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        owner = _part_owner(entry.name, target.name)
        if owner is None:
            continue
        legacy, pid = owner
        try:
            age = time.time() - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        # A live process id may also be a reused one: a day is longer than any export.
        stale = age > LEGACY_PART_AGE_S or (not legacy and not _process_alive(pid or 0))
        if not stale:
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue  # best effort: a part that cannot be removed harms nothing
        removed.append(path)
    return removed


def fsync_file(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def fsync_folder(path: Path) -> None:
    """Make a folder's entries (a rename into it, new files) durable."""
    if os.name != "posix":  # Windows cannot open a folder; NTFS journals its entries
        return
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


# Past this many files, one flush of the whole file system beats one fsync a file (a brat
# export of 10,000 documents writes 20,000 files: about 2.3 s of fsyncs, 0.15 s of syncfs).
SYNC_FILE_SYSTEM_FROM = 200


def fsync_tree(root: Path) -> None:
    """Every file and folder under ``root``, files first, so that a power cut after the
    rename that publishes ``root`` cannot leave it holding empty or missing files."""
    walked = list(os.walk(root, topdown=False))
    if sum(len(files) for _, _, files in walked) >= SYNC_FILE_SYSTEM_FROM and sync_file_system(
        root
    ):
        return
    for folder, _folders, files in walked:
        for name in files:
            fsync_file(Path(folder, name))
        fsync_folder(Path(folder))


def sync_file_system(path: Path) -> bool:
    """Flush everything written to the file system holding ``path`` (Linux ``syncfs``:
    files, folders and their entries, in one call); False where there is no such call."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return False
    handle = os.open(path, os.O_RDONLY)
    try:
        if syncfs(handle) != 0:
            error = ctypes.get_errno()
            raise OSError(error, os.strerror(error), str(path))
    finally:
        os.close(handle)
    return True


def publish(part: Path, target: Path) -> None:
    """Rename a complete, flushed part over ``target`` and flush the rename itself."""
    os.replace(part, target)
    fsync_folder(target.parent)


def _through_link(path: Path) -> Path:
    """Where to write for ``path``: a link given as the output is followed, so that the
    new file or folder replaces what it points to and the link keeps working."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _not_written(path: Path, exc: OSError) -> AnnotatorError:
    return AnnotatorError(
        f"{path}: not written ({exc.strerror or exc}); any earlier file there is unchanged"
    )


def _remove(part: Path) -> None:
    try:
        if part.is_dir() and not part.is_symlink():
            shutil.rmtree(part, ignore_errors=True)
        else:
            part.unlink(missing_ok=True)
    except OSError:
        pass


@contextmanager
def atomic_text_writer(path: Path, newline: str | None = "\n") -> Iterator[TextIO]:
    """A UTF-8 text stream that replaces ``path`` only when the block ends without error.

    A disk that is full or a folder that cannot be written becomes one AnnotatorError
    naming ``path``; the previous file, if any, is left as it was.
    """
    with atomic_file(path) as part, part.open("x", encoding="utf-8", newline=newline) as stream:
        yield stream


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """A hidden path to write ``path``'s new content to; it replaces ``path`` (flushed to
    the disk) only when the block ends without error, and is removed otherwise."""
    part: Path | None = None
    try:
        target = _through_link(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep_stale_parts(target)
        part = part_path(target)
        yield part
        fsync_file(part)
        publish(part, target)
    except BaseException as exc:
        if part is not None:
            _remove(part)
        if isinstance(exc, OSError):
            raise _not_written(path, exc) from None
        raise


@contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """A new folder filled under a hidden name and renamed to ``path`` when complete.

    ``path`` must not exist or be an empty folder. Everything in it is flushed to the
    disk before the rename, and the rename after it.
    """
    staging: Path | None = None
    try:
        target = _through_link(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep_stale_parts(target)
        staging = part_path(target)
        # Not tempfile.mkdtemp: its folder is private (0700); this one gets the usual mode.
        staging.mkdir()
        yield staging
        fsync_tree(staging)
        if target.is_dir():
            target.rmdir()
        publish(staging, target)
    except BaseException as exc:
        if staging is not None:
            _remove(staging)
        if isinstance(exc, OSError):
            raise _not_written(path, exc) from None
        raise


@contextmanager
def scratch_folder(target: Path) -> Iterator[Path]:
    """A hidden folder beside ``target`` for the pieces of its new content (the chunks an
    export's workers write), named as its parts are, so that one left by a killed export
    is swept by the next export there; removed on leaving, whatever happened."""
    folder = part_path(_through_link(target))
    folder.mkdir()
    try:
        yield folder
    finally:
        _remove(folder)
