"""Imports read, check and write record by record: same results as reading the file whole,
memory that does not grow with the file, and a file found bad half-way refused whole."""

from __future__ import annotations

import codecs
import json
import tracemalloc

import pytest

from annotator.core.edits import AddSpan
from annotator.core.errors import EditError, InputError, ProjectError
from annotator.core.model import Document, Span
from annotator.io import decoding
from annotator.io.decoding import decode_bytes, iter_lines
from annotator.io.importing import ImportFailed, import_paths
from annotator.storage import Project, bulk_import, open_project

LINES = [
    "وقعت روسيا وكوريا الشمالية\r",
    "اتفاقية 😀 \u2028 بعد\u200c",
    "",
    "x" * 9000 + "ب",  # longer than one read of the stream
    "آخر سطر بلا نهاية",
]
TEXT = "\n".join(LINES)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), None),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), None),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), None),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), None),
        (TEXT.replace("😀", "").encode("cp1256", "ignore"), "cp1256"),
    ],
)
@pytest.mark.parametrize("chunk", [7, 1 << 20])
def test_lines_read_as_a_stream_are_the_lines_of_the_whole_decoded_file(
    tmp_path, monkeypatch, data, encoding, chunk
):
    monkeypatch.setattr(decoding, "LINE_CHUNK", chunk)  # 7: lines and characters cut in reads
    path = tmp_path / "f.jsonl"
    path.write_bytes(data)
    whole = decode_bytes(data, str(path), encoding).split("\n")
    streamed = list(iter_lines(path, encoding))
    assert [number for number, _ in streamed] == list(range(1, len(whole) + 1))
    assert [line.removesuffix("\n") for _, line in streamed] == whole


@pytest.mark.parametrize(
    "data",
    [
        "سطر\n".encode() * 3000 + b"\xff" + b"abc\n",
        "سطر\n".encode() * 3000 + "ب".encode()[:1],  # cut inside a character at the end
        b'{"text": "x"}\n' * 1000 + b"\x00\x01",
        codecs.BOM_UTF8 + "ب".encode() * 5000 + b"\xc3(",
        codecs.BOM_UTF16_LE + "سطر\n".encode("utf-16-le") * 3000 + b"\x00\xd8A\x00",
    ],
)
def test_bytes_that_cannot_be_decoded_are_named_as_decoding_the_whole_file_names_them(
    tmp_path, monkeypatch, data
):
    # Small reads put the bad byte, and characters cut in two, across their boundaries.
    monkeypatch.setattr(decoding, "LINE_CHUNK", 7)
    monkeypatch.setattr(decoding, "CHECK_CHUNK", 7)
    path = tmp_path / "bad.jsonl"
    path.write_bytes(data)
    with pytest.raises(InputError) as whole:
        decode_bytes(data, str(path))
    with pytest.raises(InputError) as streamed:
        list(iter_lines(path))
    assert str(streamed.value) == str(whole.value)


def records(count: int, start: int = 0, **extra) -> str:
    lines = []
    for n in range(start, start + count):
        text = f"خبر رقم {n}: وصلت قوات روسية إلى المدينة"
        spans = [
            {"start": 0, "end": 3, "label": "event"},
            {"start": 14, "end": 18, "label": "actor"},
        ]
        lines.append(json.dumps({"text": text, "spans": spans, **extra}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def test_a_file_found_undecodable_half_way_is_refused_whole_with_its_labels(tmp_path):
    good = tmp_path / "a.jsonl"
    good.write_text(records(5), encoding="utf-8")
    bad = tmp_path / "b.jsonl"
    new_label = records(300, start=100).replace('"actor"', '"ship"')
    bad.write_bytes(new_label.encode("utf-8") + b"\xff\n" + records(3, start=900).encode())
    project = Project.in_memory()
    result = import_paths(project, [good, bad], add_labels=True, skip_invalid=True)
    assert result.report.documents_added == 5 and result.report.spans_added == 10
    assert result.report.labels_added == []
    [problem] = result.skipped
    assert str(problem).startswith(f"{bad}: byte {len(new_label.encode())}: is not valid utf-8")
    assert project.document_count() == 5
    assert "ship" not in project.labels()
    assert project.conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 10
    with pytest.raises(ImportFailed):
        import_paths(Project.in_memory(), [good, bad], add_labels=True)


def test_ids_stay_consecutive_when_batches_hold_texts_already_in_the_project(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk_import, "BATCH_DOCUMENTS", 7)
    project = Project.in_memory()
    first = tmp_path / "first.jsonl"
    first.write_text(records(20), encoding="utf-8")
    import_paths(project, [first])
    # Part of the old file, new documents, then the old file again with more new ones.
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(
        records(10, start=15) + records(1, start=40) + records(30, start=0), encoding="utf-8"
    )
    report = import_paths(project, [mixed]).report
    assert report.documents_added == 11  # 20..24, 40, 25..29
    assert report.duplicate_count == 30  # 15..19, 0..19, and 20..24 a second time
    assert project.document_ids() == list(range(1, 32))
    texts = [document.text for document, _ in project.iter_documents()]
    assert len(set(texts)) == 31
    assert sum(len(spans) for _, spans in project.iter_documents()) == 62


def test_imported_spans_never_take_an_id_a_deleted_span_had(tmp_path):
    project = open_project(tmp_path / "p.annotator")
    project.import_documents([(Document("a", "نص أول هنا"), [Span(0, 2, "actor")])])
    highest = project.spans(1)[0].id
    project.conn.execute("DELETE FROM spans")
    path = tmp_path / "more.jsonl"
    path.write_text(records(3), encoding="utf-8")
    import_paths(project, [path])
    ids = [row[0] for row in project.conn.execute("SELECT id FROM spans ORDER BY id")]
    assert ids == list(range(highest + 1, highest + 7))
    project.close()


def peak_python_memory(tmp_path, documents: int) -> tuple[int, int]:
    """Peak of Python allocations while importing ``documents`` of about 2 KB each."""
    path = tmp_path / f"corpus-{documents}.jsonl"
    filler = " وقعت روسيا وكوريا الشمالية اتفاقية للتعاون العسكري" * 20
    with path.open("w", encoding="utf-8") as handle:
        for n in range(documents):
            spans = [{"start": k * 10, "end": k * 10 + 4, "label": "event"} for k in range(20)]
            handle.write(json.dumps({"text": f"{n}{filler}", "spans": spans}, ensure_ascii=False))
            handle.write("\n")
    with open_project(tmp_path / f"p{documents}.annotator") as project:
        tracemalloc.start()
        try:
            report = import_paths(project, [path]).report
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert report.documents_added == documents
    return peak, path.stat().st_size


def test_import_memory_does_not_grow_with_the_file(tmp_path, monkeypatch):
    # Small batches, so that both files take many of them.
    monkeypatch.setattr(bulk_import, "BATCH_DOCUMENTS", 100)
    small_peak, small_size = peak_python_memory(tmp_path, 500)
    large_peak, large_size = peak_python_memory(tmp_path, 3000)
    assert large_size > 5 * small_size
    # Reading the whole file first (as imports did) took several times its size.
    assert large_peak < large_size / 4
    assert large_peak < small_peak * 1.5


def test_large_texts_are_stored_exactly_and_keep_ids_consecutive(tmp_path, monkeypatch):
    # Texts over LARGE_TEXT characters are buffered as UTF-8 and written on their own.
    monkeypatch.setattr(bulk_import, "LARGE_TEXT", 30)
    monkeypatch.setattr(bulk_import, "BATCH_DOCUMENTS", 4)
    project = open_project(tmp_path / "p.annotator")
    first = tmp_path / "first.jsonl"
    first.write_text(records(6), encoding="utf-8")
    import_paths(project, [first])
    # Texts already stored among new ones, a text repeated within the file, a short one.
    mixed = tmp_path / "mixed.jsonl"
    short = json.dumps({"text": "نص قصير 😀", "spans": [{"start": 0, "end": 2, "label": "actor"}]})
    mixed.write_text(
        records(3, start=4) + short + "\n" + records(2, start=20) + records(2, start=20),
        encoding="utf-8",
    )
    report = import_paths(project, [mixed]).report
    assert (report.documents_added, report.duplicate_count) == (4, 4)
    assert project.document_ids() == list(range(1, 11))
    expected = [f"خبر رقم {n}: وصلت قوات روسية إلى المدينة" for n in (*range(7), 20, 21)]
    expected.insert(7, "نص قصير 😀")
    stored = project.conn.execute("SELECT typeof(text), text, length FROM documents ORDER BY id")
    assert [(kind, text, length) for kind, text, length in stored] == [
        ("text", text, len(text)) for text in expected
    ]
    assert sum(len(spans) for _, spans in project.iter_documents()) == 19
    # Through the Python API too: a large text already stored, then new documents.
    again = [(Document("", text), [Span(0, 3, "event")]) for text in (expected[0], "جديد " * 9)]
    project.import_documents([*again, (Document("", "آخر " * 9), [])])
    assert project.document_ids() == list(range(1, 13))
    assert [spans for _, spans in project.iter_documents()][10][0].start == 0
    project.close()


def test_a_label_removed_under_an_import_refuses_it_whole_and_leaves_foreign_keys_on(tmp_path):
    """A label gone meanwhile (a program that ignored the write lock) refuses the whole
    import, and the edits after an import still cascade."""
    project = open_project(tmp_path / "p.annotator")
    path = tmp_path / "a.jsonl"
    path.write_text(records(50), encoding="utf-8")

    def remove_actor(count: int) -> None:
        if count == 30:  # as a program that bypassed the write lock would
            project.conn.execute("DELETE FROM labels WHERE name = 'actor'")

    with pytest.raises(ProjectError, match="changed by another window.*nothing was changed"):
        import_paths(project, [path], progress=remove_actor)
    assert project.document_count() == 0
    assert "actor" in project.labels()
    report = import_paths(project, [path]).report
    assert (report.documents_added, report.spans_added) == (50, 100)
    assert project.conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    project.conn.execute("DELETE FROM documents WHERE id = 1")  # cascades to its spans
    assert project.conn.execute("SELECT count(*) FROM spans").fetchone() == (98,)
    project.close()


def test_an_edit_asked_of_the_project_while_it_imports_is_refused_and_nothing_imported(tmp_path):
    """The window's import runs on the window's connection (its progress dialog lets events
    through): an edit arriving meanwhile would run inside the import, where references are
    checked only at the end, so it is refused with a message and the import cancelled."""
    project = open_project(tmp_path / "p.annotator")
    project.import_documents([(Document("a", "نص أول هنا"), [])])
    path = tmp_path / "a.jsonl"
    path.write_text(records(20), encoding="utf-8")

    def tag_meanwhile(count: int) -> None:
        if count == 10:
            project.apply(AddSpan(1, 0, 2, "actor"))

    with pytest.raises(EditError, match="an import is running"):
        import_paths(project, [path], progress=tag_meanwhile)
    assert project.document_count() == 1 and project.spans(1) == []
    project.apply(AddSpan(1, 0, 2, "actor"))  # once it is over
    assert len(project.spans(1)) == 1
    project.close()


def _many_spans(name: str, count: int, spans_each: int, annotated: bool) -> tuple[str, list[tuple]]:
    """JSONL of ``count`` records with ``spans_each`` spans (word i of each text), and the
    spans as (document number, start, end, label, annotator, value) in the file's order."""
    lines, expected = [], []
    for n in range(count):
        words = [f"كلمة{i}" for i in range(spans_each)]
        text = f"{name}{n} " + " ".join(words)
        spans, at = [], len(f"{name}{n} ")
        for i, word in enumerate(words):
            span = {"start": at, "end": at + len(word), "label": ("actor", "event")[i % 2]}
            if annotated and i % 3 == 0:
                span |= {"annotator": "salma", "value": i}
            spans.append(span)
            expected.append(
                (
                    n,
                    span["start"],
                    span["end"],
                    span["label"],
                    span.get("annotator", ""),
                    span.get("value"),
                )
            )
            at += len(word) + 1
        lines.append(json.dumps({"text": text, "spans": spans}, ensure_ascii=False))
    return "\n".join(lines) + "\n", expected


@pytest.mark.parametrize("annotated", [False, True])
def test_spans_of_many_records_are_stored_in_the_files_order_with_consecutive_ids(
    tmp_path, annotated
):
    project = Project.in_memory()
    # Into a project with spans (their index kept) and into one without.
    before = tmp_path / "before.jsonl"
    before.write_text(records(3), encoding="utf-8")
    import_paths(project, [before])
    highest = project.conn.execute("SELECT max(id) FROM spans").fetchone()[0]
    for name, count in (("a", 37), ("b", 1)):
        data, expected = _many_spans(
            name, count, 29, annotated
        )  # 1,073 spans: more than 4 statements
        path = tmp_path / f"{name}.jsonl"
        path.write_text(data, encoding="utf-8")
        first_document = project.conn.execute("SELECT max(id) FROM documents").fetchone()[0] + 1
        assert import_paths(project, [path]).report.spans_added == len(expected)
        rows = project.conn.execute(
            'SELECT id, document_id, start, "end", label, annotator, value, origin FROM spans'
            " WHERE id > ? ORDER BY id",
            (highest,),
        ).fetchall()
        assert [row[0] for row in rows] == list(range(highest + 1, highest + 1 + len(expected)))
        assert [(row[1] - first_document, *row[2:7]) for row in rows] == expected
        assert {row[7] for row in rows} == {"imported"}
        highest = rows[-1][0]
