"""Which files an import reads: regular files only, and nothing outside a folder it was given.

A FIFO blocks a reader forever, ``/dev/zero`` fills its memory, a folder where a
file should be raises, and a link in a downloaded folder can point anywhere
(``/etc/passwd`` was imported through one). So:

- a file named on the command line must be a regular file (a link to one is
  fine: the user chose it); anything else is an error naming it;
- in a folder given on the command line, files are found recursively (not
  hidden ones, only the suffixes we read); a file that is not a regular file, a
  link that leads out of the folder or nowhere, or a brat ``.txt`` whose
  ``.ann`` is one of those, is not read: it is named in the import's report and
  skipped, and the rest of the folder is imported.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from annotator.core.errors import InputError
from annotator.io.decoding import file_kind, not_regular
from annotator.io.registry import folder_suffixes


class InputFiles:
    """The files to read (a plain class: a dataclass's class is made at every start)."""

    __slots__ = ("files", "problems", "not_read")

    def __init__(self) -> None:
        self.files: list[Path] = []
        self.problems: list[InputError] = []  # named files that cannot be read
        self.not_read: list[InputError] = []  # skipped in a folder, and why


def gather(paths: Iterable[str | Path]) -> InputFiles:
    found = InputFiles()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            _scan_folder(path, found)
            continue
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            if path.is_symlink():
                raise InputError(
                    str(path), f"is a link to {os.readlink(path)}, which does not exist"
                ) from None
            raise InputError(str(path), "no such file or folder") from None
        except OSError as exc:
            raise InputError(str(path), f"cannot be read ({exc.strerror})") from None
        if stat.S_ISREG(mode):
            found.files.append(path)
        else:
            found.problems.append(not_regular(path, mode))
    return found


def _scan_folder(folder: Path, found: InputFiles) -> None:
    root = Path(os.path.realpath(folder))
    suffixes = folder_suffixes()
    candidates = sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in suffixes
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )
    for path in candidates:
        if not path.is_symlink() and path.is_dir():
            continue  # a folder named like a file: its files are in the list already
        reason = _why_not_read(path, root, folder)
        if reason is None and path.suffix.lower() == ".txt":
            companion = path.with_suffix(".ann")  # read with it as brat
            if companion.exists() or companion.is_symlink():
                reason = _why_not_read(companion, root, folder)
                if reason is not None:
                    path = companion
        if reason is None:
            found.files.append(path)
        else:
            found.not_read.append(InputError(str(path), f"{reason}; not read"))


def _why_not_read(path: Path, root: Path, folder: Path) -> str | None:
    target = os.path.realpath(path)
    try:
        inside = os.path.commonpath([root, target]) == str(root)
    except ValueError:  # another drive (Windows)
        inside = False
    if not inside:
        return f"is a link to {target}, outside the folder {folder}"
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return f"is a link to {os.readlink(path)}, which does not exist"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if not stat.S_ISREG(mode):
        return f"is {file_kind(mode)}, not a regular file"
    return None
