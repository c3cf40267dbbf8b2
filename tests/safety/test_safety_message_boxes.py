"""The window's message boxes show file names and errors as plain text, never as markup.

A project file named ``<a href="http://evil/">Click to repair</a>.annotator`` (a path
can hold that: each "/" is a folder) showed a clickable link in the error dialog
(issue 11, item 12). Each kind of message box is opened here with such a name in its
text, and every label in it must show that text as plain text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from safety_support import make_project

from annotator.core.errors import AnnotatorError
from annotator.qt.app import article_font, show_unexpected_errors, start
from annotator.qt.export_dialog import ExportDialog
from annotator.qt.main_window import MainWindow
from annotator.storage import open_project

MARKUP = '<a href="http://evil/">Click to repair</a>'


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def evil_folder(tmp_path) -> Path:
    """The folder whose path ends in the markup, so that a file in it is named with it."""
    folder = Path(f"{tmp_path}/{MARKUP}")
    folder.mkdir(parents=True)
    assert MARKUP.replace("//", "/") in str(folder)
    return folder


def markup_labels(box: QMessageBox) -> list[QLabel]:
    labels = [label for label in box.findChildren(QLabel) if "<a href" in label.text()]
    assert labels, [label.text() for label in box.findChildren(QLabel)]
    return labels


def assert_plain(box: QMessageBox) -> None:
    for label in markup_labels(box):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def check_next_modal_box(seen: list) -> None:
    """Look at the message box about to run modally, then close it."""

    def look():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        seen.append([(label.text(), label.textFormat()) for label in markup_labels(box)])
        box.reject()

    QTimer.singleShot(0, look)


def assert_seen_plain(seen: list) -> None:
    [labels] = seen
    assert all(form == Qt.TextFormat.PlainText for _text, form in labels), labels


def test_the_cannot_open_box_at_start_shows_a_file_name_as_text(qtbot, evil_folder, settings):
    damaged = Path(f"{evil_folder}.annotator")
    damaged.write_bytes(b"not a project")
    seen: list = []
    check_next_modal_box(seen)
    assert start(str(damaged), "en", settings) is None
    assert_seen_plain(seen)


def test_an_error_box_of_the_window_shows_a_file_name_as_text(
    qtbot, tmp_path, evil_folder, settings
):
    with open_project(make_project(tmp_path / "p.annotator", documents=1)) as project:
        window = MainWindow(project, settings, article_font())
        qtbot.addWidget(window)
        seen: list = []
        check_next_modal_box(seen)
        window.editing.report_error(AnnotatorError(f"{evil_folder}.txt: cannot be read"))
        assert_seen_plain(seen)
        window.close()  # before its project: a suggestion job may still be on its way


def test_the_unexpected_error_box_shows_its_message_as_text(qtbot, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", lambda *args: None)
    show_unexpected_errors(lambda: None)
    seen: list = []
    check_next_modal_box(seen)
    error = ValueError(f"{MARKUP}: bad value")
    sys.excepthook(ValueError, error, None)
    assert_seen_plain(seen)


def test_the_export_boxes_show_paths_as_text(qtbot, english, tmp_path, evil_folder, settings):
    with open_project(make_project(tmp_path / "p.annotator", documents=2)) as project:
        dialog = ExportDialog(project, settings)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("brat"))
        (evil_folder / "keep.txt").write_text("mine", encoding="utf-8")
        dialog.destination_edit.setText(str(evil_folder))  # not empty: refused
        dialog.ok_button.click()
        [warning] = [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]
        assert "not empty" in warning.text()
        assert_plain(warning)
        warning.close()

        parent = MainWindow(project, settings, article_font())
        qtbot.addWidget(parent)
        dialog.setParent(parent, dialog.windowFlags())
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("native"))
        dialog.destination_edit.setText(str(evil_folder / "out.jsonl"))
        dialog.ok_button.click()
        [summary] = [box for box in parent.findChildren(QMessageBox) if box.isVisible()]
        assert "Exported 2 documents" in summary.text()
        assert_plain(summary)
        summary.close()
        parent.close()  # before its project: a suggestion job may still be on its way
