"""Big documents in the window: a long line shown in paragraphs, copied as stored."""

from __future__ import annotations

import re

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


WEAPON = "#d55e00"


def _article_of_many_spans(project) -> tuple[int, str]:
    """Paragraphs of words, 2,500 spans on them (more than are shown at once on opening,
    ``FIRST_PAGE``): a weapon over each three words with an actor nested on the middle one."""
    from annotator.qt.span_pages import FIRST_PAGE

    paragraphs = [" ".join(f"كلمة{p}x{n}" for n in range(12)) for p in range(400)]
    text = "\n".join(paragraphs)
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    spans = []
    for first in range(0, len(words) - 3, 4):
        spans.append(Span(words[first][0], words[first + 2][1], "weapon"))
        spans.append(Span(words[first + 1][0], words[first + 1][1], "actor"))
    assert len(spans) > 2 * FIRST_PAGE
    project.import_documents([(Document(title="spans", text=text), spans)])
    return project.find_document(text), text


def test_a_long_articles_spans_are_all_shown_and_listed_soon_after_it_opens(window, project, qtbot):
    document_id, text = _article_of_many_spans(project)
    window.open_document(document_id)
    qtbot.waitUntil(lambda: not window.editing.background.busy(), timeout=10_000)
    view = window.view
    stored = project.spans(document_id)
    assert [h.span for h in view.highlights()] == stored
    assert window.spans.rowCount() == len(stored)
    weapons = sum(span.label == "weapon" for span in stored)
    assert f"سلاح: {weapons}" in window.counts_label.text()  # counted in the worker
    outer, inner = stored[-2], stored[-1]  # the last ones: read in the last page
    assert (outer.label, inner.label) == ("weapon", "actor")
    view.select_span(inner.id, scroll=True)
    view.select_span(None)
    assert ACTOR in band_colors(view, inner.start, inner.end, depth=1)  # nested: above
    assert WEAPON in band_colors(view, outer.start, inner.start)


def test_a_key_pressed_while_a_long_articles_spans_are_read_tags_that_article(
    window, project, qtbot
):
    window.open_document(project.document_ids()[0])
    document_id, text = _article_of_many_spans(project)
    window.open_document(document_id)
    view = window.view
    assert window.editing.loading()  # its other spans are still being read
    # The fourth word (no span on it), in the part shown at once: whatever is read
    # after the key press must not drop its highlight.
    start, end = next(m.span() for i, m in enumerate(re.finditer(r"\S+", text)) if i == 3)
    view.select_offsets(start, end)
    QTest.keyClick(view, Qt.Key.Key_1)
    tagged = [s for s in project.spans(document_id) if s.start == start]
    assert [(s.end, s.label) for s in tagged] == [(end, "actor")]
    qtbot.waitUntil(lambda: not window.editing.background.busy(), timeout=10_000)
    stored = project.spans(document_id)
    assert [h.span for h in view.highlights()] == stored
    assert window.spans.rowCount() == len(stored)
    actors = sum(span.label == "actor" for span in stored)
    assert f"فاعل: {actors}" in window.counts_label.text()  # the tag counted
    view.select_span(tagged[0].id, scroll=True)
    view.select_span(None)
    assert ACTOR in band_colors(view, start, end)


def test_spans_sharing_a_place_across_page_ends_are_all_shown_once(
    window, project, qtbot, monkeypatch
):
    """Four labels on each word, stored in reverse order of their names (a place's spans
    are shown by id, read by label): pages of three end between spans of one place, and
    the next page must start after the greatest label read there, not skip or repeat one."""
    from annotator.qt import span_pages

    monkeypatch.setattr(span_pages, "FIRST_PAGE", 5)
    monkeypatch.setattr(span_pages, "PAGE", 3)
    monkeypatch.setattr("annotator.qt.editing.FIRST_PAGE", 5)
    text = " ".join(f"كلمة{n}" for n in range(12))
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    spans = [
        Span(start, end, label)
        for start, end in words
        for label in ("weapon", "number", "event", "actor")
    ]
    project.import_documents([(Document(title="places", text=text), spans)])
    document_id = project.find_document(text)
    window.open_document(document_id)
    assert window.editing.loading()  # more than the first page: read in pages
    qtbot.waitUntil(lambda: not window.editing.loading(), timeout=10_000)
    shown = [h.span for h in window.view.highlights()]
    assert shown == project.spans(document_id)
    assert len(shown) == 48


def test_a_long_articles_spans_shown_a_page_at_a_time_are_stacked_as_at_once(
    window, project, qtbot, monkeypatch
):
    """Long spans reach over several pages of short ones nested in them: each span
    gets the band it gets when all are shown at once, and the text is laid out whole
    once they are all shown."""
    from annotator.qt import span_pages

    monkeypatch.setattr(span_pages, "FIRST_PAGE", 5)
    monkeypatch.setattr(span_pages, "PAGE", 3)
    monkeypatch.setattr("annotator.qt.editing.FIRST_PAGE", 5)
    text = "\n".join(" ".join(f"كلمة{p}x{n}" for n in range(8)) for p in range(300))
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    spans = [Span(words[k][0], words[k][1], "actor") for k in range(0, 60)]
    spans += [Span(words[k][0], words[k + 9][1], "weapon") for k in range(0, 50, 7)]
    spans += [Span(words[k][0], words[k + 20][1], "event") for k in range(3, 40, 13)]
    project.import_documents([(Document(title="nested", text=text), spans)])
    document_id = project.find_document(text)
    window.open_document(document_id)
    view = window.view
    assert window.editing.loading()
    qtbot.waitUntil(lambda: not window.editing.loading(), timeout=10_000)
    paged = [(h.span, h.start, h.end, h.depth) for h in view.highlights()]
    assert max(depth for *_, depth in paged) >= 2  # spans nested over page ends
    qtbot.waitUntil(lambda: view.document().lastBlock().layout().lineCount() > 0, timeout=10_000)
    view.set_spans(project.spans(document_id))
    assert paged == [(h.span, h.start, h.end, h.depth) for h in view.highlights()]


def test_a_window_closed_while_a_long_articles_spans_are_read_leaves_no_wal_behind(
    qtbot, tmp_path, settings
):
    """The spans are read on a connection of their own: it closes with the window, so
    the project's own connection, closed last, folds the -wal in and removes it."""
    from annotator.qt.app import article_font
    from annotator.qt.main_window import MainWindow
    from annotator.storage import open_project

    path = tmp_path / "long.annotator"
    project = open_project(path)
    document_id, _text = _article_of_many_spans(project)
    window = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(window)
    window.show()
    window.open_document(document_id)
    assert window.editing.loading()  # a statement open on the reader's connection
    window.close()
    project.close()
    assert sorted(p.name for p in tmp_path.glob("long.annotator*")) == ["long.annotator"]
