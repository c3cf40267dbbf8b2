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
as its tokens' JSON cut before their numbers, and which of its positions they start
and end at. A document is its chunks' pieces joined with the texts of its tokens'
numbers, picked by the chunks' edges from the texts of all positions; a span's tokens
are the edges before its own, counted in C (found chunk by chunk in Python, they
took a quarter of the tokens' time). No token of such a document is touched one by
one in Python. Any other document (an invisible character, a span
edge inside a token, a double space) goes the general way: ``ExportContext.aligned``
and ``with_whitespace``, whose output the chunks' way gives byte for byte.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from itertools import chain, compress
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from annotator.io.json_words import AttributesJson, QuotedWords, WordPieces, WordTemplates

if TYPE_CHECKING:
    from annotator.core.model import Document, Span
    from annotator.io.report import AlignedSpan, ExportContext
    from annotator.io.tokens import TokenizedText

TokenRanges = list[tuple[int, int] | None]  # each span's first and last token, or None


class TokenTemplates:
    """What one export keeps to write its tasks: each word's token template
    (``words[ws][word]``), each chunk's (see ``ChunkTemplates``), each label's and role's
    JSON, the spans' attributes'."""

    def __init__(self) -> None:
        self.words = {
            ws: WordTemplates(
                f'{{"text": %s, "start": %%b, "end": %%b, "id": %%b, "ws": {json}}}, '
            )
            for ws, json in ((True, "true"), (False, "false"))
        }
        self.labels = QuotedWords()
        self.attributes = AttributesJson()
        self._chunks: ChunkTemplates | None = None

    def chunks_for(self, tokenize: Any) -> ChunkTemplates | None:
        """The chunks' templates made with ``tokenize``; None for a tokenizer that does not
        tell a chunk's tokens (not the Arabic one)."""
        chunks = self._chunks
        if chunks is None or chunks.tokenizer is not tokenize:
            if not hasattr(tokenize, "whitespace_tokens"):
                return None
            chunks = self._chunks = ChunkTemplates(tokenize)
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


# A chunk's: its tokens' JSON cut before each token's numbers (see ``_chunk_tokens``),
# the same with the first token's piece for the text's first chunk (nothing before it),
# and which of its edges tokens start and end at: two bytes for each position (its
# characters and the one after it, the space before the next chunk), the first for a
# token ending there, the second for one starting there; 1 for a word's edge, 2 for a
# gap's (a line break: a token, which a span's edge never is). None for a chunk that is
# not regular.
ChunkTemplate = tuple[tuple[bytes, ...], bytes, bytes]
_MAX_CHUNK_TEMPLATES = 200_000  # the distinct chunks of a large corpus; past it, made each time
_WORD_EDGE, _GAP_EDGE = 1, 2


class ChunkTemplates(dict[str, ChunkTemplate | None]):
    """``chunks[chunk]``: a chunk's ``ChunkTemplate`` (None when it is not regular), made
    once per distinct chunk of an export from ``tokenizer.whitespace_tokens``."""

    def __init__(self, tokenizer: Any):
        super().__init__()
        self.tokenizer = tokenizer
        # A token's JSON up to its start, after the ws of the token before it (the first
        # token's piece: nothing before it).
        self.pieces = {
            prefix: WordPieces(prefix + '{"text": ', ', "start": ')
            for prefix in ("", "false}, ", "true}, ")
        }

    def __missing__(self, chunk: str) -> ChunkTemplate | None:
        tokens = self.tokenizer.whitespace_tokens(chunk)
        made = None if tokens is None or not tokens[0] else self._made(*tokens)
        if len(self) < _MAX_CHUNK_TEMPLATES:
            self[chunk] = made
        return made

    def _made(
        self, texts: tuple[str, ...], word_starts: tuple[int, ...], word_ends: tuple[int, ...]
    ) -> ChunkTemplate:
        # Only a chunk's last token has a space after it (see whitespace_tokens): the
        # token before the chunk's first one is the previous chunk's last.
        within = self.pieces["false}, "]
        pieces = (self.pieces["true}, "][texts[0]], *map(within.__getitem__, texts[1:]))
        edges = bytearray(2 * (sum(map(len, texts)) + 1))
        position = 0
        for text in texts:
            edges[2 * position + 1] = _GAP_EDGE
            position += len(text)
            edges[2 * position] = _GAP_EDGE
        for start in word_starts:
            edges[2 * start + 1] = _WORD_EDGE
        for end in word_ends:
            edges[2 * end] = _WORD_EDGE
        return pieces, self.pieces[""][texts[0]], bytes(edges)


_PIECES = itemgetter(0)
_EDGES = itemgetter(2)


def _chunk_tokens(
    text: str, spans: list[Span], templates: ChunkTemplates
) -> tuple[bytes, TokenRanges] | None:
    """``tokens_and_ranges`` of a text made of regular chunks whose spans all line up with
    tokens; None for any other."""
    found = list(map(templates.__getitem__, text.split(" ")))
    if None in found:
        return None
    chunks: list[ChunkTemplate] = found  # type: ignore[assignment]  # no None: checked above
    # The chunks' positions follow one another (each with the space after it): the
    # joined edges pick the tokens' numbers from the texts of all positions.
    edges = b"".join(map(_EDGES, chunks))
    ranges: TokenRanges = []
    if spans:
        length = len(text)
        # Before a token's start, every token before it has both its edges; before its
        # end, its start too: its index is half the edges before either.
        counted = before = 0
        count = edges.count
        for span in spans:
            start, end = span.start, span.end
            if not 0 <= start < end <= length:
                return None
            start_at, end_at = 2 * start + 1, 2 * end
            if edges[start_at] != _WORD_EDGE or edges[end_at] != _WORD_EDGE:
                return None  # inside a token, or at a gap's edge
            if start_at < counted:  # spans are in order of their starts: seldom
                counted = before = 0
            before += (start_at - counted) - count(0, counted, start_at)
            counted = start_at
            first = before // 2
            ranges.append((first, first + (end_at - start_at - count(0, start_at, end_at)) // 2))
    pieces = list(chain.from_iterable(map(_PIECES, chunks)))
    pieces[0] = chunks[0][1]
    tokens = len(pieces)
    numbers = _edge_texts(len(text) + 1)
    fields = [b""] * (4 * tokens + 1)
    fields[0:-1:4] = pieces
    # Each token's start and end: the edges in the order of their positions.
    starts_and_ends = list(compress(numbers[0], edges))
    fields[1:-1:4] = starts_and_ends[0::2]
    fields[2:-1:4] = starts_and_ends[1::2]
    fields[3:-1:4] = numbers[1][:tokens]
    fields[-1] = b"false}"  # the text's last token: no space after it
    return b"".join(fields), ranges


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


# A token's numbers with the JSON after each: its end (``, "id": ``) and start (``, "end": ``)
# for each position, in the order of ``ChunkTemplate``'s edges, and its id (``, "ws": ``).
_EDGE_TEXTS: tuple[list[bytes], list[bytes]] = ([], [])


def _edge_texts(count: int) -> tuple[list[bytes], list[bytes]]:
    """The edges' texts of ``count`` positions at least, and the ids' (kept for small
    counts)."""
    edges, ids = _EDGE_TEXTS
    known = len(ids)
    if count > known:
        if count > _MAX_NUMBER_TEXTS:
            edges, ids = [], []
            known = 0
        for number in range(known, count):
            edges += (b'%d, "id": ' % number, b'%d, "end": ' % number)
        ids.extend(b'%d, "ws": ' % number for number in range(known, count))
    return edges, ids
