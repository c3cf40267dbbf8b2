"""Span offsets counted in UTF-16 code units, as the editors of doccano and Label Studio count.

Our offsets are code points (as Python slices). A JavaScript editor counts UTF-16 code
units, in which a character outside the Basic Multilingual Plane (an emoji, 𝕏) takes two:
every span drawn after one comes back shifted by one per such character. The importers of
these tools check their spans (``Importer.editor_offsets``) with the ``--offsets`` mode:

- ``auto`` (default): offsets are code points, but a document whose spans line up only as
  UTF-16 units is refused with the span, both readings and the shift, naming ``--offsets
  utf16``. "Line up" means: the span's quoted ``text`` matches (Label Studio), or else both
  edges fall on word edges (a proclitic may stay outside: و|كوريا), inside the text.
- ``utf16``: every offset is converted from UTF-16 units to code points.
- ``codepoints``: offsets are taken as they are.

Nothing changes for a text whose characters are all in the BMP: both counts agree there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from annotator.core.errors import InputError
from annotator.core.long_text import TextSlices
from annotator.core.values import replace
from annotator.io.registry import RawRecord

OFFSET_MODES = ("auto", "codepoints", "utf16")

# Patterns compiled (and cached by re) when a document with characters outside the BMP
# first needs them: every doccano import loads this module, few have such a document.
_WORD_CHAR = r"[\w\u064b-\u065f\u0670\u0640]"
# A proclitic may be left out of a span: و ف ب ل ك س and their pairs (وب, فل, ...).
_PROCLITIC = r"[وف]?[بلكس]?"


# The lead bytes of UTF-8's four-byte sequences: the characters outside the BMP.
_ASTRAL_LEADS = b"\xf0\xf1\xf2\xf3\xf4"


def _astral_positions(text: str, utf8: bytes | None = None) -> list[int]:
    """Where the characters outside the BMP are; ``utf8``, when given, is the text's UTF-8."""
    if utf8 is not None:
        # A byte search each (memchr): a fifth of the UTF-16 encoding below.
        if not any(lead in utf8 for lead in _ASTRAL_LEADS):
            return []
    # Two UTF-16 units a character means none outside the BMP (max(text) took 1.3 s a
    # 10,000-document import).
    elif len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return []
    return [index for index, char in enumerate(text) if char > "\uffff"]


def utf16_to_codepoint(offset: int, astral: Sequence[int]) -> int | None:
    """The code point offset of a UTF-16 offset, or None inside a surrogate pair."""
    shift = 0
    for position in astral:
        unit = position + shift  # where this character starts in UTF-16 units
        if offset <= unit:
            break
        if offset == unit + 1:
            return None
        shift += 1
    return offset - shift


def _word_start(text: TextSlices, start: int) -> bool:
    if (
        start == 0
        or not re.match(_WORD_CHAR, text[start])
        or not re.match(_WORD_CHAR, text[start - 1])
    ):
        return not text[start].isspace()
    begin = start
    while begin > 0 and re.match(_WORD_CHAR, text[begin - 1]):
        begin -= 1
    return re.fullmatch(_PROCLITIC, text[begin:start]) is not None


def _word_end(text: TextSlices, end: int) -> bool:
    if text[end - 1].isspace():
        return False
    return (
        end == len(text)
        or not re.match(_WORD_CHAR, text[end])
        or not re.match(_WORD_CHAR, text[end - 1])
    )


def lines_up(text: TextSlices, start: int, end: int, quoted: object) -> bool:
    """Whether [start, end) is a span an annotator would have drawn on ``text``."""
    if not 0 <= start < end <= len(text):
        return False
    if isinstance(quoted, str):
        return text[start:end] == quoted
    return _word_start(text, start) and _word_end(text, end)


def resolve_offsets(record: RawRecord, mode: str) -> RawRecord | InputError:
    """The record with code point offsets, or why its spans cannot be taken as they are."""
    if mode == "codepoints" or not record.spans:
        return record
    text = record.text
    if record.long_text is None:
        astral = _astral_positions(record.document.text, record.utf8)
    else:
        astral = record.long_text.astral_positions()
    if not astral:
        return record
    if mode == "utf16":
        return _converted(record, astral)
    suspects = []
    for span in record.spans:
        if not isinstance(span, dict):
            continue
        start, end, quoted = span.get("start"), span.get("end"), span.get("text")
        if type(start) is not int or type(end) is not int:
            continue
        first, last = utf16_to_codepoint(start, astral), utf16_to_codepoint(end, astral)
        if first is None or last is None or (first, last) == (start, end):
            continue
        if lines_up(text, first, last, quoted) and not lines_up(text, start, end, quoted):
            suspects.append((start, end, first, last))
    if not any(_telling(text, record.spans, suspect) for suspect in suspects):
        return record
    start, end, first, last = suspects[0]
    shift = end - last
    before = astral[bisect_left(astral, last) - 1]  # the last such character before its end
    as_is = repr(text[start:end]) if end <= len(text) else "past the end of the text"
    return InputError(
        record.path,
        f"{len(suspects)} span(s) line up only as UTF-16 code units (as doccano's and Label"
        f" Studio's editors count): span {start}-{end} is {as_is} in code points but"
        f" {text[first:last]!r} in UTF-16 units, shifted by {shift} after"
        f" {text[before]!r} at {before}; import with --offsets utf16 (or --offsets"
        " codepoints if they do count code points)",
        line=record.line,
    )


def _telling(text: TextSlices, spans: list[Any], suspect: tuple[int, int, int, int]) -> bool:
    """Whether a suspect span is evidence enough to refuse its document.

    A span past the end of the text, or quoting its text, is; otherwise the span must start
    after the character that shifts it: a span drawn in code points that merely holds an
    emoji and ends inside a word is not taken for a shifted one.
    """
    start, end, first, _ = suspect
    return (
        end > len(text)
        or start != first
        or any(
            isinstance(span, dict) and span.get("start") == start and "text" in span
            for span in spans
        )
    )


def _converted(record: RawRecord, astral: list[int]) -> RawRecord | InputError:
    spans = []
    for number, span in enumerate(record.spans, start=1):
        if not isinstance(span, dict):
            spans.append(span)
            continue
        converted = dict(span)
        for key in ("start", "end"):
            value = span.get(key)
            if type(value) is not int or value < 0:
                continue
            offset = utf16_to_codepoint(value, astral)
            if offset is None:
                return InputError(
                    record.path,
                    f"span {number}: UTF-16 offset {value} falls inside a character outside"
                    " the BMP (half of a surrogate pair); are these offsets UTF-16 units?",
                    line=record.line,
                )
            converted[key] = offset
        spans.append(converted)
    return replace(record, spans=spans)
