"""Starting the window: the seeded default project, a bad project file, settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from annotator.core.model import Document
from annotator.qt.app import article_font, start
from annotator.qt.main_window import MainWindow


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("ANNOTATOR_PROJECT", raising=False)
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
    from annotator.qt.i18n import Translations

    Translations(qapp).apply("en")


def answer_dialog(button_text: str) -> None:
    """Click a button of the message box that is about to open."""

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, click)


def test_first_run_opens_the_default_project_with_the_sample_article(data_home, settings):
    session = start(None, "en", settings)
    window = session.window
    assert window.project.path.parent.parent == data_home
    assert window.documents.rowCount() == 1
    assert "كوريا الشمالية" in window.view.toPlainText()
    window.close()
    window.project.close()

    again = start(None, "en", settings)
    assert again.window.documents.rowCount() == 1  # seeded once, not twice
    again.window.close()
    again.window.project.close()


def test_a_damaged_project_is_reported_and_left_untouched(tmp_path, settings):
    damaged = tmp_path / "notes.annotator"
    damaged.write_bytes(b"these are my notes, not a database\n")
    answer_dialog("Cancel")
    assert start(str(damaged), "en", settings) is None
    assert damaged.read_bytes() == b"these are my notes, not a database\n"


def test_after_a_damaged_project_another_can_be_created(tmp_path, settings, monkeypatch):
    damaged = tmp_path / "broken.annotator"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 10)
    created = tmp_path / "fresh"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(created), ""))
    )
    answer_dialog("Create new...")
    session = start(str(damaged), "en", settings)
    assert session.window.project.path == tmp_path / "fresh.annotator"
    assert damaged.read_bytes() == b"SQLite format 3\x00" + b"\x00" * 10
    session.window.close()
    session.window.project.close()


def drag_handle(splitter, index: int, x: int) -> None:
    """Drag the splitter's handle ``index`` with the mouse until it stands at ``x``."""
    handle = splitter.handle(index)
    middle = handle.rect().center()
    target = QPoint(x - handle.x(), middle.y())
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    QTest.mouseMove(handle, target)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=target)


def test_window_state_zoom_and_last_document_are_remembered(qtbot, project, settings):
    second = project.add_document(Document(title="second", text="نص ثان"))
    window = MainWindow(project, settings, article_font())
    qtbot.addWidget(window)
    window.resize(760, 560)  # within the offscreen platform's 800 x 800 screen
    window.show()
    qtbot.waitExposed(window)
    window.open_document(second)
    window.action("view.zoom_in").trigger()
    window.action("view.zoom_in").trigger()
    drag_handle(window.splitter, 1, 180)  # the panels as the user drags them
    drag_handle(window.splitter, 2, 180 + window.splitter.handleWidth() + 400)
    sizes = window.splitter.sizes()
    assert abs(sizes[0] - 180) <= 2 and abs(sizes[1] - 400) <= 2  # the drags took
    window.close()

    reopened = MainWindow(project, settings, article_font())
    qtbot.addWidget(reopened)
    reopened.show()
    qtbot.waitExposed(reopened)
    assert reopened.size() == window.size()
    assert reopened.current_document() == second
    assert reopened.view.zoom() == 2
    assert reopened.splitter.sizes() == sizes


def test_arabic_interface_is_translated_and_mirrored(qtbot, data_home, settings):
    session = start(None, "ar", settings)
    window = session.window
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.file_menu.title() == "&ملف"
    assert window.status_filter.itemText(1) == "للعمل"
    assert window.documents.headerData(0, Qt.Orientation.Horizontal) == "العنوان"
    # Mirrored: the document list is on the right, yet the text keeps its own direction.
    assert window.splitter.widget(0).mapTo(window, QPoint(0, 0)).x() > window.width() // 2
    latin = window.project.add_document(Document(title="Latin", text="Left to right.\nيمين"))
    window.open_document(latin)
    view = window.view
    latin_x = view.cursorRect(QTextCursor(view.document().findBlockByNumber(0))).x()
    arabic_x = view.cursorRect(QTextCursor(view.document().findBlockByNumber(1))).x()
    assert latin_x <= 12
    assert arabic_x >= view.viewport().width() - 12
    window.action("view.language.en").trigger()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert window.status_filter.itemText(1) == "to do"
    assert settings.value("language") == "en"
    window.close()
    window.project.close()


def test_new_project_from_the_file_menu_replaces_the_window(
    qtbot, data_home, settings, tmp_path, monkeypatch
):
    session = start(None, "en", settings)
    old_window = session.window
    target = tmp_path / "second"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    old_window.action("file.new").trigger()
    new_window = session.window
    assert new_window is not old_window
    assert new_window.project.path == tmp_path / "second.annotator"
    assert new_window.documents.rowCount() == 0  # only the default project is seeded
    assert str((tmp_path / "second.annotator").resolve()) == new_window.files.recent_projects()[0]
    new_window.close()
    new_window.project.close()


def test_language_choice_order():
    from annotator.qt.i18n import choose_language, system_language

    assert choose_language("ar", "en") == "ar"  # --lang first
    assert choose_language(None, "ar") == "ar"  # then the View menu's choice
    assert choose_language(None, None) == system_language()
    assert choose_language("xx", "yy") == system_language()


def test_every_menu_entry_and_the_find_panel_speak_arabic(qtbot, data_home, settings):
    import re

    session = start(None, "ar", settings)
    window = session.window
    arabic = re.compile("[\u0600-\u06ff]")
    for menu in (window.file_menu, window.edit_menu, window.view_menu, window.document_menu):
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            if action.objectName().startswith("view.language."):
                continue  # each language is named in itself
            assert arabic.search(action.text()), action.text()
    panel = window.find_panel
    for text in (
        panel.windowTitle(),
        panel.query.placeholderText(),
        panel.scope.itemText(0),
        panel.scope.itemText(1),
    ):
        assert arabic.search(text), text
    assert window.action("suggestion.reject_all").text() == "رفض كل الاقتراحات"
    window.action("view.language.en").trigger()
    window.close()
    window.project.close()
