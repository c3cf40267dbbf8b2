"""Turning a rough mouse selection into the span an annotator meant."""

from __future__ import annotations

import unicodedata


def _is_word_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    # Letters, digits and combining marks (Arabic diacritics) belong to words;
    # ZWNJ/ZWJ join parts of one word.
    return category[0] in "LNM" or ch in "\u200c\u200d\u0640"


def snap_selection(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim surrounding spaces and punctuation, then widen to whole words.

    Returns None when the selection holds no word character at all.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and not _is_word_char(text[start]):
        start += 1
    while end > start and not _is_word_char(text[end - 1]):
        end -= 1
    if start >= end:
        return None
    while start > 0 and _is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and _is_word_char(text[end]):
        end += 1
    return start, end
