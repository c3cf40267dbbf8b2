"""The window follows the project's changes, whatever order its views subscribed in.

Each operation publishes one ``Changes``; the document list, the label palette and
the window (article, span list, status bar) each decide what to refresh. The
window's views are subscribed here again in every order, and each kind of change
is made from outside the window (as the CLI or an import would), then read back
from what the window shows.
"""

from __future__ import annotations

from itertools import permutations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.arabic.suggest import Suggestion
from annotator.core.edits import AddSpan, RejectSuggestion, RelabelSpan, SetStatus
from annotator.core.labels import Label
from annotator.core.model import Document, Status
from annotator.storage.suggestions import store_suggestions


@pytest.fixture(params=list(permutations(range(3))), ids=lambda order: "".join(map(str, order)))
def reordered(request, window):
    listeners = window._followers  # the document list, the palette, the article and status bar
    assert len(listeners) == 3
    for listener in listeners:
        window.project.unsubscribe(listener)
    for index in request.param:
        window.project.subscribe(listeners[index])
    return window


def shown_spans(window):
    return [(h.span.start, h.span.end, h.span.label) for h in window.view.highlights()]


def listed_spans(window):
    return [
        (window.spans.span_at(row).start, window.spans.span_at(row).label)
        for row in range(window.spans.rowCount())
    ]


def document_rows(window):
    model = window.documents
    return [model.document_id(row) for row in range(model.rowCount())]


def test_spans_statuses_documents_and_labels_reach_every_view(reordered):
    window, project = reordered, reordered.project
    doc = window.current_document()

    project.apply(AddSpan(doc, 0, 4, "actor"))  # accepted spans
    assert shown_spans(window) == [(0, 4, "actor")]
    assert listed_spans(window) == [(0, "actor")]
    assert window.documents.index(0, window.documents.SPANS).data() == 1
    assert "فاعل: 1" in window.counts_label.text()

    store_suggestions(project, {doc: [Suggestion(5, 9, "number")]})  # suggestions only
    assert shown_spans(window) == [(0, 4, "actor"), (5, 9, "number")]
    assert listed_spans(window) == [(0, "actor"), (5, "number")]
    assert window.documents.index(0, window.documents.SPANS).data() == 1  # not counted

    window.status_filter.setCurrentIndex(window.status_filter.findData(Status.TODO))
    project.apply(SetStatus(doc, Status.DONE))  # a status: out of the "to do" list
    assert document_rows(window) == []
    assert window.position_label.text() == "Document not in the list"
    window.status_filter.setCurrentIndex(0)
    assert document_rows(window) == [doc]
    assert window.position_label.text() == "Document 1 of 1"

    other = project.add_document(Document(title="ثان", text="نص آخر"))  # a document added
    assert document_rows(window) == [doc, other]
    assert window.position_label.text() == "Document 1 of 2"

    project.add_label(Label("place", "مكان", "#117733", "5"))  # labels
    assert window.labels.rowCount() == 5
    project.update_label("actor", color="#000000")
    [actor] = [h for h in window.view.highlights() if h.span.label == "actor"]
    assert actor.color.name() == "#000000"
    project.apply(AddSpan(doc, 10, 14, "place"))
    assert (10, 14, "place") in shown_spans(window)
    assert "مكان: 1" in window.counts_label.text()


def test_a_change_in_another_document_updates_its_row_not_the_article(window):
    project = window.project
    other = project.add_document(Document(title="ثان", text="نص آخر هنا"))
    project.apply(AddSpan(window.current_document(), 0, 4, "actor"))
    window.view.select_span(window.view.highlights()[0].span.id)
    project.apply(AddSpan(other, 0, 2, "actor"))
    assert shown_spans(window) == [(0, 4, "actor")]
    assert window.view.selected_span() is not None
    row = document_rows(window).index(other)
    assert window.documents.index(row, window.documents.SPANS).data() == 1


def test_importing_into_an_empty_list_opens_the_first_document(window, tmp_path):
    project = window.project
    window.title_filter.setText("لا يوجد عنوان كهذا")
    assert document_rows(window) == []
    window.title_filter.clear()
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("خبر جديد\nنص الخبر.", encoding="utf-8")
    window.files.import_paths([folder])
    assert len(document_rows(window)) == 2  # at once, in one change for the whole import
    assert window.current_document() in project.document_ids()
    assert window.statusBar().currentMessage() == "Imported 1 document and 0 spans."


def test_undo_of_a_change_in_another_document_shows_that_document(window):
    project = window.project
    doc = window.current_document()
    other = project.add_document(Document(title="ثان", text="نص آخر هنا"))
    window.open_document(other)
    window.view.select_offsets(0, 2)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_1)
    window.open_document(doc)
    window.action("edit.undo").trigger()
    assert window.current_document() == other
    assert project.spans(other) == []


def test_suggestions_arriving_for_the_open_document_join_what_it_shows(window):
    project = window.project
    doc = window.current_document()
    project.apply(AddSpan(doc, 0, 4, "actor"))
    store_suggestions(project, {doc: [Suggestion(5, 9, "number"), Suggestion(0, 2, "number")]})
    assert window.view.spans() == project.spans(doc)  # in text order, with their ids
    assert listed_spans(window) == [(0, "number"), (0, "actor"), (5, "number")]

    suggested = next(s for s in project.spans(doc) if s.start == 5)
    undo = project.apply(RejectSuggestion(suggested.id))  # one fewer
    assert shown_spans(window) == [(0, 2, "number"), (0, 4, "actor")]
    project.apply(undo)  # back with its old id
    assert window.view.spans() == project.spans(doc)
    project.apply(RelabelSpan(suggested.id, "actor"))  # changed in place, nothing added
    assert (5, 9, "actor") in shown_spans(window)
    store_suggestions(project, {doc: [Suggestion(10, 12, "number")]})
    assert window.view.spans() == project.spans(doc)
