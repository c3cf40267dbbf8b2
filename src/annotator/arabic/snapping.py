"""Turning a rough mouse selection into the span an annotator meant.

The selection is trimmed of spaces and punctuation, widened to whole words,
and then a proclitic at the START of the span is dropped by the rules of
``annotator.arabic.tokens`` ('وكوريا الشمالية' -> 'كوريا الشمالية',
'لروسيا' -> 'روسيا'). Proclitics on later words are inside the mention and
stay ('روسيا وكوريا'). The window's "exact characters" mode (Alt) does not
call this function at all.

An edge that reaches only one character into a word across a space is an
overhang, not a choice: a drag aimed at the gap between two words easily ends
on the neighbour's last (or first) letter, and widening would take that whole
word. Such a word is left out, unless the pointer rested on that very letter
(``pointed``), which the window reports when a drag ended well inside a word.
A whole word of one letter ('5 ملايين') is never an overhang.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection

from annotator.arabic.tokens import proclitic_length


def _is_word_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    # Letters, digits and combining marks (Arabic diacritics) belong to words;
    # ZWNJ/ZWJ join parts of one word.
    return category[0] in "LNM" or ch in "\u200c\u200d\u0640"


def _letters(part: str) -> int:
    """How many characters a reader sees in ``part`` (a letter and its marks count once)."""
    return sum(1 for ch in part if unicodedata.category(ch)[0] != "M")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not _is_word_char(text[start]):
        start += 1
    while end > start and not _is_word_char(text[end - 1]):
        end -= 1
    return start, end


def _drop_overhangs(text: str, start: int, end: int, pointed: Collection[int]) -> tuple[int, int]:
    """Leave out a word the selection enters by one letter only, across a space.

    ``start`` and ``end`` are trimmed: both are on word characters.
    """
    # The start edge: the selection begins on the last letter of a longer word.
    if start > 0 and _is_word_char(text[start - 1]):
        part_end = start
        while part_end < end and _is_word_char(text[part_end]):
            part_end += 1
        rest = _trim(text, part_end, end)
        if (
            rest[0] < rest[1]
            and _letters(text[start:part_end]) == 1
            and any(ch.isspace() for ch in text[part_end : rest[0]])
            and not any(start <= p < part_end for p in pointed)
        ):
            start, end = rest
    # The end edge: the selection ends on the first letter of a longer word.
    if end < len(text) and _is_word_char(text[end]):
        part_start = end
        while part_start > start and _is_word_char(text[part_start - 1]):
            part_start -= 1
        rest = _trim(text, start, part_start)
        if (
            rest[0] < rest[1]
            and _letters(text[part_start:end]) == 1
            and any(ch.isspace() for ch in text[rest[1] : part_start])
            and not any(part_start <= p < end for p in pointed)
        ):
            start, end = rest
    return start, end


def snap_selection(
    text: str,
    start: int,
    end: int,
    lexicon: frozenset[str] = frozenset(),
    pointed: Collection[int] = (),
) -> tuple[int, int] | None:
    """Trim surrounding spaces and punctuation, widen to whole words, drop a leading proclitic.

    ``lexicon`` holds the project's accepted span texts (known forms for the
    clitic rules). ``pointed`` holds offsets of characters the pointer rested on:
    their words are meant, even when the selection holds one letter of them.
    Returns None when the selection holds no word character.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    start, end = _trim(text, start, end)
    if start >= end:
        return None
    start, end = _drop_overhangs(text, start, end, pointed)
    while start > 0 and _is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and _is_word_char(text[end]):
        end += 1
    first_word_end = start
    while first_word_end < end and _is_word_char(text[first_word_end]):
        first_word_end += 1
    return start + proclitic_length(text[start:first_word_end], lexicon), end
