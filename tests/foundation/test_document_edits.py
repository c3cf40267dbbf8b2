"""Deleting and renaming documents: a deleted document's spans go with it and come back
exactly on undo."""

import pytest

from annotator.core.changes import Changes
from annotator.core.edits import (
    AddSpan,
    Batch,
    DeleteDocument,
    RejectSuggestion,
    RenameDocument,
    SetStatus,
)
from annotator.core.errors import EditError
from annotator.core.model import Document, NewSpan, Origin, Status
from annotator.storage import open_project


@pytest.fixture
def project(tmp_path, seed_text):
    project = open_project(tmp_path / "p.annotator")
    start = seed_text.index("كوريا الشمالية")
    project.import_documents(
        [
            (Document("first", seed_text), [NewSpan(start, start + 14, "actor", "ali")]),
            (Document("second", seed_text + " ثان"), [NewSpan(0, 3, "event")]),
            (Document("third", "نص ثالث قصير"), []),
        ]
    )
    yield project
    project.close()


def stored_rows(project) -> list[str]:
    """Every row of documents, spans and rejections as SQL text: values byte for byte."""
    return [
        line
        for line in project.conn.iterdump()
        if line.startswith(('INSERT INTO "documents"', 'INSERT INTO "spans"', 'INSERT INTO "rej'))
    ]


def annotate_second(project, seed_text):
    project.apply(AddSpan(2, 10, 14, "number", annotator="sara", value=152))
    project.apply(AddSpan(2, 20, 26, "weapon", value="مدفع", origin=Origin.SUGGESTED))
    project.apply(AddSpan(2, 30, 34, "actor", origin=Origin.SUGGESTED))
    rejected = next(s for s in project.spans(2) if s.start == 30)
    project.apply(RejectSuggestion(rejected.id))
    project.apply(SetStatus(2, Status.IN_PROGRESS))


def test_delete_takes_spans_and_rejections_and_undo_restores_them_exactly(project, seed_text):
    annotate_second(project, seed_text)
    before = stored_rows(project)
    spans_before = project.spans(2)
    assert len(spans_before) == 3

    applied = project.perform(DeleteDocument(2))

    assert applied.changes == Changes(removed=frozenset({2}))
    assert project.document_ids() == [1, 3]
    assert not any('"spans" VALUES' in line and ",2," in line for line in stored_rows(project))
    with pytest.raises(EditError, match="no document 2"):
        project.get_document(2)
    assert len(stored_rows(project)) == len(before) - 1 - 3 - 1  # document, spans, rejection

    redo = project.apply(applied.inverse)

    assert stored_rows(project) == before
    assert project.spans(2) == spans_before
    assert project.get_status(2) is Status.IN_PROGRESS
    project.apply(redo)
    assert project.document_ids() == [1, 3]


def test_a_span_made_after_a_delete_never_takes_a_deleted_spans_id(project, seed_text):
    annotate_second(project, seed_text)
    highest = max(s.id for s in project.spans(2))
    undo = project.apply(DeleteDocument(2))
    project.apply(AddSpan(1, 0, 3, "event"))
    assert max(s.id for s in project.spans(1)) > highest
    project.apply(undo)
    assert max(s.id for s in project.spans(2)) == highest


def test_several_documents_deleted_as_one_edit(project):
    before = stored_rows(project)
    undo = project.apply(Batch((DeleteDocument(1), DeleteDocument(3)), "Delete 2 documents"))
    assert project.document_ids() == [2]
    project.apply(undo)
    assert stored_rows(project) == before


def test_deleting_an_unknown_document_changes_nothing(project):
    before = stored_rows(project)
    with pytest.raises(EditError, match="no document 9"):
        project.apply(Batch((DeleteDocument(1), DeleteDocument(9))))
    assert stored_rows(project) == before


def test_undo_refused_when_the_text_or_the_id_was_taken_again(project):
    undo = project.apply(DeleteDocument(1))
    project.import_documents([(Document("again", project.get_document(2).text[:-4]), [])])
    with pytest.raises(EditError, match="imported again as document 4; nothing was changed"):
        project.apply(undo)
    assert project.document_ids() == [2, 3, 4]

    undo = project.apply(DeleteDocument(4))
    project.import_documents([(Document("other", "نص آخر"), [])])  # SQLite reuses id 4
    with pytest.raises(EditError, match="document 4 .again.: that id is in use again"):
        project.apply(undo)
    assert project.get_document(4).title == "other"


def test_rename_and_undo(project):
    applied = project.perform(RenameDocument(1, "عنوان جديد"))
    assert applied.changes == Changes(titles=frozenset({1}))
    assert project.summaries([1])[1].title == "عنوان جديد"
    project.apply(applied.inverse)
    assert project.summaries([1])[1].title == "first"
    with pytest.raises(EditError, match="title cannot be empty"):
        project.apply(RenameDocument(1, "  "))
    with pytest.raises(EditError, match="no document 7"):
        project.apply(RenameDocument(7, "x"))
