"""The Arabic interface: shortcuts keep their order, and no English is left (issue 12)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QWidget,
)

from annotator.core.model import Document
from annotator.io.registry import exporter_names
from annotator.qt.app import article_font
from annotator.qt.export_dialog import ExportDialog
from annotator.qt.i18n import Translations
from annotator.qt.main_window import MainWindow
from tests.qt.test_arabic_window import type_text


@pytest.fixture
def translations(qapp):
    translations = Translations(qapp)
    yield translations
    for widget in QApplication.topLevelWidgets():
        widget.close()
    translations.apply("en")


def open_window(qtbot, project, settings) -> MainWindow:
    window = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def inked(image: QImage, area: QRect) -> QImage:
    """The part of ``area`` that has ink, cropped tight (the background: its commonest colour)."""
    counts = Counter(
        image.pixel(x, y)
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
    )
    background = QColor(counts.most_common(1)[0][0])
    xs, ys = [], []
    for x in range(area.left(), area.right() + 1):
        for y in range(area.top(), area.bottom() + 1):
            if image.pixelColor(x, y) != background:
                xs.append(x)
                ys.append(y)
    return image.copy(QRect(QPoint(min(xs), min(ys)), QPoint(max(xs), max(ys))))


def shortcut_drawn(window: MainWindow, action_id: str, shortcut_side: str) -> QImage:
    """The shortcut of a View menu entry as the menu draws it."""
    menu = window.view_menu
    menu.popup(window.mapToGlobal(QPoint(50, 50)))
    QApplication.processEvents()
    image = menu.grab().toImage()
    row = menu.actionGeometry(window.action(action_id))
    inner = row.adjusted(8, 2, -8, -2)  # off the menu's frame
    half = inner.width() // 2
    left = inner.left() if shortcut_side == "left" else inner.left() + half
    drawn = inked(image, QRect(left, inner.top(), half, inner.height()))
    menu.hide()
    return drawn


@pytest.mark.parametrize("action_id", ["view.zoom_in", "view.zoom_out"])
def test_a_shortcut_reads_the_same_in_the_arabic_menu(
    qtbot, project, settings, translations, action_id
):
    english = open_window(qtbot, project, settings)
    in_english = shortcut_drawn(english, action_id, "right")
    english.close()
    translations.apply("ar")
    arabic = open_window(qtbot, project, settings)
    assert "+" in arabic.action(action_id).shortcut().toString()
    in_arabic = shortcut_drawn(arabic, action_id, "left")
    # Drawn as in English up to sub-pixel placement (~0.1); "++Ctrl" scores ~0.3.
    assert difference(in_arabic, in_english) < 0.2


def difference(one: QImage, other: QImage) -> float:
    """How unlike two drawings are: the mean grey difference (0-1) over their common width."""
    width, height = min(one.width(), other.width()), min(one.height(), other.height())
    total = sum(
        abs(QColor(one.pixel(x, y)).lightnessF() - QColor(other.pixel(x, y)).lightnessF())
        for x in range(width)
        for y in range(height)
    )
    return total / (width * height)


LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def shown_strings(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every string a user can see in ``root`` and its children."""
    for action in root.findChildren(QAction):
        yield f"action {action.objectName()}", action.text()
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName()}"
        yield f"{name} title", widget.windowTitle()
        yield f"{name} tooltip", widget.toolTip()
        if isinstance(widget, QMenu):
            yield name, widget.title()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield name, widget.text()
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText()
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield f"{name} item {index}", widget.itemText(index)
        if isinstance(widget, QTableView):
            header = widget.horizontalHeader()
            for column in range(header.count()):
                text = widget.model().headerData(column, Qt.Orientation.Horizontal)
                yield f"{name} header {column}", str(text or "")


def untranslated(root: QWidget, allowed: set[str]) -> list[str]:
    """Strings with English words (beyond ``allowed``) and no Arabic letter."""
    found = []
    for where, text in shown_strings(root):
        words = {word for word in LATIN_WORD.findall(text) if word not in allowed}
        if words and not ARABIC_LETTER.search(text):
            found.append(f"{where}: {text!r}")
    return found


def test_no_english_is_left_in_the_arabic_window_and_its_dialogs(
    qtbot, project, settings, translations
):
    translations.apply("ar")
    window = open_window(qtbot, project, settings)
    window.find_panel.start()
    labels = project.labels()
    allowed = {"English"}  # each language is named in itself
    allowed |= {word for name in labels.names() for word in LATIN_WORD.findall(name)}
    allowed |= {word for label in labels for word in LATIN_WORD.findall(label.display_name)}
    allowed |= set(LATIN_WORD.findall(project.path.name))
    assert untranslated(window, allowed) == []

    dialog = ExportDialog(project, settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    allowed |= {word for name in exporter_names() for word in LATIN_WORD.findall(name)}
    allowed |= set(LATIN_WORD.findall(dialog.destination_edit.text()))
    assert untranslated(dialog, allowed) == []


@pytest.mark.parametrize(
    ("language", "word", "summary"),
    [
        ("en", "فريدة", "1 match"),
        ("en", "مكررة", "2 matches"),
        ("ar", "فريدة", "نتيجة واحدة"),
        ("ar", "مكررة", "نتيجتان"),
        ("ar", "كلمة", "3 نتائج"),
    ],
)
def test_counts_take_the_plural_of_their_language(
    qtbot, project, settings, translations, language, word, summary
):
    translations.apply(language)
    document = project.add_document(
        Document(title="counts", text="كلمة فريدة\nكلمة مكررة\nكلمة مكررة")
    )
    window = open_window(qtbot, project, settings)
    window.open_document(document)
    window.action("edit.find").trigger()
    type_text(window.find_panel.query, word)
    QTest.keyClick(window.find_panel.query, Qt.Key.Key_Return)
    assert window.find_panel.summary.text() == summary
