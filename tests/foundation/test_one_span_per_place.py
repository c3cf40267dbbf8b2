"""One span per (document, start, end, label): refused at the core edit, held by the
project file's unique index, merged (and reported) on import, deduplicated in older files."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from annotator.arabic.suggest import Source, Suggestion
from annotator.cli.main import cli
from annotator.core.edits import AddSpan, DeleteSpan, RelabelSpan, SetOrigin
from annotator.core.errors import EditError
from annotator.core.model import Document, Origin
from annotator.io.importing import ImportFailed, import_paths
from annotator.storage import open_project
from annotator.storage.schema import migrations
from annotator.storage.suggestions import accept_all, store_suggestions

TEXT = "أرسلت كوريا الشمالية نحو 12 ألف جندي إلى روسيا"
TWELVE = TEXT.index("12 ألف")


@pytest.fixture
def short_news(tmp_path):
    """A project file holding one short sentence (TEXT), the offsets these tests name."""
    with open_project(tmp_path / "p.annotator") as project:
        project.add_document(Document("news", TEXT))
        yield project


def keys(short_news):
    return [(s.start, s.end, s.label) for s in short_news.spans(1)]


def test_a_second_span_with_the_same_place_and_label_is_refused(short_news):
    short_news.apply(AddSpan(1, 6, 20, "actor"))
    with pytest.raises(EditError, match=r"already has a span 6-20 labelled 'actor'"):
        short_news.apply(AddSpan(1, 6, 20, "actor"))
    short_news.apply(AddSpan(1, 6, 20, "event"))  # another label at the same place is fine
    assert keys(short_news) == [(6, 20, "actor"), (6, 20, "event")]


def test_a_suggestion_holds_its_place_too(short_news):
    store_suggestions(
        short_news, {1: [Suggestion(TWELVE, TWELVE + 6, "number", 12000, Source.NUMBERS)]}
    )
    with pytest.raises(EditError, match="already has a suggestion"):
        short_news.apply(AddSpan(1, TWELVE, TWELVE + 6, "number"))


def test_relabelling_onto_an_existing_span_and_undoing_a_delete_over_a_new_one_are_refused(
    short_news,
):
    short_news.apply(AddSpan(1, 6, 20, "actor"))
    short_news.apply(AddSpan(1, 6, 20, "event"))
    event = short_news.spans(1)[1].id
    with pytest.raises(EditError, match="not relabelled"):
        short_news.apply(RelabelSpan(event, "actor"))
    actor = short_news.spans(1)[0].id
    restore = short_news.apply(DeleteSpan(actor))
    short_news.apply(AddSpan(1, 6, 20, "actor"))  # tagged again meanwhile (another window)
    with pytest.raises(EditError, match="not put back"):
        short_news.apply(restore)
    assert sorted(keys(short_news)) == [(6, 20, "actor"), (6, 20, "event")]


def test_accepting_a_suggestion_twice_changes_nothing_the_second_time(short_news):
    store_suggestions(
        short_news, {1: [Suggestion(TWELVE, TWELVE + 6, "number", 12000, Source.NUMBERS)]}
    )
    [suggestion] = short_news.spans(1)
    short_news.apply(SetOrigin(suggestion.id, Origin.MANUAL, "first"))
    short_news.apply(SetOrigin(suggestion.id, Origin.MANUAL, "second"))  # a stale window
    assert accept_all(short_news, 1).edits == ()
    [span] = short_news.spans(1)
    assert (span.origin, span.value, span.annotator) == (Origin.MANUAL, 12000, "first")


def test_the_project_file_itself_refuses_a_duplicate_row(short_news):
    short_news.apply(AddSpan(1, 6, 20, "actor"))
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        short_news.conn.execute(
            'INSERT INTO spans (document_id, start, "end", label, created, updated)'
            " VALUES (1, 6, 20, 'actor', 'c', 'u')"
        )


def write_jsonl(path, spans):
    path.write_text(json.dumps({"text": TEXT, "spans": spans}, ensure_ascii=False) + "\n", "utf-8")


def test_an_import_takes_a_repeated_span_once_and_says_where_it_was(tmp_path, short_news):
    path = tmp_path / "repeated.jsonl"
    write_jsonl(
        path,
        [
            {"start": 6, "end": 20, "label": "actor"},
            {"start": TWELVE, "end": TWELVE + 6, "label": "number"},
            {"start": 6, "end": 20, "label": "actor"},
            {"start": TWELVE, "end": TWELVE + 6, "label": "number", "value": 12000},
        ],
    )
    with open_project(tmp_path / "other.annotator") as other:
        result = import_paths(other, [path], fmt="prodigy")
        spans = other.spans(1)
    assert [(s.start, s.end, s.label, s.value) for s in spans] == [
        (6, 20, "actor", None),
        (TWELVE, TWELVE + 6, "number", 12000),
    ]
    assert [str(note) for note in result.repeated] == [
        f"{path}:1: span 3: repeats an earlier span (6-20 'actor'); imported once",
        f"{path}:1: span 4: repeats an earlier span ({TWELVE}-{TWELVE + 6} 'number');"
        " imported once",
    ]
    runner = CliRunner()
    out = runner.invoke(cli, ["--project", str(tmp_path / "cli.annotator"), "import", str(path)])
    assert out.exit_code == 0
    assert f"{path}:1: span 3: repeats an earlier span" in out.stderr
    assert "2 repeated span(s) imported once" in out.stderr


def test_an_import_refuses_a_repeat_with_another_value(tmp_path):
    path = tmp_path / "contradiction.jsonl"
    write_jsonl(
        path,
        [
            {"start": TWELVE, "end": TWELVE + 6, "label": "number", "value": 12000},
            {"start": TWELVE, "end": TWELVE + 6, "label": "number", "value": 12},
        ],
    )
    with open_project(tmp_path / "other.annotator") as other:
        with pytest.raises(ImportFailed, match=rf"{path.name}:1: span 2: same place and label"):
            import_paths(other, [path], fmt="prodigy")
        assert other.document_count() == 0


def test_an_older_project_with_duplicates_keeps_one_of_each_with_its_value(tmp_path):
    path = tmp_path / "old.annotator"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply(Database(conn), stop_before="m003_one_span_per_place")
    conn.execute(
        "INSERT INTO documents (id, title, text, length, content_hash, created, updated)"
        " VALUES (1, 't', ?, ?, 'h', 'c', 'u')",
        (TEXT, len(TEXT)),
    )
    rows = [
        # "12 ألف" proposed with its value, then tagged over: the bug of issue 10.
        (1, TWELVE, TWELVE + 6, "number", 12000, "suggested"),
        (2, TWELVE, TWELVE + 6, "number", None, "manual"),
        # The same name tagged twice, and once more with another label (kept).
        (3, 6, 20, "actor", None, "manual"),
        (4, 6, 20, "actor", None, "imported"),
        (5, 6, 20, "event", None, "manual"),
        # Two suggestions at one place: the older one stays.
        (6, 41, 46, "actor", None, "suggested"),
        (7, 41, 46, "actor", None, "suggested"),
    ]
    conn.executemany(
        'INSERT INTO spans (id, document_id, start, "end", label, value, origin, created,'
        " updated) VALUES (?, 1, ?, ?, ?, ?, ?, 'c', 'u')",
        rows,
    )
    conn.close()
    with open_project(path) as project:
        kept = [(s.id, s.start, s.end, s.label, s.value, s.origin.value) for s in project.spans(1)]
        indexes = [row[1] for row in project.conn.execute("PRAGMA index_list(spans)")]
    assert kept == [
        (3, 6, 20, "actor", None, "manual"),
        (5, 6, 20, "event", None, "manual"),
        (2, TWELVE, TWELVE + 6, "number", 12000, "manual"),
        (6, 41, 46, "actor", None, "suggested"),
    ]
    assert "spans_by_place" in indexes
    backup = tmp_path / "old.annotator.before-m003_one_span_per_place.bak"
    assert sqlite3.connect(backup).execute("SELECT count(*) FROM spans").fetchone() == (7,)
