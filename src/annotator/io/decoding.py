"""Turning file bytes into text, or a message that names the file and the byte."""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import os
import re
import stat
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, overload

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
        digest = utf8_sha256(text)
        if "\x00" not in text:
            return digest
    except UnicodeEncodeError:
        pass
    found = _UNSTORABLE.search(text)
    assert found is not None
    raise InputError(
        source,
        f"text has {unstorable_character(found.group())} at character {found.start()}",
        line=line,
    )


def check_text_utf8(text: str, source: str, line: int | None = None) -> tuple[str, bytes | None]:
    """``check_text``, also giving the text's UTF-8 when it was encoded whole (up to
    _HASHED_AT_ONCE characters), so that storing the text does not encode it again."""
    if len(text) > _HASHED_AT_ONCE:
        return check_text(text, source, line), None
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:
        return check_text(text, source, line), None  # raises, naming the character
    if b"\x00" in encoded:  # a search of the bytes: quicker than of the str
        return check_text(text, source, line), None
    return hashlib.sha256(encoded).hexdigest(), encoded


def unstorable_character(ch: str) -> str:
    return "a NUL character" if ch == "\x00" else f"an unpaired surrogate U+{ord(ch):04X}"


_HASHED_AT_ONCE = 1 << 20


def utf8_sha256(text: str) -> str:
    """The SHA-256 of the text's UTF-8, encoded a slice at a time (a 300 MB text is
    not copied whole); raises UnicodeEncodeError for a lone surrogate."""
    if len(text) <= _HASHED_AT_ONCE:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
    digest = hashlib.sha256()
    for start in range(0, len(text), _HASHED_AT_ONCE):
        digest.update(text[start : start + _HASHED_AT_ONCE].encode("utf-8"))
    return digest.hexdigest()


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

    A missing file raises FileNotFoundError.
    """
    with open_regular_file(path) as stream:
        try:
            return stream.read() if limit is None else stream.read(limit)
        except OSError as exc:
            raise InputError(str(path), f"cannot be read ({exc.strerror})") from None


def open_regular_file(path: Path) -> BinaryIO:
    """``path`` opened for reading bytes, refusing (InputError) anything that is not a
    regular file.

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
    except OSError as exc:
        os.close(handle)
        raise InputError(str(path), f"cannot be read ({exc.strerror})") from None
    if not stat.S_ISREG(mode):
        os.close(handle)
        raise not_regular(path, mode)
    return os.fdopen(handle, "rb")


class UnreadableFile(InputError):
    """The rest of a file cannot be decoded: the file is refused as a whole."""


# Bytes decoded at a time when looking for where a file goes wrong.
CHECK_CHUNK = 1 << 20


@overload
def iter_lines(path: Path, encoding: str | None = None) -> Iterator[tuple[int, str]]: ...


@overload
def iter_lines(
    path: Path, encoding: str | None, long_line: int
) -> Iterator[tuple[int, str | LongLine]]: ...


def iter_lines(
    path: Path, encoding: str | None = None, long_line: int | None = None
) -> Iterator[tuple[int, str | LongLine]]:
    """(number, line) for each line of a text file, read as a stream.

    Lines end at "\n" only and keep it (and any "\r" before it); they are numbered
    from 1, as ``text.split("\n")`` of the decoded file numbers them. Decoding
    follows ``decode_bytes``: when the reading reaches what it would refuse,
    ``UnreadableFile`` names the byte (or the line) and the file is to be refused
    as a whole. With ``long_line``, a UTF-8 line longer than that many bytes is not
    read but given as its place in the file (a ``LongLine``), for its reader
    to check it as it reads it.
    """
    source = str(path)
    try:
        with open_regular_file(path) as handle:
            head = handle.read(4)
            name, skip = None, 0
            for bom, bom_encoding in _BOMS:
                if head.startswith(bom):
                    name, skip = bom_encoding, len(bom)
                    break
            if name is None and encoding:
                try:
                    codecs.lookup(encoding)
                except LookupError:
                    raise UnreadableFile(source, f"unknown encoding {encoding!r}") from None
                name = encoding
            handle.seek(skip)
            if name is None or _newline_is_a_byte(name):
                utf8 = codecs.lookup(name or "utf-8").name == "utf-8"
                long_line = long_line if utf8 else None
                yield from _byte_lines(handle, source, name, skip, long_line)
            else:
                yield from _text_lines(handle, path, encoding, name)
    except OSError as exc:
        raise UnreadableFile(source, f"cannot be read ({exc.strerror or exc})") from None


def _newline_is_a_byte(encoding: str) -> bool:
    """Whether a b"\n" in this encoding is always a line end and lines decode alone:
    UTF-8 and the stateless ASCII-based codecs (cp1256, ISO 8859, Shift JIS...)."""
    name = codecs.lookup(encoding).name
    if name.startswith(("utf-16", "utf-32", "utf-7", "iso2022", "hz")):
        return False
    try:
        return "\n".encode(name) == b"\n"
    except (UnicodeError, LookupError):
        return False


class LongLine(NamedTuple):
    """Where a line too long to hold is in its file (bytes; ``end`` is after its "\\n").

    A NamedTuple: its class is made at every start, in half the time of a frozen dataclass."""

    start: int
    end: int
    encoding: str  # a name of UTF-8, as the user gave it or "utf-8"
    nul_is_binary: bool  # no BOM and no --encoding: a NUL byte means a binary file


# Bytes read at a time when splitting lines.
LINE_CHUNK = 1 << 20


def _byte_lines(
    handle: BinaryIO, source: str, encoding: str | None, offset: int, long_line: int | None = None
) -> Iterator[tuple[int, str | LongLine]]:
    """Lines split at b"\n" and decoded one by one, so a bad byte is named exactly. A
    line longer than a read grows in one buffer: memory stays about twice the line,
    unless it is longer than ``long_line`` (then only its place is given)."""
    default_utf8 = encoding is None  # then a NUL byte means a binary file
    name = encoding or "utf-8"
    number = 0
    long_line_buffer: bytearray | None = None
    skipping, long_start = False, 0  # through a line longer than long_line, from there
    chunk_offset = line_offset = offset  # in the file: of this chunk, of this line
    while chunk := handle.read(LINE_CHUNK):
        start = 0
        if skipping:
            end = chunk.find(b"\n")
            if end == -1:
                chunk_offset += len(chunk)
                continue
            number += 1
            line_offset = chunk_offset + end + 1
            yield number, LongLine(long_start, line_offset, name, default_utf8)
            skipping, start = False, end + 1
        while (end := chunk.find(b"\n", start)) != -1:
            piece: bytes | bytearray = chunk[start : end + 1]
            if long_line_buffer is not None:
                long_line_buffer += piece
                piece, long_line_buffer = long_line_buffer, None
            number += 1
            line = _decoded_line(piece, source, name, default_utf8, number, line_offset)
            del piece
            line_offset = chunk_offset + end + 1
            # Hand the line over without keeping it: a line can be the size of the file.
            handed = [line]
            del line
            yield number, handed.pop()
            start = end + 1
        rest = chunk[start:] if start else chunk
        if long_line_buffer is None:
            long_line_buffer = bytearray(rest)
        else:
            long_line_buffer += rest
        if long_line is not None and len(long_line_buffer) > long_line:
            long_line_buffer, skipping, long_start = None, True, line_offset
        chunk_offset += len(chunk)
        del chunk, rest
    number += 1
    if skipping:
        yield number, LongLine(long_start, chunk_offset, name, default_utf8)
        return
    last_line: bytes | bytearray = long_line_buffer or b""
    long_line_buffer = None
    line = _decoded_line(last_line, source, name, default_utf8, number, line_offset)
    del last_line
    handed = [line]
    del line
    yield number, handed.pop()


def _decoded_line(
    data: bytes | bytearray, source: str, name: str, default_utf8: bool, number: int, offset: int
) -> str:
    if default_utf8:
        nul = data.find(b"\x00")
        if nul != -1:
            raise UnreadableFile(
                source, "looks like a binary file (NUL byte); not imported", byte=offset + nul
            )
    try:
        line = data.decode(name)
    except UnicodeDecodeError as exc:
        reason = f"is not valid {name} (byte 0x{data[exc.start]:02x})"
        if default_utf8:
            reason += "; if it is not UTF-8, name its encoding with --encoding (e.g. cp1256)"
        raise UnreadableFile(source, reason, byte=offset + exc.start) from None
    if not default_utf8:
        found = _UNSTORABLE.search(line)
        if found is not None:
            raise UnreadableFile(
                source,
                f"text has {unstorable_character(found.group())} at character {found.start()}",
                line=number,
            )
    return line


def _text_lines(
    handle: BinaryIO, path: Path, encoding: str | None, name: str
) -> Iterator[tuple[int, str]]:
    """Lines of a UTF-16/32 (or stateful) encoding, decoded as a stream."""
    source = str(path)
    stream = io.TextIOWrapper(handle, name, errors="strict", newline="\n")
    number = 0
    try:
        for number, line in enumerate(stream, start=1):  # noqa: B007
            found = _UNSTORABLE.search(line)
            if found is not None:
                raise UnreadableFile(
                    source,
                    f"text has {unstorable_character(found.group())} at character {found.start()}",
                    line=number,
                )
            yield number, line
    except UnicodeDecodeError:
        raise _where_it_fails(path, encoding, number + 1) from None
    finally:
        stream.detach()


def _where_it_fails(path: Path, encoding: str | None, line: int) -> UnreadableFile:
    """The error decode_bytes would give (naming the byte), found by decoding again."""
    source = str(path)
    try:
        with open_regular_file(path) as handle:
            for _ in _decoded_chunks(handle, source, encoding):
                pass
    except InputError as exc:
        return UnreadableFile(exc.source, exc.reason, line=exc.line, byte=exc.byte)
    return UnreadableFile(source, "changed while it was read", line=line)


def _decoded_chunks(handle: BinaryIO, source: str, encoding: str | None) -> Iterator[str]:
    """The file's text a chunk at a time, checked as decode_bytes checks the whole."""
    chunk = handle.read(CHECK_CHUNK)
    name, offset = None, 0
    for bom, bom_encoding in _BOMS:
        if chunk.startswith(bom):
            name, offset = bom_encoding, len(bom)
            chunk = chunk[offset:]
            break
    if name is None and encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(source, f"unknown encoding {encoding!r}") from None
        name = encoding
    # Without a BOM or a named encoding the file must be UTF-8, and a NUL byte means a
    # binary file; strict UTF-8 then gives text with nothing else to refuse.
    default_utf8 = name is None
    name = name or "utf-8"
    decoder = codecs.getincrementaldecoder(name)("strict")
    lines_before = line_start = 0  # lines before this chunk; its first line's characters so far
    while True:
        final = not chunk
        if default_utf8:
            nul = chunk.find(b"\x00")
            if nul != -1:
                raise InputError(
                    source, "looks like a binary file (NUL byte); not imported", byte=offset + nul
                )
        held = len(decoder.getstate()[0])
        try:
            text = decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            reason = f"is not valid {name} (byte 0x{exc.object[exc.start]:02x})"
            if default_utf8:
                reason += "; if it is not UTF-8, name its encoding with --encoding (e.g. cp1256)"
            raise InputError(source, reason, byte=offset - held + exc.start) from None
        offset += len(chunk)
        if not default_utf8:
            found = _UNSTORABLE.search(text)
            if found is not None:
                index = found.start()
                newline = text.rfind("\n", 0, index)
                column = index - newline - 1 if newline != -1 else line_start + index
                raise InputError(
                    source,
                    f"text has {unstorable_character(found.group())} at character {column}",
                    line=lines_before + text.count("\n", 0, index) + 1,
                )
            newlines = text.count("\n")
            lines_before += newlines
            line_start = len(text) - text.rfind("\n") - 1 if newlines else line_start + len(text)
        if text:
            yield text
        if final:
            return
        chunk = handle.read(CHECK_CHUNK)


@lru_cache(maxsize=64)  # asked once per record of a file
def storable_name(path: Path | str) -> str:
    """A file name as text SQLite can store: bytes that are not UTF-8 (a cp1256 name from
    a Windows archive) come back from the OS as surrogate escapes, which it cannot."""
    return os.fsencode(path).decode("utf-8", "replace")


_SURROGATE_OR_NUL = re.compile("[\ud800-\udfff\x00]")


def is_storable(text: str) -> bool:
    """Whether this string can be stored as it is (the test unstorable_string makes)."""
    return _SURROGATE_OR_NUL.search(text) is None


def unstorable_string(obj: Any) -> str | None:
    """A string that cannot be stored as it is: an unpaired surrogate from a "\\ud800"
    escape (SQLite cannot store it as UTF-8), or NUL (cut off by SQLite's C strings and
    most tools a dataset goes to)."""
    if _all_storable(obj):  # the common case, without naming where each string is
        return None
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


def _all_storable(obj: Any) -> bool:
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE_OR_NUL.search(item):
                return False
        elif isinstance(item, dict):
            stack += item
            stack += item.values()
        elif isinstance(item, list):
            stack += item
    return True


class DuplicateKey(ValueError):
    """A JSON object naming one key twice: readers keep the last value, losing the first."""


def _add(seen: set[str], key: str) -> bool:
    """Adds ``key``; false, so that a search goes on to the next key."""
    seen.add(key)
    return False


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or _add(seen, key))
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


# Parsed without the duplicate test (objects made by the parser itself, no call per object).
_PLAIN_JSON = json.JSONDecoder(parse_constant=_refuse_constant)
_dict_length = dict.__len__


def loads_record(line: str, escaped: bool) -> Any:
    """``loads_strict`` of a JSON line, made cheaper for records of many small objects (a
    Prodigy record's spans: the duplicate test, a call per object, was a quarter of the
    parse). ``escaped``: whether the line holds a "\\u" escape.

    The line is parsed plainly, then its colons are counted: each key is followed by one,
    outside strings, so the colons not in the strings seen here are at least as many as
    the keys written, which are at least as many as the keys parsed, fewer only when an
    object repeats a key. Without a \\u escape a string's colons are the line's own, and
    when the count left equals the keys counted (those of the record and of the objects
    it holds directly or in lists), no key is repeated. Any other line (a colon in a span,
    a deeper object, an error) is parsed again by ``loads_strict``, which says what it
    says of any line.
    """
    if escaped:
        return _STRICT_JSON.decode(line)
    try:
        record = _PLAIN_JSON.decode(line)
    except (ValueError, RecursionError):
        return _STRICT_JSON.decode(line)  # the error loads_strict names (a repeat may come first)
    if type(record) is dict:
        colons = line.count(":")
        keys = len(record)
        for value in record.values():
            kind = type(value)
            if kind is str:
                colons -= value.count(":")
            elif kind is dict:
                keys += len(value)
                for inner in value.values():
                    if type(inner) is str:
                        colons -= inner.count(":")
            elif kind is list and value and type(value[0]) is dict:
                try:
                    keys += sum(map(_dict_length, value))
                except TypeError:  # not all objects
                    break
        if colons == keys:
            return record
    return _STRICT_JSON.decode(line)
