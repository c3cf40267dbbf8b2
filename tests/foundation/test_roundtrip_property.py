"""Whatever the text holds, offsets survive store -> export -> import unchanged."""

import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.edits import AddSpan
from annotator.core.model import Document, Span
from annotator.io.exporting import export_project
from annotator.io.importing import import_paths
from annotator.storage import Project, open_project

PIECES = st.sampled_from(
    [
        "روسيا",
        "وكوريا",
        "الشمالية",
        "بالطائرات",  # Arabic words, with clitics
        "\u064e",
        "\u0651",
        "\u0650",  # diacritics
        "\u0640",  # tatweel
        "١٥٠٠",
        "٣٠٠",  # Arabic-Indic digits
        "NATO",
        "152",  # Latin, ASCII digits
        "😀",
        "🇸🇾",  # emoji outside the BMP (two UTF-16 units each)
        "\u00a0",
        "\u200c",
        "\u200e",
        "\u200f",  # NBSP, ZWNJ, LRM, RLM
        "\r\n",
        "\n",
        "\r",
        " ",
    ]
)
TEXTS = st.lists(PIECES, min_size=1, max_size=40).map("".join).filter(str.strip)


@st.composite
def documents_with_spans(draw):
    text = draw(TEXTS)
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        label = draw(st.sampled_from(["actor", "weapon", "number", "event"]))
        spans.append(Span(start, end, label))
    unique = {span.key(): span for span in spans}
    return text, list(unique.values())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(documents_with_spans(), st.sampled_from(["native", "doccano", "prodigy"]))
def test_store_export_import_keeps_every_span_on_the_same_characters(tmp_path, doc, fmt):
    text, spans = doc
    expected = sorted((s.start, s.end, s.label, text[s.start : s.end]) for s in spans)

    stored = Project.in_memory()
    stored.import_documents([(Document("t", text), spans)])
    [(stored_doc, stored_spans)] = list(stored.iter_documents())
    assert stored_doc.text == text
    assert (
        sorted((s.start, s.end, s.label, text[s.start : s.end]) for s in stored_spans) == expected
    )

    buffer = io.StringIO()
    export_project(stored, buffer, fmt=fmt)
    path = tmp_path / f"export-{fmt}.jsonl"
    path.write_bytes(buffer.getvalue().encode("utf-8"))

    again = Project.in_memory()
    # Our files count code points; said so, since these spans are arbitrary enough to look
    # like an editor's UTF-16 offsets (mid-word in code points, on word edges in UTF-16).
    import_paths(again, [path], fmt="jsonl" if fmt == "native" else fmt, offsets="codepoints")
    [(doc_again, spans_again)] = list(again.iter_documents())
    assert doc_again.text == text
    assert (
        sorted((s.start, s.end, s.label, doc_again.text[s.start : s.end]) for s in spans_again)
        == expected
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(documents_with_spans(), min_size=1, max_size=4, unique_by=lambda doc: doc[0]),
    st.sampled_from(["native", "doccano", "prodigy"]),
)
def test_text_files_edits_project_files_and_export_files_keep_every_span(docs, fmt):
    """The user's whole path: text files in, spans added as the window adds them, the
    project closed and reopened, exported to a file and imported into a new project."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        paths = []
        for number, (text, _) in enumerate(docs):
            paths.append(folder / f"{number:02}.txt")
            paths[-1].write_bytes(text.encode("utf-8"))  # CR, LF and CRLF as they are
        with open_project(folder / "first.annotator") as project:
            import_paths(project, paths)
            for doc_id, (text, spans) in zip(project.document_ids(), docs, strict=True):
                assert project.get_document(doc_id).text == text
                for span in spans:
                    project.apply(AddSpan(doc_id, span.start, span.end, span.label))
        expected = [
            (text, sorted((s.start, s.end, s.label, text[s.start : s.end]) for s in spans))
            for text, spans in docs
        ]

        exported = folder / f"export-{fmt}.jsonl"
        with open_project(folder / "first.annotator") as reopened:
            assert _contents(reopened) == expected
            export_project(reopened, exported, fmt=fmt)
        for line, (text, _) in zip(exported.read_text("utf-8").splitlines(), docs, strict=True):
            record = json.loads(line)
            assert record["text"] == text
            for span in record.get("spans", []):
                assert (
                    span.get("text", text[span["start"] : span["end"]])
                    == (text[span["start"] : span["end"]])
                )

        with open_project(folder / "second.annotator") as again:
            import_paths(
                again, [exported], fmt="jsonl" if fmt == "native" else fmt, offsets="codepoints"
            )
            assert _contents(again) == expected


def _contents(project):
    return [
        (doc.text, sorted((s.start, s.end, s.label, doc.text[s.start : s.end]) for s in spans))
        for doc, spans in project.iter_documents()
    ]
