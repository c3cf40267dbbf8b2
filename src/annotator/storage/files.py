"""Writing output files so that a failed or cancelled export never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from annotator.core.errors import AnnotatorError


def _umask() -> int:
    # mkstemp makes files private (0600); an export should get the permissions of any new file.
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def atomic_text_writer(path: Path, newline: str | None = "\n") -> Iterator[TextIO]:
    """A UTF-8 text stream that replaces ``path`` only when the block ends without error.

    A disk that is full or a folder that cannot be written becomes one AnnotatorError
    naming ``path``; the previous file, if any, is left as it was.
    """
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException as exc:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise AnnotatorError(
                f"{path}: not written ({exc.strerror or exc}); any earlier file there is unchanged"
            ) from None
        raise
