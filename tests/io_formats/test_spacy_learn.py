"""The spacy export learns as forms exactly the span texts its tokenizer cuts through, whatever
the text (whitespace of every kind, invisible characters, marks, digits, punctuation)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Document, Span
from annotator.io.report import ExportContext
from annotator.io.spacy_docbin import TrainingSetup
from annotator.io.tokens import TokenizedText, default_tokenize

PIECES = ["و", "كوريا", "بال", "صواريخ", "1,500", "٣", "²", "ab", ".", "؟", "«", "\u064e", "ـ"]
INVISIBLE = ["\u200c", "\u200d", "\u200f", "\ufeff"]
SPACES = [" ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u2029", "\x1c", ""]
texts = st.lists(st.sampled_from(PIECES + INVISIBLE + SPACES), min_size=1, max_size=20).map("".join)


@st.composite
def documents(draw):
    text = draw(texts.filter(bool))
    edges = st.integers(0, len(text))
    pairs = draw(st.lists(st.tuples(edges, edges), max_size=12))
    return text, sorted({(min(a, b), max(a, b)) for a, b in pairs if a != b})


@settings(max_examples=400, deadline=None)
@given(documents())
def test_the_forms_learnt_are_the_span_texts_cut_inside_a_token(document):
    text, places = document
    setup = TrainingSetup(ExportContext("spacy"))
    setup.learn(Document("t", text), [Span(start, end, "actor") for start, end in places])
    whole = TokenizedText.of(text, default_tokenize())
    cut = {
        " ".join(text[start:end].split())
        for start, end in places
        if whole.token_range(start, end) is None
    }
    assert setup.forms == cut
