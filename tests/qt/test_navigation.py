"""Moving around by keyboard and mouse: documents, zoom, the span list, hover names."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.core.edits import AddSpan
from annotator.core.model import Document
from tests.qt.conftest import caret_point, scroll_to

WEAPON = "قذائف المدفعية عيار 152 ملم"


def add_weapon_with_number(window):
    doc = window.current_document()
    text = window.project.get_document(doc).text
    start = text.index(WEAPON)
    number = text.index("152", start)
    window.project.apply(AddSpan(doc, start, start + len(WEAPON), "weapon"))
    window.project.apply(AddSpan(doc, number, number + 3, "number", value=152))
    return start, number


def test_hovering_a_nested_span_names_both_labels(window):
    _, number = add_weapon_with_number(window)
    view = window.view
    position = view.offset_map().to_qt(number + 1)
    scroll_to(view, position)
    point = (caret_point(view, position) + caret_point(view, position + 1)) / 2
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.text().splitlines() == ["عدد (number) = 152", "سلاح (weapon)"]


def test_clicking_a_row_of_the_span_list_selects_and_shows_the_span(window, qtbot):
    start, _ = add_weapon_with_number(window)
    table = window.span_table
    row = next(r for r in range(window.spans.rowCount()) if window.spans.span_at(r).start == start)
    rect = table.visualRect(window.spans.index(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    span = window.spans.span_at(row)
    assert window.view.selected_span() == span.id
    cursor_rect = window.view.cursorRect()
    assert window.view.viewport().rect().contains(cursor_rect.center())
    QTest.keyClick(window.view, Qt.Key.Key_4)  # and a key relabels it
    assert window.project.get_span(span.id).label == "event"


def test_next_and_previous_document_keys(window, project):
    first = window.current_document()
    second = project.add_document(Document(title="second", text="الثاني"))
    QTest.qWait(1)
    QTest.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_document() == second
    assert window.position_label.text() == "Document 2 of 2"
    QTest.keyClick(window.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_document() == first


def test_zoom_keys(window):
    size = window.view.font().pointSizeF()
    QTest.keyClick(window.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() == size + 2
    QTest.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() == size + 1
    QTest.keyClick(window.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() == size


def test_markup_is_shown_as_text(window, project):
    text = 'قبل <img src="x.png"> <b>بعد</b>'
    doc = project.add_document(Document(title="markup", text=text))
    window.open_document(doc)
    assert window.view.document().toRawText() == text
    assert window.view.document().toHtml().count("<img") == 0


def test_the_status_bar_counts_labels(window):
    add_weapon_with_number(window)
    assert "سلاح: 1" in window.counts_label.text()
    assert "عدد: 1" in window.counts_label.text()
    assert window.saved_label.text() == ""  # edits made elsewhere; the window saved nothing


def test_recent_projects_remember_the_open_project(window):
    assert window.files.recent_projects()[0] == str(window.project.path.resolve())


def test_the_document_list_filters_by_title(window, project, qtbot):
    project.add_document(Document(title="Reuters report", text="نص"))
    QTest.qWait(1)
    window.title_filter.setFocus()
    QTest.keyClicks(window.title_filter, "report")  # (QTest can only type ASCII)
    assert window.documents.rowCount() == 1
    assert window.documents.index(0, 0).data() == "Reuters report"
    assert window.position_label.text() == "Document not in the list"


def test_keyboard_only_relabel_through_the_span_list(window):
    start, _ = add_weapon_with_number(window)
    table = window.span_table
    table.setFocus()
    row = next(r for r in range(window.spans.rowCount()) if window.spans.span_at(r).start == start)
    table.setCurrentIndex(window.spans.index(row, 0))
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert window.view.hasFocus()
    QTest.keyClick(window.view, Qt.Key.Key_1)
    assert window.project.get_span(window.spans.span_at(row).id).label == "actor"


def test_clicking_the_palette_tags_the_selection(window):
    from tests.qt.conftest import drag_select

    doc = window.current_document()
    text = window.project.get_document(doc).text
    start = text.index("أرسلت")
    drag_select(window.view, start, start + len("أرسلت"))
    palette = window.palette_view
    rect = palette.visualRect(window.labels.index(3, 0))  # event
    QTest.mouseClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    [span] = window.project.spans(doc)
    assert (span.start, span.end, span.label) == (start, start + len("أرسلت"), "event")
    assert window.view.hasFocus()
