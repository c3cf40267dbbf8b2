"""Two windows (processes) on one project: writers wait for each other, nothing is lost.

Policy: the project is in WAL mode, every edit is one BEGIN IMMEDIATE transaction and
the busy timeout is 10 s, so a second writer waits its turn instead of failing, and
readers never wait. A writer kept out longer than the timeout gets a ProjectError
saying nothing was saved; an undo naming a span the other window changed gets an
EditError. Neither is a crash, and neither loses an edit that was reported saved.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from safety_support import HERE, make_project, python_env

from annotator.core.edits import AddSpan, DeleteSpan
from annotator.core.errors import EditError, ProjectError
from annotator.storage import connection, open_project

EDITS_PER_WRITER = 400


def test_two_processes_editing_one_project_at_once_lose_no_edit(tmp_path):
    path = make_project(tmp_path / "shared.annotator", documents=2, spans_per_document=0)
    go = tmp_path / "go"
    names = ("window-a", "window-b")
    writers = {
        name: subprocess.Popen(
            [
                sys.executable,
                str(HERE / "writer_worker.py"),
                str(path),
                name,
                str(EDITS_PER_WRITER),
                str(go),
                other,
            ],
            env=python_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, other in zip(names, reversed(names), strict=True)
    }
    # Both have opened the project (however slowly, on a loaded machine) before the start.
    deadline = time.monotonic() + 120
    while not all(Path(f"{go}.{name}.ready").exists() for name in names):
        failed = [w for w in writers.values() if w.poll() is not None]
        assert not failed and time.monotonic() < deadline, "a writer never got ready"
        time.sleep(0.01)
    started = time.monotonic()
    go.touch()
    reports = {}
    for name, writer in writers.items():
        stdout, stderr = writer.communicate(timeout=120)
        assert writer.returncode == 0, stderr
        reports[name] = json.loads(stdout)
    elapsed = time.monotonic() - started

    conn = sqlite3.connect(path)
    stored = {
        name: sorted(
            row[0] for row in conn.execute("SELECT id FROM spans WHERE annotator = ?", (name,))
        )
        for name in writers
    }
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    for name, report in reports.items():
        assert report["errors"] == []
        assert report["applied"] == EDITS_PER_WRITER
        assert stored[name] == report["kept"]
    a, b = reports.values()
    assert a["started"] < b["finished"] and b["started"] < a["finished"], "they did not overlap"
    edits = sum(report["applied"] + report["undone"] for report in reports.values())
    print(
        f"two writers: {edits} edits in {elapsed:.1f} s, "
        f"{sum(len(ids) for ids in stored.values())} spans kept, 0 lost, 0 locked-database errors"
    )


HOLD_WRITE_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""


def test_a_writer_kept_out_past_the_busy_timeout_is_told_nothing_was_saved(tmp_path, monkeypatch):
    path = make_project(tmp_path / "shared.annotator", documents=1, spans_per_document=0)
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    # Another process in a long write (a big import, say) holds the write lock.
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout.readline() == "locked\n"
        with open_project(path) as project:
            assert project.document_count() == 1  # reading is not blocked
            with pytest.raises(ProjectError, match="not saved: another window or program"):
                project.apply(AddSpan(1, 0, 3, "actor"))
            assert project.spans(1) == []
            other.communicate("done\n", timeout=30)
            project.apply(AddSpan(1, 0, 3, "actor"))  # once the other is done, it works
            assert [(s.start, s.end) for s in project.spans(1)] == [(0, 3)]
    finally:
        if other.poll() is None:
            other.kill()
            other.wait()


def test_undoing_a_span_the_other_window_deleted_fails_clearly(tmp_path):
    path = make_project(tmp_path / "shared.annotator", documents=1, spans_per_document=0)
    with open_project(path) as window_a, open_project(path) as window_b:
        undo_add = window_a.apply(AddSpan(1, 0, 3, "actor"))
        assert isinstance(undo_add, DeleteSpan)
        window_b.apply(DeleteSpan(undo_add.span_id))
        with pytest.raises(EditError, match="deleted elsewhere"):
            window_a.apply(undo_add)
        assert window_a.spans(1) == []


def test_an_undo_in_one_window_never_deletes_a_span_the_other_window_added(tmp_path):
    path = make_project(tmp_path / "shared.annotator", documents=1, spans_per_document=0)
    with open_project(path) as window_a, open_project(path) as window_b:
        undo_add = window_a.apply(AddSpan(1, 0, 3, "actor"))
        window_b.apply(DeleteSpan(undo_add.span_id))
        window_b.apply(AddSpan(1, 5, 9, "weapon", annotator="b"))  # must not take the old id
        with pytest.raises(EditError, match="deleted elsewhere"):
            window_a.apply(undo_add)
        assert [(s.start, s.end, s.annotator) for s in window_b.spans(1)] == [(5, 9, "b")]


def test_undoing_a_delete_still_works_after_the_other_window_added_spans(tmp_path):
    path = make_project(tmp_path / "shared.annotator", documents=1, spans_per_document=0)
    with open_project(path) as window_a, open_project(path) as window_b:
        undo_add = window_a.apply(AddSpan(1, 0, 3, "actor"))
        undo_delete = window_a.apply(undo_add)
        window_b.apply(AddSpan(1, 5, 9, "weapon", annotator="b"))
        window_a.apply(undo_delete)
        assert [(s.start, s.end) for s in window_b.spans(1)] == [(0, 3), (5, 9)]


def test_span_ids_are_not_reused_after_a_delete_or_an_import(tmp_path, seed_text):
    from annotator.core.model import Document, Span

    with open_project(tmp_path / "p.annotator") as project:
        project.import_documents([(Document("d", seed_text), [Span(0, 2, "actor")])])
        first = project.spans(1)[0].id
        project.apply(DeleteSpan(first))
        project.import_documents([(Document("e", seed_text + "!"), [Span(0, 2, "actor")])])
        second = project.spans(2)[0].id
        project.apply(AddSpan(1, 3, 5, "actor"))
        third = project.spans(1)[0].id
        assert first < second < third


def test_an_edit_while_the_same_window_is_still_reading_says_why_it_was_not_saved(tmp_path):
    path = make_project(tmp_path / "shared.annotator", documents=2, spans_per_document=0)
    with open_project(path) as window_a, open_project(path) as window_b:
        reading = window_a.iter_documents()  # e.g. an export paused between chunks
        next(reading)
        window_b.apply(AddSpan(1, 0, 3, "actor"))
        with pytest.raises(ProjectError, match="while this one was still reading it"):
            window_a.apply(AddSpan(1, 5, 9, "actor"))
        reading.close()
        window_a.apply(AddSpan(1, 5, 9, "actor"))
        assert [(s.start, s.end) for s in window_a.spans(1)] == [(0, 3), (5, 9)]


# -- a label renamed elsewhere while an import or an edit is under way (issue 11, item 3) ----------

IMPORT_WHILE_RENAMED = """
import atexit, subprocess, sys
import annotator.cli.commands as commands
from annotator.cli.main import main

project, articles = sys.argv[1:3]

def rename_once(count, started=[]):
    # Another program renames the label while this import is still reading its file.
    if not started:
        started.append(subprocess.Popen(
            [sys.executable, "-m", "annotator", "--project", project, "labels", "rename",
             "actor", "agent"],
        ))
        atexit.register(lambda: print(f"rename exit {started[0].wait()}", flush=True))

commands.progress_printer = lambda: rename_once
sys.argv = ["annotator", "--project", project, "import", articles]
main()
"""


def _articles(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps(
            {
                "text": f"{n} أرسلت روسيا صواريخ",
                "spans": [{"start": 4, "end": 9, "label": "actor"}],
            },
            ensure_ascii=False,
        )
        for n in range(20)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_label_renamed_during_an_import_waits_for_it_and_the_spans_follow(tmp_path):
    """The import checks its spans against the labels under the write lock it holds from
    its first record: a rename meanwhile waits its turn (it was: FOREIGN KEY failed)."""
    path = make_project(tmp_path / "p.annotator", documents=1, spans_per_document=0)
    articles = _articles(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_WHILE_RENAMED, str(path), str(articles)],
        capture_output=True,
        text=True,
        env=python_env(),
        timeout=120,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.splitlines()[0] == "imported 20 document(s) with 20 span(s)"
    assert "renamed label actor to agent" in result.stderr  # after the import, not during
    assert result.stdout.strip() == "rename exit 0"
    with open_project(path) as project:
        assert project.document_count() == 21
        assert "agent" in project.labels() and "actor" not in project.labels()
        assert project.label_counts()["agent"] == 20


def test_an_edit_with_a_label_renamed_in_another_window_says_so(tmp_path):
    path = make_project(tmp_path / "p.annotator", documents=1, spans_per_document=0)
    with open_project(path) as window_a, open_project(path) as window_b:
        assert "actor" in window_a.labels()  # window A shows the labels it read
        window_b.update_label("actor", new_name="agent")
        with pytest.raises(ProjectError, match="label actor was renamed or removed"):
            window_a.apply(AddSpan(1, 0, 3, "actor"))
        assert window_a.spans(1) == []
        window_a.apply(AddSpan(1, 0, 3, "agent"))  # with the labels read again, it works
        assert [s.label for s in window_b.spans(1)] == ["agent"]
