"""Turning file bytes into text, or a message that names the file and the byte."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode UTF-8 (BOM or not) or BOM-marked UTF-16/32; other encodings only when named.

    The BOM is removed; nothing else changes (line endings stay as they are).
    """
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], bom_encoding, source, offset=len(bom))
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(source, f"unknown encoding {encoding!r}") from None
        return _decode(data, encoding, source)
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError(source, "looks like a binary file (NUL byte); not imported", byte=nul)
    try:
        return _decode(data, "utf-8", source)
    except InputError as exc:
        raise InputError(
            source,
            f"{exc.reason}; if it is not UTF-8, name its encoding with --encoding (e.g. cp1256)",
            byte=exc.byte,
        ) from None


def _decode(data: bytes, encoding: str, source: str, offset: int = 0) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            source,
            f"is not valid {encoding} (byte 0x{data[exc.start]:02x})",
            byte=offset + exc.start,
        ) from None
    # The UTF codecs never decode to an unpaired surrogate in strict mode, so for them
    # only NUL is left to refuse (a scan far cheaper than check_text's hash of the file).
    if encoding.startswith("utf-") and "\x00" not in text:
        return text
    check_text(text, source)
    return text


_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")


def check_text(text: str, source: str, line: int | None = None) -> str:
    """Refuse text SQLite cannot store as UTF-8 (unpaired surrogates) or that is binary (NUL).

    Returns the text's content hash, which needs the same UTF-8 encoding.
    """
    try:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if "\x00" not in text:
            return digest
    except UnicodeEncodeError:
        pass
    found = _UNSTORABLE.search(text)
    assert found is not None
    ch, index = found.group(), found.start()
    what = "a NUL character" if ch == "\x00" else f"an unpaired surrogate U+{ord(ch):04X}"
    raise InputError(source, f"text has {what} at character {index}", line=line)


def read_text_file(path: Path, encoding: str | None = None) -> str:
    return decode_bytes(read_regular_file(path), str(path), encoding)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in a user's words."""
    for test, kind in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "not a regular file"


def not_regular(path: Path | str, mode: int) -> InputError:
    return InputError(str(path), f"is {file_kind(mode)}, not a regular file; not read")


def read_regular_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path`` (the first ``limit`` of them), refusing anything that is not a
    regular file: a FIFO would block forever, /dev/zero would fill the memory.

    Opened without blocking and checked on the open file, so a file swapped for a FIFO
    after a check cannot block either. A missing file raises FileNotFoundError.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        handle = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise not_regular(path, stat.S_IFDIR) from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror})") from None
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            os.close(handle)
            raise not_regular(path, mode)
        with os.fdopen(handle, "rb") as stream:
            return stream.read() if limit is None else stream.read(limit)
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror})") from None


def storable_name(path: Path | str) -> str:
    """A file name as text SQLite can store: bytes that are not UTF-8 (a cp1256 name from
    a Windows archive) come back from the OS as surrogate escapes, which it cannot."""
    return os.fsencode(path).decode("utf-8", "replace")


_SURROGATE_OR_NUL = re.compile("[\ud800-\udfff\x00]")


def unstorable_string(obj: Any) -> str | None:
    """A string that cannot be stored as it is: an unpaired surrogate from a "\\ud800"
    escape (SQLite cannot store it as UTF-8), or NUL (cut off by SQLite's C strings and
    most tools a dataset goes to)."""
    stack: list[tuple[Any, str]] = [(obj, "the record")]
    while stack:
        item, where = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                stack.append((key, f"a key of {where}"))
                stack.append((value, f'"{key}"' if where == "the record" else where))
        elif isinstance(item, list):
            stack.extend((value, where) for value in item)
        elif isinstance(item, str):
            found = _SURROGATE_OR_NUL.search(item)
            if found:
                what = found.group()
                if what == "\x00":
                    return f"a NUL character in {where}"
                return f"an unpaired surrogate U+{ord(what):04X} in {where}"
    return None


class DuplicateKey(ValueError):
    """A JSON object naming one key twice: readers keep the last value, losing the first."""


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise DuplicateKey(f"key {twice!r} appears twice in one object")
    return obj


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


# NaN and Infinity are not JSON (and SQLite would store NaN as nothing).
_STRICT_JSON = json.JSONDecoder(
    object_pairs_hook=_object_without_duplicates, parse_constant=_refuse_constant
)


def loads_strict(text: str) -> Any:
    """json.loads, refusing duplicate keys (DuplicateKey) and NaN/Infinity (ValueError)."""
    return _STRICT_JSON.decode(text)
