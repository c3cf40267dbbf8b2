"""The DocBin fields of our documents, made from our tokens without making spaCy Docs.

What ``DocBin.add`` records of a Doc the spacy export builds (``Doc(vocab, words,
spaces)``, its spans in ``doc.spans["sc"]``, the outermost in ``doc.ents``, the document's
id and title in ``doc.user_data``) is made here from the tokens and spans directly:
each token's row of ``ORTH``, ``ENT_IOB``, ``ENT_TYPE`` (the hashes the vocab gives its
text and its entity's label: the lexeme is the vocab's, so its hash and norm are spaCy's
own), its space, the span group as ``SpanGroups.to_bytes`` writes it, the user data, and
the strings ``add`` keeps (each token's text and norm, the labels, and the empty string of
the attributes our Docs leave unset). Making the Docs, and reading them again in
``add``, was 1.7 ms a document, most of a large export; this is 0.3 ms (0.17 of it for
a text made of regular chunks, which is nearly every one: see ``_by_chunks``).
tests/io_formats/test_spacy_docbin_bytes.py compares the file with the DocBin of Docs
built by spaCy's own API, decompressed, byte for byte.

Imported only where spaCy is (the ``interop`` extra).
"""

from __future__ import annotations

import struct
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import itemgetter
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, NORM, ORTH
from srsly.msgpack import Packer

from annotator.io.docbin_bytes import DocBinChunk, deflated
from annotator.io.report import AlignedSpan, outermost
from annotator.io.tokens import ArabicTokenizer

if TYPE_CHECKING:
    from spacy.vocab import Vocab

    from annotator.core.model import Document, Span
    from annotator.io.report import ExportContext

__all__ = ["ATTRS", "SPAN_KEY", "DocBinRows"]

SPAN_KEY = "sc"
# The token attributes the export keeps (DocBin sorts them; ORTH first in any case).
ATTRS = [ORTH, ENT_IOB, ENT_TYPE]
_OUTSIDE, _INSIDE, _BEGIN = 2, 1, 3  # ENT_IOB's values: O, I, B
# A span as SpanGroup.to_bytes packs it: id, KB id, label, start, end, start char, end char.
_SPAN = struct.Struct(">QQQllll")


class _Hashes(dict[str, int]):
    """Each text's hash in the vocab, and ``norms[text]``, its lexeme's norm (a string
    ``DocBin.add`` keeps too), as the lexeme ``Doc`` gets has them."""

    def __init__(self, vocab: Vocab):
        super().__init__()
        self.vocab = vocab
        self.strings = vocab.strings
        self.norm = vocab.lex_attr_getters[NORM]  # type: ignore[attr-defined]  # not in its stub
        self.norms: dict[str, str] = {}

    def __missing__(self, text: str) -> int:
        found: int
        if text in self.vocab:  # a lexeme of its own already (the vocab starts with some)
            lexeme = self.vocab[text]
            self.norms[text] = lexeme.norm_
            found = lexeme.orth
        else:
            # What the vocab would make the lexeme of: the text's hash in its strings, the
            # norm its norm getter gives; without the lexeme's other attributes (shape,
            # prefix, flags ...: 15 us a text, which a DocBin does not keep).
            found = self.strings.add(text)
            self.norms[text] = self.norm(text)
        self[text] = found
        return found


# A regular chunk's (a text cut at single spaces whose tokens end where it ends: see
# ArabicTokenizer.whitespace_tokens): its tokens' ORTH hashes (uint64 bytes) and spaces (the
# last one's 1), its length with the space after it and its token count in one int
# (``size << _COUNT_BITS | count``: one running sum over a text's chunks gives where each
# starts and its first token), where its words start and end, each word's token (gaps are
# tokens too) and its token texts.
ChunkRow = tuple[
    bytes, bytes, int, tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[str, ...]
]
_MAX_CHUNK_ROWS = 200_000  # the distinct chunks of a large corpus; past it, made each time
_COUNT_BITS = 32
_COUNT_MASK = (1 << _COUNT_BITS) - 1
_ORTHS = itemgetter(0)
_SPACES = itemgetter(1)
_PLACE = itemgetter(2)


class _ChunkRows(dict[str, ChunkRow | None]):
    """``rows[chunk]``: a chunk's ``ChunkRow`` (None when it is not regular), made once per
    distinct chunk from the tokenizer; ``fresh``, the regular chunks made since it was
    last emptied, with their token texts."""

    def __init__(self, tokenizer: ArabicTokenizer, hashes: _Hashes):
        super().__init__()
        self.tokenizer = tokenizer
        self.hashes = hashes
        self.fresh: list[tuple[str, tuple[str, ...]]] = []

    def __missing__(self, chunk: str) -> ChunkRow | None:
        tokens = self.tokenizer.whitespace_tokens(chunk)
        made = None if tokens is None else self._made(*tokens)
        if len(self) < _MAX_CHUNK_ROWS:
            self[chunk] = made
        if made is not None:
            self.fresh.append((chunk, made[6]))
        return made

    def forget_fresh_since(self, mark: int) -> None:
        """Forget the chunks made since ``fresh`` held ``mark`` of them (a document's that
        was tokenized another way after all): a later document using one makes it again,
        and its texts are the strings of that document's chunk of Docs."""
        for chunk, _ in self.fresh[mark:]:
            self.pop(chunk, None)
        del self.fresh[mark:]

    def _made(
        self, texts: tuple[str, ...], word_starts: tuple[int, ...], word_ends: tuple[int, ...]
    ) -> ChunkRow:
        token_at = {}
        position = 0
        for index, text in enumerate(texts):
            token_at[position] = index
            position += len(text)
        orths = numpy.fromiter(map(self.hashes.__getitem__, texts), numpy.uint64, len(texts))
        return (
            orths.tobytes(),
            bytes(len(texts) - 1) + b"\x01",
            ((position + 1) << _COUNT_BITS) | len(texts),
            word_starts,
            word_ends,
            tuple(map(token_at.__getitem__, word_starts)),
            texts,
        )


# A span as the DocBin holds it: the span with its first and last token (whitespace tokens
# counted), and its first and last character.
Placed = tuple[AlignedSpan, int, int]


class DocBinRows:
    """Builds the DocBin fields of chunks of records, with one vocab (one process's)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.hashes = _Hashes(vocab)
        self.labels = _Hashes(vocab)
        self.packer = Packer(use_bin_type=True)
        self.longest = 1  # the longest span, in tokens (at least 1)
        self._rows: dict[int, _ChunkRows] = {}

    def chunk(
        self, records: list[tuple[Document, list[Span]]], context: ExportContext, part: int = 0
    ) -> DocBinChunk:
        """The fields of the records' Docs, compressed for ``docbin_bytes``; ``part``, the
        DocBin they go into (its chunks are given in order)."""
        pack = self.packer.pack
        # Each Doc's tokens' ORTH hashes and spaces, as pieces (its regular chunks') joined once.
        orths: list[bytes] = []
        spaces: list[bytes] = []
        regular_ends: list[int] = []  # the last token of each Doc made of regular chunks
        lengths: list[int] = []
        span_groups: list[bytes] = []
        user_data: list[bytes] = []
        labels: set[str] = set()
        # The token texts: of documents tokenized the general way, and of the regular chunks
        # this part's earlier Docs did not use (each chunk's texts are the DocBin's strings
        # once, not looked up again for every Doc using it).
        texts: set[str] = set()
        # Entities: their first token (counted from the chunk's first), length, label hash.
        entity_firsts: list[int] = []
        entity_lengths: list[int] = []
        entity_labels: list[int] = []
        offset = 0
        chunk_rows = self._chunk_rows(context.tokenizer(), part)
        for document, spans in records:
            found = None
            if chunk_rows is not None:
                mark = len(chunk_rows.fresh)
                found = _by_chunks(document.text, spans, chunk_rows)
                if found is None:
                    chunk_rows.forget_fresh_since(mark)
            if found is not None:
                chunks, count, placed = found
                orths += map(_ORTHS, chunks)
                spaces += map(_SPACES, chunks)
                regular_ends.append(offset + count - 1)
            else:
                its_orths, its_spaces, count, placed, words = self._general(
                    document, spans, context
                )
                texts.update(words)
                orths.append(its_orths)
                spaces.append(its_spaces)
            lengths.append(count)
            group, entities = self._span_group(placed, context)
            span_groups.append(pack(group))
            user_data.append(pack(pack({"id": document.id, "title": document.title})))
            labels.update(item.span.label for item, _, _ in placed)
            for first, after, label in entities:
                entity_firsts.append(offset + first)
                entity_lengths.append(after - first)
                entity_labels.append(self.labels[label])
            offset += count
        rows = numpy.zeros((offset, len(ATTRS)), dtype=numpy.uint64)
        rows[:, 0] = numpy.frombuffer(b"".join(orths), dtype=numpy.uint64)
        all_spaces = bytearray(b"".join(spaces))
        # A regular chunk's last token has a space after it: but for a Doc's last, nothing.
        numpy.frombuffer(all_spaces, dtype=numpy.uint8)[regular_ends] = 0
        rows[:, 1] = _OUTSIDE
        if entity_firsts:
            # Every entity token's index: each entity's first, repeated, plus 0, 1, ...
            firsts = numpy.asarray(entity_firsts, dtype=numpy.int64)
            sizes = numpy.asarray(entity_lengths, dtype=numpy.int64)
            before = numpy.cumsum(sizes) - sizes  # entity tokens before each entity
            inside = numpy.repeat(firsts - before, sizes) + numpy.arange(sizes.sum())
            rows[inside, 1] = _INSIDE
            rows[firsts, 1] = _BEGIN
            rows[inside, 2] = numpy.repeat(numpy.asarray(entity_labels, numpy.uint64), sizes)
        if chunk_rows is not None:
            for _, its_texts in chunk_rows.fresh:
                texts.update(its_texts)
            chunk_rows.fresh.clear()
        strings = texts | set(map(self.hashes.norms.__getitem__, texts))
        if offset:
            strings.add("")  # the tag, lemma, morph, dependency ... a token of ours has not
        return DocBinChunk(
            ATTRS,
            len(records),
            numpy.asarray(lengths, dtype=numpy.int32).tobytes(),
            deflated(rows.tobytes()),
            deflated(bytes(all_spaces)),
            deflated(b"".join(span_groups)),
            deflated(b"".join(user_data)),
            strings | labels,
        )

    def _chunk_rows(self, tokenizer: object, part: int) -> _ChunkRows | None:
        """The chunks' rows made with ``tokenizer`` for the part's Docs (a part's own: they
        know which chunks its Docs used); None for a tokenizer that does not tell a chunk's
        tokens (not ours)."""
        rows = self._rows.get(part)
        if rows is None or rows.tokenizer is not tokenizer:
            if not isinstance(tokenizer, ArabicTokenizer):
                return None
            rows = self._rows[part] = _ChunkRows(tokenizer, self.hashes)
        return rows

    def _general(
        self, document: Document, spans: list[Span], context: ExportContext
    ) -> tuple[bytes, bytes, int, list[Placed], list[str]]:
        """A document's ORTH hashes, spaces, token count, spans placed and token texts,
        from ``with_whitespace`` (any text; the misaligned spans noted in the report)."""
        tokenized, aligned = context.aligned(document, spans)
        starts, ends, spaces, words = tokenized.with_whitespace()
        word_starts = tokenized.starts
        inserted = len(starts) != len(tokenized)  # whitespace tokens: indexes shift
        placed: list[Placed] = []
        for item in aligned:
            first, last = item.first, item.last
            if inserted:
                first = bisect_left(starts, word_starts[first])
                last = bisect_left(starts, word_starts[last])
                item = AlignedSpan(item.span, first, last)
            placed.append((item, starts[first], ends[last]))
        orths = numpy.fromiter(map(self.hashes.__getitem__, words), numpy.uint64, len(words))
        return orths.tobytes(), bytes(spaces), len(words), placed, words

    def _span_group(
        self, placed: list[Placed], context: ExportContext
    ) -> tuple[bytes, list[tuple[int, int, str]]]:
        """The document's span groups (as ``SpanGroups.to_bytes``) and entities (first
        token, last + 1, label), reported as the export reports them."""
        kept, overlapping = outermost([item for item, _, _ in placed])
        label_hash = self.labels
        group: list[bytes] = []
        longest = self.longest
        for item, start_char, end_char in placed:
            first, after = item.first, item.last + 1
            group.append(
                _SPAN.pack(0, 0, label_hash[item.span.label], first, after, start_char, end_char)
            )
            longest = max(longest, after - first)
        self.longest = longest
        entities = [(item.first, item.last + 1, item.span.label) for item in kept]
        pack = self.packer.pack
        span_group = pack({"name": SPAN_KEY, "attrs": {}, "spans": group})
        report = context.report
        if overlapping:
            report.not_held["overlapping span(s) in doc.spans only, not in doc.ents"] += len(
                overlapping
            )
        report.spans_written += len(group)
        values = sum(item.span.value is not None for item, _, _ in placed)
        if values:
            report.not_held["span value(s) not written (spaCy spans have no value)"] += values
        return pack({span_group: [SPAN_KEY]}), entities


def _by_chunks(
    text: str, spans: list[Span], chunk_rows: _ChunkRows
) -> tuple[list[ChunkRow], int, list[Placed]] | None:
    """A document's chunks, token count and spans placed, when its text is made of
    regular chunks and all its spans line up with tokens; else None. The tokens are those
    of ``with_whitespace`` (see ``ArabicTokenizer.whitespace_tokens``), found without a
    Python step per token (the last one's space is the chunk's: 1, where the Doc has 0)."""
    found = list(map(chunk_rows.__getitem__, text.split(" ")))
    if not all(found):
        return None
    chunks: list[ChunkRow] = found  # type: ignore[assignment]  # no None: all() above
    places = list(accumulate(map(_PLACE, chunks), initial=0))
    placed: list[Placed] = []
    length = len(text)
    for span in spans:
        start, end = span.start, span.end
        if not 0 <= start < end <= length:
            return None
        chunk = bisect_right(places, (start << _COUNT_BITS) | _COUNT_MASK) - 1
        place = places[chunk]
        held = chunks[chunk]
        edge = start - (place >> _COUNT_BITS)
        if edge not in held[3]:
            return None  # inside a token
        first = (place & _COUNT_MASK) + held[5][held[3].index(edge)]
        chunk = bisect_right(places, ((end - 1) << _COUNT_BITS) | _COUNT_MASK) - 1
        place = places[chunk]
        held = chunks[chunk]
        edge = end - (place >> _COUNT_BITS)
        if edge not in held[4]:
            return None
        last = (place & _COUNT_MASK) + held[5][held[4].index(edge)]
        if last < first:
            return None
        placed.append((AlignedSpan(span, first, last), start, end))
    return chunks, places[-1] & _COUNT_MASK, placed
