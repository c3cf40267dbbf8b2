"""The spacy export's file is the DocBin spaCy's own API makes of the same documents.

The export builds the DocBin's fields from our tokens without making spaCy Docs, and its
workers compress their chunks apart (annotator.io.docbin_bytes). The reference here is
made the way a spaCy user would: each text through the tokenizer the written config names
(``annotator.arabic_tokenizer.v1`` with its forms), each span by ``doc.char_span``, the
outermost in ``doc.ents``, all in ``doc.spans["sc"]``, the id and title in ``user_data``,
added to ``DocBin``. Both files decompress to the same bytes, and spaCy reads the same Docs.
"""

from __future__ import annotations

import random
import zlib

import pytest

from annotator.core.model import Document, Span
from annotator.io.docbin_bytes import adler32_combine
from annotator.io.exporting import export_project, selected_records
from annotator.storage import Project

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin  # noqa: E402

from annotator.io.spacy_tokenizer import ArabicSpacyTokenizer  # noqa: E402

# Clitics, CRLF, a double space, a tab, NBSP, leading and trailing whitespace, emoji (one
# with a skin tone: two code points), diacritics, a zero-width non-joiner inside a word,
# Latin words whose norm differs from their text, digits; a document with no span; and one
# made only of words and single spaces (built chunk by chunk) with nested spans and CRLF.
TEXTS = [
    "وقعت روسيا وكوريا الشمالية اتفاقية دفاع مشترك.\r\nوأرسلت بيونغ يانغ 1500 جندي إلى روسيا؟",
    "  قصفت القوات\tمدينة  خاركيف 🚀 بالصواريخ ليلاً\u00a0وأصابت 👍🏽 مُدُنًا أخرى\n",
    "قال Vladimir PUTIN إن الكرملين لم يعلن عن خسائر في بيل\u200cغورود وكزيمبراغ",
    "لا شيء هنا",
    "أعلنت كييف أن الهجوم.\r\nعلى مدينة خاركيف 🚀 وقع فجراً، وأن روسيا أطلقت 12 صاروخاً",
]


def marks(text: str) -> list[tuple[str, str, int]]:
    """(text, label, occurrence) of the spans of a text: nested, overlapping, crossing a
    line break, cut inside a word (left out), after a clitic (learnt as a form)."""
    return {
        0: [
            ("روسيا", "actor", 0),
            ("كوريا الشمالية", "actor", 0),
            ("وأرسلت بيونغ يانغ 1500 جندي", "event", 0),
            ("بيونغ يانغ", "actor", 0),
            ("1500", "number", 0),
            ("يانغ 1500", "number", 0),  # overlaps both: in doc.spans only
            ("مشتر", "event", 0),  # inside a word
            ("مشترك.\r\nوأرسلت", "event", 0),  # across the line break
            ("روسيا", "actor", 1),
        ],
        1: [
            ("قصفت القوات\tمدينة  خاركيف", "event", 0),
            ("خاركيف", "actor", 0),
            ("🚀", "weapon", 0),
            ("👍🏽", "weapon", 0),
            ("مُدُنًا", "actor", 0),
        ],
        2: [
            ("Vladimir PUTIN", "actor", 0),
            ("PUTIN", "actor", 0),
            ("بيل\u200cغورود", "actor", 0),
            ("كزيمبراغ", "actor", 0),  # after a clitic no word list knows
        ],
        3: [],
        4: [
            ("الهجوم.\r\nعلى مدينة خاركيف", "event", 0),
            ("مدينة خاركيف", "actor", 0),
            ("خاركيف", "actor", 0),
            ("🚀", "weapon", 0),
            ("روسيا", "actor", 0),
            ("أطلقت 12 صاروخاً", "event", 0),
            ("12", "number", 0),
        ],
    }[TEXTS.index(text)]


def fixture_records() -> list[tuple[Document, list[Span]]]:
    records = []
    for number, text in enumerate(TEXTS):
        spans = []
        for needle, label, occurrence in marks(text):
            start = -1
            for _ in range(occurrence + 1):
                start = text.index(needle, start + 1)
            spans.append(Span(start, start + len(needle), label))
        records.append((Document(f"مستند {number} 🙂", text), spans))
    return records


def fixture_project() -> Project:
    project = Project.in_memory()
    project.import_documents(fixture_records())
    return project


def outermost(spans: list) -> list:
    """The spans doc.ents holds: none overlapping, the earliest first, then the longest."""
    kept: list = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def reference_docbin(project: Project, forms: list[str]) -> bytes:
    """The DocBin built through spaCy's API, tokenized as the config says."""
    nlp = spacy.blank("ar")
    tokenizer = ArabicSpacyTokenizer(nlp.vocab, forms)
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
    for document, spans in selected_records(project):
        doc = tokenizer(document.text)
        made = [doc.char_span(s.start, s.end, label=s.label) for s in spans]
        kept = [span for span in made if span is not None]
        doc.spans["sc"] = kept
        doc.ents = outermost(kept)
        doc.user_data["id"] = document.id
        doc.user_data["title"] = document.title
        docbin.add(doc)
    return docbin.to_bytes()


def read(data: bytes) -> list[tuple[object, ...]]:
    """What spaCy reads back: every token with its whitespace and entity tag, the
    entities, the span groups, the user data."""
    docs = DocBin().from_bytes(data).get_docs(spacy.blank("ar").vocab)
    return [
        (
            doc.text,
            [(t.text, t.whitespace_, t.ent_iob_, t.ent_type_, t.norm_) for t in doc],
            [(e.start, e.end, e.label_, e.text) for e in doc.ents],
            {
                key: [(s.start, s.end, s.label_, s.start_char, s.end_char) for s in group]
                for key, group in doc.spans.items()
            },
            dict(doc.user_data),
        )
        for doc in docs
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_the_export_is_the_docbin_spacys_api_builds(tmp_path, workers):
    project = fixture_project()
    out = tmp_path / "data.spacy"
    report = export_project(project, out, fmt="spacy", workers=workers)
    config = spacy.util.load_config(tmp_path / "config.cfg")
    forms = config["nlp"]["tokenizer"]["forms"]
    assert "كزيمبراغ" in forms
    theirs = reference_docbin(project, forms)
    ours = out.read_bytes()
    assert zlib.decompress(ours) == zlib.decompress(theirs)
    docs = read(ours)
    assert docs == read(theirs)
    # What the reference holds is what the fixture asks for (the comparison is not empty).
    assert [doc[0] for doc in docs] == TEXTS
    first = docs[0]
    assert ("1500", " ", "B", "number", "1500") in first[1]
    assert ("\r\n", "", "I", "event", "\r\n") in first[1]  # inside the span across it
    assert len(first[3]["sc"]) == 8 and len(first[2]) == 6  # the cut one left out
    assert report.spans_written == 8 + 5 + 4 + 7
    assert [d[4] for d in docs] == [{"id": n + 1, "title": f"مستند {n} 🙂"} for n in range(5)]
    assert ("PUTIN", " ", "I", "actor", "putin") in docs[2][1]
    assert docs[1][1][0] == ("  ", "", "O", "", "  ") and docs[3][2] == []
    assert len(docs[4][3]["sc"]) == 7 and len(docs[4][2]) == 4


def test_adler32_of_two_byte_strings_is_combined_from_theirs():
    generator = random.Random(7)
    whole = bytes(generator.randrange(256) for _ in range(200_000))
    for cut in (0, 1, 65_520, 65_521, 65_522, 131_100, 199_999, 200_000):
        first, second = whole[:cut], whole[cut:]
        combined = adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second))
        assert combined == zlib.adler32(whole)


def test_a_cancelled_export_stops_its_workers_and_leaves_nothing(tmp_path):
    import multiprocessing

    project = fixture_project()

    def cancel(count: int) -> None:
        if count == 3:  # the workers started at the first document
            raise KeyboardInterrupt

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(KeyboardInterrupt):
        export_project(project, out / "data.spacy", fmt="spacy", workers=2, progress=cancel)
    assert list(out.iterdir()) == []
    assert multiprocessing.active_children() == []
