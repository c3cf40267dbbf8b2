"""Tokens for the token-based formats, and how spans line up with them.

A tokenizer is any function ``text -> [(start, end), ...]`` of code point
offsets, in order and not overlapping. The default is the clitic-aware Arabic
tokenizer (``annotator.arabic.tokens``), so that 'وكوريا الشمالية' gives
و | كوريا | الشمالية.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

Tokenize = Callable[[str], list[tuple[int, int]]]

# A sentence ends after one of these tokens, or where a line break separates two tokens.
SENTENCE_END = frozenset(".؟?!؛")
LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")


def default_tokenize(lexicon: Iterable[str] = ()) -> ArabicTokenizer:
    """The Arabic tokenizer, with ``lexicon`` (e.g. span texts) as known forms."""
    return ArabicTokenizer(frozenset(lexicon))


class ArabicTokenizer:
    """``annotator.arabic.tokens.tokenize`` as offsets, remembered per whitespace-free chunk.

    No token crosses whitespace, so tokenizing each chunk alone gives the same
    tokens as the whole text; news text repeats its words, so most chunks are
    looked up rather than tokenized again (exports of 10,000 documents need it).
    """

    def __init__(self, lexicon: frozenset[str] = frozenset()):
        self.lexicon = lexicon
        self._chunks: dict[str, tuple[tuple[int, int], ...]] = {}

    def with_forms(self, forms: Iterable[str]) -> ArabicTokenizer:
        """The same tokenizer knowing ``forms`` too (a document's own span texts)."""
        return ArabicTokenizer(self.lexicon | frozenset(forms))

    def __call__(self, text: str) -> list[tuple[int, int]]:
        from annotator.arabic.tokens import tokenize

        chunks = self._chunks
        lexicon = self.lexicon
        offsets: list[tuple[int, int]] = []
        for match in _CHUNK.finditer(text):
            chunk = match.group()
            pieces = chunks.get(chunk)
            if pieces is None:
                pieces = tuple((t.start, t.end) for t in tokenize(chunk, lexicon))
                if len(chunks) < _MAX_CHUNKS:
                    chunks[chunk] = pieces
            base = match.start()
            if len(pieces) == 1:
                offsets.append(
                    (base, match.end())
                    if pieces[0] == (0, len(chunk))
                    else (base + pieces[0][0], base + pieces[0][1])
                )
            else:
                offsets.extend((base + start, base + end) for start, end in pieces)
        return offsets


_CHUNK = re.compile(r"\S+")
_MAX_CHUNKS = 500_000


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
