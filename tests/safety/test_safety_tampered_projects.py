"""Project files changed by another program: refused when opened, or when a bad row is read.

A project someone sends you may carry its own SQL (a trigger that deletes spans on every
edit) or rows our code never writes (a status outside the three, offsets stored as text,
a span whose label is gone). Such a schema is refused before anything is written, naming
the object; such a row stops the command with ``damaged project: <table> row <id>``,
never a traceback, never a silent export.
"""

from __future__ import annotations

import sqlite3
import traceback

import pytest
from click.testing import CliRunner
from safety_support import assert_one_line_error, dump, folder_snapshot, make_project, run_cli

from annotator.cli.main import cli
from annotator.core.edits import AddSpan
from annotator.core.errors import ProjectError
from annotator.storage import Project, open_project


def tamper(path, *statements: str) -> None:
    """Change the file as the sqlite3 shell would (foreign keys off, CHECKs skipped)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


# -- a schema that is not ours (issue 11, item 2) ------------------------------------------------

FOREIGN_SCHEMA = {
    "a trigger that deletes spans on every edit": (
        "CREATE TRIGGER keep_one AFTER INSERT ON spans BEGIN"
        " DELETE FROM spans WHERE id < new.id; END",
        "trigger keep_one",
    ),
    "a trigger on the migrations record": (
        "CREATE TRIGGER wipe AFTER INSERT ON _sqlite_migrations BEGIN DELETE FROM documents; END",
        "trigger wipe",
    ),
    "a view": ("CREATE VIEW every_span AS SELECT * FROM spans", "view every_span"),
    "a table of its own": ("CREATE TABLE notes (body TEXT)", "table notes"),
    "an index of its own": ("CREATE INDEX by_label ON spans(label)", "index by_label"),
    "an index on an expression": (
        'CREATE INDEX by_width ON spans(abs("end" - start))',
        "index by_width",
    ),
    "an added column": ("ALTER TABLE spans ADD COLUMN note TEXT DEFAULT 'x'", "table spans"),
    "a dropped index": ("DROP INDEX documents_by_status", "index documents_by_status"),
    "a full-text table": ("CREATE VIRTUAL TABLE search USING fts4(body)", "table search"),
}


@pytest.mark.parametrize("case", sorted(FOREIGN_SCHEMA))
def test_a_project_whose_schema_is_not_ours_is_refused_untouched(tmp_path, case):
    statement, named = FOREIGN_SCHEMA[case]
    path = make_project(tmp_path / "sent.annotator", documents=2, spans_per_document=3)
    tamper(path, statement)
    before = folder_snapshot(tmp_path)
    with pytest.raises(ProjectError) as caught:
        open_project(path)
    message = str(caught.value)
    assert str(path) in message and named in message and "\n" not in message
    line = assert_one_line_error(run_cli("--project", str(path), "stats"), str(path))
    assert named in line
    assert folder_snapshot(tmp_path) == before


def test_a_check_constraint_rewritten_in_place_is_refused(tmp_path):
    path = make_project(tmp_path / "sent.annotator", documents=1, spans_per_document=1)
    tamper(
        path,
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = replace(sql, 'start >= 0 AND', 'start >= -1000 AND')"
        " WHERE name = 'spans'",
    )
    before = folder_snapshot(tmp_path)
    with pytest.raises(ProjectError, match="table spans is not the one annotator makes"):
        open_project(path)
    assert folder_snapshot(tmp_path) == before


def test_the_trigger_of_the_report_never_runs(tmp_path):
    """The attack as reported: three adds on such a file left one span. Now it never opens,
    and a connection of ours would not run a function with side effects from a schema."""
    path = make_project(tmp_path / "sent.annotator", documents=1, spans_per_document=0)
    tamper(path, FOREIGN_SCHEMA["a trigger that deletes spans on every edit"][0])
    with pytest.raises(ProjectError, match="keep_one"):
        project = open_project(path)
        for start in (0, 5, 10):
            project.apply(AddSpan(1, start, start + 3, "actor"))
    assert dump(path)[1] == []


def test_every_connection_runs_with_trusted_schema_off(tmp_path):
    path = make_project(tmp_path / "p.annotator", documents=1)
    with open_project(path) as project, open_project(path) as second:
        for conn in (project.conn, second.conn, Project.in_memory().conn):
            assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0


def test_our_own_projects_still_open_after_every_kind_of_use(tmp_path):
    """The check must not refuse what annotator itself makes: edits, labels, suggestions."""
    from annotator.core.labels import Label
    from annotator.storage.suggestions import remember_rejection

    path = make_project(tmp_path / "p.annotator", documents=2, spans_per_document=5)
    with open_project(path) as project:
        project.add_label(Label("org", "org", "#123456", "5"))
        project.apply(AddSpan(1, 0, 3, "org"))
        remember_rejection(project, project.spans(1)[0])
        project.conn.execute("ANALYZE")  # SQLite's own statistics tables are not ours either
    open_project(path).close()


# -- rows our code never writes (issue 11, item 5) -----------------------------------------------

# (statements, commands that read the row, what the message names)
TAMPERED_ROWS = {
    "a status outside the three": (
        ["UPDATE documents SET status = 'archived' WHERE id = 2"],
        ["stats", "docs", "show 2", "export"],
        "documents row 2: status 'archived'",
    ),
    "an unknown span origin": (
        ["UPDATE spans SET origin = 'robot' WHERE id = 3"],
        ["show 1", "export", "export --format hf"],
        "spans row 3: origin 'robot'",
    ),
    "meta that is not JSON": (
        ["UPDATE documents SET meta = '{oops' WHERE id = 2"],
        ["show 2", "export", "export --format iob2"],
        "documents row 2: meta is not JSON",
    ),
    "meta that is JSON but not an object": (
        ["UPDATE documents SET meta = '[1, 2]' WHERE id = 2"],
        ["show 2", "export"],
        "documents row 2: meta is not a JSON object",
    ),
    "offsets stored as text": (
        ["UPDATE spans SET start = 'five' WHERE id = 3"],
        ["show 1", "export", "export --format brat"],
        "spans row 3: offsets 'five', ",
    ),
    "a span whose label was deleted": (
        [
            "INSERT INTO labels VALUES ('ghost', 'ghost', '#123456', '', 9)",
            "UPDATE spans SET label = 'ghost' WHERE id = 3",
            "DELETE FROM labels WHERE name = 'ghost'",
        ],
        ["show 1", "export", "export --format hf"],
        "spans row 3: label 'ghost'",
    ),
    "a span ending past the text": (
        ['UPDATE spans SET "end" = 100000 WHERE id = 3'],
        ["show 1", "export", "export --format doccano"],
        "spans row 3: offsets",
    ),
    "a span that starts after it ends": (
        ['UPDATE spans SET start = 9, "end" = 5 WHERE id = 3'],
        ["show 1", "export"],
        "spans row 3: offsets 9-5",
    ),
    "a negative start": (
        ["UPDATE spans SET start = -4 WHERE id = 3"],
        ["show 1", "export"],
        "spans row 3: offsets -4-",
    ),
    "a value stored as bytes": (
        ["UPDATE spans SET value = x'00ff' WHERE id = 3"],
        ["show 1", "export"],
        "spans row 3: value",
    ),
    "a title stored as bytes": (
        ["UPDATE documents SET title = x'00ff' WHERE id = 2"],
        ["show 2", "export"],
        "documents row 2: title is not text",
    ),
    "a length that is not its text's": (
        ["UPDATE documents SET length = 5 WHERE id = 2"],
        ["show 2", "export"],
        "documents row 2: length 5",
    ),
    "attributes that are not JSON": (
        ["UPDATE spans SET attributes = '{bad' WHERE id = 3"],
        ["attributes", "show 1", "export"],
        "spans row 3: attributes",
    ),
    "attributes that are JSON but not an object": (
        ["UPDATE spans SET attributes = '[1]' WHERE id = 3"],
        ["attributes", "show 1", "export"],
        "spans row 3: attributes",
    ),
    "a text whose bytes are not UTF-8": (
        ["UPDATE documents SET text = CAST(x'd986ff41' AS TEXT) WHERE id = 2"],
        ["show 2", "export", "export --format hf"],
        "documents row 2: its text is not UTF-8",
    ),
    "a long text whose bytes are not UTF-8": (
        ["UPDATE documents SET text = '', text_utf8 = x'd986ff41' WHERE id = 2"],
        ["show 2", "export", "export --format iob2"],
        "documents row 2: its text_utf8 is not UTF-8",
    ),
    "a span annotator whose bytes are not UTF-8": (
        ["UPDATE spans SET annotator = CAST(x'ff' AS TEXT) WHERE id = 3"],
        ["show 1", "export"],
        "spans row 3: its annotator is not UTF-8",
    ),
    "a label colour that is not a colour": (
        ["UPDATE labels SET color = 'red' WHERE name = 'event'"],
        ["stats", "show 1", "export"],
        "labels row 'event'",
    ),
}
EVERY_COMMAND = ["stats", "docs", "show 1", "show 2", "export", "export --format hf"]


def invoke(path, command: str, output=None):
    args = ["--project", str(path), *command.split()]
    if output is not None:
        args += ["-o", str(output)]
    return CliRunner().invoke(cli, args)


@pytest.mark.parametrize("case", sorted(TAMPERED_ROWS))
def test_a_tampered_row_stops_every_command_that_reads_it_in_one_line(tmp_path, case):
    statements, readers, named = TAMPERED_ROWS[case]
    path = make_project(tmp_path / "p.annotator", documents=2, spans_per_document=4)
    tamper(path, *statements)
    before = dump(path)
    for command in dict.fromkeys(readers + EVERY_COMMAND):
        output = tmp_path / "out" / "dataset" if command.startswith("export") else None
        result = invoke(path, command, output)
        crash = result.exception if not isinstance(result.exception, SystemExit) else None
        assert crash is None, "".join(traceback.format_exception(crash))
        if command in readers:
            assert result.exit_code == 1, (command, result.output)
        if result.exit_code:
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1, (command, result.stderr)
            assert lines[0].startswith(f"annotator: error: {path}: damaged project: ")
            assert named in lines[0], (command, lines[0])
            assert output is None or not output.parent.exists() or not any(output.parent.iterdir())
    assert dump(path) == before


def test_the_cli_names_the_damaged_row_in_a_child_process_too(tmp_path):
    path = make_project(tmp_path / "p.annotator", documents=2, spans_per_document=4)
    tamper(path, "UPDATE spans SET origin = 'robot' WHERE id = 3")
    line = assert_one_line_error(run_cli("--project", str(path), "show", "1"), str(path))
    assert "damaged project: spans row 3: origin 'robot'" in line


def test_a_label_added_by_another_window_is_not_mistaken_for_damage(tmp_path):
    from annotator.core.labels import Label

    path = make_project(tmp_path / "p.annotator", documents=1, spans_per_document=2)
    with open_project(path) as window_a, open_project(path) as window_b:
        assert "org" not in window_a.labels()  # window A has read its labels
        window_b.add_label(Label("org", "org", "#123456", "5"))
        window_b.apply(AddSpan(1, 0, 3, "org"))
        assert [span.label for span in window_a.spans(1)].count("org") == 1
        assert sum(len(spans) for _, spans in window_a.iter_documents()) == 3


def test_the_window_names_the_row_whose_text_is_not_utf8(qtbot, tmp_path, monkeypatch):
    import sys

    from PySide6.QtCore import QSettings

    from annotator.qt.app import article_font, show_unexpected_errors
    from annotator.qt.main_window import MainWindow

    path = make_project(tmp_path / "p.annotator", documents=2, spans_per_document=2)
    tamper(path, "UPDATE documents SET text = CAST(x'd986ff41' AS TEXT) WHERE id = 2")
    monkeypatch.setattr(sys, "excepthook", lambda *args: None)
    shown: list[str] = []
    monkeypatch.setattr(
        "annotator.qt.app.show_critical", lambda parent, title, text: shown.append(text)
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    with open_project(path) as project:
        window = MainWindow(project, settings, article_font())
        qtbot.addWidget(window)
        show_unexpected_errors(lambda: window)
        with pytest.raises(sqlite3.OperationalError) as caught:  # as a slot would meet it
            project.get_document(2)
        sys.excepthook(caught.type, caught.value, None)
        window.close()
    assert shown == [
        f"{path}: damaged project: documents row 2: its text is not UTF-8"
        " (changed by another program?)"
    ]
