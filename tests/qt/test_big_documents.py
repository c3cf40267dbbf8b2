"""Big documents in the window: a long line shown in paragraphs, copied as stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.model import Document, Origin, Span
from annotator.qt.offsets import LONG_LINE
from tests.qt.conftest import band_colors

ACTOR = "#0072b2"


def test_a_long_line_copies_and_tags_as_the_stored_text(window, project):
    text = " ".join(f"كلمة{n}" for n in range(2_000))
    project.import_documents([(Document(title="long", text=text), [])])
    document_id = project.find_document(text)
    window.open_document(document_id)
    view = window.view
    assert view.document().blockCount() > 1  # shown in paragraphs
    start = text.rindex(" ", 0, LONG_LINE) - 5  # a selection across a shown break
    end = start + 12
    view.select_offsets(start, end)
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == text[start:end]
    window.tagging.tag("actor", exact=True)
    spans = project.spans(document_id)
    assert [(s.start, s.end, s.label, s.origin) for s in spans] == [
        (start, end, "actor", Origin.MANUAL)
    ]
    assert [h.span.text_in(text) for h in view.highlights()] == [text[start:end]]


def test_a_span_at_the_end_of_a_long_line_is_painted_in_its_colour(window, project):
    # Only the lines on screen are painted: the end of the line must still get its band.
    text = " ".join(f"كلمة{n}" for n in range(6_000))
    last = text.rindex(" ") + 1
    spans = [Span(last, len(text), "actor")]
    project.import_documents([(Document(title="long", text=text), spans)])
    window.open_document(project.find_document(text))
    view = window.view
    view.select_span(view.spans()[0].id, scroll=True)
    assert view.verticalScrollBar().value() > 0
    assert ACTOR in band_colors(view, last, len(text))


def test_a_long_article_is_laid_out_whole_soon_after_it_opens(window, project, qtbot):
    """Laid out a slice per turn of the event loop: the scroll bar comes to reach the
    real end, and the end of the text is drawn there."""
    paragraphs = [" ".join(f"كلمة{p}_{n}" for n in range(60)) for p in range(1_500)]
    text = "\n".join(paragraphs)
    project.import_documents([(Document(title="long", text=text), [])])
    window.open_document(project.find_document(text))
    view = window.view
    document = view.document()
    assert not document.lastBlock().layout().lineCount()  # the rest is laid out later
    qtbot.waitUntil(lambda: document.lastBlock().layout().lineCount() > 0, timeout=10_000)
    bar = view.verticalScrollBar()
    height = int(document.documentLayout().documentSize().height())
    qtbot.waitUntil(lambda: bar.maximum() >= height - view.viewport().height(), timeout=5_000)
    bar.setValue(bar.maximum())
    view.select_offsets(len(text) - 5, len(text))
    assert view.viewport().rect().contains(view.cursorRect().center())
