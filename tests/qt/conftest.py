from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QTextCharFormat, QTextCursor, QTextLayout
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog

from annotator.io.seed import ensure_seeded
from annotator.qt.app import article_font
from annotator.qt.main_window import MainWindow
from annotator.storage import open_project

# Text a user may meet: emoji, CRLF line ends, diacritics, NBSP, ZWNJ, RLM and LRM.
TRICKY_TEXT = (
    "خبر 😀 عاجل\r\n"
    "أطلقت كوريا الشمالية صاروخًا من بيونغ\u200cيانغ\r\n"
    "\u200fقذائف عيار 152\u00a0ملم\u200e (NATO)\r\n"
    "Latin line 😀 end\r\n"
)


@pytest.fixture(scope="session", autouse=True)
def english_everywhere(english):
    """Every window test sees the English interface the app starts with (tests/conftest.py)."""


@pytest.fixture
def settings(tmp_path):
    # An INI file of the test's own: the user's real settings are never touched.
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    # Tests of manual tagging count the spans they make; suggestion tests switch it on.
    settings.setValue("suggestions/on_open", False)
    return settings


@pytest.fixture
def project(tmp_path):
    project = open_project(tmp_path / "test.annotator")
    ensure_seeded(project)
    yield project
    project.close()


@pytest.fixture
def window(qtbot, project, settings):
    window = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(window)
    window.resize(1300, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def proposals_done(qtbot, window) -> None:
    """Wait for the window's worker: suggestions are proposed off the UI thread."""
    qtbot.waitUntil(lambda: not window.editing.background.busy(), timeout=10_000)


def caret_point(view, qt_position: int) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_position)
    rect = view.cursorRect(cursor)
    return QPoint(rect.x(), rect.center().y())


SELECTION_MARK = QColor("#ff00ff")


def drawn_extent(view, qt_start: int, qt_end: int) -> tuple[float, float, float]:
    """Where Qt draws the characters ``qt_start``..``qt_end`` (on the line of the first).

    The block is drawn with that range selected, in a colour nothing else uses, and
    the coloured columns are read back: (left, right, middle height), viewport pixels.
    This is what a person sees, whatever Qt's hit test makes of it.
    """
    block = view.document().findBlock(qt_start)
    layout = block.layout()
    line = layout.lineForTextPosition(qt_start - block.position())
    width = view.viewport().width()
    image = QImage(width, int(line.height()) + 2, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    mark = QTextCharFormat()
    mark.setBackground(SELECTION_MARK)
    mark.setForeground(SELECTION_MARK)
    selection = QTextLayout.FormatRange()
    selection.start = qt_start - block.position()
    selection.length = qt_end - qt_start
    selection.format = mark
    origin = view.viewport().rect().topLeft()
    left_edge = -view.horizontalScrollBar().value()
    painter = QPainter(image)
    layout.draw(painter, QPointF(left_edge, -line.y() - layout.position().y()), [selection])
    painter.end()
    row = int(line.height() / 2)
    columns = [x for x in range(width) if QColor(image.pixel(x, row)) == SELECTION_MARK]
    assert columns, f"nothing drawn for {qt_start}-{qt_end}"
    top = layout.position().y() + line.y() - view.verticalScrollBar().value() + origin.y()
    # QTextLayout.draw adds the layout's own position: the columns are viewport x already.
    return columns[0], columns[-1] + 1, top + line.height() / 2


def point_for(view, qt_position: int) -> QPoint:
    """The middle of the character at ``qt_position`` as drawn (where a person aims)."""
    left, right, y = drawn_extent(view, qt_position, qt_position + 1)
    return QPoint(round((left + right) / 2), round(y))


def scroll_to(view, qt_position: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_position)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()


def drag_select(view, start: int, end: int) -> None:
    """Select from the code-point offset ``start`` to ``end`` with a mouse drag.

    The drag goes from the middle of the first character to the middle of the last,
    as drawn; with ``end == start`` it is a click on the caret's place before ``start``.
    """
    offsets = view.offset_map()
    qt_start, qt_end = offsets.to_qt(start), offsets.to_qt(end)
    scroll_to(view, qt_end)
    scroll_to(view, qt_start)
    viewport = view.viewport()
    if qt_end == qt_start:
        a = b = caret_point(view, qt_start)
    else:
        last = offsets.to_qt(end - 1)
        a, b = point_for(view, qt_start), point_for(view, last)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(viewport, b)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def band_colors(
    view, start: int, end: int, depth: int = 0, above: int = 0, image=None, origin=None
) -> set[str]:
    """Colours painted in a span's nesting band, between its first and last caret.

    With ``above``, the colours that many pixels higher up the line instead. By
    default the view is rendered anew; ``image`` (e.g. a grab of the real screen)
    with ``origin``, the viewport's top-left corner in it, is read instead.
    """
    from annotator.qt.article_view import BAND

    offsets = view.offset_map()
    qt_start, qt_end = offsets.to_qt(start), offsets.to_qt(end)
    if image is None:
        image, origin = view.viewport().grab().toImage(), QPoint(0, 0)
    first, last = caret_point(view, qt_start), caret_point(view, qt_end)
    block = view.document().findBlock(qt_start)
    layout = block.layout()
    line = layout.lineForTextPosition(qt_start - block.position())
    line_bottom = layout.position().y() + line.y() + line.height()
    line_bottom -= view.verticalScrollBar().value()
    y = line_bottom - BAND * depth - 2 - above
    ratio = image.devicePixelRatio()
    left, right = sorted((first.x(), last.x()))
    colors = set()
    for x in range(left + 2, right - 1, 2):
        pixel = image.pixel(int((x + origin.x()) * ratio), int((y + origin.y()) * ratio))
        colors.add(QColor(pixel).name())
    return colors


def keyboard_select(view, start: int, end: int) -> None:
    """Select by keys: click the line, Home, arrows to ``start``, Shift+arrows to ``end``.

    Each arrow press moves one character here (the ranges used hold no combining
    marks); in a right-to-left paragraph the Left key moves forward.
    """
    offsets = view.offset_map()
    block = view.document().findBlock(offsets.to_qt(start))
    scroll_to(view, offsets.to_qt(start))
    point = caret_point(view, offsets.to_qt(start))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    QTest.keyClick(view, Qt.Key.Key_Home)
    rtl = block.textDirection() == Qt.LayoutDirection.RightToLeft
    forward = Qt.Key.Key_Left if rtl else Qt.Key.Key_Right
    block_start = offsets.to_offset(block.position())
    for _ in range(start - block_start):
        QTest.keyClick(view, forward)
    for _ in range(end - start):
        QTest.keyClick(view, forward, Qt.KeyboardModifier.ShiftModifier)


def cancel_progress_when_shown() -> None:
    """Press Cancel on the progress dialog as soon as it appears (a person's click)."""
    shown = [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QProgressDialog) and widget.isVisible()
    ]
    if shown:
        shown[0].cancel()
    else:
        QTimer.singleShot(1, cancel_progress_when_shown)
