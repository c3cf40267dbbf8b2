"""Tokens for the token-based formats, and how spans line up with them.

A tokenizer is any function ``text -> [(start, end), ...]`` of code point
offsets, in order and not overlapping. The default is the clitic-aware Arabic
tokenizer (``annotator.arabic.tokens``), so that 'وكوريا الشمالية' gives
و | كوريا | الشمالية.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate

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
        self._chunks: dict[str, object] = {}

    def with_forms(self, forms: Iterable[str]) -> ArabicTokenizer:
        """The same tokenizer knowing ``forms`` too (a document's own span texts)."""
        return ArabicTokenizer(self.lexicon | frozenset(forms))

    def __call__(self, text: str) -> list[tuple[int, int]]:
        return list(zip(*self.columns(text), strict=True))

    def columns(self, text: str) -> tuple[list[int], list[int]]:
        """Token starts and token ends, as two lists.

        Written for speed: the text is cut at single spaces and positions summed
        in C; a chunk holding other whitespace (a line break) is tokenized as a
        whole like any other. Only chunks that are not one whole token (clitics,
        attached punctuation, line breaks) are handled one by one.
        """
        chunk_texts = text.split(" ")
        # Each chunk is followed by one space (the last by none; its end is not used).
        bounds = list(accumulate(map(_PLUS_ONE, map(len, chunk_texts)), initial=0))
        chunk_starts = bounds[:-1]
        chunk_ends = list(map(_MINUS_ONE, bounds[1:]))
        kinds = list(map(self._chunks.get, chunk_texts))
        for index in [i for i, kind in enumerate(kinds) if kind is None]:
            kinds[index] = self._learn(chunk_texts[index])
        starts: list[int] = []
        ends: list[int] = []
        done = 0
        for index in [i for i, kind in enumerate(kinds) if kind is not _WHOLE]:
            starts += chunk_starts[done:index]
            ends += chunk_ends[done:index]
            base = chunk_starts[index]
            for start, end in kinds[index]:
                starts.append(base + start)
                ends.append(base + end)
            done = index + 1
        starts += chunk_starts[done:]
        ends += chunk_ends[done:]
        return starts, ends

    def _learn(self, chunk: str) -> object:
        from annotator.arabic.tokens import tokenize

        pieces = tuple((token.start, token.end) for token in tokenize(chunk, self.lexicon))
        if pieces == ((0, len(chunk)),):
            pieces = _WHOLE
        if len(self._chunks) < _MAX_CHUNKS and len(chunk) <= _MAX_CHUNK_LENGTH:
            self._chunks[chunk] = pieces
        return pieces


_PLUS_ONE = (1).__add__
_MINUS_ONE = (-1).__add__
_MAX_CHUNK_LENGTH = 80  # a longer chunk (text without spaces) is not worth remembering
_WHOLE = object()  # a chunk that is one token
_MAX_CHUNKS = 500_000
_BREAK = re.compile(f"[{re.escape(''.join(sorted(SENTENCE_END | LINE_BREAKS)))}]")


class TokenizedText:
    """A text, its tokens (start and end columns), and how character edges map to tokens."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str, starts: list[int], ends: list[int]):
        self.text = text
        self.starts = starts
        self.ends = ends

    @classmethod
    def from_offsets(cls, text: str, offsets: list[tuple[int, int]]) -> TokenizedText:
        return cls(text, [start for start, _ in offsets], [end for _, end in offsets])

    @classmethod
    def of(cls, text: str, tokenize: Tokenize) -> TokenizedText:
        columns = getattr(tokenize, "columns", None)
        if columns is not None:
            return cls(text, *columns(text))
        return cls.from_offsets(text, tokenize(text))

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def offsets(self) -> list[tuple[int, int]]:
        return list(zip(self.starts, self.ends, strict=True))

    def words(self) -> list[str]:
        text = self.text
        return [text[start:end] for start, end in zip(self.starts, self.ends, strict=True)]

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """First and last (inclusive) token of a span, or None when an edge is inside a token."""
        starts, ends = self.starts, self.ends
        first = bisect_left(starts, start)
        last = bisect_left(ends, end)
        if first == len(starts) or starts[first] != start:
            return None
        if last == len(ends) or ends[last] != end or last < first:
            return None
        return first, last

    def gap_after(self, index: int) -> str:
        """The characters between token ``index`` and the next token (or the end of the text)."""
        following = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.ends[index] : following]

    def sentences(self, kept: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """Sentences as (first, last) token indexes, inclusive.

        A sentence ends after . ؟ ? ! ؛ or at a line break, but never inside a
        ``kept`` token range (a span stays in one sentence).
        """
        starts, ends = self.starts, self.ends
        count = len(starts)
        if not count:
            return []
        breaks = set()  # token indexes a sentence ends after
        for match in _BREAK.finditer(self.text):
            position = match.start()
            index = bisect_right(starts, position) - 1
            if index < 0:
                continue
            is_line_break = match.group() in LINE_BREAKS
            if is_line_break or (starts[index] == position and ends[index] == position + 1):
                breaks.add(index)
        for first, last in kept:
            if last > first:
                breaks.difference_update(range(first, last))
        breaks.discard(count - 1)
        sentences = []
        begin = 0
        for index in sorted(breaks):
            sentences.append((begin, index))
            begin = index + 1
        sentences.append((begin, count - 1))
        return sentences
