"""A text too long to hold, stored as its UTF-8 in ``documents.text_utf8`` (written in place
a piece at a time), is the same document as one stored whole: every reader (the project's,
``show``, exports in this process and in workers) gives the same text, its hash finds it
again whichever way it came, it goes and comes back with its document, and a project made
before that column is upgraded."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from annotator.cli.main import cli
from annotator.core.edits import DeleteDocument
from annotator.io import decoding
from annotator.io import long_lines as long_lines_module
from annotator.io.exporting import export_project
from annotator.io.importing import import_paths
from annotator.io.jsonl import JsonlImporter
from annotator.storage import open_project
from annotator.storage.schema import applied_migrations, known_migrations, migrations
from annotator.storage.spans import accepted_texts

SENTENCE = 'وقعت روسيا "وكوريا" الشمالية اتفاقية 😀 \\ للتعاون\tالعسكري\n'
LONG = "".join(f"{n} {SENTENCE}" for n in range(3000))  # over 300 KB of UTF-8
# Lowered from 8 MB and 1 MB each: the line is read as a stream, its text in many pieces.
LINE_LIMIT = 64 << 10
CHUNK = PIECE = 16 << 10


@pytest.fixture
def corpus(tmp_path):
    """A short record, the long one (with spans at its start, middle and end), a short one."""
    spans = [
        {"start": start, "end": start + 5, "label": "actor"}
        for start in (LONG.find("روسيا"), LONG.find("روسيا", len(LONG) // 2), LONG.rfind("روسيا"))
    ]
    records = [
        {"text": "نص قصير", "spans": [{"start": 0, "end": 2, "label": "actor"}]},
        {"title": "خبر طويل", "text": LONG, "spans": spans, "status": "done"},
        {"text": "نص آخر"},
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), "utf-8"
    )
    return path


def imported(monkeypatch, project, path, long_lines: bool):
    """Import ``path``, its long line read as a stream (stored in text_utf8) or whole."""
    with monkeypatch.context() as patch:
        if long_lines:
            patch.setattr(JsonlImporter, "long_line", LINE_LIMIT)
            patch.setattr(long_lines_module, "PIECE", PIECE)
            patch.setattr(decoding, "LINE_CHUNK", CHUNK)
        return import_paths(project, [path]).report


def stored_long(project) -> list[int]:
    """The documents whose text is kept in text_utf8."""
    rows = project.conn.execute("SELECT id FROM documents WHERE text_utf8 IS NOT NULL")
    return [row[0] for row in rows]


@pytest.fixture
def projects(tmp_path, monkeypatch, corpus):
    """The corpus imported twice: its long text streamed (``long``) and whole (``whole``)."""
    paths = {"long": tmp_path / "long.annotator", "whole": tmp_path / "whole.annotator"}
    for name, path in paths.items():
        with open_project(path) as project:
            imported(monkeypatch, project, corpus, long_lines=name == "long")
            assert stored_long(project) == ([2] if name == "long" else [])
    return paths


def everything_read(path, tmp_path) -> dict:
    """What each reader gives of the project at ``path``."""
    runner = CliRunner()
    read = {}
    with open_project(path) as project:
        read["document"] = project.get_document(2).text
        read["iter_documents"] = [
            (doc.id, doc.title, doc.text, doc.status, [(s.start, s.end, s.label) for s in spans])
            for doc, spans in project.iter_documents()
        ]
        read["iter_texts"] = list(project.iter_texts())
        read["span_texts"] = list(accepted_texts(project.conn))
        prodigy = tmp_path / f"{path.stem}-prodigy.jsonl"
        export_project(project, prodigy, fmt="prodigy", workers=2)  # read by worker processes
        read["prodigy"] = prodigy.read_bytes()
    show = runner.invoke(cli, ["--project", str(path), "show", "2"], catch_exceptions=False)
    read["show"] = (show.exit_code, show.stdout)
    native = tmp_path / f"{path.stem}-native.jsonl"
    export = runner.invoke(
        cli, ["--project", str(path), "export", "-o", str(native)], catch_exceptions=False
    )
    assert export.exit_code == 0
    read["native"] = [
        {key: value for key, value in json.loads(line).items() if key not in ("created", "updated")}
        for line in native.read_text("utf-8").splitlines()
    ]
    return read


def test_a_text_stored_as_utf8_reads_back_as_a_text_stored_whole(projects, tmp_path):
    long, whole = (
        everything_read(projects["long"], tmp_path),
        everything_read(projects["whole"], tmp_path),
    )
    assert long == whole
    assert long["document"] == LONG
    assert long["iter_documents"][1][2] == LONG
    assert long["iter_texts"][1] == (2, LONG)
    assert [text for document, text, _ in long["span_texts"] if document == 2] == ["روسيا"] * 3
    assert LONG.splitlines()[1500] in long["show"][1]
    assert [record["text"] for record in long["native"]] == ["نص قصير", LONG, "نص آخر"]
    assert [json.loads(line)["text"] for line in long["prodigy"].splitlines()][1] == LONG


@pytest.mark.parametrize("stored_as", ["long", "whole"])
def test_the_same_text_again_is_a_duplicate_whichever_way_it_was_stored(
    projects, monkeypatch, corpus, stored_as
):
    with open_project(projects[stored_as]) as project:
        again = imported(monkeypatch, project, corpus, long_lines=stored_as == "whole")
        assert (again.documents_added, again.duplicate_count) == (0, 3)
        assert project.document_count() == 3


def test_a_long_text_goes_with_its_document_and_comes_back_with_it(projects, monkeypatch, corpus):
    with open_project(projects["long"]) as project:
        restore = project.apply(DeleteDocument(2))
        assert project.document_ids() == [1, 3]
        assert stored_long(project) == []
        project.apply(restore)
        assert project.get_document(2).text == LONG
        assert stored_long(project) == [2]
        assert [(s.start, s.end) for s in project.spans(2)][1] == (
            LONG.find("روسيا", len(LONG) // 2),
            LONG.find("روسيا", len(LONG) // 2) + 5,
        )
        project.apply(DeleteDocument(2))
        again = imported(monkeypatch, project, corpus, long_lines=True)
        assert (again.documents_added, again.duplicate_count) == (1, 2)
        assert project.get_document(4).text == LONG


def test_a_project_made_before_text_utf8_is_upgraded_and_takes_long_texts(
    tmp_path, monkeypatch, corpus
):
    path = tmp_path / "old.annotator"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply(Database(conn), stop_before="m005_long_text_utf8")
    conn.execute(
        "INSERT INTO documents (id, title, text, length, content_hash, created, updated)"
        " VALUES (1, 't', 'نص قديم', 7, 'h', 'c', 'u')"
    )
    conn.close()
    with open_project(path) as project:
        assert applied_migrations(project.conn) == known_migrations()
        assert project.get_document(1).text == "نص قديم"
        report = imported(monkeypatch, project, corpus, long_lines=True)
        assert report.documents_added == 3
        assert stored_long(project) == [3]
    assert path.with_name("old.annotator.before-m005_long_text_utf8.bak").exists()
    with open_project(path) as project:  # the upgraded file passes the schema check
        assert project.get_document(3).text == LONG
        assert [doc.text for doc, _ in project.iter_documents()][0] == "نص قديم"
