"""The window at a small and a large size, in English and in Arabic (issue 12).

The article keeps at least half the width, no column shown cuts its header, and a
screenshot of each is kept in docs/ (README links them; rewritten only with
ANNOTATOR_UPDATE_SCREENSHOTS=1, see tests/qt/screenshots.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle, QTableView

from annotator.core.edits import AddSpan
from annotator.core.model import Document
from annotator.qt.app import article_font
from annotator.qt.i18n import Translations
from annotator.qt.main_window import MainWindow
from tests.qt.screenshots import screenshot_path

SIZES = ((800, 500), (1400, 900))
TITLES = (
    "أطلقت كوريا الشمالية صاروخاً باليستياً جديداً باتجاه بحر اليابان صباح اليوم",
    "Reuters: North Korea fires a new ballistic missile towards the Sea of Japan",
    "روسيا وكوريا الشمالية توقعان اتفاقية للتعاون العسكري والدفاع المشترك",
)


@pytest.fixture
def language(qapp, request):
    translations = Translations(qapp)
    translations.apply(request.param)
    yield request.param
    for widget in QApplication.topLevelWidgets():
        widget.close()
    translations.apply("en")


def tag(project, doc: int, text: str, wanted: str, label: str) -> None:
    start = text.index(wanted)
    project.apply(AddSpan(doc, start, start + len(wanted), label))


def cut_headers(table: QTableView) -> list[str]:
    """Header texts of the visible columns wider than their section."""
    header = table.horizontalHeader()
    metrics = QFontMetrics(header.font())
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    cut = []
    for column in range(header.count()):
        if header.isSectionHidden(column) or header.sectionSize(column) == 0:
            continue
        text = str(table.model().headerData(column, Qt.Orientation.Horizontal))
        if metrics.horizontalAdvance(text) + 2 * margin > header.sectionSize(column):
            cut.append(f"{text!r}: {header.sectionSize(column)} px")
    return cut


@pytest.mark.parametrize("language", ["en", "ar"], indirect=True)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_article_keeps_half_the_window_and_no_header_is_cut(
    qtbot, project, settings, language, width, height, tmp_path
):
    doc = project.document_ids()[0]
    text = project.get_document(doc).text
    tag(project, doc, text, "كوريا الشمالية", "actor")
    tag(project, doc, text, "روسيا", "actor")
    tag(project, doc, text, "قذائف المدفعية عيار 152 ملم", "weapon")
    tag(project, doc, text, "1500 جندي", "number")
    for title in TITLES:
        project.add_document(Document(title=title, text=title))
    settings.setValue("window/geometry", None)
    window = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.width() == width)
    window.open_document(doc)
    QApplication.processEvents()

    assert window.view.width() >= width / 2, window.splitter.sizes()
    for table in (window.document_table, window.span_table):
        if table.isVisible() and table.width() > 0:
            assert cut_headers(table) == []
    window.grab().save(str(screenshot_path(f"window-{width}x{height}-{language}.png", tmp_path)))


def test_a_shrinking_window_squeezes_the_panels_and_gives_them_back(window):
    window.resize(1400, 900)
    QApplication.processEvents()
    wide = window.splitter.sizes()
    window.resize(800, 500)
    QApplication.processEvents()
    narrow = window.splitter.sizes()
    assert narrow[1] >= window.width() / 2
    assert 0 < narrow[0] < wide[0] and 0 < narrow[2] < wide[2]
    window.resize(1400, 900)
    QApplication.processEvents()
    assert window.splitter.sizes() == wide


def test_a_panel_shut_from_the_view_menu_stays_shut_after_a_restart(qtbot, project, settings):
    window = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    window.action("view.document_list").trigger()
    assert window.splitter.sizes()[0] == 0
    assert not window.action("view.document_list").isChecked()
    window.close()

    reopened = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(reopened)
    reopened.show()
    qtbot.waitExposed(reopened)
    assert reopened.splitter.sizes()[0] == 0
    assert not reopened.action("view.document_list").isChecked()
    assert reopened.splitter.sizes()[2] > 0
    reopened.action("view.document_list").trigger()  # and it comes back at its width
    assert reopened.splitter.sizes()[0] > 100


def ink_columns(table: QTableView, row: int, column: int) -> tuple[int, int, int, int]:
    """(first inked x, last inked x, cell left, cell right) of a cell, in viewport pixels."""
    rect = table.visualRect(table.model().index(row, column))
    image = table.viewport().grab(rect).toImage()
    background = image.pixelColor(1, 1)
    inked = [
        x
        for x in range(image.width())
        if any(image.pixelColor(x, y) != background for y in range(image.height()))
    ]
    return inked[0], inked[-1], 0, image.width() - 1


@pytest.mark.parametrize("language", ["en", "ar"], indirect=True)
def test_long_titles_are_cut_at_their_end_on_their_own_side(qtbot, project, settings, language):
    for title in TITLES:
        project.add_document(Document(title=title, text=title))
    window = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(window)
    window.resize(1000, 600)
    window.show()
    qtbot.waitExposed(window)
    table, model = window.document_table, window.documents
    table.clearSelection()
    QApplication.processEvents()
    for row in range(1, model.rowCount()):
        title = model.data(model.index(row, 0))
        assert model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole) == title
        metrics = QFontMetrics(table.font())
        assert metrics.horizontalAdvance(title) > table.columnWidth(0)  # it is cut
        first, last, left, right = ink_columns(table, row, 0)
        if title.startswith("Reuters"):
            assert first - left < 12 and right - last > 2, (first, last, right)
        else:  # Arabic starts at the right edge; the ellipsis ends it on the left
            assert right - last < 12 and first - left < 12, (first, last, right)


def test_a_panel_shut_for_want_of_room_is_back_in_a_larger_window_after_a_restart(
    qtbot, project, settings
):
    window = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(window)
    window.resize(600, 400)
    window.show()
    qtbot.waitExposed(window)
    assert 0 in window.splitter.sizes()  # too narrow for both panels
    window.close()

    reopened = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(reopened)
    reopened.show()
    qtbot.waitExposed(reopened)
    reopened.resize(1400, 900)
    QApplication.processEvents()
    assert 0 not in reopened.splitter.sizes()
    assert reopened.action("view.document_list").isChecked()
    assert reopened.action("view.span_panel").isChecked()


def test_a_label_column_widens_for_spans_listed_after_the_window_shows(qtbot, window):
    """Suggestions stored (or a span tagged) once the list is shown read whole, not "عدد…"."""
    from annotator.arabic.suggest import Suggestion
    from annotator.storage.suggestions import store_suggestions

    table, doc = window.span_table, window.current_document()
    text = window.project.get_document(doc).text
    assert table.model().rowCount() == 0
    number = text.index("1500")
    store_suggestions(window.project, {doc: [Suggestion(number, number + 4, "number")]})
    assert table.model().rowCount() == 1
    wanted = table.sizeHintForColumn(1)  # the label and "(suggested)", on one line
    assert wanted > 60  # more than the column's least width: it must widen
    qtbot.waitUntil(lambda: table.columnWidth(1) >= wanted, timeout=2000)
