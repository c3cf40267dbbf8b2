"""JSON Lines records written on one very long line, read without holding the line.

A UTF-8 line longer than ``LONG_LINE`` bytes (an article of hundreds of MB, a corpus
saved as one record) is read from its file a chunk at a time. Its structure and short
strings are parsed as any line's (``decoding.loads_strict``: the same refusals), but a
string longer than ``PIECE`` bytes is not decoded into memory: it is measured as it goes
by (length, UTF-8 size, content hash, first characters, anything unstorable) and
becomes a ``StreamedString``, which decodes itself again from the file, a piece at a
time, when spans are checked against it and when it is stored (``storage.bulk_import``).
The record's "text" stays so; a long string anywhere else is decoded whole, as before.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterator
from json import JSONDecodeError, JSONDecoder
from pathlib import Path
from typing import Any, BinaryIO

from annotator.io import decoding
from annotator.io.decoding import (
    LongLine,
    UnreadableFile,
    open_regular_file,
    unstorable_character,
)

# A longer line is read as a stream; in it, a string longer than PIECE is kept in the file.
LONG_LINE = 8 << 20
PIECE = 1 << 20
_HEAD = 2000  # characters kept: core.model.title_from_text looks no further
_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_BACKSLASH = 0x5C


def _decoded(raw: bytes) -> str:
    """What a piece of a JSON string's content stands for; the piece ends between two
    escapes. JSONDecodeError for a bad escape or a raw control character."""
    decoded: str = _STRING.decode('"' + raw.decode("utf-8") + '"')
    return decoded


_STRING = JSONDecoder()


class StreamedString:
    """A JSON string too long to hold, left in its file: measured when its line was read,
    decoded again a piece at a time (a ``core.long_text.LongText``)."""

    def __init__(self, path: Path, line: int):
        self._path = path
        self._line = line
        self._starts: list[int] = []  # where each piece is in the file
        self._firsts: list[int] = []  # the index of each piece's first character
        self._end = 0  # the file offset after the last piece
        self._length = 0
        self._utf8_length = 0
        self._digest = hashlib.sha256()
        self._content_hash = ""
        self._cached: tuple[int, str] | None = None
        self.head = ""  # the first _HEAD characters
        self.blank = True  # whitespace only
        self.unstorable: str | None = None  # what check_text would say of it
        self._astral: list[int] = []

    def add(self, raw: bytes, offset: int, last: bool) -> int:
        """Measure the next piece of the content (``raw``, at ``offset`` in the file); the
        number of bytes taken. A high surrogate's escape at the end of a piece that is not
        the ``last`` is left for the next, with its partner."""
        text = _decoded(raw)
        taken = len(raw)
        if not last and text and "\ud800" <= text[-1] <= "\udbff":
            text, taken = text[:-1], taken - 6
        if not text:
            return taken
        index = self._length
        if self.unstorable is None:
            self._measure(text, index)
        self.blank = self.blank and text.isspace()
        if len(self.head) < _HEAD:
            self.head += text[: _HEAD - len(self.head)]
        # Two UTF-16 units a character means none outside the BMP (a regex is ten times slower).
        if len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text):
            self._astral += [index + found.start() for found in _ASTRAL.finditer(text)]
        self._starts.append(offset)
        self._firsts.append(index)
        self._length += len(text)
        self._end = offset + taken
        self._content_hash = ""
        return taken

    def _measure(self, text: str, index: int) -> None:
        """Hash a piece starting at character ``index``, or say what cannot be stored."""
        try:
            encoded = text.encode("utf-8")  # a lone surrogate cannot be
            if "\x00" not in text:
                self._digest.update(encoded)
                self._utf8_length += len(encoded)
                return
        except UnicodeEncodeError:
            pass
        found = _UNSTORABLE.search(text)
        assert found is not None
        self.unstorable = f"text has {unstorable_character(found.group())} at character"
        self.unstorable += f" {index + found.start()}"

    def __len__(self) -> int:
        return self._length

    @property
    def utf8_length(self) -> int:
        return self._utf8_length

    @property
    def content_hash(self) -> str:
        if not self._content_hash:
            self._content_hash = self._digest.hexdigest()
        return self._content_hash

    def astral_positions(self) -> list[int]:
        """The indexes of its characters outside the BMP (two UTF-16 units each)."""
        return self._astral

    def __getitem__(self, index: int | slice, /) -> str:
        if isinstance(index, int):
            position = index + self._length if index < 0 else index
            if not 0 <= position < self._length:
                raise IndexError("string index out of range")
            return self[position : position + 1]
        start, stop, step = index.indices(self._length)
        if step != 1:
            raise ValueError("only contiguous slices")
        parts = []
        piece = bisect_right(self._firsts, start) - 1
        while start < stop and piece < len(self._firsts) and self._firsts[piece] < stop:
            first = self._firsts[piece]
            parts.append(self._piece_text(piece)[max(start - first, 0) : stop - first])
            piece += 1
        return "".join(parts)

    def _piece_text(self, piece: int) -> str:
        if self._cached is None or self._cached[0] != piece:
            with open_regular_file(self._path) as handle:
                self._cached = (piece, self._read(handle, piece))
        return self._cached[1]

    def _read(self, handle: BinaryIO, piece: int) -> str:
        start = self._starts[piece]
        end = self._starts[piece + 1] if piece + 1 < len(self._starts) else self._end
        handle.seek(start)
        try:
            return _decoded(handle.read(end - start))
        except (UnicodeDecodeError, JSONDecodeError):
            raise self._changed() from None

    def decoded(self) -> str:
        """The whole string (for one that is not a record's text)."""
        with open_regular_file(self._path) as handle:
            return "".join([self._read(handle, piece) for piece in range(len(self._starts))])

    def utf8_pieces(self) -> Iterator[bytes]:
        """Its UTF-8 a piece at a time, read again; UnreadableFile if the file changed."""
        digest = hashlib.sha256()
        size = 0
        with open_regular_file(self._path) as handle:
            for piece in range(len(self._starts)):
                try:
                    encoded = self._read(handle, piece).encode("utf-8")
                except UnicodeEncodeError:
                    raise self._changed() from None
                size += len(encoded)
                if size > self._utf8_length:
                    raise self._changed()
                digest.update(encoded)
                yield encoded
        if size != self._utf8_length or digest.hexdigest() != self.content_hash:
            raise self._changed()

    def _changed(self) -> UnreadableFile:
        return UnreadableFile(str(self._path), "changed while it was read", line=self._line)


class Skeleton:
    """A long line's JSON, each long string replaced by a placeholder string (a plain
    class: a dataclass's class is made at every start)."""

    __slots__ = ("text", "strings")

    def __init__(self, text: str, strings: dict[str, StreamedString]) -> None:
        self.text = text
        self.strings = strings

    def restore(self, value: Any) -> Any:
        """The parsed skeleton with its long strings back: a record's "text" as its
        StreamedString, any other decoded."""
        if not self.strings:
            return value
        if isinstance(value, dict):
            text = value.get("text")
            streamed = self.strings.get(text) if isinstance(text, str) else None
            if streamed is None:
                return self._decoded(value)
            return {
                self._decoded(key): streamed if key == "text" else self._decoded(item)
                for key, item in value.items()
            }
        return self._decoded(value)

    def _decoded(self, value: Any) -> Any:
        if isinstance(value, str):
            found = self.strings.get(value)
            return value if found is None else found.decoded()
        if isinstance(value, list):
            return [self._decoded(item) for item in value]
        if isinstance(value, dict):
            return {self._decoded(key): self._decoded(item) for key, item in value.items()}
        return value


class _LineCheck:
    """The refusals decoding._decoded_line makes of a line, made a chunk at a time."""

    def __init__(self, source: str, number: int, line: LongLine):
        self._source = source
        self._number = number
        self._line = line
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self._characters = 0

    def __call__(self, chunk: bytes, offset: int, final: bool = False) -> None:
        line = self._line
        if line.nul_is_binary:
            nul = chunk.find(b"\x00")
            if nul != -1:
                raise UnreadableFile(
                    self._source,
                    "looks like a binary file (NUL byte); not imported",
                    byte=offset + nul,
                )
        held = len(self._decoder.getstate()[0])
        try:
            text = self._decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            reason = f"is not valid {line.encoding} (byte 0x{exc.object[exc.start]:02x})"
            if line.nul_is_binary:
                reason += "; if it is not UTF-8, name its encoding with --encoding (e.g. cp1256)"
            raise UnreadableFile(self._source, reason, byte=offset - held + exc.start) from None
        if not line.nul_is_binary:
            nul = text.find("\x00")
            if nul != -1:
                raise UnreadableFile(
                    self._source,
                    f"text has a NUL character at character {self._characters + nul}",
                    line=self._number,
                )
            self._characters += len(text)


def _closing_quote(content: bytearray, start: int) -> int:
    """The first quote at or after ``start`` that is not escaped, or -1 (``content``
    starts between two escapes)."""
    while (quote := content.find(b'"', start)) != -1:
        before = quote
        while before and content[before - 1] == _BACKSLASH:
            before -= 1
        if (quote - before) % 2 == 0:
            return quote
        start = quote + 1
    return -1


def _cut(content: bytearray) -> int:
    """A place near the end of ``content`` between two characters and two escapes."""
    cut = len(content) - 8
    while content[cut] & 0xC0 == 0x80:  # inside a UTF-8 character
        cut -= 1
    # An escape is at most 6 bytes: one that crosses the cut starts in the 5 before it.
    first = content.find(b"\\", cut - 5, cut)
    if first == -1:
        return cut
    run = first  # the run of backslashes it is in starts an escape; so do its pairs
    while run and content[run - 1] == _BACKSLASH:
        run -= 1
    return run + 2 * ((first - run) // 2)


def read_long_line(path: Path, line: LongLine, number: int, measured: bool = True) -> Skeleton:
    """The line's JSON text with its long strings left in the file (not ``measured``:
    read as empty strings, enough to see a record's keys).

    Raises UnreadableFile where decoding.iter_lines would, and JSONDecodeError for a bad
    escape inside a long string (after checking the rest of the line's bytes).
    """
    source = str(path)
    check = _LineCheck(source, number, line)
    import secrets  # here: random and hmac cost every import 0.5% of its start

    nonce = secrets.token_hex(8)  # no string of the file can be a placeholder
    skeleton = bytearray()
    strings: dict[str, StreamedString] = {}
    in_string = False
    content = bytearray()  # the current string's bytes not yet measured
    content_at = 0  # where they are in the file
    searched = 0  # no closing quote in content before this
    streamed: StreamedString | None = None
    skipped = False  # the current string is long, and not measured
    invalid: JSONDecodeError | None = None
    offset = line.start
    with open_regular_file(path) as handle:
        handle.seek(offset)
        while offset < line.end:
            chunk = handle.read(min(decoding.LINE_CHUNK, line.end - offset))
            if not chunk:
                raise UnreadableFile(source, "changed while it was read", line=number)
            check(chunk, offset)
            chunk_at, offset = offset, offset + len(chunk)
            position = 0
            while invalid is None and position < len(chunk):
                if not in_string:
                    quote = chunk.find(b'"', position)
                    skeleton += chunk[position : None if quote == -1 else quote]
                    if quote == -1:
                        break
                    position = quote + 1
                    in_string, content, content_at = True, bytearray(), chunk_at + position
                    searched, streamed, skipped = 0, None, False
                    continue
                held = len(content)
                content += chunk[position:]
                closing = _closing_quote(content, searched)
                try:
                    if closing == -1:
                        searched = len(content)
                        while len(content) > PIECE:
                            cut = _cut(content)
                            if measured:
                                streamed = streamed or StreamedString(path, number)
                                taken = streamed.add(bytes(content[:cut]), content_at, False)
                            else:
                                taken, skipped = cut, True
                            if not taken:  # a surrogate pair's first half: wait for more
                                break
                            del content[:taken]
                            content_at += taken
                            searched -= taken
                        break
                    position += closing - held + 1
                    del content[closing:]
                    in_string = False
                    if streamed is None:
                        skeleton += b'""' if skipped else b'"' + content + b'"'
                        continue
                    streamed.add(bytes(content), content_at, True)
                except JSONDecodeError as exc:
                    invalid = exc  # the rest of the line is still checked as bytes
                    break
                key = f"\x00{nonce}:{len(strings)}"
                strings[key] = streamed
                skeleton += b'"\\u0000' + key[1:].encode() + b'"'
        check(b"", offset, final=True)
    if invalid is not None:
        raise invalid
    if in_string:  # unterminated: the JSON parser says so
        skeleton += b'"' + (content if streamed is None and not skipped else b"")
    return Skeleton(skeleton.decode("utf-8"), strings)
