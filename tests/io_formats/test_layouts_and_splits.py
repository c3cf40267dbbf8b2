"""Where exports go: one stream, one file, or a folder named by the user; splits by document."""

from __future__ import annotations

import gc
import io
import json

import pytest
from sample_project import FIRST, SECOND, THIRD

from annotator.core.errors import AnnotatorError
from annotator.core.model import Document, Span
from annotator.io.exporting import export_project
from annotator.io.registry import exporter, exporter_names
from annotator.io.splits import Split
from annotator.storage import Project


def test_brat_files_are_named_by_document_id_and_stay_inside_the_folder(tmp_path):
    project = Project.in_memory()
    # A hostile title must not steer where files go.
    project.import_documents([(Document("../../evil/../x", FIRST), [])])
    out = tmp_path / "brat"
    export_project(project, out, fmt="brat")
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [
        "annotation.conf",
        "doc-000001.ann",
        "doc-000001.txt",
    ]
    assert all(p.parent == out for p in tmp_path.rglob("*") if p.is_file())


def test_a_folder_export_refuses_a_folder_that_already_holds_files(project, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(AnnotatorError, match="not empty"):
        export_project(project, out, fmt="brat")
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_a_cancelled_folder_export_leaves_nothing_behind(project, tmp_path):
    def cancel(count: int) -> None:
        if count == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_project(project, tmp_path / "out", fmt="brat", progress=cancel)
    assert list(tmp_path.iterdir()) == []


def test_an_export_leaves_the_cycle_collector_as_it_found_it(project, tmp_path):
    # Collections wait while an export reads; left off, a long session's cycles would
    # never be freed again.
    def cancel(count: int) -> None:
        if count == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_project(project, tmp_path / "cancelled", fmt="native", progress=cancel)
    assert gc.isenabled()
    export_project(project, tmp_path / "whole.jsonl", fmt="native")
    assert gc.isenabled()
    gc.disable()  # as the window does while it keeps what it reads
    try:
        export_project(project, tmp_path / "paused.jsonl", fmt="native")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_each_format_says_whether_it_writes_a_folder():
    folders = {name for name in exporter_names() if exporter(name).writes_folder()}
    assert folders == {"brat", "hf"}
    assert all(exporter(name).writes_folder(split=True) for name in exporter_names())


def test_folder_and_binary_formats_need_a_path_not_a_stream(project):
    for fmt in ("brat", "hf", "spacy"):
        with pytest.raises(AnnotatorError, match="give an output path"):
            export_project(project, io.StringIO(), fmt=fmt)
    with pytest.raises(AnnotatorError, match="give an output path"):
        export_project(project, io.StringIO(), fmt="native", split="0.8,0.1,0.1")


def many_documents(count: int) -> list[tuple[Document, list[Span]]]:
    records = []
    for number in range(count):
        text = f"{THIRD} رقم {number}"
        records.append((Document(f"d{number}", text), [Span(0, 2, "event")]))
    return records


def parts_by_text(folder) -> dict[str, str]:
    found = {}
    for part in ("train", "dev", "test"):
        for line in (folder / f"{part}.jsonl").read_text(encoding="utf-8").splitlines():
            found[json.loads(line)["text"]] = part
    return found


def test_same_seed_and_documents_give_the_same_split_whatever_the_storage_order(tmp_path):
    records = many_documents(300)
    forward, backward = Project.in_memory(), Project.in_memory()
    forward.import_documents(records)
    backward.import_documents(list(reversed(records)))
    report = export_project(forward, tmp_path / "a", split="0.8,0.1,0.1", seed=13)
    export_project(backward, tmp_path / "b", split="0.8,0.1,0.1", seed=13)
    export_project(forward, tmp_path / "c", split="0.8,0.1,0.1", seed=14)
    a, b, c = (parts_by_text(tmp_path / name) for name in "abc")
    assert a == b
    assert len(a) == 300
    assert a != c  # another seed, another split
    assert report.parts == {
        part: sum(1 for p in a.values() if p == part) for part in ("train", "dev", "test")
    }
    # Proportions hold on average (hash of seed and content): wide bounds for 300 documents.
    assert 200 <= report.parts["train"] <= 280
    assert 10 <= report.parts["dev"] <= 50
    assert 10 <= report.parts["test"] <= 50


def test_adding_documents_never_moves_a_document_to_another_part(tmp_path):
    records = many_documents(200)
    small, large = Project.in_memory(), Project.in_memory()
    small.import_documents(records[:100])
    large.import_documents(records)
    export_project(small, tmp_path / "small", split="0.8,0.1,0.1")
    export_project(large, tmp_path / "large", split="0.8,0.1,0.1")
    before, after = parts_by_text(tmp_path / "small"), parts_by_text(tmp_path / "large")
    assert {text: after[text] for text in before} == before


def test_a_split_of_a_folder_format_writes_one_sub_folder_a_part(project, tmp_path):
    export_project(project, tmp_path / "brat", fmt="brat", split="0.5,0.5")
    parts = sorted(p.name for p in (tmp_path / "brat").iterdir() if p.is_dir())
    assert parts == ["test", "train"]
    texts = sorted(p.name for p in (tmp_path / "brat").rglob("doc-*.txt"))
    assert texts == ["doc-000001.txt", "doc-000002.txt", "doc-000003.txt"]


@pytest.mark.parametrize("spec", ["0.8", "a,b", "1,1,1,1", "-1,2", "0,0"])
def test_a_bad_split_is_refused_with_a_message(spec):
    with pytest.raises(AnnotatorError):
        Split.parse(spec)


def test_filters_by_annotator_keep_their_spans_and_the_documents_they_touched(project):
    stream = io.StringIO()
    export_project(project, stream, annotators=["omar"])
    [record] = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert record["text"] == FIRST
    assert {s["text"] for s in record["spans"]} == {
        "أرسلت بيونغ يانغ أكثر من 1500 جندي",
        "بيونغ يانغ",
        "1500",
    }


def test_filters_by_date_use_the_time_spans_were_last_changed(project):
    [(_, spans)] = [(d, s) for d, s in project.iter_documents() if d.text == SECOND]
    project.conn.execute(
        "UPDATE spans SET updated = '2026-01-15T10:00:00.000+00:00' WHERE document_id = 2"
    )
    project.conn.execute(
        "UPDATE spans SET updated = '2026-03-01T10:00:00.000+00:00' WHERE document_id = 1"
    )

    def texts(**bounds) -> list[str]:
        stream = io.StringIO()
        export_project(project, stream, **bounds)
        return [json.loads(line)["text"] for line in stream.getvalue().splitlines()]

    assert texts(since="2026-02-01") == [FIRST]
    assert texts(until="2026-01-15") == [SECOND]  # a date includes that whole day
    assert texts(until="2026-01-15T09:00") == []
    assert texts(since="2026-01-01", until="2026-12-31") == [FIRST, SECOND]
    with pytest.raises(AnnotatorError, match="--since"):
        texts(since="last week")


def test_an_exported_folder_gets_the_same_permissions_as_any_new_folder(project, tmp_path):
    export_project(project, tmp_path / "brat", fmt="brat")
    (tmp_path / "plain").mkdir()
    assert (tmp_path / "brat").stat().st_mode == (tmp_path / "plain").stat().st_mode
