"""The window by keyboard, all day: browsing the document list after a click, moving the
focus between panes, Find's results, deleting and renaming documents (and undoing it),
and reopening on the last document worked on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from annotator.core.edits import AddSpan, DeleteDocument
from annotator.core.model import Document, Origin
from annotator.qt.app import start
from annotator.storage import open_project
from tests.qt.conftest import proposals_done
from tests.qt.test_arabic_window import RUSSIA, type_text

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def press(widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(widget, key, modifier)


@pytest.fixture
def ids(project):
    """The seed and nine short documents, in list order (asked for before ``window``)."""
    for n in range(1, 10):
        project.add_document(Document(title=f"خبر {n}", text=f"نص الخبر رقم {n} عن {RUSSIA}"))
    return project.document_ids()


def click_row(window, row: int) -> None:
    table = window.document_table
    rect = table.visualRect(window.documents.index(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def focused():
    return QApplication.focusWidget()


def when_modal(act) -> None:
    """Run ``act(dialog)`` on the modal dialog about to open, as a person would."""

    def attempt():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, attempt)
            return
        try:
            act(dialog)
        finally:
            if dialog.isVisible():  # a failed check must not leave the test waiting
                dialog.reject()

    QTimer.singleShot(0, attempt)


# -- the document list ------------------------------------------------------------------------


def test_the_list_is_browsed_by_keys_after_a_click(ids, window):
    table = window.document_table
    click_row(window, 2)
    assert window.current_document() == ids[2]
    for _ in range(3):
        press(focused(), Qt.Key.Key_Down)
    assert window.current_document() == ids[5]
    assert focused() is table
    press(focused(), Qt.Key.Key_End)
    assert window.current_document() == ids[-1]
    press(focused(), Qt.Key.Key_Home)
    assert window.current_document() == ids[0]
    press(focused(), Qt.Key.Key_PageDown)
    assert window.current_document() != ids[0]
    assert focused() is table
    assert window.position_label.text().startswith("Document ")
    press(focused(), Qt.Key.Key_Return)  # chosen: on to the article
    assert focused() is window.view


def test_a_right_click_in_the_list_offers_delete_and_rename(ids, window, qtbot):
    offered = []

    def read_and_close_menu():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, read_and_close_menu)
            return
        offered.extend(action.text() for action in menu.actions())
        menu.close()

    QTimer.singleShot(0, read_and_close_menu)
    table = window.document_table
    point = table.visualRect(window.documents.index(1, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.RightButton, pos=point)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, table.mapToGlobal(point))
    QApplication.sendEvent(table.viewport(), event)
    qtbot.waitUntil(lambda: bool(offered))
    assert offered == ["Delete documents...", "Rename document..."]


def test_f6_moves_the_focus_between_list_article_and_spans(ids, window):
    click_row(window, 0)
    assert focused() is window.document_table
    press(focused(), Qt.Key.Key_F6)
    assert focused() is window.view
    press(focused(), Qt.Key.Key_F6)
    assert focused() is window.span_table
    press(focused(), Qt.Key.Key_F6)
    assert focused() is window.document_table
    press(focused(), Qt.Key.Key_F6, SHIFT)
    assert focused() is window.span_table
    press(focused(), Qt.Key.Key_F6, SHIFT)
    assert focused() is window.view


# -- find -------------------------------------------------------------------------------------


def test_find_down_reaches_the_results_enter_opens_the_chosen_f3_steps(ids, window, qtbot):
    press(window.view, Qt.Key.Key_F, CTRL)
    panel = window.find_panel
    panel.scope.setCurrentIndex(1)  # the whole project
    type_text(panel.query, RUSSIA)
    press(panel.query, Qt.Key.Key_Return)
    proposals_done(qtbot, window)  # the project's search index is built in a worker
    hits = [panel.results.hit(row) for row in range(panel.results.rowCount())]
    assert len({hit.document_id for hit in hits}) == len(ids)

    press(panel.query, Qt.Key.Key_Down)
    assert focused() is panel.list
    for _ in range(3):
        press(panel.list, Qt.Key.Key_Down)
    press(panel.list, Qt.Key.Key_Return)
    chosen = hits[3]
    assert window.current_document() == chosen.document_id
    assert window.view.selected_offsets() == (chosen.start, chosen.end)
    assert focused() is window.view

    press(window.view, Qt.Key.Key_F3)
    assert window.view.selected_offsets() == (hits[4].start, hits[4].end)
    assert window.current_document() == hits[4].document_id
    press(window.view, Qt.Key.Key_F3, SHIFT)
    press(window.view, Qt.Key.Key_F3, SHIFT)
    assert window.current_document() == hits[2].document_id
    assert window.view.selected_offsets() == (hits[2].start, hits[2].end)

    press(window.view, Qt.Key.Key_F, CTRL)
    press(panel.query, Qt.Key.Key_Down)
    press(panel.list, Qt.Key.Key_Up)  # from the first result back to the query
    assert focused() is panel.list  # the chosen result was the third: Up moves in the list
    for _ in range(5):
        press(panel.list, Qt.Key.Key_Up)
    assert focused() is panel.query


def test_a_result_in_a_document_deleted_since_the_search_says_so(ids, window, project, qtbot):
    press(window.view, Qt.Key.Key_F, CTRL)
    panel = window.find_panel
    panel.scope.setCurrentIndex(1)
    type_text(panel.query, RUSSIA)
    press(panel.query, Qt.Key.Key_Return)
    proposals_done(qtbot, window)
    opened = window.current_document()
    gone = panel.results.hit(panel.results.rowCount() - 1).document_id
    project.apply(DeleteDocument(gone))
    told = []

    def read_and_close(box):
        told.append(box.text())
        box.accept()

    when_modal(read_and_close)
    press(panel.query, Qt.Key.Key_F3, SHIFT)  # round to the last result
    assert told == [f"no document {gone}"]
    assert window.current_document() == opened


# -- delete and rename ------------------------------------------------------------------------


def back_from_the_question(window, qtbot) -> None:
    """The window is active again once a dialog closes (the window manager's part; the
    offscreen platform leaves it to the test)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_delete_in_the_list_asks_naming_the_count_and_ctrl_z_brings_all_back(
    ids, window, project, qtbot
):
    project.apply(AddSpan(ids[1], 0, 2, "event", annotator="sara", value=3))
    project.apply(AddSpan(ids[1], 3, 8, "actor", origin=Origin.SUGGESTED))
    spans_before = project.spans(ids[1])
    click_row(window, 1)
    press(focused(), Qt.Key.Key_Down, SHIFT)  # documents 2 and 3 selected
    asked = []

    def confirm(box):
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(confirm)
    press(focused(), Qt.Key.Key_Delete)
    # Names the count (the English plural form comes with annotator_en.ts, from main).
    [question] = asked
    assert question.startswith("Delete 2 document") and question.endswith("spans and suggestions?")
    assert project.document_ids() == [ids[0], *ids[3:]]
    assert window.documents.rowCount() == len(ids) - 2
    qtbot.waitUntil(lambda: window.current_document() == ids[3])  # the next one opens
    back_from_the_question(window, qtbot)
    assert focused() is window.document_table

    press(focused(), Qt.Key.Key_Z, CTRL)
    assert project.document_ids() == ids
    assert project.spans(ids[1]) == spans_before
    assert window.documents.rowCount() == len(ids)
    press(focused(), Qt.Key.Key_Z, CTRL | SHIFT)  # redo deletes them again
    assert project.document_ids() == [ids[0], *ids[3:]]


def test_declining_the_question_deletes_nothing(ids, window, project):
    click_row(window, 4)
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    press(focused(), Qt.Key.Key_Delete)
    assert project.document_ids() == ids
    assert window.current_document() == ids[4]


def test_delete_in_the_article_still_deletes_the_selected_span(ids, window, project):
    click_row(window, 0)
    project.apply(AddSpan(ids[0], 0, 3, "event"))
    [span] = project.spans(ids[0])
    window.view.select_span(span.id)
    window.view.setFocus()
    press(window.view, Qt.Key.Key_Delete)
    assert project.spans(ids[0]) == []
    assert project.document_ids() == ids


def test_delete_in_the_span_list_deletes_the_span_not_the_document(ids, window, project):
    click_row(window, 0)
    project.apply(AddSpan(ids[0], 0, 3, "event"))
    table = window.span_table
    rect = table.visualRect(window.spans.index(0, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert focused() is table
    press(table, Qt.Key.Key_Delete)
    assert project.spans(ids[0]) == []
    assert project.document_ids() == ids


def test_f2_renames_the_chosen_document_and_undo_renames_it_back(ids, window, project, qtbot):
    click_row(window, 2)

    def retitle(dialog):
        assert isinstance(dialog, QInputDialog)
        assert dialog.textValue() == "خبر 2"
        field = dialog.findChild(QLineEdit)
        field.selectAll()
        type_text(field, " عنوان أوضح ")
        press(field, Qt.Key.Key_Return)

    when_modal(retitle)
    press(focused(), Qt.Key.Key_F2)
    assert project.get_document(ids[2]).title == "عنوان أوضح"
    title_cell = window.documents.index(2, 0)
    assert title_cell.data() == "عنوان أوضح"
    back_from_the_question(window, qtbot)
    assert focused() is window.document_table
    press(focused(), Qt.Key.Key_Z, CTRL)
    assert project.get_document(ids[2]).title == "خبر 2"
    assert window.documents.index(2, 0).data() == "خبر 2"


def test_deleting_the_last_document_leaves_an_empty_window(window, project, qtbot):
    [only] = project.document_ids()
    window.document_table.setFocus()
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    press(window.document_table, Qt.Key.Key_Delete)
    assert project.document_ids() == []
    QTest.qWait(1)
    assert window.current_document() is None
    assert window.view.text() == ""
    back_from_the_question(window, qtbot)
    press(window.document_table, Qt.Key.Key_Z, CTRL)
    assert project.document_ids() == [only]


# -- reopening --------------------------------------------------------------------------------


def test_the_app_reopens_on_the_last_document_worked_on(qtbot, tmp_path, settings):
    path = tmp_path / "daily.annotator"
    session = start(str(path), "en", settings)
    project = session.window.project
    for n in range(1, 6):
        project.add_document(Document(title=f"خبر {n}", text=f"نص رقم {n}"))
    ids = project.document_ids()
    back_from_the_question(session.window, qtbot)  # shown and active
    click_row(session.window, 2)
    press(focused(), Qt.Key.Key_Down)
    assert session.window.current_document() == ids[3]
    session.window.close()
    project.close()

    again = start(str(path), "en", settings)
    assert again.window.current_document() == ids[3]
    # Gone since (deleted from the CLI, say): the first document instead.
    window = again.window
    back_from_the_question(window, qtbot)
    window.document_table.setFocus()
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    press(window.document_table, Qt.Key.Key_Delete)
    window.close()
    window.project.close()
    third = start(str(path), "en", settings)
    assert third.window.current_document() == ids[0]
    third.window.close()
    third.window.project.close()


def test_the_question_counts_in_arabic_plural_forms(qtbot, tmp_path, settings):
    session = start(str(tmp_path / "ar.annotator"), "ar", settings)
    window = session.window
    try:
        for n in range(1, 4):
            window.project.add_document(Document(title=f"خبر {n}", text=f"نص رقم {n}"))
        back_from_the_question(window, qtbot)
        click_row(window, 0)
        press(focused(), Qt.Key.Key_Down, SHIFT)
        asked = []

        def decline(box):
            asked.append(box.text())
            box.button(QMessageBox.StandardButton.Cancel).click()

        when_modal(decline)
        press(focused(), Qt.Key.Key_Delete)
        assert asked == ["حذف مستندين مع مقاطعهما واقتراحاتهما؟"]  # the dual form
        assert len(window.project.document_ids()) == 3
    finally:
        session.translations.apply("en")  # the tests after this one speak English
        window.close()
        window.project.close()


def test_undoing_an_edit_of_a_document_deleted_elsewhere_says_so(ids, window, project, qtbot):
    click_row(window, 3)
    window.view.select_offsets(0, 2)
    window.view.setFocus()
    press(window.view, Qt.Key.Key_1)  # tag: an undoable edit of document 4
    assert len(project.spans(ids[3])) == 1
    click_row(window, 5)
    with open_project(project.path) as elsewhere:  # `annotator delete 4` meanwhile
        elsewhere.apply(DeleteDocument(ids[3]))
    told = []

    def read_and_close(box):
        told.append(box.text())
        box.accept()

    when_modal(read_and_close)
    press(window.view, Qt.Key.Key_Z, CTRL)
    assert told == [f"no document {ids[3]}"]
    assert window.current_document() == ids[5]
    # The list learns of it when it next reads the gone row: a blank row, then read again.
    window.documents.index(3, 0).data()
    qtbot.waitUntil(lambda: window.documents.rowCount() == len(ids) - 1)
    assert window.documents.row_of(ids[3]) is None
