import sqlite3

import pytest

from annotator.core.edits import AddSpan
from annotator.core.errors import ProjectError
from annotator.core.model import Document
from annotator.storage import open_project


def snapshot(path):
    return {p.name: p.read_bytes() for p in path.parent.iterdir()}


def test_a_project_is_one_file_that_keeps_spans_across_reopening(tmp_path, seed_text):
    path = tmp_path / "p.annotator"
    with open_project(path) as project:
        project.import_documents([(Document("seed", seed_text), [])])
        project.apply(AddSpan(1, 0, 2, "number"))
    copied = tmp_path / "copy.annotator"
    copied.write_bytes(path.read_bytes())
    with open_project(copied) as again:
        assert [(s.start, s.end, s.label) for s in again.spans(1)] == [(0, 2, "number")]


def test_wal_foreign_keys_and_busy_timeout_are_on(tmp_path):
    with open_project(tmp_path / "p.annotator") as project:
        assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert project.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (bytes(range(256)) * 40, "not a SQLite database"),
        (b"SQLite format 3\x00" + b"\x00" * 20, "truncated"),
    ],
)
def test_files_that_are_not_projects_are_refused_untouched(tmp_path, content, message):
    path = tmp_path / "thing.annotator"
    path.write_bytes(content)
    before = snapshot(path)
    with pytest.raises(ProjectError, match=message) as caught:
        open_project(path)
    assert str(path) in str(caught.value)
    assert snapshot(path) == before


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)")
    conn.commit()
    conn.close()
    before = snapshot(path)
    with pytest.raises(ProjectError, match="another program"):
        open_project(path)
    assert snapshot(path) == before


def test_a_project_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "new.annotator"
    open_project(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('annotator', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = snapshot(path)
    with pytest.raises(ProjectError, match="newer version"):
        open_project(path)
    assert snapshot(path) == before


def test_documents_are_deduplicated_by_content(tmp_path, seed_text):
    with open_project(tmp_path / "p.annotator") as project:
        first = project.import_documents([(Document("a", seed_text), [])])
        second = project.import_documents([(Document("b", seed_text), [])])
        assert (first.documents_added, second.documents_added) == (1, 0)
        assert len(second.duplicates) == 1
        assert project.document_count() == 1


def page_size(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()


def test_a_project_made_with_4_kb_pages_still_opens_and_imports_as_one_made_now(
    tmp_path, seed_text, monkeypatch
):
    """New projects get 16 KB pages (faster imports); one made before keeps its 4 KB."""
    from annotator.storage import opening

    older, newer = tmp_path / "older.annotator", tmp_path / "newer.annotator"
    with monkeypatch.context() as patch:
        patch.setattr(opening, "PAGE_SIZE", 4096)  # as every project was made before
        open_project(older).close()
    open_project(newer).close()
    for path in (older, newer):
        with open_project(path) as project:
            project.import_documents([(Document("seed", seed_text), [])])
            project.apply(AddSpan(1, 0, 2, "number"))
        with open_project(path) as again:
            assert [(s.start, s.end, s.label) for s in again.spans(1)] == [(0, 2, "number")]
    assert (page_size(older), page_size(newer)) == (4096, 16384)


def test_a_new_project_open_in_one_process_is_recognised_by_another(tmp_path):
    path = tmp_path / "new.annotator"
    first = open_project(path)
    try:
        with open_project(path) as second:
            assert second.document_count() == 0
    finally:
        first.close()


def test_opening_a_project_twice_in_one_process_keeps_the_first_ones_locks(tmp_path):
    """Closing a second handle must not drop the locks that mark the file as in use here.

    Without them, another process closing the project believes it is the last one,
    checkpoints and deletes the write-ahead log that this process is still writing to.
    """
    import subprocess
    import sys

    path = tmp_path / "p.annotator"
    first = open_project(path)
    first.import_documents([(Document("t", "نص للاختبار"), [])])
    open_project(path).close()
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
            " c.execute('SELECT count(*) FROM documents').fetchone(); c.close()",
            str(path),
        ],
        check=True,
    )
    assert path.with_name(path.name + "-wal").exists()
    first.apply(AddSpan(1, 0, 2, "actor"))
    first.close()
    with open_project(path) as again:
        assert len(again.spans(1)) == 1


def test_a_documents_spans_read_a_page_at_a_time_are_all_of_them_once_in_order(tmp_path):
    from annotator.core.model import Span

    text = "كلمة " * 40
    # Several labels on one place, so that pages end between spans of the same place.
    spans = [
        Span(start, start + 4, label)
        for start in range(0, 150, 5)
        for label in ("number", "actor", "weapon")
    ]
    with open_project(tmp_path / "p.annotator") as project:
        project.import_documents([(Document("spans", text), spans)])
        (document_id,) = project.document_ids()
        read, after = [], None
        while page := project.spans_page(document_id, after, 4):
            assert len(page) <= 4
            read.extend(page)
            after = max(span.key() for span in page)
        assert sorted(read, key=lambda s: (s.start, s.end, s.id)) == project.spans(document_id)
        assert len(read) == len(spans)


def test_an_exports_spans_on_one_place_come_in_the_order_they_were_added(tmp_path):
    """Read for an export, spans are in (start, end, id) order: two on one place in the
    order they were added, not in their labels' order."""
    added = [(5, 9, "number"), (0, 4, "weapon"), (0, 4, "actor"), (0, 9, "actor")]
    with open_project(tmp_path / "p.annotator") as project:
        project.import_documents([(Document("spans", "كلمة كلمة كلمة"), [])])
        for start, end, label in added:
            project.apply(AddSpan(1, start, end, label))
        ((_document, spans),) = project.iter_documents()
        assert [(s.start, s.end, s.label) for s in spans] == [
            (0, 4, "weapon"),
            (0, 4, "actor"),
            (0, 9, "actor"),
            (5, 9, "number"),
        ]


def test_a_documents_spans_read_by_a_span_reader_are_all_of_them_once_in_pages_of_places(
    tmp_path,
):
    """Read by one statement, a page at a time: every span after the place given, once,
    in the order ``spans`` gives them, no place split between two pages; the same for a
    project in memory (read on its one connection). A tag meanwhile changes no page."""
    from annotator.core.model import Span
    from annotator.storage.project import Project

    text = "كلمة " * 40
    spans = [
        Span(start, start + 4, label)
        for start in range(0, 150, 5)
        for label in ("number", "actor", "weapon")
    ]
    for project in (open_project(tmp_path / "p.annotator"), Project.in_memory()):
        with project:
            project.import_documents([(Document("spans", text), spans)])
            (document_id,) = project.document_ids()
            stored = project.spans(document_id)
            after = stored[10].key()
            reader = project.span_reader(document_id, after)
            pages = []
            while not reader.done():
                pages.append(reader.page(4))
                if len(pages) == 2:  # a tag between two pages
                    project.apply(AddSpan(document_id, 196, 200, "actor"))
            assert [] not in pages
            read = [span for page in pages for span in page]
            assert read == [span for span in stored if span.key() > after]
            places = [{(s.start, s.end) for s in page} for page in pages]
            assert all(not a & b for a, b in zip(places, places[1:], strict=False))
            assert all(len(page) <= 6 for page in pages)  # about 4: whole places


def test_getting_ready_for_the_first_tag_writes_nothing_and_the_tag_is_then_saved(
    tmp_path, seed_text
):
    path = tmp_path / "p.annotator"
    with open_project(path) as project:
        project.import_documents([(Document("seed", seed_text), [])])
    with open_project(path) as project:
        # (the -shm file is SQLite's shared memory: readers mark their place in it)
        before = {
            p.name: p.read_bytes() for p in tmp_path.iterdir() if p.suffix != ".annotator-shm"
        }
        heard = []
        project.subscribe(heard.append)
        project.prepare_tagging()
        assert project.conn.total_changes == 0
        assert heard == []
        after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.suffix != ".annotator-shm"}
        assert after == before
        project.apply(AddSpan(1, 0, 2, "number"))
    project.prepare_tagging()  # the window's idle turn came after the project was closed
    with open_project(path) as again:
        assert [(s.start, s.end, s.label) for s in again.spans(1)] == [(0, 2, "number")]
