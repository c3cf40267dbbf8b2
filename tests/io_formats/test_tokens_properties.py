"""Token offsets the exports rely on, over any text: same as the Arabic tokenizer, text kept."""

from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.arabic.tokens import tokenize
from annotator.core.model import Document, Span
from annotator.io.exporting import export_project
from annotator.io.importing import import_paths
from annotator.io.spacy_docbin import words_and_spaces
from annotator.io.tokens import TokenizedText, default_tokenize
from annotator.storage import Project

PIECES = ["و", "كوريا", "الشمالية", "بال", "صواريخ", "1,500", "٣", ".", "؟", "،", "«", '"', "\\"]
SPACES = [" ", "  ", "\n", "\r\n", "\t", "\u2029", ""]
texts = st.lists(st.sampled_from(PIECES + SPACES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_cached_tokenizer_gives_the_arabic_tokenizer_offsets(text):
    expected = [(token.start, token.end) for token in tokenize(text)]
    tokenizer = default_tokenize()
    assert tokenizer(text) == expected
    assert tokenizer(text) == expected  # from the cache this time
    words = TokenizedText.of(text, tokenizer).words()
    assert words == [text[start:end] for start, end in expected]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_spacy_words_and_spaces_rebuild_the_text_exactly(text):
    words, spaces = words_and_spaces(TokenizedText.of(text, default_tokenize()))
    assert (
        "".join(word + (" " if space else "") for word, space in zip(words, spaces, strict=True))
        == text
    )
    assert all(word for word in words)


@st.composite
def spaced_documents(draw):
    """Token-aligned, non-nested spans over tokens joined by single spaces (lines by \\n)."""
    words = draw(st.lists(st.sampled_from(["روسيا", "كوريا", "1500", "جندي", "."]), min_size=1))
    text = ""
    spans = []
    index = 0
    while index < len(words):
        length = draw(st.integers(1, 3))
        chunk = words[index : index + length]
        start = len(text) + (1 if text else 0)
        text = f"{text} {' '.join(chunk)}" if text else " ".join(chunk)
        if "." not in chunk and draw(st.booleans()):
            spans.append(Span(start, len(text), draw(st.sampled_from(["actor", "event"]))))
        index += length
    return text, spans


@settings(max_examples=60, deadline=None)
@given(spaced_documents())
def test_iob2_export_then_import_keeps_token_aligned_spans(tmp_path_factory, document):
    text, spans = document
    project = Project.in_memory()
    project.import_documents([(Document("t", text), spans)])
    out = tmp_path_factory.mktemp("iob2") / "data.conll"
    export_project(project, out, fmt="iob2")
    again = Project.in_memory()
    import_paths(again, [out], fmt="iob2")
    [(document_back, spans_back)] = list(again.iter_documents())
    # Sentences come back one a line: compare with the sentence breaks as line breaks.
    assert document_back.text.replace("\n", " ") == text
    assert [(s.start, s.end, s.label) for s in spans_back] == [
        (s.start, s.end, s.label) for s in spans
    ]


# Every character Python (and so the tokenizer) counts as whitespace, and invisible ones.
WHITESPACE = [chr(c) for c in range(0x3001) if chr(c).isspace()]
OTHER = ["روسيا", "وكوريا", "1500", ".", "\u200e", "\u200b", "\u00ad"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WHITESPACE + OTHER), max_size=25).map("".join))
def test_prodigy_tokens_joined_with_their_ws_give_the_text_exactly(text):
    project = Project.in_memory()
    if not text.strip():
        return  # an empty text is not a document
    project.import_documents([(Document("t", text), [])])
    stream = io.StringIO()
    export_project(project, stream, fmt="prodigy")
    task = json.loads(stream.getvalue())
    tokens = task["tokens"]
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in tokens) == task["text"] == text
    assert [t["id"] for t in tokens] == list(range(len(tokens)))
    for token in tokens:
        assert token["text"] and text[token["start"] : token["end"]] == token["text"]
        if not token["text"].strip():
            assert token["ws"] is False  # a whitespace token, as spaCy makes it


# Words that JSON escapes (quote, backslash, control characters) or that a %-format reads
# (a%b: one token holding a % sign).
ESCAPED = ["%", "%d", "%%s", "a%b", '"', "\\", "\x01", "\t", "\u2028", "كوريا%", "و"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ESCAPED + [" ", "\n"]), min_size=1, max_size=20).map("".join))
def test_prodigy_and_hf_lines_are_exactly_what_json_dumps_writes(tmp_path_factory, text):
    if not text.strip():
        return  # an empty text is not a document
    project = Project.in_memory()
    project.import_documents([(Document("t", text), [])])
    # The same words twice: the second document's come from what the export remembered.
    project.import_documents([(Document("t2", f"{text} {text}"), [])])
    stream = io.StringIO()
    export_project(project, stream, fmt="prodigy")
    lines = stream.getvalue().split("\n")  # (not splitlines: U+2028 is written as it is)
    assert lines.pop() == "" and len(lines) == 2
    for line in lines:
        assert line == json.dumps(json.loads(line), ensure_ascii=False)
        task = json.loads(line)
        for token in task["tokens"]:  # each token's text as it stands in the text
            assert task["text"][token["start"] : token["end"]] == token["text"]
    folder = tmp_path_factory.mktemp("hf") / "out"
    export_project(project, folder, fmt="hf")
    data = folder / "data" / "data.jsonl"  # none when no document has a token
    rows = data.read_text(encoding="utf-8").split("\n")[:-1] if data.exists() else []
    for row in rows:
        assert row == json.dumps(json.loads(row), ensure_ascii=False)


@st.composite
def texts_with_token_spans(draw):
    """A text of words, marks and any whitespace, with spans over runs of its tokens."""
    text = draw(st.lists(st.sampled_from(PIECES + SPACES), min_size=1, max_size=30).map("".join))
    offsets = tokenize(text)
    spans = set()
    for _ in range(draw(st.integers(0, 4)) if offsets else 0):
        first = draw(st.integers(0, len(offsets) - 1))
        last = draw(st.integers(first, min(first + 2, len(offsets) - 1)))
        spans.add((offsets[first].start, offsets[last].end))
    return text, sorted(spans)


@settings(max_examples=300, deadline=None)
@given(texts_with_token_spans())
def test_prodigy_span_token_indexes_name_the_tokens_at_its_edges(document):
    text, places = document
    if not text.strip():
        return  # an empty text is not a document
    project = Project.in_memory()
    spans = [Span(start, end, "actor") for start, end in places]
    project.import_documents([(Document("t", text), spans)])
    # Twice: the second time, each chunk's tokens come from what the export remembered.
    for _ in range(2):
        stream = io.StringIO()
        export_project(project, stream, fmt="prodigy")
        task = json.loads(stream.getvalue())
        tokens = task["tokens"]
        for span in task["spans"]:
            assert tokens[span["token_start"]]["start"] == span["start"]
            assert tokens[span["token_end"]]["end"] == span["end"]
