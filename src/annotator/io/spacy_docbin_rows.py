"""The DocBin fields of our documents, made from our tokens without making spaCy Docs.

What ``DocBin.add`` records of a Doc the spacy export builds (``Doc(vocab, words,
spaces)``, its spans in ``doc.spans["sc"]``, the outermost in ``doc.ents``, the document's
id and title in ``doc.user_data``) is made here from the tokens and spans directly:
each token's row of ``ORTH``, ``ENT_IOB``, ``ENT_TYPE`` (the hashes the vocab gives its
text and its entity's label: the lexeme is the vocab's, so its hash and norm are spaCy's
own), its space, the span group as ``SpanGroups.to_bytes`` writes it, the user data, and
the strings ``add`` keeps (each token's text and norm, the labels, and the empty string of
the attributes our Docs leave unset). Making the Docs, and reading them again in
``add``, was 1.7 ms a document: most of a large export.
tests/io_formats/test_spacy_docbin_bytes.py compares the file with the DocBin of Docs
built by spaCy's own API, decompressed, byte for byte.

Imported only where spaCy is (the ``interop`` extra).
"""

from __future__ import annotations

import struct
from bisect import bisect_left
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, ORTH
from srsly.msgpack import Packer

from annotator.io.docbin_bytes import DocBinChunk, deflated
from annotator.io.report import outermost

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
    """Each text's hash in the vocab (its lexeme made there, as ``Doc`` makes it), and
    ``norms[text]``, the lexeme's norm (a string ``DocBin.add`` keeps too)."""

    def __init__(self, vocab: Vocab):
        super().__init__()
        self.vocab = vocab
        self.norms: dict[str, str] = {}

    def __missing__(self, text: str) -> int:
        lexeme = self.vocab[text]
        self.norms[text] = lexeme.norm_
        found: int = lexeme.orth
        self[text] = found
        return found


class DocBinRows:
    """Builds the DocBin fields of chunks of records, with one vocab (one process's)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.hashes = _Hashes(vocab)
        self.labels = _Hashes(vocab)
        self.packer = Packer(use_bin_type=True)
        self.longest = 1  # the longest span, in tokens (at least 1)

    def chunk(
        self, records: list[tuple[Document, list[Span]]], context: ExportContext
    ) -> DocBinChunk:
        """The fields of the records' Docs, compressed for ``docbin_bytes``."""
        pack = self.packer.pack
        hashes = self.hashes
        words: list[str] = []
        spaces: list[bool] = []
        lengths: list[int] = []
        span_groups: list[bytes] = []
        user_data: list[bytes] = []
        labels: set[str] = set()
        # Entities: their first token (counted from the chunk's first), length, label hash.
        entity_firsts: list[int] = []
        entity_lengths: list[int] = []
        entity_labels: list[int] = []
        for document, spans in records:
            offset = len(words)
            doc_words, doc_spaces, group, entities, its_labels = self._document(
                document, spans, context
            )
            words += doc_words
            spaces += doc_spaces
            lengths.append(len(doc_words))
            span_groups.append(pack(group))
            user_data.append(pack(pack({"id": document.id, "title": document.title})))
            labels |= its_labels
            for first, after, label in entities:
                entity_firsts.append(offset + first)
                entity_lengths.append(after - first)
                entity_labels.append(self.labels[label])
        rows = numpy.zeros((len(words), len(ATTRS)), dtype=numpy.uint64)
        rows[:, 0] = numpy.fromiter(map(hashes.__getitem__, words), numpy.uint64, len(words))
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
        texts = set(words)
        strings = texts | set(map(hashes.norms.__getitem__, texts))
        if words:
            strings.add("")  # the tag, lemma, morph, dependency ... a token of ours has not
        return DocBinChunk(
            ATTRS,
            len(records),
            numpy.asarray(lengths, dtype=numpy.int32).tobytes(),
            deflated(rows.tobytes()),
            deflated(bytes(spaces)),
            deflated(b"".join(span_groups)),
            deflated(b"".join(user_data)),
            strings | labels,
        )

    def _document(
        self, document: Document, spans: list[Span], context: ExportContext
    ) -> tuple[list[str], list[bool], bytes, list[tuple[int, int, str]], set[str]]:
        """A document's tokens, spaces, span groups (as ``SpanGroups.to_bytes``),
        entities (first token, last + 1, label) and the labels of its spans, reported as
        the export reports them."""
        tokenized, aligned = context.aligned(document, spans)
        starts, ends, spaces, words = tokenized.with_whitespace()
        kept, overlapping = outermost(aligned)
        flat = {id(item) for item in kept}
        word_starts = tokenized.starts
        label_hash = self.labels
        group: list[bytes] = []
        entities: list[tuple[int, int, str]] = []
        longest = self.longest
        inserted = len(starts) != len(tokenized)  # whitespace tokens: indexes shift
        for item in aligned:
            first, last = item.first, item.last
            if inserted:
                first = bisect_left(starts, word_starts[first])
                last = bisect_left(starts, word_starts[last])
            label = item.span.label
            group.append(
                _SPAN.pack(0, 0, label_hash[label], first, last + 1, starts[first], ends[last])
            )
            longest = max(longest, last + 1 - first)
            if id(item) in flat:
                entities.append((first, last + 1, label))
        self.longest = longest
        entities.sort()
        pack = self.packer.pack
        span_group = pack({"name": SPAN_KEY, "attrs": {}, "spans": group})
        report = context.report
        if overlapping:
            report.not_held["overlapping span(s) in doc.spans only, not in doc.ents"] += len(
                overlapping
            )
        report.spans_written += len(group)
        values = sum(item.span.value is not None for item in aligned)
        if values:
            report.not_held["span value(s) not written (spaCy spans have no value)"] += values
        labels = {item.span.label for item in aligned}
        return words, spaces, pack({span_group: [SPAN_KEY]}), entities, labels
