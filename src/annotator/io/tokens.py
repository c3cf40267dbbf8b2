"""Tokens for the token-based formats, and how spans line up with them.

A tokenizer is any function ``text -> [(start, end), ...]`` of code point
offsets, in order and not overlapping. The default is the clitic-aware Arabic
tokenizer (``annotator.arabic.tokens``), so that 'وكوريا الشمالية' gives
و | كوريا | الشمالية.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Tokenize = Callable[[str], list[tuple[int, int]]]

# A sentence ends after one of these tokens, or where a line break separates two tokens.
SENTENCE_END = frozenset(".؟?!؛")
LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")


def default_tokenize(lexicon: Iterable[str] = ()) -> Tokenize:
    """The Arabic tokenizer, with ``lexicon`` (e.g. the project's span texts) as known forms."""
    from annotator.arabic.tokens import tokenize

    known = frozenset(lexicon)

    def offsets(text: str) -> list[tuple[int, int]]:
        return [(token.start, token.end) for token in tokenize(text, known)]

    return offsets


class TokenizedText:
    """A text, its tokens, and the lookups from character edges to tokens."""

    __slots__ = ("text", "offsets", "_by_start", "_by_end")

    def __init__(self, text: str, offsets: list[tuple[int, int]]):
        self.text = text
        self.offsets = offsets
        self._by_start = {start: index for index, (start, _) in enumerate(offsets)}
        self._by_end = {end: index for index, (_, end) in enumerate(offsets)}

    def __len__(self) -> int:
        return len(self.offsets)

    def words(self) -> list[str]:
        text = self.text
        return [text[start:end] for start, end in self.offsets]

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """First and last (inclusive) token of a span, or None when an edge is inside a token."""
        first = self._by_start.get(start)
        last = self._by_end.get(end)
        if first is None or last is None or last < first:
            return None
        return first, last

    def gap_after(self, index: int) -> str:
        """The characters between token ``index`` and the next token (or the end of the text)."""
        end = self.offsets[index][1]
        following = self.offsets[index + 1][0] if index + 1 < len(self.offsets) else len(self.text)
        return self.text[end:following]

    def sentences(self, kept: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """Sentences as (first, last) token indexes, inclusive.

        A sentence ends after . ؟ ? ! ؛ or at a line break, but never inside a
        ``kept`` token range (a span stays in one sentence).
        """
        count = len(self.offsets)
        if not count:
            return []
        joined = bytearray(count)  # 1: no sentence break after this token
        for first, last in kept:
            joined[first:last] = b"\x01" * (last - first)
        text = self.text
        offsets = self.offsets
        sentences = []
        begin = 0
        for index in range(count - 1):
            if joined[index]:
                continue
            start, end = offsets[index]
            if (end - start == 1 and text[start] in SENTENCE_END) or not LINE_BREAKS.isdisjoint(
                text[end : offsets[index + 1][0]]
            ):
                sentences.append((begin, index))
                begin = index + 1
        sentences.append((begin, count - 1))
        return sentences
