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
    project.subscribe(model.apply_changes)
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


def test_a_span_added_keeps_the_span_list_on_its_current_row(qtmodeltester, project):
    from PySide6.QtWidgets import QTableView

    text = "قذائف المدفعية عيار 152 ملم"
    weapon, number = Span(0, 5, "weapon", id=1), Span(20, 23, "number", id=2, value=152)
    model = SpanListModel(project)
    model.set_document(text, [weapon, number])
    table = QTableView()
    table.setModel(model)
    table.setCurrentIndex(model.index(1, SpanListModel.TEXT))  # on 152
    added = Span(6, 14, "weapon", id=3)
    model.set_document(text, [weapon, added, number])  # a tag between the two
    qtmodeltester.check(model)
    assert [model.span_at(row).id for row in range(3)] == [1, 3, 2]
    assert table.currentIndex().row() == 2 and model.span_at(2) == number  # still on 152
    model.set_document(text, [added])  # anything else: the list starts again
    assert [model.span_at(row).id for row in range(1)] == [3]
    assert not table.currentIndex().isValid()


def test_label_list_model(qtmodeltester, project):
    model = LabelListModel(project)
    qtmodeltester.check(model)
    assert [model.label(r).key for r in range(model.rowCount())] == ["1", "2", "3", "4"]


def test_span_list_model_value_edits_are_announced_not_applied(qtmodeltester, project):
    from PySide6.QtCore import Qt

    text = "أرسلت 1500 جندي"
    spans = [Span(6, 10, "number", id=7, value=1500)]
    model = SpanListModel(project)
    model.set_document(text, spans)
    edits = []
    model.valueEdited.connect(lambda span_id, value: edits.append((span_id, value)))
    value = model.index(0, SpanListModel.VALUE)
    assert value.flags() & Qt.ItemFlag.ItemIsEditable
    assert not model.index(0, SpanListModel.TEXT).flags() & Qt.ItemFlag.ItemIsEditable
    assert value.data(Qt.ItemDataRole.EditRole) == "1500"
    assert model.setData(value, "١٬٥٠١")
    assert model.setData(value, "")
    assert not model.setData(value, "1500")  # unchanged: no edit
    assert edits == [(7, 1501), (7, None)]
    assert value.data() == "1500"  # the row changes when the project says so
    qtmodeltester.check(model)


def test_search_result_model(qtmodeltester, project):
    from PySide6.QtCore import Qt

    from annotator.arabic.search import SearchHit
    from annotator.qt.find_panel import SearchResultModel

    doc = project.document_ids()[0]
    text = project.get_document(doc).text
    start = text.index("لروسيا") + 1
    model = SearchResultModel(project)
    qtmodeltester.check(model)
    model.set_hits([SearchHit(doc, start, start + 5)])
    qtmodeltester.check(model)
    shown = model.index(0, 0).data()
    assert shown.startswith("بوتين وكيم جونغ أون: …")
    assert "الإيراني ل[روسيا] بالطائرات" in shown
    alignment = model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight  # an Arabic result reads from the right
