"""Turning a rough mouse selection into the span an annotator meant.

The selection is trimmed of spaces and punctuation, widened to whole words,
and then a proclitic at the START of the span is dropped by the rules of
``annotator.arabic.tokens`` ('وكوريا الشمالية' -> 'كوريا الشمالية',
'لروسيا' -> 'روسيا'). Proclitics on later words are inside the mention and
stay ('روسيا وكوريا'). The window's "exact characters" mode (Alt) does not
call this function at all.
"""

from __future__ import annotations

import unicodedata

from annotator.arabic.tokens import proclitic_length


def _is_word_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    # Letters, digits and combining marks (Arabic diacritics) belong to words;
    # ZWNJ/ZWJ join parts of one word.
    return category[0] in "LNM" or ch in "\u200c\u200d\u0640"


def snap_selection(
    text: str, start: int, end: int, lexicon: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """Trim surrounding spaces and punctuation, widen to whole words, drop a leading proclitic.

    ``lexicon`` holds the project's accepted span texts (known forms for the
    clitic rules). Returns None when the selection holds no word character.
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
    first_word_end = start
    while first_word_end < end and _is_word_char(text[first_word_end]):
        first_word_end += 1
    return start + proclitic_length(text[start:first_word_end], lexicon), end
