"""Every item model passes Qt's model checks and stays lazy."""

from __future__ import annotations

import pytest

from annotator.core.edits import AddSpan, SetStatus
from annotator.core.model import Document, Span, Status
from annotator.qt.models import DocumentListModel, LabelListModel, SpanListModel

pytestmark = pytest.mark.usefixtures("qapp")


def add_documents(project, count):
    project.import_documents(
        (Document(title=f"خبر {n}", text=f"نص رقم {n} " * 3), []) for n in range(count)
    )


def test_document_list_model(qtmodeltester, project):
    add_documents(project, 30)
    model = DocumentListModel(project)
    qtmodeltester.check(model)
    assert model.rowCount() == 31
    model.set_filter(None, "خبر 7")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["خبر 7"]
    qtmodeltester.check(model)


def test_document_list_fetches_only_the_rows_shown(project, monkeypatch):
    add_documents(project, 1000)
    model = DocumentListModel(project)
    asked: list[int] = []
    original = project.summaries

    def counting(ids):
        ids = list(ids)
        asked.extend(ids)
        return original(ids)

    monkeypatch.setattr(project, "summaries", counting)
    assert model.index(700, 0).data() == "خبر 699"
    assert len(asked) <= 200 and 701 in asked


def test_document_list_follows_status_and_span_changes(qtmodeltester, project):
    add_documents(project, 3)
    model = DocumentListModel(project)
    project.subscribe(model.document_changed)
    model.set_filter(Status.TODO)
    first = model.document_id(0)
    project.apply(AddSpan(first, 0, 2, "actor"))
    assert model.index(0, DocumentListModel.SPANS).data() == 1
    project.apply(SetStatus(first, Status.DONE))
    assert first not in [model.document_id(r) for r in range(model.rowCount())]
    qtmodeltester.check(model)


def test_span_list_model(qtmodeltester, project):
    text = "قذائف المدفعية عيار 152 ملم"
    spans = [Span(0, len(text), "weapon", id=1), Span(20, 23, "number", id=2, value=152)]
    model = SpanListModel(project)
    model.set_document(text, spans)
    qtmodeltester.check(model)
    assert model.index(1, SpanListModel.TEXT).data() == "152"
    assert model.index(1, SpanListModel.VALUE).data() == "152"
    assert model.row_of(2) == 1


def test_label_list_model(qtmodeltester, project):
    model = LabelListModel(project)
    qtmodeltester.check(model)
    assert [model.label(r).key for r in range(model.rowCount())] == ["1", "2", "3", "4"]
