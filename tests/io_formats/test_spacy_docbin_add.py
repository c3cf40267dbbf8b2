"""QuickDocBin (annotator.io.spacy_docbin_add) holds what spaCy's own DocBin.add holds, every
field, for the Docs of our exports (nested spans, whitespace tokens, CRLF, emoji) and for Docs
carrying every string a token or span can have (tags, lemmas, morphs, entity ids)."""

from __future__ import annotations

import pickle

import numpy
import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc, DocBin, Span  # noqa: E402

from annotator.io.spacy_docbin import DOCBIN_ATTRS  # noqa: E402
from annotator.io.spacy_docbin_add import QuickDocBin  # noqa: E402


def plain_docs(vocab) -> list[Doc]:
    """Docs as the export builds them: words, whitespace tokens, spans, ents, user data."""
    crlf = Doc(
        vocab,
        words=["قصفت", "القوات", "\r\n", "مدينة", "خاركيف", "🙂", "  ", "ليلا"],
        spaces=[True, False, False, True, True, False, False, False],
    )
    event, actor = Span(crlf, 0, 5, label="event"), Span(crlf, 4, 5, label="actor")
    crlf.spans["sc"] = [event, actor, Span(crlf, 5, 6, label="emoji 🙂")]
    crlf.set_ents([event], default="outside")
    crlf.user_data["id"], crlf.user_data["title"] = 2, "قصف خاركيف"
    empty = Doc(vocab, words=[])
    empty.user_data["id"], empty.user_data["title"] = 3, ""
    return [crlf, empty]


def rich_docs(vocab) -> list[Doc]:
    """A Doc with every per-token and per-span string DocBin.add keeps, each only here."""
    doc = Doc(
        vocab,
        words=["Vladimir", "Putin", "visited", "Pyongyang", "."],
        tags=["NNP", "NNP", "VBD", "NNP", "."],
        lemmas=["vladimir", "putin", "visit", "pyongyang", "."],
        morphs=["Number=Sing", "Number=Sing", "Tense=Past|VerbForm=Fin", "Number=Sing", ""],
        heads=[1, 2, 2, 2, 2],
        deps=["compound", "nsubj", "ROOT", "obj", "punct"],
    )
    doc[2].norm_ = "visit-norm"
    doc.set_ents([Span(doc, 0, 2, label="PERSON", kb_id="Q7747", span_id="putin-id")])
    doc.spans["people"] = [Span(doc, 0, 2, label="HEAD", kb_id="Q-span", span_id="span-id")]
    doc.cats = {"politics": 1.0}
    return [doc]


def fields(docbin: DocBin) -> dict[str, object]:
    """Every attribute of the DocBin, its arrays as lists (so that == compares them)."""
    return {
        name: [a.tolist() if isinstance(a, numpy.ndarray) else a for a in value]
        if isinstance(value, list)
        else value
        for name, value in vars(docbin).items()
    }


@pytest.mark.parametrize("make", [plain_docs, rich_docs], ids=["export", "every-string"])
@pytest.mark.parametrize("attrs", [DOCBIN_ATTRS, None], ids=["export-attrs", "all-attrs"])
def test_quick_docbin_holds_what_spacy_docbin_holds(make, attrs):
    vocab = spacy.blank("ar").vocab
    docs = make(vocab)
    options = (
        {"store_user_data": True} if attrs is None else {"attrs": attrs, "store_user_data": True}
    )
    theirs, ours = DocBin(**options), QuickDocBin(**options)
    for doc in docs:
        theirs.add(doc)
        ours.add(doc)
    assert set(vars(ours)) == set(vars(theirs))  # a field spaCy adds later is compared too
    assert fields(ours) == fields(theirs)
    # As an export's worker sends it to the process that merges the DocBins.
    assert fields(pickle.loads(pickle.dumps(ours))) == fields(theirs)
    assert ours.strings == theirs.strings and len(ours.strings) > 1
    assert [a.dtype for a in ours.tokens + ours.spaces] == [
        a.dtype for a in theirs.tokens + theirs.spaces
    ]
    data = ours.to_bytes()
    assert data == theirs.to_bytes()
    # Read back into vocabs that know none of the strings: the same Docs, strings included
    # (a string missing from the DocBin would raise here), and for all attributes the Docs added.
    ours_back = list(DocBin().from_bytes(data).get_docs(spacy.blank("ar").vocab))
    theirs_back = list(DocBin().from_bytes(theirs.to_bytes()).get_docs(spacy.blank("ar").vocab))
    assert [read(d) for d in ours_back] == [read(d) for d in theirs_back]
    if attrs is None:
        assert [read(d) for d in ours_back] == [read(d) for d in docs]


def read(doc: Doc) -> tuple[object, ...]:
    """What a reader of the Doc sees: its JSON, every token's strings, spans and user data."""
    tokens = [
        (
            t.text,
            t.tag_,
            t.lemma_,
            t.norm_,
            str(t.morph),
            t.dep_,
            t.ent_type_,
            t.ent_kb_id_,
            t.ent_id_,
        )
        for t in doc
    ]
    spans = {
        key: [(s.start, s.end, s.label_, s.kb_id_, s.id_) for s in group]
        for key, group in doc.spans.items()
    }
    return doc.to_json(), tokens, spans, doc.user_data
