"""Where an export may write: never over the open project, nor into a folder that holds it.

``annotator export -o q.annotator`` once replaced the project with IOB2 text, and
``-o q.annotator-wal`` was reported as written, then deleted by SQLite. The output
is compared with the project's files after following links and ``..``, by file
identity (hard links), and by name without regard to case (a case-insensitive
disk names one file both ways), before anything is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.storage.files import project_files


def checked_output(project: Path | None, path: Path, folder: bool) -> None:
    """Raise AnnotatorError, naming the path, for an output that would harm the project
    or that cannot be made (a file where a folder is needed)."""
    if project is not None:
        _refuse_project_files(project, path, folder)
    _refuse_file_in_the_way(path)


def _identity(path: Path | str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _folded(path: Path | str) -> str:
    return os.path.normcase(os.path.realpath(path)).casefold()


def _refuse_project_files(project: Path, path: Path, folder: bool) -> None:
    protected = project_files(project)
    identities = {_identity(p) for p in protected} - {None}
    names = {_folded(p) for p in protected}
    target = _folded(path)
    hits_a_project_file = target in names or _identity(path) in identities
    if not hits_a_project_file and not folder:
        # The same folder reached another way (a link, a mount) with the name in another case.
        folder_identity = _identity(path.parent)
        same_folder = folder_identity is not None and folder_identity == _identity(project.parent)
        hits_a_project_file = same_folder and path.name.casefold() in {
            p.name.casefold() for p in protected
        }
    if hits_a_project_file:
        raise AnnotatorError(
            f"{path}: is the open project {project} (or a file SQLite keeps beside it);"
            " exporting there would destroy the project; choose another output"
        )
    if folder:
        inside = target.rstrip(os.sep) + os.sep
        if any(name.startswith(inside) for name in names):
            raise AnnotatorError(
                f"{path}: holds the open project {project}; choose a new or empty folder elsewhere"
            )


def _refuse_file_in_the_way(path: Path) -> None:
    """``-o notes.txt/out.jsonl``: say which file is in the way, not the OS's errno."""
    for ancestor in path.parents:
        if ancestor.exists() or ancestor.is_symlink():
            if not ancestor.is_dir():
                raise AnnotatorError(f"{path}: not written: {ancestor} is a file, not a folder")
            return
