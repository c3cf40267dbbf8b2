"""Invisible characters (LRM, bidi controls, zero-width space, soft hyphen, U+001A...) in exports.

They stay in the text and the offsets, but never make a token of their own, so a B- tag always
lands on a word (issue: 47% of the tokens of a real corpus were a bare U+200E).
"""

from __future__ import annotations

import io
import json
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Document, Span
from annotator.io.exporting import export_project
from annotator.io.importing import import_paths
from annotator.io.tokens import INVISIBLE, TokenizedText, default_tokenize, only_invisible
from annotator.storage import Project

# A sample of what real text carries; every one of them is invisible.
MARKS = [
    "\u200e",  # LRM
    "\u200f",  # RLM
    "\u061c",  # ARABIC LETTER MARK
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",  # embeddings, overrides, PDF
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",  # isolates, PDI
    "\u200b",  # zero-width space
    "\u200c",
    "\u200d",  # ZWNJ, ZWJ
    "\u00ad",  # soft hyphen
    "\u2060",  # word joiner
    "\ufeff",  # zero-width no-break space (BOM)
    "\x1a",  # SUB, left by old DOS tools
    "\ufe0f",  # variation selector-16
]
WORDS = ["روسيا", "كوريا", "الشمالية", "وكوريا", "1500", "جندي", "Dell", "٣٠٠٫٥"]
PUNCT = [".", "،", "«", "»", "(", ")"]
SEPARATORS = [" ", " ", " ", "\n", "  ", "\u00a0", "\r\n"]


def test_every_format_and_non_whitespace_control_character_counts_as_invisible():
    missing = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if (
            unicodedata.category(chr(code)) == "Cf"
            or (unicodedata.category(chr(code)) == "Cc" and not chr(code).isspace())
        )
        and not only_invisible(chr(code))
    ]
    assert missing == []
    assert not any(only_invisible(c) for c in " \t\n\r\u00a0\u2029أa1.")
    assert INVISIBLE  # the class other code can reuse


def test_the_reported_lrm_example_tags_the_words_not_the_marks(tmp_path):
    source = tmp_path / "lrm.jsonl"
    record = {
        "text": "\u200eروسيا \u200eتهاجم",
        "spans": [{"start": 0, "end": 6, "label": "actor"}],
    }
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    project = Project.in_memory()
    import_paths(project, [source], fmt="prodigy")
    stream = io.StringIO()
    export_project(project, stream, fmt="iob2")
    lines = [line for line in stream.getvalue().splitlines() if "\t" in line]
    assert lines == ["\u200eروسيا\tB-actor", "\u200eتهاجم\tO"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("قذ\u00adائف", ["قذ\u00adائف"]),  # a soft hyphen does not cut the word
        ("و\u200eكوريا", ["و", "\u200eكوريا"]),  # the clitic is still split off
        ("روسيا\u200bكوريا", ["روسيا", "\u200bكوريا"]),  # a zero-width space separates words
        ("\u202bالجيش\u202c.", ["\u202bالجيش\u202c", "."]),  # PDF closes what precedes it
        ("روسيا \u200e كوريا", ["روسيا", "كوريا"]),  # alone between spaces: between tokens
        ("می\u200cخواهم", ["می\u200cخواهم"]),  # ZWNJ inside a word stays in the word
    ],
)
def test_invisible_characters_join_the_token_they_touch(text, words):
    assert TokenizedText.of(text, default_tokenize()).words() == words


def test_a_span_edge_beside_invisible_characters_lines_up_with_the_word():
    text = "\u200eروسيا\u200f \u200eتهاجم"
    tokens = TokenizedText.of(text, default_tokenize())
    assert tokens.words() == ["\u200eروسيا\u200f", "\u200eتهاجم"]
    for start, end in [(0, 6), (1, 6), (0, 7), (1, 7)]:
        assert tokens.token_range(start, end) == (0, 0)
    assert tokens.token_range(1, 14) == (0, 1)
    assert tokens.token_range(2, 6) is None  # inside the word is still inside


@st.composite
def documents_with_marks(draw):
    """A document of words with token-aligned spans, then invisible characters inserted anywhere.

    Returns the clean text and spans, and the marked text and its spans (each edge that meets
    an inserted character takes it in or leaves it out, at random).
    """
    pieces = draw(
        st.lists(st.tuples(st.sampled_from(WORDS + PUNCT), st.sampled_from(SEPARATORS)), min_size=1)
    )
    text = ""
    spans: list[tuple[int, int, str]] = []
    index = 0
    while index < len(pieces):
        length = draw(st.integers(1, 3))
        chunk = pieces[index : index + length]
        begin = len(text)
        for number, (word, separator) in enumerate(chunk):
            text += word
            if number < len(chunk) - 1:
                text += separator
        if all(word in WORDS and word != "وكوريا" for word, _ in chunk) and draw(st.booleans()):
            spans.append((begin, len(text), draw(st.sampled_from(["actor", "number"]))))
        text += chunk[-1][1]
        index += length
    marks = draw(
        st.lists(
            st.tuples(st.integers(0, len(text)), st.sampled_from(MARKS), st.booleans()),
            max_size=12,
        )
    )
    marked = text
    marked_spans = [list(span) for span in spans]
    for position, mark, take_in in sorted(marks, reverse=True):
        marked = marked[:position] + mark + marked[position:]
        for span in marked_spans:
            if position < span[0] or (position == span[0] and not take_in):
                span[0] += 1
            if position < span[1] or (position == span[1] and take_in):
                span[1] += 1
    return text, spans, marked, [tuple(span) for span in marked_spans]


def _export_all(text: str, spans, tmp_path, name: str) -> dict:
    project = Project.in_memory()
    project.import_documents([(Document("d", text), [Span(s, e, label) for s, e, label in spans])])
    out = {}
    stream = io.StringIO()
    report = export_project(project, stream, fmt="iob2")
    out["iob2"] = [line.split("\t") for line in stream.getvalue().splitlines() if "\t" in line]
    out["iob2_left_out"] = report.count()
    stream = io.StringIO()
    export_project(project, stream, fmt="prodigy")
    out["prodigy"] = json.loads(stream.getvalue())
    export_project(project, tmp_path / f"{name}-hf", fmt="hf")
    out["hf"] = [
        json.loads(line)
        for line in (tmp_path / f"{name}-hf" / "data" / "data.jsonl")
        .read_text("utf-8")
        .splitlines()
    ]
    return out


@settings(max_examples=80, deadline=None)
@given(documents_with_marks())
def test_no_export_writes_a_token_made_only_of_invisible_characters(tmp_path_factory, document):
    text, spans, marked, marked_spans = document
    tmp_path = tmp_path_factory.mktemp("marks")
    clean = _export_all(text, spans, tmp_path, "clean")
    out = _export_all(marked, marked_spans, tmp_path, "marked")
    iob2_tokens = [token for token, _ in out["iob2"]]
    hf_tokens = [token for row in out["hf"] for token in row["tokens"]]
    prodigy_tokens = [token["text"] for token in out["prodigy"]["tokens"]]
    for tokens in (iob2_tokens, hf_tokens, prodigy_tokens):
        assert not [token for token in tokens if only_invisible(token)]
    assert all(not only_invisible(token) for token, tag in out["iob2"] if tag.startswith("B-"))
    # The marks change nothing else: same tags, same tokens once the marks are taken out, and
    # no span more left out. (A zero-width space may cut a word, as it is meant to.)
    if "\u200b" not in marked:
        strip = str.maketrans("", "", "".join(MARKS))
        assert [(t.translate(strip), tag) for t, tag in out["iob2"]] == [
            (t, tag) for t, tag in clean["iob2"]
        ]
        assert out["iob2_left_out"] == clean["iob2_left_out"]
    rebuilt = "".join(t["text"] + (" " if t["ws"] else "") for t in out["prodigy"]["tokens"])
    assert rebuilt == marked


@settings(max_examples=40, deadline=None)
@given(documents_with_marks())
def test_spacy_docs_keep_the_text_and_hold_no_token_of_invisible_characters_only(
    tmp_path_factory, document
):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    _, _, marked, marked_spans = document
    project = Project.in_memory()
    project.import_documents(
        [(Document("d", marked), [Span(s, e, label) for s, e, label in marked_spans])]
    )
    out = tmp_path_factory.mktemp("spacy") / "marks.spacy"
    report = export_project(project, out, fmt="spacy")
    [doc] = list(DocBin().from_disk(out).get_docs(spacy.blank("ar").vocab))
    assert doc.text == marked
    assert not [token.text for token in doc if only_invisible(token.text)]
    assert len(doc.spans["sc"]) + report.count() == len(marked_spans)
