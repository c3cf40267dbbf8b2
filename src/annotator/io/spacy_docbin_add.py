"""A spaCy ``DocBin`` whose ``add`` gathers a Doc's strings from its token arrays.

spaCy's ``DocBin.add`` finds the strings a Doc needs (each token's text, tag,
lemma, norm, morph, dep, entity type, KB id and entity id) in a Python loop that
makes a ``Token`` for every token: half of a large spacy export. The same strings
are the hashes of those attributes in ``Doc.to_array``, looked up once for each
distinct hash. Everything else ``add`` records is recorded the same way, so what
``to_bytes`` writes is what spaCy's own ``add`` would give, byte for byte
(tests/io_formats/test_spacy_docbin_add.py compares every field).

Pickled (sent from an export's worker) as its fields, uncompressed: spaCy pickles a
DocBin as ``to_bytes()``, zlib-compressed in the worker only to be decompressed by the
process that merges it (0.3 + 0.1 CPU s a 1,000 documents).

Imported only where spaCy is (the ``interop`` extra).
"""

from __future__ import annotations

import numpy
import srsly
from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, NORM, ORTH, SPACY, TAG
from spacy.tokens import Doc, DocBin, MorphAnalysis

__all__ = ["QuickDocBin"]

# The token attributes whose strings DocBin.add keeps, as hashes in the vocab's strings;
# besides these, each token's morph, a key its MorphAnalysis turns into the string.
_STRING_ATTRS = [ORTH, TAG, LEMMA, NORM, DEP, ENT_TYPE, ENT_KB_ID, ENT_ID]


class QuickDocBin(DocBin):  # type: ignore[misc]  # spaCy is not type-checked: DocBin is Any
    def add(self, doc: Doc) -> None:
        tokens = doc.to_array(self.attrs).reshape(len(doc), len(self.attrs))
        self.tokens.append(tokens)
        self.spaces.append(numpy.asarray(doc.to_array(SPACY).reshape(-1, 1), dtype=bool))
        self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
        vocab = doc.vocab
        strings = vocab.strings
        found = self.strings
        found.update(strings[key] for key in _distinct(doc.to_array(_STRING_ATTRS)))
        morphs = set(doc.to_array(MORPH).tolist())
        found.update(str(MorphAnalysis.from_id(vocab, key)) for key in morphs)
        self.cats.append(doc.cats)
        if self.store_user_data:
            self.user_data.append(srsly.msgpack_dumps(doc.user_data))
        self.span_groups.append(doc.spans.to_bytes())
        for group in doc.spans.values():
            for span in group:
                found.add(span.label_)
                # As DocBin.add: a span's KB id and id only when the vocab knows them.
                if span.kb_id in strings:
                    found.add(span.kb_id_)
                if span.id in strings:
                    found.add(span.id_)

    def __reduce__(self) -> tuple[object, ...]:
        return _with_fields, (vars(self),)


def _distinct(hashes: numpy.ndarray) -> list[int]:
    """The distinct values of ``hashes``: sorted, each kept where it differs from the one
    before (a quarter of ``numpy.unique``'s time on a Doc's 8 columns of hashes)."""
    ordered = numpy.sort(hashes, axis=None)
    first = numpy.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    values: list[int] = ordered[first].tolist()
    return values


def _with_fields(fields: dict[str, object]) -> QuickDocBin:
    docbin = QuickDocBin.__new__(QuickDocBin)
    docbin.__dict__.update(fields)
    return docbin
