"""The one place where stored code-point offsets meet Qt document positions.

A ``QTextDocument`` counts UTF-16 code units, so a character outside the Basic
Multilingual Plane (an emoji) takes two positions. Filled with ``setPlainText``
it also rewrites line breaks: CR, LF, U+2029 and the whole pair CRLF each become
one paragraph separator (U+2029), and it treats U+FDD0 / U+FDD1 as frame marks
and a leading U+FEFF as a byte-order mark (dropped). U+2028, NBSP, ZWNJ, LRM,
RLM and ALM are kept as they are.

``OffsetMap`` builds the exact text the view shows (so Qt never rewrites it)
and converts positions both ways. Only CRLF pairs and astral characters shift
positions, so the map stores just those places and answers with a binary search.

Qt lays a paragraph out whole, at once: a 5 MB line takes it seconds. So a line
longer than ``LONG_LINE`` characters is shown as paragraphs of about that length,
each break put in place of a space (one position for one, so offsets stay put).
"""

from __future__ import annotations

import re
from bisect import bisect_right

PARAGRAPH_SEPARATOR = "\u2029"
_SHIFTS = re.compile("\r\n|[\U00010000-\U0010ffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\n\u2029]")
# Characters Qt would drop or turn into a paragraph break; shown as U+FFFD instead.
_QT_SPECIAL = re.compile("[\ufdd0\ufdd1]")
_WORD_JOINER = "\u2060"
LONG_LINE = 2_000  # characters; longer lines are shown broken at a space
_LOOK_BACK = 400  # how far before the limit a break may go to find a space


def display_text(text: str) -> str:
    """The text to give ``QTextDocument.setPlainText``; Qt keeps it unchanged."""
    # str.replace and ``in`` take a millisecond of a 2 MB text, a pattern's sub 20 ms.
    if "\r" in text:
        shown = _LINE_BREAKS.sub(PARAGRAPH_SEPARATOR, text)
    else:
        shown = text.replace("\n", PARAGRAPH_SEPARATOR)
    if "\ufdd0" in shown or "\ufdd1" in shown:
        shown = _QT_SPECIAL.sub("\ufffd", shown)
    if shown.startswith("\ufeff"):
        # A leading U+FEFF is taken for a byte-order mark and dropped by Qt; the
        # word joiner is just as invisible and keeps the positions in step.
        shown = _WORD_JOINER + shown[1:]
    return _break_long_lines(shown)


def _break_long_lines(shown: str) -> str:
    """Replace a space with a paragraph break about every ``LONG_LINE`` characters of a line."""
    if len(shown) <= LONG_LINE:
        return shown
    breaks = []
    line_start = 0
    while True:
        line_end = shown.find(PARAGRAPH_SEPARATOR, line_start)
        if line_end < 0:
            line_end = len(shown)
        start = line_start
        while line_end - start > LONG_LINE:
            limit = start + LONG_LINE
            space = shown.rfind(" ", limit - _LOOK_BACK, limit)
            if space < 0:
                space = shown.find(" ", limit, line_end)  # a long run without spaces
                if space < 0:
                    break
            breaks.append(space)
            start = space + 1
        if line_end == len(shown):
            break
        line_start = line_end + 1
    if not breaks:
        return shown
    pieces, last = [], 0
    for space in breaks:
        pieces.append(shown[last:space])
        last = space + 1
    pieces.append(shown[last:])
    return PARAGRAPH_SEPARATOR.join(pieces)


class OffsetMap:
    """Converts between code-point offsets in ``text`` and Qt positions in its display."""

    def __init__(self, text: str):
        self.length = len(text)
        # For each CRLF or astral character, in order: its code-point offset, its
        # Qt position, and how many Qt units it takes (1 for CRLF, 2 for astral).
        self._offsets: list[int] = []
        self._positions: list[int] = []
        self._widths: list[int] = []
        shift = 0
        if "\r\n" not in text and len(text.encode("utf-16-le")) == 2 * len(text):
            self.qt_length = self.length  # nothing shifts (a millisecond; the pattern's scan 15)
            return
        for match in _SHIFTS.finditer(text):
            offset = match.start()
            self._offsets.append(offset)
            self._positions.append(offset + shift)
            if match.group() == "\r\n":
                self._widths.append(1)
                shift -= 1
            else:
                self._widths.append(2)
                shift += 1
        self.qt_length = self.length + shift

    def is_identity(self) -> bool:
        """Whether every Qt position equals its offset (no CRLF, no astral character)."""
        return not self._offsets

    def to_qt(self, offset: int) -> int:
        """The Qt position of a code-point offset (0 <= offset <= len(text))."""
        if not 0 <= offset <= self.length:
            raise ValueError(f"offset {offset} outside 0-{self.length}")
        index = bisect_right(self._offsets, offset) - 1
        if index < 0:
            return offset
        start, position, width = self._offsets[index], self._positions[index], self._widths[index]
        if offset == start:
            return position
        if width == 1 and offset == start + 1:
            # Between CR and LF: both are one separator on screen; take its start.
            return position
        chars = 2 if width == 1 else 1
        return position + width + (offset - start - chars)

    def to_offset(self, position: int, *, round_up: bool = False) -> int:
        """The code-point offset of a Qt position.

        A position inside a surrogate pair is rounded down to the character's start,
        or up past it with ``round_up`` (for the end of a selection).
        """
        if not 0 <= position <= self.qt_length:
            raise ValueError(f"position {position} outside 0-{self.qt_length}")
        index = bisect_right(self._positions, position) - 1
        if index < 0:
            return position
        start, at, width = self._offsets[index], self._positions[index], self._widths[index]
        if position == at:
            return start
        chars = 2 if width == 1 else 1
        if position < at + width:  # inside a surrogate pair
            return start + 1 if round_up else start
        return start + chars + (position - at - width)

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def range_to_offsets(self, start: int, end: int) -> tuple[int, int]:
        """A Qt selection as the code-point range holding every character it touches."""
        start, end = min(start, end), max(start, end)
        return self.to_offset(start), self.to_offset(end, round_up=True)
