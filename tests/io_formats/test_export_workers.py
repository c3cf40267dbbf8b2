"""A token export (spaCy too) written by worker processes is the single process's, byte for byte:
the same files, the same report, the same progress counts; a cancel leaves nothing."""

from __future__ import annotations

import re
import sqlite3

import pytest
from sample_project import linked_sample_project

from annotator.core.model import Status
from annotator.io.exporting import export_project
from annotator.storage import Project, open_project

FORMATS = ("prodigy", "dygiepp", "iob2", "hf", "spacy")


@pytest.fixture
def project(tmp_path):
    """The linked sample (nested spans, a span cut inside a word, CRLF, links) in a file."""
    path = tmp_path / "sample.annotator"
    sample = linked_sample_project()
    with sqlite3.connect(path) as copy:
        sample.conn.backup(copy)
    sample.close()
    opened = open_project(path)
    yield opened
    opened.close()


def written(path) -> dict[str, bytes]:
    if path.is_file():
        return {"": path.read_bytes()}
    return {
        str(f.relative_to(path)): f.read_bytes() for f in sorted(path.rglob("*")) if f.is_file()
    }


def export(project: Project, out, fmt: str, workers: int, **options):
    counts: list[int] = []
    report = export_project(
        project, out, fmt=fmt, workers=workers, progress=counts.append, **options
    )
    return written(out), report, counts


def messages(report) -> list[str]:
    # spaCy's notice names its config where this export staged it (a name of its own).
    return [re.sub(r"\S*config\.cfg", "config.cfg", line) for line in report.messages()]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "options",
    [{}, {"split": "0.4,0.3,0.3"}, {"labels": ["actor", "event"], "annotators": ["amal"]}],
    ids=["all", "split", "filtered"],
)
def test_workers_write_what_one_process_writes(project, tmp_path, fmt, options):
    one = export(project, tmp_path / "one", fmt, 1, **options)
    three = export(project, tmp_path / "three", fmt, 3, **options)
    files, report, counts = three
    assert files == one[0] and files
    assert messages(report) == messages(one[1])
    assert (report.documents, report.spans_written, report.parts) == (
        one[1].documents,
        one[1].spans_written,
        one[1].parts,
    )
    assert counts == one[2]


def test_workers_keep_the_status_filter(project, tmp_path):
    one = export(project, tmp_path / "one", "prodigy", 1, statuses=[Status.DONE])
    two = export(project, tmp_path / "two", "prodigy", 2, statuses=[Status.DONE])
    assert two[0] == one[0] and two[1].documents == 1


def test_a_cancelled_export_in_workers_leaves_nothing_behind(project, tmp_path):
    def cancel(count: int) -> None:
        if count == 2:
            raise KeyboardInterrupt

    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        export_project(project, out / "data.jsonl", fmt="prodigy", workers=2, progress=cancel)
    with pytest.raises(KeyboardInterrupt):
        export_project(project, out / "hf", fmt="hf", workers=2, progress=cancel)
    assert not out.exists() or list(out.iterdir()) == []


def test_workers_write_into_a_text_stream_as_one_process_does(project):
    import io

    one, two = io.StringIO(), io.StringIO()
    export_project(project, one, fmt="dygiepp", workers=1)
    export_project(project, two, fmt="dygiepp", workers=2)
    assert two.getvalue() == one.getvalue() and "وقعت" in one.getvalue()


@pytest.mark.parametrize("copy", ["in the kernel", "read and written"])
def test_workers_chunks_are_appended_and_leave_nothing_beside_the_output(
    project, tmp_path, monkeypatch, copy
):
    import errno
    import os

    one = export(project, tmp_path / "one" / "data.jsonl", "prodigy", 1)
    if copy == "read and written":  # a file system (or a system) copy_file_range cannot copy on

        def cannot(*args):
            raise OSError(errno.EXDEV, "Invalid cross-device link")

        monkeypatch.setattr(os, "copy_file_range", cannot, raising=False)
    two = export(project, tmp_path / "two" / "data.jsonl", "prodigy", 2)
    assert two[0] == one[0] and "وقعت".encode() in one[0][""]
    assert [p.name for p in (tmp_path / "two").iterdir()] == ["data.jsonl"]
