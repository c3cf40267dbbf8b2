"""A Prodigy task's tokens as JSON, and its spans' token indexes, written for speed.

Tokens are spaCy's (``TokenizedText.with_whitespace``): whitespace other than one
space after a token is a token of its own with ``ws`` false. Token objects are
written by hand because json.dumps of 4 million small dicts was the slowest part of
a large export: one %-format per document over its tokens' templates (each word
quoted and encoded once per export, with and without its ws), filled with the
numbers' texts (looked up: formatting 12 million integers was half the work). All
in UTF-8 bytes, as the line is written. The output is exactly json.dumps(...,
ensure_ascii=False), encoded.

Nearly every text is made of chunks (cut at single spaces) whose tokens end where
the chunk ends and hold no invisible character: each distinct chunk is then looked
up once per export in the tokenizer (``ArabicTokenizer.whitespace_tokens``) and kept
with its tokens' template and where they start and end; a document is its chunks'
templates joined, its numbers picked by the chunks' masks from the texts of all
positions, its spans' tokens found in their chunks. No token of such a document is
touched one by one in Python. Any other document (an invisible character, a span
edge inside a token, a double space) goes the general way: ``ExportContext.aligned``
and ``with_whitespace``, whose output the chunks' way gives byte for byte.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate, compress
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from annotator.io.json_words import QuotedWords, WordTemplates

if TYPE_CHECKING:
    from annotator.core.model import Document, Span
    from annotator.io.report import AlignedSpan, ExportContext
    from annotator.io.tokens import TokenizedText

TokenRanges = list[tuple[int, int] | None]  # each span's first and last token, or None


class TokenTemplates:
    """What one export keeps to write its tasks: each word's token template
    (``words[ws][word]``), each chunk's (see ``ChunkTemplates``), each label's JSON."""

    def __init__(self) -> None:
        self.words = {
            ws: WordTemplates(
                f'{{"text": %s, "start": %%b, "end": %%b, "id": %%b, "ws": {json}}}, '
            )
            for ws, json in ((True, "true"), (False, "false"))
        }
        self.labels = QuotedWords()
        self._chunks: ChunkTemplates | None = None

    def chunks_for(self, tokenize: Any) -> ChunkTemplates | None:
        """The chunks' templates made with ``tokenize``; None for a tokenizer that does not
        tell a chunk's tokens (not the Arabic one)."""
        chunks = self._chunks
        if chunks is None or chunks.tokenizer is not tokenize:
            if not hasattr(tokenize, "whitespace_tokens"):
                return None
            chunks = self._chunks = ChunkTemplates(self.words, tokenize)
        return chunks


def tokens_and_ranges(
    document: Document, spans: list[Span], context: ExportContext, templates: TokenTemplates
) -> tuple[bytes, TokenRanges]:
    """The task's tokens as JSON (the objects of its ``tokens`` array, without the
    brackets) and each span's first and last token (None for a span with an edge inside a
    token, noted in the report as written with its character offsets only)."""
    from annotator.io.report import INSIDE_TOKEN_CHARS_ONLY

    chunks = templates.chunks_for(context.tokenizer())
    if chunks is not None:
        found = _chunk_tokens(document.text, spans, chunks)
        if found is not None:
            return found
    tokenized, aligned = context.aligned(document, spans, INSIDE_TOKEN_CHARS_ONLY)
    return _tokens_and_ranges(tokenized, spans, aligned, templates)


# A chunk's: its tokens' template, the same with the last token's ws false and no comma
# after it (the text's last chunk), which of its positions (its characters and the one
# after it, the space before the next chunk) its tokens start at and end at (bytes of 0
# and 1), its length with that space, its token count, its words' starts and ends, and
# each word's token (gaps are tokens too). None for a chunk that is not regular.
ChunkTemplate = tuple[
    bytes, bytes, bytes, bytes, int, int, tuple[int, ...], tuple[int, ...], tuple[int, ...]
]
_MAX_CHUNK_TEMPLATES = 200_000  # the distinct chunks of a large corpus; past it, made each time


class ChunkTemplates(dict[str, ChunkTemplate | None]):
    """``chunks[chunk]``: a chunk's ``ChunkTemplate`` (None when it is not regular), made
    once per distinct chunk of an export from ``tokenizer.whitespace_tokens``."""

    def __init__(self, words: dict[bool, WordTemplates], tokenizer: Any):
        super().__init__()
        self.words = words
        self.tokenizer = tokenizer

    def __missing__(self, chunk: str) -> ChunkTemplate | None:
        tokens = self.tokenizer.whitespace_tokens(chunk)
        made = None if tokens is None else self._made(*tokens)
        if len(self) < _MAX_CHUNK_TEMPLATES:
            self[chunk] = made
        return made

    def _made(
        self, texts: tuple[str, ...], word_starts: tuple[int, ...], word_ends: tuple[int, ...]
    ) -> ChunkTemplate:
        # Only a chunk's last token has a space after it (see whitespace_tokens).
        body = b"".join(map(self.words[False].__getitem__, texts[:-1]))
        length = sum(map(len, texts))
        starts, ends = bytearray(length + 1), bytearray(length + 1)
        token_at = {}
        position = 0
        for index, text in enumerate(texts):
            starts[position] = 1
            token_at[position] = index
            position += len(text)
            ends[position] = 1
        return (
            body + self.words[True][texts[-1]],
            body + self.words[False][texts[-1]][:-2],  # nor the ", " after it
            bytes(starts),
            bytes(ends),
            length + 1,
            len(texts),
            word_starts,
            word_ends,
            tuple(map(token_at.__getitem__, word_starts)),
        )


_TEMPLATE = itemgetter(0)
_STARTS_MASK = itemgetter(2)
_ENDS_MASK = itemgetter(3)
_SIZE = itemgetter(4)
_TOKEN_COUNT = itemgetter(5)


def _chunk_tokens(
    text: str, spans: list[Span], templates: ChunkTemplates
) -> tuple[bytes, TokenRanges] | None:
    """``tokens_and_ranges`` of a text made of regular chunks whose spans all line up with
    tokens; None for any other."""
    found = list(map(templates.__getitem__, text.split(" ")))
    if not all(found):
        return None
    chunks: list[ChunkTemplate] = found  # type: ignore[assignment]  # no None: all() above
    ranges: TokenRanges = []
    if spans:
        # Where each chunk starts, and its first token.
        places = list(accumulate(map(_SIZE, chunks), initial=0))
        firsts = list(accumulate(map(_TOKEN_COUNT, chunks), initial=0))
        length = len(text)
        for span in spans:
            start, end = span.start, span.end
            if not 0 <= start < end <= length:
                return None
            chunk = bisect_right(places, start) - 1
            held = chunks[chunk]
            edge = start - places[chunk]
            if edge not in held[6]:
                return None  # inside a token
            first = firsts[chunk] + held[8][held[6].index(edge)]
            chunk = bisect_right(places, end - 1) - 1
            held = chunks[chunk]
            edge = end - places[chunk]
            if edge not in held[7]:
                return None
            last = firsts[chunk] + held[8][held[7].index(edge)]
            if last < first:
                return None
            ranges.append((first, last))
    pieces = list(map(_TEMPLATE, chunks))
    pieces[-1] = chunks[-1][1]  # the text's last token: no space, nor token, after it
    # The chunks' positions follow one another (each with the space after it): the
    # joined masks pick the tokens' starts and ends from the texts of all positions.
    numbers = _number_texts(len(text) + 1)
    start_texts = list(compress(numbers, b"".join(map(_STARTS_MASK, chunks))))
    count = len(start_texts)
    fields = [b""] * (3 * count)
    fields[0::3] = start_texts
    fields[1::3] = list(compress(numbers, b"".join(map(_ENDS_MASK, chunks))))
    fields[2::3] = numbers[:count]
    return b"".join(pieces) % tuple(fields), ranges


_ITEM_TOKENS = itemgetter(1, 2)  # an aligned span's first and last token


def _tokens_and_ranges(
    tokenized: TokenizedText,
    spans: list[Span],
    aligned: list[AlignedSpan],
    templates: TokenTemplates,
) -> tuple[bytes, TokenRanges]:
    """``tokens_and_ranges`` of any text, from ``with_whitespace``'s tokens."""
    starts, ends, spaces, words = tokenized.with_whitespace()
    tokens = _tokens_json(words, starts, ends, spaces, templates.words)
    tokens_of: Callable[[AlignedSpan], tuple[int, int]] = _ITEM_TOKENS
    if len(starts) != len(tokenized):  # indexes count the whitespace tokens too
        word_starts = tokenized.starts

        def tokens_of(item: AlignedSpan) -> tuple[int, int]:
            return bisect_left(starts, word_starts[item.first]), bisect_left(
                starts, word_starts[item.last]
            )

    if len(aligned) == len(spans):  # every span lines up with tokens
        return tokens, list(map(tokens_of, aligned))
    by_span = {id(item.span): tokens_of(item) for item in aligned}
    return tokens, [by_span.get(id(span)) for span in spans]


def _tokens_json(
    words: list[str],
    starts: list[int],
    ends: list[int],
    spaces: list[bool],
    templates: dict[bool, WordTemplates],
) -> bytes:
    if not starts:
        return b""
    # dict.__getitem__ of each token's (ws's templates, word); WordTemplates fill in the new.
    template = b"".join(map(dict.__getitem__, map(templates.__getitem__, spaces), words))
    # Every number is at most the last end (a token holds a character at least).
    numbers = _number_texts(ends[-1] + 1)
    text_of = numbers.__getitem__
    # Each token's start, end and id, interleaved by slice assignment (a tenth faster than
    # chaining zipped maps).
    count = len(starts)
    fields = [b""] * (3 * count)
    fields[0::3] = map(text_of, starts)
    fields[1::3] = map(text_of, ends)
    fields[2::3] = numbers[:count]
    return (template % tuple(fields))[:-2]


_NUMBER_TEXTS: list[bytes] = []
_MAX_NUMBER_TEXTS = 100_000  # past a text this long, numbers are formatted each time


def _number_texts(count: int) -> list[bytes]:
    """``str(n)``, encoded, for ``n`` in ``range(count)`` at least, as a list (kept for
    small counts)."""
    if count > len(_NUMBER_TEXTS):
        if count > _MAX_NUMBER_TEXTS:
            return [b"%d" % number for number in range(count)]
        _NUMBER_TEXTS.extend(b"%d" % number for number in range(len(_NUMBER_TEXTS), count))
    return _NUMBER_TEXTS
